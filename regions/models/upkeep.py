"""Bookkeeping behind the content: the version cached pages key on, and the prullenbak."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regions.models.places import Region


class ContentVersion(models.Model):
    """One counter that moves whenever any content changes; cached pages and look-ups key on it.

    A row in the database (not a cache entry) so every server process sees the change at once.
    """

    counter = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("inhoudsversie")
        verbose_name_plural = _("inhoudsversies")

    def __str__(self) -> str:
        return str(self.counter)


class DeletedObjectQuerySet(models.QuerySet):
    def pending(self) -> DeletedObjectQuerySet:
        return self.filter(restored_at__isnull=True)

    def of_model(self, model: type[models.Model]) -> DeletedObjectQuerySet:
        return self.filter(content_type=ContentType.objects.get_for_model(model, for_concrete_model=False))


class DeletedObject(models.Model):
    """The prullenbak: one deleted object with every row its delete removed, so a restore brings all of it back.

    Written and read by `regions.trash`; the admin's "verwijderd" lists show the entries that are not restored yet.
    """

    content_type = models.ForeignKey("contenttypes.ContentType", verbose_name=_("soort"), on_delete=models.PROTECT)
    object_id = models.CharField(_("nummer"), max_length=64)
    label = models.CharField(_("item"), max_length=300)
    region = models.ForeignKey(Region, verbose_name=_("regio"), on_delete=models.PROTECT, related_name="deleted_objects")
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verwijderd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deleted_at = models.DateTimeField(_("verwijderd op"), auto_now_add=True)
    summary = models.JSONField(_("wat er mee verwijderd is"), default=list, blank=True)
    data = models.TextField(_("bewaarde gegevens"), help_text=_("Alle verwijderde rijen, als Django-serialisatie (JSON)."))
    restored_at = models.DateTimeField(_("teruggezet op"), null=True, blank=True)
    restored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("teruggezet door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = DeletedObjectQuerySet.as_manager()

    class Meta:
        ordering = ["-deleted_at", "-pk"]
        verbose_name = _("verwijderd item")
        verbose_name_plural = _("verwijderde items")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.label} (verwijderd {self.deleted_at:%d-%m-%Y %H:%M})"

    def get_absolute_url(self) -> str:
        opts = self.content_type.model_class()._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_restore", args=[self.pk])
