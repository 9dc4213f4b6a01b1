"""Invitations: a region admin invites a professional, or an editor of their own region, by e-mail.

The invitee gets a link to choose a password; nobody sends passwords around.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import Group
from django.db import transaction

from regions.accounts import PROFESSIONALS_GROUP
from regions.models import MembershipRole, Region, RegionMembership


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
