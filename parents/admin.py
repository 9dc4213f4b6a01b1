"""Admin for the parents' flows: the flow with its questions and outcomes inline, and the whole graph drawn."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from parents.forms import FlowNodeForm, FlowNodeFormSet, ParentFlowForm
from parents.models import FlowNode, ParentFlow
from regions.admin.base import PUBLICATION_FIELDSET, SOURCE_FIELDSET, ContentAdmin, ScopedInlineMixin


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
        kind = _("Uitkomst") if node.is_outcome else _("Vraag")
        if node.slug in seen:
            return format_html("<li>{}: {} ({})</li>", kind, node.title, _("zie boven"))
        children = format_html_join(
            "",
            "<li>{} → <ul>{}</ul></li>",
            ((a["label"], branch_html(nodes.get(a["to"]), seen | {node.slug}, a["to"])) for a in node.answer_list()),
        )
        sensitive = f" ({_('gevoelig')})" if node.sensitive else ""
        return format_html("<li><strong>{}</strong>: {}{}<ul>{}</ul></li>", kind, node.title, sensitive, children)

    def branch_html(node, seen, slug):
        return branch(node, seen) if node else format_html("<li>{} '{}'</li>", _("ontbrekende stap"), slug)

    start = flow.start()
    return format_html('<ul class="flow-graph">{}</ul>', branch(start, frozenset())) if start else "—"


@admin.register(ParentFlow)
class ParentFlowAdmin(ContentAdmin):
    form = ParentFlowForm
    list_display = ("title", "region", "status")
    search_fields = ("title",)
    inlines = (FlowNodeInline,)
    readonly_fields = (*ContentAdmin.readonly_fields, "flow_graph")
    fieldsets = (
        (None, {"fields": ("region", "title", "slug", "intro")}),
        (
            _("Overzicht"),
            {"fields": ("flow_graph",), "description": _("Alle wegen door de wegwijzer, van de eerste vraag tot de uitkomsten.")},
        ),
        PUBLICATION_FIELDSET,
        SOURCE_FIELDSET,
    )

    @admin.display(description=_("Graaf van de wegwijzer"))
    def flow_graph(self, obj) -> str:
        return render_flow_graph(obj) if obj and obj.pk else _("Sla de wegwijzer eerst op.")
