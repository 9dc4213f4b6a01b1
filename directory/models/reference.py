"""Reference material: the glossary, frequently asked questions and who pays for what."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regions.models import SluggedContent


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
        return reverse("front:region", kwargs={"region": self.region.slug}) + f"#verantwoordelijkheid-{self.slug}"
