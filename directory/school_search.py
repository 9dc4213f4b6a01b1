"""The school finder: one box that finds a school by name (with or without "basisschool", "de", "OBS", with a
typo), by vestigingscode or BRIN (21AB00, 21AB), by postcode (1017 RV, 1017RV, 1017), street or place.

It matches the folded `School.search_text` (name, address, codes), so accents and spacing do not matter, and ranks
in Python: a code or full postcode first, then names that hold every word, then street and place. A word that
matches no school is replaced by the closest word of any school's text (difflib), once. Two to four queries,
whatever the number of schools. The school list, the site search (`front.search`) and the API all call `find_schools`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from directory.models import School
from directory.models.schools import fold
from directory.selectors import schools_for_region
from regions.cache import cached_by_version
from regions.models import Region, Sector

# Words that say "a school" and name none: "OBS De Regenboog" is found as "regenboog", and as "basisschool regenboog".
GENERIC = frozenset(
    "de het een den der van basisschool school scholen obs cbs pcbs rkbs rk ikc kindcentrum integraal openbare "
    "openbaar christelijke katholieke protestants bs sbo so vso vo college lyceum gymnasium".split()
)
CODE = re.compile(r"^([0-9]{2}[a-z]{2})([0-9]{2})?$")
POSTCODE = re.compile(r"^([1-9][0-9]{3})\s?([a-z]{2})?$")
MAX_CANDIDATES = 200


@dataclass
class SchoolMatch:
    school: School
    score: float
    how: str  # "code", "postcode", "naam", "adres": what matched, for the ranking and a reader of the API

    @property
    def summary(self) -> str:
        """'Voortgezet onderwijs · Weteringschans 31, 1017 RV Amsterdam · 21AB00', for a search result."""
        school = self.school
        where = ", ".join(p for p in (school.street, f"{school.postcode} {school.city}".strip()) if p)
        return " · ".join(p for p in (school.sector.name, where, school.code) if p)


def _base(region: Region | None, sector: Sector | None) -> QuerySet[School]:
    qs = schools_for_region(region=region)
    if sector is not None:
        qs = qs.filter(sector=sector)
    return qs.filter(closed_on__isnull=True)


def _vocabulary(region: Region | None) -> list[str]:
    """Every word of every school's text in scope, cached until content changes: the typo fallback's dictionary."""

    def compute() -> list[str]:
        seen: set[str] = set()
        for text in _base(region, None).values_list("search_text", flat=True):
            seen.update(w for w in text.split() if len(w) > 3 and not w.isdigit())
        return sorted(seen)

    return cached_by_version("school-vocabulary", region.slug if region else "-", compute)


def _words(query: str) -> tuple[list[str], list[str]]:
    """The query's folded words, and those that name a school (generic words left out, unless nothing is left)."""
    words = fold(query).split()
    specific = [w for w in words if w not in GENERIC]
    return words, specific or words


def _score(school: School, words: list[str], specific: list[str]) -> tuple[float, str]:
    name = fold(school.name)
    name_words = name.split()
    if all(any(nw.startswith(w) for nw in name_words) for w in specific):
        score = 20.0 + sum(2 for w in words if w in name_words) + (10 if name == " ".join(words) else 0)
        return score - len(name_words) * 0.1, "naam"  # of two equal matches, the shorter name is the closer
    return 6.0, "adres"


def find_schools(query: str, *, region: Region | None = None, sector: Sector | None = None, limit: int = 50) -> list[SchoolMatch]:
    """Open schools matching `query`, best first."""
    folded = fold(query)
    if not folded:
        return []
    compact = folded.replace(" ", "")
    qs = _base(region, sector)
    code = CODE.match(compact)
    if code:
        found = qs.filter(brin=code.group(1).upper())
        if code.group(2):
            found = found.filter(location_number=code.group(2))
        matches = [
            SchoolMatch(s, 40.0 - len(s.location_number and s.location_number.lstrip("0")), "code")
            for s in found[:MAX_CANDIDATES]
        ]
        return sorted(matches, key=lambda m: (-m.score, m.school.name))[:limit]
    postcode = POSTCODE.match(folded)
    if postcode:
        prefix = postcode.group(1) + (" " + postcode.group(2).upper() if postcode.group(2) else "")
        found = qs.filter(postcode__startswith=prefix).order_by("postcode", "name")[:MAX_CANDIDATES]
        return [SchoolMatch(s, 30.0 if postcode.group(2) else 25.0, "postcode") for s in found][:limit]
    words, specific = _words(query)
    # The query as typed, as a phrase ("school 0", "basisschool loep"): when some school holds it, those are the answer.
    matches = _match(qs, words, words, phrase=True)
    if not matches:
        matches = _match(qs, words, specific)
    if not matches:
        corrected = _correct(specific, region)
        if corrected != specific:
            matches = _match(qs, words, corrected)
            for match in matches:
                match.score *= 0.95
    return sorted(matches, key=lambda m: (-m.score, m.school.name))[:limit]


def _word(word: str) -> Q:
    """A word of three letters or more anywhere in the text (part of a word too); a shorter one or a number whole."""
    if len(word) >= 3 and not word.isdigit():
        return Q(search_text__contains=word)
    return Q(search_text__startswith=f"{word} ") | Q(search_text__contains=f" {word} ") | Q(search_text__endswith=f" {word}")


def _match(qs: QuerySet[School], words: list[str], specific: list[str], *, phrase: bool = False) -> list[SchoolMatch]:
    if phrase:
        condition = _word(" ".join(words)) if len(words) > 1 else Q(pk__in=[])
    else:
        condition = Q()
        for word in specific:
            condition &= _word(word)
    matches = []
    for school in qs.filter(condition)[:MAX_CANDIDATES]:
        score, how = _score(school, words, specific)
        matches.append(SchoolMatch(school, score, how))
    return matches


def _correct(words: list[str], region: Region | None) -> list[str]:
    vocabulary = _vocabulary(region)
    corrected = []
    for word in words:
        if len(word) >= 4 and not word.isdigit() and not any(word in v for v in vocabulary):
            close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
            corrected.append(close[0] if close else word)
        else:
            corrected.append(word)
    return corrected
