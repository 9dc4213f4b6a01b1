"""Route pages, the situation finder, the attendance check and the route comparison."""

from django.urls import path

from routes import parents, views

app_name = "routes"

urlpatterns = [
    path("ouders/", parents.parents_home, name="parents"),
    path("ouders/<slug:region>/", parents.parents_region, name="parents_region"),
    path("ouders/<slug:region>/stap/<int:node>/", parents.parents_node, name="parents_node"),
    path("routes/vergelijken/", views.compare, name="compare"),
    path("<slug:region>/routes/<slug:slug>/", views.route_detail, name="route"),
    path("<slug:region>/situaties/", views.situation_list, name="situation_list"),
    path("<slug:region>/situaties/<slug:slug>/", views.situation_detail, name="situation"),
    path("<slug:region>/verzuimcheck/", views.attendance_check, name="attendance_check"),
]
