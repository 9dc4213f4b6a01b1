"""Route pages: the diagram, the branches, "waar staan we?" and the comparison by phase."""

import re

import pytest

from tests import factories
from tests.caching import clear_cache


@pytest.fixture
def route(region_a):
    clear_cache()
    ib = factories.RoleFactory(region=region_a, slug="ib", name="Intern begeleider")
    route = factories.RouteFactory(region=region_a, slug="po-route", name="Route passend onderwijs", kind="flow")
    s1 = factories.StepFactory(route=route, slug="signaleren", order=1, title="Signaleren door de leerkracht")
    s2 = factories.StepFactory(route=route, slug="ot", order=2, title="Ondersteuningsteam", regie_role=ib,
                               parents="Ouders zijn bij het OT.")  # fmt: skip
    s3 = factories.StepFactory(route=route, slug="regulier", order=3, title="Andere reguliere school", branch="regulier")
    s4 = factories.StepFactory(route=route, slug="tlv", order=4, title="Speciaal onderwijs met TLV", branch="tlv",
                               requires="Een ontwikkelingsperspectief (OPP) en een advies van twee deskundigen.")  # fmt: skip
    factories.StepTransitionFactory(from_step=s1, to_step=s2, kind="escalate")
    factories.StepTransitionFactory(from_step=s2, to_step=s3, kind="branch", label="als een andere school beter past")
    factories.StepTransitionFactory(from_step=s2, to_step=s4, kind="branch", label="als speciaal onderwijs nodig is")
    factories.StepTransitionFactory(from_step=s2, to_step=s1, kind="deescalate")
    return route


def test_the_diagram_lists_the_main_line_in_order_and_each_branch_apart(client, route):
    html = client.get(route.get_absolute_url()).content.decode()
    main = html[html.index('class="lane lane--main"') :]
    assert main.index("Signaleren door de leerkracht") < main.index("Ondersteuningsteam")
    assert "Zijtak “regulier”, vanuit Ondersteuningsteam" in html
    assert "Zijtak “tlv”, vanuit Ondersteuningsteam" in html


def test_the_diagram_is_plain_html_that_reads_in_order_without_css(client, route):
    html = client.get(route.get_absolute_url()).content.decode()
    diagram = html[html.index('class="route-diagram') : html.index("<h2", html.index('class="route-diagram'))]
    text = re.sub(r"<[^>]+>", " ", diagram)
    text = re.sub(r"\s+", " ", text)
    assert (
        text.index("Signaleren")
        < text.index("Ondersteuningsteam")
        < text.index("Andere reguliere school")
        < text.index("Speciaal onderwijs")
    )
    assert "<svg" not in diagram and "<script" not in html


def test_waar_staan_we_shows_the_next_steps_who_to_involve_and_what_must_be_in_place(client, route):
    html = client.get(route.get_absolute_url(), {"stap": "ot"}).content.decode()
    assert 'aria-current="step"' in html
    where = html[html.index('id="waar-staan-we"') :]
    assert "Andere reguliere school" in where and "Speciaal onderwijs met TLV" in where
    assert "Een ontwikkelingsperspectief (OPP)" in where
    assert "Terug naar een lichtere stap" in where and "Signaleren door de leerkracht" in where


def test_the_first_step_leads_to_the_regiehouder_of_the_next(client, route):
    where = client.get(route.get_absolute_url(), {"stap": "signaleren"}).content.decode()
    assert "Intern begeleider</a> (regie)" in where and "Ouders zijn bij het OT." in where


def test_an_unknown_step_gets_a_404_with_a_dutch_message(client, route):
    response = client.get(route.get_absolute_url(), {"stap": "bestaat-niet"})
    assert response.status_code == 404
    assert "Deze stap bestaat niet" in response.content.decode()


def test_the_comparison_sets_regions_side_by_side_per_phase(client, route, national, region_b):
    from routes.models import Phase

    phase = Phase.objects.create(region=national, slug="signaleren", order=1, name="Signaleren", status="published")
    route.steps.filter(slug="signaleren").update(phase=phase)
    other = factories.RouteFactory(region=region_b, slug="pm", name="PM-structuur")
    factories.StepFactory(route=other, slug="pm0", order=1, code="PM0", title="Signaleren in de klas", phase=phase)
    html = client.get("/routes/vergelijken/").content.decode()
    row = html[html.index('id="fase-signaleren"') : html.index("</tr>", html.index('id="fase-signaleren"'))]
    assert "Signaleren door de leerkracht" in row and "PM0: Signaleren in de klas" in row
    assert row.index("Signaleren door de leerkracht") < row.index("PM0")  # Amsterdam's column comes before Amersfoort's
