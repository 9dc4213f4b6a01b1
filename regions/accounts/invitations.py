"""Invitations: a region admin invites a professional, or an editor of their own region, by e-mail.

An invitation creates a new account without a password and mails a link to choose one; nobody sends passwords around.
It never changes an existing account: an address (or username) that is already in use is refused, so an invitation
cannot hand a group, staff status or a region to someone else's account, superusers included.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from regions.accounts import PROFESSIONALS_GROUP
from regions.models import MembershipRole, Region, RegionMembership

ACCOUNT_EXISTS = (
    "Er is al een account met dit e-mailadres. Een uitnodiging maakt alleen nieuwe accounts aan en verandert geen "
    "bestaand account. Moet deze persoon andere rechten krijgen? Vraag het de beheerder van Wie doet wat."
)


def account_exists(email: str) -> bool:
    """An account uses this address, as its e-mail address or as its username (invitees get their address as one)."""
    return get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists()


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="E-mailadres",
        max_length=150,  # it becomes the username, which holds 150 characters
        error_messages={"required": "Vul een e-mailadres in.", "invalid": "Dit is geen geldig e-mailadres.",
                        "max_length": "Gebruik een e-mailadres van hooguit 150 tekens."},
    )  # fmt: skip
    name = forms.CharField(label="Naam", max_length=150, required=False)
    kind = forms.ChoiceField(label="Uitnodigen als", choices=[("professional", "Professional (ziet directe contactgegevens)"),
                                                                 ("editor", "Redacteur van de regio")])  # fmt: skip
    region = forms.ModelChoiceField(label="Regio", queryset=Region.objects.none(), required=False,
                                    help_text="Alleen nodig voor een redacteur.",
                                    error_messages={"invalid_choice": "U kunt alleen redacteuren voor uw eigen regio uitnodigen."})  # fmt: skip

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if account_exists(email):
            raise forms.ValidationError(ACCOUNT_EXISTS, code="account_exists")
        return email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == "editor" and not cleaned.get("region"):
            self.add_error("region", "Kies de regio waarvan deze persoon redacteur wordt.")
        return cleaned


class InvitationMail(PasswordResetForm):
    """Django's password-reset mail, sent to exactly the account just created (which has no password yet)."""

    def __init__(self, user):
        super().__init__({"email": user.email})
        self.invited = user

    def get_users(self, email):
        return [self.invited]


def invitable_regions(user):
    if user.is_superuser:
        return Region.objects.filter(is_national=False)
    return Region.objects.filter(memberships__user=user, memberships__role=MembershipRole.ADMIN)


@transaction.atomic
def invite(request, *, email: str, name: str, kind: str, region: Region | None):
    """Create a new account for `email` and mail it a link to choose a password. InviteForm has checked that no
    account uses the address; a concurrent invitation for the same address fails on the unique username."""
    user = get_user_model().objects.create_user(
        username=email.lower(), email=email, first_name=name, is_staff=kind == "editor"
    )  # no password: unusable until the invitee chooses one
    if kind == "editor":
        RegionMembership.objects.create(user=user, region=region, role=MembershipRole.EDITOR)
    else:
        user.groups.add(Group.objects.get_or_create(name=PROFESSIONALS_GROUP)[0])
    mail = InvitationMail(user)
    if mail.is_valid():
        mail.save(request=request, use_https=request.is_secure(), subject_template_name="registration/invite_subject.txt",
                  email_template_name="registration/invite_email.txt")  # fmt: skip
    return user


def invite_view(request):
    regions = invitable_regions(request.user)
    if not (request.user.is_superuser or regions.exists()):
        raise PermissionDenied("Alleen regiobeheerders kunnen mensen uitnodigen.")
    form = InviteForm(request.POST or None, regions=regions)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                invite(request, email=data["email"], name=data["name"], kind=data["kind"], region=data.get("region"))
            except IntegrityError:
                form.add_error("email", forms.ValidationError(ACCOUNT_EXISTS, code="account_exists"))
            else:
                messages.success(request, f"Uitnodiging verstuurd naar {data['email']}.")
                return redirect("invite")
        status = 400
    context = {**admin.site.each_context(request), "title": "Iemand uitnodigen", "form": form}
    return TemplateResponse(request, "admin/invite.html", context, status=status)
