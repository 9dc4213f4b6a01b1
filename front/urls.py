"""The home page, search and a region's overview; the overview's <region> pattern comes after every other app's."""

from django.urls import path

from front import views

app_name = "front"

urlpatterns = [
    path("", views.home, name="home"),
    path("zoeken/", views.search, name="search"),
    path("<slug:region>/", views.region_detail, name="region"),
    path("<slug:region>/scholen/<slug:slug>/", views.school_detail, name="school"),
    path("<slug:region>/rollen/<slug:slug>/", views.role_detail, name="role"),
]
