"""Admin for organisations, roles, schools, assignments, meetings and the glossary."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from directory import bulk_import, import_files
from directory.forms import SchoolForm
from directory.models import (
    Assignment,
    ContactChannel,
    Faq,
    GlossaryTerm,
    ImportBatch,
    ImportKind,
    Meeting,
    OpeningHours,
    Organisation,
    Responsibility,
    Role,
    School,
    ServiceArea,
)
from regions.admin_base import (
    PUBLICATION_FIELDSET,
    SOURCE_FIELDSET,
    ContentAdmin,
    RegionScopedMixin,
    ScopedInlineMixin,
    editable_region_ids,
    editable_regions,
    is_editor,
)
from regions.params import ascii_int


class ContactChannelInline(ScopedInlineMixin, admin.TabularInline):
    model = ContactChannel
    extra = 0


class OpeningHoursInline(ScopedInlineMixin, admin.TabularInline):
    model = OpeningHours
    extra = 0


class ServiceAreaInline(ScopedInlineMixin, admin.TabularInline):
    model = ServiceArea
    extra = 0
    autocomplete_fields = ("municipality",)


@admin.register(Organisation)
class OrganisationAdmin(ContentAdmin):
    list_display = ("name", "kind", "region", "status", "updated_at")
    list_filter = ("region", "kind", "status")
    search_fields = ("name", "short_name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (ContactChannelInline, OpeningHoursInline, ServiceAreaInline)
    fieldsets = (
        (None, {"fields": ("region", "name", "short_name", "slug", "kind", "description")}),
        PUBLICATION_FIELDSET,
        SOURCE_FIELDSET,
    )


@admin.register(Role)
class RoleAdmin(ContentAdmin):
    list_display = ("name", "abbreviation", "organisation", "region", "status")
    list_filter = ("region", "sectors", "status")
    search_fields = ("name", "abbreviation", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("organisation",)
    filter_horizontal = ("sectors",)
    list_select_related = ("region", "organisation")
    fieldsets = (
        (None, {"fields": ("region", "name", "abbreviation", "slug", "organisation", "sectors", "summary")}),
        ("Handboek", {"fields": ("tasks", "approach_for", "not_for", "contact")}),
        PUBLICATION_FIELDSET,
        SOURCE_FIELDSET,
    )


class AssignmentInline(ScopedInlineMixin, admin.TabularInline):
    model = Assignment
    extra = 0
    fields = ("role", "person_name", "organisation", "phone", "email", "visibility", "status", "is_demo", "order")
    autocomplete_fields = ("role", "organisation")


@admin.register(School)
class SchoolAdmin(ContentAdmin):
    form = SchoolForm
    list_display = ("name", "sector", "municipality", "brin", "location_number", "region", "is_demo", "status")
    list_filter = ("region", "sector", "is_demo", "status")
    search_fields = ("name", "brin", "city", "postcode")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("municipality", "partnership")
    list_select_related = ("region", "sector", "municipality")
    inlines = (AssignmentInline,)
    fieldsets = (
        (None, {"fields": ("region", "name", "slug", "sector", "municipality", "partnership", "is_demo")}),
        ("Adres en contact", {"fields": ("brin", "location_number", "street", "postcode", "city", "phone", "email", "website")}),
        PUBLICATION_FIELDSET,
        SOURCE_FIELDSET,
    )


@admin.register(Assignment)
class AssignmentAdmin(ContentAdmin):
    list_display = ("person_name", "role", "school", "visibility", "region", "is_demo", "status")
    list_filter = ("region", "visibility", "is_demo", "status")
    search_fields = ("person_name", "school__name", "role__name")
    autocomplete_fields = ("school", "role", "organisation")
    list_select_related = ("region", "role", "school")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "region",
                    "school",
                    "role",
                    "person_name",
                    "organisation",
                    "phone",
                    "email",
                    "availability",
                    "visibility",
                    "order",
                    "is_demo",
                )
            },
        ),
        PUBLICATION_FIELDSET,
        SOURCE_FIELDSET,
    )


@admin.register(Meeting)
class MeetingAdmin(ContentAdmin):
    list_display = ("name", "abbreviation", "region", "status")
    search_fields = ("name", "abbreviation")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("chair",)
    filter_horizontal = ("members", "sectors")


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(ContentAdmin):
    list_display = ("term", "abbreviation", "region", "status")
    search_fields = ("term", "abbreviation", "slug")
    prepopulated_fields = {"slug": ("term",)}


@admin.register(Faq)
class FaqAdmin(ContentAdmin):
    list_display = ("question", "region", "order", "status")
    search_fields = ("question", "answer")


@admin.register(Responsibility)
class ResponsibilityAdmin(ContentAdmin):
    list_display = ("topic", "region", "order", "status")
    search_fields = ("topic",)


class ImportUploadForm(forms.Form):
    region = forms.ModelChoiceField(label="Regio", queryset=None, error_messages={"required": "Kies een regio."})
    kind = forms.ChoiceField(label="Wat leest u in?", choices=ImportKind.choices)
    file = forms.FileField(
        label="Bestand (.csv of .xlsx)",
        help_text="Kolommen: zie de uitleg hieronder. De eerste regel bevat de kolomnamen.",
        error_messages={"required": "Kies een bestand."},
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
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "title": "Scholen of toewijzingen inlezen",
                   "doc": bulk_import.__doc__}  # fmt: skip
        if request.method == "POST" and "confirm" in request.POST:
            try:
                batch = bulk_import.plan_confirm(plan_id=ascii_int(request.POST.get("plan"), max_digits=18), user=request.user,
                                                 regions=regions)  # fmt: skip
            except ValidationError as exc:
                context.update(form=ImportUploadForm(regions=regions), refusal=" ".join(exc.messages))
                return TemplateResponse(request, "admin/directory/import.html", context, status=400)
            messages.success(
                request, f"Ingelezen: {batch.created_count} nieuw, {batch.changed_count} gewijzigd. U kunt dit ongedaan maken."
            )
            return redirect("admin:directory_importbatch_changelist")
        form = ImportUploadForm(request.POST or None, request.FILES or None, regions=regions)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                data, sha256 = import_files.read_upload(upload)
                rows = import_files.read_table(upload.name, data)
            except import_files.ImportFileError as exc:
                form.add_error("file", str(exc))
            else:
                region, kind = form.cleaned_data["region"], form.cleaned_data["kind"]
                plans = bulk_import.plan_import(region, kind, rows)
                plan = bulk_import.plan_store(region=region, kind=kind, filename=upload.name, sha256=sha256, plans=plans,
                                              user=request.user)  # fmt: skip
                context.update(plan=plan, plans=plans, region=region, refused=sum(p.action == "refuse" for p in plans),
                               counts={a: sum(p.action == a for p in plans) for a in ("create", "change", "unchanged", "refuse")})  # fmt: skip
        context["form"] = form
        return TemplateResponse(request, "admin/directory/import.html", context, status=400 if form.errors else 200)

    @admin.action(description="Import ongedaan maken")
    def undo(self, request, queryset) -> None:
        done = 0
        for batch in queryset.filter(undone=False):
            if batch.region_id in editable_region_ids(request) or request.user.is_superuser:
                bulk_import.undo_import(batch, user=request.user)
                done += 1
        self.message_user(request, f"{done} import(s) ongedaan gemaakt.", messages.SUCCESS)
