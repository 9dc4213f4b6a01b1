"""Forms of the route pages, and the forms the admin and the content loader share for routes and their parts.

The attendance check keeps nothing: its answers live only in the URL.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from regions.forms import CONTENT_FIELDS
from routes.models import (
    Phase,
    QuickscanItem,
    QuickscanTheme,
    Route,
    Situation,
    SituationContact,
    Step,
    StepTransition,
    Topic,
    Trigger,
    TriggerRule,
)


class PhaseForm(forms.ModelForm):
    class Meta:
        model = Phase
        fields = [
            "region",
            "slug",
            "order",
            "name",
            "description",
            "education_tasks",
            "youth_care_tasks",
            "shared_tasks",
            *CONTENT_FIELDS,
        ]


class RouteForm(forms.ModelForm):
    class Meta:
        model = Route
        fields = ["region", "slug", "name", "kind", "sectors", "summary", *CONTENT_FIELDS]


class StepForm(forms.ModelForm):
    class Meta:
        model = Step
        fields = [
            "route",
            "slug",
            "order",
            "code",
            "title",
            "branch",
            "phase",
            "description",
            "regie_role",
            "regie_text",
            "roles",
            "meetings",
            "parents",
            "deadlines",
            "requires",
            "source_document",
            "source_section",
        ]


class StepTransitionForm(forms.ModelForm):
    class Meta:
        model = StepTransition
        fields = ["from_step", "to_step", "kind", "label"]


class TriggerForm(forms.ModelForm):
    class Meta:
        model = Trigger
        fields = [
            "region",
            "slug",
            "name",
            "description",
            "route",
            "step",
            "contact_role",
            "level",
            "match",
            "target_share",
            "situations",
            *CONTENT_FIELDS,
        ]


class TriggerRuleForm(forms.ModelForm):
    class Meta:
        model = TriggerRule
        fields = ["trigger", "metric", "op", "value"]


class SituationForm(forms.ModelForm):
    class Meta:
        model = Situation
        fields = ["region", "slug", "title", "description", "keywords", "sectors", "route", "step", "faqs", *CONTENT_FIELDS]

    def clean(self) -> dict:
        cleaned = super().clean()
        region = cleaned.get("region")
        if region is not None and any(not region.accepts(faq.region) for faq in cleaned.get("faqs") or []):
            self.add_error("faqs", _("Kies vragen uit dezelfde regio of landelijke vragen."))
        return cleaned


class SituationContactForm(forms.ModelForm):
    class Meta:
        model = SituationContact
        fields = ["situation", "role", "order"]


class TopicForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["region", "slug", "order", "title", "body", "routes", "steps", "situations", *CONTENT_FIELDS]

    def clean(self) -> dict:
        cleaned = super().clean()
        region = cleaned.get("region")
        if region is not None:
            others = [
                *(r for r in cleaned.get("routes") or [] if r.region_id != region.pk),
                *(s for s in cleaned.get("steps") or [] if s.route.region_id != region.pk),
                *(s for s in cleaned.get("situations") or [] if s.region_id != region.pk),
            ]
            if others:
                raise forms.ValidationError(
                    _("Koppel een onderwerp alleen aan routes, stappen en situaties uit dezelfde regio."), code="other_region"
                )
        return cleaned


class QuickscanThemeForm(forms.ModelForm):
    class Meta:
        model = QuickscanTheme
        fields = ["region", "slug", "order", "name", "description", *CONTENT_FIELDS]


class QuickscanItemForm(forms.ModelForm):
    class Meta:
        model = QuickscanItem
        fields = ["theme", "order", "text"]


# Plain text boxes with a numeric keyboard: type="number" would refuse a Dutch decimal comma in some browsers.
NUMBER = forms.TextInput(attrs={"inputmode": "decimal", "class": "utrecht-textbox--sm"})


def whole_number(label, maximum: int) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        widget=NUMBER,
        required=False,
        min_value=0,
        max_value=maximum,
        error_messages={
            "min_value": _("Vul 0 of meer in."),
            "max_value": _("Vul hooguit %(max)d in.") % {"max": maximum},
            "invalid": _("Vul een heel getal in."),
        },
    )


class AttendanceCheckForm(forms.Form):
    sick_reports_12w = whole_number(_("Aantal ziekmeldingen in de laatste 12 weken"), 60)
    consecutive_sick_days = whole_number(_("Aantal dagen achter elkaar ziek (nu)"), 365)
    # Amsterdam's thuiszitter rule counts whole weeks without any school (TriggerRule.Metric.ABSENT_WEEKS).
    absent_weeks = whole_number(_("Aantal weken volledig zonder onderwijs (nu)"), 104)
    unexcused_hours_4w = forms.DecimalField(
        label=_("Uren ongeoorloofd verzuim in de laatste 4 weken"),
        widget=NUMBER,
        required=False,
        min_value=0,
        max_value=200,
        decimal_places=1,
        localize=True,
        error_messages={
            "min_value": _("Vul 0 of meer in."),
            "max_value": _("Vul hooguit 200 in."),
            "invalid": _("Vul een getal in."),
            "max_decimal_places": _("Gebruik hooguit één cijfer achter de komma."),
        },
    )
    attendance_pct = forms.DecimalField(
        label=_("Aanwezigheid in procenten"),
        widget=NUMBER,
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=1,
        localize=True,
        error_messages={
            "min_value": _("Een percentage ligt tussen 0 en 100."),
            "max_value": _("Een percentage ligt tussen 0 en 100."),
            "invalid": _("Vul een getal in, bijvoorbeeld 87,5."),
            "max_decimal_places": _("Gebruik hooguit één cijfer achter de komma."),
        },
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if not self.errors and all(v is None for v in cleaned.values()):
            raise forms.ValidationError(_("Vul minstens één gegeven in."), code="empty")
        return cleaned
