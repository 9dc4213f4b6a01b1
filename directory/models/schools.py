"""Schools (DUO's locations) and who fills which role at a school."""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from directory.models.organisations import Organisation, Visibility, VisibleMixin, VisibleQuerySet
from directory.models.partnerships import Partnership
from directory.models.roles import Role
from regions.models import Content, ContentQuerySet, Municipality, Sector, SluggedContent
from regions.text import phone_href


def fold(text: str) -> str:
    """Lower case ASCII words: 'Lycéum  De Proef' -> 'lyceum de proef', '1017 RV' -> '1017 rv'."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"['’`´]", "", re.sub(r"[^a-z0-9'’`´]+", " ", text)).split())


def school_search_text(school: School) -> str:
    """What the school finder matches: name, street, place, municipality, postcode with and without its space,
    the vestigingscode and the BRIN, folded to plain lower-case words."""
    postcode = (school.postcode or "").replace(" ", "")
    municipality = school.municipality.name if school.municipality_id else ""
    parts = [
        school.name,
        school.street,
        school.city,
        municipality,
        school.postcode,
        postcode,
        school.brin + school.location_number,
        school.brin,
    ]
    return " ".join(fold(p) for p in parts if p)


class School(SluggedContent):
    """A school location (vestiging)."""

    brin_validator = RegexValidator(r"^[0-9]{2}[A-Z]{2}$", _("Een BRIN-nummer is twee cijfers en twee hoofdletters."))
    location_validator = RegexValidator(r"^[0-9]{2}$", _("Een vestigingsnummer is twee cijfers."))

    name = models.CharField(_("naam"), max_length=200)
    sector = models.ForeignKey(Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="schools")
    municipality = models.ForeignKey(Municipality, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="schools")
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("samenwerkingsverband"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="schools",
    )
    brin = models.CharField(_("BRIN-nummer"), max_length=4, blank=True, validators=[brin_validator])
    location_number = models.CharField(_("vestigingsnummer"), max_length=2, blank=True, validators=[location_validator])
    street = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("plaats"), max_length=120, blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_demo = models.BooleanField(_("voorbeeld"), default=False, help_text=_("Fictieve school uit de voorbeeldgegevens."))
    # What DUO's list says about the location, kept as DUO writes it; the importer fills these.
    board_number = models.CharField(_("bevoegd gezag (nummer)"), max_length=10, blank=True)
    denomination = models.CharField(_("denominatie"), max_length=80, blank=True)
    duo_kind = models.CharField(
        _("soort (DUO)"), max_length=20, blank=True, help_text=_("DUO's soort primair onderwijs: BAO, SBAO, SO, VSO of (V)SO.")
    )
    structure = models.CharField(
        _("onderwijsstructuur"), max_length=80, blank=True, help_text=_("Bijvoorbeeld VBO/MAVO/HAVO/VWO.")
    )
    cluster = models.CharField(
        _("cluster"), max_length=2, blank=True, help_text=_("Cluster van het speciaal onderwijs (1 tot 4).")
    )
    education = models.CharField(_("onderwijs (DUO)"), max_length=200, blank=True)
    duo_date = models.DateField(_("datum DUO-gegevens"), null=True, blank=True)
    search_text = models.TextField(
        _("zoektekst"),
        blank=True,
        editable=False,
        help_text=_("Naam, adres, plaats en codes zonder accenten: de schoolzoeker leest dit."),
    )
    closed_on = models.DateField(
        _("gesloten op"),
        null=True,
        blank=True,
        help_text=_("De dag dat deze vestiging niet meer in DUO's lijst stond; de school blijft bewaard met haar toewijzingen."),
    )

    class Meta(SluggedContent.Meta):
        ordering = ["region", "name"]
        verbose_name = _("school")
        verbose_name_plural = _("scholen")
        constraints = [
            *SluggedContent.Meta.constraints,
            models.UniqueConstraint(
                fields=["brin", "location_number"], condition=~models.Q(brin=""), name="directory_school_unique_brin_location"
            ),
        ]
        indexes = [models.Index(fields=["region", "name"]), models.Index(fields=["postcode"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.city})" if self.city else self.name

    @property
    def code(self) -> str:
        """DUO's vestigingscode: the BRIN (instellingscode) and the 2-digit location number, e.g. 21AB00."""
        return f"{self.brin}{self.location_number}" if self.brin else ""

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None

    @property
    def sector_codes(self) -> list[str]:
        """The sectors this location serves: a (V)SO location is SO and VSO at one address."""
        if self.duo_kind == "(V)SO":
            return ["so", "vso"]
        return [self.sector.code]

    def get_absolute_url(self) -> str:
        return reverse("front:school", kwargs={"region": self.region.slug, "slug": self.slug})

    def save(self, *args, **kwargs) -> None:
        self.search_text = school_search_text(self)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.municipality_id and self.region_id and self.municipality.region_id != self.region_id:
            raise ValidationError(
                {"municipality": _("Deze gemeente hoort bij een andere regio.")}, code="municipality_other_region"
            )
        if self.partnership_id and self.region_id and self.partnership.region_id != self.region_id:
            raise ValidationError(
                {"partnership": _("Dit samenwerkingsverband hoort bij een andere regio.")}, code="partnership_other_region"
            )


class AssignmentQuerySet(VisibleQuerySet, ContentQuerySet):
    pass


class Assignment(VisibleMixin, Content):
    """Who fills a role at a school: a named person or a team, with their own contact details."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="assignments")
    role = models.ForeignKey(Role, verbose_name=_("rol"), on_delete=models.PROTECT, related_name="assignments")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), null=True, blank=True, on_delete=models.PROTECT, related_name="assignments"
    )
    person_name = models.CharField(_("naam persoon of team"), max_length=150)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    availability = models.CharField(
        _("bereikbaarheid"), max_length=200, blank=True, help_text=_("Bijvoorbeeld 'di en do op school'.")
    )
    visibility = models.CharField(
        _("zichtbaarheid"),
        max_length=15,
        choices=Visibility.choices,
        default=Visibility.PROFESSIONALS,
        help_text=_("Directe gegevens van personen zijn standaard alleen voor ingelogde professionals."),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_demo = models.BooleanField(_("voorbeeld"), default=False, help_text=_("Fictieve persoon uit de voorbeeldgegevens."))

    objects = AssignmentQuerySet.as_manager()

    class Meta(Content.Meta):
        ordering = ["school", "order", "role__name"]
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        constraints = [
            models.UniqueConstraint(
                fields=["school", "role", "person_name"], name="directory_assignment_unique_person_role_school"
            )
        ]

    def __str__(self) -> str:
        return f"{self.role.name}: {self.person_name}"

    def get_absolute_url(self) -> str:
        return self.school.get_absolute_url()

    @property
    def phone_href(self) -> str:
        return phone_href(self.phone) if self.phone else ""

    def clean(self) -> None:
        super().clean()
        if self.school_id:
            if self.region_id is None:
                self.region_id = self.school.region_id
            if self.region_id != self.school.region_id:
                raise ValidationError(_("Een toewijzing hoort bij de regio van de school."), code="assignment_other_region")
        if self.role_id and self.region_id and not self.region.accepts(self.role.region):
            raise ValidationError({"role": _("Kies een rol uit de regio van de school.")}, code="role_other_region")

    def save(self, *args, **kwargs) -> None:
        if self.school_id and not self.region_id:
            self.region_id = self.school.region_id
        super().save(*args, **kwargs)
