"""The handbook generated from the live data: the printable page and its PDF, public content only, current."""

import datetime
import io
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from directory.models import Faq, GlossaryTerm, Responsibility
from front import handbook
from tests import factories
from tests.caching import clear_cache

PRIVATE = "06-1234 5000"  # the dataset's professionals-only phone number of the first team


@pytest.fixture
def data(region_a):
    data = factories.region_dataset(region_a, size=2)
    Faq.objects.create(region=region_a, slug="vraag", question="Wie belt de leerplichtambtenaar?", answer="De school.",
                       status="published", source_section="Veelgestelde vragen")  # fmt: skip
    Responsibility.objects.create(region=region_a, slug="vervoer", topic="Leerlingenvervoer", education="De gemeente regelt het vervoer.",
                                  ambiguous="Begeleiding onderweg", status="published")  # fmt: skip
    GlossaryTerm.objects.create(region=region_a, slug="ot", abbreviation="OT", term="Ondersteuningsteam", status="published")
    return data


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_handbook_page_holds_every_part_with_its_sources_and_only_public_contacts(client, professional, data, region_a):
    client.force_login(professional)  # even a professional gets the public document: it is meant to be sent around
    response = client.get(reverse("front:handbook", args=[region_a.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    for anchor in ("#rollen", "#organisaties", "#overleggen", "#routes"):
        assert f'href="{anchor}"' in html
    assert "Wijkteammedewerker 0" in html and "Helpt gezinnen." in html and "Opvoedvragen." in html and "Onderwijs." in html
    assert "020-555 1000" in html and "020-555 1001" in html and "team0@example.org" in html
    assert "Ondersteuningsteam 0" in html and "Stap 1" in html and "Signaal 0" in html
    assert 'href="#wie-betaalt"' in html and "Leerlingenvervoer" in html and "Begeleiding onderweg" in html
    assert "Bron:" in html and "Wie belt de leerplichtambtenaar?" in html and "Ondersteuningsteam" in html
    assert PRIVATE not in html and "06-1234 5001" not in html


def test_the_pdf_holds_the_phone_numbers_and_role_names_and_no_private_value(client, data, region_a):
    response = client.get(reverse("front:handbook_pdf", args=[region_a.slug]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for number in ("020-555 1000", "020-555 1001"):
        assert number in text
    for role in ("Wijkteammedewerker 0", "Wijkteammedewerker 1"):
        assert role in text
    assert PRIVATE not in text and "06-1234 5001" not in text
    assert "Leerlingenvervoer" in text and "Wie belt de leerplichtambtenaar?" in text
    assert re.search(r"Pagina 1 van \d+", text)
    assert "stand van de gegevens" in text


def test_the_pdf_is_tagged_and_has_bookmarks_from_the_headings(client, data, region_a):
    reader = PdfReader(io.BytesIO(client.get(reverse("front:handbook_pdf", args=[region_a.slug])).content))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "nl"

    def titles(outline) -> list[str]:
        found = []
        for item in outline:
            found += titles(item) if isinstance(item, list) else [item.title]
        return found

    bookmarks = titles(reader.outline)
    assert f"Wie doet wat in {region_a.name}" in bookmarks
    assert "Rollen" in bookmarks and "Wijkteammedewerker 0" in bookmarks and "Routes, stappen en signalen" in bookmarks


def test_the_pdf_is_cached_until_a_published_change(client, data, region_a, monkeypatch, django_capture_on_commit_callbacks):
    renders = []
    real = handbook.render_pdf
    monkeypatch.setattr(handbook, "render_pdf", lambda *a: renders.append(1) or real(*a))
    url = reverse("front:handbook_pdf", args=[region_a.slug])
    client.get(url)
    client.get(url)
    assert len(renders) == 1
    with django_capture_on_commit_callbacks(execute=True):
        channel = data["organisations"][0].channels.get(value="020-555 1000")
        channel.value = "020-777 7777"
        channel.save()
    text = pdf_text(client.get(url).content)
    assert len(renders) == 2 and "020-777 7777" in text and "020-555 1000" not in text


def test_an_unknown_region_has_no_handbook(client, db):
    assert client.get("/bestaat-niet/handboek/").status_code == 404
    assert client.get("/bestaat-niet/handboek.pdf").status_code == 404


def test_the_handbook_pages_queries_do_not_grow_with_ten_times_the_data(client, region_a, region_b, professional):
    factories.region_dataset(region_a, size=1)
    factories.region_dataset(region_b, size=10)
    client.force_login(professional)

    def count(region) -> int:
        clear_cache()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("front:handbook", args=[region.slug])).status_code == 200
        return len(ctx.captured_queries)

    assert count(region_b) == count(region_a)


def test_the_date_of_the_data_is_the_day_of_the_last_published_change(client, data, region_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        data["roles"][1].save()  # an earlier change: the version row exists already
    with (
        time_machine.travel(datetime.datetime(2031, 3, 4, 12, tzinfo=datetime.UTC)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        role = data["roles"][0]
        role.summary = "Nieuw"
        role.save()
    html = client.get(reverse("front:handbook", args=[region_a.slug])).content.decode()
    assert "Stand van de gegevens: 4 maart 2031." in html
