"""Inviting professionals and editors: new accounts only; an existing account is never changed by an invitation."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from regions.models import RegionMembership
from tests import factories

User = get_user_model()


@pytest.fixture
def region_admin(client, region_a):
    user = factories.editor_of(region_a, username="regiobeheer", role="admin")
    client.force_login(user)
    return user


def account_state(user) -> tuple:
    user.refresh_from_db()
    return (user.username, user.email, user.is_staff, user.is_superuser, user.password,
            sorted(user.groups.values_list("name", flat=True)),
            sorted(RegionMembership.objects.filter(user=user).values_list("region__slug", "role")))  # fmt: skip


def test_a_region_admin_invites_a_new_editor_of_their_region(client, region_admin, region_a):
    response = client.post(reverse("invite"), {"email": "nieuw@example.org", "kind": "editor", "region": region_a.pk})
    assert response.status_code == 302
    invited = User.objects.get(email="nieuw@example.org")
    assert invited.is_staff and not invited.is_superuser and not invited.has_usable_password()
    assert RegionMembership.objects.filter(user=invited, region=region_a, role="editor").exists()
    assert len(mail.outbox) == 1


def test_a_username_equal_to_the_address_gives_a_dutch_400_and_changes_nothing(client, region_admin):
    other = factories.UserFactory(username="prof@example.org", email="iemand-anders@example.org")
    before, users = account_state(other), User.objects.count()
    response = client.post(reverse("invite"), {"email": "Prof@Example.org", "kind": "professional"})
    assert response.status_code == 400
    assert "Er is al een account met dit e-mailadres" in response.content.decode()
    assert User.objects.count() == users and account_state(other) == before and mail.outbox == []


@pytest.mark.parametrize("kind", ["professional", "editor"])
@pytest.mark.parametrize("who", ["superuser", "editor of another region", "ordinary account"])
def test_inviting_an_existing_account_is_refused_and_changes_nothing(client, region_admin, region_a, region_b, kind, who):
    if who == "superuser":
        existing = factories.UserFactory(username="baas", email="baas@example.org", is_staff=True, is_superuser=True)
    elif who == "editor of another region":
        existing = factories.editor_of(region_b, username="baas")
    else:
        existing = factories.UserFactory(username="baas", email="baas@example.org")
    before, users = account_state(existing), User.objects.count()
    response = client.post(reverse("invite"), {"email": "BAAS@example.org", "kind": kind, "region": region_a.pk})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Er is al een account met dit e-mailadres" in html
    assert User.objects.count() == users and account_state(existing) == before and mail.outbox == []


def test_an_invitation_without_a_region_for_an_editor_is_refused_in_dutch(client, region_admin):
    response = client.post(reverse("invite"), {"email": "nieuw@example.org", "kind": "editor"})
    assert response.status_code == 400 and "Kies de regio" in response.content.decode()
    assert not User.objects.filter(email="nieuw@example.org").exists()


def test_a_region_admin_cannot_invite_an_editor_for_another_region(client, region_admin, region_b):
    response = client.post(reverse("invite"), {"email": "nieuw@example.org", "kind": "editor", "region": region_b.pk})
    assert response.status_code == 400
    assert not User.objects.filter(email="nieuw@example.org").exists()
    assert not Group.objects.filter(user__email="nieuw@example.org").exists()


def test_an_invitation_whose_link_was_never_used_is_sent_again_without_changes(client, region_admin):
    client.post(reverse("invite"), {"email": "nieuw@example.org", "kind": "professional"})
    invited = User.objects.get(email="nieuw@example.org")
    before, users = account_state(invited), User.objects.count()
    response = client.post(reverse("invite"), {"email": "Nieuw@example.org", "kind": "professional"}, follow=True)
    assert "opnieuw verstuurd" in response.content.decode()
    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["nieuw@example.org"]
    assert User.objects.count() == users and account_state(invited) == before


def test_a_pending_invitation_for_other_rights_is_not_sent_again(client, region_admin, region_a, region_b):
    pending = factories.editor_of(region_b, username="nieuw@example.org")  # invited by region B, link not used yet
    pending.email = "nieuw@example.org"
    pending.set_unusable_password()
    pending.save()
    before = account_state(pending)
    response = client.post(reverse("invite"), {"email": "nieuw@example.org", "kind": "editor", "region": region_a.pk})
    assert response.status_code == 400 and "Er is al een account met dit e-mailadres" in response.content.decode()
    assert account_state(pending) == before and mail.outbox == []


def test_a_professional_who_chose_a_password_is_not_invited_again(client, region_admin, professional):
    response = client.post(reverse("invite"), {"email": professional.email, "kind": "professional"})
    assert response.status_code == 400 and mail.outbox == []


def test_an_unused_invitation_under_another_address_is_not_sent_to_that_address(client, region_admin):
    other = factories.UserFactory(username="prof@example.org", email="iemand-anders@example.org")
    other.groups.add(Group.objects.get_or_create(name="Professionals")[0])
    other.set_unusable_password()
    other.save()
    response = client.post(reverse("invite"), {"email": "prof@example.org", "kind": "professional"})
    assert response.status_code == 400 and mail.outbox == []
