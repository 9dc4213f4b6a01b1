"""The HSDS 3.0 endpoints. Every list is a page: total_items, total_pages, page_number, size, first_page,
last_page, empty and contents; bad parameters are a 400 with a Dutch message, unknown identifiers a 404."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import wraps

from django.http import Http404, HttpRequest, JsonResponse

from directory.models import Organisation, Role
from front.api import _error, _json, api_view
from front.hsds import params, queries, serialize
from front.hsds.ids import TAXONOMIES, sector_term, source_terms
from regions.models import Sector

OFFICIAL_OPENAPI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"


def hsds_view(view: Callable) -> Callable:
    """api_view (GET only, JSON 404 and 405, page cache) plus a 400 for a bad parameter."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> JsonResponse:
        try:
            params.response_format(request)
            return view(request, *args, **kwargs)
        except params.BadParameter as exc:
            return _error(str(exc), 400)

    return api_view(wrapper)


def _page(request: HttpRequest, total: int, page_number: int, contents: list) -> JsonResponse:
    _, per_page = params.page(request)
    total_pages = math.ceil(total / per_page)
    return _json(
        request,
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": page_number,
            "size": len(contents),
            "first_page": page_number == 1,
            "last_page": page_number >= total_pages,
            "empty": not contents,
            "contents": contents,
        },
    )


def _slice(request: HttpRequest) -> tuple[int, slice]:
    number, per_page = params.page(request)
    start = (number - 1) * per_page
    return number, slice(start, start + per_page)


def _page_of(request: HttpRequest, items: Sequence) -> tuple[int, list]:
    number, part = _slice(request)
    return number, list(items[part])


def _not_found(what: str) -> Http404:
    return Http404(f"Er is geen {what} met dit id.")


@hsds_view
def index(request: HttpRequest) -> JsonResponse:
    return _json(
        request,
        {
            "version": "3.0",
            "openapi_url": OFFICIAL_OPENAPI,
            "description": "Wie doet wat als Open Referral HSDS 3.0: organisaties, hun rollen (services), adressen "
            "(locations) en openingstijden. Alleen gepubliceerde, openbare gegevens.",
        },
    )


@hsds_view
def organization_list(request: HttpRequest) -> JsonResponse:
    full_service = params.boolean(request, "full_service")
    full = params.boolean(request, "full") or full_service
    qs = queries.organisations(region=params.region(request), search=params.search(request))
    number, part = _slice(request)
    total = qs.count()
    if full:
        page = [
            serialize.organisation(o, request, full_service=full_service) for o in queries.with_details(qs, services=True)[part]
        ]
    else:
        page = [serialize.organisation_base(o, request) for o in queries.with_details(qs, services=False)[part]]
    return _page(request, total, number, page)


@hsds_view
def organization_detail(request: HttpRequest, hsds_id: str) -> JsonResponse:
    full_service = params.boolean(request, "full_service")
    pk = queries.find_organisation_pk(params.hsds_uuid(hsds_id, "id"))
    org = queries.with_details(Organisation.objects.filter(pk=pk), services=True).select_related("region").first()
    if org is None:
        raise _not_found("organisatie")
    return _json(request, serialize.organisation(org, request, full_service=full_service))


def _roles(request: HttpRequest):
    """Roles filtered by regio, search, taxonomy_term_id, organization_id and modified_after."""
    term = params.optional_uuid(request, "taxonomy_term_id")
    organisation = params.optional_uuid(request, "organization_id")
    sector = queries.find_sector(term) if term else None
    org_pk = queries.find_organisation_pk(organisation) if organisation else None
    qs = queries.roles(
        region=params.region(request),
        search=params.search(request),
        sector=sector,
        organisation_pk=org_pk,
        modified_after=params.modified_after(request),
    )
    # A well-formed identifier that names nothing we publish matches nothing (not an error).
    return qs.none() if (term and sector is None) or (organisation and org_pk is None) else qs


@hsds_view
def service_list(request: HttpRequest) -> JsonResponse:
    full = params.boolean(request, "full")
    qs = _roles(request)
    number, part = _slice(request)
    total = qs.count()
    page = [serialize.service(r, request, full=full) for r in queries.with_role_details(qs)[part]]
    return _page(request, total, number, page)


@hsds_view
def service_detail(request: HttpRequest, hsds_id: str) -> JsonResponse:
    pk = queries.find_role_pk(params.hsds_uuid(hsds_id, "id"))
    role = queries.with_role_details(Role.objects.filter(pk=pk)).first()
    if role is None:
        raise _not_found("dienst")
    return _json(request, serialize.service(role, request, full=True))


def _service_at_location(role: Role, channel_pk: int, request: HttpRequest) -> dict:
    org = serialize.employer(role)
    channel = next(c for c in org.channels.all() if c.pk == channel_pk)
    return serialize.service_at_location(role, org, channel, request)


@hsds_view
def service_at_location_list(request: HttpRequest) -> JsonResponse:
    params.boolean(request, "full")  # every item is already fully nested; the value only has to be valid
    keys = queries.service_at_location_keys(_roles(request))
    number, page_keys = _page_of(request, keys)
    roles = queries.with_role_details(Role.objects.filter(pk__in={k[0] for k in page_keys})).in_bulk()
    page = [_service_at_location(roles[role_pk], channel_pk, request) for role_pk, channel_pk in page_keys]
    return _page(request, len(keys), number, page)


@hsds_view
def service_at_location_detail(request: HttpRequest, hsds_id: str) -> JsonResponse:
    key = queries.find_service_at_location(params.hsds_uuid(hsds_id, "id"))
    if key is None:
        raise _not_found("dienst op deze locatie")
    role = queries.with_role_details(Role.objects.filter(pk=key[0])).get()
    return _json(request, _service_at_location(role, key[1], request))


def _matches(item: dict, search: str) -> bool:
    return not search or search.lower() in f"{item['name']} {item['description']}".lower()


@hsds_view
def taxonomy_list(request: HttpRequest) -> JsonResponse:
    search = params.search(request)
    found = [t for t in TAXONOMIES if _matches(t, search)]
    number, page = _page_of(request, found)
    return _page(request, len(found), number, page)


@hsds_view
def taxonomy_detail(request: HttpRequest, hsds_id: str) -> JsonResponse:
    wanted = params.hsds_uuid(hsds_id, "id")
    found = next((t for t in TAXONOMIES if t["id"] == wanted), None)
    if found is None:
        raise _not_found("taxonomie")
    return _json(request, found)


def _terms() -> list[dict]:
    return [sector_term(s) for s in Sector.objects.order_by("order")] + source_terms()


@hsds_view
def taxonomy_term_list(request: HttpRequest) -> JsonResponse:
    search = params.search(request)
    taxonomy = params.optional_uuid(request, "taxonomy_id")
    parent = params.optional_uuid(request, "parent_id")
    params.boolean(request, "top_only")  # every term is a top term: no term has a parent
    found = [t for t in _terms() if _matches(t, search) and taxonomy in (None, t["taxonomy_id"]) and parent is None]
    number, page = _page_of(request, found)
    return _page(request, len(found), number, page)


@hsds_view
def taxonomy_term_detail(request: HttpRequest, hsds_id: str) -> JsonResponse:
    wanted = params.hsds_uuid(hsds_id, "id")
    found = next((t for t in _terms() if t["id"] == wanted), None)
    if found is None:
        raise _not_found("term")
    return _json(request, found)
