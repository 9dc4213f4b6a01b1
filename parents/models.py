"""The parents' flows behind "Waar kan ik terecht?": plain questions that end at the right door.

A flow is a small graph: question nodes with answers that point at another node, and outcome nodes that name who
to contact. Editors change it in the admin; `parents.graph.validate_flow` refuses a graph with a dead end, a loop,
a dangling answer or an unreachable node, in the admin form and in the content loader alike.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from directory.models import Organisation
from regions.models import SluggedContent
from regions.sources import SOURCE_CHOICES, SourceMixin


class ParentFlow(SluggedContent):
    """One region's guided flow for parents."""

    title = models.CharField(_("titel"), max_length=200)
    intro = models.TextField(_("inleiding"), blank=True, help_text=_("Eenvoudige taal (B1). Markdown mag."))

    class Meta(SluggedContent.Meta):
        ordering = ["region", "title"]
        verbose_name = _("ouderwegwijzer")
        verbose_name_plural = _("ouderwegwijzers")

    def __str__(self) -> str:
        return f"{self.title} ({self.region})"

    def get_absolute_url(self) -> str:
        return reverse("parents:region", kwargs={"region": self.region.slug})

    def start(self) -> FlowNode | None:
        """The first question; uses prefetched `nodes` when present."""
        questions = [n for n in self.nodes.all() if n.kind == NodeKind.QUESTION]
        return min(questions, key=lambda n: (n.order, n.pk)) if questions else None


class NodeKind(models.TextChoices):
    QUESTION = "question", _("Vraag")
    OUTCOME = "outcome", _("Uitkomst")


class FlowNode(SourceMixin, models.Model):
    """A question with its answers, or an outcome with the organisations to contact."""

    region_path = "flow__region"

    flow = models.ForeignKey(ParentFlow, verbose_name=_("wegwijzer"), on_delete=models.CASCADE, related_name="nodes")
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("Korte naam waarmee antwoorden naar deze stap verwijzen."))
    kind = models.CharField(_("soort"), max_length=10, choices=NodeKind.choices)
    order = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("De vraag met de laagste volgorde is de eerste.")
    )
    title = models.CharField(_("vraag of kop"), max_length=250)
    body = models.TextField(_("uitleg"), blank=True, help_text=_("Eenvoudige taal (B1). Markdown mag."))
    answers = models.JSONField(
        _("antwoorden"),
        default=list,
        blank=True,
        help_text=_("Alleen bij een vraag: welke antwoorden er zijn en waar ze heen gaan."),
    )
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisaties om te noemen"), blank=True, related_name="flow_outcomes"
    )
    expectations = models.TextField(_("wat mag u verwachten"), blank=True)
    sensitive = models.BooleanField(
        _("gevoelig onderwerp"),
        default=False,
        help_text=_("Toont een knop om snel weg te gaan en zet geen antwoorden in de adresbalk."),
    )
    # A node's own source; an outcome without one shows the flow's source (`shown_source`).
    source_document = models.CharField(_("bron"), max_length=40, choices=SOURCE_CHOICES, blank=True)
    source_section = models.CharField(_("bronhoofdstuk"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["flow", "order", "pk"]
        verbose_name = _("stap van de wegwijzer")
        verbose_name_plural = _("stappen van de wegwijzer")
        constraints = [models.UniqueConstraint(fields=["flow", "slug"], name="parents_flownode_unique_slug")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("parents:node", kwargs={"region": self.flow.region.slug, "node": self.pk})

    @property
    def is_outcome(self) -> bool:
        return self.kind == NodeKind.OUTCOME

    def shown_source(self) -> SourceMixin:
        """What a page names as this step's source: its own when it has one, else its flow's."""
        return self if self.source_document else self.flow

    def answer_list(self) -> list[dict]:
        return [a for a in self.answers or [] if isinstance(a, dict)]
