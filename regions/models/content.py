"""What every piece of regional content shares: one region, a source, publication dates and checks."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regions.drafts import preview_region_id
from regions.models.places import SLUG_HELP, Region
from regions.sources import SOURCE_CHOICES, SourceMixin

# How often an editor should check content against reality (the handbooks are revised about once a year).
CHECK_INTERVAL_MONTHS = 12


class ContentStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    PUBLISHED = "published", _("Gepubliceerd")


class ContentQuerySet(models.QuerySet):
    def published(self, today: datetime.date | None = None) -> ContentQuerySet:
        """What the public and professional pages may show: published, and within its dates."""
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

    def overdue_for_check(self, months: int = CHECK_INTERVAL_MONTHS) -> ContentQuerySet:
        """Never checked against reality, or not for `months` months: the admin's filter and the reminder mail."""
        cutoff = timezone.now() - datetime.timedelta(days=round(months * 30.44))
        return self.filter(Q(checked_at__isnull=True) | Q(checked_at__lt=cutoff))

    def checked_recently(self, months: int = CHECK_INTERVAL_MONTHS) -> ContentQuerySet:
        return self.exclude(pk__in=self.overdue_for_check(months).values("pk"))


class Content(SourceMixin, models.Model):
    """Abstract base: every content object belongs to exactly one region and says where it came from.

    `region_path` is how any model reaches its Region ("region" here; a step says "route__region"). The admin's
    scoping, the choice lists and the page cache read it, so `regions` needs no list of the other apps' models.
    """

    region_path = "region"

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
