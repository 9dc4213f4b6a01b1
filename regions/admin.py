"""Admin for regions, municipalities, samenwerkingsverbanden, memberships and corrections."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from regions.admin_base import PUBLICATION_FIELDSET, SOURCE_FIELDSET, ContentAdmin
from regions.models import Correction, Municipality, Partnership, Region, RegionMembership, Sector


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ("name", "slug", "is_national", "maintainer", "order")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "order")


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ("name", "region")
    list_filter = ("region",)
    search_fields = ("name",)
    list_select_related = ("region",)


@admin.register(Partnership)
class PartnershipAdmin(ContentAdmin):
    list_display = ("name", "sector", "region", "status")
    search_fields = ("name",)
    autocomplete_fields = ("organisation",)
    filter_horizontal = ("municipalities",)
    fieldsets = (
        (None, {"fields": ("region", "name", "slug", "sector", "organisation", "municipalities")}),
        PUBLICATION_FIELDSET,
        SOURCE_FIELDSET,
    )


@admin.register(RegionMembership)
class RegionMembershipAdmin(SimpleHistoryAdmin):
    list_display = ("user", "region", "role")
    list_filter = ("region", "role")
    search_fields = ("user__username", "user__email")
    autocomplete_fields = ("user",)
    list_select_related = ("user", "region")


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ("page_title", "region", "status", "created_at")
    list_filter = ("status", "region")
    search_fields = ("message", "page_url")
    readonly_fields = ("region", "page_url", "page_title", "message", "contact_email", "created_at", "handled_at", "handled_by")
    list_select_related = ("region",)
