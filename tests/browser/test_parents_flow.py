"""Every path of every region's parents' flow, clicked through in Chromium, with axe on every page."""

import pytest

from parents.graph import flow_paths
from parents.models import ParentFlow
from regions.models import Region
from tests.browser.conftest import no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("region", ["amsterdam-diemen", "amersfoort", "maassluis-vlaardingen-schiedam"])
def test_every_path_ends_at_an_outcome_that_names_who_to_contact(live_server, page, content, axe, region):
    flow = ParentFlow.objects.get(region__slug=region)
    paths = flow_paths(flow)
    assert paths
    for path in paths:
        page.goto(f"{live_server.url}/ouders/{region}/")
        for node, answer_index in path:
            axe.check(page)
            assert page.locator("h1").first.inner_text() == node.title
            if answer_index is None:
                break
            label = node.answer_list()[answer_index - 1]["label"]
            page.get_by_role("link", name=label, exact=True).click()
        outcome = path[-1][0]
        for organisation in outcome.organisations.all():
            assert page.get_by_role("heading", name=organisation.name).is_visible()
            for channel in organisation.channels.filter(visibility="public"):
                assert page.get_by_text(channel.value, exact=False).first.is_visible()
        if outcome.sensitive:
            assert "pad=" not in page.url
            assert page.get_by_role("link", name="Snel weg van deze pagina").is_visible()


def test_the_quick_exit_leaves_and_replaces_the_page_in_history(live_server, page, content):
    flow = ParentFlow.objects.get(region__slug="amsterdam-diemen")
    sensitive = flow.nodes.get(sensitive=True)
    page.route("https://www.google.nl/**", lambda route: route.fulfill(status=200, body="<title>neutraal</title>"))
    page.goto(f"{live_server.url}/ouders/amsterdam-diemen/")
    page.goto(f"{live_server.url}{sensitive.get_absolute_url()}")
    page.keyboard.press("Escape")
    page.wait_for_url("https://www.google.nl/**")
    page.go_back()
    assert "/stap/" not in page.url  # the sensitive page was replaced in the history


def test_the_back_link_and_start_again_keep_and_clear_answers(live_server, page, content):
    page.goto(f"{live_server.url}/ouders/amsterdam-diemen/?pad=1.2")
    page.get_by_role("link", name="Terug naar de vorige vraag").click()
    assert page.url.endswith("?pad=1")
    page.get_by_role("link", name="Start opnieuw").click()
    assert page.url.endswith("/ouders/amsterdam-diemen/")


@pytest.mark.parametrize("width", [360, 640])
def test_parents_pages_fit_a_small_screen_and_200_percent_zoom(live_server, page, content, axe, width):
    # 640 css pixels wide is what a 1280 px window shows at 200 % zoom.
    page.set_viewport_size({"width": width, "height": 800})
    for path in ("/ouders/", "/ouders/amsterdam-diemen/", "/ouders/amsterdam-diemen/?pad=1.2.2.2"):
        page.goto(live_server.url + path)
        assert no_horizontal_scroll(page), path
        axe.check(page)


def test_parents_pages_make_no_third_party_requests(live_server, page, content):
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    page.goto(f"{live_server.url}/ouders/")
    page.goto(f"{live_server.url}/ouders/amersfoort/?pad=2")
    assert hosts == {live_server.url.split("/")[2]}


def test_the_home_page_for_parents_finds_the_region_by_place(live_server, page, content, axe):
    page.goto(f"{live_server.url}/ouders/")
    axe.check(page)
    page.get_by_label("Plaats van de school").fill("Schiedam")
    page.get_by_role("button", name="Verder").click()
    assert page.url.endswith("/ouders/maassluis-vlaardingen-schiedam/")
    assert Region.objects.filter(slug="maassluis-vlaardingen-schiedam").exists()
