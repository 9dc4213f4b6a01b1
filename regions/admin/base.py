"""The base every content admin uses: region scoping, history, publication, verification and source fields.

Scoping is enforced on the server in one place. An editor of region A:
- sees A's objects and the national ones (read-only), never B's: lists, change views, history, autocomplete and
  bulk actions all start from `get_queryset`, and every object-level permission checks the object's region
  (`regions.permissions.region_allows`); history, version and restore views judge the object's *current* region
  (`regions.admin.history`);
- can only choose A's (or national) objects in foreign keys, and only A as the region of new content.
Superusers manage everything, including regions and people.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from regions.admin.history import HistoryAdminMixin
from regions.models import Region
from regions.models.content import CHECK_INTERVAL_MONTHS
from regions.permissions import editable_region_ids, is_editor, region_allows, region_of

PUBLICATION_FIELDSET = (
    _("Publicatie en controle"),
    {"fields": ("status", "publish_from", "expire_on", "mark_checked", "checked_at", "checked_by", "updated_at")},
)
SOURCE_FIELDSET = (_("Bron"), {"fields": ("source_document", "source_section"), "classes": ("collapse",)})


class RegionScopedMixin:
    """Scopes an admin to the user's regions, reaching the Region through the model's own `region_path`."""

    @property
    def region_path(self) -> str:
        return self.model.region_path

    def _scope(self, request, qs: QuerySet, *, with_national: bool = True) -> QuerySet:
        if request.user.is_superuser:
            return qs
        ids = editable_region_ids(request)
        if with_national:
            return qs.filter(Region.accepted_by(self.region_path, ids))
        return qs.filter(**{f"{self.region_path}__in": ids})

    def get_queryset(self, request):
        return self._scope(request, super().get_queryset(request))

    def _region_allows(self, request, obj, *, write: bool) -> bool:
        if obj is None:
            return request.user.is_superuser or is_editor(request)
        region = region_of(obj, self.region_path)
        if region is None and obj.pk is None:
            return write and is_editor(request)  # a new child whose parent is not chosen yet; the form limits the choice
        return region_allows(request, region, write=write)

    def has_module_permission(self, request) -> bool:
        return is_editor(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._region_allows(request, obj, write=False) or self._region_allows(request, obj, write=True)

    def has_add_permission(self, request, *args) -> bool:
        return is_editor(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._region_allows(request, obj, write=True)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._region_allows(request, obj, write=True)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return self._limit(db_field, request, field)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        return self._limit(db_field, request, field)

    def _limit(self, db_field, request, field):
        return limit_choices(db_field, request, field)

    def get_search_results(self, request, queryset, search_term):
        # Autocomplete asks the *target* admin; its get_queryset is scoped, so foreign regions never leak.
        return super().get_search_results(request, self._scope(request, queryset), search_term)


def limit_choices(db_field, request, field):
    """Offer only the user's regions, and related content those regions may point at (theirs, or national)."""
    if field is None or request.user.is_superuser or not hasattr(field, "queryset"):
        return field
    related = db_field.related_model
    if related is Region:
        field.queryset = field.queryset.filter(pk__in=editable_region_ids(request))
    elif hasattr(related, "region_path"):
        field.queryset = field.queryset.filter(Region.accepted_by(related.region_path, editable_region_ids(request)))
    return field


class ScopedInlineMixin:
    """Inlines follow their parent's permission; their own foreign keys are limited like the parent's."""

    def _parent_allows(self, request, obj) -> bool:
        if obj is None:
            return request.user.is_superuser or is_editor(request)
        return region_allows(request, region_of(obj, type(obj).region_path), write=True)

    def has_add_permission(self, request, obj=None) -> bool:
        return self._parent_allows(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._parent_allows(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._parent_allows(request, obj)

    def has_view_permission(self, request, obj=None) -> bool:
        return is_editor(request)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return limit_choices(db_field, request, super().formfield_for_foreignkey(db_field, request, **kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return limit_choices(db_field, request, super().formfield_for_manytomany(db_field, request, **kwargs))


class CheckedFilter(admin.SimpleListFilter):
    title = _("gecontroleerd")
    parameter_name = "gecontroleerd"

    def lookups(self, request, model_admin):
        return [
            ("verlopen", _("Langer dan %(months)d maanden geleden of nooit") % {"months": CHECK_INTERVAL_MONTHS}),
            ("recent", _("In de afgelopen %(months)d maanden") % {"months": CHECK_INTERVAL_MONTHS}),
        ]

    def queryset(self, request, queryset):
        if self.value() == "verlopen":
            return queryset.overdue_for_check()
        if self.value() == "recent":
            return queryset.checked_recently()
        return queryset


class ContentForm(forms.ModelForm):
    mark_checked = forms.BooleanField(
        label=_("Gecontroleerd tegen de werkelijkheid"),
        required=False,
        help_text=_("Vink aan als u de gegevens net heeft nagekeken. Opslaan zonder vinkje verandert de controledatum niet."),
    )


class ScopedHistoryAdmin(RegionScopedMixin, HistoryAdminMixin, SimpleHistoryAdmin):
    """A region-scoped admin with history, versions and a prullenbak, all judged by the object's current region."""


class ContentAdmin(ScopedHistoryAdmin):
    """Shared behaviour of every content admin."""

    form = ContentForm
    list_filter: tuple = ("region", "status", CheckedFilter)
    readonly_fields: tuple = ("checked_at", "checked_by", "created_at", "updated_at", "preview_link")
    list_select_related: tuple = ("region",)
    actions = ("action_mark_checked", "publish", "unpublish")
    history_list_display = ("changed_fields",)
    save_on_top = True

    def get_form(self, request, obj=None, **kwargs):
        if "mark_checked" not in self.form.base_fields:
            # Admins with their own form (e.g. SchoolForm) still get the verification checkbox.
            kwargs["form"] = type(f"{self.form.__name__}Checked", (self.form, ContentForm), {})
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change) -> None:
        if form.cleaned_data.get("mark_checked"):
            obj.checked_at = timezone.now()
            obj.checked_by = request.user
        super().save_model(request, obj, form, change)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        names = {name for _title, options in fieldsets for name in options.get("fields", ())}
        if "mark_checked" not in names and "status" in names:
            fieldsets = [*fieldsets, (_("Controle"), {"fields": ("mark_checked",)})]
        if obj is not None and "preview_link" not in names:
            fieldsets = [(None, {"fields": ("preview_link",)}), *fieldsets]
        if obj is not None and (not self.has_change_permission(request, obj) or self.showing_read_only_version(request)):
            # Read-only (national content for an editor, a version that cannot be put back): no verification checkbox.
            fieldsets = [
                (title, {**opts, "fields": tuple(f for f in opts.get("fields", ()) if f != "mark_checked")})
                for title, opts in fieldsets
            ]
        return fieldsets

    @admin.display(description=_("voorbeeld"))
    def preview_link(self, obj) -> str:
        if not obj or not obj.pk:
            return "—"
        try:
            url = obj.get_absolute_url()
        except Exception:  # noqa: BLE001 - an object without a public page has nothing to preview
            return "—"
        return format_html(
            '<a href="/voorbeeld{}" target="_blank" rel="noopener">{}</a>',
            url,
            _("Bekijk zoals de pagina eruitziet (ook als concept)"),
        )

    @admin.display(description=_("gewijzigde velden"))
    def changed_fields(self, record) -> str:
        previous = record.prev_record
        if previous is None:
            return _("aangemaakt")
        delta = record.diff_against(previous)
        return ", ".join(f"{c.field}: {str(c.old)[:40]!r} → {str(c.new)[:40]!r}" for c in delta.changes) or _("geen wijziging")

    @admin.action(description=_("Markeer als gecontroleerd"))
    def action_mark_checked(self, request, queryset) -> None:
        allowed = [obj for obj in queryset if self.has_change_permission(request, obj)]
        for obj in allowed:
            obj.checked_at = timezone.now()
            obj.checked_by = request.user
            obj.save(update_fields=["checked_at", "checked_by", "updated_at"])
        self.message_user(
            request, _("%(count)d item(s) gemarkeerd als gecontroleerd.") % {"count": len(allowed)}, messages.SUCCESS
        )

    @admin.action(description=_("Publiceren"))
    def publish(self, request, queryset) -> None:
        self._set_status(request, queryset, "published")

    @admin.action(description=_("Terugzetten naar concept"))
    def unpublish(self, request, queryset) -> None:
        self._set_status(request, queryset, "draft")

    def _set_status(self, request, queryset, status: str) -> None:
        allowed = [obj for obj in queryset if self.has_change_permission(request, obj)]
        for obj in allowed:
            obj.status = status
            obj.save()
        self.message_user(request, _("%(count)d item(s) bijgewerkt.") % {"count": len(allowed)}, messages.SUCCESS)
