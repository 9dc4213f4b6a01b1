"""Signing in at /inloggen/ and /beheer/login/: Dutch page, safe redirects, lockout, and the second factor everywhere."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories

PASSWORD = "een-lang-wachtwoord-123"  # what UserFactory sets


@pytest.fixture
def school_with_private_contact(region_a):
    school = factories.SchoolFactory(region=region_a, slug="de-linde", name="De Linde")
    factories.AssignmentFactory(school=school, person_name="Anna de Vries", phone="06-1111 2222", visibility="professionals")
    return school


def device_for(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)


def code_of(device: TOTPDevice) -> str:
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(reverse("login"), {"username": username, "password": password, **extra})


def test_the_login_page_is_a_dutch_form_with_autocomplete_hints(client):
    response = client.get(reverse("login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "Inloggen voor professionals" in html
    assert 'autocomplete="username"' in html and 'autocomplete="current-password"' in html
    assert 'name="otp_token"' in html and 'autocomplete="one-time-code"' in html
    assert "alleen als u tweestapsverificatie gebruikt" in html.lower()
    assert 'class="utrecht-textbox' in html and "utrecht-button" in html


def test_a_professional_signs_in_and_sees_professionals_only_contacts(client, professional, school_with_private_contact):
    url = school_with_private_contact.get_absolute_url()
    assert "06-1111 2222" not in client.get(url).content.decode()
    response = sign_in(client, "professional", next=url)
    assert response.status_code == 302 and response["Location"] == url
    assert "06-1111 2222" in client.get(url).content.decode()


def test_a_wrong_password_gives_a_dutch_error_and_signs_nobody_in(client, professional):
    response = sign_in(client, "professional", password="fout-wachtwoord")
    html = response.content.decode()
    assert response.status_code == 400
    assert "kennen we niet" in html and 'role="alert"' in html
    assert SESSION_KEY not in client.session


def test_an_empty_form_marks_the_fields_in_dutch(client):
    response = client.post(reverse("login"), {"username": "", "password": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vul uw gebruikersnaam in." in html and "Vul uw wachtwoord in." in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_username_helptext id_username_error"' in html
    assert 'class="utrecht-form-field-error-message" id="id_username_error"' in html


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/pagina", "http://testserver.evil.example/"])
def test_a_next_address_on_another_site_is_ignored(client, professional, target):
    response = sign_in(client, "professional", next=target)
    assert response.status_code == 302 and response["Location"] == "/"


def test_repeated_failed_logins_on_the_login_page_lock_the_account(client, professional):
    for _ in range(5):
        sign_in(client, "professional", password="fout")
    response = sign_in(client, "professional")
    assert response.status_code == 429 and "Probeer het over een uur opnieuw" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_a_signed_in_visitor_sees_who_they_are_and_can_log_out(client, professional):
    client.force_login(professional)
    html = client.get(reverse("login")).content.decode()
    assert "U bent ingelogd als professional" in html and "Uitloggen" in html


# -- the second factor, on every route ------------------------------------------------------------------------------


def test_a_user_with_a_totp_device_is_not_signed_in_without_a_code(client, professional, school_with_private_contact):
    device_for(professional)
    response = sign_in(client, "professional")
    html = response.content.decode()
    assert response.status_code == 400 and "Vul de code uit uw authenticator-app in." in html
    assert 'id="id_otp_token_error"' in html
    assert 'name="otp_device"' not in html  # one device: nothing to choose
    assert SESSION_KEY not in client.session
    assert "06-1111 2222" not in client.get(school_with_private_contact.get_absolute_url()).content.decode()


def test_a_wrong_code_is_refused(client, professional):
    device = device_for(professional)
    wrong = f"{(int(code_of(device)) + 1) % 1_000_000:06d}"
    response = sign_in(client, "professional", otp_token=wrong)
    assert response.status_code == 400 and "Deze code klopt niet" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_a_user_with_a_totp_device_signs_in_with_the_code(client, professional, school_with_private_contact):
    device = device_for(professional)
    response = sign_in(client, "professional", otp_token=code_of(device))
    assert response.status_code == 302
    assert "06-1111 2222" in client.get(school_with_private_contact.get_absolute_url()).content.decode()


def test_a_user_with_two_devices_chooses_one_after_the_password(client, professional):
    device_for(professional)
    second = TOTPDevice.objects.create(user=professional, name="tablet", confirmed=True)
    response = sign_in(client, "professional", otp_token=code_of(second))
    html = response.content.decode()
    assert response.status_code == 400 and "Kies het apparaat waarmee u inlogt." in html
    assert '<select name="otp_device"' in html and ">tablet</option>" in html
    response = sign_in(client, "professional", otp_token=code_of(second), otp_device=second.persistent_id)
    assert response.status_code == 302 and SESSION_KEY in client.session


def test_a_session_not_verified_with_the_device_does_not_see_professionals_only_contacts(
    client, professional, school_with_private_contact
):
    device_for(professional)
    client.force_login(professional)  # a session from before the device, or from a route that skipped the code
    assert "06-1111 2222" not in client.get(school_with_private_contact.get_absolute_url()).content.decode()


def test_a_session_not_verified_with_the_device_cannot_preview(client, editor_a, region_a):
    role = factories.RoleFactory(region=region_a, slug="concept", status="draft")
    device_for(editor_a)
    client.force_login(editor_a)
    response = client.get(reverse("preview", args=[role.get_absolute_url().lstrip("/")]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_session_not_verified_with_the_device_cannot_use_the_admin(client, editor_a):
    device_for(editor_a)
    client.force_login(editor_a)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))


def test_the_admin_login_page_asks_for_the_code(client):
    html = client.get(reverse("admin:login")).content.decode()
    assert 'name="otp_token"' in html and 'autocomplete="one-time-code"' in html


def test_the_admin_login_refuses_a_user_with_a_device_without_a_code(client, editor_a):
    device_for(editor_a)
    response = client.post(reverse("admin:login"), {"username": "redacteur-a", "password": PASSWORD})
    assert response.status_code == 200 and "Vul de code uit uw authenticator-app in." in response.content.decode()
    assert SESSION_KEY not in client.session
