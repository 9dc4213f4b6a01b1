"""Issue 13, second half: what the handbooks say reaches the page exactly, with its source, and nothing more.

Per seed: the AOJ evaluation guide and the attendance pyramid (001), the four-week thuiszitter rule (000), the two
counts of the SWV PO (000 against 002), the OZA topics (003) and the Kenniskaart topics (004); for parents, the
places the Amersfoort handbook names only for jeugdhulp, and a source on every outcome.
"""

from __future__ import annotations

import re
from html import unescape

import pytest

from directory.models import Faq
from parents.models import FlowNode, NodeKind
from regions.models import Municipality
from routes.models import Topic

EEMLAND_ONLY_FOR_JEUGDHULP = ["Baarn", "Soest", "Leusden", "Bunschoten", "Eemnes", "Woudenberg"]


@pytest.fixture
def content(handbook, db):
    """The handbook, loaded once for this module (tests/conftest.py)."""


def readable(html: str) -> str:
    """What a reader sees: no tags, entities resolved, whitespace collapsed, no space before punctuation."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    plain = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()
    return re.sub(r" ([:.,;)])", r"\1", plain)


def text(response) -> str:
    return readable(response.content.decode())


def section(response, element_id: str) -> str:
    """The text of the element with this id (up to its closing tag of the same name at the same depth)."""
    body = response.content.decode()
    match = re.search(rf'<(\w+)[^>]*\bid="{element_id}"', body)
    assert match, f"no element with id {element_id}"
    tag, start, depth = match.group(1), match.start(), 0
    for m in re.finditer(rf"<(/?){tag}\b[^>]*>", body[start:]):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return readable(body[start : start + m.end()])
    raise AssertionError(f"element {element_id} not closed")


# -- 001: Amersfoort ------------------------------------------------------------------------------------------------


def test_the_aoj_evaluation_guide_is_on_the_meeting_with_frequency_deadline_address_and_source(client, content):
    page = section(client.get("/amersfoort/"), "evaluatie-evaluatie-aoj-team")
    assert "Hoe vaak minstens drie keer per jaar" in page
    assert "Binnen 2 weken na de evaluatie opsturen naar info@swveemland.nl" in page
    assert "De ondersteuningscoördinator van de school initieert dit overleg en zit voor." in page
    assert "Hoeveel jongeren hebben langer dan drie maanden geen onderwijs gevolgd?" in page
    assert "Hoe verloopt de samenwerking met MetMaya?" in page
    assert "Wat hebben jullie hiervoor nodig en van wie?" in page  # one of the three sub-questions of question 11
    for heading in (
        "Algemene bespreekpunten",
        "Over de samenwerking met (zorg)partners",
        "Over de samenwerking binnen het AOJ-team",
    ):
        assert heading in page
    assert (
        "Bron: Aansluiting Onderwijs en Jeugdteams (AOJ-teams) in het voortgezet (speciaal) onderwijs in Amersfoort, Bijlage 2: Gespreksleidraad"
        in page
    )
    body = client.get("/amersfoort/").content.decode()
    fragment = body[body.index('id="evaluatie-evaluatie-aoj-team"') :]
    fragment = fragment[: fragment.index("</section>")]
    assert fragment.count("<li>") == 15 + 3  # 15 questions and the 3 sub-questions, none lost


def test_the_aoj_steps_link_the_evaluation_and_keep_chair_and_regie_apart(client, content):
    response = client.get("/amersfoort/routes/pm-structuur/")
    pm4 = section(response, "stap-pm4")
    assert "Regie: Ondersteuningscoördinator" not in text(response)
    assert "Regie Het AOJ-team bepaalt wie de regiehouder is per actie en heeft de regie over thuiszitters." in pm4
    assert "Voorzitter van AOJ Ondersteuningscoördinator" in pm4
    assert "Evaluatie van AOJ Minstens drie keer per jaar; verslag binnen 2 weken na de evaluatie naar info@swveemland.nl." in pm4
    step = section(client.get("/amersfoort/routes/basisroutekaart/"), "stap-aoj-team")
    assert "Voorzitter van AOJ Ondersteuningscoördinator" in step
    assert "Regie Het AOJ-team heeft de regie over thuiszitters" in step


def test_the_attendance_check_shows_its_rules_and_sources_before_anything_is_sent(client, content):
    page = section(client.get("/amersfoort/verzuimcheck/"), "afspraak-aanwezigheid-geel")
    assert "Geel (80-95% aanwezig): aanwezigheid in procenten ≥ 80 en aanwezigheid in procenten < 95." in page
    assert "Het handboek noemt bij deze grens geen aanspreekpunt." in page
    assert (
        "Bron: Aansluiting Onderwijs en Jeugdteams (AOJ-teams) in het voortgezet (speciaal) onderwijs in Amersfoort, Bijlage 4: Thuiszittersregistratie – (langdurig) relatief verzuim."
        in page
    )
    unexcused = section(client.get("/amersfoort/verzuimcheck/"), "afspraak-ongeoorloofd-verzuim-16-uur")
    assert "uren ongeoorloofd verzuim in 4 weken ≥ 16. Contact: Leerplichtambtenaar." in unexcused


@pytest.mark.parametrize(("attendance", "band"), [("85", "Geel (80-95% aanwezig)"), ("60", "Oranje (50-80% aanwezig)")])
def test_no_contact_is_shown_for_a_threshold_where_the_handbook_names_none(client, content, attendance, band):
    response = client.get("/amersfoort/verzuimcheck/", {"attendance_pct": attendance})
    result = section(response, "resultaat").removeprefix("Uitkomst")
    assert band in result
    assert "Het handboek noemt bij deze grens geen aanspreekpunt." in result
    assert "Neem contact op" not in result
    for role in ("Mentor", "Ondersteuningscoördinator", "Jeugdarts", "Leerplichtambtenaar"):
        assert role not in result
    assert (
        "(streven: 5-15% van alle leerlingen op school (het handboek zegt niet of dit geel, oranje of beide betreft))" in result
    )


def test_numbers_are_written_as_people_write_them(client, content):
    page = text(client.get("/amersfoort/verzuimcheck/"))
    for written in ("≥ 80", "< 95", "≥ 50", "< 80", "≥ 16", "≥ 4", "≥ 7", "< 50"):
        assert written in page
    assert not re.search(r"\d[Ee][+-]?\d|\d[.,]00\b", page)


# -- 000: Amsterdam ---------------------------------------------------------------------------------------------------


def test_amsterdam_check_uses_the_four_week_thuiszitter_rule(client, content):
    response = client.get("/amsterdam-diemen/verzuimcheck/")
    page = text(response)
    assert "legt geen verzuimgrenzen in getallen vast" not in page
    rule = section(response, "afspraak-thuiszitter-vier-weken")
    assert "Thuiszitter (minstens vier weken volledig zonder onderwijs): " in rule
    assert "≥ 4. Contact: Leerplichtambtenaar." in rule
    assert "Handreiking ondersteuningsstructuur school, Primair onderwijs – Intern begeleider (IB'er)" in rule
    fired = section(client.get("/amsterdam-diemen/verzuimcheck/", {"absent_weeks": "4"}), "resultaat")
    assert "Thuiszitter (minstens vier weken volledig zonder onderwijs)" in fired and "Leerplichtambtenaar" in fired
    quiet = section(client.get("/amsterdam-diemen/verzuimcheck/", {"absent_weeks": "3"}), "resultaat")
    assert "Geen van de afspraken in Amsterdam-Diemen geeft een signaal" in quiet


@pytest.mark.parametrize(
    ("url", "region"),  # not "page": that is the browser fixture's name
    [
        ("/amsterdam-diemen/", "amsterdam-diemen"),
        ("/amsterdam-diemen/situaties/thuiszitten/", "amsterdam-diemen"),
        ("/amersfoort/", "amersfoort"),
        ("/amersfoort/situaties/zorgelijk-ziekteverzuim/", "amersfoort"),
        ("/amersfoort/situaties/ongeoorloofd-verzuim/", "amersfoort"),
        ("/amersfoort/situaties/thuiszitten/", "amersfoort"),
        ("/amersfoort/routes/basisroutekaart/", "amersfoort"),
    ],
)
def test_the_attendance_check_is_linked_where_its_rules_apply(client, content, url, region):
    assert f'href="/{region}/verzuimcheck/"' in client.get(url).content.decode()


def test_situations_without_a_computed_rule_do_not_send_to_the_check(client, content):
    for page in ("/amsterdam-diemen/situaties/zorgelijk-ziekteverzuim/", "/amersfoort/situaties/gezondheid/"):
        assert "/verzuimcheck/" not in client.get(page).content.decode(), page


# -- 000 against 002: the SWV PO --------------------------------------------------------------------------------------


def test_both_counts_of_the_swv_po_are_shown_with_both_sources(client, content):
    page = text(client.get("/amsterdam-diemen/organisaties/swv-po-amsterdam-diemen/"))
    assert "aangesteld door 42 schoolbesturen" in page
    assert "41 schoolbesturen en 244 scholen" in page
    source = page[page.index("Bron:") :]
    assert "Handreiking ondersteuningsstructuur school" in source and "Ondersteuningsplan 2021-2025, kernpunten" in source


def test_source_lines_never_show_a_file_code(client, content):
    for url in ("/", "/amsterdam-diemen/", "/amersfoort/", "/amsterdam-diemen/organisaties/swv-po-amsterdam-diemen/",
                "/amsterdam-diemen/verzuimcheck/", "/over/trends-en-cijfers/"):  # fmt: skip
        page = text(client.get(url))
        assert not re.search(r"\b00[0-4](_[0-9a-f]+\.txt|:)", page), url


def test_a_file_code_in_a_section_is_left_out_of_the_label(content):
    municipality = Municipality.objects.get(slug="baarn")
    municipality.source_section = "002: Bezoekadres"
    assert municipality.source_section_label == "Bezoekadres"
    assert municipality.source_label.endswith("in Amersfoort, Bezoekadres")


def test_the_four_ambitions_have_one_home(content):
    assert Faq.objects.filter(slug="vier-ambities-swv-po").exists()
    assert not Topic.objects.filter(title__icontains="ambities").exists()


# -- 003: MVS ---------------------------------------------------------------------------------------------------------


def test_the_oza_target_group_and_uitgangspunten_have_pages_linked_from_region_and_route(client, content):
    page = text(client.get("/maassluis-vlaardingen-schiedam/over/oza-wat-voor-wie-waarom/"))
    assert "Inzet kan gedurende de gehele doorlopende leerlijn, van voorschool tot 18 jaar." in page
    assert "Bron: SWV Onderwijs dat Past (Maassluis, Vlaardingen, Schiedam), Onderwijs-Zorg Aanbod (OZA), informatieblad" in page
    response = client.get("/maassluis-vlaardingen-schiedam/over/oza-uitgangspunten/")
    assert "Eerst het wat, dan het hoe; gesprek over budget naar achter." in text(response)
    assert response.content.decode().count("<li>") >= 6
    for linking_page in ("/maassluis-vlaardingen-schiedam/", "/maassluis-vlaardingen-schiedam/routes/oza-route/"):
        body = client.get(linking_page).content.decode()
        assert 'href="/maassluis-vlaardingen-schiedam/over/oza-wat-voor-wie-waarom/"' in body
        assert 'href="/maassluis-vlaardingen-schiedam/over/oza-uitgangspunten/"' in body


def test_a_topic_of_another_region_is_not_found(client, content):
    assert client.get("/amersfoort/over/oza-uitgangspunten/").status_code == 404
    assert client.get("/over/oza-uitgangspunten/").status_code == 404


# -- 004: Kenniskaart -------------------------------------------------------------------------------------------------


def test_the_kenniskaart_trends_and_what_cooperation_yields_are_national_pages(client, content):
    trends = text(client.get("/over/trends-en-cijfers/"))
    assert "87% van de gemeenten heeft een wijkteam; van de G32 is dat 95%." in trends
    assert "70% van de aanmeldingen bij wijkteams komt via scholen." in trends
    assert (
        "In het vo heeft 98% van de scholen een zat/mdo met externe partners, zoals leerplicht (99%), JGZ (98%), smw (89%), politie (71%) en jeugdhulp (70%)."
        in trends
    )
    assert "Bron: NJi, Kenniskaart verbinding onderwijs en jeugdhulp, Trends en cijfers; Facts & figures." in trends
    yields = text(client.get("/over/wat-levert-samenwerking-op/"))
    assert "Zij hoeven minder vaak hun verhaal te doen." in yields
    assert "Minder voortijdige schoolverlaters en minder thuiszitters." in yields
    home = client.get("/").content.decode()
    assert 'href="/over/trends-en-cijfers/"' in home and 'href="/over/wat-levert-samenwerking-op/"' in home
    assert not Faq.objects.filter(slug__in=["trends-en-cijfers", "wat-levert-samenwerking-op"]).exists()


# -- parents ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("place", EEMLAND_ONLY_FOR_JEUGDHULP)
def test_parents_in_a_jeugdhulp_only_place_are_told_what_the_handbook_covers(client, content, place):
    response = client.get("/ouders/", {"plaats": place})
    assert response.status_code == 200  # not the redirect into the Amersfoort flow
    page = text(response)
    assert f"{place}: wat het handboek hierover zegt" in page
    assert "Het handboek beschrijft geen scholen, AOJ-teams, leerplichtambtenaren of wijkteams in deze gemeente." in page
    assert "Amersfoort, Baarn, Bunschoten, Leusden, Eemnes, Soest en Woudenberg" in page
    assert f"Het handboek noemt geen team en geen contactgegevens in {place}" in page
    assert "Samenwerkingsverband Eemland" in page and "info@swveemland.nl" in page
    assert "Het AOJ-team van de school denkt mee" not in page
    assert 'href="tel:' not in response.content.decode()  # the handbook gives no phone number for these places
    assert "Bijlage 8: Grensvlakken – Wat valt onder jeugdhulp?" in page


def test_parents_in_amersfoort_still_go_to_the_flow(client, content):
    response = client.get("/ouders/", {"plaats": "Amersfoort"})
    assert response.status_code == 302 and response["Location"] == "/ouders/amersfoort/"


def test_every_parents_outcome_names_its_source(client, content):
    outcomes = FlowNode.objects.filter(kind=NodeKind.OUTCOME).select_related("flow__region")
    assert outcomes.count() >= 20
    for node in outcomes:
        page = text(client.get(node.get_absolute_url()))
        own = node.shown_source()
        assert f"Bron: {own.source_label}" in page, node
        for organisation in node.organisations.all():
            assert organisation.source_label in page, (node, organisation)


def test_a_node_keeps_the_source_its_file_gives(content):
    node = FlowNode.objects.get(flow__region__slug="amersfoort", slug="uitkomst-mentor")
    assert (node.source_document, node.source_section) == ("001_321a2dbf725851ff.txt", "Bijlage 1: PM-structuur")
