"""Admin for routes with their steps, triggers, situations, phases and the quickscan."""

from django.contrib import admin

from regions.admin.base import ContentAdmin, ScopedHistoryAdmin, ScopedInlineMixin
from regions.admin.history import TrashInlineMixin
from routes.forms import (
    PhaseForm,
    QuickscanItemForm,
    QuickscanThemeForm,
    RouteForm,
    SituationContactForm,
    SituationForm,
    StepForm,
    StepTransitionForm,
    TopicForm,
    TriggerForm,
    TriggerRuleForm,
)
from routes.models import (
    Phase,
    QuickscanItem,
    QuickscanTheme,
    Route,
    Situation,
    SituationContact,
    Step,
    StepTransition,
    Topic,
    Trigger,
    TriggerRule,
)


class StepInline(TrashInlineMixin, ScopedInlineMixin, admin.StackedInline):
    model = Step
    form = StepForm
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
    form = RouteForm
    list_display = ("name", "kind", "region", "status")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("sectors",)
    inlines = (StepInline,)


class TransitionInline(ScopedInlineMixin, admin.TabularInline):
    model = StepTransition
    form = StepTransitionForm
    fk_name = "from_step"
    extra = 0


@admin.register(Step)
class StepAdmin(ScopedHistoryAdmin):
    form = StepForm
    list_display = ("__str__", "route", "order", "branch")
    list_filter = ("route__region",)
    search_fields = ("title", "code", "route__name")
    autocomplete_fields = ("regie_role", "roles", "meetings")
    list_select_related = ("route",)
    inlines = (TransitionInline,)


class TriggerRuleInline(ScopedInlineMixin, admin.TabularInline):
    model = TriggerRule
    form = TriggerRuleForm
    extra = 0


@admin.register(Trigger)
class TriggerAdmin(ContentAdmin):
    form = TriggerForm
    list_display = ("name", "level", "route", "region", "status")
    search_fields = ("name",)
    autocomplete_fields = ("route", "step", "contact_role")
    inlines = (TriggerRuleInline,)


class SituationContactInline(ScopedInlineMixin, admin.TabularInline):
    model = SituationContact
    form = SituationContactForm
    extra = 0
    autocomplete_fields = ("role",)


@admin.register(Situation)
class SituationAdmin(ContentAdmin):
    form = SituationForm
    list_display = ("title", "region", "status")
    search_fields = ("title",)
    autocomplete_fields = ("route", "step")
    filter_horizontal = ("sectors",)
    inlines = (SituationContactInline,)


@admin.register(Phase)
class PhaseAdmin(ContentAdmin):
    form = PhaseForm
    list_display = ("order", "name", "region", "status")
    search_fields = ("name",)


class QuickscanItemInline(ScopedInlineMixin, admin.TabularInline):
    model = QuickscanItem
    form = QuickscanItemForm
    extra = 0


@admin.register(QuickscanTheme)
class QuickscanThemeAdmin(ContentAdmin):
    form = QuickscanThemeForm
    list_display = ("order", "name", "region", "status")
    search_fields = ("name",)
    inlines = (QuickscanItemInline,)


@admin.register(Topic)
class TopicAdmin(ContentAdmin):
    form = TopicForm
    list_display = ("title", "region", "order", "status")
    search_fields = ("title", "body")
    filter_horizontal = ("routes", "steps", "situations")
