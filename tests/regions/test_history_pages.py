"""History pages that used to fail."""

from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin


def test_every_admin_with_version_history_manages_a_model_that_keeps_versions():
    missing = [model.__name__ for model, model_admin in admin.site._registry.items()
               if isinstance(model_admin, SimpleHistoryAdmin) and not hasattr(model, "history")]  # fmt: skip
    assert missing == []


def test_a_superuser_opens_a_regions_history_page(admin_client, region_a):
    response = admin_client.get(reverse("admin:regions_region_history", args=[region_a.pk]))
    assert response.status_code == 200 and region_a.name in response.content.decode()
