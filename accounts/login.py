"""Signing in at /inloggen/ and /beheer/login/, and choosing a password from an invitation link.

Both login forms ask everyone for a password, and a user who has a TOTP device also for its code. The code field is
always on the page (with a hint that only people with two-factor authentication fill it in), so the form works
without JavaScript. When the password was right but the code is missing or wrong, django-otp keeps the password in
the re-shown form, so the person only adds the code.
"""

from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.forms import OTPAuthenticationFormMixin

from regions.limits import RateLimit, client_address
from regions.permissions import has_second_factor

# Each request sends a mail: bounded per client address, so the form cannot be used to flood someone's inbox.
RESET_LIMIT = RateLimit("password-reset", limit=5, window=60 * 60)


class SecondFactorForm(OTPAuthenticationFormMixin, forms.Form):
    """Adds the authenticator code to a password login form; checked only for users who have a device."""

    otp_device = forms.CharField(label=_("Apparaat"), required=False, widget=forms.Select())
    otp_token = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        required=False,
        max_length=10,
        help_text=_("Alleen als u tweestapsverificatie gebruikt: de zes cijfers die de app nu toont."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    otp_error_messages = {
        "token_required": _("Vul de code uit uw authenticator-app in."),
        "device_required": _("Kies het apparaat waarmee u inlogt."),
        "challenge_exception": _("De code kon niet worden aangevraagd."),
        "not_interactive": _("Dit apparaat kan geen code sturen."),
        "challenge_message": _("Er is een code gestuurd."),
        "invalid_token": _("Deze code klopt niet of is verlopen. Probeer het opnieuw met de code die de app nu toont."),
        "n_failed_attempts": _("Te veel verkeerde codes. Wacht even en probeer het opnieuw."),
        "verification_not_allowed": _("Inloggen met een code is nu niet mogelijk. Probeer het later opnieuw."),
    }

    def clean(self):
        cleaned = super().clean()  # the password check; raises before we get here when it fails
        user = self.get_user()
        if user is not None and has_second_factor(user):
            if not self.cleaned_data.get("otp_device"):
                devices = list(devices_for_user(user))
                if len(devices) == 1:  # the usual case: one authenticator app, nothing to choose
                    self.cleaned_data["otp_device"] = devices[0].persistent_id
            try:
                self.clean_otp(user)
            except ValidationError as error:
                self.add_error("otp_token", error)
        return cleaned


class LoginForm(SecondFactorForm, AuthenticationForm):
    """The login on /inloggen/ for professionals and editors."""

    error_messages = {
        "invalid_login": _("Deze combinatie van gebruikersnaam (of e-mailadres) en wachtwoord kennen we niet."),
        "inactive": _("Dit account is uitgeschakeld. Neem contact op met de regiobeheerder."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        username, password = self.fields["username"], self.fields["password"]
        username.label = _("Gebruikersnaam of e-mailadres")
        username.help_text = _("Bent u uitgenodigd? Dan is uw e-mailadres ook uw gebruikersnaam.")
        username.error_messages["required"] = _("Vul uw gebruikersnaam in.")
        username.widget.attrs.update({"autocapitalize": "none", "spellcheck": "false"})
        username.widget.attrs.pop("autofocus", None)  # the page starts at its heading, as every other page does
        password.label = _("Wachtwoord")
        password.error_messages["required"] = _("Vul uw wachtwoord in.")


class AdminLoginForm(SecondFactorForm, AdminAuthenticationForm):
    """The admin login (templates/admin/login.html shows the code field)."""


class ChoosePasswordForm(SetPasswordForm):
    """The password an invited person chooses, checked by AUTH_PASSWORD_VALIDATORS."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Nieuw wachtwoord")
        self.fields["new_password2"].label = _("Herhaal het wachtwoord")
        self.fields["new_password2"].help_text = ""
        for name in ("new_password1", "new_password2"):
            self.fields[name].error_messages["required"] = _("Vul dit veld in.")
            self.fields[name].widget.attrs["autocomplete"] = "new-password"


class InvalidFormIsBadRequest:
    """A form sent back with errors answers 400, as every form on the site does."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class LoginView(InvalidFormIsBadRequest, auth_views.LoginView):
    form_class = LoginForm


class ChoosePasswordView(InvalidFormIsBadRequest, auth_views.PasswordResetConfirmView):
    form_class = ChoosePasswordForm

    def render_to_response(self, context, **response_kwargs):
        if not getattr(self, "validlink", False):
            response_kwargs.setdefault("status", 400)  # a used, expired or mistyped link
        return super().render_to_response(context, **response_kwargs)


class ForgottenPasswordForm(PasswordResetForm):
    """Mails a link to choose a new password; also to an invitee who never chose one (their invitation expired)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = _("Uw e-mailadres")
        email.error_messages.update({"required": _("Vul uw e-mailadres in."), "invalid": _("Dit is geen geldig e-mailadres.")})
        email.widget.attrs["autocomplete"] = "email"

    def get_users(self, email):
        return get_user_model()._default_manager.filter(email__iexact=email, is_active=True)


class ForgottenPasswordView(InvalidFormIsBadRequest, auth_views.PasswordResetView):
    """The same answer whether the address is known or not, so the page tells nobody who has an account."""

    form_class = ForgottenPasswordForm
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def form_valid(self, form):
        if not RESET_LIMIT.spend(client_address(self.request)):
            form.add_error(
                None, _("U heeft in korte tijd vaak een nieuw wachtwoord aangevraagd. Probeer het over een uur opnieuw.")
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)
