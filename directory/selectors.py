"""Composed queries for the directory pages; each page runs a fixed number of queries whatever the data size."""

from __future__ import annotations

import unicodedata
from collections import OrderedDict

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from directory.models import (
    Assignment,
    ContactChannel,
    Faq,
    GlossaryTerm,
    Meeting,
    MeetingEvaluation,
    Organisation,
    OrganisationKind,
    Responsibility,
    Role,
    School,
    SchoolScope,
    ServiceArea,
)
from regions.models import Region, Sector

# The teams that families go to for help at home: chosen by where the pupil lives, not where the school is.
NEIGHBOURHOOD_KINDS = [OrganisationKind.WIJKTEAM, OrganisationKind.OKT, OrganisationKind.CJG]


def organisations_for_region(*, region: Region, viewer) -> QuerySet[Organisation]:
    return (
        Organisation.objects.published()
        .filter(region=region)
        .select_related("region")
        .prefetch_related(Prefetch("channels", queryset=ContactChannel.objects.visible_to(viewer)), "opening_hours")
    )


def roles_for_region(*, region: Region) -> QuerySet[Role]:
    return Role.objects.published().filter(region=region).select_related("region", "organisation").prefetch_related("sectors")


def roles_by_sector(roles: list[Role], sectors: list[Sector]) -> list[tuple[Sector | None, list[Role]]]:
    """Roles grouped under each sector they serve; roles without sectors under None ("alle schoolsoorten")."""
    groups: OrderedDict = OrderedDict((s, []) for s in sectors)
    general = []
    for role in roles:
        role_sectors = list(role.sectors.all())
        if not role_sectors:
            general.append(role)
        for sector in role_sectors:
            groups.setdefault(sector, []).append(role)
    result = [(s, rs) for s, rs in groups.items() if rs]
    return result + ([(None, general)] if general else [])


def meetings_for_region(*, region: Region) -> QuerySet[Meeting]:
    return (
        Meeting.objects.published()
        .filter(region=region)
        .select_related("region", "chair__region")
        .prefetch_related(
            Prefetch("members", queryset=Role.objects.published().select_related("region")),
            "sectors",
            Prefetch("evaluation", queryset=evaluations()),
        )
    )


def evaluations() -> QuerySet[MeetingEvaluation]:
    """Published evaluation guides with their questions, to prefetch as `meeting.evaluation`."""
    return MeetingEvaluation.objects.published().select_related("region").prefetch_related("questions")


def schools_for_region(*, region: Region | None) -> QuerySet[School]:
    """A region's published schools (every region's with None); the demo schools only where they are shown."""
    schools = School.objects.published().select_related("region", "municipality", "sector")
    if region is not None:
        schools = schools.filter(region=region)
    if not settings.SHOW_DEMO_DATA:
        schools = schools.filter(is_demo=False)
    return schools


def school_scopes(*, region: Region) -> dict:
    """A region's published scopes by (municipality id, lower-case place or ''), with their sectors: one lookup
    per school, two queries per page."""
    scopes = SchoolScope.objects.published().filter(region=region).prefetch_related("sectors")
    return {(s.municipality_id, s.place.lower()): s for s in scopes}


def school_get(*, region: Region, slug: str, viewer) -> School:
    """The school with all its assignments: the page shows the details of those `visible_to` the viewer, and for
    the others the channels of their organisation that the viewer may see."""
    assignments = (
        Assignment.objects.published()
        .select_related("role__region", "role__organisation__region", "organisation__region")
        .prefetch_related(
            Prefetch("role__organisation__channels", queryset=ContactChannel.objects.visible_to(viewer)),
            Prefetch("organisation__channels", queryset=ContactChannel.objects.visible_to(viewer)),
        )
        .order_by("order", "role__name")
    )
    if not settings.SHOW_DEMO_DATA:
        assignments = assignments.filter(is_demo=False)
    return get_object_or_404(
        schools_for_region(region=region)
        .select_related("partnership__organisation__region")
        .prefetch_related(
            Prefetch("assignments", queryset=assignments),
            Prefetch("partnership__organisation__channels", queryset=ContactChannel.objects.visible_to(viewer)),
        ),
        slug=slug,
    )


def role_queryset(*, region: Region, viewer) -> QuerySet[Role]:
    """A region's roles as their page shows them: employer with the channels `viewer` may see, meetings."""
    return (
        roles_for_region(region=region)
        .select_related("organisation__region")
        .prefetch_related(
            Prefetch("organisation__channels", queryset=ContactChannel.objects.visible_to(viewer)),
            "organisation__opening_hours",
            Prefetch("meetings", queryset=Meeting.objects.published().select_related("region")),
            Prefetch("chaired_meetings", queryset=Meeting.objects.published().select_related("region")),
            Prefetch("faqs", queryset=faq_queryset()),
        )
    )


def organisation_get(*, region: Region, slug: str, viewer) -> Organisation:
    return get_object_or_404(
        organisations_for_region(region=region, viewer=viewer).prefetch_related(
            Prefetch("roles", queryset=Role.objects.published().select_related("region")),
            "service_areas__municipality",
        ),
        slug=slug,
    )


def teams_for_postcode(*, region: Region, postcode: int, viewer) -> list[Organisation]:
    """Neighbourhood teams whose service area covers this 4-digit postcode, narrowest range first."""
    areas = (
        ServiceArea.objects.filter(
            organisation__region=region,
            organisation__kind__in=NEIGHBOURHOOD_KINDS,
            postcode_from__lte=postcode,
            postcode_to__gte=postcode,
        )
        .filter(organisation__in=Organisation.objects.published())
        .select_related("organisation__region")
        .prefetch_related(
            Prefetch("organisation__channels", queryset=ContactChannel.objects.visible_to(viewer)), "organisation__opening_hours"
        )
    )
    ranked = sorted(areas, key=lambda a: (a.postcode_to - a.postcode_from, a.organisation.name))
    return list(OrderedDict((a.organisation.pk, a.organisation) for a in ranked).values())


def neighbourhood_teams(*, region: Region, viewer) -> QuerySet[Organisation]:
    return organisations_for_region(region=region, viewer=viewer).filter(kind__in=NEIGHBOURHOOD_KINDS)


def glossary_terms() -> QuerySet[GlossaryTerm]:
    return GlossaryTerm.objects.published().select_related("region").order_by("term")


# -- reference: frequently asked questions and "wie betaalt wat" ----------------------------------------------------


def faq_queryset() -> QuerySet[Faq]:
    return Faq.objects.published().select_related("region").order_by("region__is_national", "order", "question")


def faqs_for_region(*, region: Region) -> list[Faq]:
    return list(faq_queryset().filter(region=region))


def national_faqs() -> list[Faq]:
    return list(faq_queryset().filter(region__is_national=True))


def fold(text: str) -> str:
    """Lowercase without accents, so "coordinator" finds "coördinator" and "ADHD" finds "adhd"."""
    return unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()


def responsibilities_for_region(*, region: Region) -> list[Responsibility]:
    return list(Responsibility.objects.published().filter(region=region).select_related("region"))


def responsibility_matches(row: Responsibility, query: str) -> bool:
    """Every word of the query occurs in the row: its topic, the law columns, the remarks or its keywords."""
    haystack = fold(" ".join([row.topic, row.youth_care, row.education, row.other_law, row.ambiguous, *row.keywords]))
    return all(word in haystack for word in fold(query).split())


def has_responsibilities(*, region: Region) -> bool:
    return Responsibility.objects.published().filter(region=region).exists()
