"""Forms of the route pages. The attendance check keeps nothing: its answers live only in the URL."""

from django import forms


class AttendanceCheckForm(forms.Form):
    sick_reports_12w = forms.IntegerField(
        label="Aantal ziekmeldingen in de laatste 12 weken", required=False, min_value=0, max_value=60,
        error_messages={"min_value": "Vul 0 of meer in.", "max_value": "Vul hooguit 60 in.", "invalid": "Vul een heel getal in."},
    )  # fmt: skip
    consecutive_sick_days = forms.IntegerField(
        label="Aantal dagen achter elkaar ziek (nu)", required=False, min_value=0, max_value=365,
        error_messages={"min_value": "Vul 0 of meer in.", "max_value": "Vul hooguit 365 in.", "invalid": "Vul een heel getal in."},
    )  # fmt: skip
    unexcused_hours_4w = forms.DecimalField(
        label="Uren ongeoorloofd verzuim in de laatste 4 weken", required=False, min_value=0, max_value=200, decimal_places=1,
        error_messages={"min_value": "Vul 0 of meer in.", "max_value": "Vul hooguit 200 in.", "invalid": "Vul een getal in.",
                        "max_decimal_places": "Gebruik hooguit één cijfer achter de komma."},
    )  # fmt: skip
    attendance_pct = forms.DecimalField(
        label="Aanwezigheid in procenten", required=False, min_value=0, max_value=100, decimal_places=1,
        error_messages={"min_value": "Een percentage ligt tussen 0 en 100.", "max_value": "Een percentage ligt tussen 0 en 100.",
                        "invalid": "Vul een getal in, bijvoorbeeld 87,5.", "max_decimal_places": "Gebruik hooguit één cijfer achter de komma."},
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("unexcused_hours_4w", "attendance_pct"):
            self.fields[name].localize = True
            self.fields[name].widget.is_localized = True

    def clean(self) -> dict:
        cleaned = super().clean()
        if not self.errors and all(v is None for v in cleaned.values()):
            raise forms.ValidationError("Vul minstens één gegeven in.", code="empty")
        return cleaned
