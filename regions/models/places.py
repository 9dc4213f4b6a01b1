"""Regions, school sectors and municipalities: the places everything else belongs to."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regions.sources import SOURCE_CHOICES, SourceMixin

SLUG_HELP = _("Deel van de webadres: kleine letters, cijfers en streepjes; uniek binnen de regio.")


class Region(models.Model):
    """A working area with its own handbook, or the national scope for material that holds everywhere."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True, help_text=SLUG_HELP)
    name = models.CharField(_("naam"), max_length=120)
    short_name = models.CharField(_("korte naam"), max_length=40, blank=True)
    is_national = models.BooleanField(_("landelijk"), default=False, help_text=_("Landelijk materiaal geldt in iedere regio."))
    description = models.TextField(_("beschrijving"), blank=True)
    maintainer = models.CharField(
        _("beheerd door"),
        max_length=200,
        blank=True,
        help_text=_("Organisatie(s) die de inhoud van deze regio bijhouden; staat onder iedere pagina."),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["is_national", "order", "name"]
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        constraints = [
            models.UniqueConstraint(fields=["is_national"], condition=Q(is_national=True), name="regions_one_national_region")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        if self.is_national:
            return reverse("directory:glossary")
        return reverse("front:region", kwargs={"region": self.slug})

    @property
    def label(self) -> str:
        return self.short_name or self.name

    def accepts(self, other: Region | None) -> bool:
        """Content of this region may point at content of `other`: its own region's, or national content."""
        return other is not None and (other.pk == self.pk or other.is_national)

    @staticmethod
    def accepted_by(path: str, region_ids) -> Q:
        """`accepts` as a query: rows (reached through `path`) that content of any of `region_ids` may point at."""
        return Q(**{f"{path}__in": region_ids}) | Q(**{f"{path}__is_national": True})


class Sector(models.Model):
    """A school type: primair, speciaal basis-, speciaal, voortgezet, voortgezet speciaal, praktijkonderwijs."""

    code = models.SlugField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("naam"), max_length=80)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("onderwijssector")
        verbose_name_plural = _("onderwijssectoren")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("front:search") + f"?sector={self.code}"


class Municipality(SourceMixin, models.Model):
    """A gemeente within a region."""

    region_path = "region"

    region = models.ForeignKey(Region, verbose_name=_("regio"), on_delete=models.PROTECT, related_name="municipalities")
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("naam"), max_length=120)
    scope_note = models.TextField(
        _("wat het handboek hier beschrijft"),
        blank=True,
        help_text=_(
            "Alleen invullen als het handboek deze gemeente maar zijdelings noemt: dan sturen we ouders niet naar de "
            "wegwijzer van de regio, maar tonen we deze tekst. Markdown mag."
        ),
    )
    source_document = models.CharField(_("bron"), max_length=40, choices=SOURCE_CHOICES, default="redactie")
    source_section = models.CharField(_("bronhoofdstuk"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:school_list", kwargs={"region": self.region.slug}) + f"?gemeente={self.slug}"
