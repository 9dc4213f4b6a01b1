"""'Nu open, tot 17:00' next to an organisation's hours: right on both sides of every boundary, on a weekend,
across the daylight-saving changes, with the handbook's "op schooldagen" said, and never stale under the page cache."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests import factories

AMS = ZoneInfo("Europe/Amsterdam")


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=AMS)


@pytest.fixture
def oudersteunpunt(region_a):
    """As the Amsterdam handbook gives the Oudersteunpunt: ma–vr 10:00–17:00, telefonisch, op schooldagen."""
    org = factories.OrganisationFactory(region=region_a, slug="osp", name="Oudersteunpunt")
    for day in range(5):
        factories.OpeningHoursFactory(
            organisation=org, weekday=day, opens=datetime.time(10), closes=datetime.time(17), note="telefonisch, op schooldagen"
        )
    return org


@pytest.fixture
def secretariaat(region_a):
    """Two periods a day with a lunch break, as the SWV PO's secretariaat: 08:30–12:30 and 13:00–17:00."""
    org = factories.OrganisationFactory(region=region_a, slug="swv", name="SWV")
    for day in range(5):
        factories.OpeningHoursFactory(organisation=org, weekday=day, opens=datetime.time(8, 30), closes=datetime.time(12, 30))
        factories.OpeningHoursFactory(organisation=org, weekday=day, opens=datetime.time(13), closes=datetime.time(17))
    return org


def status_on_page(client, org, moment) -> str:
    with time_machine.travel(moment, tick=False):
        html = client.get(org.get_absolute_url()).content.decode()
    start = html.index('class="opening-status')
    return html[html.index("<strong>", start) + 8 : html.index("</p>", start)].replace("</strong>", "")


# Monday 23 November 2026 is an ordinary week in winter time.
@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2026, 11, 23, 9, 59, 59), "Nu gesloten, opent vandaag 10:00"),
        (at(2026, 11, 23, 10, 0, 0), "Nu open, tot 17:00"),
        (at(2026, 11, 23, 16, 59, 59), "Nu open, tot 17:00"),
        (at(2026, 11, 23, 17, 0, 0), "Nu gesloten, opent morgen 10:00"),
        (at(2026, 11, 27, 17, 0, 0), "Nu gesloten, opent maandag 10:00"),  # Friday evening
        (at(2026, 11, 28, 12, 0), "Nu gesloten, opent maandag 10:00"),  # Saturday
        (at(2026, 11, 29, 23, 59, 59), "Nu gesloten, opent morgen 10:00"),  # Sunday night
        (at(2026, 11, 30, 0, 0, 0), "Nu gesloten, opent vandaag 10:00"),
    ],
)
def test_open_or_closed_on_both_sides_of_each_boundary(client, oudersteunpunt, moment, expected):
    assert status_on_page(client, oudersteunpunt, moment).startswith(expected)


def test_hours_only_on_school_days_say_so_instead_of_claiming_it(client, oudersteunpunt):
    text = status_on_page(client, oudersteunpunt, at(2026, 11, 23, 11))
    assert text == "Nu open, tot 17:00 (alleen op schooldagen; in de schoolvakanties kan het anders zijn)"


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2026, 11, 24, 12, 29, 59), "Nu open, tot 12:30"),
        (at(2026, 11, 24, 12, 30), "Nu gesloten, opent vandaag 13:00"),
        (at(2026, 11, 24, 12, 59, 59), "Nu gesloten, opent vandaag 13:00"),
        (at(2026, 11, 24, 13, 0), "Nu open, tot 17:00"),
    ],
)
def test_a_lunch_break_closes_and_opens_again(client, secretariaat, moment, expected):
    assert status_on_page(client, secretariaat, moment) == expected


@pytest.mark.parametrize(
    ("utc", "expected"),
    [
        # Monday 30 March 2026, the first day of summer time: 10:00 in Amsterdam is 08:00 UTC, not 09:00.
        (datetime.datetime(2026, 3, 30, 7, 59, 59, tzinfo=datetime.UTC), "Nu gesloten, opent vandaag 10:00"),
        (datetime.datetime(2026, 3, 30, 8, 0, 0, tzinfo=datetime.UTC), "Nu open, tot 17:00"),
        (datetime.datetime(2026, 3, 30, 14, 59, 59, tzinfo=datetime.UTC), "Nu open, tot 17:00"),
        (datetime.datetime(2026, 3, 30, 15, 0, 0, tzinfo=datetime.UTC), "Nu gesloten, opent morgen 10:00"),
        # Monday 26 October 2026, back in winter time: 10:00 is 09:00 UTC again.
        (datetime.datetime(2026, 10, 26, 8, 59, 59, tzinfo=datetime.UTC), "Nu gesloten, opent vandaag 10:00"),
        (datetime.datetime(2026, 10, 26, 9, 0, 0, tzinfo=datetime.UTC), "Nu open, tot 17:00"),
        # Saturday before the spring change: closed until Monday.
        (datetime.datetime(2026, 3, 28, 12, 0, tzinfo=datetime.UTC), "Nu gesloten, opent maandag 10:00"),
    ],
)
def test_boundaries_follow_amsterdam_wall_time_across_daylight_saving(client, oudersteunpunt, utc, expected):
    assert status_on_page(client, oudersteunpunt, utc).startswith(expected)


def test_the_cached_page_does_not_outlive_the_closing_time(client, oudersteunpunt):
    url = oudersteunpunt.get_absolute_url()
    with time_machine.travel(at(2026, 11, 23, 16, 55), tick=False):
        assert "Nu open, tot 17:00" in client.get(url).content.decode()
    with time_machine.travel(at(2026, 11, 23, 16, 59, 59), tick=False):
        # Still the cached copy: the page cache works, and the next request comes from it.
        assert "Nu open, tot 17:00" in client.get(url).content.decode()
    with time_machine.travel(at(2026, 11, 23, 17, 0, 0), tick=False):
        assert "Nu gesloten, opent morgen 10:00" in client.get(url).content.decode()


def test_the_page_cache_keeps_a_page_only_until_its_next_change(client, oudersteunpunt, monkeypatch):
    from django.core.cache import cache

    timeouts = []
    real_set = cache.set
    monkeypatch.setattr(cache, "set", lambda key, value, timeout=None: timeouts.append(timeout) or real_set(key, value, timeout))
    with time_machine.travel(at(2026, 11, 23, 16, 58), tick=False):
        client.get(oudersteunpunt.get_absolute_url())
    assert 120 in timeouts  # two minutes to closing time, not the usual ten
    timeouts.clear()
    # Across the spring change: Sunday 29 March 2026 23:30 summer time, and the text says "morgen" until midnight.
    with time_machine.travel(at(2026, 3, 29, 23, 30), tick=False):
        client.get(oudersteunpunt.get_absolute_url())
    assert 600 in timeouts  # nothing changes within ten minutes
    timeouts.clear()
    with time_machine.travel(at(2026, 3, 29, 23, 55), tick=False):
        client.get(oudersteunpunt.get_absolute_url())
    assert 300 in timeouts


def test_an_organisation_without_hours_makes_no_claim(client, region_a):
    org = factories.OrganisationFactory(region=region_a, slug="zonder", name="Zonder tijden")
    html = client.get(org.get_absolute_url()).content.decode()
    assert "opening-status" not in html and "Nu open" not in html
