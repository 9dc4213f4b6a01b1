"""Directory pages: schools, roles, organisations, the team finder, the glossary, FAQs and who pays what."""

from django.urls import path

from directory import views

app_name = "directory"

urlpatterns = [
    path("begrippen/", views.glossary, name="glossary"),
    path("begrippen/<slug:slug>/", views.term_detail, name="term"),
    path("veelgestelde-vragen/", views.faq_national, name="faq"),
    path("<slug:region>/veelgestelde-vragen/", views.faq_region, name="faq_region"),
    path("<slug:region>/wie-betaalt-wat/", views.who_pays, name="who_pays"),
    path("<slug:region>/scholen/", views.school_list, name="school_list"),
    path("<slug:region>/scholen/<slug:slug>/contacten.vcf", views.school_vcard, name="school_vcard"),
    path("<slug:region>/wijkteam/", views.team_finder, name="team_finder"),
    path("<slug:region>/organisaties/<slug:slug>/", views.organisation_detail, name="organisation"),
]
