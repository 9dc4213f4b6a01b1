"""Reference material: the glossary, frequently asked questions and who pays for what."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from directory.models.roles import Role
from regions.models import SluggedContent


def _clean_keywords(value) -> None:
    if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
        raise ValidationError({"keywords": _("Zoekwoorden moeten een lijst met woorden zijn.")}, code="keywords_not_list")


KEYWORDS_HELP = _("Lijst met woorden waarop deze tekst gevonden moet worden, in de woorden van het handboek.")


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
    """A frequently asked question with its answer, and the roles it concerns (situations link to it from routes)."""

    question = models.CharField(_("vraag"), max_length=300)
    answer = models.TextField(_("antwoord"))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    roles = models.ManyToManyField(
        Role,
        verbose_name=_("rollen"),
        blank=True,
        related_name="faqs",
        help_text=_("De rollen die deze vraag aangaat; de vraag staat op hun pagina."),
    )
    keywords = models.JSONField(_("zoekwoorden"), default=list, blank=True, help_text=KEYWORDS_HELP)

    class Meta(SluggedContent.Meta):
        ordering = ["region", "order", "question"]
        verbose_name = _("veelgestelde vraag")
        verbose_name_plural = _("veelgestelde vragen")

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        if self.region.is_national:
            return reverse("directory:faq") + f"#vraag-{self.slug}"
        return reverse("directory:faq_region", kwargs={"region": self.region.slug}) + f"#vraag-{self.slug}"

    def clean(self) -> None:
        super().clean()
        _clean_keywords(self.keywords)


class Responsibility(SluggedContent):
    """One row of "wie betaalt wat": does a topic fall under the Jeugdwet (gemeente) or the onderwijswetten (school)?

    Only what the handbook fixes goes into `youth_care` / `education`; where the source does not tell the column
    (a lost table mark), the items go into `ambiguous` and the page says "in het handboek niet eenduidig".
    """

    topic = models.CharField(_("onderwerp"), max_length=200)
    youth_care = models.TextField(_("Jeugdwet (gemeente)"), blank=True)
    education = models.TextField(_("onderwijswetten (school)"), blank=True)
    other_law = models.TextField(
        _("andere wet"), blank=True, help_text=_("Wat het handboek onder een andere wet plaatst (Zvw, WLZ, ...).")
    )
    ambiguous = models.TextField(
        _("niet eenduidig"),
        blank=True,
        help_text=_("Onderdelen waarvan het handboek niet eenduidig zegt onder welke wet ze vallen."),
    )
    keywords = models.JSONField(_("zoekwoorden"), default=list, blank=True, help_text=KEYWORDS_HELP)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta(SluggedContent.Meta):
        ordering = ["region", "order", "topic"]
        verbose_name = _("verantwoordelijkheid")
        verbose_name_plural = _("verantwoordelijkheden")

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        return reverse("directory:who_pays", kwargs={"region": self.region.slug}) + f"#{self.slug}"

    def clean(self) -> None:
        super().clean()
        _clean_keywords(self.keywords)
