"""History, versions, deletes and restores in the admin, all judged by the object's current region.

django-simple-history's own views judge an object by the version being looked at and save a version form on POST
after checking only *view* permission; that let an editor take over national content or pull back an object a
superuser had moved to another region. Here every history page, version page (GET and POST), "verwijderd" list
and restore asks `regions.permissions.standing`, and deletes go through the prullenbak (`regions.trash`).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from regions import trash
from regions.models import DeletedObject
from regions.permissions import Standing, editable_region_ids, region_of, standing


class HistoryAdminMixin:
    """For a region-scoped SimpleHistoryAdmin: history and version views by current region, a prullenbak per model."""

    change_list_template = "admin/change_list_with_trash.html"

    def standing(self, request, object_id) -> Standing:
        return standing(request, self.model, self.region_path, object_id)

    def refuse(self, request, message: str, *, status: int = 403, back: str = "") -> TemplateResponse:
        """A refused action: a Dutch reason, a way back and a 4xx status; nothing has been changed."""
        context = {**self.admin_site.each_context(request), "title": _("Dit kan niet"), "message": message, "back": back}
        return TemplateResponse(request, "admin/refused.html", context, status=status)

    def version_refusal(self, request, version: models.Model) -> str | None:
        """Why this user may not put `version` back, in Dutch; None when they may."""
        now = self.standing(request, version.pk)
        if not now.may_change:
            if now.region is not None and now.region.is_national:
                return "Landelijke inhoud kunt u alleen bekijken; de landelijke redactie houdt die bij."
            return "U kunt dit item alleen bekijken."
        if now.deleted:
            return (
                "Dit item is verwijderd. Zet het terug via 'Verwijderd' bij dit soort items, of bij het item waarmee het "
                "samen is verwijderd (zoals de route van een stap); dan komt alles wat erbij hoorde ook terug."
            )
        then = region_of(version, self.region_path)
        if not request.user.is_superuser and getattr(then, "pk", None) != now.region.pk:
            return (
                f"Deze versie hoort bij regio {then or 'onbekend'}, het item staat nu in regio {now.region}. "
                "Alleen een beheerder kan een versie uit een andere regio terugzetten."
            )
        return None

    # simple-history asks these three before showing or saving anything.
    def has_view_history_or_change_history_permission(self, request, obj=None) -> bool:
        return self.has_view_history_permission(request, obj)

    def has_view_history_permission(self, request, obj=None) -> bool:
        return self.has_view_permission(request) if obj is None else self.standing(request, obj.pk).may_view

    def has_change_history_permission(self, request, obj=None) -> bool:
        return self.has_change_permission(request) if obj is None else self.version_refusal(request, obj) is None

    def history_view(self, request, object_id, extra_context=None):
        if not self.standing(request, object_id).may_view:
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        now = self.standing(request, object_id)
        if not now.may_view:
            raise Http404
        versions = self.model.history.filter(**{self.model._meta.pk.attname: now.pk})
        version = versions.filter(history_id=version_id).first() if str(version_id).isdigit() else None
        if version is None:
            raise Http404
        refusal = self.version_refusal(request, version.instance)
        if refusal and request.method == "POST":
            back = reverse(f"admin:{self.model._meta.app_label}_{self.model._meta.model_name}_history", args=[now.pk])
            return self.refuse(request, refusal, status=409 if now.deleted and now.may_change else 403, back=back)
        if refusal:
            messages.warning(request, refusal)
            request._wdw_read_only_version = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def showing_read_only_version(self, request) -> bool:
        """True while rendering a version page whose version this user may not put back."""
        return getattr(request, "_wdw_read_only_version", False)

    def render_history_view(self, request, template, context, **kwargs):
        if self.showing_read_only_version(request) and "adminform" in context:
            # A version the user may not put back is shown like a view-only change page: values, no inputs.
            obj, form = context["original"], context["adminform"].form
            fieldsets = self.get_fieldsets(request, obj)
            context["adminform"] = helpers.AdminForm(form, fieldsets, {}, flatten_fieldsets(fieldsets), model_admin=self)
        return super().render_history_view(request, template, context, **kwargs)

    # -- the prullenbak -------------------------------------------------------------------------------------------

    def delete_model(self, request, obj) -> None:
        trash.discard(obj, user=request.user)

    def delete_queryset(self, request, queryset) -> None:
        # Bulk delete: every object is checked, not only the list the user was shown.
        objects = list(queryset)
        if not all(self.has_delete_permission(request, obj) for obj in objects):
            raise PermissionDenied
        for obj in objects:
            trash.discard(obj, user=request.user)

    def get_urls(self):
        prefix = f"{self.model._meta.app_label}_{self.model._meta.model_name}"
        return [
            path("verwijderd/", self.admin_site.admin_view(self.deleted_view), name=f"{prefix}_deleted"),
            path("verwijderd/<int:entry_id>/", self.admin_site.admin_view(self.restore_view), name=f"{prefix}_restore"),
            *super().get_urls(),
        ]

    def _entries(self, request):
        """This model's prullenbak entries in the user's regions.

        An entry stores the region its object had when deleted, which is the region of its last version, so the list
        takes one query; restoring judges the object again through `standing`.
        """
        entries = DeletedObject.objects.pending().of_model(self.model).select_related("deleted_by")
        if not request.user.is_superuser:
            entries = entries.filter(region_id__in=editable_region_ids(request))
        return entries

    def deleted_view(self, request):
        """Deleted objects of the user's regions, each with everything that was deleted with it."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("Verwijderde %(items)s") % {"items": opts.verbose_name_plural},
            "opts": opts,
            "entries": self._entries(request)[:200],
        }
        return TemplateResponse(request, "admin/deleted_items.html", context)

    def restore_view(self, request, entry_id: int):
        """Shows what comes back and asks to confirm (GET); restores all of it in one transaction (POST)."""
        entry = self._entries(request).filter(pk=entry_id).first()
        if entry is None:
            raise Http404
        now = self.standing(request, entry.object_id)
        if not now.may_change:
            raise Http404
        opts = self.model._meta
        deleted_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_deleted")
        if request.method == "POST":
            try:
                result = trash.restore(entry, user=request.user)
            except trash.RestoreRefused as exc:
                return self.refuse(request, str(exc), status=409, back=deleted_url)
            messages.success(request, f"'{entry.label}' is teruggezet, met alles wat erbij hoorde ({len(result.objects)} rijen).")
            if result.dropped_links:
                messages.warning(request, "Niet teruggezet, want inmiddels verwijderd: " + ", ".join(result.dropped_links) + ".")
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[entry.object_id]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("%(item)s terugzetten") % {"item": entry.label},
            "opts": opts,
            "entry": entry,
            "deleted_url": deleted_url,
        }
        return TemplateResponse(request, "admin/restore_confirm.html", context)


class TrashInlineMixin:
    """An inline whose "verwijderen" box puts the row (with what hangs on it) in the prullenbak, e.g. a route's step."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        user = request.user

        class TrashingFormSet(formset):
            def delete_existing(self, obj, commit=True):
                if commit:
                    trash.discard(obj, user=user)

        return TrashingFormSet
