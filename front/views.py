"""Pages that combine the apps: home, a region's overview, a school's and a role's page, search, the error pages."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from directory import selectors
from directory.school_page import school_facts
from front import sectors
from front.forms import SearchForm
from front.search import log as search_log
from front.search import search as search_all
from front.selectors import role_get
from regions.cache import cache_public_page
from regions.selectors import NotFound, national_region, region_get, region_list
from routes.models import Trigger
from routes.selectors import (
    routes_for_region,
    routes_for_school,
    situations_for_region,
    topics_for_region,
)


@cache_public_page
def home(request: HttpRequest) -> HttpResponse:
    context = {"regions": region_list(), "national_topics": topics_for_region(region=national_region())}
    return render(request, "front/home.html", context)


@cache_public_page
def region_detail(request: HttpRequest, region: str) -> HttpResponse:
    """One sector at a time: without a choice a short overview, with `?sector=` that sector's roles and routes."""
    region_obj = region_get(slug=region)
    roles = list(selectors.roles_for_region(region=region_obj))
    routes = list(routes_for_region(region=region_obj))
    situations = list(situations_for_region(region=region_obj))
    meetings = list(selectors.meetings_for_region(region=region_obj))
    error = ""
    try:
        chosen = sectors.choice_from_query(request.GET.get("sector"))
    except sectors.UnknownSector:
        chosen = None
        error = "Deze schoolsoort kennen we niet. Kies hieronder een schoolsoort."
    context = {
        "region": region_obj,
        "sector_choices": sectors.available(roles, routes, situations),
        "chosen": chosen,
        "error": error,
    }
    if chosen:
        context |= {
            "roles": sectors.for_choice(roles, chosen),
            "routes": sectors.for_choice(routes, chosen),
            "situations": sectors.for_choice(situations, chosen),
            "meetings": sectors.for_choice(meetings, chosen),
        }
    else:
        context |= {
            "organisations": selectors.organisations_for_region(region=region_obj, viewer=request.user),
            "meetings": meetings,
            "topics": topics_for_region(region=region_obj),
            "municipalities": region_obj.municipalities.all(),
            "national_topics": topics_for_region(region=national_region()),
            # Only whether there is one: loading every trigger with its rules took a fifth of the page's time.
            "has_attendance_check": Trigger.objects.published().filter(region=region_obj, rules__isnull=False).exists(),
            "has_responsibilities": selectors.has_responsibilities(region=region_obj),
        }
    return render(request, "front/region_detail.html", context, status=400 if error else 200)


@cache_public_page
def school_detail(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    school = selectors.school_get(region=region_obj, slug=slug, viewer=request.user)
    facts = school_facts(school, viewer=request.user)
    context = {
        "region": region_obj,
        "school": school,
        "facts": facts,
        # A route is shown only where the handbook describes this school's municipality and sector.
        "routes": routes_for_school(school, sectors=facts.sectors) if facts.described else [],
        "hidden_contacts": any(not a.visible_to(request.user) for a in school.assignments.all()),
    }
    return render(request, "front/school_detail.html", context)


@cache_public_page
def role_detail(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    role = role_get(region=region_obj, slug=slug, viewer=request.user)
    return render(request, "front/role_detail.html", {"region": region_obj, "role": role})


# Not page-cached: every search is counted for "Gezocht maar niet gevonden" (front/search/log.py).
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results, log_id = None, None
    if form.is_valid():
        region = form.cleaned_data["regio"]
        results = search_all(form.cleaned_data["q"], region=region, sector=form.cleaned_data["sector"])
        log_id = search_log.record(results.query, region, len(results.hits))
    context = {"form": form, "results": results, "query": request.GET.get("q", ""), "log_id": log_id}
    return render(request, "front/search.html", context, status=400 if form.errors else 200)


def search_follow(request: HttpRequest) -> HttpResponse:
    """A result's link: counts that the search was followed, then sends the visitor on to the result."""
    target = request.GET.get("naar", "")
    if (
        not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
        or not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    ):
        return render(request, "400.html", {"message": "Deze link leidt niet naar een pagina van deze site."}, status=400)
    log_id = request.GET.get("z", "")
    if log_id.isdigit():
        search_log.followed(int(log_id))
    return HttpResponseRedirect(target)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if isinstance(exception, NotFound) else ""
    return render(request, "404.html", {"regions": region_list(), "message": message}, status=404)
