"""In Chromium: a parent opens the region's handbook from the region page, an editor signs in and lands on the
dashboard; both pass axe."""

import pytest

from regions.models import Correction, Region
from tests import factories
from tests.browser.conftest import no_horizontal_scroll
from tests.browser.test_login import fill_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_handbook_opens_from_the_region_page_and_passes_axe(live_server, page, content, axe):
    page.goto(live_server.url + "/amsterdam-diemen/")
    page.get_by_role("link", name="Het hele handboek als één document").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Wie doet wat in Amsterdam-Diemen"
    toc = page.get_by_role("navigation", name="Inhoud")
    toc.get_by_role("link", name="Organisaties en contact").click()
    assert page.url.endswith("#organisaties")
    assert page.get_by_role("link", name="Download als pdf").get_attribute("href") == "/amsterdam-diemen/handboek.pdf"
    axe.check(page)
    page.set_viewport_size({"width": 360, "height": 800})  # the handbook prints web addresses in full
    for region in ("amsterdam-diemen", "amersfoort", "maassluis-vlaardingen-schiedam"):
        page.goto(f"{live_server.url}/{region}/handboek/")
        assert no_horizontal_scroll(page), region


def test_an_editor_signs_in_and_lands_on_what_needs_them(live_server, page, content, axe):
    region = Region.objects.get(slug="amsterdam-diemen")
    factories.editor_of(region, username="redacteur")
    Correction.objects.create(region=region, page_url="/amsterdam-diemen/", page_title="Amsterdam-Diemen",
                              message="Het telefoonnummer van het Oudersteunpunt klopt niet.")  # fmt: skip
    page.goto(live_server.url + "/inloggen/?next=/beheer/")
    fill_login(page, "redacteur", "een-lang-wachtwoord-123")
    assert page.get_by_role("heading", name="Wat vraagt uw aandacht").is_visible()
    link = page.get_by_role("link", name="Amsterdam-Diemen: “Het telefoonnummer van het Oudersteunpunt klopt niet.”")
    axe.check(page)
    link.click()
    assert "/beheer/regions/correction/" in page.url
