"""Load handbook content from YAML files: validated like the admin, upserted on (region, slug), all or nothing.

The files are described in fixtures/README.md. Every object goes through the model's full_clean(), the same
validation the admin's forms run. Any error refuses the whole load; nothing is written.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import models, transaction

from directory.models import (
    Assignment,
    ContactChannel,
    Faq,
    GlossaryTerm,
    Meeting,
    OpeningHours,
    Organisation,
    Responsibility,
    Role,
    School,
    ServiceArea,
)
from regions import trash
from regions.models import ContentStatus, Municipality, Partnership, Region, Sector
from routes.models import (
    Phase,
    QuickscanItem,
    QuickscanTheme,
    Route,
    Situation,
    SituationContact,
    Step,
    StepTransition,
    Trigger,
    TriggerRule,
)

DAYS = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}
SECTIONS = (
    "municipalities",
    "organisations",
    "partnerships",
    "roles",
    "meetings",
    "phases",
    "routes",
    "triggers",
    "situations",
    "responsibilities",
    "glossary",
    "faq",
    "quickscan",
    "parent_flows",
    "schools",
    "assignments",
)


class LoadError(Exception):
    """Raised with every problem found; the load changed nothing."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class Report:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        return (
            f"aangemaakt: {sum(self.created.values())}, bijgewerkt: {sum(self.updated.values())}, "
            f"ongewijzigd: {sum(self.unchanged.values())}, verwijderd: {sum(self.deleted.values())}"
        )


@dataclass
class Source:
    path: Path
    data: dict
    region: Region | None = None

    @property
    def name(self) -> str:
        return self.path.name


def read_files(paths: list[Path]) -> list[Source]:
    sources, errors = [], []
    for path in paths:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            errors.append(f"{path.name}: geen geldige YAML ({exc})")
            continue
        if not isinstance(data, dict) or "region" not in data:
            errors.append(f"{path.name}: het bestand moet beginnen met 'region: <regio>'")
            continue
        unknown = set(data) - {"region", "document", *SECTIONS}
        if unknown:
            errors.append(f"{path.name}: onbekende onderdelen: {', '.join(sorted(unknown))}")
        sources.append(Source(path=path, data=data))
    if errors:
        raise LoadError(errors)
    return sources


class Loader:
    """Upserts every object of the given files; collects errors instead of stopping at the first."""

    def __init__(self, sources: list[Source]):
        self.sources = sources
        self.report = Report()
        self.errors: list[str] = []
        self.sectors = {s.code: s for s in Sector.objects.all()}
        self.regions = {r.slug: r for r in Region.objects.all()}
        self.national = next((r for r in self.regions.values() if r.is_national), None)

    # -- helpers -------------------------------------------------------------------------------------------------

    def error(self, src: Source, where: str, message: str) -> None:
        self.errors.append(f"{src.name}: {where}: {message}")

    def source_fields(self, src: Source, item: dict) -> dict:
        source = item.get("source") or {}
        return {
            "source_document": source.get("document") or src.data.get("document") or "redactie",
            "source_section": (source.get("section") or "")[:300],
        }

    def ref(self, src: Source, model: type[models.Model], value: str | None, where: str, **extra) -> Any:
        """Resolve 'slug' in the file's region, or 'landelijk/slug' in the national scope."""
        if not value:
            return None
        region = src.region
        slug = value
        if "/" in value:
            region_slug, slug = value.split("/", 1)
            region = self.regions.get(region_slug)
        obj = model.objects.filter(region=region, slug=slug, **extra).first() if region else None
        if obj is None:
            self.error(src, where, f"verwijst naar onbekende {model._meta.verbose_name} '{value}'")
        return obj

    def refs(self, src: Source, model, values: list[str] | None, where: str) -> list:
        return [obj for obj in (self.ref(src, model, v, where) for v in values or []) if obj is not None]

    def sector_list(self, src: Source, codes: list[str] | None, where: str) -> list[Sector]:
        found = []
        for code in codes or []:
            if code not in self.sectors:
                self.error(src, where, f"onbekende sector '{code}'")
            else:
                found.append(self.sectors[code])
        return found

    def upsert(
        self,
        src: Source,
        model: type[models.Model],
        lookup: dict,
        values: dict,
        *,
        m2m: dict[str, list] | None = None,
        children: list[tuple[str, type[models.Model], str, list[dict]]] | None = None,
    ) -> models.Model | None:
        """Create or update one object; return it, or None after recording why it was refused."""
        label = model._meta.verbose_name
        where = f"{label} '{lookup.get('slug', lookup)}'"
        obj = model.objects.filter(**lookup).first()
        created = obj is None
        changed = False
        if created:
            obj = model(**lookup, **values)
            if any(f.name == "status" for f in model._meta.fields):
                obj.status = ContentStatus.PUBLISHED
        else:
            for name, value in values.items():
                if getattr(obj, name) != value:
                    setattr(obj, name, value)
                    changed = True
        try:
            obj.full_clean()
        except ValidationError as exc:
            self.error(src, where, "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items()))
            return None
        if created or changed:
            obj.save()
        for name, targets in (m2m or {}).items():
            manager = getattr(obj, name)
            if {t.pk for t in manager.all()} != {t.pk for t in targets}:
                manager.set(targets)
                changed = True
        for related_name, child_model, fk_name, rows in children or []:
            changed |= self.sync_children(obj, related_name, child_model, fk_name, rows, src, where)
        bucket = self.report.created if created else self.report.updated if changed else self.report.unchanged
        bucket[label] += 1
        return obj

    def sync_children(self, parent, related_name, child_model, fk_name, rows, src, where) -> bool:
        """Replace a parent's inline rows (channels, hours, rules, ...) when they differ from the file."""
        fields = list(rows[0]) if rows else []

        def key(values) -> tuple:
            # Compared as a multiset: rows without an explicit order come back in any order on PostgreSQL.
            return tuple(v.pk if isinstance(v, models.Model) else v for v in values)

        current = Counter(key(getattr(c, f) for f in fields) for c in getattr(parent, related_name).all())
        wanted = Counter(key(r[f] for f in fields) for r in rows)
        if current == wanted and sum(current.values()) == getattr(parent, related_name).count():
            return False
        getattr(parent, related_name).all().delete()
        for row in rows:
            child = child_model(**{fk_name: parent}, **row)
            try:
                child.full_clean()
            except ValidationError as exc:
                self.error(src, where, f"{child_model._meta.verbose_name}: {'; '.join(exc.messages)}")
                continue
            child.save()
        return True

    # -- sections ------------------------------------------------------------------------------------------------

    def run(self) -> Report:
        for src in self.sources:
            src.region = self.regions.get(src.data["region"])
            if src.region is None:
                self.error(src, "region", f"onbekende regio '{src.data['region']}'")
        if self.errors:
            raise LoadError(self.errors)
        for section in SECTIONS:
            handler = getattr(self, f"load_{section}")
            for src in self.sources:
                for item in src.data.get(section) or []:
                    if not isinstance(item, dict) or not item.get("slug") and section != "assignments":
                        self.error(src, section, f"elk item heeft een 'slug' nodig ({item!r:.60})")
                        continue
                    handler(src, item)
        # Steps' transitions and the routes' removed steps come after every step exists.
        for src in self.sources:
            for item in src.data.get("routes") or []:
                self.load_transitions(src, item)
        if self.errors:
            raise LoadError(self.errors)
        return self.report

    def load_municipalities(self, src: Source, item: dict) -> None:
        self.upsert(src, Municipality, {"slug": item["slug"]}, {"region": src.region, "name": item["name"],
                    **self.source_fields(src, item)})  # fmt: skip

    def load_organisations(self, src: Source, item: dict) -> None:
        where = f"organisatie '{item['slug']}'"
        channels = [
            {"kind": c["kind"], "value": str(c["value"]).strip(), "label": c.get("label", ""), "order": i}
            for i, c in enumerate(item.get("channels") or [])
        ]
        hours = []
        for h in item.get("opening_hours") or []:
            for day in h.get("days") or []:
                if day not in DAYS:
                    self.error(src, where, f"onbekende dag '{day}' (gebruik ma, di, wo, do, vr, za, zo)")
                    continue
                try:
                    opens = datetime.time.fromisoformat(str(h["opens"]))
                    closes = datetime.time.fromisoformat(str(h["closes"]))
                except (KeyError, ValueError):
                    self.error(src, where, f"ongeldige openingstijd {h!r}")
                    continue
                hours.append({"weekday": DAYS[day], "opens": opens, "closes": closes, "note": h.get("note", "")})
        area = item.get("service_area") or {}
        areas = [{"municipality": m, "postcode_from": None, "postcode_to": None}
                 for m in self.refs_global(src, area.get("municipalities"), where)]  # fmt: skip
        areas += [{"municipality": None, "postcode_from": int(a), "postcode_to": int(b)} for a, b in area.get("postcodes") or []]
        self.upsert(
            src,
            Organisation,
            {"region": src.region, "slug": item["slug"]},
            {
                "name": item["name"],
                "short_name": item.get("short_name", ""),
                "kind": item.get("kind", "other"),
                "description": (item.get("description") or "").strip(),
                **self.source_fields(src, item),
            },
            children=[
                ("channels", ContactChannel, "organisation", channels),
                ("opening_hours", OpeningHours, "organisation", hours),
                ("service_areas", ServiceArea, "organisation", areas),
            ],
        )

    def refs_global(self, src: Source, slugs: list[str] | None, where: str) -> list[Municipality]:
        found = []
        for slug in slugs or []:
            municipality = Municipality.objects.filter(slug=slug).first()
            if municipality is None:
                self.error(src, where, f"verwijst naar onbekende gemeente '{slug}'")
            else:
                found.append(municipality)
        return found

    def load_partnerships(self, src: Source, item: dict) -> None:
        where = f"samenwerkingsverband '{item['slug']}'"
        sector = self.sectors.get(item.get("sector", ""))
        if sector is None:
            self.error(src, where, f"onbekende sector '{item.get('sector')}'")
            return
        self.upsert(
            src,
            Partnership,
            {"region": src.region, "slug": item["slug"]},
            {
                "name": item["name"],
                "sector": sector,
                "organisation": self.ref(src, Organisation, item.get("organisation"), where),
                **self.source_fields(src, item),
            },
            m2m={"municipalities": self.refs_global(src, item.get("municipalities"), where)},
        )

    def load_roles(self, src: Source, item: dict) -> None:
        where = f"rol '{item['slug']}'"
        self.upsert(
            src,
            Role,
            {"region": src.region, "slug": item["slug"]},
            {
                "name": item["name"],
                "abbreviation": item.get("abbreviation") or "",
                "organisation": self.ref(src, Organisation, item.get("organisation"), where),
                "summary": (item.get("summary") or "").strip(),
                "tasks": (item.get("tasks") or "").strip(),
                "approach_for": (item.get("approach_for") or "").strip(),
                "not_for": (item.get("not_for") or "").strip(),
                "contact": (item.get("contact") or "").strip(),
                **self.source_fields(src, item),
            },
            m2m={"sectors": self.sector_list(src, item.get("sectors"), where)},
        )

    def load_meetings(self, src: Source, item: dict) -> None:
        where = f"overleg '{item['slug']}'"
        self.upsert(
            src,
            Meeting,
            {"region": src.region, "slug": item["slug"]},
            {
                "name": item["name"],
                "abbreviation": item.get("abbreviation") or "",
                "purpose": (item.get("purpose") or "").strip(),
                "frequency": (item.get("frequency") or "").strip(),
                "chair": self.ref(src, Role, item.get("chair"), where),
                "chair_text": (item.get("chair_text") or "").strip(),
                "members_text": (item.get("members_text") or "").strip(),
                **self.source_fields(src, item),
            },
            m2m={
                "members": self.refs(src, Role, item.get("members"), where),
                "sectors": self.sector_list(src, item.get("sectors"), where),
            },
        )

    def load_phases(self, src: Source, item: dict) -> None:
        self.upsert(
            src,
            Phase,
            {"region": src.region, "slug": item["slug"]},
            {
                "order": item.get("order", 0),
                "name": item["name"],
                **{
                    k: (item.get(k) or "").strip() for k in ("description", "education_tasks", "youth_care_tasks", "shared_tasks")
                },
                **self.source_fields(src, item),
            },
        )

    def load_routes(self, src: Source, item: dict) -> None:
        where = f"route '{item['slug']}'"
        route = self.upsert(
            src,
            Route,
            {"region": src.region, "slug": item["slug"]},
            {
                "name": item["name"],
                "kind": item.get("kind", "ladder"),
                "summary": (item.get("summary") or "").strip(),
                **self.source_fields(src, item),
            },
            m2m={"sectors": self.sector_list(src, item.get("sectors"), where)},
        )
        if route is None:
            return
        steps = item.get("steps") or []
        wanted = {s.get("slug") for s in steps}
        # Free the order numbers first so that reordering steps never trips the (route, order) constraint.
        stale = route.steps.exclude(slug__in=wanted)
        for step in stale:
            try:
                trash.discard(step)  # kept in the prullenbak, in case the file was wrong
                self.report.deleted["stap"] += 1
            except models.ProtectedError:
                self.error(src, where, f"stap '{step.slug}' staat niet meer in het bestand maar wordt nog gebruikt")
        orders = [s.get("order") for s in steps]
        if len(set(orders)) != len(orders):
            self.error(src, where, "twee stappen hebben dezelfde volgorde")
            return
        changed_order = [s for s in steps if route.steps.filter(slug=s.get("slug")).exclude(order=s.get("order")).exists()]
        for offset, step_item in enumerate(changed_order):
            route.steps.filter(slug=step_item["slug"]).update(order=10000 + offset)
        for step_item in steps:
            self.load_step(src, route, step_item)

    def load_step(self, src: Source, route: Route, item: dict) -> None:
        where = f"stap '{route.slug}/{item.get('slug')}'"
        phase = None
        if item.get("phase"):
            phase = Phase.objects.filter(region=self.national, slug=item["phase"]).first()
            if phase is None:
                self.error(src, where, f"onbekende fase '{item['phase']}'")
        src_fields = self.source_fields(src, item) if item.get("source") else {
            "source_document": route.source_document, "source_section": route.source_section}  # fmt: skip
        self.upsert(
            src,
            Step,
            {"route": route, "slug": item["slug"]},
            {
                "order": item["order"],
                "code": item.get("code") or "",
                "title": item["title"],
                "branch": item.get("branch") or "",
                "phase": phase,
                "description": (item.get("description") or "").strip(),
                "regie_role": self.ref(src, Role, item.get("regie_role"), where),
                "regie_text": (item.get("regie_text") or "").strip()[:300],
                "parents": (item.get("parents") or "").strip(),
                "deadlines": (item.get("deadlines") or "").strip(),
                "requires": (item.get("requires") or "").strip(),
                **src_fields,
            },
            m2m={
                "roles": self.refs(src, Role, item.get("roles"), where),
                "meetings": self.refs(src, Meeting, item.get("meetings"), where),
            },
        )

    def load_transitions(self, src: Source, item: dict) -> None:
        route = Route.objects.filter(region=src.region, slug=item["slug"]).first()
        if route is None:
            return
        steps = {s.slug: s for s in route.steps.all()}
        for step_item in item.get("steps") or []:
            step = steps.get(step_item.get("slug"))
            if step is None:
                continue
            rows = []
            for link in step_item.get("next") or []:
                target = steps.get(link.get("to"))
                if target is None:
                    self.error(src, f"stap '{route.slug}/{step.slug}'", f"leidt naar onbekende stap '{link.get('to')}'")
                    continue
                rows.append({"to_step": target, "kind": link.get("kind", "escalate"), "label": (link.get("label") or "")[:300]})
            had_links = step.next_links.exists()
            if self.sync_children(step, "next_links", StepTransition, "from_step", rows, src, f"stap '{step.slug}'"):
                (self.report.updated if had_links else self.report.created)["overgangen"] += 1

    def load_triggers(self, src: Source, item: dict) -> None:
        where = f"signaal '{item['slug']}'"
        route = self.ref(src, Route, item.get("route"), where)
        step = None
        if item.get("step"):
            step = Step.objects.filter(route=route, slug=item["step"]).first() if route else None
            if step is None:
                self.error(src, where, f"verwijst naar onbekende stap '{item['step']}'")
        rules = []
        for rule in item.get("rules") or []:
            try:
                rules.append({"metric": rule["metric"], "op": rule["op"], "value": Decimal(str(rule["value"]))})
            except (KeyError, InvalidOperation):
                self.error(src, where, f"ongeldige regel {rule!r}")
        self.upsert(
            src,
            Trigger,
            {"region": src.region, "slug": item["slug"]},
            {
                "name": item["name"],
                "description": (item.get("description") or "").strip(),
                "route": route,
                "step": step,
                "contact_role": self.ref(src, Role, item.get("contact_role"), where),
                "level": item.get("level"),
                "match": item.get("match", "any"),
                "target_share": str(item.get("target_share") or "")[:120],
                **self.source_fields(src, item),
            },
            children=[("rules", TriggerRule, "trigger", rules)],
        )

    def load_situations(self, src: Source, item: dict) -> None:
        where = f"situatie '{item['slug']}'"
        route = self.ref(src, Route, item.get("route"), where)
        step = None
        if item.get("step"):
            step = Step.objects.filter(route=route, slug=item["step"]).first() if route else None
            if step is None:
                self.error(src, where, f"verwijst naar onbekende stap '{item['step']}'")
        contacts = [{"role": role, "order": i} for i, role in enumerate(self.refs(src, Role, item.get("first_roles"), where))]
        self.upsert(
            src,
            Situation,
            {"region": src.region, "slug": item["slug"]},
            {
                "title": item["title"],
                "description": (item.get("description") or "").strip(),
                "route": route,
                "step": step,
                **self.source_fields(src, item),
            },
            m2m={"sectors": self.sector_list(src, item.get("sectors"), where)},
            children=[("contacts", SituationContact, "situation", contacts)],
        )

    def load_responsibilities(self, src: Source, item: dict) -> None:
        self.upsert(
            src,
            Responsibility,
            {"region": src.region, "slug": item["slug"]},
            {
                "topic": item["topic"],
                "youth_care": (item.get("youth_care") or "").strip(),
                "education": (item.get("education") or "").strip(),
                "order": item.get("order", 0),
                **self.source_fields(src, item),
            },
        )

    def load_glossary(self, src: Source, item: dict) -> None:
        self.upsert(
            src,
            GlossaryTerm,
            {"region": src.region, "slug": item["slug"]},
            {
                "abbreviation": item.get("abbreviation") or "",
                "term": item["term"],
                "explanation": (item.get("explanation") or "").strip(),
                "synonyms": [str(s) for s in item.get("synonyms") or []],
                **self.source_fields(src, item),
            },
        )

    def load_faq(self, src: Source, item: dict) -> None:
        self.upsert(
            src,
            Faq,
            {"region": src.region, "slug": item["slug"]},
            {
                "question": item["question"],
                "answer": (item.get("answer") or "").strip(),
                "order": item.get("order", 0),
                **self.source_fields(src, item),
            },
        )

    def load_quickscan(self, src: Source, item: dict) -> None:
        items = [{"order": i.get("order", n + 1), "text": i["text"].strip()} for n, i in enumerate(item.get("items") or [])]
        self.upsert(
            src,
            QuickscanTheme,
            {"region": src.region, "slug": item["slug"]},
            {
                "order": item.get("order", 0),
                "name": item["name"],
                "description": (item.get("description") or "").strip(),
                **self.source_fields(src, item),
            },
            children=[("items", QuickscanItem, "theme", items)],
        )

    def load_parent_flows(self, src: Source, item: dict) -> None:
        """A parents' flow and its nodes; the graph is validated like the admin does before anything is saved."""
        from routes.parent_flows import FlowNode, NodeSpec, ParentFlow, validate_flow

        where = f"wegwijzer '{item['slug']}'"
        nodes = item.get("nodes") or []
        specs = [
            NodeSpec(n.get("slug", ""), n.get("kind", ""), n.get("order", i), tuple((a.get("label", ""), a.get("to", "")) for a in n.get("answers") or []))
            for i, n in enumerate(nodes)
        ]  # fmt: skip
        for problem in validate_flow(specs):
            self.error(src, where, problem)
        flow = self.upsert(
            src,
            ParentFlow,
            {"region": src.region, "slug": item["slug"]},
            {"title": item["title"], "intro": (item.get("intro") or "").strip(), **self.source_fields(src, item)},
        )
        if flow is None:
            return
        wanted = set()
        for order, node in enumerate(nodes, start=1):
            wanted.add(node["slug"])
            self.upsert(
                src,
                FlowNode,
                {"flow": flow, "slug": node["slug"]},
                {
                    "kind": node["kind"],
                    "order": node.get("order", order),
                    "title": node["title"],
                    "body": (node.get("body") or "").strip(),
                    "answers": [{"label": a["label"], "to": a["to"]} for a in node.get("answers") or []],
                    "expectations": (node.get("expectations") or "").strip(),
                    "sensitive": bool(node.get("sensitive", False)),
                },
                m2m={"organisations": self.refs(src, Organisation, node.get("organisations"), f"{where}/{node['slug']}")},
            )
        stale = flow.nodes.exclude(slug__in=wanted)
        if stale.exists():
            self.report.deleted["stappen van de wegwijzer"] += stale.count()
            stale.delete()

    def load_schools(self, src: Source, item: dict) -> None:
        where = f"school '{item['slug']}'"
        municipality = next(iter(self.refs_global(src, [item.get("municipality")], where)), None)
        sector = self.sectors.get(item.get("sector", ""))
        if sector is None:
            self.error(src, where, f"onbekende sector '{item.get('sector')}'")
            return
        self.upsert(
            src,
            School,
            {"region": src.region, "slug": item["slug"]},
            {
                "name": item["name"],
                "sector": sector,
                "municipality": municipality,
                "partnership": self.ref(src, Partnership, item.get("partnership"), where),
                **{
                    k: str(item.get(k) or "")
                    for k in ("brin", "location_number", "street", "postcode", "city", "phone", "email", "website")
                },
                "is_demo": bool(item.get("demo", False)),
                **self.source_fields(src, item),
            },
        )

    def load_assignments(self, src: Source, item: dict) -> None:
        where = f"toewijzing '{item.get('school')}/{item.get('role')}'"
        school = self.ref(src, School, item.get("school"), where)
        role = self.ref(src, Role, item.get("role"), where)
        if school is None or role is None:
            return
        self.upsert(
            src,
            Assignment,
            {"school": school, "role": role, "person_name": item["person_name"]},
            {
                "region": src.region,
                "organisation": self.ref(src, Organisation, item.get("organisation"), where),
                **{k: str(item.get(k) or "") for k in ("phone", "email", "availability")},
                "visibility": item.get("visibility", "professionals"),
                "order": item.get("order", 0),
                "is_demo": bool(item.get("demo", False)),
                **self.source_fields(src, item),
            },
        )


def load_content(paths: list[Path], *, dry_run: bool = False) -> Report:
    """Load the files in one transaction; raise LoadError (and write nothing) when anything is wrong."""
    sources = read_files(paths)
    with transaction.atomic():
        report = Loader(sources).run()
        if dry_run:
            transaction.set_rollback(True)
    return report
