"""Public pages for parents: "Waar kan ik terecht?". Answers live in the URL (?pad=1.2), except on sensitive topics."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from directory.models import ContactChannel, Organisation, OrganisationKind, School
from parents.models import FlowNode, ParentFlow
from regions.cache import cache_public_page
from regions.models import Municipality
from regions.params import ascii_int, query_text
from regions.selectors import NotFound, region_get, region_list

MAX_PATH = 20


def flow_for_region(region, *, viewer) -> ParentFlow:
    organisations = (
        Organisation.objects.published()
        .select_related("region")
        .prefetch_related(Prefetch("channels", queryset=ContactChannel.objects.visible_to(viewer)), "opening_hours")
    )
    nodes = FlowNode.objects.prefetch_related(Prefetch("organisations", queryset=organisations))
    flow = (
        ParentFlow.objects.published()
        .filter(region=region)
        .select_related("region")
        .prefetch_related(Prefetch("nodes", queryset=nodes))
        .first()
    )
    if flow is None:
        raise NotFound("Voor deze regio is nog geen wegwijzer voor ouders.")
    return flow


@dataclass
class Choice:
    label: str
    url: str


def parse_path(raw: str) -> list[int] | None:
    """'1.2' -> [1, 2]; None for anything but up to MAX_PATH answer numbers 1-99 in ASCII digits."""
    if not raw:
        return []
    if len(raw) > 3 * MAX_PATH:
        return None
    answers = [ascii_int(part, max_digits=2) for part in raw.split(".")]
    if len(answers) > MAX_PATH or not all(answers):
        return None
    return answers


def node_url(region: str, node: FlowNode) -> str:
    return reverse("parents:node", kwargs={"region": region, "node": node.pk})


def choices_for(flow: ParentFlow, node: FlowNode, path: list[int] | None, region: str) -> list[Choice]:
    """Links for each answer: with the answers in the URL, or a plain node URL for sensitive targets."""
    nodes = {n.slug: n for n in flow.nodes.all()}
    choices = []
    for index, answer in enumerate(node.answer_list(), start=1):
        target = nodes[answer["to"]]
        if path is None or target.sensitive:
            url = node_url(region, target)
        else:
            url = reverse("parents:region", kwargs={"region": region}) + "?pad=" + ".".join(map(str, [*path, index]))
        choices.append(Choice(answer["label"], url))
    return choices


def _render(request, flow, node, *, path: list[int] | None, trail: list[tuple[FlowNode, str]]) -> HttpResponse:
    region = flow.region.slug
    back_url = None
    if path:
        back_url = reverse("parents:region", kwargs={"region": region}) + (
            "?pad=" + ".".join(map(str, path[:-1])) if len(path) > 1 else ""
        )
    context = {
        "region": flow.region,
        "flow": flow,
        "node": node,
        "choices": choices_for(flow, node, path, region),
        "back_url": back_url,
        "start_url": reverse("parents:region", kwargs={"region": region}),
        "trail": trail,
        "step_number": len(path) + 1 if path is not None else None,
        "is_start": path == [],
    }
    response = render(request, "parents/node.html", context)
    if node.sensitive or path is None:
        response["Cache-Control"] = "no-store"
        response["Referrer-Policy"] = "no-referrer"
    return response


def home(request: HttpRequest) -> HttpResponse:
    place = query_text(request.GET.get("plaats"), max_length=80)
    not_found = False
    if place:
        municipality = Municipality.objects.filter(name__iexact=place).select_related("region").first()
        if municipality is None:
            school = School.objects.published().filter(city__iexact=place).select_related("region").first()
            region = school.region if school else None
        else:
            region = municipality.region
            if municipality.scope_note:
                return partly_covered(request, municipality)
        if region is not None and not region.is_national:
            return redirect("parents:region", region=region.slug)
        not_found = True
    return render(request, "parents/home.html", {"regions": region_list(), "place": place, "not_found": not_found})


def partly_covered(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    """A place the handbook names only in passing: say what it covers there, never send parents into a flow for elsewhere.

    The samenwerkingsverbanden of the region and any wijkteam the handbook places in this municipality are shown with
    the contacts the handbook gives, and nothing else.
    """
    organisations = (
        Organisation.objects.published()
        .filter(region=municipality.region)
        .prefetch_related(Prefetch("channels", queryset=ContactChannel.objects.visible_to(request.user)))
        .select_related("region")
    )
    context = {
        "municipality": municipality,
        "region": municipality.region,
        "partnerships": organisations.filter(kind=OrganisationKind.SWV),
        "local_teams": organisations.filter(
            kind__in=[OrganisationKind.WIJKTEAM, OrganisationKind.GEMEENTE], service_areas__municipality=municipality
        ).distinct(),
    }
    return render(request, "parents/partly_covered.html", context)


@cache_public_page
def region_flow(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    flow = flow_for_region(region_obj, viewer=request.user)
    path = parse_path(request.GET.get("pad", ""))
    nodes = {n.slug: n for n in flow.nodes.all()}
    node = flow.start()
    if path is None or node is None:
        raise NotFound("Deze weg bestaat niet. Begin opnieuw.")
    trail = []
    for index in path:
        answers = node.answer_list()
        if node.is_outcome or index > len(answers):
            raise NotFound("Deze weg bestaat niet (meer). Begin opnieuw.")
        trail.append((node, answers[index - 1]["label"]))
        node = nodes[answers[index - 1]["to"]]
        if node.sensitive:
            # Never show a sensitive step under a URL that carries the answers.
            return redirect(node_url(region, node))
    return _render(request, flow, node, path=path, trail=trail)


def single_step(request: HttpRequest, region: str, node: int) -> HttpResponse:
    region_obj = region_get(slug=region)
    flow = flow_for_region(region_obj, viewer=request.user)
    found = next((n for n in flow.nodes.all() if n.pk == node), None)
    if found is None:
        raise NotFound("Deze stap bestaat niet. Begin opnieuw.")
    return _render(request, flow, found, path=None, trail=[])
