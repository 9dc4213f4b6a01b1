"""Organisations people can contact, with their channels, opening hours and service areas; who sees which contact."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, validate_email
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regions.models import Municipality, SluggedContent
from regions.permissions import is_professional
from regions.text import phone_href


class OrganisationKind(models.TextChoices):
    SWV = "swv", _("Samenwerkingsverband")
    GEMEENTE = "gemeente", _("Gemeente")
    SCHOOL = "school", _("School")
    OKT = "okt", _("Ouder- en Kindteam")
    GGD_JGZ = "ggd_jgz", _("GGD / jeugdgezondheidszorg")
    CJG = "cjg", _("Centrum voor Jeugd en Gezin")
    LEERPLICHT = "leerplicht", _("Leerplicht")
    WIJKTEAM = "wijkteam", _("Wijkteam / buurtteam")
    JONGERENWERK = "jongerenwerk", _("Jongerenwerk")
    OUDERSTEUNPUNT = "oudersteunpunt", _("Oudersteunpunt")
    ONDERWIJSCONSULENTEN = "onderwijsconsulenten", _("Onderwijsconsulenten")
    GESCHILLENCOMMISSIE = "geschillencommissie", _("Geschillencommissie")
    JEUGDHULP = "jeugdhulp", _("Jeugdhulp")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
    OTHER = "other", _("Overig")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Openbaar")
    PROFESSIONALS = "professionals", _("Alleen voor ingelogde professionals")


def visibilities_for(user) -> list[str]:
    """The one rule for contact details: public ones for everyone, "professionals only" ones for professionals.

    Pages, the vCard, the API and the HSDS export all go through here, through `visible_to(user)` on a channel or
    an assignment or on their querysets. `is_professional` may query the user's groups, so the answer is kept on
    the user object: a page asks many times, and it stays at one query.
    """
    cached = getattr(user, "_wdw_sees_professional_contacts", None)
    if cached is None:
        cached = is_professional(user)
        user._wdw_sees_professional_contacts = cached
    return [Visibility.PUBLIC, Visibility.PROFESSIONALS] if cached else [Visibility.PUBLIC]


class VisibleQuerySet(models.QuerySet):
    def visible_to(self, user) -> VisibleQuerySet:
        """The rows `user` may see (the rule: `visibilities_for`)."""
        return self.filter(visibility__in=visibilities_for(user))


class VisibleMixin:
    """For models with a `visibility` field: whether one row may be shown to `user` (the rule: `visibilities_for`)."""

    def visible_to(self, user) -> bool:
        return self.visibility in visibilities_for(user)


class Organisation(SluggedContent):
    """An organisation people can contact: SWV, gemeente, OKT, GGD, leerplicht, wijkteam, ..."""

    name = models.CharField(_("naam"), max_length=200)
    short_name = models.CharField(_("korte naam"), max_length=60, blank=True)
    kind = models.CharField(_("soort"), max_length=30, choices=OrganisationKind.choices)
    description = models.TextField(_("beschrijving"), blank=True, help_text=_("Eenvoudige opmaak (Markdown) mag."))
    keywords = models.TextField(
        _("zoekwoorden"),
        blank=True,
        help_text=_('Woorden die mensen gebruiken als ze dit zoeken, gescheiden door komma\'s: "gepest", "spijbelen".'),
    )

    class Meta(SluggedContent.Meta):
        ordering = ["region", "name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:organisation", kwargs={"region": self.region.slug, "slug": self.slug})


class ChannelKind(models.TextChoices):
    PHONE = "phone", _("Telefoon")
    EMAIL = "email", _("E-mail")
    WEBSITE = "website", _("Website")
    ADDRESS = "address", _("Bezoekadres")
    POSTAL_ADDRESS = "postal_address", _("Postadres")
    WHATSAPP = "whatsapp", _("WhatsApp")
    OTHER = "other", _("Anders")


class ContactChannel(VisibleMixin, models.Model):
    """One way to reach an organisation, exactly as its handbook gives it."""

    region_path = "organisation__region"

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="channels"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=ChannelKind.choices)
    label = models.CharField(_("omschrijving"), max_length=120, blank=True, help_text=_("Bijvoorbeeld 'Algemeen nummer'."))
    value = models.CharField(_("gegevens"), max_length=300)
    visibility = models.CharField(_("zichtbaarheid"), max_length=15, choices=Visibility.choices, default=Visibility.PUBLIC)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    objects = VisibleQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "order", "pk"]
        verbose_name = _("contactgegeven")
        verbose_name_plural = _("contactgegevens")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    def get_absolute_url(self) -> str:
        return self.organisation.get_absolute_url()

    def clean(self) -> None:
        if self.kind == ChannelKind.EMAIL:
            try:
                validate_email(self.value)
            except ValidationError:
                raise ValidationError({"value": _("Dit is geen geldig e-mailadres.")}, code="invalid_email") from None
        if self.kind in (ChannelKind.PHONE, ChannelKind.WHATSAPP) and len(re.sub(r"\D", "", self.value)) < 7:
            raise ValidationError({"value": _("Een telefoonnummer heeft minstens 7 cijfers.")}, code="invalid_phone")
        if self.kind == ChannelKind.WEBSITE and not self.value.startswith(("https://", "http://")):
            raise ValidationError({"value": _("Een website begint met https://.")}, code="invalid_url")

    @property
    def href(self) -> str:
        """A link a phone or mail client understands, or '' when the channel is not a link."""
        if self.kind in (ChannelKind.PHONE, ChannelKind.WHATSAPP):
            return phone_href(self.value)
        if self.kind == ChannelKind.EMAIL:
            return f"mailto:{self.value}"
        if self.kind == ChannelKind.WEBSITE:
            return self.value
        return ""


WEEKDAYS = [
    (0, _("maandag")),
    (1, _("dinsdag")),
    (2, _("woensdag")),
    (3, _("donderdag")),
    (4, _("vrijdag")),
    (5, _("zaterdag")),
    (6, _("zondag")),
]


class OpeningHours(models.Model):
    """One opening period on one weekday."""

    region_path = "organisation__region"

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=WEEKDAYS)
    opens = models.TimeField(_("open vanaf"))
    closes = models.TimeField(_("open tot"))
    note = models.CharField(_("toelichting"), max_length=120, blank=True, help_text=_("Bijvoorbeeld 'telefonisch'."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "weekday", "opens"]
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")
        constraints = [
            models.CheckConstraint(condition=models.Q(opens__lt=models.F("closes")), name="directory_hours_open_before_close")
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def get_absolute_url(self) -> str:
        return self.organisation.get_absolute_url()

    def clean(self) -> None:
        if self.opens and self.closes and self.opens >= self.closes:
            raise ValidationError({"closes": _("De sluitingstijd moet na de openingstijd liggen.")}, code="closes_before_opens")


postcode_validators = [MinValueValidator(1000), MaxValueValidator(9999)]


class ServiceArea(models.Model):
    """Where an organisation works: a whole municipality, or a range of 4-digit postcodes."""

    region_path = "organisation__region"

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="service_areas"
    )
    municipality = models.ForeignKey(Municipality, verbose_name=_("gemeente"), null=True, blank=True, on_delete=models.PROTECT)
    postcode_from = models.PositiveSmallIntegerField(_("postcode vanaf"), null=True, blank=True, validators=postcode_validators)
    postcode_to = models.PositiveSmallIntegerField(
        _("postcode tot en met"), null=True, blank=True, validators=postcode_validators
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "postcode_from"]
        verbose_name = _("werkgebied")
        verbose_name_plural = _("werkgebieden")
        indexes = [models.Index(fields=["postcode_from", "postcode_to"])]

    def __str__(self) -> str:
        if self.postcode_from:
            return f"{self.postcode_from}–{self.postcode_to}"
        return str(self.municipality)

    def get_absolute_url(self) -> str:
        return self.organisation.get_absolute_url()

    def clean(self) -> None:
        has_range = self.postcode_from is not None or self.postcode_to is not None
        if not has_range and self.municipality_id is None:
            raise ValidationError(_("Kies een gemeente of vul een postcodegebied in."), code="empty_area")
        if has_range:
            if self.postcode_from is None or self.postcode_to is None:
                raise ValidationError(_("Vul zowel de eerste als de laatste postcode in."), code="half_range")
            if self.postcode_from > self.postcode_to:
                raise ValidationError(_("De eerste postcode moet lager zijn dan de laatste."), code="reversed_range")
