"""bench/hsds_tabular.py turns the nested HSDS organizations into the tabular package another HSDS tool imports."""

import csv
import json

from bench.hsds_tabular import flatten, write
from tests import factories
from tests.caching import clear_cache


def read(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_csv_per_table_linked_by_ids_with_public_phones_only(client, region_a, tmp_path):
    factories.region_dataset(region_a, size=2)
    clear_cache()
    rows: dict = {}
    for org in client.get("/api/hsds/organizations", {"full_service": "true", "regio": "amsterdam-diemen"}).json()["contents"]:
        flatten(org, "organization", rows)
    counts = write(tmp_path, rows, "amsterdam-diemen")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert len(package["resources"]) == 21 and all((tmp_path / r["path"]).exists() for r in package["resources"])
    organisations = {r["id"]: r for r in read(tmp_path / "organizations.csv")}
    services = read(tmp_path / "services.csv")
    assert {s["name"] for s in services} == {"Wijkteammedewerker 0", "Wijkteammedewerker 1"}
    assert all(organisations[s["organization_id"]]["name"].startswith("Buurtteam") for s in services)
    phones = read(tmp_path / "phones.csv")
    assert {p["number"] for p in phones} == {"020-555 1000", "020-555 1001"}  # never the professionals-only 06-1234 ...
    schedules = read(tmp_path / "schedules.csv")
    assert schedules and all(s["service_id"] and s["byday"] == "MO" for s in schedules)
    assert counts["service_areas.csv"] == 2 and counts["organizations.csv"] == 2
