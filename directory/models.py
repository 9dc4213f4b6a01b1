"""Who does what: organisations with their channels and hours, roles, schools, assignments, meetings, terms."""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regions.accounts import is_professional
from regions.models import Content, ContentQuerySet, Municipality, Partnership, Sector, SluggedContent


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

    class Meta(SluggedContent.Meta):
        ordering = ["region", "name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:organisation", kwargs={"region": self.region.slug, "slug": self.slug})

    def is_open_at(self, moment: datetime.datetime | None = None) -> bool | None:
        """True/False when opening hours are known, None when the handbook gives none.

        Uses the prefetched `opening_hours` so a page showing many organisations stays at constant queries.
        """
        hours = list(self.opening_hours.all())
        if not hours:
            return None
        moment = timezone.localtime(moment) if moment else timezone.localtime()
        now = moment.time()
        return any(h.weekday == moment.weekday() and h.opens <= now < h.closes for h in hours)


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
            from django.core.validators import validate_email

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


def phone_href(number: str) -> str:
    """'020-251 8010' -> 'tel:+31202518010'; keeps short service numbers as they are."""
    digits = re.sub(r"[^\d+]", "", number)
    if digits.startswith("0") and not digits.startswith("00") and len(digits) == 10:
        digits = "+31" + digits[1:]
    return f"tel:{digits}"


WEEKDAYS = [(0, _("maandag")), (1, _("dinsdag")), (2, _("woensdag")), (3, _("donderdag")), (4, _("vrijdag")),
            (5, _("zaterdag")), (6, _("zondag"))]  # fmt: skip


class OpeningHours(models.Model):
    """One opening period on one weekday, so "now open" can be computed."""

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

    class Meta(SluggedContent.Meta):
        ordering = ["region", "name"]
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:role", kwargs={"region": self.region.slug, "slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if self.organisation_id and self.region_id:
            org_region = self.organisation.region
            if org_region.pk != self.region_id and not org_region.is_national:
                raise ValidationError(
                    {"organisation": _("Kies een organisatie uit dezelfde regio of een landelijke organisatie.")},
                    code="organisation_other_region",
                )


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
        return reverse("directory:school", kwargs={"region": self.region.slug, "slug": self.slug})

    @property
    def postcode_digits(self) -> int | None:
        match = re.match(r"\s*([0-9]{4})", self.postcode or "")
        return int(match.group(1)) if match else None

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
        if self.role_id and self.region_id:
            role_region = self.role.region
            if role_region.pk != self.region_id and not role_region.is_national:
                raise ValidationError({"role": _("Kies een rol uit de regio van de school.")}, code="role_other_region")

    def save(self, *args, **kwargs) -> None:
        if self.school_id and not self.region_id:
            self.region_id = self.school.region_id
        super().save(*args, **kwargs)


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
        return reverse("directory:region", kwargs={"region": self.region.slug}) + f"#overleg-{self.slug}"


class GlossaryTerm(SluggedContent):
    """A term or abbreviation, with the other ways people write it; drives search expansion."""

    abbreviation = models.CharField(_("afkorting"), max_length=40, blank=True)
    term = models.CharField(_("begrip"), max_length=200)
    explanation = models.TextField(_("uitleg"), blank=True)
    synonyms = models.JSONField(
        _("andere schrijfwijzen"), default=list, blank=True, help_text=_("Lijst met woorden die hetzelfde betekenen.")
    )

    class Meta(SluggedContent.Meta):
        ordering = ["term"]
        verbose_name = _("begrip")
        verbose_name_plural = _("begrippen")

    def __str__(self) -> str:
        return f"{self.abbreviation} – {self.term}" if self.abbreviation else self.term

    def get_absolute_url(self) -> str:
        return reverse("directory:term", kwargs={"slug": self.slug})

    @property
    def names(self) -> list[str]:
        """Every way of writing this term, abbreviation and term first."""
        names = [self.abbreviation, self.term, *self.synonyms]
        seen: dict[str, str] = {}
        for name in names:
            if name and name.strip() and name.lower() not in seen:
                seen[name.lower()] = name.strip()
        return list(seen.values())

    def clean(self) -> None:
        super().clean()
        if not isinstance(self.synonyms, list) or not all(isinstance(s, str) for s in self.synonyms):
            raise ValidationError(
                {"synonyms": _("Andere schrijfwijzen moeten een lijst met woorden zijn.")}, code="synonyms_not_list"
            )


class Faq(SluggedContent):
    """A frequently asked question with its answer (Kenniskaart)."""

    question = models.CharField(_("vraag"), max_length=300)
    answer = models.TextField(_("antwoord"))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta(SluggedContent.Meta):
        ordering = ["region", "order"]
        verbose_name = _("veelgestelde vraag")
        verbose_name_plural = _("veelgestelde vragen")

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("directory:glossary") + f"#vraag-{self.slug}"


class Responsibility(SluggedContent):
    """Who is responsible for a topic: the Jeugdwet (gemeente) or the onderwijswetten (school)."""

    topic = models.CharField(_("onderwerp"), max_length=200)
    youth_care = models.TextField(_("Jeugdwet (gemeente)"), blank=True)
    education = models.TextField(_("onderwijswetten (school)"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta(SluggedContent.Meta):
        ordering = ["region", "order", "topic"]
        verbose_name = _("verantwoordelijkheid")
        verbose_name_plural = _("verantwoordelijkheden")

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        return reverse("directory:region", kwargs={"region": self.region.slug}) + f"#verantwoordelijkheid-{self.slug}"


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
