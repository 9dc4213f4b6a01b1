"""The content-file sections this app loads, each item through the form the admin uses."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import models

from directory.models import Faq, Meeting, Role
from regions import trash
from regions.loading import Child, Loader, Section, Source, keywords, text
from routes.forms import (
    PhaseForm,
    QuickscanItemForm,
    QuickscanThemeForm,
    RouteForm,
    SituationContactForm,
    SituationForm,
    StepForm,
    StepTransitionForm,
    TopicForm,
    TriggerForm,
    TriggerRuleForm,
)
from routes.models import Phase, Route, Situation, Step


def load_phase(loader: Loader, src: Source, item: dict) -> None:
    loader.upsert(
        src,
        PhaseForm,
        {"region": src.region, "slug": item["slug"]},
        {
            "order": item.get("order", 0),
            "name": item["name"],
            **{key: text(item, key) for key in ("description", "education_tasks", "youth_care_tasks", "shared_tasks")},
            **loader.source_fields(src, item),
        },
    )


def load_route(loader: Loader, src: Source, item: dict) -> None:
    where = f"route '{item['slug']}'"
    route = loader.upsert(
        src,
        RouteForm,
        {"region": src.region, "slug": item["slug"]},
        {
            "name": item["name"],
            "kind": item.get("kind", "ladder"),
            "sectors": loader.sector_list(src, item.get("sectors"), where),
            "summary": text(item, "summary"),
            **loader.source_fields(src, item),
        },
    )
    if route is None:
        return
    steps = item.get("steps") or []
    wanted = {s.get("slug") for s in steps}
    # Free the order numbers first so that reordering steps never trips the (route, order) constraint.
    for step in route.steps.exclude(slug__in=wanted):
        try:
            trash.discard(step)  # a step gone from the file can still be restored by an editor
            loader.summary.add("deleted", "stap")
        except models.ProtectedError:
            loader.error(src, where, f"stap '{step.slug}' staat niet meer in het bestand maar wordt nog gebruikt")
    orders = [s.get("order") for s in steps]
    if len(set(orders)) != len(orders):
        loader.error(src, where, "twee stappen hebben dezelfde volgorde")
        return
    moved = [s for s in steps if route.steps.filter(slug=s.get("slug")).exclude(order=s.get("order")).exists()]
    for offset, step_item in enumerate(moved):
        route.steps.filter(slug=step_item["slug"]).update(order=10000 + offset)
    for step_item in steps:
        load_step(loader, src, route, step_item)


def load_step(loader: Loader, src: Source, route: Route, item: dict) -> None:
    where = f"stap '{route.slug}/{item.get('slug')}'"
    phase = None
    if item.get("phase"):
        phase = Phase.objects.filter(region=loader.national, slug=item["phase"]).first()
        if phase is None:
            loader.error(src, where, f"onbekende fase '{item['phase']}'")
    if item.get("source"):
        source = loader.source_fields(src, item)
    else:
        source = {"source_document": route.source_document, "source_section": route.source_section}
    loader.upsert(
        src,
        StepForm,
        {"route": route, "slug": item["slug"]},
        {
            "order": item["order"],
            "code": item.get("code") or "",
            "title": item["title"],
            "branch": item.get("branch") or "",
            "phase": phase,
            "regie_role": loader.ref(src, Role, item.get("regie_role"), where),
            "regie_text": text(item, "regie_text")[:300],
            "roles": loader.refs(src, Role, item.get("roles"), where),
            "meetings": loader.refs(src, Meeting, item.get("meetings"), where),
            **{key: text(item, key) for key in ("description", "parents", "deadlines", "requires")},
            **source,
        },
    )


def load_transitions(loader: Loader, src: Source, item: dict) -> None:
    """The links between steps, once every step of the route exists."""
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
                loader.error(src, f"stap '{route.slug}/{step.slug}'", f"leidt naar onbekende stap '{link.get('to')}'")
                continue
            rows.append({"to_step": target, "kind": link.get("kind", "escalate"), "label": (link.get("label") or "")[:300]})
        had_links = step.next_links.exists()
        child = Child("next_links", StepTransitionForm, "from_step", rows)
        if loader.sync_children(src, f"stap '{step.slug}'", step, child):
            loader.summary.add("updated" if had_links else "created", "overgangen")


def route_and_step(loader: Loader, src: Source, item: dict, where: str) -> tuple[Route | None, Step | None]:
    """The route an item names, and the step of that route it names (a step slug is unique within its route)."""
    route = loader.ref(src, Route, item.get("route"), where)
    step = None
    if item.get("step"):
        step = Step.objects.filter(route=route, slug=item["step"]).first() if route else None
        if step is None:
            loader.error(src, where, f"verwijst naar onbekende stap '{item['step']}'")
    return route, step


def load_trigger(loader: Loader, src: Source, item: dict) -> None:
    where = f"signaal '{item['slug']}'"
    route, step = route_and_step(loader, src, item, where)
    rules = []
    for rule in item.get("rules") or []:
        try:
            rules.append({"metric": rule["metric"], "op": rule["op"], "value": Decimal(str(rule["value"]))})
        except (KeyError, InvalidOperation):
            loader.error(src, where, f"ongeldige regel {rule!r}")
    loader.upsert(
        src,
        TriggerForm,
        {"region": src.region, "slug": item["slug"]},
        {
            "name": item["name"],
            "description": text(item, "description"),
            "route": route,
            "step": step,
            "contact_role": loader.ref(src, Role, item.get("contact_role"), where),
            "level": item.get("level"),
            "match": item.get("match", "any"),
            "target_share": str(item.get("target_share") or "")[:120],
            "situations": loader.refs(src, Situation, item.get("situations"), where),
            **loader.source_fields(src, item),
        },
        children=[Child("rules", TriggerRuleForm, "trigger", rules)],
    )


def load_situation(loader: Loader, src: Source, item: dict) -> None:
    where = f"situatie '{item['slug']}'"
    route, step = route_and_step(loader, src, item, where)
    contacts = [{"role": role, "order": i} for i, role in enumerate(loader.refs(src, Role, item.get("first_roles"), where))]
    loader.upsert(
        src,
        SituationForm,
        {"region": src.region, "slug": item["slug"]},
        {
            "title": item["title"],
            "description": text(item, "description"),
            "keywords": keywords(item),
            "sectors": loader.sector_list(src, item.get("sectors"), where),
            "route": route,
            "step": step,
            **loader.source_fields(src, item),
        },
        children=[Child("contacts", SituationContactForm, "situation", contacts)],
    )


def load_quickscan_theme(loader: Loader, src: Source, item: dict) -> None:
    items = [{"order": i.get("order", n + 1), "text": i["text"].strip()} for n, i in enumerate(item.get("items") or [])]
    loader.upsert(
        src,
        QuickscanThemeForm,
        {"region": src.region, "slug": item["slug"]},
        {
            "order": item.get("order", 0),
            "name": item["name"],
            "description": text(item, "description"),
            **loader.source_fields(src, item),
        },
        children=[Child("items", QuickscanItemForm, "theme", items)],
    )


def load_topic(loader: Loader, src: Source, item: dict) -> None:
    """A handbook passage with its own page; `steps` are written 'route/step'."""
    where = f"onderwerp '{item['slug']}'"
    steps = []
    for value in item.get("steps") or []:
        route_slug, _, step_slug = str(value).partition("/")
        route = loader.ref(src, Route, route_slug, where)
        step = Step.objects.filter(route=route, slug=step_slug).first() if route else None
        if route and step is None:
            loader.error(src, where, f"verwijst naar onbekende stap '{value}'")
        elif step:
            steps.append(step)
    loader.upsert(
        src,
        TopicForm,
        {"region": src.region, "slug": item["slug"]},
        {
            "order": item.get("order", 0),
            "title": item["title"],
            "body": text(item, "body"),
            "routes": loader.refs(src, Route, item.get("routes"), where),
            "steps": steps,
            "situations": loader.refs(src, Situation, item.get("situations"), where),
            **loader.source_fields(src, item),
        },
    )


def load_faq_situations(loader: Loader, src: Source, item: dict) -> None:
    """The situations a question concerns, written on the question in the files and stored on the situation.

    The question itself was loaded by `directory`; if it was refused, that error is already on the list.
    """
    faq = Faq.objects.filter(region=src.region, slug=item["slug"]).first()
    if faq is None:
        return
    where = f"veelgestelde vraag '{item['slug']}'"
    wanted = loader.refs(src, Situation, item.get("situations"), where)
    for situation in wanted:
        if not situation.region.accepts(faq.region):
            loader.error(src, where, f"situatie '{situation.slug}' hoort bij een andere regio dan deze vraag")
    if {s.pk for s in wanted} != set(faq.situations.values_list("pk", flat=True)):
        faq.situations.set(wanted)
        loader.summary.add("updated", str(Situation._meta.verbose_name_plural))


SECTIONS = [
    Section("phases", load_phase),
    Section("routes", load_route, finish=load_transitions),
    Section("situations", load_situation),
    Section("triggers", load_trigger),  # after situations: a trigger names the situations it is about
    Section("quickscan", load_quickscan_theme),
    Section("topics", load_topic),
    Section("faq", load_faq_situations),  # after directory's own "faq" section and after the situations
]
