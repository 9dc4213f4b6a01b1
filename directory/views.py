"""Directory pages: the school finder and vCards, organisations, the team finder and the glossary; thin views."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from directory import selectors
from directory.forms import PostcodeForm
from directory.models import GlossaryTerm
from directory.school_search import find_schools
from directory.vcard import school_vcards
from regions.cache import cache_public_page
from regions.params import query_text
from regions.selectors import region_get, region_list


@cache_public_page
def school_list(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    query = query_text(request.GET.get("q"), max_length=100)
    # ?gemeente=<slug> (a municipality's link on the region page): that municipality's schools; an unknown one: all.
    municipality = region_obj.municipalities.filter(slug=query_text(request.GET.get("gemeente"), max_length=80)).first()
    if query:
        schools = [m.school for m in find_schools(query, region=region_obj, limit=200)]
        if municipality is not None:
            schools = [s for s in schools if s.municipality_id == municipality.pk]
    else:
        schools = selectors.schools_for_region(region=region_obj).filter(closed_on__isnull=True)
        if municipality is not None:
            schools = schools.filter(municipality=municipality)
    page = Paginator(schools, 50).get_page(request.GET.get("pagina"))
    context = {"region": region_obj, "page": page, "query": query, "municipality": municipality}
    return render(request, "directory/school_list.html", context)


def school_vcard(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    school = selectors.school_get(region=region_obj, slug=slug, viewer=request.user)
    body = school_vcards(school, list(school.assignments.all()), viewer=request.user)
    response = HttpResponse(body, content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(school.name)}.vcf"'
    response["Cache-Control"] = "private, no-store"
    return response


@cache_public_page
def organisation_detail(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = region_get(slug=region, national=True)  # national organisations have a page of their own too
    organisation = selectors.organisation_get(region=region_obj, slug=slug, viewer=request.user)
    return render(request, "directory/organisation_detail.html", {"region": region_obj, "organisation": organisation})


def team_finder(request: HttpRequest, region: str) -> HttpResponse:
    """Which wijkteam / Ouder- en Kindteam serves the pupil's home? Nothing typed here is stored."""
    region_obj = region_get(slug=region)
    # Bound only when a postcode was sent: another parameter (?utm_source=...) is not a wrong postcode.
    form = PostcodeForm(request.GET if "postcode" in request.GET else None)
    teams = None
    if form.is_valid():
        teams = selectors.teams_for_postcode(region=region_obj, postcode=form.cleaned_data["postcode"], viewer=request.user)
    context = {
        "region": region_obj,
        "form": form,
        "teams": teams,
        "all_teams": selectors.neighbourhood_teams(region=region_obj, viewer=request.user)
        if teams == [] or teams is None
        else [],
    }
    response = render(request, "directory/team_finder.html", context, status=400 if form.errors else 200)
    response["Cache-Control"] = "private, no-store"
    return response


@cache_public_page
def glossary(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/glossary.html", {"terms": selectors.glossary_terms()})


@cache_public_page
def term_detail(request: HttpRequest, slug: str) -> HttpResponse:
    term = get_object_or_404(GlossaryTerm.objects.published().select_related("region"), slug=slug)
    return render(request, "directory/term_detail.html", {"term": term})


@cache_public_page
def faq_national(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/faq.html", {"national_faqs": selectors.national_faqs(), "regions": region_list()})


@cache_public_page
def faq_region(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    context = {
        "region": region_obj,
        "faqs": selectors.faqs_for_region(region=region_obj),
        "national_faqs": selectors.national_faqs(),
    }
    return render(request, "directory/faq.html", context)


@cache_public_page
def who_pays(request: HttpRequest, region: str) -> HttpResponse:
    """ "Wie betaalt wat": the region's Jeugdwet / onderwijswetten rows, narrowed by the words typed (?q=)."""
    region_obj = region_get(slug=region)
    rows = selectors.responsibilities_for_region(region=region_obj)
    query = query_text(request.GET.get("q"), max_length=100)
    shown = [row for row in rows if selectors.responsibility_matches(row, query)] if query else rows
    context = {"region": region_obj, "rows": shown, "total": len(rows), "query": query}
    return render(request, "directory/who_pays.html", context)
