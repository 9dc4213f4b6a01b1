"""Issue 13 (first half) in Chromium: the quickscan filled in and printed, the who-pays lookup, a FAQ from a role."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_team_fills_in_the_quickscan_and_prints_the_summary(live_server, page, content, axe):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Quickscan: hoe goed werken school en jeugdhulp samen?").click()
    axe.check(page)
    preventie = page.get_by_role("group", name="1. Preventie")
    first = preventie.get_by_role("group", name="1. De professionals van onderwijs en jeugdhulp kennen de populatie")
    first.get_by_label("Is goed").check()
    first.get_by_label("Opmerkingen").fill("Goed contact met het wijkteam")
    preventie.get_by_role("group", name="2. De professionals").get_by_label("Kan beter").check()
    page.get_by_role("group", name="5. Uitvoering").get_by_role("group", name="6. Er wordt duidelijk").get_by_label(
        "Kan beter"
    ).check()
    page.get_by_role("button", name="Bekijk de samenvatting").click()
    assert "preventie-1=goed" in page.url  # the answers live in the address, nothing is stored
    axe.check(page)
    summary = page.locator(".quickscan-summary")
    row = summary.get_by_role("row", name="1. Preventie")
    assert row.get_by_role("cell").all_inner_texts() == ["1", "0", "1", "1"]
    assert "Goed contact met het wijkteam" in summary.inner_text()
    href = summary.get_by_role("link", name="Download als CSV").get_attribute("href")
    assert href.startswith("/quickscan/csv/?") and "preventie-1=goed" in href

    page.emulate_media(media="print")
    assert summary.is_visible()
    assert row.is_visible()
    assert not page.get_by_role("navigation", name="Hoofdmenu").is_visible()
    assert not page.locator("form.quickscan-form").is_visible()
    # One page: the printed summary fits an A4 page's printable height (about 1000 CSS pixels at 96 dpi).
    height = page.evaluate("document.scrollingElement.scrollHeight")
    assert height < 1000, height


def test_the_who_pays_lookup_filters_on_a_typed_word(live_server, page, content, axe):
    page.goto(live_server.url + "/amersfoort/")
    page.get_by_role("link", name="Wie betaalt wat? Jeugdwet of onderwijswetten").click()
    axe.check(page)
    assert page.locator("section.responsibility").count() == 11
    page.get_by_label("Zoek een onderwerp, bijvoorbeeld dyslexie of diabetes").fill("diabetes")
    page.get_by_role("button", name="Zoek onderwerp").click()
    axe.check(page)
    rows = page.locator("section.responsibility")
    assert rows.count() == 1
    assert rows.get_by_role("heading", level=2).inner_text() == "Medisch handelen"
    assert "Valt onder: in het handboek niet eenduidig" in rows.inner_text()
    assert "1 van 11 onderwerpen gevonden" in page.get_by_role("status").inner_text()


def test_a_faq_reached_from_a_role_page(live_server, page, content, axe):
    page.goto(live_server.url + "/amersfoort/rollen/ondersteuningscoordinator/")
    axe.check(page)
    page.get_by_role("link", name="Op welke grondslag mag het onderwijs gegevens delen bij zorgen over criminaliteit").click()
    assert page.url.endswith("/amersfoort/veelgestelde-vragen/#vraag-gegevensdeling-bij-zorgen-over-criminaliteit")
    axe.check(page)
    question = page.locator("#vraag-gegevensdeling-bij-zorgen-over-criminaliteit")
    assert question.is_visible()
    assert "leerlingen vanaf zestien jaar mogen zelf toestemming geven" in question.inner_text()
    assert "Bijlage 7" in question.locator(".source").inner_text()
    assert question.evaluate("el => el.getBoundingClientRect().top") < 200  # the page scrolled to the question
