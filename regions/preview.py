"""Preview: an editor sees a public page as it will look, drafts of their region included.

`/voorbeeld/<path>` resolves the public URL, checks that the user edits that page's region, and renders the real
public view while `ContentQuerySet.published()` also admits that region's drafts. Nothing else changes, and the
response is never cached.
"""

from __future__ import annotations

from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

from regions.drafts import previewing
from regions.models import Region
from regions.permissions import editable_region_ids, may_use_admin


@user_passes_test(may_use_admin, login_url="login")
def preview(request: HttpRequest, path: str) -> HttpResponse:
    try:
        match = resolve("/" + path)
    except Resolver404:
        raise Http404("Deze pagina bestaat niet.") from None
    region_slug = match.kwargs.get("region")
    region = Region.objects.filter(slug=region_slug).first() if region_slug else Region.objects.filter(is_national=True).first()
    if region is None:
        raise Http404("Deze regio bestaat niet.")
    if not request.user.is_superuser and region.pk not in editable_region_ids(request):
        raise PermissionDenied("U bewerkt deze regio niet.")
    request.is_preview = True
    with previewing(region.pk):
        response = match.func(request, *match.args, **match.kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
