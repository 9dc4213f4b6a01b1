"""The editor's dashboard on /beheer/: each kind of item, only for the editor's own regions, in constant queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from front.models import SearchLog
from regions.models import ContentStatus, Correction
from tests import factories


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get("/beheer/")
    assert response.status_code == 200
    html = response.content.decode()
    return html[
        html.index("Wat vraagt uw aandacht") : html.index('id="content-related"') if 'id="content-related"' in html else None
    ]


def old(obj, days=400):
    type(obj).objects.filter(pk=obj.pk).update(checked_at=timezone.now() - datetime.timedelta(days=days))


@pytest.fixture
def both(region_a, region_b, editor_a, editor_b):
    """The same kinds of item in region A and in region B, each named after its region."""
    made = {}
    for region, tag in ((region_a, "A"), (region_b, "B")):
        checked = factories.RoleFactory(region=region, slug="gecontroleerd", name=f"Netjes {tag}")
        type(checked).objects.filter(pk=checked.pk).update(checked_at=timezone.now())
        overdue = factories.RoleFactory(region=region, slug="oud", name=f"Verouderd {tag}")
        old(overdue)
        draft = factories.OrganisationFactory(region=region, slug="concept", name=f"Concept {tag}", status=ContentStatus.DRAFT)
        scheduled = factories.RoleFactory(region=region, slug="gepland", name=f"Gepland {tag}",
                                          publish_from=timezone.localdate() + datetime.timedelta(days=10))  # fmt: skip
        correction = Correction.objects.create(region=region, page_url=f"/{region.slug}/", page_title=f"Pagina {tag}",
                                               message=f"Nummer klopt niet {tag}")  # fmt: skip
        Correction.objects.create(region=region, page_url=f"/{region.slug}/", message=f"Al verwerkt {tag}", status="accepted")
        made[tag] = {"overdue": overdue, "draft": draft, "scheduled": scheduled, "correction": correction}
    return made


def test_an_editor_sees_each_kind_for_their_own_region_only(client, editor_a, both):
    html = dashboard(client, editor_a)
    a = both["A"]
    assert f'href="{reverse("admin:regions_correction_change", args=[a["correction"].pk])}"' in html
    assert "Nummer klopt niet A" in html and "Al verwerkt A" not in html
    assert f'href="{reverse("admin:directory_role_change", args=[a["overdue"].pk])}">Verouderd A (rol)' in html
    assert f'<a href="{reverse("admin:directory_role_changelist")}?gecontroleerd=verlopen">Rollen (' in html
    assert "Netjes A" not in html.split("Te lang niet gecontroleerd")[1].split("Concepten en geplande")[0]
    assert f'href="{reverse("admin:directory_organisation_change", args=[a["draft"].pk])}">Concept A (organisatie)' in html
    assert "Gepland A (rol)" in html and "gepland voor" in html
    for tag in ("Nummer klopt niet B", "Verouderd B", "Concept B", "Gepland B", "Pagina B"):
        assert tag not in html


def test_recent_changes_by_colleagues_not_by_oneself_and_not_in_other_regions(client, editor_a, editor_b, region_a, region_b):
    colleague = factories.editor_of(region_a, username="collega-a")
    mine = factories.RoleFactory(region=region_a, slug="mijn", name="Mijn eigen rol")
    theirs = factories.RoleFactory(region=region_a, slug="hun", name="Rol van collega")
    elsewhere = factories.RoleFactory(region=region_b, slug="elders", name="Rol in B")
    for obj, user in ((mine, editor_a), (theirs, colleague), (elsewhere, editor_b)):
        record = obj.history.first()
        record.history_user = user
        record.save()
    html = dashboard(client, editor_a)
    recent = html.split("Recent gewijzigd door collega")[1]
    assert "Rol van collega (rol) toegevoegd" in recent and "collega-a" in recent
    assert f'href="{reverse("admin:directory_role_change", args=[theirs.pk])}"' in recent
    assert "Mijn eigen rol" not in recent and "Rol in B" not in recent


def test_searches_without_results_in_the_editors_own_region_most_searched_first(client, editor_a, region_a, region_b):
    today = timezone.localdate()
    SearchLog.objects.create(query="paspoort verlengen", region=region_a, date=today, searches=2, results=0)
    SearchLog.objects.create(query="paspoort verlengen", region=region_a, date=today - datetime.timedelta(days=1), searches=3)
    SearchLog.objects.create(query="klacht school", region=region_a, date=today, searches=1, results=4, followed=0)
    SearchLog.objects.create(query="gevonden en gekozen", region=region_a, date=today, searches=9, results=3, followed=2)
    SearchLog.objects.create(query="zoekvraag in B", region=region_b, date=today, searches=20, results=0)
    section = dashboard(client, editor_a).split("Zoekopdrachten zonder resultaat")[1].split("Recent gewijzigd")[0]
    assert "(2)" in section  # two distinct queries
    assert section.index("paspoort verlengen") < section.index("klacht school")
    assert "5× gezocht, niets gevonden" in section and "1× gezocht, niets gekozen" in section
    assert "gevonden en gekozen" not in section and "zoekvraag in B" not in section


def test_the_dashboards_queries_do_not_grow_with_ten_times_the_data(client, region_a, region_b):
    def count(region, size) -> int:
        factories.region_dataset(region, size=size)
        for model in (factories.RoleFactory._meta.model,):
            model.objects.filter(region=region).update(status=ContentStatus.DRAFT)
        Correction.objects.bulk_create(Correction(region=region, page_url="/", message=f"Melding {i}") for i in range(size * 10))
        editor = factories.editor_of(region, username=f"redacteur-{region.slug}")
        client.force_login(editor)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/beheer/").status_code == 200
        return len(ctx.captured_queries)

    assert count(region_b, 10) == count(region_a, 1)
