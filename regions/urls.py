"""The editors' preview of any page, and "Klopt dit niet?" from every page."""

from django.urls import path

from regions.preview import preview
from regions.views import correction

urlpatterns = [
    path("voorbeeld/<path:path>", preview, name="preview"),
    path("correctie/", correction, name="correction"),
]
