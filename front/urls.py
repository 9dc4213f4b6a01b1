"""The home page, search and a region's overview; the overview's <region> pattern comes after every other app's."""

from django.urls import path

from front import handbook, views
from front.feeds import RegionChangesFeed, SchoolChangesFeed

app_name = "front"

urlpatterns = [
    path("", views.home, name="home"),
    path("zoeken/", views.search, name="search"),
    path("zoeken/naar/", views.search_follow, name="search_follow"),
    path("<slug:region>/", views.region_detail, name="region"),
    path("<slug:region>/wijzigingen.atom", RegionChangesFeed(), name="region_feed"),
    path("<slug:region>/handboek/", handbook.handbook, name="handbook"),
    path("<slug:region>/handboek.pdf", handbook.handbook_pdf, name="handbook_pdf"),
    path("<slug:region>/scholen/<slug:slug>/", views.school_detail, name="school"),
    path("<slug:region>/scholen/<slug:slug>/wijzigingen.atom", SchoolChangesFeed(), name="school_feed"),
    path("<slug:region>/rollen/<slug:slug>/", views.role_detail, name="role"),
]
