"""The content-file sections this app loads, each item through the form the admin uses."""

from __future__ import annotations

import datetime

from directory.forms import (
    AssignmentForm,
    ContactChannelForm,
    EvaluationQuestionForm,
    FaqForm,
    GlossaryTermForm,
    MeetingEvaluationForm,
    MeetingForm,
    OpeningHoursForm,
    OrganisationForm,
    PartnershipForm,
    ResponsibilityForm,
    RoleForm,
    SchoolForm,
    SchoolScopeForm,
    ServiceAreaForm,
)
from directory.models import Meeting, Organisation, Partnership, Role, School
from regions.loading import Child, Loader, Section, Source, keywords, text

DAYS = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}


def load_organisation(loader: Loader, src: Source, item: dict) -> None:
    where = f"organisatie '{item['slug']}'"
    channels = [
        {"kind": c["kind"], "value": str(c["value"]).strip(), "label": c.get("label", ""), "order": i}
        for i, c in enumerate(item.get("channels") or [])
    ]
    hours = []
    for h in item.get("opening_hours") or []:
        for day in h.get("days") or []:
            if day not in DAYS:
                loader.error(src, where, f"onbekende dag '{day}' (gebruik ma, di, wo, do, vr, za, zo)")
                continue
            try:
                opens = datetime.time.fromisoformat(str(h["opens"]))
                closes = datetime.time.fromisoformat(str(h["closes"]))
            except (KeyError, ValueError):
                loader.error(src, where, f"ongeldige openingstijd {h!r}")
                continue
            hours.append({"weekday": DAYS[day], "opens": opens, "closes": closes, "note": h.get("note", "")})
    area = item.get("service_area") or {}
    areas = [
        {"municipality": m, "postcode_from": None, "postcode_to": None}
        for m in loader.municipalities(src, area.get("municipalities"), where)
    ]
    areas += [{"municipality": None, "postcode_from": int(a), "postcode_to": int(b)} for a, b in area.get("postcodes") or []]
    loader.upsert(
        src,
        OrganisationForm,
        {"region": src.region, "slug": item["slug"]},
        {
            "name": item["name"],
            "short_name": item.get("short_name", ""),
            "kind": item.get("kind", "other"),
            "description": text(item, "description"),
            "keywords": keywords(item),
            **loader.source_fields(src, item),
        },
        children=[
            Child("channels", ContactChannelForm, "organisation", channels),
            Child("opening_hours", OpeningHoursForm, "organisation", hours),
            Child("service_areas", ServiceAreaForm, "organisation", areas),
        ],
    )


def load_partnership(loader: Loader, src: Source, item: dict) -> None:
    where = f"samenwerkingsverband '{item['slug']}'"
    sector = loader.sectors.get(item.get("sector", ""))
    if sector is None:
        loader.error(src, where, f"onbekende sector '{item.get('sector')}'")
        return
    loader.upsert(
        src,
        PartnershipForm,
        {"region": src.region, "slug": item["slug"]},
        {
            "name": item["name"],
            "sector": sector,
            "organisation": loader.ref(src, Organisation, item.get("organisation"), where),
            "municipalities": loader.municipalities(src, item.get("municipalities"), where),
            **loader.source_fields(src, item),
        },
    )


def load_role(loader: Loader, src: Source, item: dict) -> None:
    where = f"rol '{item['slug']}'"
    loader.upsert(
        src,
        RoleForm,
        {"region": src.region, "slug": item["slug"]},
        {
            "name": item["name"],
            "abbreviation": item.get("abbreviation") or "",
            "organisation": loader.ref(src, Organisation, item.get("organisation"), where),
            "sectors": loader.sector_list(src, item.get("sectors"), where),
            **{key: text(item, key) for key in ("summary", "tasks", "approach_for", "not_for", "contact")},
            "keywords": keywords(item),
            **loader.source_fields(src, item),
        },
    )


def load_meeting(loader: Loader, src: Source, item: dict) -> None:
    where = f"overleg '{item['slug']}'"
    loader.upsert(
        src,
        MeetingForm,
        {"region": src.region, "slug": item["slug"]},
        {
            "name": item["name"],
            "abbreviation": item.get("abbreviation") or "",
            "sectors": loader.sector_list(src, item.get("sectors"), where),
            "chair": loader.ref(src, Role, item.get("chair"), where),
            "members": loader.refs(src, Role, item.get("members"), where),
            **{key: text(item, key) for key in ("purpose", "frequency", "chair_text", "members_text")},
            **loader.source_fields(src, item),
        },
    )


def load_meeting_evaluation(loader: Loader, src: Source, item: dict) -> None:
    """A meeting's evaluation guide, with its questions under their headings."""
    where = f"evaluatie '{item['slug']}'"
    questions = [
        {
            "group": (group.get("name") or "").strip(),
            "order": question["order"],
            "text": question["text"].strip(),
            "sub_questions": "\n".join(str(q).strip() for q in question.get("sub_questions") or []),
        }
        for group in item.get("question_groups") or []
        for question in group.get("questions") or []
    ]
    loader.upsert(
        src,
        MeetingEvaluationForm,
        {"region": src.region, "slug": item["slug"]},
        {
            "meeting": loader.ref(src, Meeting, item.get("meeting"), where),
            "title": item["title"],
            **{key: text(item, key) for key in ("purpose", "frequency", "deadline", "report_to", "chair_text", "topics_text")},
            **loader.source_fields(src, item),
        },
        children=[Child("questions", EvaluationQuestionForm, "evaluation", questions)],
    )


def load_responsibility(loader: Loader, src: Source, item: dict) -> None:
    loader.upsert(
        src,
        ResponsibilityForm,
        {"region": src.region, "slug": item["slug"]},
        {
            "topic": item["topic"],
            "youth_care": text(item, "youth_care"),
            "education": text(item, "education"),
            "other_law": text(item, "other_law"),
            "ambiguous": text(item, "ambiguous"),
            "keywords": [str(k) for k in item.get("keywords") or []],
            "order": item.get("order", 0),
            **loader.source_fields(src, item),
        },
    )


def load_glossary_term(loader: Loader, src: Source, item: dict) -> None:
    loader.upsert(
        src,
        GlossaryTermForm,
        {"region": src.region, "slug": item["slug"]},
        {
            "abbreviation": item.get("abbreviation") or "",
            "term": item["term"],
            "explanation": text(item, "explanation"),
            "synonyms": [str(s) for s in item.get("synonyms") or []],
            **loader.source_fields(src, item),
        },
    )


def load_faq(loader: Loader, src: Source, item: dict) -> None:
    where = f"veelgestelde vraag '{item['slug']}'"
    loader.upsert(
        src,
        FaqForm,
        {"region": src.region, "slug": item["slug"]},
        {
            "question": item["question"],
            "answer": text(item, "answer"),
            "order": item.get("order", 0),
            "roles": loader.refs(src, Role, item.get("roles"), where),
            "keywords": [str(k) for k in item.get("keywords") or []],
            **loader.source_fields(src, item),
        },
    )


def load_school(loader: Loader, src: Source, item: dict) -> None:
    where = f"school '{item['slug']}'"
    municipality = next(iter(loader.municipalities(src, [item.get("municipality")], where)), None)
    sector = loader.sectors.get(item.get("sector", ""))
    if sector is None:
        loader.error(src, where, f"onbekende sector '{item.get('sector')}'")
        return
    address = ("brin", "location_number", "street", "postcode", "city", "phone", "email", "website")
    loader.upsert(
        src,
        SchoolForm,
        {"region": src.region, "slug": item["slug"]},
        {
            "name": item["name"],
            "sector": sector,
            "municipality": municipality,
            "partnership": loader.ref(src, Partnership, item.get("partnership"), where),
            **{key: str(item.get(key) or "") for key in address},
            "is_demo": bool(item.get("demo", False)),
            **loader.source_fields(src, item),
        },
    )


def load_school_scope(loader: Loader, src: Source, item: dict) -> None:
    """Which schools of one municipality (or one place in it) the region lists, and what its handbook covers there."""
    where = f"reikwijdte '{item.get('municipality')}{'/' + item['place'] if item.get('place') else ''}'"
    municipality = next(iter(loader.municipalities(src, [item.get("municipality")], where)), None)
    if municipality is None:
        return
    loader.upsert(
        src,
        SchoolScopeForm,
        {"municipality": municipality, "place": str(item.get("place") or "")},
        {
            "region": src.region,
            "sectors": loader.sector_list(src, item.get("sectors"), where),
            "coverage": item.get("coverage", "described"),
            "partnership_known": bool(item.get("partnership_known", True)),
            "covers": text(item, "covers"),
            "not_covered": text(item, "not_covered"),
            **loader.source_fields(src, item),
        },
    )


def load_assignment(loader: Loader, src: Source, item: dict) -> None:
    where = f"toewijzing '{item.get('school')}/{item.get('role')}'"
    school = loader.ref(src, School, item.get("school"), where)
    role = loader.ref(src, Role, item.get("role"), where)
    if school is None or role is None:
        return
    loader.upsert(
        src,
        AssignmentForm,
        {"school": school, "role": role, "person_name": item["person_name"]},
        {
            "region": src.region,
            "organisation": loader.ref(src, Organisation, item.get("organisation"), where),
            **{key: str(item.get(key) or "") for key in ("phone", "email", "availability")},
            "visibility": item.get("visibility", "professionals"),
            "order": item.get("order", 0),
            "is_demo": bool(item.get("demo", False)),
            **loader.source_fields(src, item),
        },
    )


# In the order they load; what a section points at is loaded by an earlier one (regions' municipalities first).
SECTIONS = [
    Section("organisations", load_organisation),
    Section("partnerships", load_partnership),
    Section("roles", load_role),
    Section("meetings", load_meeting),
    Section("meeting_evaluations", load_meeting_evaluation),
    Section("responsibilities", load_responsibility),
    Section("glossary", load_glossary_term),
    Section("faq", load_faq),
    Section("school_scope", load_school_scope, needs_slug=False),
    Section("schools", load_school),
    Section("assignments", load_assignment, needs_slug=False),
]
