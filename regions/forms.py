"""The "Klopt dit niet?" form: no login, a honeypot, a minimum fill time and a rate limit per address."""

from __future__ import annotations

import time

from django import forms
from django.core import signing

MIN_SECONDS = 3
MAX_AGE = 2 * 60 * 60
SALT = "wdw-correction"


class CorrectionForm(forms.Form):
    message = forms.CharField(
        label="Wat klopt er niet?",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Bijvoorbeeld: dit telefoonnummer is veranderd, of deze persoon werkt hier niet meer.",
        error_messages={"required": "Schrijf op wat er niet klopt.", "max_length": "Gebruik hooguit 3000 tekens."},
    )
    contact_email = forms.EmailField(
        label="Uw e-mailadres (niet verplicht)",
        required=False,
        help_text="Alleen als u wilt dat de redactie u iets terugvraagt.",
        error_messages={"invalid": "Dit is geen geldig e-mailadres."},
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = forms.CharField(label="Laat dit veld leeg", required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=SALT)

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError("Uw melding is niet verstuurd. Laat het laatste veld leeg.", code="honeypot")
        try:
            started = signing.loads(self.data.get("started", ""), salt=SALT, max_age=MAX_AGE)
        except signing.BadSignature:
            raise forms.ValidationError(
                "Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.", code="expired"
            ) from None
        if time.time() - float(started) < MIN_SECONDS:
            raise forms.ValidationError("Dat ging erg snel. Controleer uw melding en verstuur hem opnieuw.", code="too_fast")
        return cleaned
