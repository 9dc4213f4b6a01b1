"""The editors' workflow: restore, drafts and preview, verification, corrections, bulk import with undo, logins."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from directory.models import ImportBatch, ImportPlan, Role, School
from regions.models import Correction, DeletedObject
from tests import factories
from tests.caching import clear_cache
from tests.factories import correction_data, start_token


@pytest.fixture(autouse=True)
def _clear_cache():
    clear_cache()


def role_in(region, **kwargs):
    return factories.RoleFactory(region=region, slug=kwargs.pop("slug", "rol"), name=kwargs.pop("name", "Rol"), **kwargs)


def test_restore_brings_back_an_edited_version(client, editor_a, region_a):
    role = role_in(region_a, tasks="Oude taken.")
    role.tasks = "Nieuwe taken."
    role.save()
    old = role.history.order_by("history_date").first()
    client.force_login(editor_a)
    url = reverse("admin:directory_role_simple_history", args=[role.pk, old.history_id])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list | dict)}
    data.update(sectors=[], tasks="Oude taken.", status="published", region=region_a.pk)
    response = client.post(url, data)
    assert response.status_code == 302
    role.refresh_from_db()
    assert role.tasks == "Oude taken."


def test_a_deleted_object_is_listed_and_can_be_restored(client, editor_a, region_a):
    role = role_in(region_a, name="Weggehaalde rol")
    client.force_login(editor_a)
    client.post(reverse("admin:directory_role_delete", args=[role.pk]), {"post": "yes"})
    listing = client.get(reverse("admin:directory_role_deleted")).content.decode()
    assert "Weggehaalde rol" in listing
    entry = DeletedObject.objects.get(label="Weggehaalde rol")
    client.post(reverse("admin:directory_role_restore", args=[entry.pk]))
    assert Role.objects.filter(pk=role.pk, name="Weggehaalde rol").exists()


def test_editor_b_does_not_see_region_as_deleted_items(client, editor_a, editor_b, region_a):
    role = role_in(region_a, name="Geheim verwijderd")
    client.force_login(editor_a)
    client.post(reverse("admin:directory_role_delete", args=[role.pk]), {"post": "yes"}, follow=True)  # reads the flash message
    client.force_login(editor_b)
    assert "Geheim verwijderd" not in client.get(reverse("admin:directory_role_deleted")).content.decode()


def test_a_draft_is_invisible_until_published_and_previewable_by_its_editors(client, editor_a, editor_b, region_a):
    role = role_in(region_a, slug="concept-rol", name="Conceptrol", status="draft")
    assert client.get(role.get_absolute_url()).status_code == 404
    client.force_login(editor_b)
    refused = client.get("/voorbeeld" + role.get_absolute_url())
    assert refused.status_code == 403 and "U bewerkt deze regio niet." in refused.content.decode()
    client.force_login(editor_a)
    preview = client.get("/voorbeeld" + role.get_absolute_url())
    assert (
        preview.status_code == 200
        and "Conceptrol" in preview.content.decode()
        and "concepten zijn zichtbaar" in preview.content.decode()
    )
    client.logout()
    role.status = "published"
    role.save()
    assert client.get(role.get_absolute_url()).status_code == 200


def test_publish_from_and_expire_on_are_honoured(client, region_a):
    today = timezone.localdate()
    later = role_in(region_a, slug="later", publish_from=today + datetime.timedelta(days=1))
    gone = role_in(region_a, slug="weg", expire_on=today)
    assert client.get(later.get_absolute_url()).status_code == 404
    assert client.get(gone.get_absolute_url()).status_code == 404


def test_saving_does_not_move_the_check_date_but_the_checkbox_does(client, editor_a, region_a):
    role = role_in(region_a)
    assert role.checked_at is None
    role.summary = "Bijgewerkt"
    role.save()
    role.refresh_from_db()
    assert role.checked_at is None
    client.force_login(editor_a)
    client.post(reverse("admin:directory_role_changelist"), {"action": "action_mark_checked", "_selected_action": [role.pk]})
    role.refresh_from_db()
    assert role.checked_at is not None and role.checked_by == editor_a


def test_pages_show_when_they_were_last_updated_and_by_whom(client, region_a):
    role = role_in(region_a)
    html = client.get(role.get_absolute_url()).content.decode()
    assert "Laatst bijgewerkt op" in html and region_a.maintainer in html


def test_overdue_checks_are_mailed_to_the_regions_editors(editor_a, region_a, region_b):
    editor_a.email = "redactie-a@example.org"
    editor_a.save()
    role_in(region_a, name="Nooit gecontroleerd")
    fresh = role_in(region_b, slug="vers", name="Vers")
    fresh.checked_at = timezone.now()
    fresh.save()
    call_command("mail_overdue_checks")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["redactie-a@example.org"] and "Nooit gecontroleerd" in mail.outbox[0].body


# -- "Klopt dit niet?" --------------------------------------------------------------------------------------------


def test_a_correction_lands_in_the_queue_of_that_regions_editors(client, editor_a, editor_b, region_a):
    response = client.post(reverse("correction"), correction_data())
    assert response.status_code == 302 and response["Location"] == "/amsterdam-diemen/"
    correction = Correction.objects.get()
    assert correction.region == region_a
    client.force_login(editor_a)
    assert client.get(reverse("admin:regions_correction_change", args=[correction.pk])).status_code == 200
    client.post(reverse("admin:regions_correction_changelist"), {"action": "accept", "_selected_action": [correction.pk]})
    correction.refresh_from_db()
    assert correction.status == "accepted" and correction.handled_by == editor_a
    client.force_login(editor_b)
    assert "veranderd" not in client.get(reverse("admin:regions_correction_changelist")).content.decode()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"website": "http://spam.example"}, "Laat het laatste veld leeg"),
        ({"started": "vervalst"}, "Het formulier is verlopen"),
        ({"message": ""}, "Schrijf op wat er niet klopt"),
    ],
)
def test_the_correction_form_refuses_spam_and_empty_input_in_dutch(client, db, extra, message):
    response = client.post(reverse("correction"), correction_data(**extra))
    assert response.status_code == 400 and message in response.content.decode()
    assert not Correction.objects.exists()


def test_the_correction_form_refuses_a_too_fast_submission(client, db):
    data = correction_data(started=start_token(seconds_ago=0))
    assert "Dat ging erg snel" in client.post(reverse("correction"), data).content.decode()


def test_the_correction_form_is_rate_limited(client, db):
    for _ in range(5):
        assert client.post(reverse("correction"), correction_data()).status_code == 302
    response = client.post(reverse("correction"), correction_data())
    assert response.status_code == 429 and "Probeer het over een uur opnieuw" in response.content.decode()
    assert Correction.objects.count() == 5


# -- bulk import ----------------------------------------------------------------------------------------------------


@pytest.fixture
def municipality(region_a):
    return factories.MunicipalityFactory(region=region_a, slug="amsterdam-test", name="Amsterdam")


def upload(client, region, content: bytes, name="scholen.csv", kind="schools"):
    return client.post(reverse("admin:directory_importbatch_upload"),
                       {"region": region.pk, "kind": kind, "file": SimpleUploadedFile(name, content)})  # fmt: skip


def confirm(client, preview, **extra):
    """Press "Bevestigen en inlezen" on a preview page: the form carries the id of the previewed plan."""
    plan = re.search(r'name="plan" value="([0-9]+)"', preview.content.decode())
    return client.post(reverse("admin:directory_importbatch_upload"), {"confirm": "1", "plan": plan and plan.group(1)}, **extra)


GOOD_CSV = "naam;sector;gemeente;brin;vestigingsnummer;postcode;plaats\nDe Boomgaard;po;Amsterdam;12AB;00;1011ab;Amsterdam\nHet Anker;vo;Amsterdam;;;;Amsterdam\n"


def test_an_import_is_previewed_per_row_then_applied_and_can_be_undone(client, editor_a, region_a, municipality):
    client.force_login(editor_a)
    preview = upload(client, region_a, GOOD_CSV.encode())
    html = preview.content.decode()
    assert "Nieuw: 2" in html and "Bevestigen en inlezen" in html
    assert not School.objects.exists()  # a preview changes nothing
    confirm(client, preview)
    assert sorted(School.objects.values_list("name", "postcode")) == [("De Boomgaard", "1011 AB"), ("Het Anker", "")]
    batch = ImportBatch.objects.get()
    assert School.history.filter(history_change_reason=f"import #{batch.pk}").count() == 2
    client.post(reverse("admin:directory_importbatch_changelist"), {"action": "undo", "_selected_action": [batch.pk]})
    assert not School.objects.exists()


def test_undoing_an_import_keeps_what_was_added_to_its_schools_since_in_the_prullenbak(client, editor_a, region_a, municipality):
    client.force_login(editor_a)
    confirm(client, upload(client, region_a, GOOD_CSV.encode()))
    school = School.objects.get(name="De Boomgaard")
    factories.AssignmentFactory(school=school, person_name="Later toegevoegd")
    batch = ImportBatch.objects.get()
    client.post(reverse("admin:directory_importbatch_changelist"), {"action": "undo", "_selected_action": [batch.pk]})
    assert not School.objects.exists()
    entry = DeletedObject.objects.get(label__startswith="De Boomgaard")
    assert entry.deleted_by == editor_a and "Later toegevoegd" in entry.data


def test_a_file_with_a_bad_row_is_refused_whole_with_reasons(client, editor_a, region_a, municipality):
    client.force_login(editor_a)
    bad = GOOD_CSV + "Onbekend;hbo;Amsterdam;;;;\nVerkeerde gemeente;po;Utrecht;;;;\n"
    preview = upload(client, region_a, bad.encode())
    html = preview.content.decode()
    assert "Onbekende sector &#x27;hbo&#x27;" in html and "Gemeente &#x27;Utrecht&#x27; hoort niet bij" in html
    assert "Bevestigen en inlezen" not in html
    client.post(reverse("admin:directory_importbatch_upload"), {"confirm": "1", "plan": ImportPlan.objects.get().pk})
    assert not School.objects.exists()


def test_an_import_that_changes_a_school_is_undone_to_its_old_values(client, editor_a, region_a, municipality):
    school = factories.SchoolFactory(region=region_a, municipality=municipality, name="De Boomgaard", brin="12AB",
                                     location_number="00", city="Oud")  # fmt: skip
    client.force_login(editor_a)
    preview = upload(client, region_a, GOOD_CSV.encode())
    assert "wijzigen" in preview.content.decode()
    response = confirm(client, preview, follow=True)
    school.refresh_from_db()
    assert school.city == "Amsterdam", [str(m) for m in response.context["messages"]]
    batch = ImportBatch.objects.get()
    client.post(reverse("admin:directory_importbatch_changelist"), {"action": "undo", "_selected_action": [batch.pk]})
    school.refresh_from_db()
    assert school.city == "Oud" and School.objects.count() == 1


def test_an_xlsx_file_is_read_too(client, editor_a, region_a, municipality):
    import io

    from openpyxl import Workbook

    book = Workbook()
    for row in [["naam", "sector", "gemeente"], ["De Linde", "po", "Amsterdam"]]:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    client.force_login(editor_a)
    assert "Nieuw: 1" in upload(client, region_a, buffer.getvalue(), name="scholen.xlsx").content.decode()


def test_an_editor_cannot_import_into_another_region(client, editor_a, region_b):
    client.force_login(editor_a)
    html = upload(client, region_b, GOOD_CSV.encode()).content.decode()
    assert "Selecteer een geldige keuze" in html or "geldige keuze" in html


# -- logins ---------------------------------------------------------------------------------------------------------


def test_repeated_failed_logins_lock_the_account(client, editor_a):
    for _ in range(5):
        client.post(reverse("admin:login"), {"username": "redacteur-a", "password": "fout"})
    response = client.post(reverse("admin:login"), {"username": "redacteur-a", "password": "een-lang-wachtwoord-123"})
    assert response.status_code in (403, 429)


def test_an_editor_with_a_totp_device_must_give_a_code(client, editor_a):
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=editor_a, name="telefoon", confirmed=True)
    response = client.post(reverse("admin:login"), {"username": "redacteur-a", "password": "een-lang-wachtwoord-123"})
    assert response.status_code == 200 and "Vul de code uit uw authenticator-app in" in response.content.decode()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    response = client.post(reverse("admin:login"), {"username": "redacteur-a", "password": "een-lang-wachtwoord-123",
                                                    "otp_token": f"{totp.token():06d}"})  # fmt: skip
    assert response.status_code == 302, response.context["form"].errors
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_region_admin_invites_a_professional_who_then_sees_direct_contacts(client, region_a):
    admin_user = factories.editor_of(region_a, username="regiobeheer", role="admin")
    client.force_login(admin_user)
    response = client.post(reverse("invite"), {"email": "prof@example.org", "name": "Prof", "kind": "professional"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "/wachtwoord-kiezen/" in mail.outbox[0].body
    from django.contrib.auth import get_user_model

    invited = get_user_model().objects.get(email="prof@example.org")
    assert invited.groups.filter(name="Professionals").exists() and not invited.has_usable_password()


def test_an_ordinary_editor_cannot_invite(client, editor_a):
    client.force_login(editor_a)
    assert client.get(reverse("invite")).status_code == 403
    client.post(reverse("invite"), {"email": "x@example.org", "kind": "professional"})
    assert not Group.objects.filter(name="Professionals", user__email="x@example.org").exists()


def test_a_form_sent_without_its_security_token_gets_a_dutch_page(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(reverse("correction"), correction_data())
    assert response.status_code == 403 and "Dit formulier is verlopen" in response.content.decode()
    assert not Correction.objects.exists()
