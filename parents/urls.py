"""The parents' pages: /ouders/, a region's flow with the answers in the URL, and single (sensitive) steps."""

from django.urls import path

from parents import views

app_name = "parents"

urlpatterns = [
    path("ouders/", views.home, name="home"),
    path("ouders/<slug:region>/", views.region_flow, name="region"),
    path("ouders/<slug:region>/stap/<int:node>/", views.single_step, name="node"),
]
