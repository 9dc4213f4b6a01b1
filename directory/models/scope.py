"""Which schools a region's handbook covers: per municipality (and, where needed, per DUO place name) the sectors
whose schools are listed, and what the handbook does and does not describe for them.

The DUO importer reads this to decide which locations go into which region; the school page reads it to say,
item by item, what holds for a school, and never claims that a handbook applies where this says it does not.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from regions.models import Content, Municipality, Sector


class Coverage(models.TextChoices):
    DESCRIBED = "described", _("Het handboek beschrijft de scholen hier")
    LISTED = "listed", _("Alleen vermeld: het handboek beschrijft deze scholen niet")


class SchoolScope(Content):
    """One municipality (or one place in it) of a region: which sectors' schools are listed and what the handbook covers."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="school_scopes"
    )
    place = models.CharField(
        _("plaats"),
        max_length=120,
        blank=True,
        help_text=_("Alleen voor locaties met deze plaatsnaam in DUO's lijst (bijvoorbeeld Weesp); leeg: de hele gemeente."),
    )
    sectors = models.ManyToManyField(
        Sector,
        verbose_name=_("sectoren"),
        related_name="school_scopes",
        help_text=_("Scholen van deze sectoren worden uit DUO's lijst in deze regio opgenomen."),
    )
    coverage = models.CharField(_("dekking"), max_length=12, choices=Coverage.choices, default=Coverage.DESCRIBED)
    partnership_known = models.BooleanField(
        _("samenwerkingsverband bekend"),
        default=True,
        help_text=_("Uit: de handboeken zeggen niet bij welk samenwerkingsverband deze scholen horen."),
    )
    covers = models.TextField(_("wat het handboek beschrijft"), blank=True)
    not_covered = models.TextField(_("wat het handboek niet beschrijft"), blank=True)

    class Meta(Content.Meta):
        ordering = ["region", "municipality__name", "place"]
        verbose_name = _("reikwijdte")
        verbose_name_plural = _("reikwijdte (welke scholen)")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "place"], name="directory_schoolscope_unique_place"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality.name} – {self.place}" if self.place else self.municipality.name

    def get_absolute_url(self) -> str:
        return self.region.get_absolute_url()

    @property
    def is_described(self) -> bool:
        return self.coverage == Coverage.DESCRIBED

    def clean(self) -> None:
        super().clean()
        if self.municipality_id and self.region_id and self.municipality.region_id != self.region_id:
            raise ValidationError(
                {"municipality": _("Deze gemeente hoort bij een andere regio.")}, code="municipality_other_region"
            )
