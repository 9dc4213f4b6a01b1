"""What the HSDS endpoints read: published content, public contact details only, a fixed number of queries.

Identifiers are computed (uuid5), not stored, so finding a row by its UUID computes the UUIDs of all candidates
from one query on (region slug, slug): a few hundred rows per kind at national size.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, Q, QuerySet

from directory.models import ContactChannel, Organisation, Role
from front.hsds.ids import child_id, object_id, sector_term_id
from regions.models import Region, Sector

# Whoever calls, the HSDS API answers as an anonymous visitor: professionals-only contacts never leave through it.
ANONYMOUS = AnonymousUser()
ADDRESS_KINDS = ("address", "postal_address")


def public_channels() -> QuerySet[ContactChannel]:
    return ContactChannel.objects.visible_to(ANONYMOUS)


def organisations(*, region: Region | None = None, search: str = "") -> QuerySet[Organisation]:
    qs = Organisation.objects.published().select_related("region")
    if region is not None:
        qs = qs.filter(region=region)
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(short_name__icontains=search) | Q(description__icontains=search))
    return qs.order_by("name", "pk")


def with_details(qs: QuerySet[Organisation], *, services: bool) -> QuerySet[Organisation]:
    """Organisations with their public channels, opening hours and service areas, and optionally their roles."""
    qs = qs.prefetch_related(Prefetch("channels", queryset=public_channels()), "opening_hours", "service_areas__municipality")
    if services:
        roles = Role.objects.published().select_related("region").prefetch_related("sectors").order_by("name", "pk")
        qs = qs.prefetch_related(Prefetch("roles", queryset=roles))
    return qs


def roles(
    *,
    region: Region | None = None,
    search: str = "",
    sector: Sector | None = None,
    organisation_pk: int | None = None,
    modified_after: datetime.datetime | None = None,
) -> QuerySet[Role]:
    qs = Role.objects.published()
    if region is not None:
        qs = qs.filter(region=region)
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(abbreviation__icontains=search) | Q(summary__icontains=search))
    if sector is not None:
        qs = qs.filter(sectors=sector)
    if organisation_pk is not None:
        qs = qs.filter(organisation_id=organisation_pk, organisation__in=Organisation.objects.published())
    if modified_after is not None:
        qs = qs.filter(updated_at__gte=modified_after)
    return qs.order_by("name", "pk")


def with_role_details(qs: QuerySet[Role]) -> QuerySet[Role]:
    """Roles with their sectors and their employer's public channels, hours and service areas."""
    return qs.select_related("region", "organisation__region").prefetch_related(
        "sectors",
        Prefetch("organisation__channels", queryset=public_channels()),
        "organisation__opening_hours",
        "organisation__service_areas__municipality",
    )


def service_at_location_keys(role_qs: QuerySet[Role]) -> list[tuple[int, int]]:
    """(role pk, address channel pk) for every role at each public address of its (published) employer, in order."""
    addresses: dict[int, list[int]] = {}
    for pk, org_pk in (
        public_channels()
        .filter(kind__in=ADDRESS_KINDS, organisation__in=Organisation.objects.published())
        .order_by("order", "pk")
        .values_list("pk", "organisation_id")
    ):
        addresses.setdefault(org_pk, []).append(pk)
    return [
        (role_pk, channel_pk)
        for role_pk, org_pk in role_qs.filter(organisation__isnull=False).values_list("pk", "organisation_id")
        for channel_pk in addresses.get(org_pk, [])
    ]


def find_organisation_pk(hsds_id: str) -> int | None:
    rows = Organisation.objects.published().values_list("pk", "region__slug", "slug")
    return next((pk for pk, region, slug in rows if object_id(region, "organisation", slug) == hsds_id), None)


def find_role_pk(hsds_id: str) -> int | None:
    rows = Role.objects.published().values_list("pk", "region__slug", "slug")
    return next((pk for pk, region, slug in rows if object_id(region, "role", slug) == hsds_id), None)


def find_sector(term_id: str) -> Sector | None:
    return next((s for s in Sector.objects.all() if sector_term_id(s.code) == term_id), None)


def find_service_at_location(hsds_id: str) -> tuple[int, int] | None:
    """(role pk, address channel pk) of a service_at_location UUID: role UUID and location UUID derive it."""
    orgs = {
        pk: object_id(region, "organisation", slug)
        for pk, region, slug in Organisation.objects.published().values_list("pk", "region__slug", "slug")
    }
    locations: dict[int, list[tuple[int, str]]] = {}
    for pk, org_pk, kind, value in (
        public_channels()
        .filter(kind__in=ADDRESS_KINDS, organisation_id__in=orgs)
        .values_list("pk", "organisation_id", "kind", "value")
    ):
        locations.setdefault(org_pk, []).append((pk, child_id(orgs[org_pk], f"location/{kind}/{value}")))
    roles_at = (
        Role.objects.published()
        .filter(organisation_id__in=locations)
        .values_list("pk", "region__slug", "slug", "organisation_id")
    )
    for role_pk, region, slug, org_pk in roles_at:
        role = object_id(region, "role", slug)
        for channel_pk, location in locations[org_pk]:
            if child_id(role, f"at/{location}") == hsds_id:
                return role_pk, channel_pk
    return None
