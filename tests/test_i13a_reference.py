"""Issue 13 (first half): "wie betaalt wat", the FAQs and the quickscan, as a visitor meets them.

The who-pays and FAQ facts are checked against the handbook content as `load_content` loads it: every row of
Bijlage 8 and 9 of seed 001 and no other, and "in het handboek niet eenduidig" wherever the extraction lost the
column a Bijlage 9 item was marked in.
"""

from __future__ import annotations

import csv
import html
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.forms import FaqForm
from directory.models import Faq, Responsibility, Role
from front.search import search
from regions.importing import form_data
from regions.models import Region
from routes.models import QuickscanItem, QuickscanTheme, Situation
from tests import factories
from tests.caching import clear_cache

AMBIGUOUS = "In het handboek niet eenduidig"

# The rows of Bijlage 9 (topics as the table heads them) and Bijlage 8, in the handbook's order.
TOPICS = [
    "ADHD",
    "Dyslexie",
    "Intelligentietest",
    "Leerstoornissen van leerlingen",
    "Hulp bij leerproblemen",
    "Persoonlijke verzorging op school",
    "Ondersteuning van persoonlijke ontwikkeling van de leerling ten behoeve van zijn/haar leerontwikkeling",
    "Medisch handelen",
    "Schoolmaatschappelijk werk",
    "Overige: buitenschoolse opvang, thuisonderwijs, epilepsie, ergotherapie",
    "Wat valt onder passend onderwijs en wat onder jeugdhulp?",
]

# Every item of Bijlage 9 whose column mark the extraction lost (seed 001, lines 809-979), by row slug.
LOST_COLUMN = {
    "adhd": ["Diagnose en behandeling jeugdpsychiater of kinderarts", "Onderwijsondersteuning"],
    "dyslexie": [
        "Diagnose en behandeling ED (Ernstige Dyslexie)",
        "Begeleiding bij ED",
        "Onderzoek naar dyslexie, niet zijnde ED",
        "Fysieke hulpmiddelen",
    ],
    "intelligentietest": [
        "Onderzoek als onderdeel van diagnostisch proces in het kader van jeugdhulp",
        "Onderzoek voor ander doel dan diagnostiek in het kader van jeugdhulp",
    ],
    "leerstoornissen": ["Behandeling van stoornis op gebied van: lezen, rekenen, schriftelijke uitdrukkingsvaardigheden"],
    "hulp-bij-leerproblemen": [
        "Huiswerkproblemen",
        "Remedial teaching of motorische remedial teaching (MRT)",
        "Begeleiding op school",
        "Behandeling stoornis op gebied van leren",
        "Taal- en spraakstoornissen",
        "Dyscalculie",
    ],
    "persoonlijke-verzorging-op-school": [
        "Gekoppeld aan onderwijsactiviteiten",
        "Overige persoonlijke verzorging (na aftrek o.b.v. Awbz-pakketmaatregelen)",
    ],
    "persoonlijke-ontwikkeling-voor-leren": [
        "Speltherapie gericht om spelenderwijs leerproblemen aan te pakken",
        "Onderzoek of tijdelijke begeleiding door een orthopedagoog of een psycholoog",
        "Het aanschaffen van aangepast materiaal (bijvoorbeeld pictogrammen of braille-leerboeken)",
        "Sociale vaardigheidstraining",
        "Kindcoaching",
    ],
    "medisch-handelen": ["Niet voorbehouden handelingen", "Diabeteszorg"],
    "schoolmaatschappelijk-werk": [
        "Regulier schoolmaatschappelijk werk",
        "Schoolmaatschappelijk werk in het kader van veiligheid en opvang risicoleerlingen",
    ],
    "overige": [
        "Buitenschoolse opvang",
        "Thuisonderwijs",
        "Epilepsie (ook voor extra toezicht bij een leerling)",
        "Ergotherapie, indien gericht op onderwijsproblemen",
    ],
}

NATIONAL_QUESTIONS = [
    "Wanneer betrek je de ouders bij de ondersteuning of hulp?",
    "Hoe kan een VO- of (V)SO-school omgaan met de verschillende wijkteams in de stad en omliggende gemeenten?",
    "Hoe kunnen we als professionals één taal spreken?",
    "Hoe meet je de tevredenheid van ouders en jongeren?",
    "Heb ik altijd toestemming van ouders nodig om met andere professionals te overleggen over een kind?",
    "Welke mogelijkheden zijn er voor onderwijs en jeugdhulp om samen te werken aan preventie?",
    "Zijn er goede voorbeelden te vinden van samenwerking tussen scholen en wijkteams?",
]


@pytest.fixture
def content(handbook, db):
    """The handbook, loaded once for this module (tests/conftest.py)."""


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def text(fragment: str) -> str:
    """What a reader sees of an HTML fragment: tags dropped, entities decoded, whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def sections(body: str, css_class: str) -> dict[str, str]:
    """The page's <section class="... css_class" id="..."> blocks, by id."""
    found = re.findall(rf'<section class="[^"]*\b{css_class}\b[^"]*" id="([^"]+)"[^>]*>(.*?)</section>', body, re.S)
    return dict(found)


def definition(section: str, term: str) -> str:
    """The text of the <dd> that follows <dt>term</dt>, or '' when the row has no such term."""
    match = re.search(rf"<dt>{re.escape(term)}</dt><dd>(.*?)</dd>", section, re.S)
    return text(match.group(1)) if match else ""


# -- constant queries ------------------------------------------------------------------------------------------------
# First in the module: it counts its own rows, so it runs before the handbook is loaded for the tests below.


def reference_data(region: Region, national: Region, start: int, size: int) -> None:
    """`size` more FAQs (each naming a role and a situation), who-pays rows and quickscan themes with statements."""
    for i in range(start, start + size):
        role = factories.RoleFactory(region=region, slug=f"rol-{i}", name=f"Rol {i}")
        situation = factories.SituationFactory(region=region, slug=f"situatie-{i}")
        for owner in (region, national):
            faq = Faq.objects.create(region=owner, slug=f"vraag-{i}", question=f"Vraag {i}?", answer="Antwoord.",
                                     status="published", order=i, keywords=["k"])  # fmt: skip
            faq.roles.add(role, Role.objects.get(region=region, slug="rol-0"))
            situation.faqs.add(faq)
            Situation.objects.get(region=region, slug="situatie-0").faqs.add(faq)
        Responsibility.objects.create(region=region, slug=f"rij-{i}", topic=f"Onderwerp {i}", youth_care="Jeugd.",
                                      ambiguous="- Iets", keywords=["woord"], status="published", order=i)  # fmt: skip
        theme = QuickscanTheme.objects.create(region=national, slug=f"thema-{i}", name=f"Thema {i}", order=i,
                                              status="published")  # fmt: skip
        for order in (1, 2, 3):
            QuickscanItem.objects.create(theme=theme, order=order, text=f"Stelling {order}")


def test_queries_on_the_new_pages_do_not_grow_with_ten_times_the_data(client, region_b, national, professional):
    client.force_login(professional)  # signed in: the page cache is bypassed, so the queries are real
    urls = [
        "/amersfoort/wie-betaalt-wat/",
        "/amersfoort/wie-betaalt-wat/?q=onderwerp",
        "/amersfoort/veelgestelde-vragen/",
        "/veelgestelde-vragen/",
        "/amersfoort/rollen/rol-0/",
        "/amersfoort/situaties/situatie-0/",
        "/quickscan/?thema-0-1=goed&thema-0-1-opm=x",
        "/quickscan/csv/?thema-0-1=goed",
    ]

    def counts() -> list[int]:
        result = []
        for url in urls:
            clear_cache()
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200, url
            result.append(len(ctx.captured_queries))
        return result

    reference_data(region_b, national, 0, 1)
    small = counts()
    reference_data(region_b, national, 1, 9)
    assert Faq.objects.filter(region=region_b).count() == 10
    assert counts() == small


# -- wie betaalt wat -------------------------------------------------------------------------------------------------


def test_who_pays_shows_every_row_of_bijlage_8_and_9_and_no_other(client, content):
    body = page(client, "/amersfoort/wie-betaalt-wat/")
    rows = sections(body, "responsibility")
    titles = [text(re.search(r"<h2[^>]*>(.*?)</h2>", s, re.S).group(1)) for s in rows.values()]
    assert titles == TOPICS
    for section in rows.values():
        assert "Bron: Aansluiting Onderwijs en Jeugdteams (AOJ-teams)" in text(section)
        assert "Bijlage 9" in text(section) or "Bijlage 8" in text(section)


def test_who_pays_says_not_clear_where_the_extraction_lost_the_column(client, content):
    rows = sections(page(client, "/amersfoort/wie-betaalt-wat/"), "responsibility")
    for slug, items in LOST_COLUMN.items():
        unclear = definition(rows[slug], AMBIGUOUS)
        for item in items:
            assert item in unclear, (slug, item)
            # ... and never under a law's column: the page does not guess.
            assert item not in definition(rows[slug], "Jeugdwet (gemeente)"), (slug, item)
            assert item not in definition(rows[slug], "Onderwijswetten (school)"), (slug, item)
    for slug in set(LOST_COLUMN) - {"hulp-bij-leerproblemen"}:
        assert "Valt onder: in het handboek niet eenduidig" in text(rows[slug]), slug


def test_who_pays_keeps_what_another_law_covers_apart_from_the_two_columns(client, content):
    rows = sections(page(client, "/amersfoort/wie-betaalt-wat/"), "responsibility")
    assert definition(rows["medisch-handelen"], "Opmerkingen") == "Voorbehouden handelingen = Zvw."
    assert "Zvw" not in definition(rows["medisch-handelen"], "Jeugdwet (gemeente)")
    assert "anders Zvw" in definition(rows["overige"], "Opmerkingen")
    assert "logopedie valt onder de ziektekostenverzekering" in definition(rows["hulp-bij-leerproblemen"], "Opmerkingen")
    # Bijlage 8 in words: school performance support is onderwijs, not jeugdhulp.
    education = definition(rows["passend-onderwijs-of-jeugdhulp"], "Onderwijswetten (school)")
    assert "huiswerkbegeleiding of de schoolpsycholoog, valt onder de Wet op het passend onderwijs" in education
    youth = definition(rows["passend-onderwijs-of-jeugdhulp"], "Jeugdwet (gemeente)")
    assert "Amersfoort, Baarn, Bunschoten, Leusden, Eemnes, Soest en Woudenberg" in youth


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("diabetes", ["medisch-handelen"]),
        ("BSO", ["overige"]),  # a keyword only: the table writes "buitenschoolse opvang"
        ("Epilepsie", ["overige"]),
        ("logopedie", ["hulp-bij-leerproblemen"]),
        ("ernstige dyslexie", ["dyslexie"]),
    ],
)
def test_the_filter_box_narrows_the_rows(client, content, query, expected):
    body = page(client, f"/amersfoort/wie-betaalt-wat/?q={query}")
    assert list(sections(body, "responsibility")) == expected
    assert f"{len(expected)} van 11 onderwerpen gevonden" in text(body)


def test_a_filter_that_matches_nothing_says_so_and_offers_all_rows(client, content):
    body = page(client, "/amersfoort/wie-betaalt-wat/?q=zwembadpas")
    assert sections(body, "responsibility") == {}
    assert 'Geen onderwerp gevonden voor "zwembadpas"' in text(body)
    assert 'href="/amersfoort/wie-betaalt-wat/"' in body


def test_only_a_region_whose_handbook_has_the_table_links_to_it(client, content):
    assert 'href="/amersfoort/wie-betaalt-wat/"' in page(client, "/amersfoort/")
    assert "wie-betaalt-wat" not in page(client, "/amsterdam-diemen/")
    body = page(client, "/amsterdam-diemen/wie-betaalt-wat/")
    assert "heeft geen overzicht van wat onder de Jeugdwet en wat onder de onderwijswetten valt" in text(body)


def test_search_finds_a_who_pays_row_and_a_faq(content):
    amersfoort = Region.objects.get(slug="amersfoort")
    urls = [hit.url for hit in search("diabetes", region=amersfoort).hits]
    assert "/amersfoort/wie-betaalt-wat/#medisch-handelen" in urls
    titles = [hit.title for hit in search("één taal spreken", region=amersfoort).hits]
    assert "Hoe kunnen we als professionals één taal spreken?" in titles


# -- veelgestelde vragen ---------------------------------------------------------------------------------------------


def test_the_national_faq_page_has_the_seven_kenniskaart_questions_with_their_source(client, content):
    faqs = sections(page(client, "/veelgestelde-vragen/"), "faq")
    assert [text(re.search(r"<h3[^>]*>(.*?)</h3>", s, re.S).group(1)) for s in faqs.values()] == NATIONAL_QUESTIONS
    for section in faqs.values():
        assert "Bron: NJi, Kenniskaart verbinding onderwijs en jeugdhulp, Veelgestelde vragen." in text(section)
    consent = text(faqs["vraag-toestemming-van-ouders"])
    assert "(voor jongeren vanaf 12 jaar gelden daarvoor speciale regels)" in consent


def test_a_region_faq_page_shows_its_own_questions_and_the_national_ones(client, content):
    faqs = sections(page(client, "/amersfoort/veelgestelde-vragen/"), "faq")
    own = [key for key in faqs if not key.startswith("vraag-landelijk-")]
    assert own == ["vraag-privacyconvenant", "vraag-gegevensdeling-bij-zorgen-over-criminaliteit", "vraag-evaluatie-aoj-team"]
    assert len(faqs) - len(own) == 7
    criminality = text(faqs["vraag-gegevensdeling-bij-zorgen-over-criminaliteit"])
    assert "leerlingen vanaf zestien jaar mogen zelf toestemming geven (voor een bepaald doel)" in criminality
    assert "Bijlage 7: Gegevensdeling onderwijsveld bij zorgen over criminaliteit" in criminality
    amsterdam = sections(page(client, "/amsterdam-diemen/veelgestelde-vragen/"), "faq")
    assert "Binnen 10 weken" in text(amsterdam["vraag-zorgplicht"])
    assert "vraag-privacyconvenant" not in amsterdam  # another region's question stays there
    assert Faq.objects.count() == 13


def test_a_role_page_links_to_the_faqs_it_concerns_and_the_anchor_exists(client, content):
    body = page(client, "/amersfoort/rollen/ondersteuningscoordinator/")
    links = re.findall(r'<ul class="utrecht-unordered-list faq-links">(.*?)</ul>', body, re.S)[0]
    hrefs = re.findall(r'href="([^"]+)"', links)
    assert "/amersfoort/veelgestelde-vragen/#vraag-privacyconvenant" in hrefs
    assert "/amersfoort/veelgestelde-vragen/#vraag-landelijk-toestemming-van-ouders" in hrefs
    faq_page = page(client, "/amersfoort/veelgestelde-vragen/")
    for href in hrefs:
        assert f'id="{href.split("#")[1]}"' in faq_page, href
    # A role no question concerns has no such section.
    assert "Veelgestelde vragen" not in text(page(client, "/amersfoort/rollen/osj-medewerker/"))


def test_a_situation_page_links_to_its_faqs(client, content):
    body = page(client, "/amersfoort/situaties/thuiszitten/")
    assert 'href="/amersfoort/veelgestelde-vragen/#vraag-evaluatie-aoj-team"' in body
    assert 'href="/amersfoort/veelgestelde-vragen/#vraag-privacyconvenant"' in body
    national = Situation.objects.get(region__slug="amsterdam-diemen", slug="onveiligheid-meldcode")
    assert {f.slug for f in national.faqs.all()} == {"toestemming-van-ouders", "samenwerken-aan-preventie"}


def test_a_regional_faq_may_not_name_another_regions_role(content):
    faq = Faq.objects.get(region__slug="amersfoort", slug="privacyconvenant")
    other = Role.objects.get(region__slug="amsterdam-diemen", slug="oka")
    form = FaqForm(form_data(FaqForm, faq, {"roles": [*faq.roles.all(), other]}), instance=faq)
    assert not form.is_valid()
    assert form.errors["roles"] == ["Kies rollen uit de regio van deze vraag."]
    assert other not in faq.roles.all()


# -- quickscan -------------------------------------------------------------------------------------------------------


def test_the_quickscan_form_has_every_statement_with_three_ratings_and_a_remark(client, content):
    body = page(client, "/quickscan/")
    assert len(re.findall(r'<fieldset class="utrecht-form-fieldset quickscan-theme"', body)) == 5
    assert len(re.findall(r'<fieldset class="utrecht-form-fieldset quickscan-item"', body)) == 18
    for label in ("Is goed", "Neutraal", "Kan beter"):
        assert len(re.findall(rf'for="[a-z-]+-\d+-[a-z]+">{label}</label>', body)) == 18
    assert len(re.findall(r'name="[a-z-]+-\d+-opm"', body)) == 18
    assert 'method="get"' in body
    assert "Samenvatting per thema" not in body


ANSWERS = (
    "preventie-1=goed&preventie-1-opm=Prima+geregeld&preventie-2=beter&preventie-3=beter"
    "&signalering-1=neutraal&uitvoering-6=beter&uitvoering-6-opm=%3DHYPERLINK(%22x%22)&toewijzing-2-opm=%3Cb%3Evet%3C%2Fb%3E"
)


def test_the_summary_counts_each_rating_per_theme_and_lists_the_remarks(client, content):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/quickscan/?{ANSWERS}")
    assert not [q for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert response["Cache-Control"] == "private, no-store"
    body = response.content.decode()
    rows = re.findall(r'<tr class="utrecht-table__row">\s*<th[^>]*scope="row">(.*?)</th>(.*?)</tr>', body, re.S)
    counts = {text(name): [int(n) for n in re.findall(r">(\d+)</td>", cells)] for name, cells in rows}
    # Is goed, Neutraal, Kan beter, Niet ingevuld
    assert counts == {
        "1. Preventie": [1, 0, 2, 0],
        "2. Signalering": [0, 1, 0, 2],
        "3. Interprofessionele bespreking": [0, 0, 0, 2],
        "4. Toewijzing": [0, 0, 0, 4],
        "5. Uitvoering": [0, 0, 1, 5],
    }
    summary = text(re.search(r'<section class="quickscan-summary".*?</section>', body, re.S).group(0))
    assert "Prima geregeld" in summary
    assert "<b>vet</b>" in summary and "<b>vet</b>" not in body  # shown as typed, never as HTML
    assert 'href="/quickscan/csv/?preventie-1=goed' in body
    assert 'value="goed" checked' in body  # the form keeps the answers, to change them


def test_the_csv_has_a_dutch_header_a_bom_every_statement_and_no_formulas(client, content):
    response = client.get(f"/quickscan/csv/?{ANSWERS}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="quickscan-samenwerking.csv"'
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Thema", "Nr.", "Stelling", "Beoordeling", "Opmerkingen"]
    assert len(rows) == 1 + 18
    first = rows[1]
    assert first[:2] == ["Preventie", "1"] and first[3:] == ["Is goed", "Prima geregeld"]
    assert first[2].startswith("De professionals van onderwijs en jeugdhulp kennen de populatie in de wijk")
    last = rows[-1]
    assert last[3:] == ["Kan beter", '\'=HYPERLINK("x")']
    assert [r[3] for r in rows[1:]].count("Niet ingevuld") == 13


@pytest.mark.parametrize(
    "query",
    ["preventie-1=slecht", "preventie-1=goed&uitvoering-2=5", "preventie-1-opm=" + "x" * 501],
)
def test_a_value_the_form_cannot_send_is_refused_in_dutch(client, content, query):
    for url in (f"/quickscan/?{query}", f"/quickscan/csv/?{query}"):
        response = client.get(url)
        assert response.status_code == 400, url
        body = text(response.content.decode())
        assert "De quickscan kan zo niet worden samengevat." in body
        assert "is ongeldig. Kies Is goed, Neutraal of Kan beter." in body or "gebruik hooguit 500 tekens" in body
        assert "Samenvatting per thema" not in body


def test_home_and_region_pages_link_to_the_quickscan_and_the_faqs(client, content):
    home = page(client, "/")
    assert 'href="/quickscan/"' in home and 'href="/veelgestelde-vragen/"' in home
    region = page(client, "/amsterdam-diemen/")
    assert 'href="/quickscan/"' in region and 'href="/amsterdam-diemen/veelgestelde-vragen/"' in region
