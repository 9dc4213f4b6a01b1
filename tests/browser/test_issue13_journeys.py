"""Issue 13 in Chromium: the attendance check reached from the region page, a topic, a place the handbook names
only for jeugdhulp, and a parents' outcome with its source; axe on every page passed."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_attendance_check_from_the_region_page_shows_sources_first_and_no_contact_for_geel(live_server, page, content, axe):
    page.goto(live_server.url + "/amersfoort/")
    axe.check(page)
    page.get_by_role("link", name="Verzuimcheck: welk signaal geven de cijfers van een leerling?").click()
    axe.check(page)
    rules = page.locator("#afspraken + ul")
    assert "Bron: Aansluiting Onderwijs en Jeugdteams" in rules.inner_text()
    # The sources come before the form: a reader sees where the numbers come from before filling anything in.
    assert page.locator("#afspraken").bounding_box()["y"] < page.locator("form.check-form").bounding_box()["y"]
    page.get_by_label("Aanwezigheid in procenten").fill("85")
    page.get_by_role("button", name="Bekijk het signaal").click()
    axe.check(page)
    result = page.locator(".check-result").inner_text()
    assert "Geel (80-95% aanwezig)" in result
    assert "Het handboek noemt bij deze grens geen aanspreekpunt." in result
    assert "Neem contact op" not in result


def test_a_topic_from_the_route_page_and_back(live_server, page, content, axe):
    page.goto(live_server.url + "/maassluis-vlaardingen-schiedam/routes/oza-route/")
    page.locator(".topics").get_by_role("link", name="Onderwijs-Zorg Arrangement (OZA): wat, voor wie en waarom").click()
    axe.check(page)
    assert "van voorschool tot 18 jaar" in page.locator("main").inner_text()
    page.get_by_role("link", name="Ondersteuningsroute met het Onderwijs-Zorg Aanbod (OZA)").click()
    assert page.url.endswith("/maassluis-vlaardingen-schiedam/routes/oza-route/")


def test_a_parent_in_baarn_learns_what_holds_and_an_outcome_shows_its_source(live_server, page, content, axe):
    page.goto(live_server.url + "/ouders/")
    page.get_by_label("Plaats van de school").fill("Baarn")
    page.get_by_role("button", name="Verder").click()
    axe.check(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Baarn: wat het handboek hierover zegt"
    page.get_by_role("link", name="wegwijzer voor Amersfoort (Eemland)").click()
    page.get_by_role("link", name="Mijn kind spijbelt of gaat niet meer naar school").click()
    axe.check(page)
    assert "Bron: Aansluiting Onderwijs en Jeugdteams" in page.locator("main").inner_text()
