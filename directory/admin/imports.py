"""The bulk import of schools and assignments in the admin: upload, a preview per row, confirm that plan, undo."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from directory import bulk_import
from directory.models import ImportBatch, ImportKind
from regions.admin.base import RegionScopedMixin
from regions.importing import ImportRefused, read_table, read_upload
from regions.params import ascii_int
from regions.permissions import editable_region_ids, editable_regions, is_editor


class ImportUploadForm(forms.Form):
    region = forms.ModelChoiceField(label=_("Regio"), queryset=None, error_messages={"required": _("Kies een regio.")})
    kind = forms.ChoiceField(label=_("Wat leest u in?"), choices=ImportKind.choices)
    file = forms.FileField(
        label=_("Bestand (.csv of .xlsx)"),
        help_text=_("Kolommen: zie de uitleg hieronder. De eerste regel bevat de kolomnamen."),
        error_messages={"required": _("Kies een bestand.")},
    )

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions


@admin.register(ImportBatch)
class ImportBatchAdmin(RegionScopedMixin, admin.ModelAdmin):
    """Bulk import of schools and assignments: upload, preview per row, confirm, and undo."""

    list_display = ("__str__", "region", "kind", "created_by", "created_count", "changed_count", "undone")
    list_filter = ("region", "kind", "undone")
    readonly_fields = ("region", "kind", "filename", "created_by", "created_at", "records", "undone")
    actions = ("undo",)
    region_path = "region"

    def _scope(self, request, qs, *, with_national: bool = False):
        return super()._scope(request, qs, with_national=False)

    def has_add_permission(self, request, *args) -> bool:
        return is_editor(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return False if obj is not None else super().has_change_permission(request, obj)

    def add_view(self, request, form_url="", extra_context=None):
        return redirect("admin:directory_importbatch_upload")

    def get_urls(self):
        return [
            path("inlezen/", self.admin_site.admin_view(self.upload_view), name="directory_importbatch_upload"),
            *super().get_urls(),
        ]

    def upload_view(self, request):
        """Upload → preview (kept as an ImportPlan) → confirm that very plan. Refusals are Dutch, 400, change nothing."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        regions = editable_regions(request.user).filter(is_national=False)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Scholen of toewijzingen inlezen"),
            "columns": bulk_import.COLUMN_HELP,
        }
        if request.method == "POST" and "confirm" in request.POST:
            try:
                plan_id = ascii_int(request.POST.get("plan"), max_digits=18)
                batch = bulk_import.plan_confirm(plan_id=plan_id, user=request.user, regions=regions)
            except ValidationError as exc:
                context.update(form=ImportUploadForm(regions=regions), refusal=" ".join(exc.messages))
                return TemplateResponse(request, "admin/directory/import.html", context, status=400)
            messages.success(
                request,
                _("Ingelezen: %(created)d nieuw, %(changed)d gewijzigd. U kunt dit ongedaan maken.")
                % {"created": batch.created_count, "changed": batch.changed_count},
            )
            return redirect("admin:directory_importbatch_changelist")
        form = ImportUploadForm(request.POST or None, request.FILES or None, regions=regions)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                data, sha256 = read_upload(upload)
                rows = read_table(upload.name, data, columns=bulk_import.COLUMNS)
            except ImportRefused as exc:
                form.add_error("file", str(exc))
            else:
                region, kind = form.cleaned_data["region"], form.cleaned_data["kind"]
                plans = bulk_import.plan_import(region, kind, rows)
                plan = bulk_import.plan_store(
                    region=region, kind=kind, filename=upload.name, sha256=sha256, plans=plans, user=request.user
                )
                counts = {a: sum(p.action == a for p in plans) for a in ("create", "change", "unchanged", "refuse")}
                context.update(plan=plan, plans=plans, region=region, refused=counts["refuse"], counts=counts)
        context["form"] = form
        return TemplateResponse(request, "admin/directory/import.html", context, status=400 if form.errors else 200)

    @admin.action(description=_("Import ongedaan maken"))
    def undo(self, request, queryset) -> None:
        done = 0
        for batch in queryset.filter(undone=False):
            if batch.region_id in editable_region_ids(request) or request.user.is_superuser:
                bulk_import.undo_import(batch, user=request.user)
                done += 1
        self.message_user(request, _("%(count)d import(s) ongedaan gemaakt.") % {"count": done}, messages.SUCCESS)
