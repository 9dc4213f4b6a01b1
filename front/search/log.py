"""'Gezocht maar niet gevonden': what people searched for, so editors can add zoekwoorden.

One row per query text, region and day, with counts. Nothing about who searched: no user, IP address, session
or time of day. Rows older than RETENTION_DAYS are deleted by `manage.py purge_search_log`.
"""

from __future__ import annotations

import datetime

from django.db.models import F
from django.utils import timezone

from front.models import SearchLog
from front.search.text import fold
from regions.models import Region

RETENTION_DAYS = 90


def record(query: str, region: Region | None, results: int) -> int | None:
    """Count one search; returns the log row's id, which the result links carry to `followed`."""
    text = " ".join(fold(query).split())[:200]
    if not text:
        return None
    today = timezone.localdate()
    row, _ = SearchLog.objects.get_or_create(query=text, region=region, date=today, defaults={"results": results})
    SearchLog.objects.filter(pk=row.pk).update(searches=F("searches") + 1, results=results)
    return row.pk


def followed(log_id: int) -> None:
    SearchLog.objects.filter(pk=log_id).update(followed=F("followed") + 1)


def purge(today: datetime.date | None = None) -> int:
    """Delete rows older than the retention period; returns how many."""
    cutoff = (today or timezone.localdate()) - datetime.timedelta(days=RETENTION_DAYS)
    deleted, _ = SearchLog.objects.filter(date__lt=cutoff).delete()
    return deleted
