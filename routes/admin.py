"""Admin for routes with their steps, triggers, situations, phases and the quickscan."""

from django.contrib import admin

from regions.admin_base import ContentAdmin
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


class StepInline(admin.StackedInline):
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


class TransitionInline(admin.TabularInline):
    model = StepTransition
    fk_name = "from_step"
    extra = 0


@admin.register(Step)
class StepAdmin(admin.ModelAdmin):
    list_display = ("__str__", "route", "order", "branch")
    list_filter = ("route__region",)
    search_fields = ("title", "code", "route__name")
    autocomplete_fields = ("regie_role", "roles", "meetings")
    list_select_related = ("route",)
    inlines = (TransitionInline,)


class TriggerRuleInline(admin.TabularInline):
    model = TriggerRule
    extra = 0


@admin.register(Trigger)
class TriggerAdmin(ContentAdmin):
    list_display = ("name", "level", "route", "region", "status")
    search_fields = ("name",)
    autocomplete_fields = ("route", "step", "contact_role")
    inlines = (TriggerRuleInline,)


class SituationContactInline(admin.TabularInline):
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


class QuickscanItemInline(admin.TabularInline):
    model = QuickscanItem
    extra = 0


@admin.register(QuickscanTheme)
class QuickscanThemeAdmin(ContentAdmin):
    list_display = ("order", "name", "region", "status")
    search_fields = ("name",)
    inlines = (QuickscanItemInline,)
