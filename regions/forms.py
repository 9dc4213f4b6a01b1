"""Forms of the base app: the municipality form the admin and the content loader share, and "Klopt dit niet?".

The correction form needs no login; a honeypot, a minimum fill time and a start token that works once keep robots
out, with a rate limit per address in the view.
"""

from __future__ import annotations

import hashlib
import secrets
import time

from django import forms
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from regions.models import Municipality

MIN_SECONDS = 3
MAX_AGE = 2 * 60 * 60
SALT = "wdw-correction"


# The fields every content form ends with: publication and source (`regions.models.Content`).
CONTENT_FIELDS = ["status", "publish_from", "expire_on", "source_document", "source_section"]


class MunicipalityForm(forms.ModelForm):
    class Meta:
        model = Municipality
        fields = ["region", "slug", "name", "scope_note", "source_document", "source_section"]


class CorrectionForm(forms.Form):
    message = forms.CharField(
        label=_("Wat klopt er niet?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 3000}),
        help_text=_("Bijvoorbeeld: dit telefoonnummer is veranderd, of deze persoon werkt hier niet meer."),
        error_messages={"required": _("Schrijf op wat er niet klopt."), "max_length": _("Gebruik hooguit 3000 tekens.")},
    )
    contact_email = forms.EmailField(
        label=_("Uw e-mailadres (niet verplicht)"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        required=False,
        help_text=_("Alleen als u wilt dat de redactie u iets terugvraagt."),
        error_messages={"invalid": _("Dit is geen geldig e-mailadres.")},
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            # The random part makes every rendered form's token unique, so it can be used once.
            self.initial["started"] = signing.dumps([time.time(), secrets.token_urlsafe(12)], salt=SALT)

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Uw melding is niet verstuurd. Laat het laatste veld leeg."), code="honeypot")
        try:
            started, _nonce = signing.loads(self.data.get("started", ""), salt=SALT, max_age=MAX_AGE)
            started = float(started)
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(
                _("Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens."), code="expired"
            ) from None
        if time.time() - started < MIN_SECONDS:
            raise forms.ValidationError(_("Dat ging erg snel. Controleer uw melding en verstuur hem opnieuw."), code="too_fast")
        return cleaned

    def claim_token(self) -> bool:
        """Use up this form's start token; False if it was used before (the same form sent twice, or replayed).

        Called once the submission is accepted, so a form sent back for a correction keeps its token. The mark
        lives in the shared cache as long as the token is valid, so every worker sees it.
        """
        digest = hashlib.sha256(self.data["started"].encode()).hexdigest()
        return cache.add(f"wdw:correction-token:{digest}", 1, MAX_AGE)
