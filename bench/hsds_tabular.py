"""Fetch a region's organizations from a running server's HSDS API and write the HSDS 3.0 tabular package.

    .venv/bin/python bench/hsds_tabular.py --base http://127.0.0.1:8000 --regio amsterdam-diemen --out /tmp/hsds-ams

Reads /api/hsds/organizations?full_service=true&regio=... page by page (and /api/hsds/taxonomies), flattens the
nested objects into one CSV per table with the columns `compiled/tabular.json` gives (a copy of the official
file is in tests/hsds/schema/), and writes a Frictionless `datapackage.json` describing them. A child row gets its
parent's id in the matching `<parent>_id` column when the API left it implicit.
"""

from __future__ import annotations

import argparse
import csv
import json
import urllib.parse
import urllib.request
from pathlib import Path

TABULAR = Path(__file__).resolve().parent.parent / "tests" / "hsds" / "schema" / "compiled" / "tabular.json"
# The key under which a nested object appears -> its table.
TABLE_OF_KEY = {
    "organization": "organization", "services": "service", "service": "service", "phones": "phone",
    "locations": "location", "location": "location", "addresses": "address", "schedules": "schedule",
    "service_areas": "service_area", "contacts": "contact", "languages": "language", "attributes": "attribute",
    "taxonomy_term": "taxonomy_term", "service_at_locations": "service_at_location", "metadata": "metadata",
    "funding": "funding", "cost_options": "cost_option", "required_documents": "required_document",
    "accessibility": "accessibility", "programs": "program", "program": "program",
    "organization_identifiers": "organization_identifier", "taxonomy_detail": "taxonomy",
}  # fmt: skip
FRICTIONLESS_FORMATS = {"uuid", "email", "uri"}


def tables() -> dict[str, dict]:
    """Table name -> {"path", "description", "fields": [(name, definition)]} (scalar columns, in order)."""
    described = json.loads(TABULAR.read_text(encoding="utf-8"))["properties"]
    result = {}
    for name, table in described.items():
        item = table["items"]
        fields = [(k, v) for k, v in item["properties"].items() if v.get("type") not in ("array", "object")]
        result[name] = {"path": item["path"], "description": item.get("description", ""), "fields": fields,
                        "required": item.get("required", [])}  # fmt: skip
    return result


def fetch(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=60) as response:  # a server the user names
        return json.loads(response.read().decode("utf-8"))


def pages(base: str, path: str, **params) -> list[dict]:
    items, page = [], 1
    while True:
        body = fetch(f"{base}{path}?{urllib.parse.urlencode({**params, 'page': page, 'per_page': 100})}")
        items += body["contents"]
        if body["last_page"] or body["empty"]:
            return items
        page += 1


def flatten(obj: dict, table: str, rows: dict[str, dict[str, dict]], parent: tuple[str, str] | None = None) -> None:
    row = {k: v for k, v in obj.items() if not isinstance(v, (dict, list))}
    if parent is not None:
        row.setdefault(f"{parent[0]}_id", parent[1])
    rows.setdefault(table, {}).setdefault(row["id"], {}).update(row)
    for key, value in obj.items():
        child_table = TABLE_OF_KEY.get(key)
        if child_table is None:
            continue
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, dict) and "id" in child:
                flatten(child, child_table, rows, (table, obj["id"]))


def write(out: Path, rows: dict[str, dict[str, dict]], regio: str) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    resources, counts = [], {}
    for name, table in tables().items():
        columns = [field for field, _ in table["fields"]]
        with (out / table["path"]).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            for row in rows.get(name, {}).values():
                writer.writerow(row)
        counts[table["path"]] = len(rows.get(name, {}))
        fields = []
        for field, definition in table["fields"]:
            described = {
                "name": field,
                "type": definition.get("type", "string"),
                "description": definition.get("description", ""),
            }
            if definition.get("format") in FRICTIONLESS_FORMATS:
                described["format"] = definition["format"]
            if field in table["required"]:
                described["constraints"] = {"required": True}
            fields.append(described)
        resources.append({"name": name, "path": table["path"], "profile": "tabular-data-resource", "format": "csv",
                          "mediatype": "text/csv", "encoding": "utf-8", "description": table["description"],
                          "schema": {"fields": fields, "primaryKey": "id"}})  # fmt: skip
    package = {
        "profile": "tabular-data-package",
        "name": f"wie-doet-wat-{regio}",
        "title": f"Wie doet wat, regio {regio}: Open Referral HSDS 3.0",
        "resources": resources,
    }
    (out / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000", help="the server, without /api/hsds")
    parser.add_argument("--regio", required=True, help="region slug, e.g. amsterdam-diemen")
    parser.add_argument("--out", type=Path, required=True, help="folder for the CSV files and datapackage.json")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    rows: dict[str, dict[str, dict]] = {}
    for org in pages(base, "/api/hsds/organizations", full_service="true", regio=args.regio):
        flatten(org, "organization", rows)
    for taxonomy in pages(base, "/api/hsds/taxonomies"):
        flatten(taxonomy, "taxonomy", rows)
    for path, count in write(args.out, rows, args.regio).items():
        if count:
            print(f"{path:<28}{count:>6}")


if __name__ == "__main__":
    main()
