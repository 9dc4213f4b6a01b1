"""The "Klopt dit niet?" correction form, available from every public and professional page."""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme

from regions.forms import CorrectionForm
from regions.models import Correction, Region

RATE_LIMIT = 5  # corrections per address per hour
RATE_WINDOW = 60 * 60


def page_region(path: str) -> Region | None:
    """The region a page belongs to: its <region> URL part, or the national scope."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    slug = match.kwargs.get("region")
    if slug:
        return Region.objects.filter(slug=slug).first()
    return Region.objects.filter(is_national=True).first()


def client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "onbekend")


def correction(request: HttpRequest) -> HttpResponse:
    page = request.GET.get("pagina") or request.POST.get("pagina") or "/"
    if not page.startswith("/") or not url_has_allowed_host_and_scheme(page, allowed_hosts={request.get_host()}):
        page = "/"
    region = page_region(page.split("?")[0])
    form = CorrectionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        key = f"wdw:corrections:{client_address(request)}"
        count = cache.get(key, 0)
        if count >= RATE_LIMIT:
            form.add_error(None, "U heeft in korte tijd veel meldingen gestuurd. Probeer het over een uur opnieuw.")
            status = 429
        elif region is None:
            form.add_error(
                None, "We konden niet vaststellen over welke pagina uw melding gaat. Ga terug naar de pagina en probeer opnieuw."
            )
            status = 400
        elif form.is_valid():
            Correction.objects.create(
                region=region,
                page_url=page[:500],
                page_title=request.POST.get("titel", "")[:300],
                message=form.cleaned_data["message"],
                contact_email=form.cleaned_data["contact_email"],
            )
            cache.set(key, count + 1, RATE_WINDOW)
            messages.success(request, "Dank u wel. Uw melding is doorgestuurd naar de redactie van deze regio.")
            return redirect(page)
        else:
            status = 400
    response = render(request, "regions/correction.html", {"form": form, "page": page, "region": region}, status=status)
    response["Cache-Control"] = "private, no-store"
    return response
