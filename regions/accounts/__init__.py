"""Accounts: optional TOTP two-factor for editors, and invitations for professionals and editors.

- Anyone with a confirmed TOTP device must give a token at the admin login, and the admin refuses a session that
  was not verified with it. People without a device log in with their password (strong, rate-limited by axes).
- Region admins invite people by e-mail: a professional (sees "professionals only" contacts) or an editor of their
  region. The invitee gets a link to choose a password; nobody sends passwords around.
"""

from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.forms import OTPAuthenticationFormMixin

from regions.models import MembershipRole, Region, RegionMembership

PROFESSIONALS_GROUP = "Professionals"


def is_professional(user) -> bool:
    """May see contacts marked "professionals only": invited professionals, and every editor."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_staff or user.groups.filter(name=PROFESSIONALS_GROUP).exists()


class OptionalOTPAdminAuthenticationForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    """The admin login: password, plus a TOTP token for users who have set up two-factor authentication."""

    otp_device = forms.CharField(required=False, widget=forms.HiddenInput)
    otp_token = forms.CharField(
        label="Code uit uw authenticator-app", required=False, widget=forms.TextInput(attrs={"autocomplete": "one-time-code"})
    )
    otp_challenge = forms.CharField(required=False, widget=forms.HiddenInput)
    otp_error_messages = {
        "token_required": "Vul de code uit uw authenticator-app in.",
        "device_required": "Kies het apparaat waarmee u inlogt.",
        "challenge_exception": "De code kon niet worden aangevraagd.",
        "not_interactive": "Dit apparaat kan geen code sturen.",
        "challenge_message": "Er is een code gestuurd.",
        "invalid_token": "Deze code klopt niet of is verlopen. Probeer het opnieuw.",
        "n_failed_attempts": "Te veel verkeerde codes. Wacht even en probeer het opnieuw.",
        "verification_not_allowed": "Verificatie is nu niet mogelijk.",
    }

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is not None and user_has_device(user):
            if not self.cleaned_data.get("otp_device"):
                devices = list(devices_for_user(user))
                if len(devices) == 1:  # the usual case: one authenticator app, no need to choose
                    self.cleaned_data["otp_device"] = devices[0].persistent_id
            self.clean_otp(user)
        return cleaned


@receiver(user_logged_in)
def remember_otp_device(sender, request, user, **kwargs) -> None:
    device = getattr(user, "otp_device", None)
    if device is not None:
        otp_login(request, device)


def admin_has_permission(request) -> bool:
    """Staff only, and two-factor verified when the user has a device."""
    user = request.user
    if not (user.is_active and user.is_staff):
        return False
    if user_has_device(user):
        return bool(getattr(user, "is_verified", lambda: False)())
    return True


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="E-mailadres", error_messages={"required": "Vul een e-mailadres in.", "invalid": "Dit is geen geldig e-mailadres."}
    )
    name = forms.CharField(label="Naam", max_length=150, required=False)
    kind = forms.ChoiceField(label="Uitnodigen als", choices=[("professional", "Professional (ziet directe contactgegevens)"),
                                                                 ("editor", "Redacteur van de regio")])  # fmt: skip
    region = forms.ModelChoiceField(label="Regio", queryset=Region.objects.none(), required=False,
                                    help_text="Alleen nodig voor een redacteur.")  # fmt: skip

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == "editor" and not cleaned.get("region"):
            self.add_error("region", "Kies de regio waarvan deze persoon redacteur wordt.")
        return cleaned


class InvitationForm(PasswordResetForm):
    """Password-reset mail for a new account that has no password yet."""

    def get_users(self, email):
        return get_user_model()._default_manager.filter(email__iexact=email, is_active=True)


def invitable_regions(user):
    if user.is_superuser:
        return Region.objects.filter(is_national=False)
    return Region.objects.filter(memberships__user=user, memberships__role=MembershipRole.ADMIN)


@transaction.atomic
def invite(request, *, email: str, name: str, kind: str, region: Region | None):
    """Create (or reuse) the account and mail a link to choose a password."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(username=email.lower()[:150], email=email, first_name=name[:150])
        user.set_unusable_password()
        user.save()
    if kind == "editor":
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        RegionMembership.objects.get_or_create(user=user, region=region, defaults={"role": MembershipRole.EDITOR})
    else:
        group, _created = Group.objects.get_or_create(name=PROFESSIONALS_GROUP)
        user.groups.add(group)
    reset = InvitationForm({"email": email})
    if reset.is_valid():
        # PasswordResetForm only mails users with a usable password or none set; ours has none, which it accepts.
        reset.save(request=request, use_https=request.is_secure(), subject_template_name="registration/invite_subject.txt",
                   email_template_name="registration/invite_email.txt")  # fmt: skip
    return user


def invite_view(request):
    from django.contrib import admin, messages
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import redirect
    from django.template.response import TemplateResponse

    regions = invitable_regions(request.user)
    if not (request.user.is_superuser or regions.exists()):
        raise PermissionDenied("Alleen regiobeheerders kunnen mensen uitnodigen.")
    form = InviteForm(request.POST or None, regions=regions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invite(request, email=data["email"], name=data["name"], kind=data["kind"], region=data.get("region"))
        messages.success(request, f"Uitnodiging verstuurd naar {data['email']}.")
        return redirect("invite")
    context = {**admin.site.each_context(request), "title": "Iemand uitnodigen", "form": form}
    return TemplateResponse(request, "admin/invite.html", context)
