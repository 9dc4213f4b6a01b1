"""Who edits a region, and what visitors report: memberships and corrections."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regions.models.places import Region


class MembershipRole(models.TextChoices):
    EDITOR = "editor", _("Redacteur")
    ADMIN = "admin", _("Regiobeheerder")


class RegionMembership(models.Model):
    """Gives a user editing rights in one region; region admins may also invite people."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="region_memberships"
    )
    region = models.ForeignKey(Region, verbose_name=_("regio"), on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.EDITOR)
    history = HistoricalRecords()

    class Meta:
        ordering = ["region", "user__username"]
        verbose_name = _("regiolidmaatschap")
        verbose_name_plural = _("regiolidmaatschappen")
        constraints = [models.UniqueConstraint(fields=["user", "region"], name="regions_one_membership_per_region")]

    def __str__(self) -> str:
        return f"{self.user} – {self.region} ({self.get_role_display()})"

    def get_absolute_url(self) -> str:
        return self.region.get_absolute_url()


class CorrectionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Verwerkt")
    DISMISSED = "dismissed", _("Afgewezen")


class Correction(models.Model):
    """A "Klopt dit niet?" report from a visitor, queued for the region's editors."""

    region = models.ForeignKey(Region, verbose_name=_("regio"), on_delete=models.PROTECT, related_name="corrections")
    page_url = models.CharField(_("pagina"), max_length=500)
    page_title = models.CharField(_("paginatitel"), max_length=300, blank=True)
    message = models.TextField(_("wat klopt er niet?"), max_length=3000)
    contact_email = models.EmailField(_("e-mailadres (optioneel)"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=CorrectionStatus.choices, default=CorrectionStatus.OPEN)
    created_at = models.DateTimeField(_("ontvangen"), auto_now_add=True)
    handled_at = models.DateTimeField(_("afgehandeld"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["status", "-created_at"]
        verbose_name = _("correctie")
        verbose_name_plural = _("correcties")

    def __str__(self) -> str:
        return f"{self.page_title or self.page_url} ({self.created_at:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        return self.page_url
