"""'Gezocht maar niet gevonden': editors see what people searched in their regions and found nothing for, or
did not follow, with counts, so they can add zoekwoorden. Read-only; rows go after 90 days."""

from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from front.models import SearchLog
from regions.admin.base import RegionScopedMixin


class OutcomeFilter(admin.SimpleListFilter):
    title = _("uitkomst")
    parameter_name = "uitkomst"

    def lookups(self, request, model_admin):
        return [("niets", _("Niets gevonden")), ("niet-gekozen", _("Gevonden, niets gekozen"))]

    def queryset(self, request, queryset):
        if self.value() == "niets":
            return queryset.filter(results=0)
        if self.value() == "niet-gekozen":
            return queryset.filter(results__gt=0, followed=0)
        return queryset


@admin.register(SearchLog)
class SearchLogAdmin(RegionScopedMixin, admin.ModelAdmin):
    list_display = ("query", "region", "date", "searches", "results", "followed")
    list_filter = (OutcomeFilter, "region")
    search_fields = ("query",)
    date_hierarchy = "date"
    ordering = ("-searches", "query")
    list_select_related = ("region",)
    region_path = "region"  # a search is not content: it belongs to the region it was made in

    def get_queryset(self, request):
        # Searches that found something and were followed need no zoekwoorden: they are not shown.
        return super().get_queryset(request).filter(Q(results=0) | Q(followed=0))

    def _scope(self, request, qs, *, with_national: bool = False):
        return super()._scope(request, qs, with_national=False)

    def has_add_permission(self, request, *args) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
