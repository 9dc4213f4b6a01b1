"""Root URLs: admin, accounts, the API, and the public and professional pages."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/v1/", include("directory.api_urls")),
    path("", include("routes.urls")),
    path("", include("directory.urls")),
]

handler404 = "directory.views.not_found"

admin.site.site_header = "Wie doet wat – beheer"
admin.site.site_title = "Wie doet wat"
admin.site.index_title = "Inhoud beheren"
