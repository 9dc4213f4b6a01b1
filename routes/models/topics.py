"""Topics: handbook passages that explain rather than route (the OZA's target group, trends and figures, ...)."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regions.models import SluggedContent
from routes.models.core import Route, Situation, Step


class Topic(SluggedContent):
    """A passage of a handbook with its own page, shown on the region overview and on the routes it belongs to."""

    title = models.CharField(_("titel"), max_length=250)
    body = models.TextField(_("tekst"), help_text=_("Markdown: alinea's, lijstjes en **vet**. Zoals het handboek het zegt."))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    routes = models.ManyToManyField(Route, verbose_name=_("op de routepagina's"), blank=True, related_name="topics")
    steps = models.ManyToManyField(Step, verbose_name=_("bij de stappen"), blank=True, related_name="topics")
    situations = models.ManyToManyField(Situation, verbose_name=_("op de situatiepagina's"), blank=True, related_name="topics")

    class Meta(SluggedContent.Meta):
        ordering = ["region", "order", "title"]
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.region.is_national:
            return reverse("routes:national_topic", kwargs={"slug": self.slug})
        return reverse("routes:topic", kwargs={"region": self.region.slug, "slug": self.slug})
