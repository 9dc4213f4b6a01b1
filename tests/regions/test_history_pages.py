"""History pages that used to fail: a region's, and a step's after its route was deleted."""

from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from routes.models import Step
from tests import factories


def test_every_admin_with_version_history_manages_a_model_that_keeps_versions():
    missing = [model.__name__ for model, model_admin in admin.site._registry.items()
               if isinstance(model_admin, SimpleHistoryAdmin) and not hasattr(model, "history")]  # fmt: skip
    assert missing == []


def test_a_superuser_opens_a_regions_history_page(admin_client, region_a):
    response = admin_client.get(reverse("admin:regions_region_history", args=[region_a.pk]))
    assert response.status_code == 200 and region_a.name in response.content.decode()


def deleted_step(region):
    step = factories.StepFactory(route=factories.RouteFactory(region=region), slug="melding", title="Melding doen")
    pk, version = step.pk, step.history.first()
    step.route.delete()
    return pk, version


def test_a_steps_history_after_its_route_was_deleted_opens_for_its_regions_editors(client, admin_client, editor_a, region_a):
    pk, _version = deleted_step(region_a)
    assert admin_client.get(reverse("admin:routes_step_history", args=[pk])).status_code == 200
    client.force_login(editor_a)
    response = client.get(reverse("admin:routes_step_history", args=[pk]))
    assert response.status_code == 200 and "Melding doen" in response.content.decode()


def test_a_steps_history_after_its_route_was_deleted_stays_closed_to_other_regions(client, editor_b, region_a):
    pk, version = deleted_step(region_a)
    client.force_login(editor_b)
    assert client.get(reverse("admin:routes_step_history", args=[pk])).status_code == 404
    assert client.get(reverse("admin:routes_step_simple_history", args=[pk, version.history_id])).status_code == 404


def test_a_version_of_a_deleted_step_is_shown_but_not_saved_and_points_to_the_prullenbak(client, editor_a, region_a):
    pk, version = deleted_step(region_a)
    address = reverse("admin:routes_step_simple_history", args=[pk, version.history_id])
    client.force_login(editor_a)
    page = client.get(address)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    response = client.post(address, {"route": "", "slug": "melding", "order": 1, "title": "Melding doen"})
    assert response.status_code == 409 and "de route van een stap" in response.content.decode()
    assert not Step.objects.filter(pk=pk).exists()


def test_history_and_version_pages_answer_404_to_ids_that_are_not_numbers(client, editor_a):
    client.force_login(editor_a)
    assert client.get("/beheer/directory/role/abc/history/").status_code == 404
    assert client.get("/beheer/directory/role/abc/history/1/").status_code == 404
