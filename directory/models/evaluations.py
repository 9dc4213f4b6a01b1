"""How a consultation body looks back on its own work: the AOJ-team's evaluation guide (Gespreksleidraad)."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from directory.models.roles import Meeting
from regions.models import SluggedContent


class MeetingEvaluation(SluggedContent):
    """A meeting's own evaluation: how often, what is asked, and where the report goes by when."""

    meeting = models.OneToOneField(Meeting, verbose_name=_("overleg"), on_delete=models.PROTECT, related_name="evaluation")
    title = models.CharField(_("titel"), max_length=250)
    purpose = models.TextField(_("doel"), blank=True)
    frequency = models.CharField(_("hoe vaak"), max_length=200)
    deadline = models.CharField(_("verslag: termijn"), max_length=200, blank=True)
    report_to = models.CharField(_("verslag: naar"), max_length=200, blank=True, help_text=_("Zoals het handboek het schrijft."))
    chair_text = models.CharField(_("wie initieert en zit voor"), max_length=300, blank=True)
    topics_text = models.TextField(_("wat er besproken wordt"), blank=True)

    class Meta(SluggedContent.Meta):
        ordering = ["region", "title"]
        verbose_name = _("evaluatie van een overleg")
        verbose_name_plural = _("evaluaties van overleggen")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("front:region", kwargs={"region": self.region.slug}) + f"#evaluatie-{self.slug}"

    def question_groups(self) -> list[tuple[str, list[EvaluationQuestion]]]:
        """The questions under their headings, in order; uses prefetched `questions`."""
        groups: dict[str, list[EvaluationQuestion]] = {}
        for question in sorted(self.questions.all(), key=lambda q: q.order):
            groups.setdefault(question.group, []).append(question)
        return list(groups.items())


class EvaluationQuestion(models.Model):
    """One question of the guide, under its heading, with its sub-questions."""

    region_path = "evaluation__region"

    evaluation = models.ForeignKey(
        MeetingEvaluation, verbose_name=_("evaluatie"), on_delete=models.CASCADE, related_name="questions"
    )
    group = models.CharField(_("kopje"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"))
    text = models.CharField(_("vraag"), max_length=400)
    sub_questions = models.TextField(_("deelvragen"), blank=True, help_text=_("Eén per regel."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["evaluation", "order"]
        verbose_name = _("evaluatievraag")
        verbose_name_plural = _("evaluatievragen")

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return self.evaluation.get_absolute_url()

    def sub_question_list(self) -> list[str]:
        return [line.strip() for line in self.sub_questions.splitlines() if line.strip()]
