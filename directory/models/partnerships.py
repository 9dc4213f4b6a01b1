"""Samenwerkingsverbanden passend onderwijs: which municipalities they cover, and who to contact there."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models.organisations import Organisation
from regions.models import Municipality, Sector, SluggedContent


class Partnership(SluggedContent):
    """A samenwerkingsverband passend onderwijs (SWV) for primary or secondary education."""

    name = models.CharField(_("naam"), max_length=200)
    sector = models.ForeignKey(Sector, verbose_name=_("sector"), on_delete=models.PROTECT)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("De organisatie met de contactgegevens van dit samenwerkingsverband."),
    )
    municipalities = models.ManyToManyField(Municipality, verbose_name=_("gemeenten"), blank=True)

    class Meta(SluggedContent.Meta):
        ordering = ["region", "sector__order", "name"]
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        if self.organisation_id:
            return self.organisation.get_absolute_url()
        return self.region.get_absolute_url()
