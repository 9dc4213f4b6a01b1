"""Admin for routes with their steps, triggers, situations, phases and the quickscan."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html, format_html_join

from regions.admin_base import PUBLICATION_FIELDSET, SOURCE_FIELDSET, ContentAdmin, ScopedHistoryAdmin, ScopedInlineMixin
from regions.admin_history import TrashInlineMixin
from routes.models import (
    Phase,
    QuickscanItem,
    QuickscanTheme,
    Route,
    Situation,
    SituationContact,
    Step,
    StepTransition,
    Trigger,
    TriggerRule,
)
from routes.parent_flows import FlowNode, NodeSpec, ParentFlow, validate_flow


class StepInline(TrashInlineMixin, ScopedInlineMixin, admin.StackedInline):
    model = Step
    extra = 0
    fields = (
        "order",
        "code",
        "title",
        "slug",
        "branch",
        "phase",
        "regie_role",
        "regie_text",
        "description",
        "requires",
        "parents",
        "deadlines",
    )
    autocomplete_fields = ("regie_role",)
    show_change_link = True


@admin.register(Route)
class RouteAdmin(ContentAdmin):
    list_display = ("name", "kind", "region", "status")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("sectors",)
    inlines = (StepInline,)


class TransitionInline(ScopedInlineMixin, admin.TabularInline):
    model = StepTransition
    fk_name = "from_step"
    extra = 0


@admin.register(Step)
class StepAdmin(ScopedHistoryAdmin):
    region_path = "route__region"
    list_display = ("__str__", "route", "order", "branch")
    list_filter = ("route__region",)
    search_fields = ("title", "code", "route__name")
    autocomplete_fields = ("regie_role", "roles", "meetings")
    list_select_related = ("route",)
    inlines = (TransitionInline,)


class TriggerRuleInline(ScopedInlineMixin, admin.TabularInline):
    model = TriggerRule
    extra = 0


@admin.register(Trigger)
class TriggerAdmin(ContentAdmin):
    list_display = ("name", "level", "route", "region", "status")
    search_fields = ("name",)
    autocomplete_fields = ("route", "step", "contact_role")
    inlines = (TriggerRuleInline,)


class SituationContactInline(ScopedInlineMixin, admin.TabularInline):
    model = SituationContact
    extra = 0
    autocomplete_fields = ("role",)


@admin.register(Situation)
class SituationAdmin(ContentAdmin):
    list_display = ("title", "region", "status")
    search_fields = ("title",)
    autocomplete_fields = ("route", "step")
    filter_horizontal = ("sectors",)
    inlines = (SituationContactInline,)


@admin.register(Phase)
class PhaseAdmin(ContentAdmin):
    list_display = ("order", "name", "region", "status")
    search_fields = ("name",)


class QuickscanItemInline(ScopedInlineMixin, admin.TabularInline):
    model = QuickscanItem
    extra = 0


@admin.register(QuickscanTheme)
class QuickscanThemeAdmin(ContentAdmin):
    list_display = ("order", "name", "region", "status")
    search_fields = ("name",)
    inlines = (QuickscanItemInline,)


# -- parents' flows -------------------------------------------------------------------------------------------------


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
                    f"Regel {number}: schrijf een antwoord als 'Antwoordtekst -> slug-van-de-volgende-stap'.",
                    code="answer_format",
                )
            answers.append({"label": label.strip(), "to": target.strip()})
        return answers


class FlowNodeForm(forms.ModelForm):
    answers = AnswersField(label="Antwoorden", required=False, help_text="Eén antwoord per regel: Antwoordtekst -> slug")

    class Meta:
        model = FlowNode
        fields = ("order", "slug", "kind", "title", "body", "answers", "organisations", "expectations", "sensitive")


class FlowNodeFormSet(BaseInlineFormSet):
    """Validates the whole graph before anything is saved: no dead ends, loops or unreachable outcomes."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        specs = [
            NodeSpec(
                form.cleaned_data.get("slug", ""),
                form.cleaned_data.get("kind", ""),
                form.cleaned_data.get("order") or 0,
                tuple((a["label"], a["to"]) for a in form.cleaned_data.get("answers") or []),
            )
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        errors = validate_flow(specs)
        if errors:
            raise ValidationError(errors, code="invalid_flow")


class FlowNodeInline(ScopedInlineMixin, admin.StackedInline):
    model = FlowNode
    form = FlowNodeForm
    formset = FlowNodeFormSet
    extra = 0
    autocomplete_fields = ("organisations",)


def render_flow_graph(flow: ParentFlow):
    """The flow as a nested list: each question with its answers and where they lead."""
    nodes = {n.slug: n for n in flow.nodes.all()}

    def branch(node: FlowNode, seen: frozenset) -> str:
        kind = "Uitkomst" if node.is_outcome else "Vraag"
        if node.slug in seen:
            return format_html("<li>{}: {} (zie boven)</li>", kind, node.title)
        children = format_html_join(
            "",
            "<li>{} → <ul>{}</ul></li>",
            ((a["label"], branch_html(nodes.get(a["to"]), seen | {node.slug}, a["to"])) for a in node.answer_list()),
        )
        sensitive = " (gevoelig)" if node.sensitive else ""
        return format_html("<li><strong>{}</strong>: {}{}<ul>{}</ul></li>", kind, node.title, sensitive, children)

    def branch_html(node, seen, slug):
        return branch(node, seen) if node else format_html("<li>ontbrekende stap '{}'</li>", slug)

    start = flow.start()
    return format_html('<ul class="flow-graph">{}</ul>', branch(start, frozenset())) if start else "—"


@admin.register(ParentFlow)
class ParentFlowAdmin(ContentAdmin):
    list_display = ("title", "region", "status")
    search_fields = ("title",)
    inlines = (FlowNodeInline,)
    readonly_fields = (*ContentAdmin.readonly_fields, "flow_graph")
    fieldsets = (
        (None, {"fields": ("region", "title", "slug", "intro")}),
        (
            "Overzicht",
            {"fields": ("flow_graph",), "description": "Alle wegen door de wegwijzer, van de eerste vraag tot de uitkomsten."},
        ),
        PUBLICATION_FIELDSET,
        SOURCE_FIELDSET,
    )

    @admin.display(description="Graaf van de wegwijzer")
    def flow_graph(self, obj) -> str:
        return render_flow_graph(obj) if obj and obj.pk else "Sla de wegwijzer eerst op."
