"""Signing in as a new user would, in Chromium: from the home page's login link to a school's direct contacts."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from regions.permissions import PROFESSIONALS_GROUP
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "paardenbloem fietsbel koffiekan"


@pytest.fixture
def school(region_a):
    school = factories.SchoolFactory(region=region_a, slug="de-linde", name="De Linde")
    factories.AssignmentFactory(school=school, person_name="Anna de Vries", phone="06-1111 2222", visibility="professionals")
    return school


@pytest.fixture
def invited_professional(db):
    user = factories.UserFactory(username="anna@example.org", password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name=PROFESSIONALS_GROUP)[0])
    return user


def fill_login(page, username, password, code=""):
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    if code:
        page.get_by_label("Code uit uw authenticator-app").fill(code)
    with page.expect_navigation():  # the next line of a test reads the page the form answers with, not this one
        page.get_by_role("button", name="Inloggen").click()


def test_a_new_user_signs_in_from_the_home_page_and_sees_the_direct_contacts(
    live_server, page, school, invited_professional, axe
):
    page.goto(live_server.url + school.get_absolute_url())
    assert page.get_by_text("06-1111 2222").count() == 0
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Inloggen voor professionals").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen voor professionals"
    axe.check(page)
    fill_login(page, "anna@example.org", PASSWORD)
    assert page.url == live_server.url + "/"
    assert page.get_by_role("button", name="Uitloggen").is_visible()
    page.goto(live_server.url + school.get_absolute_url())
    assert page.get_by_role("link", name="06-1111 2222").get_attribute("href") == "tel:+31611112222"


def test_a_wrong_password_is_explained_next_to_the_form_and_passes_axe(live_server, page, invited_professional, axe):
    page.goto(live_server.url + "/inloggen/")
    fill_login(page, "anna@example.org", "fout wachtwoord")
    assert (
        page.get_by_role("alert")
        .inner_text()
        .startswith("Deze combinatie van gebruikersnaam (of e-mailadres) en wachtwoord kennen we niet")
    )
    axe.check(page)


def test_a_user_with_a_totp_device_is_asked_for_the_code(live_server, page, school, invited_professional, axe):
    device = TOTPDevice.objects.create(user=invited_professional, name="telefoon", confirmed=True)
    page.goto(live_server.url + school.get_absolute_url())
    page.get_by_role("link", name="Inloggen voor professionals").click()
    fill_login(page, "anna@example.org", PASSWORD)
    code_field = page.get_by_label("Code uit uw authenticator-app")
    assert code_field.get_attribute("aria-invalid") == "true"
    assert page.locator("#id_otp_token_error").inner_text() == "Vul de code uit uw authenticator-app in."
    assert page.get_by_role("link", name="Inloggen voor professionals").is_visible()  # still signed out
    axe.check(page)
    code = f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"
    code_field.fill(code)  # the password is still in the form: only the code is added
    page.get_by_role("button", name="Inloggen").click()
    assert page.url == live_server.url + school.get_absolute_url()
    assert page.get_by_role("link", name="06-1111 2222").is_visible()


def test_an_invited_person_chooses_a_password_on_an_accessible_page(live_server, page, axe):
    invited = factories.UserFactory(username="nieuw@example.org", password=None)
    invited.set_unusable_password()
    invited.save()
    link = reverse(
        "password_reset_confirm",
        args=[urlsafe_base64_encode(force_bytes(invited.pk)), default_token_generator.make_token(invited)],
    )
    page.goto(live_server.url + link)
    assert page.get_by_role("heading", level=1).inner_text() == "Kies uw wachtwoord"
    axe.check(page)
    page.get_by_label("Nieuw wachtwoord").fill("Welkom123456")
    page.get_by_label("Herhaal het wachtwoord").fill("Welkom123456")
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    assert page.get_by_text("Dit wachtwoord is te makkelijk te raden.").is_visible()
    axe.check(page)
    page.get_by_label("Nieuw wachtwoord").fill(PASSWORD)
    page.get_by_label("Herhaal het wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    page.get_by_role("link", name="Inloggen", exact=True).click()
    fill_login(page, "nieuw@example.org", PASSWORD)
    assert page.get_by_role("button", name="Uitloggen").is_visible()
