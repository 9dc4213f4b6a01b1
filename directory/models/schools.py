"""Schools (DUO's locations) and who fills which role at a school."""

from __future__ import annotations

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

    def get_absolute_url(self) -> str:
        return reverse("front:school", kwargs={"region": self.region.slug, "slug": self.slug})

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
