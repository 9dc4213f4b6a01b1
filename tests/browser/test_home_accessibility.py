"""The home page in real Chromium: lists the regions and passes axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_lists_the_three_regions_and_has_no_axe_violations(live_server, page):
    page.goto(live_server.url + "/")
    regions = page.locator("main h3").all_inner_texts()
    assert regions == ["Amsterdam-Diemen", "Amersfoort (Eemland)", "Maassluis, Vlaardingen en Schiedam"]
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
