"""URLs of the read-only JSON API, mounted at /api/v1/."""

from django.urls import path

from directory import api

app_name = "api"

urlpatterns = [
    path("", api.index, name="index"),
    path("regios/", api.regions, name="regions"),
    path("zoeken/", api.search_view, name="search"),
    path("<slug:region>/organisaties/", api.organisations, name="organisations"),
    path("<slug:region>/rollen/", api.roles, name="roles"),
    path("<slug:region>/scholen/", api.schools, name="schools"),
    path("<slug:region>/routes/", api.routes, name="routes"),
    path("<slug:region>/hsds.json", api.hsds, name="hsds"),
]
