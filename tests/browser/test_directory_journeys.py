"""The professionals' main journeys in Chromium, with axe on the pages they pass."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_region_school_then_call_the_lpa(live_server, page, content, axe):
    page.goto(live_server.url + "/")
    axe.check(page)
    page.get_by_role("link", name="Amsterdam-Diemen").first.click()
    axe.check(page)
    page.get_by_label("Naam, plaats of postcode").fill("De Linde")
    page.get_by_role("button", name="Zoek school").click()
    page.get_by_role("link", name="Voorbeeldschool De Linde").click()
    axe.check(page)
    card = page.locator("section.card", has=page.get_by_role("heading", name="Leerplichtambtenaar"))
    call = card.get_by_role("link", name="020-251 8010")
    assert call.get_attribute("href") == "tel:+31202518010"


def test_search_lpa_in_amsterdam_puts_the_leerplichtambtenaar_first(live_server, page, content, axe):
    page.goto(live_server.url + "/amsterdam-diemen/")
    page.get_by_label("Zoek een rol, organisatie, school of begrip").fill("lpa")
    page.get_by_role("button", name="Zoeken").click()
    axe.check(page)
    first = page.locator(".search-result h3 a").first
    assert first.inner_text() == "Leerplichtambtenaar (lpa)"
    assert page.locator(".search-result mark").count() > 0


def test_search_4_ziekmeldingen_in_amersfoort_finds_the_mazl_signal(live_server, page, content):
    page.goto(live_server.url + "/zoeken/?q=4+ziekmeldingen&regio=amersfoort")
    titles = page.locator(".search-result h3 a").all_inner_texts()
    assert "Zorgelijk ziekteverzuim (MAZL)" in titles[:3], titles[:5]


def test_a_typo_still_finds_the_role(live_server, page, content):
    page.goto(live_server.url + "/zoeken/?q=leerplichtambtenar&regio=amsterdam-diemen")
    assert page.locator(".search-result h3 a").first.inner_text() == "Leerplichtambtenaar (lpa)"


def test_the_team_finder_and_situation_finder_pass_axe(live_server, page, content, axe):
    page.goto(live_server.url + "/amsterdam-diemen/wijkteam/?postcode=1055")
    axe.check(page)
    page.goto(live_server.url + "/amsterdam-diemen/situaties/")
    axe.check(page)
    page.get_by_role("link", name="Zorgelijk ziekteverzuim").click()
    axe.check(page)
    assert page.get_by_role("link", name="Jeugdarts").first.is_visible()


@pytest.mark.parametrize(
    ("region", "route", "order"),
    [
        ("amsterdam-diemen", "hgw-piramide", ["Niveau 1", "Niveau 2", "Niveau 3", "Niveau 4", "Niveau 5"]),
        ("amersfoort", "pm-structuur", ["PM0", "PM1", "PM2", "PM3", "PM4", "PM5"]),
        (
            "maassluis-vlaardingen-schiedam",
            "oza-route",
            ["Stap 1", "Stap 2", "Stap 3", "Stap 4", "Stap 5", "Stap 6", "Stagnatie", "Team NO", "Landelijk"],
        ),
    ],
)
def test_route_diagrams_pass_axe_and_read_in_order_with_css_off(live_server, page, content, axe, region, route, order):
    page.goto(f"{live_server.url}/{region}/routes/{route}/")
    axe.check(page)
    page.evaluate("document.querySelectorAll('link[rel=stylesheet]').forEach(l => l.disabled = true)")
    text = page.locator(".route-diagram").inner_text()
    positions = [text.index(code) for code in order]
    assert positions == sorted(positions)
    assert page.locator(".route-diagram ol").first.evaluate("el => getComputedStyle(el).listStyleType") in ("decimal", "none")


def test_waar_staan_we_shows_the_next_step(live_server, page, content, axe):
    page.goto(f"{live_server.url}/maassluis-vlaardingen-schiedam/routes/oza-route/")
    page.locator(".route-diagram").get_by_role("link", name=re.compile("Stap 4")).click()
    axe.check(page)
    where = page.locator("#waar-staan-we")
    assert "Volgende stap" in where.inner_text() and "Stap 5" in where.inner_text()


def test_the_attendance_check_and_the_comparison_pass_axe(live_server, page, content, axe):
    page.goto(f"{live_server.url}/amersfoort/verzuimcheck/")
    page.get_by_label("Aanwezigheid in procenten").fill("45")
    page.get_by_role("button", name="Bekijk het signaal").click()
    axe.check(page)
    assert "Thuiszitter (minder dan 50% aanwezig)" in page.locator(".check-result").inner_text()
    page.goto(f"{live_server.url}/routes/vergelijken/")
    axe.check(page)
