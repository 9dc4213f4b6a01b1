"""Directory pages: home, regions, schools, roles, organisations, glossary and search."""

from django.urls import path

from directory import views

app_name = "directory"

urlpatterns = [
    path("", views.home, name="home"),
    path("begrippen/", views.glossary, name="glossary"),
    path("begrippen/<slug:slug>/", views.term_detail, name="term"),
    path("zoeken/", views.search, name="search"),
    path("<slug:region>/", views.region_detail, name="region"),
    path("<slug:region>/scholen/", views.school_list, name="school_list"),
    path("<slug:region>/scholen/<slug:slug>/", views.school_detail, name="school"),
    path("<slug:region>/scholen/<slug:slug>/contacten.vcf", views.school_vcard, name="school_vcard"),
    path("<slug:region>/wijkteam/", views.team_finder, name="team_finder"),
    path("<slug:region>/rollen/<slug:slug>/", views.role_detail, name="role"),
    path("<slug:region>/organisaties/<slug:slug>/", views.organisation_detail, name="organisation"),
]
