"""Choosing a password: weak ones are refused in Dutch, and an invited person can follow the link to the end."""

import re

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests import factories


def invite_and_open_link(client, region) -> str:
    """Invites prof@example.org as a region admin would, signs the admin out and returns the password page."""
    admin_user = factories.editor_of(region, username="regiobeheer", role="admin")
    client.force_login(admin_user)
    client.post(reverse("invite"), {"email": "prof@example.org", "name": "Prof", "kind": "professional"})
    client.logout()
    link = re.search(r"https?://[^/\s]+(/wachtwoord-kiezen/\S+)", mail.outbox[-1].body).group(1)
    response = client.get(link)
    assert response.status_code == 302  # Django moves the token out of the address before showing the form
    return response["Location"]


@pytest.mark.parametrize("password", ["Wachtwoord12", "Welkom123456", "Amsterdam2024", "aaaaaaaaaaaa"])
def test_weak_passwords_are_refused_in_dutch(db, password):
    with pytest.raises(ValidationError) as refused:
        validate_password(password, get_user_model()(username="prof@example.org", email="prof@example.org"))
    assert "Dit wachtwoord is te makkelijk te raden." in refused.value.messages


def test_a_long_passphrase_is_accepted(db):
    validate_password("paardenbloem fietsbel koffiekan", get_user_model()(username="prof@example.org"))


def test_a_passphrase_longer_than_zxcvbn_reads_is_accepted(db):
    validate_password("paardenbloem fietsbel koffiekan " * 4, get_user_model()(username="prof@example.org"))


def test_the_length_message_is_dutch(db):
    with pytest.raises(ValidationError) as refused:
        validate_password("Kort-1!", get_user_model()(username="prof@example.org"))
    assert "Dit wachtwoord is te kort. Gebruik minstens 12 tekens." in refused.value.messages


def test_an_invited_person_chooses_a_password_and_signs_in(client, region_a):
    form_url = invite_and_open_link(client, region_a)
    page = client.get(form_url)
    html = page.content.decode()
    assert page.status_code == 200 and "Kies uw wachtwoord" in html and 'autocomplete="new-password"' in html
    assert 'class="utrecht-textbox' in html and "<h1" in html
    response = client.post(form_url, {"new_password1": "paardenbloem fietsbel koffiekan",
                                      "new_password2": "paardenbloem fietsbel koffiekan"})  # fmt: skip
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_complete")
    done = client.get(response["Location"]).content.decode()
    assert "Uw wachtwoord is opgeslagen" in done and reverse("login") in done
    signed_in = client.post(reverse("login"), {"username": "prof@example.org", "password": "paardenbloem fietsbel koffiekan"})
    assert signed_in.status_code == 302 and SESSION_KEY in client.session


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Wachtwoord12", "Dit wachtwoord is te makkelijk te raden."),
        ("Kort-1!", "Dit wachtwoord is te kort. Gebruik minstens 12 tekens."),
    ],
)
def test_the_password_page_refuses_weak_passwords_in_dutch(client, region_a, password, message):
    form_url = invite_and_open_link(client, region_a)
    response = client.post(form_url, {"new_password1": password, "new_password2": password})
    html = response.content.decode()
    assert response.status_code == 400 and message in html and 'aria-invalid="true"' in html
    assert not get_user_model().objects.get(email="prof@example.org").has_usable_password()


def test_a_used_or_broken_link_says_so_in_dutch(client, db):
    response = client.get(reverse("password_reset_confirm", args=["MQ", "ongeldig-token"]))
    assert response.status_code == 400 and "Deze link werkt niet meer" in response.content.decode()
