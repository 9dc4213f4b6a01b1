"""The handbook content as the serve command loads it: complete per region, exact facts per seed, idempotent."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from directory.models import ContactChannel, GlossaryTerm, Organisation, Role, School
from front.search import search
from regions.models import Region
from routes.models import Phase, QuickscanTheme, Route, Trigger
from routes.selectors import assess, triggers_for_region


def load(*args) -> str:
    out = StringIO()
    call_command("load_content", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def content(handbook, db):
    """The handbook, loaded once for this module (tests/conftest.py)."""
    return {r.slug: r for r in Region.objects.all()}


def channels(slug: str, region: str) -> list[str]:
    return list(
        ContactChannel.objects.filter(organisation__slug=slug, organisation__region__slug=region).values_list("value", flat=True)
    )


def digits(value: str) -> str:
    return re.sub(r"\D", "", value)


# Before the first test that asks for the handbook: this one needs a database without it.
def test_no_demo_skips_the_demo_schools(db):
    load("--no-demo")
    assert not School.objects.exists()


@pytest.mark.parametrize(
    ("region", "roles", "organisations", "routes"),
    [("amsterdam-diemen", 18, 10, 2), ("amersfoort", 8, 6, 2), ("maassluis-vlaardingen-schiedam", 7, 5, 1)],
)
def test_each_region_has_its_complete_set(content, region, roles, organisations, routes):
    assert Role.objects.filter(region__slug=region).count() == roles
    assert Organisation.objects.filter(region__slug=region).count() == organisations
    assert Route.objects.filter(region__slug=region).count() == routes


def test_amsterdam_names_every_role_of_the_handreiking(content):
    names = set(Role.objects.filter(region__slug="amsterdam-diemen").values_list("slug", flat=True))
    assert {"groepsleerkracht", "intern-begeleider", "directeur-po", "swv-po-team", "mentor", "ondersteuningscoordinator",
            "verzuimcoordinator", "teamleider", "onderwijsadviseur-swv-vo", "oka", "og-gz", "jeugdarts",
            "jeugdverpleegkundige", "doktersassistent", "gezonde-school-adviseur", "leerplichtambtenaar",
            "buurtteammedewerker", "jongerenwerker"} <= names  # fmt: skip
    for role in Role.objects.filter(region__slug="amsterdam-diemen").exclude(slug="doktersassistent"):
        assert role.tasks and role.contact and role.source_document.startswith("000"), role.slug


def test_leerplicht_amsterdam_has_its_number_and_address(content):
    assert channels("leerplicht-amsterdam", "amsterdam-diemen") == ["020-251 8010", "leerplicht@amsterdam.nl"]


def test_swv_vo_has_its_number_and_telephone_days(content):
    values = channels("swv-vo-amsterdam-diemen", "amsterdam-diemen")
    assert "0208119921" in [digits(v) for v in values] and "info@swvadam.nl" in values
    hours = Organisation.objects.get(slug="swv-vo-amsterdam-diemen").opening_hours.all()
    assert sorted({h.weekday for h in hours}) == [0, 2, 3, 4]  # maandag, woensdag, donderdag en vrijdag
    assert {(h.opens.hour, h.closes.hour) for h in hours} == {(9, 13)}


def test_the_onderwijsconsulenten_and_geschillencommissie_are_national(content):
    assert channels("onderwijsconsulenten", "landelijk")[:2] == ["070 3122887", "info@onderwijsconsulenten.nl"]
    assert "onderwijsgeschillen.nl" in channels("geschillencommissie-passend-onderwijs", "landelijk")[0]


def test_oudersteunpunt_is_reachable_on_school_days(content):
    values = channels("oudersteunpunt-amsterdam", "amsterdam-diemen")
    assert "info@oudersteunpunt020.nl" in values and "0203306320" in [digits(v) for v in values]


def test_pm_structuur_has_pm0_to_pm5_in_order(content):
    route = Route.objects.get(region__slug="amersfoort", slug="pm-structuur")
    assert [s.code for s in route.steps.all()] == ["PM0", "PM1", "PM2", "PM3", "PM4", "PM5"]


def test_hgw_pyramid_has_five_levels(content):
    route = Route.objects.get(region__slug="amsterdam-diemen", slug="hgw-piramide")
    assert [s.code for s in route.steps.all()] == [f"Niveau {n}" for n in range(1, 6)]


def test_the_oza_route_has_its_stagnation_branch(content):
    route = Route.objects.get(region__slug="maassluis-vlaardingen-schiedam", slug="oza-route")
    main = [s.slug for s in route.steps.all() if not s.branch]
    branch = [s.slug for s in route.steps.all() if s.branch == "stagnatie"]
    assert main == ["preventie-en-signalering", "collegiaal-consult", "vot", "ot", "ondersteuning-onderwijs", "oza"]
    assert branch == ["consultatie", "team-no", "onderwijsconsulenten"]
    oza = route.steps.get(slug="oza")
    assert [link.to_step.slug for link in oza.next_links.all()] == ["consultatie"]


def test_the_amsterdam_po_route_splits_into_regular_and_special_education(content):
    route = Route.objects.get(region__slug="amsterdam-diemen", slug="route-passende-ondersteuning-po")
    ot = route.steps.get(slug="extra-ondersteuning")
    assert {link.to_step.branch for link in ot.next_links.all()} >= {"regulier onderwijs", "gespecialiseerd onderwijs"}
    assert "6 weken" in ot.deadlines.replace("zes weken", "6 weken") and "vier weken" in ot.deadlines


def test_the_basisroutekaart_has_three_entries(content):
    route = Route.objects.get(region__slug="amersfoort", slug="basisroutekaart")
    start = route.steps.get(slug="school-signaleert")
    entries = {link.to_step.branch for link in start.next_links.all()}
    assert {"zorgelijk ziekteverzuim", "ongeoorloofd verzuim", "lastige thuissituatie"} <= entries


def test_the_mazl_criteria_are_numbers_the_app_computes_with(content):
    mazl = Trigger.objects.get(region__slug="amersfoort", slug="mazl-zorgelijk-ziekteverzuim")
    assert {(r.metric, r.op, int(r.value)) for r in mazl.rules.all()} == {
        ("sick_reports_12w", "gte", 4),
        ("consecutive_sick_days", "gte", 7),
    }
    triggers = triggers_for_region(region=content["amersfoort"])
    assert [t.slug for t in assess(triggers, {"sick_reports_12w": 4}).fired] == ["mazl-zorgelijk-ziekteverzuim"]
    assert [t.slug for t in assess(triggers, {"unexcused_hours_4w": 16}).fired] == ["ongeoorloofd-verzuim-16-uur"]
    assert assess(triggers, {"attendance_pct": 49}).level == 4 and assess(triggers, {"attendance_pct": 96}).level == 1


def test_national_scope_has_phases_quickscan_faq_and_glossary(content):
    assert [p.slug for p in Phase.objects.all()] == ["preventie", "signaleren", "beslissen", "toewijzen", "uitvoeren"]
    assert QuickscanTheme.objects.count() == 5
    assert GlossaryTerm.objects.count() >= 60
    for abbreviation in ("OKA", "lpa", "MAZL", "AOJ", "PM", "OSJ", "VOT", "OZA", "TLV", "OPP", "ZAT", "MDO", "CvB", "ZBO"):
        assert GlossaryTerm.objects.filter(abbreviation=abbreviation).exists(), abbreviation


def test_every_object_names_its_source(content):
    for model in (Organisation, Role, Route, Trigger, GlossaryTerm):
        assert not model.objects.filter(source_document__in=["", "redactie"]).exists(), model


def test_no_phone_number_appears_that_is_not_in_the_seeds(content):
    seed_digits = {
        "0202518010",
        "0208119921",
        "0205555961",
        "0207237100",
        "0203306320",
        "0616004600",
        "0703122887",
    }  # every phone number the five seeds print, as digits
    for channel in ContactChannel.objects.filter(kind="phone"):
        assert digits(channel.value) in seed_digits, channel.value


def test_demo_schools_are_marked_and_can_be_left_out(content):
    assert School.objects.exists() and not School.objects.filter(is_demo=False).exists()


def test_loading_twice_changes_nothing(content):
    output = load()
    assert "aangemaakt: 0, bijgewerkt: 0" in output


@pytest.mark.parametrize(
    ("query", "region", "expected", "within"),
    [
        ("lpa", "amsterdam-diemen", "Leerplichtambtenaar (lpa)", 1),
        ("leerplichtambtenaar", "amsterdam-diemen", "Leerplichtambtenaar (lpa)", 1),
        ("IB'er", "amsterdam-diemen", "Intern begeleider (IB'er)", 1),
        ("intern begeleider", "amsterdam-diemen", "Intern begeleider (IB'er)", 1),
        ("leerplichtambtenar", "amsterdam-diemen", "Leerplichtambtenaar (lpa)", 1),
        ("4 ziekmeldingen", "amersfoort", "Zorgelijk ziekteverzuim (MAZL)", 3),
        ("brugfunctionaris", "amersfoort", "Brugfunctionaris", 1),
        ("Team Nooit Opgeven", "maassluis-vlaardingen-schiedam", "Team Nooit Opgeven (MVS)", 2),
    ],
)
def test_search_finds_the_handbook_answer(content, query, region, expected, within):
    titles = [h.title for h in search(query, region=content[region]).hits[:within]]
    assert expected in titles, titles
