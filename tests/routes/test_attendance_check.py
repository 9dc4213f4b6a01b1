"""The attendance check: levels computed from the stored rules, right at and around every boundary."""

from decimal import Decimal

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from routes.selectors import assess
from tests import factories


def amersfoort_like_rules(region):
    """The Amersfoort numbers as data: MAZL, 16 hours in 4 weeks, and the attendance pyramid."""
    mentor = factories.RoleFactory(region=region, slug="mentor", name="Mentor")
    jeugdarts = factories.RoleFactory(region=region, slug="jeugdarts", name="Jeugdarts")
    lpa = factories.RoleFactory(region=region, slug="lpa", name="Leerplichtambtenaar")
    mazl = factories.TriggerFactory(region=region, slug="mazl", name="Zorgelijk ziekteverzuim (MAZL)", contact_role=jeugdarts)
    factories.TriggerRuleFactory(trigger=mazl, metric="sick_reports_12w", op="gte", value=4)
    factories.TriggerRuleFactory(trigger=mazl, metric="consecutive_sick_days", op="gte", value=7)
    unexcused = factories.TriggerFactory(region=region, slug="16-uur", name="Ongeoorloofd verzuim", contact_role=lpa)
    factories.TriggerRuleFactory(trigger=unexcused, metric="unexcused_hours_4w", op="gte", value=16)
    bands = [(1, "95-100%", 95, 101), (2, "80-95%", 80, 95), (3, "50-80%", 50, 80), (4, "onder 50%", -1, 50)]
    for level, name, low, high in bands:
        band = factories.TriggerFactory(region=region, slug=f"band-{level}", name=name, level=level, match="all",
                                        contact_role=mentor if level < 3 else lpa)  # fmt: skip
        factories.TriggerRuleFactory(trigger=band, metric="attendance_pct", op="gte", value=low)
        factories.TriggerRuleFactory(trigger=band, metric="attendance_pct", op="lt", value=high)
    from routes.selectors import triggers_for_region

    return triggers_for_region(region=region)


@pytest.fixture
def triggers(region_b):
    return amersfoort_like_rules(region_b)


@pytest.mark.parametrize(
    ("values", "fired"),
    [
        ({"sick_reports_12w": 3}, set()),
        ({"sick_reports_12w": 4}, {"mazl"}),
        ({"sick_reports_12w": 5}, {"mazl"}),
        ({"consecutive_sick_days": 6}, set()),
        ({"consecutive_sick_days": 7}, {"mazl"}),
        ({"sick_reports_12w": 1, "consecutive_sick_days": 8}, {"mazl"}),
        ({"unexcused_hours_4w": Decimal("15.5")}, set()),
        ({"unexcused_hours_4w": 16}, {"16-uur"}),
        ({"unexcused_hours_4w": 16, "sick_reports_12w": 4}, {"16-uur", "mazl"}),
        ({"attendance_pct": 100}, {"band-1"}),
        ({"attendance_pct": 95}, {"band-1"}),
        ({"attendance_pct": Decimal("94.9")}, {"band-2"}),
        ({"attendance_pct": 80}, {"band-2"}),
        ({"attendance_pct": Decimal("79.9")}, {"band-3"}),
        ({"attendance_pct": 50}, {"band-3"}),
        ({"attendance_pct": Decimal("49.9")}, {"band-4"}),
        ({"attendance_pct": 0}, {"band-4"}),
    ],
)
def test_each_rule_fires_exactly_from_its_boundary(triggers, values, fired):
    assert {t.slug for t in assess(triggers, values).fired} == fired


@pytest.mark.parametrize(("pct", "level"), [(100, 1), (95, 1), (90, 2), (80, 2), (70, 3), (50, 3), (49, 4), (10, 4)])
def test_the_attendance_level_follows_the_pyramid(triggers, pct, level):
    assert assess(triggers, {"attendance_pct": pct}).level == level


def test_the_contact_of_the_most_serious_signal_comes_first(triggers):
    result = assess(triggers, {"attendance_pct": 40, "sick_reports_12w": 6})
    assert [r.name for r in result.contacts][:1] == ["Leerplichtambtenaar"]
    assert "Jeugdarts" in [r.name for r in result.contacts]


absence = st.fixed_dictionaries({
    "sick_reports_12w": st.integers(0, 30), "consecutive_sick_days": st.integers(0, 60),
    "unexcused_hours_4w": st.integers(0, 80), "attendance_pct": st.integers(0, 100),
})  # fmt: skip
growth = st.fixed_dictionaries({
    "sick_reports_12w": st.integers(0, 10), "consecutive_sick_days": st.integers(0, 20),
    "unexcused_hours_4w": st.integers(0, 30), "attendance_pct": st.integers(0, 40),
})  # fmt: skip


@pytest.mark.django_db
@settings(max_examples=200, deadline=None)
@given(before=absence, more=growth)
def test_the_result_never_gets_lighter_when_absence_grows(before, more):
    from regions.models import Region

    triggers = _triggers_cache.get("t") or _triggers_cache.setdefault(
        "t", amersfoort_like_rules(Region.objects.get(slug="amersfoort"))
    )
    after = {
        "sick_reports_12w": before["sick_reports_12w"] + more["sick_reports_12w"],
        "consecutive_sick_days": before["consecutive_sick_days"] + more["consecutive_sick_days"],
        "unexcused_hours_4w": before["unexcused_hours_4w"] + more["unexcused_hours_4w"],
        "attendance_pct": max(before["attendance_pct"] - more["attendance_pct"], 0),
    }
    first, second = assess(triggers, before), assess(triggers, after)
    assert second.level >= first.level
    assert {t.slug for t in first.signals} <= {t.slug for t in second.signals}


_triggers_cache: dict = {}


@pytest.fixture(autouse=True)
def _reset_cache():
    _triggers_cache.clear()


def test_the_check_page_shows_the_signal_and_the_contact_and_stores_nothing(client, triggers, region_b):
    from routes.models import Trigger

    before = Trigger.objects.count()
    response = client.get(reverse("routes:attendance_check", args=[region_b.slug]), {"sick_reports_12w": "4"})
    html = response.content.decode()
    assert "Zorgelijk ziekteverzuim (MAZL)" in html and "Neem contact op met" in html and "Jeugdarts" in html
    assert response["Cache-Control"] == "private, no-store"
    assert Trigger.objects.count() == before


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"attendance_pct": "120"}, "Een percentage ligt tussen 0 en 100."),
        ({"sick_reports_12w": "-1"}, "Vul 0 of meer in."),
        ({"sick_reports_12w": "veel"}, "Vul een heel getal in."),
        ({"sick_reports_12w": ""}, "Vul minstens één gegeven in."),
    ],
)
def test_bad_figures_get_a_dutch_message(client, triggers, region_b, params, message):
    html = client.get(reverse("routes:attendance_check", args=[region_b.slug]), params).content.decode()
    assert message in html


def test_an_unrelated_parameter_is_not_taken_for_empty_figures(client, triggers, region_b):
    response = client.get(reverse("routes:attendance_check", args=[region_b.slug]), {"utm_source": "nieuwsbrief"})
    assert response.status_code == 200 and "Vul minstens één gegeven in." not in response.content.decode()


def test_a_dutch_decimal_comma_is_understood(client, triggers, region_b):
    html = client.get(reverse("routes:attendance_check", args=[region_b.slug]), {"attendance_pct": "94,9"}).content.decode()
    assert "80-95%" in html


def test_thresholds_on_the_check_page_read_as_people_write_them(client, triggers, region_b):
    html = client.get(reverse("routes:attendance_check", args=[region_b.slug])).content.decode()
    assert "ziekmeldingen in de laatste 12 weken ≥ 4 of aaneengesloten ziektedagen ≥ 7" in html
    assert "aanwezigheid in procenten ≥ 80 en aanwezigheid in procenten &lt; 95" in html
    assert "aanwezigheid in procenten ≥ 50 en aanwezigheid in procenten &lt; 80" in html
    assert "E+" not in html and ".00" not in html


@pytest.mark.parametrize(
    ("value", "written"), [("80.00", "80"), ("16", "16"), ("87.50", "87,5"), ("0.25", "0,25"), ("100", "100")]
)
def test_a_threshold_with_a_fraction_gets_a_dutch_decimal_comma(region_b, value, written):
    rule = factories.TriggerRuleFactory(trigger__region=region_b, metric="attendance_pct", op="lt", value=Decimal(value))
    rule.refresh_from_db()  # as stored: two decimal places
    assert str(rule) == f"aanwezigheid in procenten < {written}"


def test_the_amersfoort_check_from_the_handbook_shows_its_numbers_plainly(client, region_b):
    from django.core.management import call_command

    call_command("load_content", verbosity=0)
    url = reverse("routes:attendance_check", args=[region_b.slug])
    response = client.get(url, {"sick_reports_12w": "4", "attendance_pct": "70"})
    html = response.content.decode()
    assert response.status_code == 200 and "Uitkomst" in html
    for rule in ("ziekmeldingen in de laatste 12 weken ≥ 4", "uren ongeoorloofd verzuim in 4 weken ≥ 16",
                 "aanwezigheid in procenten ≥ 80", "aanwezigheid in procenten &lt; 50"):  # fmt: skip
        assert rule in html
    assert "E+" not in html
