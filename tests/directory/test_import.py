"""Bulk import files: read within limits with a Dutch 400 for anything unreadable, and a confirm that applies
exactly the previewed file, once, for the editor who previewed it."""

import datetime
import hashlib
import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook

from directory.models import ImportBatch, ImportPlan, School
from regions.models import RegionMembership
from tests import factories

URL = "/beheer/directory/importbatch/inlezen/"
HEADER = "naam;sector;gemeente"


@pytest.fixture
def editor(client, editor_a, region_a):
    factories.MunicipalityFactory(region=region_a, slug="amsterdam-test", name="Amsterdam")
    client.force_login(editor_a)
    return editor_a


def upload(client, region, content: bytes, name="scholen.csv", kind="schools"):
    return client.post(URL, {"region": region.pk, "kind": kind, "file": SimpleUploadedFile(name, content)})


def plan_id(preview) -> str:
    return re.search(r'name="plan" value="([0-9]+)"', preview.content.decode()).group(1)


def confirm(client, plan):
    return client.post(URL, {"confirm": "1", "plan": plan})


def csv_file(*names: str, newline: str = "\n") -> bytes:
    return newline.join([HEADER, *(f"{name};po;Amsterdam" for name in names)]).encode() + newline.encode()


def xlsx_file(rows: list[list]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def assert_refused(response, message: str) -> None:
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not School.objects.exists() and not ImportPlan.objects.exists() and not ImportBatch.objects.exists()


# -- reading files --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR (Excel for Mac)"])
def test_every_kind_of_line_ending_is_read(client, editor, region_a, newline):
    preview = upload(client, region_a, csv_file("De Linde", "Het Anker", newline=newline))
    assert preview.status_code == 200 and "Nieuw: 2" in preview.content.decode()


def test_a_windows_csv_with_accents_is_read(client, editor, region_a):
    preview = upload(client, region_a, (HEADER + "\nSint-Jozefschool Café;po;Amsterdam\n").encode("cp1252"))
    assert "Sint-Jozefschool Café" in preview.content.decode()


@pytest.mark.parametrize("length", [2_000, 131_073, 300_000])
def test_a_field_that_is_far_too_long_is_refused(client, editor, region_a, length):
    assert_refused(upload(client, region_a, csv_file("x" * length)), "Regel 2: een veld is langer dan 1.000 tekens.")


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", (HEADER + "\nDe Linde;po;Amsterdam\n").encode("utf-16"), b"naam;sector\x01\x02;x\n",
     bytes(range(256)) * 4],
    ids=["png", "utf-16", "control characters", "random bytes"],
)  # fmt: skip
def test_binary_content_is_refused(client, editor, region_a, content):
    assert_refused(upload(client, region_a, content), "Dit bestand is geen tekst.")


def test_a_file_over_five_megabytes_is_refused_before_it_is_read(client, editor, region_a):
    assert_refused(upload(client, region_a, csv_file("x" * 900) * 6000), "Het bestand is groter dan 5 MB")


def test_a_csv_with_more_than_5000_rows_is_refused(client, editor, region_a):
    assert_refused(upload(client, region_a, csv_file(*(f"School {i}" for i in range(5001)))), "meer dan 5.000 rijen")


def test_an_xlsx_is_read_only_up_to_the_row_limit(client, editor, region_a, monkeypatch):
    from openpyxl.worksheet._reader import WorkSheetParser

    parsed = []
    original = WorkSheetParser.parse_row
    monkeypatch.setattr(WorkSheetParser, "parse_row", lambda self, row: parsed.append(1) or original(self, row))
    content = xlsx_file([["naam", "sector", "gemeente"], *([f"School {i}", "po", "Amsterdam"] for i in range(20_000))])
    assert_refused(upload(client, region_a, content, name="scholen.xlsx"), "meer dan 5.000 rijen")
    assert len(parsed) <= 5_002  # the header, 5,000 rows and the one too many: not the other 14,999


def test_an_xlsx_that_unpacks_to_a_huge_size_is_refused_unopened(client, editor, region_a):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * 25 * 1024 * 1024)
    assert_refused(upload(client, region_a, buffer.getvalue(), name="scholen.xlsx"), "Dit Excel-bestand is te groot")


def test_an_xlsx_that_declares_more_than_5000_rows_is_refused_unopened(client, editor, region_a, monkeypatch):
    import openpyxl

    small = xlsx_file([["naam", "sector", "gemeente"], ["De Linde", "po", "Amsterdam"]])
    with zipfile.ZipFile(io.BytesIO(small)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"<sheetData>", b'<dimension ref="A1:C200001"/><sheetData>', 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, part in parts.items():
            archive.writestr(name, part)
    monkeypatch.setattr(openpyxl, "load_workbook", None)  # never reached
    response = upload(client, region_a, buffer.getvalue(), name="scholen.xlsx")
    assert_refused(response, "Een werkblad in dit bestand heeft meer dan 5.000 rijen")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"dit is geen zip", "Dit Excel-bestand kan niet worden gelezen."),
     (xlsx_file([[f"k{i}" for i in range(31)]]), "Het bestand heeft meer dan 30 kolommen."),
     (xlsx_file([]), "Het bestand is leeg.")],
    ids=["not a zip", "31 columns", "empty"],
)  # fmt: skip
def test_an_unreadable_xlsx_is_refused_in_dutch(client, editor, region_a, content, message):
    assert_refused(upload(client, region_a, content, name="scholen.xlsx"), message)


def test_the_upload_form_answers_400_in_dutch_when_nothing_is_chosen(client, editor, region_a):
    assert_refused(client.post(URL, {"region": region_a.pk, "kind": "schools"}), "Kies een bestand.")


# -- the confirm applies the previewed file -------------------------------------------------------------------------


def test_the_confirm_applies_the_file_of_its_own_preview_not_a_later_one(client, editor, region_a):
    tab_a = upload(client, region_a, csv_file("De Linde"))
    tab_b = upload(client, region_a, csv_file("Het Anker"))  # a second tab, same session
    assert confirm(client, plan_id(tab_a)).status_code == 302
    assert list(School.objects.values_list("name", flat=True)) == ["De Linde"]
    assert confirm(client, plan_id(tab_b)).status_code == 302
    assert sorted(School.objects.values_list("name", flat=True)) == ["De Linde", "Het Anker"]


def test_the_plan_is_kept_with_the_hash_of_the_file_and_may_be_confirmed_from_another_session(editor_a, editor, client,
                                                                                               region_a):  # fmt: skip
    content = csv_file("De Linde")
    preview = upload(client, region_a, content)
    assert ImportPlan.objects.get().sha256 == hashlib.sha256(content).hexdigest()
    other_server = Client()  # nothing shared with the preview but the database
    other_server.force_login(editor_a)
    assert confirm(other_server, plan_id(preview)).status_code == 302
    assert School.objects.get().name == "De Linde"


def test_a_plan_is_applied_once(client, editor, region_a):
    preview = upload(client, region_a, csv_file("De Linde"))
    confirm(client, plan_id(preview))
    again = confirm(client, plan_id(preview))
    assert again.status_code == 400 and "Deze voorvertoning is al ingelezen" in again.content.decode()
    assert School.objects.count() == 1 and ImportBatch.objects.count() == 1


def test_another_editor_of_the_region_cannot_confirm_my_plan(client, editor, region_a):
    preview = upload(client, region_a, csv_file("De Linde"))
    colleague = Client()
    colleague.force_login(factories.editor_of(region_a, username="collega-a"))
    response = confirm(colleague, plan_id(preview))
    assert response.status_code == 400 and "bestaat niet of is niet van u" in response.content.decode()
    assert not School.objects.exists()


def test_a_plan_cannot_be_confirmed_after_losing_the_region(client, editor, region_a):
    preview = upload(client, region_a, csv_file("De Linde"))
    RegionMembership.objects.filter(user=editor).delete()
    factories.editor_of(factories.RegionFactory(), username=editor.username)  # still an editor, elsewhere
    response = confirm(client, plan_id(preview))
    assert response.status_code == 400 and not School.objects.exists()


def test_an_expired_plan_is_refused(client, editor, region_a):
    preview = upload(client, region_a, csv_file("De Linde"))
    ImportPlan.objects.update(created_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    response = confirm(client, plan_id(preview))
    assert response.status_code == 400 and "De voorvertoning is verlopen" in response.content.decode()
    assert not School.objects.exists()


@pytest.mark.parametrize("plan", ["", "x", "²", "9" * 40])
def test_a_confirm_without_a_real_plan_is_refused(client, editor, region_a, plan):
    upload(client, region_a, csv_file("De Linde"))
    response = confirm(client, plan)
    assert response.status_code == 400 and "bestaat niet of is niet van u" in response.content.decode()
    assert not School.objects.exists()
