"""Regions and what every piece of regional content shares: region, source, publication and checks."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regions.sources import SOURCE_CHOICES, SOURCE_DOCUMENTS

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
        return reverse("directory:region", kwargs={"region": self.slug})

    @property
    def label(self) -> str:
        return self.short_name or self.name


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
        return reverse("directory:search") + f"?sector={self.code}"


class ContentStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    PUBLISHED = "published", _("Gepubliceerd")


class ContentQuerySet(models.QuerySet):
    def published(self, today: datetime.date | None = None) -> ContentQuerySet:
        """What the public and professional pages may show: published, and within its dates."""
        from regions.preview import preview_region_id

        today = today or timezone.localdate()
        live = (
            Q(status=ContentStatus.PUBLISHED)
            & (Q(publish_from__isnull=True) | Q(publish_from__lte=today))
            & (Q(expire_on__isnull=True) | Q(expire_on__gt=today))
        )
        previewed = preview_region_id.get()
        if previewed is not None:
            live |= Q(region_id=previewed)  # an editor's preview: this region's drafts too
        return self.filter(live)

    def for_region(self, region: Region) -> ContentQuerySet:
        return self.filter(region=region)

    def overdue_for_check(self, months: int = 12) -> ContentQuerySet:
        cutoff = timezone.now() - datetime.timedelta(days=round(months * 30.44))
        return self.filter(Q(checked_at__isnull=True) | Q(checked_at__lt=cutoff))


class SourceMixin:
    """Readable title of the handbook an object was taken from."""

    source_document: str

    @property
    def source_title(self) -> str:
        return str(SOURCE_DOCUMENTS.get(self.source_document, self.source_document))


class Content(SourceMixin, models.Model):
    """Abstract base: every content object belongs to exactly one region and says where it came from."""

    region = models.ForeignKey(
        Region, verbose_name=_("regio"), on_delete=models.PROTECT, related_name="%(app_label)s_%(class)s_set"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ContentStatus.choices,
        default=ContentStatus.DRAFT,
        help_text=_("Alleen gepubliceerde inhoud staat op de openbare pagina's."),
    )
    publish_from = models.DateField(
        _("zichtbaar vanaf"), null=True, blank=True, help_text=_("Bijvoorbeeld de start van het schooljaar.")
    )
    expire_on = models.DateField(_("zichtbaar tot"), null=True, blank=True, help_text=_("Vanaf deze dag niet meer zichtbaar."))
    source_document = models.CharField(
        _("bron"), max_length=40, choices=SOURCE_CHOICES, default="redactie", help_text=_("Het handboek waar dit uit komt.")
    )
    source_section = models.CharField(
        _("bronhoofdstuk"), max_length=300, blank=True, help_text=_("Het hoofdstuk of de paragraaf in de bron.")
    )
    checked_at = models.DateTimeField(
        _("laatst gecontroleerd"),
        null=True,
        blank=True,
        help_text=_("Wanneer iemand dit tegen de werkelijkheid heeft gecontroleerd; opslaan alleen verandert dit niet."),
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gecontroleerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    history = HistoricalRecords(inherit=True)
    objects = ContentQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        today = timezone.localdate()
        return (
            self.status == ContentStatus.PUBLISHED
            and (self.publish_from is None or self.publish_from <= today)
            and (self.expire_on is None or self.expire_on > today)
        )

    def clean(self) -> None:
        super().clean()
        if self.publish_from and self.expire_on and self.expire_on <= self.publish_from:
            raise ValidationError(
                {"expire_on": _("'Zichtbaar tot' moet na 'zichtbaar vanaf' liggen.")}, code="expire_before_publish"
            )


class SluggedContent(Content):
    """Content with a readable address part, unique within its region."""

    slug = models.SlugField(_("slug"), max_length=120, help_text=SLUG_HELP)

    class Meta(Content.Meta):
        abstract = True
        constraints = [models.UniqueConstraint(fields=["region", "slug"], name="%(app_label)s_%(class)s_unique_slug_per_region")]


class Municipality(SourceMixin, models.Model):
    """A gemeente within a region."""

    region = models.ForeignKey(Region, verbose_name=_("regio"), on_delete=models.PROTECT, related_name="municipalities")
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("naam"), max_length=120)
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


class Partnership(SluggedContent):
    """A samenwerkingsverband passend onderwijs (SWV) for primary or secondary education."""

    name = models.CharField(_("naam"), max_length=200)
    sector = models.ForeignKey(Sector, verbose_name=_("sector"), on_delete=models.PROTECT)
    organisation = models.ForeignKey(
        "directory.Organisation",
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
        from django.contrib.contenttypes.models import ContentType

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
