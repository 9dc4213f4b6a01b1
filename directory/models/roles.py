"""Roles in and around the school, and the consultation bodies they meet in."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from directory.models.organisations import Organisation
from regions.models import Sector, SluggedContent


class Role(SluggedContent):
    """A role in or around the school, with the three parts the handbooks use."""

    name = models.CharField(_("naam"), max_length=150)
    abbreviation = models.CharField(_("afkorting"), max_length=30, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="roles",
        help_text=_("De organisatie waar deze rol in dienst is; leeg voor schoolpersoneel."),
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectoren"), blank=True, related_name="roles")
    summary = models.CharField(_("in één zin"), max_length=300, blank=True)
    tasks = models.TextField(_("rol, taken en verantwoordelijkheden"), blank=True)
    approach_for = models.TextField(_("aanspreekbaar op"), blank=True, help_text=_("Waarvoor kun je bij deze rol terecht?"))
    not_for = models.TextField(_("niet voor"), blank=True, help_text=_("Waarvoor kun je hier niet terecht?"))
    contact = models.TextField(_("contact"), blank=True, help_text=_("Hoe bereik je deze rol?"))
    keywords = models.TextField(
        _("zoekwoorden"),
        blank=True,
        help_text=_('Woorden die mensen gebruiken als ze dit zoeken, gescheiden door komma\'s: "gepest", "spijbelen".'),
    )

    class Meta(SluggedContent.Meta):
        ordering = ["region", "name"]
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name

    def get_absolute_url(self) -> str:
        return reverse("front:role", kwargs={"region": self.region.slug, "slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if self.organisation_id and self.region_id and not self.region.accepts(self.organisation.region):
            raise ValidationError(
                {"organisation": _("Kies een organisatie uit dezelfde regio of een landelijke organisatie.")},
                code="organisation_other_region",
            )


class Meeting(SluggedContent):
    """A consultation body: OT, VOT, ZAT, MDO, AOJ-team, Team Nooit Opgeven, ..."""

    name = models.CharField(_("naam"), max_length=150)
    abbreviation = models.CharField(_("afkorting"), max_length=30, blank=True)
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectoren"), blank=True, related_name="meetings")
    purpose = models.TextField(_("doel en werkwijze"), blank=True)
    frequency = models.CharField(_("hoe vaak"), max_length=200, blank=True)
    chair = models.ForeignKey(
        Role, verbose_name=_("voorzitter"), null=True, blank=True, on_delete=models.PROTECT, related_name="chaired_meetings"
    )
    chair_text = models.CharField(_("voorzitter (tekst)"), max_length=200, blank=True)
    members = models.ManyToManyField(Role, verbose_name=_("deelnemers"), blank=True, related_name="meetings")
    members_text = models.TextField(_("deelnemers (tekst)"), blank=True)

    class Meta(SluggedContent.Meta):
        ordering = ["region", "name"]
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name

    def get_absolute_url(self) -> str:
        return reverse("front:region", kwargs={"region": self.region.slug}) + f"#overleg-{self.slug}"
