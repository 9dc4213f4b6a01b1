"""The parents' pages: a guided flow with answers in the URL, quick exit on sensitive topics, and a graph the
admin and the loader both validate."""

import pytest
from django.urls import reverse

from directory.models import ContactChannel, Organisation
from parents.graph import NodeSpec, flow_paths, validate_flow
from parents.models import ParentFlow
from tests.caching import clear_cache


def spec(slug, kind="question", order=0, answers=()):
    return NodeSpec(slug, kind, order, tuple(answers))


GOOD = [
    spec("start", order=1, answers=[("Ja", "a"), ("Nee", "vraag2")]),
    spec("vraag2", order=2, answers=[("Ja", "a"), ("Nee", "b")]),
    spec("a", "outcome"),
    spec("b", "outcome"),
]


def test_a_flow_where_every_path_ends_at_an_outcome_is_valid():
    assert validate_flow(GOOD) == []


@pytest.mark.parametrize(
    ("nodes", "message"),
    [
        ([spec("start", answers=[("Ja", "a")]), spec("a", "outcome"), spec("b", "outcome")], "Uitkomst 'b' is onbereikbaar"),
        ([spec("start", answers=[("Ja", "x")]), spec("a", "outcome")], "verwijst naar 'x', die niet bestaat"),
        ([spec("start", answers=[("Ja", "leeg")]), spec("leeg"), spec("a", "outcome")], "Vraag 'leeg' heeft geen antwoorden"),
        (
            [
                spec("start", order=1, answers=[("Ja", "twee"), ("Nee", "a")]),
                spec("twee", order=2, answers=[("Terug", "start")]),
                spec("a", "outcome"),
            ],
            "kringloop",
        ),  # fmt: skip
        ([spec("a", "outcome")], "minstens één vraag"),
        ([spec("start", answers=[("Ja", "a"), ("Ja", "a")]), spec("a", "outcome")], "twee antwoorden met dezelfde tekst"),
    ],
)
def test_a_broken_flow_is_refused_with_a_dutch_reason(nodes, message):
    assert any(message in error for error in validate_flow(nodes)), validate_flow(nodes)


@pytest.fixture
def content(handbook, db):
    """The handbook, loaded once for this module (tests/conftest.py)."""


def region_url(region="amsterdam-diemen", pad=""):
    return reverse("parents:region", args=[region]) + (f"?pad={pad}" if pad else "")


def test_the_first_question_offers_plain_answers(client, content):
    html = client.get(region_url()).content.decode()
    assert "Waar gaat uw zorg over?" in html and "?pad=1" in html and "Start opnieuw" not in html


def test_answers_live_in_the_url_and_the_back_link_keeps_earlier_answers(client, content):
    response = client.get(region_url(pad="1.2"))  # leren → al gesproken → "Is er al een OT geweest?"
    html = response.content.decode()
    assert "ondersteuningsteam (OT)" in html
    assert 'href="/ouders/amsterdam-diemen/?pad=1"' in html  # terug naar de vorige vraag
    assert "Start opnieuw" in html and "?pad=1.2.1" in html


def test_an_outcome_names_the_contact_with_a_phone_number_and_what_to_expect(client, content):
    html = client.get(region_url(pad="1.2.1")).content.decode()  # → vraag de school om een OT
    assert "Oudersteunpunt" in html and 'href="tel:+31203306320"' in html
    assert "6 weken" in html and "4 weken" in html and "10 weken" in html


def test_the_unsafe_at_home_outcome_has_quick_exit_and_no_answers_in_the_url(client, content):
    response = client.get(region_url(pad="3.1"))
    assert response.status_code == 302 and "pad=" not in response["Location"] and "/stap/" in response["Location"]
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Snel weg van deze pagina" in html and "data-quick-exit" in html
    assert page["Cache-Control"] == "no-store" and page["Referrer-Policy"] == "no-referrer"
    # the link to the sensitive outcome itself carries no answers either
    question = client.get(region_url(pad="3")).content.decode()
    assert "?pad=3.1" not in question


@pytest.mark.parametrize(
    "pad", ["9", "1.9", "x", "1.2.1.1", "." * 5, "0", "²", "¹", "1.²", "١", "9" * 5000, "1." * 21 + "1", "1\x00"]
)
def test_a_broken_path_gets_a_dutch_404_with_a_way_back(client, content, pad):
    response = client.get(region_url(pad=pad))
    assert response.status_code == 404
    assert "Begin opnieuw" in response.content.decode()


def test_parents_never_see_professionals_only_contacts_or_demo_people(client, content):
    org = Organisation.objects.get(slug="oudersteunpunt-amsterdam")
    ContactChannel.objects.create(organisation=org, kind="phone", value="06-9999 0000", visibility="professionals")
    clear_cache()
    flow = ParentFlow.objects.get(region__slug="amsterdam-diemen")
    for path in flow_paths(flow):
        pad = ".".join(str(i) for _node, i in path if i)
        response = client.get(region_url(pad=pad), follow=True)
        html = response.content.decode()
        assert "06-9999 0000" not in html
        assert "J. de Vries" not in html and "voorbeeld.example.org" not in html


def test_signed_in_professionals_see_the_professionals_only_contacts_of_an_outcome(client, content, professional):
    org = Organisation.objects.get(slug="oudersteunpunt-amsterdam")
    ContactChannel.objects.create(organisation=org, kind="phone", value="06-9999 0000", visibility="professionals")
    client.force_login(professional)
    assert "06-9999 0000" in client.get(region_url(pad="1.2.1")).content.decode()


def test_every_region_has_a_flow_whose_paths_all_end_at_an_outcome_with_a_contact(content):
    for flow in ParentFlow.objects.all():
        paths = flow_paths(flow)
        assert len(paths) >= 6
        for path in paths:
            assert path[-1][0].is_outcome


def test_the_place_of_the_school_leads_to_the_region(client, content):
    assert client.get("/ouders/", {"plaats": "Vlaardingen"})["Location"] == "/ouders/maassluis-vlaardingen-schiedam/"
    html = client.get("/ouders/", {"plaats": "Atlantis"}).content.decode()
    assert "We kennen" in html and "Atlantis" in html


@pytest.mark.parametrize("place", ["\x00", "Vlaar\x00dingen", "x" * 10_000])
def test_an_odd_place_is_answered_not_an_error(client, content, place):
    response = client.get("/ouders/", {"plaats": place})
    assert response.status_code in (200, 302)


def test_the_admin_refuses_a_flow_with_a_dead_end(admin_client, content):
    flow = ParentFlow.objects.get(region__slug="maassluis-vlaardingen-schiedam")
    nodes = list(flow.nodes.all())
    data = {
        "region": flow.region_id, "title": flow.title, "slug": flow.slug, "intro": flow.intro, "status": "published",
        "source_document": flow.source_document, "source_section": flow.source_section,
        "nodes-TOTAL_FORMS": len(nodes), "nodes-INITIAL_FORMS": len(nodes), "nodes-MIN_NUM_FORMS": 0, "nodes-MAX_NUM_FORMS": 1000,
    }  # fmt: skip
    for i, node in enumerate(nodes):
        answers = "\n".join(f"{a['label']} -> {a['to']}" for a in node.answers)
        if node.slug == "ot":
            answers = ""  # the OT question loses its answers: a dead end
        data.update({f"nodes-{i}-id": node.pk, f"nodes-{i}-flow": flow.pk, f"nodes-{i}-order": node.order,
                     f"nodes-{i}-slug": node.slug, f"nodes-{i}-kind": node.kind, f"nodes-{i}-title": node.title,
                     f"nodes-{i}-body": node.body, f"nodes-{i}-answers": answers,
                     f"nodes-{i}-expectations": node.expectations})  # fmt: skip
        data.update({f"nodes-{i}-organisations": [o.pk for o in node.organisations.all()]})
    response = admin_client.post(reverse("admin:parents_parentflow_change", args=[flow.pk]), data)
    assert response.status_code == 200
    assert "Vraag &#x27;ot&#x27; heeft geen antwoorden" in response.content.decode()
    assert flow.nodes.get(slug="ot").answers  # nothing changed


def test_the_admin_shows_the_flow_as_a_graph(admin_client, content):
    flow = ParentFlow.objects.get(region__slug="amersfoort")
    html = admin_client.get(reverse("admin:parents_parentflow_change", args=[flow.pk])).content.decode()
    assert 'class="flow-graph"' in html and "Waar gaat uw zorg over?" in html and "(gevoelig)" in html
