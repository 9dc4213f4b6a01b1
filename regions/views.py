"""The "Klopt dit niet?" correction form, available from every public and professional page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme

from regions.forms import CorrectionForm
from regions.limits import RateLimit, client_address
from regions.models import Correction, Region

CORRECTIONS = RateLimit("corrections", limit=5, window=60 * 60)  # accepted corrections per address per hour
TOO_MANY = "U heeft in korte tijd veel meldingen gestuurd. Probeer het over een uur opnieuw."


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


def correction(request: HttpRequest) -> HttpResponse:
    page = request.GET.get("pagina") or request.POST.get("pagina") or "/"
    if not page.startswith("/") or not url_has_allowed_host_and_scheme(page, allowed_hosts={request.get_host()}):
        page = "/"
    region = page_region(page.split("?")[0])
    form = CorrectionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        sender = client_address(request)
        if CORRECTIONS.exhausted(sender):
            form.add_error(None, TOO_MANY)
            status = 429
        elif region is None:
            form.add_error(
                None, "We konden niet vaststellen over welke pagina uw melding gaat. Ga terug naar de pagina en probeer opnieuw."
            )
            status = 400
        elif not form.is_valid():
            status = 400
        elif not form.claim_token():
            form.add_error(None, "Deze melding is al verstuurd. Wilt u nog iets melden? Open het formulier dan opnieuw.")
            status = 409
        elif not CORRECTIONS.spend(sender):
            # Another worker took the last one since the check above.
            form.add_error(None, TOO_MANY)
            status = 429
        else:
            Correction.objects.create(
                region=region,
                page_url=page[:500],
                page_title=request.POST.get("titel", "")[:300],
                message=form.cleaned_data["message"],
                contact_email=form.cleaned_data["contact_email"],
            )
            messages.success(request, "Dank u wel. Uw melding is doorgestuurd naar de redactie van deze regio.")
            return redirect(page)
    response = render(request, "regions/correction.html", {"form": form, "page": page, "region": region}, status=status)
    response["Cache-Control"] = "private, no-store"
    return response
