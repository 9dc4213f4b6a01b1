"""Read-only JSON API (/api/v1/); a region's HSDS export redirects to the HSDS 3.0 API (front/hsds/).

Only published content and public contact details leave through here: no "professionals only" channel or
assignment, ever. Errors are JSON with a Dutch message.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponsePermanentRedirect, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from directory import selectors
from directory.models import Assignment, Organisation, Role
from directory.school_search import find_schools
from directory.selectors import school_scopes
from front import openapi
from front.api_schools import school_data
from front.forms import SearchForm
from front.hsds.params import MAX_PER_PAGE
from front.search import search
from regions.models import Region
from regions.params import ascii_int, query_text
from regions.selectors import region_get, region_list
from routes.selectors import routes_with_steps

PAGE_SIZE = 100
# Whoever calls, the API answers as an anonymous visitor: its responses are public and may be cached and shared,
# so it never includes a "professionals only" channel or assignment, not even for a signed-in professional.
ANONYMOUS = AnonymousUser()


def _error(message: str, status: int) -> JsonResponse:
    response = JsonResponse({"fout": message}, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # so a web page using the API can read the message too
    return response


def _json(request: HttpRequest, data) -> JsonResponse:
    response = JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # public data, read-only
    return response


def _abs(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def _source(obj) -> dict:
    return {"document": obj.source_title, "section": obj.source_section}


def _channel(channel) -> dict:
    return {"kind": channel.kind, "label": channel.label, "value": channel.value, "href": channel.href}


def _hours(organisation: Organisation) -> list[dict]:
    return [
        {
            "weekday": h.weekday,
            "day": str(h.get_weekday_display()),
            "opens": h.opens.strftime("%H:%M"),
            "closes": h.closes.strftime("%H:%M"),
            "note": h.note,
        }
        for h in organisation.opening_hours.all()
    ]


def _organisation(request, org: Organisation) -> dict:
    return {
        "slug": org.slug,
        "name": org.name,
        "kind": org.kind,
        "kind_label": str(org.get_kind_display()),
        "url": _abs(request, org.get_absolute_url()),
        "description": org.description,
        "channels": [_channel(c) for c in org.channels.all()],
        "opening_hours": _hours(org),
        "updated_at": org.updated_at.isoformat(),
        "source": _source(org),
    }


def _role(request, role: Role) -> dict:
    return {
        "slug": role.slug,
        "name": role.name,
        "abbreviation": role.abbreviation,
        "summary": role.summary,
        "url": _abs(request, role.get_absolute_url()),
        "organisation": role.organisation.slug if role.organisation else None,
        "sectors": [s.code for s in role.sectors.all()],
        "tasks": role.tasks,
        "approach_for": role.approach_for,
        "not_for": role.not_for,
        "contact": role.contact,
        "updated_at": role.updated_at.isoformat(),
        "source": _source(role),
    }


def _region_or_error(slug: str) -> Region:
    try:
        return region_get(slug=slug)
    except Http404:
        raise Http404("Deze regio bestaat niet.") from None


ALLOWED_METHODS = ("GET", "HEAD")


def api_view(view):
    """GET and HEAD only; 404s, bad input and other methods as JSON with a Dutch message."""

    # Exempt from CSRF so that a POST gets the documented JSON 405 instead of Django's HTML 403 page. Safe because
    # the API is read-only: every method but GET and HEAD is refused below, before anything is read or changed.
    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ALLOWED_METHODS:
            response = _error("De API kan alleen lezen: gebruik GET.", 405)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            return response
        try:
            return view(request, *args, **kwargs)
        except Http404 as exc:
            return _error(str(exc) or "Niet gevonden.", 404)

    wrapper.cache_public_page = True  # public data only: PublicPageCacheMiddleware may serve it from the cache
    return wrapper


@api_view
def unknown(request: HttpRequest) -> JsonResponse:
    raise Http404("Dit adres bestaat niet in de API. Begin bij /api/v1/.")


@api_view
def index(request: HttpRequest) -> JsonResponse:
    return _json(
        request,
        {
            "regions": _abs(request, reverse("api:regions")),
            "search": _abs(request, reverse("api:search")) + "?q=",
            "documentation": "Zie README.md, hoofdstuk 'JSON-API'.",
            "openapi": _abs(request, reverse("api:openapi")),
        },
    )


@api_view
def openapi_document(request: HttpRequest) -> JsonResponse:
    return _json(request, openapi.document())


@api_view
def regions(request: HttpRequest) -> JsonResponse:
    return _json(
        request,
        {
            "results": [
                {
                    "slug": r.slug,
                    "name": r.name,
                    "url": _abs(request, r.get_absolute_url()),
                    "organisations": _abs(request, reverse("api:organisations", args=[r.slug])),
                    "roles": _abs(request, reverse("api:roles", args=[r.slug])),
                    "schools": _abs(request, reverse("api:schools", args=[r.slug])),
                    "routes": _abs(request, reverse("api:routes", args=[r.slug])),
                    "hsds": _abs(request, reverse("api:hsds", args=[r.slug])),
                }
                for r in region_list()
            ]
        },
    )


@api_view
def organisations(request: HttpRequest, region: str) -> JsonResponse:
    region_obj = _region_or_error(region)
    orgs = selectors.organisations_for_region(region=region_obj, viewer=ANONYMOUS)
    return _json(request, {"region": region_obj.slug, "results": [_organisation(request, o) for o in orgs]})


@api_view
def roles(request: HttpRequest, region: str) -> JsonResponse:
    region_obj = _region_or_error(region)
    return _json(
        request,
        {"region": region_obj.slug, "results": [_role(request, r) for r in selectors.roles_for_region(region=region_obj)]},
    )


@api_view
def schools(request: HttpRequest, region: str) -> JsonResponse:
    """Schools with their public contacts only, 100 per page (?pagina=2), filtered with ?q=."""
    region_obj = _region_or_error(region)
    public = Assignment.objects.published().visible_to(ANONYMOUS).select_related("role")
    qs = selectors.schools_for_region(region=region_obj).prefetch_related(Prefetch("assignments", queryset=public))
    query = query_text(request.GET.get("q"), max_length=100)
    if query:  # the school finder's order: a code or postcode first, then names
        qs = [m.school for m in find_schools(query, region=region_obj, limit=PAGE_SIZE)]
        prefetch_related_objects(qs, Prefetch("assignments", queryset=public))
    else:
        qs = qs.order_by("name", "pk")
    scopes = school_scopes(region=region_obj)
    paginator = Paginator(qs, PAGE_SIZE)
    number = ascii_int(request.GET.get("pagina") or "1", max_digits=6)
    if number is None or not 1 <= number <= paginator.num_pages:
        return _error("Deze pagina bestaat niet. Gebruik ?pagina=1 tot en met " + str(paginator.num_pages) + ".", 400)
    page = paginator.page(number)
    results = [
        {
            **school_data(s, scopes, lambda path: _abs(request, path)),
            "contacts": [
                {"role": a.role.slug, "role_name": a.role.name, "name": a.person_name, "phone": a.phone, "email": a.email}
                for a in s.assignments.all()
            ],
        }
        for s in page
    ]
    return _json(
        request,
        {
            "region": region_obj.slug,
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "results": results,
        },
    )


@api_view
def routes(request: HttpRequest, region: str) -> JsonResponse:
    region_obj = _region_or_error(region)
    result = []
    for full in routes_with_steps(region=region_obj):
        result.append(
            {
                "slug": full.slug,
                "name": full.name,
                "kind": full.kind,
                "url": _abs(request, full.get_absolute_url()),
                "sectors": [s.code for s in full.sectors.all()],
                "summary": full.summary,
                "source": _source(full),
                "steps": [
                    {
                        "slug": s.slug,
                        "order": s.order,
                        "code": s.code,
                        "title": s.title,
                        "branch": s.branch,
                        "phase": s.phase.slug if s.phase else None,
                        "description": s.description,
                        "regie_role": s.regie_role.slug if s.regie_role else None,
                        "regie_text": s.regie_text,
                        "roles": [r.slug for r in s.roles.all()],
                        "requires": s.requires,
                        "parents": s.parents,
                        "deadlines": s.deadlines,
                        "next": [
                            {"to": link.to_step.slug, "kind": link.kind, "label": link.label} for link in s.next_links.all()
                        ],
                    }
                    for s in full.steps.all()
                ],
            }
        )
    return _json(request, {"region": region_obj.slug, "results": result})


@api_view
def search_view(request: HttpRequest) -> JsonResponse:
    form = SearchForm(request.GET)
    if not form.is_valid():
        return _error(" ".join(e for errors in form.errors.values() for e in errors), 400)
    results = search(form.cleaned_data["q"], region=form.cleaned_data["regio"], sector=form.cleaned_data["sector"])
    hits = [{**h.as_dict(), "url": _abs(request, h.url)} for h in results.hits]
    return _json(
        request, {"query": results.query, "corrected": results.corrected, "expanded_with": results.expansions, "results": hits}
    )


@api_view
def hsds(request: HttpRequest, region: str) -> HttpResponseRedirect:
    """The region's organisations, fully nested with their services, from the HSDS 3.0 API (one implementation)."""
    region_obj = _region_or_error(region)
    query = urlencode({"regio": region_obj.slug, "full_service": "true", "per_page": MAX_PER_PAGE})
    response = HttpResponsePermanentRedirect(reverse("hsds:organizations") + "?" + query)
    response["Access-Control-Allow-Origin"] = "*"
    return response
