"""Pages that combine the apps: home, a region's overview, a school's and a role's page, search, the error pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from directory import selectors
from front.forms import SearchForm
from front.search import search as search_all
from front.selectors import role_get
from regions.cache import cache_public_page
from regions.models import Sector
from regions.selectors import NotFound, region_get, region_list
from routes.selectors import routes_for_region, routes_for_school, situations_for_region


@cache_public_page
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "front/home.html", {"regions": region_list()})


@cache_public_page
def region_detail(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    roles = list(selectors.roles_for_region(region=region_obj))
    context = {
        "region": region_obj,
        "organisations": selectors.organisations_for_region(region=region_obj, viewer=request.user),
        "roles_by_sector": selectors.roles_by_sector(roles, list(Sector.objects.all())),
        "meetings": selectors.meetings_for_region(region=region_obj),
        "routes": routes_for_region(region=region_obj),
        "situations": situations_for_region(region=region_obj),
    }
    return render(request, "front/region_detail.html", context)


@cache_public_page
def school_detail(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    school = selectors.school_get(region=region_obj, slug=slug, viewer=request.user)
    context = {
        "region": region_obj,
        "school": school,
        "routes": routes_for_school(school),
        "hidden_contacts": any(not a.visible_to(request.user) for a in school.assignments.all()),
    }
    return render(request, "front/school_detail.html", context)


@cache_public_page
def role_detail(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    role = role_get(region=region_obj, slug=slug, viewer=request.user)
    return render(request, "front/role_detail.html", {"region": region_obj, "role": role})


@cache_public_page
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid():
        results = search_all(form.cleaned_data["q"], region=form.cleaned_data["regio"], sector=form.cleaned_data["sector"])
    context = {"form": form, "results": results, "query": request.GET.get("q", "")}
    return render(request, "front/search.html", context, status=400 if form.errors else 200)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if isinstance(exception, NotFound) else ""
    return render(request, "404.html", {"regions": region_list(), "message": message}, status=404)
