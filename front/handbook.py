"""The region's handbook as one document, generated from the live data: a printable page and its PDF.

Public content only, whoever asks: the document is cached for everyone and is meant to be sent around, so
contacts marked "professionals only" never appear in it, not even for a signed-in professional.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from directory import selectors
from regions.cache import cache_public_page, cached_by_version
from regions.models import ContentVersion, Region
from regions.selectors import national_region, region_get
from routes.models import Trigger
from routes.selectors import routes_with_steps

# WeasyPrint writes a tagged PDF with this variant: PDF/UA-1, the accessible-PDF standard.
PDF_VARIANT = "pdf/ua-1"


def data_date() -> datetime.date:
    """The date of the data: when any content was last changed."""
    changed = ContentVersion.objects.filter(pk=1).values_list("changed_at", flat=True).first()
    return timezone.localdate(changed) if changed else timezone.localdate()


def handbook_context(region: Region) -> dict:
    public = AnonymousUser()
    national = national_region()
    roles = list(selectors.roles_for_region(region=region))
    triggers = (
        Trigger.objects.published()
        .filter(region=region)
        .select_related("contact_role", "step", "route")
        .prefetch_related("rules")
        .order_by("route__name", "level", "name")
    )
    routes = list(
        routes_with_steps(region=region).prefetch_related(Prefetch("triggers", queryset=triggers, to_attr="handbook_triggers"))
    )
    faq_regions = [region] + ([national] if national and national != region else [])
    return {
        "region": region,
        "data_date": data_date(),
        # Each role once, with the school types it serves: the region page lists a role under every sector.
        "roles": sorted(roles, key=lambda role: role.name.lower()),
        "organisations": list(selectors.organisations_for_region(region=region, viewer=public)),
        "meetings": list(selectors.meetings_for_region(region=region)),
        "routes": routes,
        "responsibilities": selectors.responsibilities_for_region(region=region),
        "faqs": selectors.faqs_for_region(region=region) + (selectors.national_faqs() if region != national else []),
        "terms": list(selectors.glossary_terms().filter(region__in=faq_regions)),
    }


@cache_public_page
def handbook(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    context = {**handbook_context(region_obj), "crumbs": [{"label": "Handboek"}]}
    return render(request, "front/handbook.html", context)


def render_pdf(region: Region, base_url: str) -> bytes:
    html = render_to_string("front/handbook_pdf.html", handbook_context(region))
    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)


def handbook_pdf(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = region_get(slug=region)
    base_url = request.build_absolute_uri("/")
    pdf = cached_by_version("handbook-pdf", f"{region_obj.pk}:{base_url}", lambda: render_pdf(region_obj, base_url))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="handboek-{region_obj.slug}.pdf"'
    return response
