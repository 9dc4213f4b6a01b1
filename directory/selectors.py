"""Composed queries for the directory pages; each page runs a fixed number of queries."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from directory.models import Assignment, ContactChannel, GlossaryTerm, Meeting, Organisation, Role, School
from regions.models import Region


def organisations_for_region(*, region: Region) -> QuerySet[Organisation]:
    return (
        Organisation.objects.published()
        .filter(region=region)
        .select_related("region")
        .prefetch_related("channels", "opening_hours")
    )


def roles_for_region(*, region: Region) -> QuerySet[Role]:
    return Role.objects.published().filter(region=region).select_related("region", "organisation").prefetch_related("sectors")


def meetings_for_region(*, region: Region) -> QuerySet[Meeting]:
    return Meeting.objects.published().filter(region=region).select_related("region", "chair").prefetch_related("members")


def schools_for_region(*, region: Region) -> QuerySet[School]:
    schools = School.objects.published().filter(region=region).select_related("region", "municipality", "sector")
    if not settings.SHOW_DEMO_DATA:
        schools = schools.filter(is_demo=False)
    return schools


def school_get(*, region: Region, slug: str) -> School:
    assignments = (
        Assignment.objects.published().select_related("role", "role__region", "organisation").order_by("order", "role__name")
    )
    if not settings.SHOW_DEMO_DATA:
        assignments = assignments.filter(is_demo=False)
    return get_object_or_404(
        schools_for_region(region=region)
        .select_related("partnership", "partnership__organisation")
        .prefetch_related(Prefetch("assignments", queryset=assignments)),
        slug=slug,
    )


def role_get(*, region: Region, slug: str) -> Role:
    return get_object_or_404(
        roles_for_region(region=region).prefetch_related(
            Prefetch("organisation__channels", queryset=ContactChannel.objects.filter(visibility="public")),
            Prefetch("meetings", queryset=Meeting.objects.published().select_related("region")),
            "steps__route__region",
        ),
        slug=slug,
    )


def organisation_get(*, region: Region, slug: str) -> Organisation:
    return get_object_or_404(
        organisations_for_region(region=region).prefetch_related(
            Prefetch("roles", queryset=Role.objects.published().select_related("region")),
            "service_areas__municipality",
        ),
        slug=slug,
    )


def glossary_terms() -> QuerySet[GlossaryTerm]:
    return GlossaryTerm.objects.published().select_related("region").order_by("term")


def public_channels(organisation: Organisation) -> list[ContactChannel]:
    """Channels anyone may see; uses the prefetched `channels`."""
    return [c for c in organisation.channels.all() if c.visibility == "public"]


def name_filter(query: str) -> Q:
    return Q(name__icontains=query) | Q(city__icontains=query) | Q(postcode__istartswith=query.replace(" ", "")[:4])
