"""A new user looks up a real school (DUO's data) and learns who to call, and what the handbook does not cover."""

import pytest
from django.core.management import call_command

from directory.models import School

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def real_schools(content):
    call_command("import_duo_schools", verbosity=0)


def find_and_open(page, live_server, region: str, query: str, name: str) -> None:
    page.goto(f"{live_server.url}/{region}/scholen/")
    page.get_by_label("Naam, plaats of postcode").fill(query)
    page.get_by_role("button", name="Zoek school").click()
    page.get_by_role("link", name=name, exact=True).first.click()


def test_barlaeus_gymnasium_shows_its_swv_leerplicht_and_own_number(live_server, page, real_schools, axe):
    page.goto(live_server.url + "/zoeken/?q=Barlaeus+Gymnasium")
    axe.check(page)
    page.locator(".search-result h3 a").first.click()
    axe.check(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Wie doet wat rond Barlaeus Gymnasium"
    own = page.locator("section", has=page.get_by_role("heading", name="De school zelf"))
    assert own.get_by_role("link", name="020 626 3396").get_attribute("href") == "tel:+31206263396"
    assert "DUO open onderwijsdata" in own.inner_text()
    swv = page.locator("section", has=page.get_by_role("heading", name="Samenwerkingsverband", exact=True))
    assert swv.get_by_role("link", name="Samenwerkingsverband Voortgezet Onderwijs Amsterdam-Diemen").is_visible()
    leerplicht = page.locator("section", has=page.get_by_role("heading", name="Leerplicht", exact=True))
    assert leerplicht.get_by_role("link", name="020-251 8010").get_attribute("href") == "tel:+31202518010"
    assert "alle scholen in Amsterdam" in leerplicht.inner_text()


def test_a_primary_school_in_schiedam_gets_the_oza_route_and_mvs_contacts(live_server, page, real_schools, axe):
    school = School.objects.filter(city="Schiedam", sector__code="po").order_by("name").first()
    find_and_open(page, live_server, "maassluis-vlaardingen-schiedam", school.name, school.name)
    axe.check(page)
    route = page.locator("section", has=page.get_by_role("heading", name="Welke route geldt?"))
    assert route.get_by_role("link", name="Ondersteuningsroute met het Onderwijs-Zorg Aanbod (OZA)").is_visible()
    assert "Begin bij" in route.inner_text()
    assert page.get_by_role("link", name="Samenwerkingsverband Onderwijs dat Past").is_visible()
    assert page.get_by_role("link", name="Wijkteams Maassluis, Vlaardingen en Schiedam").first.is_visible()
    page.get_by_label("Postcode van het woonadres van de leerling").fill("3122")
    page.get_by_role("button", name="Zoek het team").click()
    assert "/maassluis-vlaardingen-schiedam/wijkteam/?postcode=3122" in page.url
    axe.check(page)


def test_a_vo_school_in_amersfoort_gets_the_aoj_team_and_pm_structure(live_server, page, real_schools, axe):
    school = School.objects.filter(city="Amersfoort", sector__code="vo").order_by("name").first()
    find_and_open(page, live_server, "amersfoort", school.postcode, school.name)
    axe.check(page)
    route = page.locator("section", has=page.get_by_role("heading", name="Welke route geldt?"))
    assert route.get_by_role("link", name="PM-structuur (Professionele Momenten)").is_visible()
    roles = page.locator("section", has=page.get_by_role("heading", name="Rollen die elke school heeft"))
    assert "voorzitter van het AOJ-team" in roles.inner_text()
    meetings = page.locator("section", has=page.get_by_role("heading", name="Overleggen rond de leerling"))
    assert meetings.get_by_role("link", name="AOJ-team (Aansluiting Onderwijs en Jeugdteams)").is_visible()
    assert page.get_by_role("link", name="Samenwerkingsverband Eemland").is_visible()


def test_a_vo_school_in_soest_says_what_the_handbook_does_not_cover(live_server, page, real_schools, axe):
    school = School.objects.filter(city="Soest", sector__code="vo").first()
    find_and_open(page, live_server, "amersfoort", "Soest", school.name)
    axe.check(page)
    note = page.locator("section.scope-note")
    assert "Het handboek beschrijft geen scholen, AOJ-teams, leerplichtambtenaren of wijkteams in Baarn" in note.inner_text()
    assert page.get_by_role("link", name="PM-structuur (Professionele Momenten)").count() == 0
    assert "beschrijft geen route voor deze school" in page.locator("main").inner_text()
