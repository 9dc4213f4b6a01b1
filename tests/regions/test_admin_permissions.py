"""The permission matrix: an editor of region A works on A's content and never reaches region B's, on every admin URL."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from directory.models import Faq, Responsibility
from regions.models import Correction, Municipality, Partnership, RegionMembership, Sector
from routes.models import Phase, QuickscanTheme
from routes.parent_flows import ParentFlow
from tests import factories


def build(model: str, region, tag: str):
    """One object of `model` in `region`, named so its name is unique to the test."""
    name = f"{tag}-{model}"
    if model == "organisation":
        return factories.OrganisationFactory(region=region, slug=name, name=name)
    if model == "role":
        return factories.RoleFactory(region=region, slug=name, name=name)
    if model == "school":
        return factories.SchoolFactory(region=region, slug=name, name=name)
    if model == "assignment":
        return factories.AssignmentFactory(school=factories.SchoolFactory(region=region), person_name=name)
    if model == "meeting":
        return factories.MeetingFactory(region=region, slug=name, name=name)
    if model == "glossaryterm":
        return factories.GlossaryTermFactory(region=region, slug=name, term=name)
    if model == "faq":
        return Faq.objects.create(region=region, slug=name, question=name, answer="x", status="published")
    if model == "responsibility":
        return Responsibility.objects.create(region=region, slug=name, topic=name, status="published")
    if model == "route":
        return factories.RouteFactory(region=region, slug=name, name=name)
    if model == "step":
        return factories.StepFactory(route=factories.RouteFactory(region=region), slug=name, title=name)
    if model == "trigger":
        return factories.TriggerFactory(region=region, slug=name, name=name)
    if model == "situation":
        return factories.SituationFactory(region=region, slug=name, title=name)
    if model == "phase":
        return Phase.objects.create(region=region, slug=name, order=9, name=name, status="published")
    if model == "quickscantheme":
        return QuickscanTheme.objects.create(region=region, slug=name, order=9, name=name, status="published")
    if model == "parentflow":
        return ParentFlow.objects.create(region=region, slug=name, title=name, status="published")
    if model == "partnership":
        return Partnership.objects.create(
            region=region, slug=name, name=name, sector=Sector.objects.get(code="po"), status="published"
        )
    if model == "municipality":
        return Municipality.objects.create(region=region, slug=name, name=name)
    raise ValueError(model)


MODELS = ["organisation", "role", "school", "assignment", "meeting", "glossaryterm", "faq", "responsibility", "route", "step",
          "trigger", "situation", "phase", "quickscantheme", "parentflow", "partnership", "municipality"]  # fmt: skip


def url(obj, action: str) -> str:
    opts = obj._meta
    args = [] if action in ("changelist", "add") else [obj.pk]
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=args)


def denied(response) -> bool:
    """Refused: forbidden, not found, or sent away from the object (Django's 'does not exist' redirect)."""
    return response.status_code in (403, 404) or (response.status_code == 302 and "/beheer/" in response["Location"])


@pytest.fixture
def objects(region_a, region_b):
    def make(model):
        return build(model, region_a, "alfa"), build(model, region_b, "beta")

    return make


@pytest.mark.parametrize("model", MODELS)
def test_editor_a_lists_views_and_changes_a_but_never_b(client, editor_a, objects, model):
    mine, theirs = objects(model)
    client.force_login(editor_a)
    changelist = client.get(url(mine, "changelist"))
    assert changelist.status_code == 200
    assert str(mine) in changelist.content.decode() and str(theirs) not in changelist.content.decode()
    assert client.get(url(mine, "change")).status_code == 200
    assert denied(client.get(url(theirs, "change")))
    assert denied(client.get(url(theirs, "history")))
    assert client.get(url(mine, "history")).status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_editor_a_cannot_delete_b_directly_or_in_bulk(client, editor_a, objects, model):
    mine, theirs = objects(model)
    client.force_login(editor_a)
    assert denied(client.post(url(theirs, "delete"), {"post": "yes"}))
    client.post(url(mine, "changelist"), {"action": "delete_selected", "_selected_action": [theirs.pk], "post": "yes"})
    assert type(theirs).objects.filter(pk=theirs.pk).exists()


@pytest.mark.parametrize("model", MODELS)
def test_editor_a_cannot_restore_a_version_of_b(client, editor_a, objects, model):
    _mine, theirs = objects(model)
    version = theirs.history.first()
    client.force_login(editor_a)
    response = client.get(reverse(f"admin:{theirs._meta.app_label}_{theirs._meta.model_name}_simple_history",
                                  args=[theirs.pk, version.history_id]))  # fmt: skip
    assert denied(response)


@pytest.mark.parametrize("model", [m for m in MODELS if m not in ("step", "assignment")])
def test_new_content_can_only_be_put_in_the_editors_own_region(client, editor_a, region_a, model, objects):
    mine, _theirs = objects(model)
    client.force_login(editor_a)
    response = client.get(url(mine, "add"))
    assert response.status_code == 200
    regions = list(response.context["adminform"].form.fields["region"].queryset)
    assert regions == [region_a]


def test_editing_bs_object_by_post_changes_nothing(client, editor_a, region_b):
    role = factories.RoleFactory(region=region_b, slug="b-rol", name="Rol van B")
    client.force_login(editor_a)
    client.post(reverse("admin:directory_role_change", args=[role.pk]), {"name": "Gekaapt", "region": region_b.pk})
    role.refresh_from_db()
    assert role.name == "Rol van B"


def test_foreign_keys_offer_only_own_and_national_choices(client, editor_a, region_a, region_b, national):
    factories.OrganisationFactory(region=region_a, slug="org-a", name="Org A")
    factories.OrganisationFactory(region=region_b, slug="org-b", name="Org B")
    factories.OrganisationFactory(region=national, slug="org-nl", name="Org NL")
    client.force_login(editor_a)
    form = client.get(reverse("admin:directory_role_add")).context["adminform"].form
    assert sorted(o.name for o in form.fields["organisation"].queryset) == ["Org A", "Org NL"]


def test_autocomplete_never_returns_another_regions_objects(client, editor_a, region_a, region_b):
    factories.OrganisationFactory(region=region_a, slug="org-a", name="Zoekbaar A")
    factories.OrganisationFactory(region=region_b, slug="org-b", name="Zoekbaar B")
    client.force_login(editor_a)
    response = client.get(reverse("admin:autocomplete"), {"app_label": "directory", "model_name": "role",
                                                          "field_name": "organisation", "term": "Zoekbaar"})  # fmt: skip
    assert [r["text"] for r in response.json()["results"]] == ["Zoekbaar A"]


def test_national_content_is_read_only_for_editors(client, editor_a, national):
    term = factories.GlossaryTermFactory(region=national, slug="nl", term="Landelijk begrip")
    client.force_login(editor_a)
    response = client.get(url(term, "change"))
    assert response.status_code == 200 and 'name="_save"' not in response.content.decode()
    client.post(url(term, "change"), {"term": "Veranderd", "region": national.pk})
    term.refresh_from_db()
    assert term.term == "Landelijk begrip"


def test_editors_cannot_manage_regions_or_people(client, editor_a):
    client.force_login(editor_a)
    assert client.get(reverse("admin:regions_region_changelist")).status_code == 403
    assert client.get(reverse("admin:regions_regionmembership_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_a_user_without_region_sees_no_content(client, db):
    user = factories.UserFactory(username="zonder-regio", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:directory_role_changelist")).status_code == 403


# -- "bekijk op site" -----------------------------------------------------------------------------------------------


def other_regions_things(region_b, editor_b):
    return {
        "role": lambda: factories.RoleFactory(region=region_b, slug="b-rol", name="Rol B"),
        "draft": lambda: factories.RoleFactory(region=region_b, slug="b-concept", name="Concept B", status="draft"),
        "school": lambda: factories.SchoolFactory(region=region_b, slug="b-school", name="School B"),
        "correction": lambda: Correction.objects.create(region=region_b, page_url="/amersfoort/geheim/", message="x"),
        "membership": lambda: RegionMembership.objects.get(user=editor_b),
    }


@pytest.mark.parametrize("thing", ["role", "draft", "school", "correction", "membership"])
def test_view_on_site_refuses_what_editor_a_cannot_see(client, editor_a, editor_b, region_b, thing):
    obj = other_regions_things(region_b, editor_b)[thing]()
    client.force_login(editor_a)
    response = client.get(f"/beheer/r/{ContentType.objects.get_for_model(obj).pk}/{obj.pk}/")
    assert response.status_code == 404 and "amersfoort" not in response.get("Location", "")


def test_view_on_site_still_leads_an_editor_to_their_own_content(client, editor_a, region_a):
    role = factories.RoleFactory(region=region_a, slug="eigen", name="Eigen rol")
    client.force_login(editor_a)
    response = client.get(f"/beheer/r/{ContentType.objects.get_for_model(role).pk}/{role.pk}/")
    assert response.status_code == 302 and response["Location"].endswith(role.get_absolute_url())
