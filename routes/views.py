"""Route pages, "waar staan we?", the attendance check, situations, the comparison across regions and the quickscan."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regions.cache import cache_public_page
from regions.selectors import national_region, region_get
from routes import quickscan, selectors
from routes.forms import AttendanceCheckForm


@cache_public_page
def route_detail(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    route = selectors.route_get(region=region_obj, slug=slug)
    step_slug = request.GET.get("stap", "")
    position = selectors.position_at(route, step_slug) if step_slug else None
    context = {
        "region": region_obj,
        "route": route,
        "lanes": selectors.route_lanes(route),
        "position": position,
        "unknown_step": bool(step_slug) and position is None,
    }
    return render(request, "routes/route_detail.html", context, status=404 if step_slug and position is None else 200)


def attendance_check(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    triggers = selectors.triggers_for_region(region=region_obj)
    # Bound only when one of its figures was sent, so an unrelated parameter does not count as a wrong answer.
    sent = any(name in request.GET for name in AttendanceCheckForm.base_fields)
    form = AttendanceCheckForm(request.GET if sent else None)
    assessment = selectors.assess(triggers, form.cleaned_data) if form.is_valid() else None
    context = {"region": region_obj, "form": form, "assessment": assessment, "triggers": triggers}
    response = render(request, "routes/attendance_check.html", context, status=400 if form.errors else 200)
    response["Cache-Control"] = "private, no-store"  # a pupil's figures: never kept by a shared cache
    return response


@cache_public_page
def situation_list(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    situations = selectors.situations_for_region(region=region_obj)
    return render(request, "routes/situation_list.html", {"region": region_obj, "situations": situations})


@cache_public_page
def situation_detail(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    situation = selectors.situation_get(region=region_obj, slug=slug, viewer=request.user)
    return render(request, "routes/situation_detail.html", {"region": region_obj, "situation": situation})


@cache_public_page
def compare(request: HttpRequest) -> HttpResponse:
    phases, regions, cells = selectors.phases_with_steps()
    rows = [(phase, [cells.get((phase.pk, region.pk), []) for region in regions]) for phase in phases]
    return render(request, "routes/compare.html", {"rows": rows, "regions": regions})


@cache_public_page
def topic_detail(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    topic = selectors.topic_get(region=region_obj, slug=slug)
    return render(request, "routes/topic_detail.html", {"region": region_obj, "topic": topic})


@cache_public_page
def national_topic(request: HttpRequest, slug: str) -> HttpResponse:
    topic = selectors.topic_get(region=national_region(), slug=slug)
    return render(request, "routes/topic_detail.html", {"region": None, "topic": topic})


def quickscan_form(request: HttpRequest) -> HttpResponse:
    """The Kenniskaart quickscan: a GET form, and with answers in the URL a summary per theme. Nothing is stored."""
    filled = quickscan.read(quickscan.themes(), request.GET)
    context = {"filled": filled, "ratings": quickscan.RATINGS, "query": request.GET.urlencode()}
    response = render(request, "routes/quickscan.html", context, status=400 if filled.errors else 200)
    response["Cache-Control"] = "private, no-store"  # a team's own assessment: never kept by a shared cache
    return response


def quickscan_csv(request: HttpRequest) -> HttpResponse:
    filled = quickscan.read(quickscan.themes(), request.GET)
    if filled.errors:
        context = {"filled": filled, "ratings": quickscan.RATINGS, "query": ""}
        response = render(request, "routes/quickscan.html", context, status=400)
    else:
        response = HttpResponse(quickscan.to_csv(filled), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="quickscan-samenwerking.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
