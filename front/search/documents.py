"""The registry of searchable kinds: what each kind's title, zoekwoorden and body are, its page and its region.

A new kind of content is one entry in KINDS. Everything else (indexing, signals, ranking, the page) reads this
registry; how much each field and kind counts is in weights.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet

from directory.models import Faq, GlossaryTerm, Meeting, Organisation, Responsibility, Role
from parents.models import FlowNode, NodeKind, ParentFlow
from regions.models import Region
from routes.models import Situation, Step, Topic, Trigger


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    model: type[Model]
    title: Callable[[Model], list[str]]
    keywords: Callable[[Model], list[str]]
    body: Callable[[Model], list[str]]
    region: Callable[[Model], Region]
    sector_path: str | None = None
    related: tuple[str, ...] = ("region",)  # what title(), body() and get_absolute_url() read from other tables
    display: Callable[[Model], str] = str

    def published(self) -> QuerySet:
        """The rows the public may find; the index holds drafts too, this decides at query time."""
        if self.model is FlowNode:
            return FlowNode.objects.filter(flow__in=ParentFlow.objects.published(), kind=NodeKind.OUTCOME)
        return self.model.objects.published()


def _fields(*names: str) -> Callable[[Model], list[str]]:
    return lambda obj: [str(getattr(obj, n) or "") for n in names]


def _keywords(obj) -> list[str]:
    """Zoekwoorden: a comma-separated text (roles, organisations, situations) or a list (FAQs, who-pays rows)."""
    value = obj.keywords or []
    return [k.strip() for k in (value.split(",") if isinstance(value, str) else value) if k.strip()]


def _own_region(obj) -> Region:
    return obj.region


# A table, clearer aligned: the formatter leaves it as it is.
KINDS: list[Kind] = [
    Kind("role", "Rollen", Role, _fields("name", "abbreviation"), _keywords,
         _fields("summary", "tasks", "approach_for", "not_for", "contact"), _own_region, sector_path="sectors"),
    Kind("organisation", "Organisaties", Organisation, _fields("name", "short_name"), _keywords,
         _fields("description"), _own_region),
    Kind("situation", "Situaties", Situation, _fields("title"), _keywords, _fields("description"), _own_region,
         sector_path="sectors"),
    Kind("trigger", "Signalen", Trigger, _fields("name"), lambda obj: [], _fields("description", "target_share"),
         _own_region, related=("region", "route__region")),
    Kind("step", "Routestappen", Step, _fields("title", "code"), lambda obj: [],
         _fields("description", "parents", "deadlines", "regie_text"), lambda obj: obj.route.region,
         sector_path="route__sectors", related=("route__region",), display=lambda obj: f"{obj} ({obj.route.name})"),
    Kind("meeting", "Overleggen", Meeting, _fields("name", "abbreviation"), lambda obj: [],
         _fields("purpose", "members_text", "frequency"), _own_region, sector_path="sectors"),
    Kind("parents", "Voor ouders", FlowNode, _fields("title"), lambda obj: [], _fields("body", "expectations"),
         lambda obj: obj.flow.region, related=("flow__region",)),
    Kind("whopays", "Wie betaalt wat", Responsibility, _fields("topic"), _keywords,
         _fields("youth_care", "education", "other_law", "ambiguous"), _own_region),
    Kind("faq", "Veelgestelde vragen", Faq, _fields("question"), _keywords, _fields("answer"), _own_region),
    Kind("topic", "Onderwerpen", Topic, _fields("title"), lambda obj: [], _fields("body"), _own_region),
    Kind("term", "Begrippen", GlossaryTerm, _fields("abbreviation", "term"), lambda obj: list(obj.synonyms or []),
         _fields("explanation"), _own_region),
]  # fmt: skip
BY_KEY = {k.key: k for k in KINDS}
BY_MODEL = {k.model: k for k in KINDS}
# Schools are found by the school finder (directory.school_search: names, codes, postcodes), not this index.
KIND_LABELS = {**{k.key: k.label for k in KINDS}, "school": "Scholen"}
# What one result is, shown beside it in the ranked list.
KIND_NOUNS = {
    "role": "Rol",
    "organisation": "Organisatie",
    "situation": "Situatie",
    "trigger": "Signaal",
    "step": "Routestap",
    "meeting": "Overleg",
    "parents": "Voor ouders",
    "whopays": "Wie betaalt wat",
    "faq": "Veelgestelde vraag",
    "topic": "Onderwerp",
    "term": "Begrip",
    "school": "School",
}
