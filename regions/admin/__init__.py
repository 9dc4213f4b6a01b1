"""Admin for regions, sectors, municipalities, memberships and corrections; the content admins' base is in `base`."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from regions.admin.base import RegionScopedMixin, ScopedHistoryAdmin
from regions.models import Correction, CorrectionStatus, Municipality, Region, RegionMembership, Sector


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    """Superusers only. Regions keep no version history, so their history page is Django's log of admin changes."""

    list_display = ("name", "slug", "is_national", "maintainer", "order")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "order")


@admin.register(Municipality)
class MunicipalityAdmin(ScopedHistoryAdmin):
    list_display = ("name", "region")
    list_filter = ("region",)
    search_fields = ("name",)
    list_select_related = ("region",)


@admin.register(RegionMembership)
class RegionMembershipAdmin(SimpleHistoryAdmin):
    list_display = ("user", "region", "role")
    list_filter = ("region", "role")
    search_fields = ("user__username", "user__email")
    autocomplete_fields = ("user",)
    list_select_related = ("user", "region")


@admin.register(Correction)
class CorrectionAdmin(RegionScopedMixin, admin.ModelAdmin):
    """The "Klopt dit niet?" queue: editors see their regions' reports and accept or dismiss them."""

    list_display = ("page_title", "page_link", "region", "status", "created_at")
    list_filter = ("status", "region")
    search_fields = ("message", "page_url")
    readonly_fields = ("region", "page_link", "page_title", "message", "contact_email", "created_at", "handled_at", "handled_by")
    fields = ("status", *readonly_fields)
    list_select_related = ("region",)
    actions = ("accept", "dismiss")
    region_path = "region"  # a report is not content: it belongs to the region of the page it is about

    def _scope(self, request, qs, *, with_national: bool = False):
        return super()._scope(request, qs, with_national=False)

    def has_add_permission(self, request, *args) -> bool:
        return False  # visitors send corrections through the public form

    @admin.display(description=_("pagina"))
    def page_link(self, obj) -> str:
        return format_html('<a href="{}">{}</a>', obj.page_url, obj.page_url)

    def _handle(self, request, queryset, status: str, label: str) -> None:
        allowed = [c for c in queryset if self.has_change_permission(request, c)]
        for correction in allowed:
            correction.status = status
            correction.handled_at = timezone.now()
            correction.handled_by = request.user
            correction.save()
        self.message_user(
            request, _("%(count)d correctie(s) %(what)s.") % {"count": len(allowed), "what": label}, messages.SUCCESS
        )

    @admin.action(description=_("Markeer als verwerkt"))
    def accept(self, request, queryset) -> None:
        self._handle(request, queryset, CorrectionStatus.ACCEPTED, _("verwerkt"))

    @admin.action(description=_("Afwijzen"))
    def dismiss(self, request, queryset) -> None:
        self._handle(request, queryset, CorrectionStatus.DISMISSED, _("afgewezen"))
