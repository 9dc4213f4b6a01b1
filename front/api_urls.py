"""URLs of the read-only JSON API, mounted at /api/v1/."""

from django.urls import path, re_path

from front import api

app_name = "api"

urlpatterns = [
    path("", api.index, name="index"),
    path("openapi.json", api.openapi_document, name="openapi"),
    path("regios/", api.regions, name="regions"),
    path("zoeken/", api.search_view, name="search"),
    path("<slug:region>/organisaties/", api.organisations, name="organisations"),
    path("<slug:region>/rollen/", api.roles, name="roles"),
    path("<slug:region>/scholen/", api.schools, name="schools"),
    path("<slug:region>/routes/", api.routes, name="routes"),
    path("<slug:region>/hsds.json", api.hsds, name="hsds"),
    # Last: any other address under /api/v1/ answers in JSON too (404, or 405 for anything but GET).
    re_path(r"^.*$", api.unknown, name="unknown"),
]
