"""Signing in with the address as typed, and a forgotten password: a mailed link, no hint who has an account."""

import re

from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse

from tests import factories

PASSWORD = "een-lang-wachtwoord-123"  # what UserFactory sets


def test_an_invitee_signs_in_with_their_address_in_capitals(client, db):
    factories.UserFactory(username="anna@school.example", email="anna@school.example")
    response = client.post(reverse("login"), {"username": "Anna@School.example", "password": PASSWORD})
    assert response.status_code == 302 and SESSION_KEY in client.session


def test_a_user_signs_in_with_their_email_address_instead_of_their_username(client, db):
    factories.UserFactory(username="pjansen", email="p.jansen@gemeente.example")
    client.post(reverse("login"), {"username": "P.Jansen@gemeente.example", "password": PASSWORD})
    assert SESSION_KEY in client.session


def test_an_address_two_accounts_share_signs_nobody_in(client, db):
    factories.UserFactory(username="een", email="gedeeld@example.org")
    factories.UserFactory(username="twee", email="gedeeld@example.org")
    response = client.post(reverse("login"), {"username": "gedeeld@example.org", "password": PASSWORD})
    assert response.status_code == 400 and SESSION_KEY not in client.session


def test_the_login_page_links_to_a_forgotten_password_page_and_not_back_to_itself(client, db):
    html = client.get(reverse("login")).content.decode()
    assert reverse("password_reset") in html
    assert "?next=/inloggen/" not in html


def test_a_forgotten_password_is_replaced_through_a_mailed_link(client, db):
    factories.UserFactory(username="vergeetachtig", email="v@example.org")
    response = client.post(reverse("password_reset"), {"email": "V@example.org"})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1 and "nieuw wachtwoord" in mail.outbox[0].body
    link = re.search(r"https?://[^/]+(/wachtwoord-kiezen/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url  # Django moves the token into the session, then shows the form
    new = "paardenbloem fietsbel koffiekan"
    assert client.post(form_url, {"new_password1": new, "new_password2": new}).status_code == 302
    client.logout()
    client.post(reverse("login"), {"username": "vergeetachtig", "password": new})
    assert SESSION_KEY in client.session


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, db):
    response = client.post(reverse("password_reset"), {"email": "niemand@example.org"})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def test_a_bad_address_gets_a_dutch_message(client, db):
    response = client.post(reverse("password_reset"), {"email": "geen-adres"})
    assert response.status_code == 400 and "Dit is geen geldig e-mailadres." in response.content.decode()


def test_asking_for_new_passwords_again_and_again_is_limited(client, db):
    factories.UserFactory(username="doelwit", email="doelwit@example.org")
    for _ in range(5):
        client.post(reverse("password_reset"), {"email": "doelwit@example.org"})
    response = client.post(reverse("password_reset"), {"email": "doelwit@example.org"})
    assert response.status_code == 429 and "Probeer het over een uur opnieuw" in response.content.decode()
    assert len(mail.outbox) == 5
