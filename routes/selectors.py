"""Composed queries and computations for the route pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from directory.models import ContactChannel, Meeting, Role, School
from directory.selectors import evaluations, faq_queryset
from regions.models import Region
from regions.selectors import region_list
from routes.models import Phase, Route, Situation, Step, StepTransition, Topic, Trigger

ROLE_QS = Role.objects.published().select_related("region")


def _steps_queryset() -> QuerySet[Step]:
    return Step.objects.select_related("phase", "regie_role__region").prefetch_related(
        Prefetch("roles", queryset=ROLE_QS),
        Prefetch(
            "meetings",
            queryset=Meeting.objects.published()
            .select_related("region", "chair__region")
            .prefetch_related(Prefetch("evaluation", queryset=evaluations())),
        ),
        Prefetch("topics", queryset=topics()),
        Prefetch("next_links", queryset=StepTransition.objects.select_related("to_step")),
        Prefetch("previous_links", queryset=StepTransition.objects.select_related("from_step")),
        Prefetch(
            "triggers",
            queryset=Trigger.objects.published().select_related("contact_role__region").prefetch_related("rules"),
        ),
    )


def topics() -> QuerySet[Topic]:
    return Topic.objects.published().select_related("region")


def topics_for_region(*, region: Region | None) -> QuerySet[Topic]:
    return topics().filter(region=region)


def topic_get(*, region: Region | None, slug: str) -> Topic:
    return get_object_or_404(topics_for_region(region=region), slug=slug)


def routes_for_region(*, region: Region) -> QuerySet[Route]:
    return Route.objects.published().filter(region=region).select_related("region").prefetch_related("sectors")


def routes_for_school(school: School, *, sectors: list | None = None) -> QuerySet[Route]:
    """The routes of the school's region that apply to its sectors (or to every sector), each with its main line
    of steps in `main_steps`: the first is where a school starts."""
    sectors = sectors if sectors is not None else [school.sector]
    return (
        routes_for_region(region=school.region)
        .filter(Q(sectors__in=sectors) | Q(sectors__isnull=True))
        .prefetch_related(Prefetch("steps", queryset=Step.objects.filter(branch="").order_by("order"), to_attr="main_steps"))
        .distinct()
        .order_by("name")
    )


def routes_with_steps(*, region: Region) -> QuerySet[Route]:
    return (
        Route.objects.published()
        .filter(region=region)
        .select_related("region")
        .prefetch_related(Prefetch("steps", queryset=_steps_queryset()), "sectors", Prefetch("topics", queryset=topics()))
    )


def route_get(*, region: Region, slug: str) -> Route:
    return get_object_or_404(routes_with_steps(region=region), slug=slug)


@dataclass
class Lane:
    """The main line of a route or one of its side branches, with the step it leaves from."""

    name: str
    steps: list[Step]
    leaves_from: Step | None = None


def route_lanes(route: Route) -> list[Lane]:
    """Split the (prefetched) steps into the main line and its branches, in handbook order."""
    lanes: dict[str, Lane] = {}
    for step in route.steps.all():
        lanes.setdefault(step.branch, Lane(step.branch, [])).steps.append(step)
    main = lanes.pop("", Lane("", []))
    main_ids = {s.pk for s in main.steps}
    for lane in lanes.values():
        first = lane.steps[0]
        sources = [link.from_step for link in first.previous_links.all() if link.from_step_id in main_ids]
        lane.leaves_from = sources[0] if sources else None
    return [main, *lanes.values()]


@dataclass
class Position:
    """ "Waar staan we?": the step a case is at, and what comes next."""

    current: Step
    next_links: list[StepTransition]
    back_links: list[StepTransition]
    triggers: list[Trigger] = field(default_factory=list)


def position_at(route: Route, slug: str) -> Position | None:
    steps = {s.slug: s for s in route.steps.all()}
    current = steps.get(slug)
    if current is None:
        return None
    by_pk = {s.pk: s for s in steps.values()}
    links = list(current.next_links.all())
    for link in links:
        link.to_step = by_pk.get(link.to_step_id, link.to_step)  # the fully prefetched step
    forward = [link for link in links if link.kind != "deescalate"]
    if not forward:
        following = [s for s in steps.values() if s.order > current.order and s.branch == current.branch]
        forward = [StepTransition(from_step=current, to_step=following[0], kind="escalate")] if following else []
    back = [link for link in links if link.kind == "deescalate"]
    return Position(current=current, next_links=forward, back_links=back, triggers=list(current.triggers.all()))


def situations_for_region(*, region: Region) -> QuerySet[Situation]:
    return (
        Situation.objects.published()
        .filter(region=region)
        .select_related("region", "route__region", "step")
        .prefetch_related(
            "sectors",
            Prefetch("contacts__role", queryset=ROLE_QS.select_related("organisation__region")),
            Prefetch("topics", queryset=topics()),
            Prefetch("triggers", queryset=Trigger.objects.published().filter(rules__isnull=False).distinct()),
        )
    )


def situation_get(*, region: Region, slug: str, viewer) -> Situation:
    return get_object_or_404(
        situations_for_region(region=region).prefetch_related(
            Prefetch("contacts__role__organisation__channels", queryset=ContactChannel.objects.visible_to(viewer)),
            Prefetch("faqs", queryset=faq_queryset()),
        ),
        slug=slug,
    )


# -- the attendance check --------------------------------------------------------------------------------------------


def triggers_for_region(*, region: Region) -> list[Trigger]:
    return list(
        Trigger.objects.published()
        .filter(region=region, rules__isnull=False)
        .distinct()
        .select_related("region", "contact_role__region", "contact_role__organisation", "route__region", "step__route__region")
        .prefetch_related("rules")
        .order_by("level", "name")
    )


@dataclass
class Assessment:
    """What the stored rules say about one pupil's figures. Nothing of it is saved."""

    values: dict[str, Decimal]
    fired: list[Trigger]

    @property
    def level(self) -> int:
        """The most serious level among the triggers that fire (0 when none fires or none has a level)."""
        return max((t.level or 0 for t in self.fired), default=0)

    @property
    def band(self) -> Trigger | None:
        """The attendance band with the highest level that fires, if any."""
        ranked = [t for t in self.fired if t.level is not None]
        return max(ranked, key=lambda t: t.level) if ranked else None

    @property
    def signals(self) -> list[Trigger]:
        return [t for t in self.fired if t.level is None]

    @property
    def contacts(self) -> list[Role]:
        seen: dict[int, Role] = {}
        for trigger in sorted(self.fired, key=lambda t: -(t.level or 0)):
            if trigger.contact_role_id and trigger.contact_role_id not in seen:
                seen[trigger.contact_role_id] = trigger.contact_role
        return list(seen.values())


def assess(triggers: list[Trigger], values: dict[str, Decimal | int | float | None]) -> Assessment:
    known = {k: Decimal(str(v)) for k, v in values.items() if v is not None}
    return Assessment(values=known, fired=[t for t in triggers if t.fires(known)])


def phases_with_steps() -> tuple[list[Phase], list[Region], dict]:
    """For the comparison: every phase × region cell holds that region's steps in that phase."""
    phases = list(Phase.objects.published().order_by("order"))
    regions = list(region_list())
    steps = (
        Step.objects.published()
        .filter(phase__isnull=False)
        .select_related("route__region", "phase")
        .order_by("route__name", "order")
    )
    cells: dict[tuple[int, int], list[Step]] = {}
    for step in steps:
        cells.setdefault((step.phase_id, step.route.region_id), []).append(step)
    return phases, regions, cells
