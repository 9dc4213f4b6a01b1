"""A real school's page, derived from DUO's data and the region's scope; the school finder; query counts."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import School
from directory.school_search import find_schools
from tests import factories
from tests.caching import clear_cache


@pytest.fixture
def real_schools(content_no_demo):
    call_command("import_duo_schools", verbosity=0)


def page(client, brin: str, location: str = "00") -> str:
    school = School.objects.get(brin=brin, location_number=location)
    response = client.get(school.get_absolute_url())
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def section(html: str, heading_id: str) -> str:
    """The text of one section of the page, from its heading to the next heading of its level."""
    start = html.index(f'id="{heading_id}"')
    return html[start : html.find("<h2", start)]


def test_real_school_pages_say_what_holds_for_the_school_and_for_whom(client, real_schools):
    barlaeus = page(client, "21AB")
    own = section(barlaeus, "school-zelf")
    assert "Geldt voor: <strong>deze school</strong>" in own
    assert 'href="tel:+31206263396">020 626 3396</a>' in own and "https://www.barlaeus.nl" in own
    assert "Weteringschans 31, 1017 RV Amsterdam" in own and "Onderwijsstructuur: VWO" in own
    assert "Bron: DUO open onderwijsdata, vestigingen (gegevens van" in own
    swv = section(barlaeus, "swv")
    assert "alle scholen in Amsterdam / voortgezet onderwijs" in swv
    assert "Samenwerkingsverband Voortgezet Onderwijs Amsterdam-Diemen" in swv and "Primair" not in swv
    assert "020 – 811 99 21" in swv
    leerplicht = section(barlaeus, "leerplicht")
    assert "alle scholen in Amsterdam" in leerplicht and "020-251 8010" in leerplicht
    assert "Jeugdgezondheidszorg Amsterdam (GGD)" in section(barlaeus, "jgz")
    roles = section(barlaeus, "rollen")
    assert "Ondersteuningscoördinator" in roles and "Intern begeleider" not in roles
    assert "Vraag het via de school" in roles and "020 626 3396" in roles
    home = section(barlaeus, "thuis")
    assert "woonadres van de leerling" in home and 'name="postcode"' in home and "Buurtteams Amsterdam" in home
    assert "Wat het handboek" not in barlaeus  # Amsterdam is fully described: no scope warning

    schiedam = School.objects.filter(city="Schiedam", sector__code="po").first()
    html = page(client, schiedam.brin, schiedam.location_number)
    assert "Ondersteuningsroute met het Onderwijs-Zorg Aanbod (OZA)" in section(html, "route")
    assert "Begin bij:" in section(html, "route")
    assert "Samenwerkingsverband Onderwijs dat Past" in section(html, "swv")
    assert "alle scholen in Schiedam / primair onderwijs" in section(html, "swv")
    assert "Wijkteams Maassluis, Vlaardingen en Schiedam" in section(html, "thuis")
    assert "Centrum voor Jeugd en Gezin" in section(html, "jgz")

    amersfoort = School.objects.filter(city="Amersfoort", sector__code="vo").first()
    html = page(client, amersfoort.brin, amersfoort.location_number)
    assert "PM-structuur (Professionele Momenten)" in section(html, "route")
    assert "Samenwerkingsverband Eemland" in section(html, "swv")
    assert "Gemeente Amersfoort – Leerplicht" in section(html, "leerplicht")
    assert "AOJ-team (Aansluiting Onderwijs en Jeugdteams)" in section(html, "overleggen")

    soest = School.objects.filter(city="Soest", sector__code="vo").first()
    html = page(client, soest.brin, soest.location_number)
    assert "wel en niet zegt over deze school" in html
    assert "Het handboek beschrijft geen scholen, AOJ-teams, leerplichtambtenaren of wijkteams in Baarn" in html
    assert (
        "PM-structuur" not in html
        and "Samenwerkingsverband Eemland" not in html
        and "AOJ-team (" not in html
        and "Gemeente Amersfoort – Leerplicht" not in html
    )
    assert "beschrijft geen route voor deze school" in section(html, "route")

    weesp = School.objects.filter(city="Weesp", sector__code="po").first()
    html = page(client, weesp.brin, weesp.location_number)
    assert "Bij welk samenwerkingsverband een school in Weesp hoort, staat niet in de handboeken" in section(html, "swv")
    assert "Samenwerkingsverband Primair Onderwijs" not in section(html, "swv")

    diemen = School.objects.filter(city="Diemen", sector__code="po").first()
    html = page(client, diemen.brin, diemen.location_number)
    assert "Samenwerkingsverband Primair Onderwijs Amsterdam-Diemen" in section(html, "swv")
    assert "noemt geen leerplichtteam voor scholen in Diemen" in section(html, "leerplicht")
    assert "Leerplicht Amsterdam" not in section(html, "leerplicht")  # the scope's note names it, as not for Diemen

    # MVS lists no VO school, so no page can offer one the OZA route
    assert not School.objects.filter(region__slug="maassluis-vlaardingen-schiedam", sector__code="vo").exists()


def test_one_box_finds_a_school_by_name_typo_code_postcode_street_and_place(client, real_schools):
    def first(query: str, **kwargs) -> str:
        found = find_schools(query, **kwargs)
        return found[0].school.name if found else ""

    assert first("Barlaeus Gymnasium") == "Barlaeus Gymnasium"
    assert first("het barlaeus") == "Barlaeus Gymnasium"
    assert first("Barleaus gymnasium") == "Barlaeus Gymnasium"  # a typo
    assert first("21AB") == first("21ab00") == first("21AB00") == "Barlaeus Gymnasium"
    assert first("1017 RV") == first("1017rv") == "Barlaeus Gymnasium"
    assert "Barlaeus Gymnasium" in [m.school.name for m in find_schools("1017")]
    assert first("Weteringschans") == "Barlaeus Gymnasium"
    loep = School.objects.get(name="Basisschool Loep")
    assert first("loep") == first("basisschool loep") == first("OBS Loep") == "Basisschool Loep"
    in_weesp = set(School.objects.filter(city="Weesp"))
    assert len(in_weesp) == 9 and in_weesp <= {m.school for m in find_schools("Weesp")}
    assert {m.school.city for m in find_schools("schiedam")} == {"Schiedam"}

    # the school list, the site search and the API use the same finder
    html = client.get("/amsterdam-diemen/scholen/", {"q": "barleaus"}).content.decode()
    assert "Barlaeus Gymnasium" in html
    html = client.get("/maassluis-vlaardingen-schiedam/scholen/", {"q": "3122TA"}).content.decode()
    assert loep.get_absolute_url() in html
    hits = client.get("/api/v1/zoeken/", {"q": "basisschool loep"}).json()["results"]
    assert hits[0]["kind"] == "school" and hits[0]["title"].startswith("Basisschool Loep")
    api = client.get("/api/v1/amsterdam-diemen/scholen/", {"q": "21AB00"}).json()["results"][0]
    assert (api["vestigingscode"], api["structure"], api["denomination"], api["phone"]) == (
        "21AB00",
        "VWO",
        "Openbaar",
        "0206263396",
    )
    assert api["scope"]["described_by_handbook"] is True
    soest = client.get("/api/v1/amersfoort/scholen/", {"q": "Soest"}).json()["results"][0]
    assert soest["scope"]["coverage"] == "listed" and soest["scope"]["described_by_handbook"] is False


def test_a_closed_school_is_not_found_but_its_page_stays_and_says_so(client, region_a):
    municipality = factories.MunicipalityFactory(region=region_a, name="Amsterdam", slug="amsterdam")
    school = factories.SchoolFactory(region=region_a, municipality=municipality, name="Gesloten School", is_demo=False)
    assert find_schools("Gesloten School")
    school.closed_on = "2026-01-01"
    school.save()
    assert not find_schools("Gesloten School")
    assert "stond op 1 januari 2026 niet meer in de lijst van DUO" in client.get(school.get_absolute_url()).content.decode()


def schools_in(region, municipality, count: int, letter: int) -> School:
    """`count` schools in one municipality with a scope; returns the first."""
    factories.SchoolScopeFactory(region=region, municipality=municipality, sectors=["po", "vo"])
    factories.OrganisationFactory(region=region, kind="leerplicht")
    for i in range(count):
        factories.SchoolFactory(
            region=region, municipality=municipality, name=f"Basisschool Klimop {i}", is_demo=False, street=f"Dorpsstraat {i}",
            postcode=f"{1000 + i % 9000} AB", brin=f"{i % 100:02d}{chr(65 + letter + i // 100)}Z", location_number="00",
        )  # fmt: skip
    return School.objects.filter(region=region).order_by("pk").first()


def count(client, url: str) -> int:
    clear_cache()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_school_page_and_school_search_queries_are_the_same_with_10_and_580_schools(client, region_a, region_b, professional):
    small = schools_in(region_a, factories.MunicipalityFactory(region=region_a), 10, letter=0)
    large = schools_in(region_b, factories.MunicipalityFactory(region=region_b), 580, letter=10)
    client.force_login(professional)  # the page cache is bypassed: real queries
    assert count(client, large.get_absolute_url()) == count(client, small.get_absolute_url())
    for query in ("klimop", "klimpo", "1001 AB", "01AZ00", "Dorpsstraat 3"):
        small_url = f"/{region_a.slug}/scholen/?q={query}"
        large_url = f"/{region_b.slug}/scholen/?q={query}"
        assert count(client, large_url) == count(client, small_url), query
        assert count(client, f"/zoeken/?q={query}&regio={region_b.slug}") == count(
            client, f"/zoeken/?q={query}&regio={region_a.slug}"
        )
