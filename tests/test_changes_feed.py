"""The Atom feeds of what changed: valid Atom (RFC 4287), words a reader understands, and only public changes."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from regions.models import ContentStatus
from tests import factories

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_atom(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    # RFC 4287 4.1.1: a feed has exactly one id, title and updated, and an author (or every entry has one).
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    entries = feed.findall(f"{ATOM}entry")
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None or all(e.find(f"{ATOM}author") is not None for e in entries)
    ids = []
    for entry in entries:
        # 4.1.2: exactly one id, title and updated per entry; an alternate link since there is no content element.
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert any(link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{ATOM}link"))
        ids.append(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    return feed


def titles(feed) -> list[str]:
    return [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]


@pytest.fixture
def leerplicht(region_a):
    org = factories.OrganisationFactory(region=region_a, slug="leerplicht", name="Leerplicht Amsterdam", kind="leerplicht")
    phone = factories.ContactChannelFactory(organisation=org, kind="phone", value="020 111 1111")
    return org, phone


def test_a_changed_phone_number_shows_in_words_and_links_to_the_page(client, region_a, leerplicht):
    org, phone = leerplicht
    phone.value = "020 222 2222"
    phone.save()
    feed = parse_atom(client.get(reverse("front:region_feed", args=[region_a.slug])))
    assert titles(feed)[0] == "Telefoonnummer van Leerplicht Amsterdam gewijzigd"
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href").endswith(org.get_absolute_url())
    assert "Leerplicht Amsterdam toegevoegd" in titles(feed)
    # The words name what changed, never the value.
    assert b"020 222 2222" not in client.get(reverse("front:region_feed", args=[region_a.slug])).content


def test_the_region_page_links_its_feed(client, region_a):
    html = client.get(reverse("front:region", args=[region_a.slug])).content.decode()
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="Wijzigingen in {region_a.name}" href="/{region_a.slug}/wijzigingen.atom">'
        in html
    )


def test_drafts_private_values_and_editors_never_reach_the_feed(client, region_a, editor_a, leerplicht):
    org, _ = leerplicht
    draft = factories.OrganisationFactory(region=region_a, slug="geheim", name="Geheim Concept", status=ContentStatus.DRAFT)
    factories.ContactChannelFactory(organisation=draft, kind="phone", value="020 999 9999")
    factories.ContactChannelFactory(organisation=org, kind="phone", value="06 5555 5555", visibility="professionals")
    factories.RoleFactory(
        region=region_a, slug="later", name="Toekomstige Rol", publish_from=datetime.date.today() + datetime.timedelta(days=30)
    )
    # A published organisation taken back to draft: its later edits are drafts.
    back = factories.OrganisationFactory(region=region_a, slug="terug", name="Teruggezet")
    back.status = ContentStatus.DRAFT
    back.description = "Nieuw concept"
    back.save()
    body = client.get(reverse("front:region_feed", args=[region_a.slug])).content.decode()
    feed = parse_atom(client.get(reverse("front:region_feed", args=[region_a.slug])))
    assert "Geheim Concept" not in body, body
    assert "Toekomstige Rol" not in body
    assert "Teruggezet toegevoegd" in titles(feed)  # it was public once
    assert not [t for t in titles(feed) if "Teruggezet" in t and "gewijzigd" in t]
    assert "06 5555 5555" not in body and titles(feed).count("Telefoonnummer van Leerplicht Amsterdam toegevoegd") == 1
    assert editor_a.username not in body
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Redactie Wie doet wat"


def test_a_schools_feed_holds_its_public_contacts_not_its_private_ones(client, region_a):
    data = factories.region_dataset(region_a, size=1)
    school = data["schools"][0]
    public = school.assignments.get(visibility="public")
    private = school.assignments.get(visibility="professionals")
    public.phone, private.phone = "020 333 3333", "06 4444 4444"
    public.save()
    private.save()
    html = client.get(school.get_absolute_url()).content.decode()
    feed_url = reverse("front:school_feed", args=[region_a.slug, school.slug])
    assert f'type="application/atom+xml" title="Wijzigingen bij {school.name}" href="{feed_url}"' in html
    body = client.get(feed_url).content.decode()
    feed = parse_atom(client.get(feed_url))
    role = public.role.name
    assert titles(feed)[0] == f"Telefoon van {role} bij {school.name} gewijzigd"
    assert titles(feed).count(f"Telefoon van {role} bij {school.name} gewijzigd") == 1  # not the private one's
    assert "Persoon" not in body and "06 4444 4444" not in body


def test_an_unknown_region_or_school_has_no_feed(client, region_a):
    assert client.get("/bestaat-niet/wijzigingen.atom").status_code == 404
    assert client.get(f"/{region_a.slug}/scholen/bestaat-niet/wijzigingen.atom").status_code == 404
