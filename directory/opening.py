"""'Nu open, tot 17:00' / 'nu gesloten, opent maandag 10:00': an organisation's hours read against the clock.

Computed in Europe/Amsterdam wall time, so a period from 10:00 to 17:00 is 10:00 to 17:00 on both sides of a
daylight-saving change. Each answer also says when it stops being true (`changes_at`): the page cache may not keep
a page showing it any longer than that.

The handbooks qualify some hours ("op schooldagen"). We hold no school holiday calendar, so for those hours we
cannot know whether today is a school day: the answer says so instead of claiming it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from directory.models import OpeningHours
from directory.models.organisations import WEEKDAYS

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAY_NAMES = dict(WEEKDAYS)
SCHOOL_DAYS_WORDS = ("schooldag",)


@dataclass(frozen=True)
class OpeningStatus:
    is_open: bool
    text: str  # "nu open, tot 17:00"
    changes_at: datetime.datetime  # when `text` stops being true
    caveat: str = ""  # what we cannot know, e.g. whether today is a school day


def _only_on_school_days(hours: OpeningHours) -> bool:
    return any(word in (hours.note or "").lower() for word in SCHOOL_DAYS_WORDS)


def _at(day: datetime.date, moment: datetime.time) -> datetime.datetime:
    """Wall time in Amsterdam; a time skipped by the spring change is read as the first moment after it."""
    local = datetime.datetime.combine(day, moment, tzinfo=AMSTERDAM)
    return local.astimezone(datetime.UTC).astimezone(AMSTERDAM)


def _periods(hours: list[OpeningHours], today: datetime.date) -> list[tuple[datetime.datetime, datetime.datetime, bool]]:
    """Opening periods from yesterday to a week ahead, with periods that touch merged (12:30–13:00 stays apart)."""
    periods = []
    for offset in range(-1, 9):
        day = today + datetime.timedelta(days=offset)
        for h in hours:
            if h.weekday == day.weekday():
                periods.append((_at(day, h.opens), _at(day, h.closes), _only_on_school_days(h)))
    periods.sort()
    merged: list[tuple[datetime.datetime, datetime.datetime, bool]] = []
    for start, end, school in periods:
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2] or school)
        else:
            merged.append((start, end, school))
    return merged


def _day_words(moment: datetime.datetime, now: datetime.datetime) -> str:
    days = (moment.date() - now.date()).days
    if days == 0:
        return "vandaag"
    if days == 1:
        return "morgen"
    return str(DAY_NAMES[moment.weekday()])


def opening_status(hours: Iterable[OpeningHours], now: datetime.datetime) -> OpeningStatus | None:
    """Whether the organisation is open at `now` (aware), or None when it has no opening hours."""
    hours = list(hours)
    if not hours:
        return None
    now = now.astimezone(AMSTERDAM)
    periods = _periods(hours, now.date())
    # "vandaag" and "morgen" are true until midnight only.
    midnight = _at(now.date() + datetime.timedelta(days=1), datetime.time(0, 0))
    school_caveat = "alleen op schooldagen; in de schoolvakanties kan het anders zijn"
    for start, end, school in periods:
        if start <= now < end:
            until = f"{end:%H:%M}" if end.date() == now.date() else f"{_day_words(end, now)} {end:%H:%M}"
            return OpeningStatus(True, f"nu open, tot {until}", min(end, midnight), school_caveat if school else "")
        if start > now:
            text = f"nu gesloten, opent {_day_words(start, now)} {start:%H:%M}"
            return OpeningStatus(False, text, min(start, midnight), school_caveat if school else "")
    return None  # hours that never fall in the coming week cannot happen with weekdays 0-6
