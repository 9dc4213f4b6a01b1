"""The region overview in Chromium: one sector at a time, short, with the search and the choice on the first screen."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_one_sector_at_1280_is_under_2500_px_and_passes_axe(live_server, page, content, axe):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/amsterdam-diemen/")
    axe.check(page)
    page.get_by_role("link", name="Basisonderwijs (PO)").click()
    assert page.url.endswith("/amsterdam-diemen/?sector=po")
    axe.check(page)
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"amsterdam-diemen ?sector=po at 1280 px: {height} px")
    assert height < 2500
    assert page.get_by_role("link", name="Leerplichtambtenaar (lpa)").count() == 1


@pytest.mark.parametrize("path", ["/amsterdam-diemen/", "/amsterdam-diemen/?sector=vo"])
def test_at_360_px_the_first_screen_shows_the_school_search_and_the_sector_choice(live_server, page, content, path):
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(live_server.url + path)
    search = page.get_by_label("Naam, plaats of postcode").bounding_box()
    choices = page.locator(".sector-choice a")
    first, last = choices.first.bounding_box(), choices.nth(choices.count() - 1).bounding_box()
    print(f"{path} at 360 px: search at {search['y']:.0f}, last sector link ends at {last['y'] + last['height']:.0f}")
    assert search["y"] + search["height"] <= 640
    assert first["y"] > search["y"]
    assert last["y"] + last["height"] <= 640
