"""Directory pages: thin views over the selectors."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from directory import selectors
from directory.forms import SearchForm
from directory.models import GlossaryTerm
from directory.search import search as search_all
from regions.selectors import region_get, region_list
from routes.models import Route


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/home.html", {"regions": region_list()})


def region_detail(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    roles = list(selectors.roles_for_region(region=region_obj))
    context = {
        "region": region_obj,
        "organisations": selectors.organisations_for_region(region=region_obj),
        "roles": roles,
        "meetings": selectors.meetings_for_region(region=region_obj),
        "routes": Route.objects.published().filter(region=region_obj).select_related("region").prefetch_related("sectors"),
    }
    return render(request, "directory/region_detail.html", context)


def school_list(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    schools = selectors.schools_for_region(region=region_obj)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        schools = schools.filter(selectors.name_filter(query))
    municipality = request.GET.get("gemeente", "")
    if municipality:
        schools = schools.filter(municipality__slug=municipality)
    page = Paginator(schools, 50).get_page(request.GET.get("pagina"))
    return render(request, "directory/school_list.html", {"region": region_obj, "page": page, "query": query})


def school_detail(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    school = selectors.school_get(region=region_obj, slug=slug)
    return render(request, "directory/school_detail.html", {"region": region_obj, "school": school})


def role_detail(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    role = selectors.role_get(region=region_obj, slug=slug)
    return render(request, "directory/role_detail.html", {"region": region_obj, "role": role})


def organisation_detail(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    organisation = selectors.organisation_get(region=region_obj, slug=slug)
    return render(request, "directory/organisation_detail.html", {"region": region_obj, "organisation": organisation})


def glossary(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/glossary.html", {"terms": selectors.glossary_terms()})


def term_detail(request: HttpRequest, slug: str) -> HttpResponse:
    term = get_object_or_404(GlossaryTerm.objects.published().select_related("region"), slug=slug)
    return render(request, "directory/term_detail.html", {"term": term})


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid():
        results = search_all(form.cleaned_data["q"], region=form.cleaned_data["regio"], sector=form.cleaned_data["sector"])
    return render(request, "directory/search.html", {"form": form, "results": results, "query": request.GET.get("q", "")})


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", {"regions": region_list()}, status=404)
