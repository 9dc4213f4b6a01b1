"""Search in the words people use: Dutch compounds, zoekwoorden editors add, questions as sentences, the
database's own text index, and the log of what was searched and not found."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from front.models import SearchLog
from front.search import search
from tests import factories


def urls(results, n=3):
    return [h.url for h in results.hits[:n]]


# --- Dutch compounds ------------------------------------------------------------------------------------------


def test_a_compound_finds_content_that_names_its_parts(region_a):
    arts = factories.RoleFactory(region=region_a, slug="arts", name="Schoolarts",
                                 approach_for="Zorgen over slaapproblemen en eet- of angststoornissen.")  # fmt: skip
    factories.RoleFactory(region=region_a, slug="kok", name="Kok", tasks="Kookt en eet mee met de klas.")
    assert urls(search("eetstoornis", region=region_a)) == [arts.get_absolute_url()]


@pytest.mark.parametrize(
    ("written", "asked"), [("verzuimmelding", "verzuim melding"), ("verzuim en de melding", "verzuimmelding")]
)
def test_a_compound_and_its_parts_find_each_other(region_a, written, asked):
    role = factories.RoleFactory(region=region_a, slug="vc", name="Verzuimcoördinator", tasks=f"Doet de {written} bij DUO.")
    factories.RoleFactory(region=region_a, slug="mentor", name="Mentor", tasks="Eerste aanspreekpunt; meldt zich ziek.")
    assert urls(search(asked, region=region_a))[:1] == [role.get_absolute_url()]


def test_one_part_of_a_compound_finds_a_page_when_the_content_knows_every_part(region_a):
    situation = factories.SituationFactory(region=region_a, slug="opvoed", title="Opvoed- en opgroeivragen",
                                           description="Vragen van ouders over de opvoeding.")  # fmt: skip
    factories.RoleFactory(region=region_a, slug="ib", name="Intern begeleider", tasks="Regelt extra ondersteuning in de klas.")
    # "opvoedondersteuning" is on no page, nor are its two parts on one; the page about "opvoed-" is the answer.
    assert urls(search("opvoedondersteuning", region=region_a))[:1] == [situation.get_absolute_url()]
    # "aangifte" is on no page: the one page that says "belasting" is not about a "belastingaangifte".
    factories.RoleFactory(region=region_a, slug="arts", name="Jeugdarts", tasks="Let op de belasting van het kind.")
    assert search("belastingaangifte", region=region_a).hits == []


def test_a_participle_finds_the_verb(region_a):
    role = factories.RoleFactory(region=region_a, slug="jgz", name="Jeugdarts", approach_for="Trends in de klas, zoals pesten.")
    assert urls(search("hij wordt gepest", region=region_a))[:1] == [role.get_absolute_url()]


# --- Zoekwoorden --------------------------------------------------------------------------------------------


def role_change_data(client, role) -> dict:
    """The admin change form of `role` as the editor's browser would post it back."""
    form = client.get(reverse("admin:directory_role_change", args=[role.pk])).context["adminform"].form
    data = {}
    for field in form:
        value = field.value()
        if isinstance(value, list | tuple):
            data[field.name] = [str(v) for v in value]
        elif value is not None:
            data[field.name] = value
    return data


def test_a_zoekwoord_an_editor_adds_in_the_admin_is_found_at_once(client, editor_a, region_a):
    role = factories.RoleFactory(region=region_a, slug="brug", name="Brugfunctionaris", tasks="Verbindt school en wijkteam.")
    assert search("mantelzorg", region=region_a).hits == []
    client.force_login(editor_a)
    data = role_change_data(client, role)
    data["keywords"] = "mantelzorg, jonge mantelzorgers"
    response = client.post(reverse("admin:directory_role_change", args=[role.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    client.logout()
    page = client.get(reverse("front:search"), {"q": "mantelzorg", "regio": region_a.slug}).content.decode()
    assert "Brugfunctionaris" in page
    role.keywords = ""
    role.save()
    assert search("mantelzorg", region=region_a).hits == []


def test_zoekwoorden_of_situations_and_organisations_count(region_a):
    situation = factories.SituationFactory(region=region_a, slug="verzuim", title="Ongeoorloofd verzuim", keywords="spijbelen")
    organisation = factories.OrganisationFactory(region=region_a, slug="gc", name="Geschillencommissie", keywords="bezwaar")
    assert urls(search("spijbelen", region=region_a)) == [situation.get_absolute_url()]
    assert urls(search("in bezwaar gaan", region=region_a))[:1] == [organisation.get_absolute_url()]


# --- Questions as sentences -----------------------------------------------------------------------------------


@pytest.fixture
def verzuim(region_a):
    role = factories.RoleFactory(region=region_a, slug="lpa", name="Leerplichtambtenaar",
                                 tasks="Gaat in gesprek bij ongeoorloofd verzuim en bij thuiszitten.")  # fmt: skip
    situation = factories.SituationFactory(region=region_a, slug="verzuim", title="Een leerling is vaak afwezig",
                                           description="Meld ongeoorloofd verzuim bij de leerplichtambtenaar.")  # fmt: skip
    return role, situation


@pytest.mark.parametrize("query", ["wie is de leerplichtambtenaar", "bij wie moet ik zijn voor de leerplichtambtenaar"])
def test_question_words_are_dropped(verzuim, region_a, query):
    role, _ = verzuim
    assert urls(search(query, region=region_a))[:1] == [role.get_absolute_url()]


def test_the_question_decides_between_a_role_and_a_situation(verzuim, region_a):
    role, situation = verzuim
    assert urls(search("wie helpt bij ongeoorloofd verzuim", region=region_a))[:1] == [role.get_absolute_url()]
    assert urls(search("wat moet ik doen bij ongeoorloofd verzuim", region=region_a))[:1] == [situation.get_absolute_url()]
    assert search("wat moet ik doen bij ongeoorloofd verzuim", region=region_a).intent == "wat doen"


def test_words_of_another_subject_find_nothing(verzuim, region_a):
    assert search("paspoort verlengen", region=region_a).hits == []
    assert search("wie", region=region_a).hits == []


# --- The database's own index ---------------------------------------------------------------------------------


def test_candidates_come_from_the_databases_text_index(verzuim, region_a):
    with CaptureQueriesContext(connection) as ctx:
        assert search("verzuim", region=region_a).hits
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    if connection.vendor == "sqlite":
        assert "front_searchdocument_fts MATCH" in sql
    else:
        assert "d.tsv @@" in sql
    assert "LIKE" not in sql.upper().replace("ILIKE", "LIKE") or "front_searchdocument" not in sql.split("LIKE")[0][-200:]


def test_a_typo_is_corrected_from_the_index_vocabulary(verzuim, region_a):
    role, _ = verzuim
    with CaptureQueriesContext(connection) as ctx:
        results = search("leerplichtambtenar", region=region_a)
    assert urls(results)[:1] == [role.get_absolute_url()]
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    assert ("front_searchterm_trigram MATCH" if connection.vendor == "sqlite" else "similarity(term") in sql


def test_the_index_follows_deletes_and_drafts(verzuim, region_a):
    role, situation = verzuim
    situation.delete()
    role.status = "draft"
    role.save()
    assert search("ongeoorloofd verzuim", region=region_a).hits == []


def test_rebuild_search_index_gives_the_same_answers(verzuim, region_a):
    before = urls(search("verzuim", region=region_a), 10)
    call_command("rebuild_search_index", verbosity=0)
    assert urls(search("verzuim", region=region_a), 10) == before


def test_search_queries_do_not_grow_with_the_data(client, region_a):
    """One query per kind that has candidates at most, whatever the number of rows."""

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("front:search"), {"q": "verzuim leerplichtambtenar", "regio": region_a.slug})
        return len(ctx.captured_queries)

    for i in range(3):
        factories.RoleFactory(region=region_a, slug=f"lpa-{i}", name=f"Leerplichtambtenaar {i}", tasks="Verzuim.")
        factories.SituationFactory(region=region_a, slug=f"s-{i}", title=f"Verzuim {i}")
    count()  # the first search of the day creates its log row; later ones count it
    small = count()
    for i in range(3, 30):
        factories.RoleFactory(region=region_a, slug=f"lpa-{i}", name=f"Leerplichtambtenaar {i}", tasks="Verzuim.")
        factories.SituationFactory(region=region_a, slug=f"s-{i}", title=f"Verzuim {i}")
    assert count() == small


# --- Gezocht maar niet gevonden -------------------------------------------------------------------------------


def test_a_search_without_results_is_logged_with_query_region_and_date_only(client, region_a, editor_a):
    client.force_login(editor_a)  # even a signed-in user leaves no trace of who searched
    client.get(reverse("front:search"), {"q": "Parkeervergunning", "regio": region_a.slug}, REMOTE_ADDR="192.0.2.7")
    client.get(reverse("front:search"), {"q": "parkeervergunning ", "regio": region_a.slug})
    row = SearchLog.objects.get()
    assert (row.query, row.region, row.date, row.searches, row.results, row.followed) == (
        "parkeervergunning", region_a, timezone.localdate(), 2, 0, 0)  # fmt: skip
    columns = {f.column for f in SearchLog._meta.concrete_fields}
    assert columns == {"id", "query", "region_id", "date", "searches", "followed", "results"}
    stored = " ".join(str(v) for v in SearchLog.objects.values_list(*[f.name for f in SearchLog._meta.concrete_fields]).get())
    assert "192.0.2.7" not in stored and "redacteur" not in stored and client.session.session_key not in stored


def test_following_a_result_is_counted_and_only_internal_targets_are_followed(client, verzuim, region_a):
    role, _ = verzuim
    page = client.get(reverse("front:search"), {"q": "leerplichtambtenaar", "regio": region_a.slug}).content.decode()
    row = SearchLog.objects.get()
    follow = f"{reverse('front:search_follow')}?naar={role.get_absolute_url().replace('/', '%2F')}&amp;z={row.pk}"
    assert follow in page
    response = client.get(reverse("front:search_follow"), {"naar": role.get_absolute_url(), "z": row.pk})
    assert response.status_code == 302 and response["Location"] == role.get_absolute_url()
    row.refresh_from_db()
    assert row.followed == 1
    for target in ["https://example.org/", "//example.org/", "/\\example.org", "javascript:alert(1)"]:
        response = client.get(reverse("front:search_follow"), {"naar": target, "z": row.pk})
        assert response.status_code == 400
    row.refresh_from_db()
    assert row.followed == 1


def test_editors_see_not_found_searches_of_their_own_region_only(client, region_a, region_b, editor_a):
    today = timezone.localdate()
    SearchLog.objects.create(query="eetbuien", region=region_a, date=today, searches=3, results=0)
    SearchLog.objects.create(query="ouderavond", region=region_b, date=today, searches=5, results=0)
    SearchLog.objects.create(query="leerplicht", region=region_a, date=today, searches=9, results=4, followed=6)
    client.force_login(editor_a)
    page = client.get(reverse("admin:front_searchlog_changelist")).content.decode()
    assert "eetbuien" in page and "ouderavond" not in page and ">leerplicht<" not in page
    assert "Gezocht maar niet gevonden" in page


def test_the_log_is_purged_after_90_days(region_a):
    today = timezone.localdate()
    old = SearchLog.objects.create(query="oud", region=region_a, date=today - datetime.timedelta(days=91))
    kept = SearchLog.objects.create(query="recent", region=region_a, date=today - datetime.timedelta(days=89))
    call_command("purge_search_log", verbosity=0)
    assert not SearchLog.objects.filter(pk=old.pk).exists() and SearchLog.objects.filter(pk=kept.pk).exists()


def test_the_search_page_is_not_page_cached_so_every_search_counts(client, region_a):
    for _ in range(3):
        client.get(reverse("front:search"), {"q": "xqzwv", "regio": region_a.slug})
    assert SearchLog.objects.get().searches == 3
