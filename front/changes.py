"""What changed, in words, from the version history: "Telefoonnummer van Leerplicht Amsterdam gewijzigd".

Only what the public could see: a version counts when the object was published in it (and its publication date had
come), contact rows only when they are public, and only while the object they belong to is published now. The
words name the object and the field, never the old or new value and never who made the change, so a draft value
or a professionals-only number cannot reach a feed through them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils import timezone

from directory.models import (
    Assignment,
    ContactChannel,
    Faq,
    Meeting,
    OpeningHours,
    Organisation,
    Responsibility,
    Role,
    School,
)
from regions.models import ContentStatus, Region
from routes.models import Route, Step, Trigger

# Per model, how many recent versions are read: a feed shows the latest ENTRIES of them together.
PER_MODEL = 40
ENTRIES = 30
# Bookkeeping fields: a save that only touches these is no change a reader would notice.
IGNORED_FIELDS = {"updated_at", "created_at", "checked_at", "checked_by", "order", "is_demo", "source_document"}
CHANNEL_WORDS = {
    "phone": "Telefoonnummer",
    "email": "E-mailadres",
    "website": "Website",
    "address": "Bezoekadres",
    "postal_address": "Postadres",
    "whatsapp": "WhatsApp-nummer",
    "other": "Contactgegeven",
}


@dataclass(frozen=True)
class Change:
    uid: str
    title: str
    link: str
    when: datetime.datetime


def _live_in(record, today: datetime.date) -> bool:
    """Whether this version of a content object was on the public pages: published, and its start date come."""
    return record.status == ContentStatus.PUBLISHED and (record.publish_from is None or record.publish_from <= today)


def _previous_versions(model, records: list) -> dict[int, object]:
    """For each version, the one before it, read in one query (the history's `prev_record` asks once per version)."""
    ids = {r.id for r in records}
    previous: dict[int, object] = {}
    last: dict[int, object] = {}
    for version in model.history.filter(id__in=ids).order_by("history_date", "history_id"):
        previous[version.history_id] = last.get(version.id)
        last[version.id] = version
    return previous


def _changed_fields(record, previous, model: type[Model]) -> list[str] | None:
    """The verbose names of the fields this version changed; None when it was new (or newly visible)."""
    if previous is None:
        return None
    if hasattr(previous, "status") and not _live_in(previous, timezone.localdate()):
        return None  # published just now: new to the public
    if getattr(previous, "visibility", "public") != "public":
        return None
    delta = record.diff_against(previous)
    return [str(model._meta.get_field(c.field).verbose_name) for c in delta.changes if c.field not in IGNORED_FIELDS]


def _words(record, previous, model: type[Model], subject: str, noun: str) -> str | None:
    """ "Telefoonnummer van X gewijzigd", "X toegevoegd", "X verwijderd"; None for a save nobody would notice."""
    what = f"{noun} van {subject}" if noun else subject
    if record.history_type == "+":
        return f"{what} toegevoegd"
    if record.history_type == "-":
        return f"{what} verwijderd"
    fields = _changed_fields(record, previous, model)
    if fields is None:
        return f"{what} toegevoegd"
    if not fields:
        return None
    if noun:
        return f"{what} gewijzigd"
    if len(fields) == 1:
        return f"{fields[0].capitalize()} van {subject} gewijzigd"
    return f"{subject} bijgewerkt: {', '.join(fields)}"


def _recent(versions: QuerySet) -> list:
    return list(versions.order_by("-history_date", "-history_id")[:PER_MODEL])


def _content_changes(model, versions: QuerySet, today: datetime.date, fallback_url: str) -> list[Change]:
    """Changes to content objects; each links to the object's page while it is published, else to `fallback_url`."""
    records = [r for r in _recent(versions) if _live_in(r, today) and getattr(r, "visibility", "public") == "public"]
    previous = _previous_versions(model, records)
    live = _published(model, [r.id for r in records])
    changes = []
    for record in records:
        words = _words(record, previous[record.history_id], model, _name(record), "")
        if words:
            link = live[record.id].get_absolute_url() if record.id in live else fallback_url
            changes.append(Change(f"{model._meta.label_lower}:{record.history_id}", words, link, record.history_date))
    return changes


def _name(record) -> str:
    if isinstance(record.instance, Assignment):
        return f"{record.role.name if record.role_id else 'contactpersoon'} bij {record.school.name}"
    return str(record.instance)


def _child_changes(model, records: list, parents: dict, parent_field: str, noun_of) -> list[Change]:
    """Changes to rows shown as part of a published object (an organisation's phone numbers, a route's steps)."""
    records = [r for r in records if getattr(r, "visibility", "public") == "public" and getattr(r, parent_field) in parents]
    previous = _previous_versions(model, records)
    changes = []
    for record in records:
        parent = parents[getattr(record, parent_field)]
        words = _words(record, previous[record.history_id], model, str(parent), noun_of(record))
        if words:
            changes.append(
                Change(f"{model._meta.label_lower}:{record.history_id}", words, parent.get_absolute_url(), record.history_date)
            )
    return changes


def _published(model, ids) -> dict[int, Model]:
    return {o.pk: o for o in model.objects.published().filter(pk__in=set(ids)).select_related("region")}


def region_changes(region: Region) -> list[Change]:
    """The latest public changes to a region's content, newest first."""
    today = timezone.localdate()
    region_url = reverse("front:region", kwargs={"region": region.slug})
    changes: list[Change] = []
    for model in (Organisation, Role, Meeting, School, Route, Trigger, Faq, Responsibility):
        changes += _content_changes(model, model.history.filter(region_id=region.pk), today, region_url)

    channels = _recent(ContactChannel.history.filter(organisation__region_id=region.pk))
    hours = _recent(OpeningHours.history.filter(organisation__region_id=region.pk))
    organisations = _published(Organisation, [r.organisation_id for r in channels + hours])
    changes += _child_changes(ContactChannel, channels, organisations, "organisation_id", lambda r: CHANNEL_WORDS.get(r.kind, ""))
    changes += _child_changes(OpeningHours, hours, organisations, "organisation_id", lambda r: "Openingstijden")

    steps = _recent(Step.history.filter(route__region_id=region.pk))
    routes = _published(Route, [r.route_id for r in steps])
    changes += _child_changes(Step, steps, routes, "route_id", lambda r: f"Stap “{r.title}”")
    return _latest(changes)


def school_changes(school: School) -> list[Change]:
    """The latest public changes to one school's page: the school itself and its public contacts."""
    today = timezone.localdate()
    url = school.get_absolute_url()
    changes = _content_changes(School, School.history.filter(id=school.pk), today, url)
    versions = Assignment.history.filter(school_id=school.pk).select_related("role", "school")
    changes += _content_changes(Assignment, versions, today, url)
    return _latest(changes)


def _latest(changes: list[Change]) -> list[Change]:
    return sorted(changes, key=lambda c: c.when, reverse=True)[:ENTRIES]
