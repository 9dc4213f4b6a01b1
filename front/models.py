"""What search keeps: its index (one row per searchable object, plus the vocabulary for typos) and the log of
searches that found nothing or that nobody followed ("Gezocht maar niet gevonden")."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from regions.models import Region


class SearchDocument(models.Model):
    """The words one object is found by, already stemmed and with compound parts added (front/search/text.py).

    `terms` is what the database's text index covers: FTS5 on SQLite, a GIN tsvector index on PostgreSQL (see
    migration 0002). Drafts are indexed too; what may be shown is decided per query from the content itself.
    """

    kind = models.CharField(max_length=20)
    object_id = models.PositiveIntegerField()
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    title_terms = models.TextField(blank=True)
    keyword_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    terms = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="front_searchdocument_unique")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class SearchTerm(models.Model):
    """One term of the index and in how many documents it occurs: the vocabulary typos are corrected to."""

    term = models.CharField(max_length=100, unique=True)
    documents = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.term


class SearchLog(models.Model):
    """How often a query was searched on one day in one region, and how often a result was followed.

    Only the query, the region and the date: never a user, an IP address or a session. Kept 90 days at most
    (`manage.py purge_search_log`).
    """

    query = models.CharField(_("zoekvraag"), max_length=200)
    region = models.ForeignKey(Region, verbose_name=_("regio"), on_delete=models.CASCADE, null=True, blank=True)
    date = models.DateField(_("datum"))
    searches = models.PositiveIntegerField(_("keer gezocht"), default=0)
    followed = models.PositiveIntegerField(_("keer een resultaat gekozen"), default=0)
    results = models.PositiveIntegerField(_("aantal resultaten"), default=0)

    region_path = "region"

    class Meta:
        verbose_name = _("gezocht maar niet gevonden")
        verbose_name_plural = _("gezocht maar niet gevonden")
        ordering = ["-date", "-searches"]
        constraints = [models.UniqueConstraint(fields=["query", "region", "date"], name="front_searchlog_unique")]

    def __str__(self) -> str:
        return self.query
