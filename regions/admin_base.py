"""The base every content admin uses: history, publication and source fields in one place."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

PUBLICATION_FIELDSET = (
    _("Publicatie en controle"),
    {"fields": ("status", "publish_from", "expire_on", "checked_at", "checked_by"), "classes": ("collapse",)},
)
SOURCE_FIELDSET = (_("Bron"), {"fields": ("source_document", "source_section"), "classes": ("collapse",)})


class ContentAdmin(SimpleHistoryAdmin):
    """Shared behaviour of every content admin (region scoping is added here, once)."""

    list_filter: tuple = ("region", "status")
    readonly_fields: tuple = ("checked_at", "checked_by", "created_at", "updated_at")
    list_select_related: tuple = ("region",)
    save_on_top = True

    @admin.display(description=_("bron"))
    def source_label(self, obj) -> str:
        return obj.source_title
