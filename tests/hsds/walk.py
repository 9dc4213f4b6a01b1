"""Fetch every HSDS response (each endpoint, every page, list and detail, with and without full_service) and
check each against the official schema it must validate against."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from tests.hsds import schemas

LISTS = [
    # url, schema of each item
    ("/api/hsds/organizations", "compiled/organization_list.json"),
    ("/api/hsds/organizations?full_service=true", "compiled/organization.json"),
    ("/api/hsds/organizations?full=true", "compiled/organization.json"),
    ("/api/hsds/services", "compiled/service_list.json"),
    ("/api/hsds/services?full=true", "compiled/service.json"),
    ("/api/hsds/service_at_locations", "compiled/service_at_location_list.json"),
    ("/api/hsds/taxonomies", "taxonomy.json"),
    ("/api/hsds/taxonomy_terms", "taxonomy_term.json"),
]
DETAILS = {
    # list url: [(detail url template, schemas the detail must validate against)]
    "/api/hsds/organizations": [
        ("/api/hsds/organizations/{id}", ["compiled/organization.json"]),
        ("/api/hsds/organizations/{id}?full_service=true", ["compiled/organization.json"]),
    ],
    "/api/hsds/services": [("/api/hsds/services/{id}", ["compiled/service.json"])],
    # The official OpenAPI document gives /service_at_locations/{id} the service schema: it must pass both.
    "/api/hsds/service_at_locations": [
        ("/api/hsds/service_at_locations/{id}", ["compiled/service_at_location.json", "compiled/service.json"])
    ],
    "/api/hsds/taxonomies": [("/api/hsds/taxonomies/{id}", ["taxonomy.json"])],
    "/api/hsds/taxonomy_terms": [("/api/hsds/taxonomy_terms/{id}", ["taxonomy_term.json"])],
}


@dataclass
class Report:
    responses: int = 0
    objects: int = 0
    errors: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)


def nulls(node, path: str = "") -> Iterator[str]:
    """Where a value is null: HSDS leaves an empty field out instead."""
    if node is None:
        yield path or "/"
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from nulls(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from nulls(value, f"{path}/{i}")


def _get(client, url: str, report: Report) -> dict:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/json"
    report.responses += 1
    report.bodies.append(response.content.decode())
    body = response.json()
    report.errors += [f"{url}: null at {where}" for where in nulls(body)]
    return body


def pages(client, url: str, report: Report, per_page: int = 100) -> Iterator[dict]:
    number = 1
    while True:
        joiner = "&" if "?" in url else "?"
        body = _get(client, f"{url}{joiner}per_page={per_page}&page={number}", report)
        yield body
        if body["last_page"] or body["empty"]:
            return
        number += 1


def walk(client, *, detail_every: int = 1) -> Report:
    """Every list page and the detail of every `detail_every`-th item of each list."""
    report = Report()
    index = _get(client, "/api/hsds/", report)
    if index.get("version") != "3.0":
        report.errors.append(f"/api/hsds/: version {index.get('version')!r}")
    for url, item_schema in LISTS:
        ids = []
        for body in pages(client, url, report):
            report.errors += [f"{url}: {e}" for e in schemas.page_errors(body, item_schema)]
            report.objects += len(body["contents"])
            ids += [item["id"] for item in body["contents"]]
        for template, detail_schemas in DETAILS.get(url, []):
            for hsds_id in ids[::detail_every]:
                detail_url = template.format(id=hsds_id)
                body = _get(client, detail_url, report)
                report.objects += 1
                for schema in detail_schemas:
                    report.errors += [f"{detail_url} ({schema}): {e}" for e in schemas.errors(schema, body)]
    return report
