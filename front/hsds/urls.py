"""The HSDS 3.0 read API, mounted at /api/hsds/ (paths as in the official OpenAPI document, without a slash)."""

from django.urls import path, re_path

from front.api import unknown
from front.hsds import views

app_name = "hsds"

urlpatterns = [
    path("", views.index, name="index"),
    path("organizations", views.organization_list, name="organizations"),
    path("organizations/<str:hsds_id>", views.organization_detail, name="organization"),
    path("services", views.service_list, name="services"),
    path("services/<str:hsds_id>", views.service_detail, name="service"),
    path("service_at_locations", views.service_at_location_list, name="service_at_locations"),
    path("service_at_locations/<str:hsds_id>", views.service_at_location_detail, name="service_at_location"),
    path("taxonomies", views.taxonomy_list, name="taxonomies"),
    path("taxonomies/<str:hsds_id>", views.taxonomy_detail, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_term_list, name="taxonomy_terms"),
    path("taxonomy_terms/<str:hsds_id>", views.taxonomy_term_detail, name="taxonomy_term"),
    re_path(r"^.*$", unknown, name="unknown"),
]
