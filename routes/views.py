"""Route pages, situations and the comparison across regions."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from regions.selectors import region_get
from routes.models import Phase, Route, Situation


def route_detail(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    route = get_object_or_404(
        Route.objects.published().filter(region=region_obj).prefetch_related("steps__roles", "steps__next_links__to_step"),
        slug=slug,
    )
    return render(request, "routes/route_detail.html", {"region": region_obj, "route": route})


def situation_detail(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    situation = get_object_or_404(Situation.objects.published().filter(region=region_obj), slug=slug)
    return render(request, "routes/situation_detail.html", {"region": region_obj, "situation": situation})


def compare(request: HttpRequest) -> HttpResponse:
    return render(request, "routes/compare.html", {"phases": Phase.objects.published()})
