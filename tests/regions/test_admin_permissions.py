"""The permission matrix: an editor of region A works on A's content and never reaches region B's, on every admin URL."""

import re

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from directory.models import Faq, MeetingEvaluation, Partnership, Responsibility, Role
from parents.models import ParentFlow
from regions.admin.base import ScopedHistoryAdmin
from regions.models import Correction, DeletedObject, Municipality, Region, RegionMembership, Sector
from routes.models import Phase, QuickscanTheme, Topic
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
    if model == "schoolscope":
        municipality = Municipality.objects.create(region=region, slug=name, name=name)
        return factories.SchoolScopeFactory(region=region, municipality=municipality)
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
    if model == "meetingevaluation":
        meeting = factories.MeetingFactory(region=region, slug=f"{name}-overleg", name=f"{name} overleg")
        return MeetingEvaluation.objects.create(
            region=region, slug=name, meeting=meeting, title=name, frequency="drie keer per jaar", status="published"
        )
    if model == "topic":
        return Topic.objects.create(region=region, slug=name, title=name, body="x", status="published")
    raise ValueError(model)


def scoped_models() -> list[str]:
    """Every model whose admin is region-scoped, read from the admin registry: a new admin cannot be left out."""
    return sorted(
        model._meta.model_name
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, ScopedHistoryAdmin)
    )


MODELS = scoped_models()


def test_the_matrix_covers_every_region_scoped_admin(db):
    assert len(MODELS) >= 17
    for model in MODELS:
        region = Region.objects.get(slug="amsterdam-diemen")
        assert build(model, region, "dekking").pk  # build() raises for a model it cannot make


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


# -- history, versions, the prullenbak and "bekijk op site": judged by the object's current region ---------------


def claim(model: str, region) -> dict:
    """Version-form fields that would put an object of `model` in `region`."""
    if model == "step":
        return {"route": factories.RouteFactory(region=region).pk}
    if model == "assignment":
        return {"region": region.pk, "school": factories.SchoolFactory(region=region).pk}
    return {"region": region.pk}


def move(obj, model: str, region) -> None:
    """What a superuser does when an object changes region."""
    if model == "step":
        obj.route = factories.RouteFactory(region=region)
    elif model == "assignment":
        obj.school, obj.region = factories.SchoolFactory(region=region), region
    else:
        obj.region = region
    obj.save()


def state(obj) -> dict:
    """Everything stored on the object's own row, read back from the database."""
    fresh = type(obj).objects.get(pk=obj.pk)
    return {f.attname: getattr(fresh, f.attname) for f in fresh._meta.concrete_fields}


def version_url(obj, version) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_simple_history", args=[obj.pk, version.history_id])


def version_form_data(admin_client, address: str, **override) -> dict:
    """A complete, valid version form as the admin renders it, with some fields changed."""
    form = admin_client.get(address).context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value not in (None, False):
            data[name] = "on" if value is True else value
    return {**data, **override}


def in_situation(situation: str, model: str, region_a, region_b, national):
    """An object that is not editor A's to change: national, region B's, or moved by a superuser from A to B."""
    if situation == "national":
        return build(model, national, "nl")
    if situation == "other":
        return build(model, region_b, "beta")
    obj = build(model, region_a, "alfa")
    move(obj, model, region_b)
    return obj


@pytest.mark.parametrize("model", MODELS)
def test_national_history_and_versions_are_read_only_and_a_version_post_changes_nothing(
    client, admin_client, editor_a, region_a, national, model
):
    obj = build(model, national, "nl")
    address = version_url(obj, obj.history.first())
    data = version_form_data(admin_client, address, **claim(model, region_a))
    before = state(obj)
    client.force_login(editor_a)
    assert client.get(url(obj, "history")).status_code == 200
    page = client.get(address)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert re.findall(r'<(?:input|select|textarea)[^>]*name="(?!csrfmiddlewaretoken)', page.content.decode()) == []
    response = client.post(address, data)
    assert response.status_code == 403 and "alleen bekijken" in response.content.decode()
    assert state(obj) == before


@pytest.mark.parametrize("situation", ["other", "moved"])
@pytest.mark.parametrize("model", MODELS)
def test_editor_a_cannot_open_or_post_history_or_versions_of_b_or_of_what_was_moved_to_b(
    client, admin_client, editor_a, region_a, region_b, national, model, situation
):
    obj = in_situation(situation, model, region_a, region_b, national)
    address = version_url(obj, obj.history.order_by("history_date").first())  # for a moved object: its version in A
    data = version_form_data(admin_client, address, **claim(model, region_a))
    before = state(obj)
    client.force_login(editor_a)
    assert denied(client.get(url(obj, "history")))
    assert denied(client.get(address))
    assert denied(client.post(address, data))
    assert state(obj) == before


@pytest.mark.parametrize("situation", ["national", "other", "moved"])
@pytest.mark.parametrize("model", MODELS)
def test_editor_a_neither_sees_nor_restores_what_a_superuser_deleted_outside_region_a(
    client, admin_client, editor_a, region_a, region_b, national, model, situation
):
    obj = in_situation(situation, model, region_a, region_b, national)
    admin_client.post(url(obj, "delete"), {"post": "yes"})
    entry = DeletedObject.objects.get(object_id=str(obj.pk), label=str(obj))
    restore = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_restore", args=[entry.pk])
    client.force_login(editor_a)
    listing = client.get(reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_deleted"))
    assert listing.status_code == 200 and restore not in listing.content.decode()
    assert denied(client.get(restore)) and denied(client.post(restore))
    assert not type(obj).objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("model", MODELS)
def test_editor_a_deletes_an_own_object_into_the_prullenbak_and_restores_it_with_one_confirmation(
    client, editor_a, region_a, model
):
    obj = build(model, region_a, "alfa")
    client.force_login(editor_a)
    client.post(url(obj, "delete"), {"post": "yes"})
    assert not type(obj).objects.filter(pk=obj.pk).exists()
    entry = DeletedObject.objects.get(object_id=str(obj.pk), label=str(obj))
    restore = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_restore", args=[entry.pk])
    deleted = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_deleted")
    assert f'href="{deleted}"' in client.get(url(obj, "changelist")).content.decode()
    assert restore in client.get(deleted).content.decode()
    assert "Ja, zet terug" in client.get(restore).content.decode()
    assert type(obj).objects.filter(pk=obj.pk).count() == 0  # looking at the confirmation changes nothing
    assert client.post(restore).status_code == 302
    assert str(type(obj).objects.get(pk=obj.pk)) == str(obj)


def test_a_version_from_another_region_is_refused_even_for_an_editor_of_both_regions(client, admin_client, region_a, region_b):
    editor = factories.editor_of(region_a, username="redacteur-ab")
    RegionMembership.objects.create(user=editor, region=region_b)
    role = factories.RoleFactory(region=region_a, slug="verhuisd", name="Verhuisde rol")
    move(role, "role", region_b)
    address = version_url(role, role.history.order_by("history_date").first())
    data = version_form_data(admin_client, address, region=region_a.pk)
    client.force_login(editor)
    assert 'name="_save"' not in client.get(address).content.decode()
    response = client.post(address, data)
    assert response.status_code == 403 and "andere regio" in response.content.decode()
    assert Role.objects.get(pk=role.pk).region == region_b


def test_the_version_form_offers_only_the_editors_own_regions(client, editor_a, region_a):
    role = factories.RoleFactory(region=region_a, slug="eigen", name="Eigen rol")
    client.force_login(editor_a)
    form = client.get(version_url(role, role.history.first())).context["adminform"].form
    assert list(form.fields["region"].queryset) == [region_a]


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


def test_the_admin_index_names_every_app_in_dutch(client, editor_a):
    # An editor reads these headings first; two once showed a module's English docstring ("home, region overview, ...").
    client.force_login(editor_a)
    page = client.get(reverse("admin:index")).content.decode()
    headings = re.findall(r"<caption>\s*<a [^>]*>([^<]+)</a>", page)
    assert len(headings) >= 5
    for heading in headings:
        assert not re.search(r"\b(the|of|and|that|pages|flows|home)\b", heading, re.IGNORECASE), heading
