"""The OpenAPI 3.1 description of our own read-only API (/api/v1/), served at /api/v1/openapi.json.

Written out here rather than generated from the views: the API is plain Django views without a serializer layer
a tool could read, and the document must state what the views promise (public data only, the Dutch error body,
100 schools per page). tests/directory/test_openapi.py checks that every URL pattern under /api/v1/ is in it and
runs schemathesis against it.
"""

from __future__ import annotations

from front.hsds.params import DEFAULT_PER_PAGE, MAX_PER_PAGE

SCHOOLS_PER_PAGE = 100


def _string(**extra) -> dict:
    return {"type": "string", **extra}


def _obj(properties: dict, required: list[str] | None = None) -> dict:
    return {"type": "object", "properties": properties, "required": required if required is not None else list(properties)}


def _list(ref: str) -> dict:
    return {"type": "array", "items": {"$ref": f"#/components/schemas/{ref}"}}


def _ok(description: str, ref: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _results(ref: str, region: bool = True) -> dict:
    properties = {"region": _string(description="De slug van de regio.")} if region else {}
    return _obj({**properties, "results": _list(ref)})


NULLABLE_STRING = {"type": ["string", "null"]}
SCHEMAS = {
    "Error": _obj({"fout": _string(description="Wat er mis is, in het Nederlands.")}),
    "Index": _obj(
        {"regions": _string(format="uri"), "search": _string(), "documentation": _string(), "openapi": _string(format="uri")}
    ),
    "Source": _obj({"document": _string(description="Het handboek."), "section": _string(description="Het hoofdstuk.")}),
    "RegionLink": _obj(
        {
            "slug": _string(),
            "name": _string(),
            "url": _string(format="uri"),
            "organisations": _string(format="uri"),
            "roles": _string(format="uri"),
            "schools": _string(format="uri"),
            "routes": _string(format="uri"),
            "hsds": _string(format="uri"),
        }  # fmt: skip
    ),
    "Channel": _obj(
        {
            "kind": _string(enum=["phone", "email", "website", "address", "postal_address", "whatsapp", "other"]),
            "label": _string(),
            "value": _string(),
            "href": _string(),
        }
    ),  # fmt: skip
    "OpeningHours": _obj(
        {
            "weekday": {"type": "integer", "minimum": 0, "maximum": 6, "description": "0 is maandag."},
            "day": _string(),
            "opens": _string(pattern="^[0-2][0-9]:[0-5][0-9]$"),
            "closes": _string(pattern="^[0-2][0-9]:[0-5][0-9]$"),
            "note": _string(),
        }  # fmt: skip
    ),
    "Organisation": _obj(
        {
            "slug": _string(),
            "name": _string(),
            "kind": _string(),
            "kind_label": _string(),
            "url": _string(format="uri"),
            "description": _string(),
            "channels": _list("Channel"),
            "opening_hours": _list("OpeningHours"),
            "updated_at": _string(format="date-time"),
            "source": {"$ref": "#/components/schemas/Source"},
        }  # fmt: skip
    ),
    "Role": _obj(
        {
            "slug": _string(),
            "name": _string(),
            "abbreviation": _string(),
            "summary": _string(),
            "url": _string(format="uri"),
            "organisation": {**NULLABLE_STRING, "description": "Slug van de organisatie; null voor schoolpersoneel."},
            "sectors": {"type": "array", "items": _string()},
            "tasks": _string(),
            "approach_for": _string(),
            "not_for": _string(),
            "contact": _string(),
            "updated_at": _string(format="date-time"),
            "source": {"$ref": "#/components/schemas/Source"},
        }  # fmt: skip
    ),
    "SchoolContact": _obj({"role": _string(), "role_name": _string(), "name": _string(), "phone": _string(), "email": _string()}),
    "SchoolScope": {
        "type": ["object", "null"],
        "description": "Wat het handboek van de regio over deze school zegt; null als de school buiten de regio valt.",
        "properties": {
            "municipality": _string(),
            "place": _string(),
            "coverage": _string(),
            "sectors": {"type": "array", "items": _string()},
            "described_by_handbook": {"type": "boolean"},
            "partnership_known": {"type": "boolean"},
            "covers": _string(),
            "not_covered": _string(),
        },
    },  # fmt: skip
    "School": {
        **_obj(
            {
                "slug": _string(),
                "name": _string(),
                "sector": _string(),
                "municipality": _string(),
                "brin": _string(),
                "location_number": _string(),
                "vestigingscode": _string(description="BRIN en vestigingsnummer."),
                "street": _string(),
                "postcode": _string(),
                "city": _string(),
                "phone": _string(),
                "website": _string(),
                "board_number": _string(),
                "denomination": _string(),
                "duo_kind": _string(),
                "structure": _string(),
                "cluster": _string(),
                "education": _string(),
                "duo_date": {"type": ["string", "null"], "format": "date"},
                "closed_on": {"type": ["string", "null"], "format": "date"},
                "scope": {"$ref": "#/components/schemas/SchoolScope"},
                "url": _string(format="uri"),
                "is_demo": {"type": "boolean"},
                "contacts": _list("SchoolContact"),
            }  # fmt: skip
        ),
    },
    "SchoolPage": _obj(
        {
            "region": _string(),
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "pages": {"type": "integer", "minimum": 1},
            "results": _list("School"),
        }  # fmt: skip
    ),
    "Transition": _obj({"to": _string(), "kind": _string(), "label": _string()}),
    "Step": _obj(
        {
            "slug": _string(),
            "order": {"type": "integer"},
            "code": _string(),
            "title": _string(),
            "branch": _string(),
            "phase": NULLABLE_STRING,
            "description": _string(),
            "regie_role": NULLABLE_STRING,
            "regie_text": _string(),
            "roles": {"type": "array", "items": _string()},
            "requires": _string(),
            "parents": _string(),
            "deadlines": _string(),
            "next": _list("Transition"),
        }  # fmt: skip
    ),
    "Route": _obj(
        {
            "slug": _string(),
            "name": _string(),
            "kind": _string(),
            "url": _string(format="uri"),
            "sectors": {"type": "array", "items": _string()},
            "summary": _string(),
            "source": {"$ref": "#/components/schemas/Source"},
            "steps": _list("Step"),
        }  # fmt: skip
    ),
    "SearchHit": _obj(
        {
            "kind": _string(),
            "kind_label": _string(),
            "title": _string(),
            "url": _string(format="uri"),
            "snippet": _string(),
            "region": _string(),
            "score": {"type": "number"},
            "matched": {"type": "array", "items": _string()},
        }  # fmt: skip
    ),
    "SearchResults": _obj(
        {
            "query": _string(),
            "corrected": _string(description="De verbeterde zoekvraag, of leeg."),
            "expanded_with": {"type": "array", "items": _string()},
            "results": _list("SearchHit"),
        }  # fmt: skip
    ),
    "Regions": _obj({"results": _list("RegionLink")}),
    "Organisations": _results("Organisation"),
    "Roles": _results("Role"),
    "Routes": _results("Route"),
}
REGION = {
    "name": "region",
    "in": "path",
    "required": True,
    "description": "De slug van een regio, zie /regios/. Een onbekende regio geeft 404.",
    "schema": _string(pattern="^[a-z0-9-]+$", maxLength=60),
}
NOT_FOUND = {"404": {"$ref": "#/components/responses/NotFound"}, "405": {"$ref": "#/components/responses/MethodNotAllowed"}}
ONLY_GET = {"405": {"$ref": "#/components/responses/MethodNotAllowed"}}


def _get(summary: str, responses: dict, parameters: list | None = None) -> dict:
    operation = {"summary": summary, "responses": responses}
    if parameters:
        operation["parameters"] = parameters
    return {"get": operation}


def _query(name: str, description: str, schema: dict, required: bool = False) -> dict:
    return {"name": name, "in": "query", "required": required, "description": description, "schema": schema}


PATHS = {
    "/": _get("Links naar de onderdelen van de API.", {"200": _ok("De links.", "Index"), **ONLY_GET}),
    "/openapi.json": _get(
        "Dit document.", {"200": {"description": "OpenAPI 3.1.", "content": {"application/json": {}}}, **ONLY_GET}
    ),
    "/regios/": _get("De regio's met de adressen van hun lijsten.", {"200": _ok("De regio's.", "Regions"), **ONLY_GET}),
    "/zoeken/": _get(
        "Zoeken in alle gepubliceerde inhoud, beste treffer eerst.",
        {
            "200": _ok("De treffers.", "SearchResults"),
            "400": _error("Geen zoekwoorden, te lang, of een onbekende regio of schoolsoort."),
            **ONLY_GET,
        },
        [
            _query("q", "Zoekwoorden (hooguit 200 tekens).", _string(maxLength=200), required=True),
            _query("regio", "Alleen deze regio (slug) en landelijke inhoud.", _string()),
            _query("sector", "Alleen deze schoolsoort (code, zoals po of vo).", _string()),
        ],
    ),
    "/{region}/organisaties/": _get(
        "De organisaties van een regio met hun openbare contactgegevens en openingstijden.",
        {"200": _ok("De organisaties.", "Organisations"), **NOT_FOUND},
        [REGION],
    ),
    "/{region}/rollen/": _get("De rollen van een regio.", {"200": _ok("De rollen.", "Roles"), **NOT_FOUND}, [REGION]),
    "/{region}/scholen/": _get(
        f"De scholen van een regio met hun openbare contactpersonen, {SCHOOLS_PER_PAGE} per pagina.",
        {"200": _ok("Eén pagina scholen.", "SchoolPage"), "400": _error("Een pagina die niet bestaat."), **NOT_FOUND},
        [
            REGION,
            _query("q", "Filter op naam, plaats of postcode (hooguit 100 tekens).", _string()),
            _query(
                "pagina",
                "Paginanummer, van 1 tot en met `pages`; een andere waarde geeft 400.",
                {"type": "integer", "minimum": 1},
            ),
        ],
    ),
    "/{region}/routes/": _get(
        "De routes van een regio met hun stappen.", {"200": _ok("De routes.", "Routes"), **NOT_FOUND}, [REGION]
    ),
    "/{region}/hsds.json": _get(
        "Verwijst (301) naar de HSDS 3.0-API: /api/hsds/organizations?regio=...&full_service=true&per_page=100.",
        {"301": {"description": "Naar de HSDS-API.", "headers": {"Location": {"schema": _string()}}}, **NOT_FOUND},
        [REGION],
    ),
}


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Wie doet wat: JSON-API",
            "version": "1",
            "summary": "Wie doet wat rond de school: organisaties, rollen, scholen, routes en zoeken, alleen lezen.",
            "description": (
                "Alleen gepubliceerde, openbare gegevens: nooit een contactgegeven dat alleen voor professionals is, "
                "ook niet voor een ingelogde professional. UTF-8 JSON met `Access-Control-Allow-Origin: *`. Fouten zijn "
                'JSON met een Nederlandse melding: `{"fout": "..."}`, status 400 (verkeerde parameter), 404 (onbekende '
                "regio of adres) of 405 (alles behalve GET en HEAD, met `Allow: GET, HEAD`). Scholen komen per "
                f"{SCHOOLS_PER_PAGE} (`pagina`). De Open Referral HSDS 3.0-API staat apart onder /api/hsds/ en volgt het "
                f"officiële HSDS-OpenAPI-document; daar geldt `page` vanaf 1 en `per_page` van 1 tot en met {MAX_PER_PAGE} "
                f"(standaard {DEFAULT_PER_PAGE}), met dezelfde foutmelding."
            ),
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "servers": [{"url": "/api/v1"}],
        "paths": PATHS,
        "components": {
            "schemas": SCHEMAS,
            "responses": {
                "NotFound": _error("Onbekende regio of adres."),
                "MethodNotAllowed": {
                    **_error("Alleen GET en HEAD."),
                    "headers": {"Allow": {"schema": _string(const="GET, HEAD")}},
                },
            },
        },
    }
