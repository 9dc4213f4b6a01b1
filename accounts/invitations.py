"""Invitations: a region admin invites a professional, or an editor of their own region, by e-mail.

An invitation creates a new account without a password and mails a link to choose one; nobody sends passwords around.
It never changes an existing account: an address (or username) that is already in use is refused, so an invitation
cannot hand a group, staff status or a region to someone else's account, superusers included. One exception changes
nothing either: an invitation whose link was never used (the link expires after PASSWORD_RESET_TIMEOUT) may be
sent again, when the account already has exactly the rights the new invitation asks for.
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
from django.utils.translation import gettext_lazy as _

from regions.models import MembershipRole, Region, RegionMembership
from regions.permissions import PROFESSIONALS_GROUP

ACCOUNT_EXISTS = _(
    "Er is al een account met dit e-mailadres. Een uitnodiging maakt alleen nieuwe accounts aan en verandert geen "
    "bestaand account. Moet deze persoon andere rechten krijgen? Vraag het de beheerder van Wie doet wat."
)


def accounts_using(email: str) -> list:
    """Accounts with this address as their e-mail address or as their username (invitees get their address as one)."""
    return list(get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email))[:2])


def awaits_same_invitation(user, *, kind: str, region: Region | None) -> bool:
    """Invited with these rights and never signed in: sending the link again changes nothing."""
    if user.has_usable_password() or user.last_login is not None or user.is_superuser or not user.is_active:
        return False
    memberships = list(RegionMembership.objects.filter(user=user).values_list("region_id", "role"))
    if kind == "editor":
        return user.is_staff and memberships == [(region.pk, MembershipRole.EDITOR)]
    return not user.is_staff and not memberships and user.groups.filter(name=PROFESSIONALS_GROUP).exists()


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=150,  # it becomes the username, which holds 150 characters
        error_messages={
            "required": _("Vul een e-mailadres in."),
            "invalid": _("Dit is geen geldig e-mailadres."),
            "max_length": _("Gebruik een e-mailadres van hooguit 150 tekens."),
        },
    )
    name = forms.CharField(label=_("Naam"), max_length=150, required=False)
    kind = forms.ChoiceField(
        label=_("Uitnodigen als"),
        choices=[
            ("professional", _("Professional (ziet directe contactgegevens)")),
            ("editor", _("Redacteur van de regio")),
        ],
    )
    region = forms.ModelChoiceField(
        label=_("Regio"),
        queryset=Region.objects.none(),
        required=False,
        help_text=_("Alleen nodig voor een redacteur."),
        error_messages={"invalid_choice": _("U kunt alleen redacteuren voor uw eigen regio uitnodigen.")},
    )

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions
        self.resend_to = None  # the account whose unused invitation goes out again

    def clean(self):
        cleaned = super().clean()
        email, kind, region = cleaned.get("email"), cleaned.get("kind"), cleaned.get("region")
        if kind == "editor" and not region:
            self.add_error("region", _("Kies de regio waarvan deze persoon redacteur wordt."))
            return cleaned
        existing = accounts_using(email) if email else []
        same_address = len(existing) == 1 and existing[0].email.lower() == email.lower()
        if same_address and kind and awaits_same_invitation(existing[0], kind=kind, region=region):
            self.resend_to = existing[0]
        elif existing:
            self.add_error("email", forms.ValidationError(ACCOUNT_EXISTS, code="account_exists"))
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
    send_invitation(request, user)
    return user


def send_invitation(request, user) -> None:
    mail = InvitationMail(user)
    if mail.is_valid():
        mail.save(
            request=request,
            use_https=request.is_secure(),
            subject_template_name="registration/invite_subject.txt",
            email_template_name="registration/invite_email.txt",
        )


def invite_view(request):
    regions = invitable_regions(request.user)
    if not (request.user.is_superuser or regions.exists()):
        raise PermissionDenied(_("Alleen regiobeheerders kunnen mensen uitnodigen."))
    form = InviteForm(request.POST or None, regions=regions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.resend_to is not None:
            send_invitation(request, form.resend_to)
            messages.success(
                request,
                _("%(email)s was al uitgenodigd maar koos nog geen wachtwoord. De uitnodiging is opnieuw verstuurd.")
                % {"email": form.resend_to.email},
            )
            return redirect("invite")
        try:
            invite(request, email=data["email"], name=data["name"], kind=data["kind"], region=data.get("region"))
        except IntegrityError:  # a concurrent invitation for the same address won the unique username
            form.add_error("email", forms.ValidationError(ACCOUNT_EXISTS, code="account_exists"))
        else:
            messages.success(request, _("Uitnodiging verstuurd naar %(email)s.") % {"email": data["email"]})
            return redirect("invite")
    status = 400 if request.method == "POST" else 200
    context = {**admin.site.each_context(request), "title": _("Iemand uitnodigen"), "form": form}
    return TemplateResponse(request, "admin/invite.html", context, status=status)
