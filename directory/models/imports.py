"""Bulk imports by editors: a previewed plan, and the confirmed batch that can be undone."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    SCHOOLS = "schools", _("Scholen")
    ASSIGNMENTS = "assignments", _("Toewijzingen")


class ImportBatch(models.Model):
    """One confirmed bulk import: what it created and changed, with the previous values, so it can be undone."""

    region = models.ForeignKey("regions.Region", verbose_name=_("regio"), on_delete=models.PROTECT, related_name="imports")
    kind = models.CharField(_("soort"), max_length=12, choices=ImportKind.choices)
    filename = models.CharField(_("bestand"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ingelezen door"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("ingelezen op"), auto_now_add=True)
    records = models.JSONField(_("wijzigingen"), default=list, encoder=DjangoJSONEncoder)
    undone = models.BooleanField(_("ongedaan gemaakt"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} uit {self.filename} ({self.created_at:%d-%m-%Y %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("admin:directory_importbatch_change", args=[self.pk])

    @property
    def created_count(self) -> int:
        return sum(1 for r in self.records if r["action"] == "created")

    @property
    def changed_count(self) -> int:
        return sum(1 for r in self.records if r["action"] == "changed")


class ImportPlan(models.Model):
    """A previewed import, kept in the database until it is confirmed, once.

    The preview's confirm button carries the plan's id, so a confirm applies exactly the file that was previewed
    (two tabs with two files stay apart) and any server may answer it. Only its maker may confirm it, while they
    still edit its region and within LIFETIME.
    """

    LIFETIME = datetime.timedelta(hours=2)

    region = models.ForeignKey("regions.Region", verbose_name=_("regio"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=12, choices=ImportKind.choices)
    filename = models.CharField(_("bestand"), max_length=200)
    sha256 = models.CharField(_("SHA-256 van het bestand"), max_length=64)
    rows = models.JSONField(_("regels"), default=list, encoder=DjangoJSONEncoder)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("voorvertoond door"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("voorvertoond op"), auto_now_add=True)
    used_at = models.DateTimeField(_("ingelezen op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("voorvertoning van een import")
        verbose_name_plural = _("voorvertoningen van imports")

    def __str__(self) -> str:
        return f"Voorvertoning van {self.filename} ({self.sha256[:12]})"

    def get_absolute_url(self) -> str:
        return reverse("admin:directory_importbatch_upload")

    @property
    def expired(self) -> bool:
        return self.created_at < timezone.now() - self.LIFETIME
