"""Search: glossary-driven synonyms, typos, one ranked list, filters, highlighting and helpful empty pages."""

import re

import pytest
from django.urls import reverse

from front.search import search
from front.search.snippets import snippet
from routes.models import TriggerRule
from tests import factories


@pytest.fixture
def amsterdam_roles(region_a, national):
    lpa = factories.RoleFactory(
        region=region_a, slug="leerplichtambtenaar", name="Leerplichtambtenaar", abbreviation="lpa",
        tasks="Houdt toezicht op de naleving van de Leerplichtwet en gaat in gesprek bij verzuim.",
    )  # fmt: skip
    ib = factories.RoleFactory(
        region=region_a, slug="intern-begeleider", name="Intern begeleider", abbreviation="IB'er",
        tasks="Coördineert de ondersteuning op school.",
    )  # fmt: skip
    factories.RoleFactory(region=region_a, slug="jeugdarts", name="Jeugdarts", tasks="Onderzoekt gezondheid en ziekteverzuim.")
    factories.GlossaryTermFactory(
        region=national, slug="lpa", abbreviation="lpa", term="leerplichtambtenaar",
        synonyms=["leerplicht", "leerplichtambtenaren"],
    )  # fmt: skip
    factories.GlossaryTermFactory(
        region=national, slug="ib", abbreviation="IB", term="intern begeleider",
        synonyms=["IB'er", "IBer", "interne begeleider"],
    )  # fmt: skip
    return lpa, ib


@pytest.mark.parametrize("query", ["lpa", "leerplicht", "leerplichtambtenaar", "LPA"])
def test_every_name_of_the_lpa_finds_the_leerplichtambtenaar_first(amsterdam_roles, region_a, query):
    results = search(query, region=region_a)
    assert results.hits[0].title.startswith("Leerplichtambtenaar")


@pytest.mark.parametrize("query", ["IB", "IBer", "IB'er", "intern begeleider", "interne begeleider"])
def test_every_way_of_writing_ib_finds_the_intern_begeleider_first(amsterdam_roles, region_a, query):
    results = search(query, region=region_a)
    assert results.hits[0].title.startswith("Intern begeleider")


def test_synonyms_come_from_the_glossary_so_a_new_synonym_works_without_code(amsterdam_roles, region_a, national):
    assert not [h for h in search("handhaver", region=region_a).hits if h.title.startswith("Leerplicht")]
    term = national.directory_glossaryterm_set.get(slug="lpa")
    term.synonyms = [*term.synonyms, "handhaver"]
    term.save()
    assert search("handhaver", region=region_a).hits[0].title.startswith("Leerplichtambtenaar")


def test_a_typo_still_finds_the_role(amsterdam_roles, region_a):
    results = search("leerplichtambtenar", region=region_a)
    assert results.hits and results.hits[0].title.startswith("Leerplichtambtenaar")


def test_a_trigger_is_found_by_its_numbers_and_words(region_b):
    trigger = factories.TriggerFactory(
        region=region_b, slug="mazl", name="Zorgelijk ziekteverzuim (MAZL)",
        description="Vanaf de vierde ziekmelding in 12 weken, of op de 7e aaneengesloten ziektedag, volgt een gesprek.",
    )  # fmt: skip
    TriggerRule.objects.create(trigger=trigger, metric="sick_reports_12w", op="gte", value=4)
    factories.RoleFactory(region=region_b, slug="mentor", name="Mentor", tasks="Eerste aanspreekpunt van de leerling.")
    results = search("4 ziekmeldingen", region=region_b)
    assert "Zorgelijk ziekteverzuim (MAZL)" in [h.title for h in results.hits[:3]]


def test_results_are_limited_to_the_chosen_region_plus_national_content(amsterdam_roles, region_b):
    factories.RoleFactory(region=region_b, slug="leerplichtambtenaar", name="Leerplichtambtenaar")
    hits = search("leerplichtambtenaar", region=region_b).hits
    assert {h.region for h in hits} <= {"Amersfoort", "Landelijk"} or {h.region for h in hits} <= {region_b.name, "Landelijk"}
    assert all(h.region != "Amsterdam-Diemen" for h in hits)


def test_drafts_are_never_found(region_a):
    factories.RoleFactory(region=region_a, slug="geheim", name="Conceptrol", status="draft")
    assert search("Conceptrol", region=region_a).hits == []


def test_the_snippet_marks_the_matched_words_and_escapes_editor_text(region_a):
    factories.RoleFactory(region=region_a, slug="x", name="Schoolmaatschappelijk werk",
                          tasks="<script>alert(1)</script> Helpt bij verzuim en thuiszitten.")  # fmt: skip
    hit = search("thuiszitten", region=region_a).hits[0]
    assert "<mark>thuiszitten</mark>" in hit.snippet
    assert "<script>" not in hit.snippet


def test_a_snippet_from_the_middle_of_a_long_text_starts_and_ends_with_whole_words():
    text = " ".join(f"woord{i:03}" for i in range(60)) + " thuiszitten " + " ".join(f"tekst{i:03}" for i in range(60))
    for shift in range(8):  # wherever the cut would fall inside a word
        shown = re.sub(r"</?mark>", "", snippet("x" * shift + text, ["thuiszitten"]))
        assert shown.startswith("… ") and shown.endswith(" …") and "thuiszitten" in shown
        words = shown.removeprefix("… ").removesuffix(" …").split()
        assert all(re.fullmatch(r"(x*woord|tekst)\d{3}|thuiszitten", w) for w in words), words


def test_search_page_ranks_results_in_one_list_each_saying_its_kind(client, amsterdam_roles, region_a):
    response = client.get(reverse("front:search"), {"q": "lpa", "regio": "amsterdam-diemen"})
    assert response.status_code == 200
    results = re.findall(
        r'<li class="search-result">.*?<a [^>]*>([^<]*)</a>.*?<p class="meta">([^·<]*)·', response.content.decode(), re.S
    )
    kinds = {title: kind.strip() for title, kind in results}
    assert kinds["Leerplichtambtenaar (lpa)"] == "Rol"
    assert "Begrip" in kinds.values()
    assert [t for t, _ in results].index("Leerplichtambtenaar (lpa)") < [k.strip() for _, k in results].index("Begrip")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": ""}, "Vul een of meer zoekwoorden in"),
        ({"q": "?!"}, "geen woorden waarop we kunnen zoeken"),
        ({"q": "lpa", "regio": "atlantis"}, "Deze regio kennen we niet"),
        ({"q": "lpa", "sector": "hbo"}, "Deze schoolsoort kennen we niet"),
    ],
)
def test_bad_search_input_gets_a_dutch_message_and_a_400(client, db, params, message):
    response = client.get(reverse("front:search"), params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_query_without_results_gets_suggestions(client, db):
    response = client.get(reverse("front:search"), {"q": "xqzwv"})
    assert "We vonden niets" in response.content.decode()
