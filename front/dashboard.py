"""The editor's dashboard, "Wat vraagt uw aandacht": what in the editor's own regions needs them, on /beheer/.

Open corrections, content overdue for its yearly check, drafts and scheduled publications, searches that found
nothing, and what colleagues changed lately; each item links to its admin page. The content models are read from
the admin's registry, so a new content model shows here without a change. Each kind costs a fixed number of
queries per model, whatever the amount of data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib import admin
from django.db.models import Max, Model, Q, Sum
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from front.models import SearchLog
from regions.models import Content, ContentStatus, Correction, CorrectionStatus
from regions.permissions import editable_regions

SHOWN = 8  # items per kind; the count says how many there are in all


@dataclass
class Item:
    label: str
    url: str
    meta: str = ""


@dataclass
class Kind:
    title: str
    count: int | None = 0
    items: list[Item] = field(default_factory=list)
    more_url: str = ""
    note: str = ""
    per_model: list[Item] = field(default_factory=list)  # "Rollen (12)", linking to the filtered list


def _admin_url(model: type[Model], pk, view: str = "change") -> str:
    opts = model._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[pk])
    except NoReverseMatch:
        return ""


def _content_models() -> list[type[Content]]:
    return sorted((m for m in admin.site._registry if issubclass(m, Content)), key=lambda m: str(m._meta.verbose_name_plural))


def _joins(model) -> list[str]:
    """The foreign keys every row has: what a row's name may read, fetched in the same query."""
    return [f.name for f in model._meta.fields if f.is_relation and f.many_to_one and not f.null]


def _in_regions(model, region_ids: list[int]) -> Q:
    return Q(**{f"{model.region_path}__in": region_ids})


def _collect(title: str, querysets: list[tuple[type[Model], object]], meta, list_filter: str = "") -> Kind:
    kind = Kind(title)
    for model, qs in querysets:
        count = qs.count()
        kind.count += count
        if count and list_filter:
            opts = model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist") + list_filter
            kind.per_model.append(Item(f"{str(opts.verbose_name_plural).capitalize()} ({count})", url))
        # Always SHOWN rows per model, even when the list is full: the same queries whatever the data.
        for obj in qs[:SHOWN]:
            kind.items.append(Item(f"{obj} ({model._meta.verbose_name})", _admin_url(model, obj.pk), meta(obj)))
    kind.items = kind.items[:SHOWN]
    return kind


def corrections(region_ids: list[int]) -> Kind:
    qs = Correction.objects.filter(region_id__in=region_ids, status=CorrectionStatus.OPEN).select_related("region")
    kind = Kind("Meldingen “Klopt dit niet?”", qs.count())
    kind.items = [
        Item(
            f"{c.page_title or c.page_url}: “{c.message[:120]}”",
            _admin_url(Correction, c.pk),
            f"{c.region} · ontvangen {timezone.localtime(c.created_at):%d-%m-%Y}",
        )
        for c in qs.order_by("-created_at")[:SHOWN]
    ]
    kind.more_url = reverse("admin:regions_correction_changelist") + "?status__exact=open"
    return kind


def overdue(region_ids: list[int]) -> Kind:
    querysets = [
        (
            m,
            m.objects.filter(_in_regions(m, region_ids))
            .overdue_for_check()
            .select_related(*_joins(m))
            .order_by("checked_at", "pk"),
        )
        for m in _content_models()
    ]
    return _collect(
        "Te lang niet gecontroleerd (meer dan 12 maanden)",
        querysets,
        lambda o: f"laatst gecontroleerd {timezone.localtime(o.checked_at):%d-%m-%Y}" if o.checked_at else "nooit gecontroleerd",
        list_filter="?gecontroleerd=verlopen",
    )


def drafts_and_scheduled(region_ids: list[int]) -> Kind:
    today = timezone.localdate()
    waiting = Q(status=ContentStatus.DRAFT) | Q(status=ContentStatus.PUBLISHED, publish_from__gt=today)
    querysets = [
        (m, m.objects.filter(_in_regions(m, region_ids)).filter(waiting).select_related(*_joins(m)).order_by("-updated_at", "pk"))
        for m in _content_models()
    ]
    return _collect(
        "Concepten en geplande publicaties",
        querysets,
        lambda o: f"gepland voor {o.publish_from:%d-%m-%Y}" if o.status == ContentStatus.PUBLISHED else "concept",
    )


def colleagues_changes(region_ids: list[int], user) -> Kind:
    records = []
    for model in _content_models():
        versions = (
            model.history.filter(_in_regions(model, region_ids))
            .exclude(history_user=user)
            .select_related("history_user", *_joins(model.history.model))
            .order_by("-history_date")[:SHOWN]
        )
        records += [(model, r) for r in versions]
    records.sort(key=lambda pair: pair[1].history_date, reverse=True)
    words = {"+": "toegevoegd", "~": "gewijzigd", "-": "verwijderd"}
    kind = Kind("Recent gewijzigd door collega's", None)
    for model, r in records[:SHOWN]:
        who = r.history_user.get_full_name() or r.history_user.username if r.history_user else "import"
        url = _admin_url(model, r.id, "history") if r.history_type == "-" else _admin_url(model, r.id)
        when = timezone.localtime(r.history_date)
        kind.items.append(
            Item(f"{r.instance} ({model._meta.verbose_name}) {words[r.history_type]}", url, f"{who} · {when:%d-%m-%Y %H:%M}")
        )
    return kind


def searches_without_results(region_ids: list[int]) -> Kind:
    """Queries in these regions that found nothing, or whose results nobody followed, most searched first."""
    rows = (
        SearchLog.objects.filter(Q(results=0) | Q(followed=0), region_id__in=region_ids)
        .values("query")
        .annotate(total=Sum("searches"), found=Max("results"))
        .order_by("-total", "query")
    )
    changelist = reverse("admin:front_searchlog_changelist")
    kind = Kind("Zoekopdrachten zonder resultaat", rows.count(), more_url=changelist)
    for row in rows[:SHOWN]:
        outcome = "niets gevonden" if not row["found"] else "niets gekozen"
        kind.items.append(
            Item(row["query"], f"{changelist}?{urlencode({'q': row['query']})}", f"{row['total']}× gezocht, {outcome}")
        )
    return kind


def attention(request: HttpRequest) -> dict:
    regions = list(editable_regions(request.user).order_by("order", "name"))
    ids = [r.pk for r in regions]
    return {
        "attention_regions": regions,
        "attention": [
            corrections(ids),
            overdue(ids),
            drafts_and_scheduled(ids),
            searches_without_results(ids),
            colleagues_changes(ids, request.user),
        ],
    }


def index(request: HttpRequest) -> HttpResponse:
    """The admin's start page, opening on what needs the editor."""
    return admin.site.index(request, extra_context=attention(request))
