"""The read-only JSON API and the HSDS export: public data only, Dutch errors, constant queries."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests import factories


def test_regions_lists_the_three_regions_not_the_national_scope(client, db):
    names = [r["name"] for r in client.get("/api/v1/regios/").json()["results"]]
    assert len(names) == 3 and "Landelijk" not in names


def test_schools_give_public_contacts_only(client, data):
    body = client.get("/api/v1/amsterdam-diemen/scholen/").json()
    assert body["count"] == 6
    contacts = [c for s in body["results"] for c in s["contacts"]]
    assert {c["name"] for c in contacts} == {f"Team {i}-{j}" for i in range(2) for j in range(3)}
    assert "06-1111 2222" not in str(body)


def test_organisations_leave_out_professionals_only_channels(client, data):
    body = client.get("/api/v1/amsterdam-diemen/organisaties/").json()
    values = [c["value"] for o in body["results"] for c in o["channels"]]
    assert "020-555 1000" in values and "06-1234 5000" not in values
    assert body["results"][0]["opening_hours"][0]["day"] == "maandag"


def test_search_returns_the_documented_shape_best_first(client, data):
    body = client.get("/api/v1/zoeken/", {"q": "wijkteammedewerker", "regio": "amsterdam-diemen"}).json()
    assert body["query"] == "wijkteammedewerker"
    first = body["results"][0]
    assert {"kind", "title", "url", "snippet"} <= set(first) and first["kind"] == "role"
    assert [r["score"] for r in body["results"]] == sorted((r["score"] for r in body["results"]), reverse=True)


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/api/v1/zoeken/?q=", 400, "Vul een of meer zoekwoorden in"),
        ("/api/v1/zoeken/?q=lpa&regio=atlantis", 400, "Deze regio kennen we niet"),
        ("/api/v1/atlantis/rollen/", 404, "Deze regio bestaat niet"),
        ("/api/v1/amsterdam-diemen/scholen/?pagina=99", 400, "Deze pagina bestaat niet"),
        ("/api/v1/amsterdam-diemen/scholen/?pagina=x", 400, "Deze pagina bestaat niet"),
        ("/api/v1/amsterdam-diemen/scholen/?pagina=%C2%B2", 400, "Deze pagina bestaat niet"),  # ²
        ("/api/v1/amsterdam-diemen/scholen/?pagina=%D9%A1", 400, "Deze pagina bestaat niet"),  # Arabic-Indic 1
        ("/api/v1/amsterdam-diemen/scholen/?pagina=0", 400, "Deze pagina bestaat niet"),
        ("/api/v1/amsterdam-diemen/scholen/?pagina=" + "9" * 5000, 400, "Deze pagina bestaat niet"),
        ("/api/v1/bestaat/niet/", 404, "Dit adres bestaat niet in de API"),
    ],
)
def test_bad_api_input_gets_json_with_a_dutch_message(client, data, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    assert message in response.json()["fout"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
@pytest.mark.parametrize("url", ["/api/v1/", "/api/v1/regios/", "/api/v1/amsterdam-diemen/scholen/", "/api/v1/bestaat-niet/"])
def test_anything_but_get_is_a_json_405_not_a_csrf_page(db, method, url):
    client = Client(enforce_csrf_checks=True)  # as a real API client: no CSRF cookie or token
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json" and response["Allow"] == "GET, HEAD"
    assert response.json() == {"fout": "De API kan alleen lezen: gebruik GET."}


def test_control_characters_in_a_school_search_are_left_out(client, data):
    response = client.get("/api/v1/amsterdam-diemen/scholen/", {"q": "School 0\x00"})
    assert response.status_code == 200 and response.json()["count"] == 3  # School 0-0, 0-1 and 0-2


def test_hsds_export_is_the_hsds_api_for_the_region(client, data):
    response = client.get("/api/v1/amsterdam-diemen/hsds.json")
    assert response.status_code == 301
    assert response["Location"] == "/api/hsds/organizations?regio=amsterdam-diemen&full_service=true&per_page=100"
    body = client.get(response["Location"]).json()
    org = next(o for o in body["contents"] if o["name"] == "Buurtteam 0")
    assert org["phones"][0]["number"] == "020-555 1000"
    assert org["email"] == "team0@example.org"
    assert org["services"][0]["schedules"][0]["byday"] == "MO"
    assert org["services"][0]["name"] == "Wijkteammedewerker 0"
    assert "06-1234 5000" not in str(body)


@pytest.mark.parametrize("path", ["organisaties/", "rollen/", "scholen/", "routes/"])
def test_api_queries_do_not_grow_with_the_data(client, region_a, region_b, path):
    factories.region_dataset(region_a, size=1)
    factories.region_dataset(region_b, size=10)
    counts = []
    for region in ("amsterdam-diemen", "amersfoort"):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/api/v1/{region}/{path}").status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]
