"""The forms the admin and the content loader share for parents' flows, with the check that every path ends."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from parents.graph import NodeSpec, validate_flow
from parents.models import FlowNode, ParentFlow
from regions.forms import CONTENT_FIELDS


class AnswersField(forms.CharField):
    """Answers as lines of "Antwoordtekst -> slug-van-de-volgende-stap"; stored as a list of {label, to}."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(f"{a.get('label', '')} -> {a.get('to', '')}" for a in value if isinstance(a, dict))
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        answers = []
        for number, line in enumerate((value or "").splitlines(), start=1):
            if not line.strip():
                continue
            label, arrow, target = line.rpartition("->")
            if not arrow or not label.strip() or not target.strip():
                raise ValidationError(
                    _("Regel %(number)d: schrijf een antwoord als 'Antwoordtekst -> slug-van-de-volgende-stap'."),
                    code="answer_format",
                    params={"number": number},
                )
            answers.append({"label": label.strip(), "to": target.strip()})
        return answers


class ParentFlowForm(forms.ModelForm):
    class Meta:
        model = ParentFlow
        fields = ["region", "slug", "title", "intro", *CONTENT_FIELDS]


class FlowNodeForm(forms.ModelForm):
    answers = AnswersField(label=_("Antwoorden"), required=False, help_text=_("Eén antwoord per regel: Antwoordtekst -> slug"))

    class Meta:
        model = FlowNode
        fields = (
            "flow",
            "order",
            "slug",
            "kind",
            "title",
            "body",
            "answers",
            "organisations",
            "expectations",
            "sensitive",
            "source_document",
            "source_section",
        )


def node_spec(slug: str, kind: str, order: int, answers: list[dict]) -> NodeSpec:
    return NodeSpec(slug, kind, order, tuple((a.get("label", ""), a.get("to", "")) for a in answers))


class FlowNodeFormSet(BaseInlineFormSet):
    """Validates the whole graph before anything is saved: no dead ends, loops or unreachable outcomes."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        specs = [
            node_spec(
                form.cleaned_data.get("slug", ""),
                form.cleaned_data.get("kind", ""),
                form.cleaned_data.get("order") or 0,
                form.cleaned_data.get("answers") or [],
            )
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        errors = validate_flow(specs)
        if errors:
            raise ValidationError(errors, code="invalid_flow")
