"""The HSDS API as a client uses it: filters, stable ids, public data only, Dutch 400s, constant queries."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import Organisation
from front.hsds.ids import NAMESPACE, sector_term_id
from tests import factories
from tests.caching import clear_cache


def contents(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()["contents"]


def test_an_organisation_id_is_uuid5_of_region_and_slug_and_survives_a_reload(client, data, region_a):
    expected = str(uuid.uuid5(NAMESPACE, "amsterdam-diemen/organisation/team-0"))
    org = next(o for o in contents(client, "/api/hsds/organizations", regio="amsterdam-diemen") if o["name"] == "Buurtteam 0")
    assert org["id"] == expected
    Organisation.objects.filter(slug="team-0").update(slug="tijdelijk")  # as if removed ...
    factories.OrganisationFactory(region=region_a, slug="team-0", name="Buurtteam 0", kind="wijkteam")  # ... and reloaded
    clear_cache()
    assert client.get(f"/api/hsds/organizations/{expected}").json()["name"] == "Buurtteam 0"


def test_a_full_organisation_has_its_services_schedules_and_public_phones_only(client, data, professional):
    client.force_login(professional)  # the HSDS API answers everyone as an anonymous visitor
    body = client.get("/api/hsds/organizations", {"regio": "amsterdam-diemen", "full_service": "true"}).content.decode()
    assert "020-555 1000" in body and "team0@example.org" in body and "Wijkteammedewerker 0" in body
    assert "06-1234 5000" not in body and "06-1111 2222" not in body and "Persoon 0-0" not in body
    org = next(o for o in contents(client, "/api/hsds/organizations", full_service="true") if o["name"] == "Buurtteam 0")
    service = org["services"][0]
    assert service["schedules"][0]["byday"] == "MO" and service["languages"][0]["code"] == "nl"
    assert service["service_areas"][0]["name"] == "Postcodes 1000–1009"
    assert {a["taxonomy_term"]["code"] for a in service["attributes"]} >= {"po", "vo"}


def test_without_full_service_an_organisation_lists_its_services_by_their_main_fields(client, data):
    org = contents(client, "/api/hsds/organizations", search="Buurtteam 1")[0]
    assert "services" not in org and "description" in org
    detail = client.get(f"/api/hsds/organizations/{org['id']}").json()
    assert detail["services"][0]["name"] == "Wijkteammedewerker 1" and "schedules" not in detail["services"][0]


def test_drafts_do_not_appear(client, data, region_a):
    factories.OrganisationFactory(region=region_a, slug="concept", name="Conceptteam", status="draft")
    factories.RoleFactory(region=region_a, slug="concept-rol", name="Conceptrol", status="draft")
    assert "Concept" not in client.get("/api/hsds/organizations").content.decode()
    assert "Concept" not in client.get("/api/hsds/services").content.decode()


def test_services_filter_by_organisation_sector_region_and_date(client, data, region_b):
    factories.region_dataset(region_b, size=1, prefix="b-")
    org_id = next(
        o["id"] for o in contents(client, "/api/hsds/organizations", regio="amsterdam-diemen") if o["name"] == "Buurtteam 1"
    )
    assert [s["name"] for s in contents(client, "/api/hsds/services", organization_id=org_id)] == ["Wijkteammedewerker 1"]
    po = sector_term_id("po")
    assert len(contents(client, "/api/hsds/services", taxonomy_term_id=po)) == 3
    assert contents(client, "/api/hsds/services", taxonomy_term_id=sector_term_id("pro")) == []
    assert len(contents(client, "/api/hsds/services", regio="amersfoort")) == 1
    assert len(contents(client, "/api/hsds/services", modified_after="2000-01-01")) == 3
    assert contents(client, "/api/hsds/services", modified_after="2999-01-01T00:00:00Z") == []
    assert contents(client, "/api/hsds/services", organization_id=str(uuid.uuid4())) == []


def test_pages_say_where_they_are(client, data):
    body = client.get("/api/hsds/services", {"per_page": 1, "page": 2}).json()
    assert (body["total_items"], body["total_pages"], body["page_number"], body["size"]) == (2, 2, 2, 1)
    assert body["last_page"] and not body["first_page"] and not body["empty"]
    beyond = client.get("/api/hsds/services", {"page": 9}).json()
    assert beyond["empty"] and beyond["contents"] == []


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/api/hsds/organizations?page=-1", 400, "page moet een heel getal vanaf 1 zijn"),
        ("/api/hsds/organizations?page=0", 400, "page moet een heel getal vanaf 1 zijn"),
        ("/api/hsds/services?page=%C2%B2", 400, "page moet een heel getal vanaf 1 zijn"),
        ("/api/hsds/organizations?per_page=100000", 400, "per_page moet een heel getal van 1 tot en met 100 zijn"),
        ("/api/hsds/services?per_page=0", 400, "per_page moet een heel getal van 1 tot en met 100 zijn"),
        ("/api/hsds/organizations/niet-een-uuid", 400, "id moet een UUID zijn"),
        ("/api/hsds/services?organization_id=123", 400, "organization_id moet een UUID zijn"),
        ("/api/hsds/service_at_locations?taxonomy_term_id=x", 400, "taxonomy_term_id moet een UUID zijn"),
        ("/api/hsds/organizations?regio=atlantis", 400, "Deze regio kennen we niet"),
        ("/api/hsds/organizations?full_service=ja", 400, "full_service moet true of false zijn"),
        ("/api/hsds/services?modified_after=gisteren", 400, "modified_after moet een datum of tijdstip zijn"),
        ("/api/hsds/services?format=ndjson", 400, "Alleen format=json"),
        (f"/api/hsds/organizations/{uuid.uuid4()}", 404, "Er is geen organisatie met dit id"),
        (f"/api/hsds/service_at_locations/{uuid.uuid4()}", 404, "Er is geen dienst op deze locatie met dit id"),
        ("/api/hsds/bestaat-niet", 404, "Dit adres bestaat niet in de API"),
    ],
)
def test_bad_parameters_get_json_with_a_dutch_message(client, data, url, status, message):
    response = client.get(url)
    assert response.status_code == status and response["Content-Type"] == "application/json"
    assert message in response.json()["fout"]


def test_an_address_becomes_a_location_with_the_roles_there(client, data):
    org = data["organisations"][0]
    factories.ContactChannelFactory(organisation=org, kind="address", value="Dam 1, 1012 JS Amsterdam", label="Bezoekadres")
    factories.ContactChannelFactory(
        organisation=org, kind="address", value="Geheim 2, 1000 AA Amsterdam", visibility="professionals"
    )
    clear_cache()
    [sal] = contents(client, "/api/hsds/service_at_locations")
    assert sal["location"]["addresses"][0] | {"id": "", "location_id": ""} == {
        "id": "", "location_id": "", "address_1": "Dam 1", "postal_code": "1012 JS", "city": "Amsterdam",
        "state_province": "", "country": "NL", "address_type": "physical",
    }  # fmt: skip
    assert sal["service"]["name"] == "Wijkteammedewerker 0"
    assert client.get(f"/api/hsds/service_at_locations/{sal['id']}").json()["location_id"] == sal["location_id"]


URLS = [
    "/api/hsds/organizations?full_service=true&per_page=100",
    "/api/hsds/organizations?per_page=100",
    "/api/hsds/services?full=true&per_page=100",
    "/api/hsds/services?per_page=100",
    "/api/hsds/service_at_locations?per_page=100",
    "/api/hsds/taxonomy_terms",
    "/api/hsds/taxonomies",
]


@pytest.mark.parametrize("url", URLS + ["first organization", "first service", "first service_at_location"])
def test_queries_do_not_grow_with_the_data(client, region_a, url):
    counts = []
    for size, prefix in ((1, "x-"), (10, "y-")):
        made = factories.region_dataset(region_a, size=size, prefix=prefix)
        for org in made["organisations"]:
            factories.ContactChannelFactory(organisation=org, kind="address", value=f"Dam {org.pk}, 1012 JS Amsterdam")
        clear_cache()
        target = url
        if url.startswith("first "):
            kind = url.split()[1]
            first = client.get(f"/api/hsds/{kind}s", {"search": "", "per_page": 1}).json()["contents"][0]
            target = f"/api/hsds/{kind}s/{first['id']}"
        clear_cache()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(target).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts
