"""Route pages, the situation finder, the attendance check and the route comparison."""

from django.urls import path

from routes import views

app_name = "routes"

urlpatterns = [
    path("routes/vergelijken/", views.compare, name="compare"),
    path("over/<slug:slug>/", views.national_topic, name="national_topic"),
    path("<slug:region>/over/<slug:slug>/", views.topic_detail, name="topic"),
    path("quickscan/", views.quickscan_form, name="quickscan"),
    path("quickscan/csv/", views.quickscan_csv, name="quickscan_csv"),
    path("<slug:region>/routes/<slug:slug>/", views.route_detail, name="route"),
    path("<slug:region>/situaties/", views.situation_list, name="situation_list"),
    path("<slug:region>/situaties/<slug:slug>/", views.situation_detail, name="situation"),
    path("<slug:region>/verzuimcheck/", views.attendance_check, name="attendance_check"),
]
