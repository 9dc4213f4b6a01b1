"""The parents' flows behind "Waar kan ik terecht?": plain questions that end at the right door.

A flow is a small graph: question nodes with answers that point at another node, and outcome nodes that name who
to contact. Editors change it in the admin; `validate_flow` refuses a graph with a dead end, a loop, a dangling
answer or an unreachable node, in the admin form and in the content loader alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from directory.models import Organisation
from regions.models import SluggedContent


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
        return reverse("routes:parents_region", kwargs={"region": self.region.slug})

    def start(self) -> FlowNode | None:
        """The first question; uses prefetched `nodes` when present."""
        questions = [n for n in self.nodes.all() if n.kind == NodeKind.QUESTION]
        return min(questions, key=lambda n: (n.order, n.pk)) if questions else None


class NodeKind(models.TextChoices):
    QUESTION = "question", _("Vraag")
    OUTCOME = "outcome", _("Uitkomst")


class FlowNode(models.Model):
    """A question with its answers, or an outcome with the organisations to contact."""

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
    history = HistoricalRecords()

    class Meta:
        ordering = ["flow", "order", "pk"]
        verbose_name = _("stap van de wegwijzer")
        verbose_name_plural = _("stappen van de wegwijzer")
        constraints = [models.UniqueConstraint(fields=["flow", "slug"], name="routes_flownode_unique_slug")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("routes:parents_node", kwargs={"region": self.flow.region.slug, "node": self.pk})

    @property
    def is_outcome(self) -> bool:
        return self.kind == NodeKind.OUTCOME

    def answer_list(self) -> list[dict]:
        return [a for a in self.answers or [] if isinstance(a, dict)]


@dataclass(frozen=True)
class NodeSpec:
    """What validation needs of a node, whether it comes from a form, a file or the database."""

    slug: str
    kind: str
    order: int
    answers: tuple[tuple[str, str], ...]  # (label, target slug)


def validate_flow(nodes: list[NodeSpec]) -> list[str]:
    """Every problem in the graph, in Dutch; an empty list means every path ends at an outcome."""
    errors: list[str] = []
    by_slug = {n.slug: n for n in nodes}
    questions = sorted((n for n in nodes if n.kind == NodeKind.QUESTION), key=lambda n: n.order)
    if not questions:
        return ["De wegwijzer heeft minstens één vraag nodig."]
    if not any(n.kind == NodeKind.OUTCOME for n in nodes):
        errors.append("De wegwijzer heeft minstens één uitkomst nodig.")
    for node in nodes:
        if node.kind == NodeKind.QUESTION and not node.answers:
            errors.append(f"Vraag '{node.slug}' heeft geen antwoorden: daar loopt de ouder vast.")
        if node.kind == NodeKind.OUTCOME and node.answers:
            errors.append(f"Uitkomst '{node.slug}' mag geen antwoorden hebben.")
        labels = [label for label, _target in node.answers]
        if len(labels) != len(set(labels)):
            errors.append(f"Vraag '{node.slug}' heeft twee antwoorden met dezelfde tekst.")
        for label, target in node.answers:
            if target not in by_slug:
                errors.append(f"Antwoord '{label}' bij vraag '{node.slug}' verwijst naar '{target}', die niet bestaat.")
            elif target == node.slug:
                errors.append(f"Antwoord '{label}' bij vraag '{node.slug}' verwijst naar dezelfde vraag.")
    if errors:
        return errors
    # Reachability and loops, by a depth-first walk from the first question.
    state: dict[str, str] = {}

    def walk(slug: str) -> None:
        state[slug] = "open"
        for _label, target in by_slug[slug].answers:
            if state.get(target) == "open":
                errors.append(f"Vanaf '{slug}' komt de ouder terug bij '{target}': een kringloop zonder uitkomst.")
            elif target not in state:
                walk(target)
        state[slug] = "done"

    walk(questions[0].slug)
    for node in nodes:
        if node.slug not in state:
            what = "Uitkomst" if node.kind == NodeKind.OUTCOME else "Vraag"
            errors.append(f"{what} '{node.slug}' is onbereikbaar: geen antwoord leidt ernaartoe.")
    return errors


def validate_or_raise(nodes: list[NodeSpec]) -> None:
    errors = validate_flow(nodes)
    if errors:
        raise ValidationError(errors, code="invalid_flow")


def flow_paths(flow: ParentFlow) -> list[list[tuple[FlowNode, int | None]]]:
    """Every path from the first question to an outcome, as (node, index of the answer taken) pairs."""
    nodes = {n.slug: n for n in flow.nodes.all()}
    start = flow.start()
    paths: list[list[tuple[FlowNode, int | None]]] = []

    def walk(node: FlowNode, path: list) -> None:
        if node.is_outcome:
            paths.append([*path, (node, None)])
            return
        for index, answer in enumerate(node.answer_list(), start=1):
            walk(nodes[answer["to"]], [*path, (node, index)])

    if start:
        walk(start, [])
    return paths
