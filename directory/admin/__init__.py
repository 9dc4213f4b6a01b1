"""Admin for organisations, samenwerkingsverbanden, roles, schools, assignments, meetings and the glossary.

Every admin uses the form the content loader and the importers use (`directory.forms`); the bulk import of schools
and assignments is in `imports`.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from directory.admin.evaluations import MeetingEvaluationAdmin
from directory.admin.imports import ImportBatchAdmin
from directory.forms import (
    DUO_FIELDS,
    AssignmentForm,
    ContactChannelForm,
    FaqForm,
    GlossaryTermForm,
    MeetingForm,
    OpeningHoursForm,
    OrganisationForm,
    PartnershipForm,
    ResponsibilityForm,
    RoleForm,
    SchoolForm,
    SchoolScopeForm,
    ServiceAreaForm,
)
from directory.models import (
    Assignment,
    ContactChannel,
    Faq,
    GlossaryTerm,
    Meeting,
    OpeningHours,
    Organisation,
    Partnership,
    Responsibility,
    Role,
    School,
    SchoolScope,
    ServiceArea,
)
from regions.admin.base import PUBLICATION_FIELDSET, SOURCE_FIELDSET, ContentAdmin, ScopedInlineMixin

__all__ = ["ImportBatchAdmin", "MeetingEvaluationAdmin"]


class ContactChannelInline(ScopedInlineMixin, admin.TabularInline):
    model = ContactChannel
    form = ContactChannelForm
    extra = 0


class OpeningHoursInline(ScopedInlineMixin, admin.TabularInline):
    model = OpeningHours
    form = OpeningHoursForm
    extra = 0


class ServiceAreaInline(ScopedInlineMixin, admin.TabularInline):
    model = ServiceArea
    form = ServiceAreaForm
    extra = 0
    autocomplete_fields = ("municipality",)


@admin.register(Organisation)
class OrganisationAdmin(ContentAdmin):
    form = OrganisationForm
    list_display = ("name", "kind", "region", "status", "updated_at")
    list_filter = ("region", "kind", "status")
    search_fields = ("name", "short_name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (ContactChannelInline, OpeningHoursInline, ServiceAreaInline)
    fieldsets = (
        (None, {"fields": ("region", "name", "short_name", "slug", "kind", "description", "keywords")}),
        PUBLICATION_FIELDSET,
        SOURCE_FIELDSET,
    )


@admin.register(Role)
class RoleAdmin(ContentAdmin):
    form = RoleForm
    list_display = ("name", "abbreviation", "organisation", "region", "status")
    list_filter = ("region", "sectors", "status")
    search_fields = ("name", "abbreviation", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("organisation",)
    filter_horizontal = ("sectors",)
    list_select_related = ("region", "organisation")
    fieldsets = (
        (None, {"fields": ("region", "name", "abbreviation", "slug", "organisation", "sectors", "summary", "keywords")}),
        (_("Handboek"), {"fields": ("tasks", "approach_for", "not_for", "contact")}),
        PUBLICATION_FIELDSET,
        SOURCE_FIELDSET,
    )


class AssignmentInline(ScopedInlineMixin, admin.TabularInline):
    model = Assignment
    form = AssignmentForm
    extra = 0
    fields = ("role", "person_name", "organisation", "phone", "email", "visibility", "status", "is_demo", "order")
    autocomplete_fields = ("role", "organisation")


@admin.register(School)
class SchoolAdmin(ContentAdmin):
    form = SchoolForm
    list_display = ("name", "sector", "municipality", "brin", "location_number", "region", "is_demo", "closed_on", "status")
    list_filter = ("region", "sector", "is_demo", "status")
    search_fields = ("name", "brin", "city", "postcode")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("municipality", "partnership")
    list_select_related = ("region", "sector", "municipality")
    inlines = (AssignmentInline,)
    fieldsets = (
        (None, {"fields": ("region", "name", "slug", "sector", "municipality", "partnership", "is_demo")}),
        (
            _("Adres en contact"),
            {"fields": ("brin", "location_number", "street", "postcode", "city", "phone", "email", "website")},
        ),
        (
            _("Uit DUO's lijst"),
            {"fields": DUO_FIELDS, "classes": ("collapse",)},
        ),
        PUBLICATION_FIELDSET,
        SOURCE_FIELDSET,
    )


@admin.register(Assignment)
class AssignmentAdmin(ContentAdmin):
    form = AssignmentForm
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
    form = MeetingForm
    list_display = ("name", "abbreviation", "region", "status")
    search_fields = ("name", "abbreviation")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("chair",)
    filter_horizontal = ("members", "sectors")


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(ContentAdmin):
    form = GlossaryTermForm
    list_display = ("term", "abbreviation", "region", "status")
    search_fields = ("term", "abbreviation", "slug")
    prepopulated_fields = {"slug": ("term",)}


@admin.register(Faq)
class FaqAdmin(ContentAdmin):
    form = FaqForm
    list_display = ("question", "region", "order", "status")
    search_fields = ("question", "answer")


@admin.register(Responsibility)
class ResponsibilityAdmin(ContentAdmin):
    form = ResponsibilityForm
    list_display = ("topic", "region", "order", "status")
    search_fields = ("topic",)


@admin.register(Partnership)
class PartnershipAdmin(ContentAdmin):
    form = PartnershipForm
    list_display = ("name", "sector", "region", "status")
    search_fields = ("name",)
    autocomplete_fields = ("organisation",)
    filter_horizontal = ("municipalities",)
    fieldsets = (
        (None, {"fields": ("region", "name", "slug", "sector", "organisation", "municipalities")}),
        PUBLICATION_FIELDSET,
        SOURCE_FIELDSET,
    )


@admin.register(SchoolScope)
class SchoolScopeAdmin(ContentAdmin):
    """Which municipalities and sectors a region's handbook covers; the DUO import and the school pages follow it."""

    form = SchoolScopeForm
    list_display = ("__str__", "coverage", "partnership_known", "region", "status")
    list_filter = ("region", "coverage")
    list_select_related = ("region", "municipality")
    filter_horizontal = ("sectors",)
    fieldsets = (
        (None, {"fields": ("region", "municipality", "place", "sectors", "coverage", "partnership_known")}),
        (_("Wat het handboek zegt"), {"fields": ("covers", "not_covered")}),
        PUBLICATION_FIELDSET,
        SOURCE_FIELDSET,
    )
