"""The Kenniskaart quickscan filled in: answers read from the query string, summed per theme, never stored.

A school-youth-care team rates every statement "Is goed / Neutraal / Kan beter" (the scale the Kenniskaart prints
above each theme) and may add a remark. The answers live in the URL only, so the team can bookmark, print or share
the result; the server keeps nothing.

Parameter names are `<theme slug>-<statement order>` for the rating and `<...>-opm` for the remark, so a link
still means the same statements after the content is loaded again (database ids would change).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import QueryDict

from regions.params import query_text
from routes.models import QuickscanItem, QuickscanTheme

# The scale as the Kenniskaart prints it (seed 004, "Quickscan kwaliteit"), keyed by the value in the URL.
RATINGS = {"goed": "Is goed", "neutraal": "Neutraal", "beter": "Kan beter"}
REMARK_LABEL = "Opmerkingen"
REMARK_MAX_LENGTH = 500
# Spreadsheet programs run a cell that starts with one of these as a formula; a remark must stay text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def themes() -> list[QuickscanTheme]:
    """The national quickscan's themes with their statements, in the Kenniskaart's order."""
    return list(
        QuickscanTheme.objects.published()
        .filter(region__is_national=True)
        .select_related("region")
        .prefetch_related(Prefetch("items", queryset=QuickscanItem.objects.order_by("order")))
        .order_by("order")
    )


def rating_name(theme: QuickscanTheme, item: QuickscanItem) -> str:
    return f"{theme.slug}-{item.order}"


@dataclass
class Answer:
    item: QuickscanItem
    name: str
    rating: str = ""  # a key of RATINGS, or "" when not rated
    remark: str = ""

    @property
    def rating_label(self) -> str:
        return RATINGS.get(self.rating, "Niet ingevuld")


@dataclass
class ThemeAnswers:
    theme: QuickscanTheme
    answers: list[Answer] = field(default_factory=list)

    @property
    def counts(self) -> list[tuple[str, int]]:
        """How many statements got each rating, and how many none, in the scale's order."""
        counted = [(label, sum(a.rating == key for a in self.answers)) for key, label in RATINGS.items()]
        return [*counted, ("Niet ingevuld", sum(not a.rating for a in self.answers))]

    @property
    def remarks(self) -> list[Answer]:
        return [a for a in self.answers if a.remark]


@dataclass
class Filled:
    themes: list[ThemeAnswers]
    submitted: bool
    errors: list[str]


def read(all_themes: list[QuickscanTheme], params: QueryDict) -> Filled:
    """The answers in `params`; `errors` (Dutch) lists every value that is not one the form can send."""
    result, errors, submitted = [], [], False
    for theme in all_themes:
        group = ThemeAnswers(theme)
        for item in theme.items.all():
            name = rating_name(theme, item)
            rating = params.get(name, "")
            raw_remark = params.get(f"{name}-opm", "")
            submitted |= name in params or f"{name}-opm" in params
            if rating and rating not in RATINGS:
                errors.append(
                    f"De beoordeling bij {theme.name}, stelling {item.order} is ongeldig. Kies Is goed, Neutraal of Kan beter."
                )
                rating = ""
            if len(raw_remark) > REMARK_MAX_LENGTH:
                errors.append(
                    f"De opmerking bij {theme.name}, stelling {item.order} is te lang: "
                    f"gebruik hooguit {REMARK_MAX_LENGTH} tekens."
                )
            remark = query_text(raw_remark, max_length=REMARK_MAX_LENGTH)
            group.answers.append(Answer(item=item, name=name, rating=rating, remark=remark))
        result.append(group)
    return Filled(themes=result, submitted=submitted, errors=errors)


def as_text_cell(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_START) else value


def to_csv(filled: Filled) -> str:
    """Semicolon-separated with a byte-order mark: Excel with Dutch settings opens it in columns, accents intact."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Thema", "Nr.", "Stelling", "Beoordeling", REMARK_LABEL])
    for group in filled.themes:
        for answer in group.answers:
            row = [group.theme.name, answer.item.order, answer.item.text, answer.rating_label, answer.remark]
            writer.writerow([as_text_cell(str(v)) for v in row])
    return out.getvalue()
