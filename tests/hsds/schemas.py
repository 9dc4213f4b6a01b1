"""The official HSDS 3.0 schemas (tests/hsds/schema, CC BY-SA 4.0), loaded offline.

- `validator(name)`: a JSON Schema 2020-12 validator with format checks (uuid, email, uri, date-time) for one of
  the compiled schemas or taxonomy/taxonomy_term; their relative `$ref`s resolve to the local copies.
- `local_openapi()`: the official openapi.json with its `$ref`s to raw.githubusercontent.com pointed at
  components/schemas filled from the local copies, for schemathesis.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).parent / "schema"
UPSTREAM = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
FILES = [
    "compiled/organization.json",
    "compiled/organization_list.json",
    "compiled/service.json",
    "compiled/service_list.json",
    "compiled/service_at_location.json",
    "compiled/service_at_location_list.json",
    "taxonomy.json",
    "taxonomy_term.json",
    "metadata.json",
]


@cache
def load(path: str) -> dict:
    return json.loads((SCHEMA_DIR / path).read_text(encoding="utf-8"))


@cache
def registry() -> Registry:
    return Registry().with_resources(
        (UPSTREAM + path, Resource.from_contents(load(path), default_specification=DRAFT202012)) for path in FILES
    )


@cache
def validator(path: str) -> Draft202012Validator:
    """Validates against the upstream file `path` (e.g. "compiled/organization.json")."""
    return Draft202012Validator({"$ref": UPSTREAM + path}, registry=registry(), format_checker=FormatChecker())


def errors(path: str, instance) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(path).iter_errors(instance)]


def page_errors(body: dict, item_path: str) -> list[str]:
    """A paginated HSDS list: the Page fields of the OpenAPI document, and each item against `item_path`."""
    page_schema = {**load("openapi.json")["components"]["schemas"]["Page"], "required": ["contents"]}
    found = [f"page: {e.message}" for e in Draft202012Validator(page_schema).iter_errors(body)]
    for i, item in enumerate(body.get("contents", [])):
        found += [f"contents/{i}/{e}" for e in errors(item_path, item)]
    return found


def _component(path: str) -> str:
    return Path(path).stem if not path.startswith("compiled/") else "compiled_" + Path(path).stem


def _relink(node, base: str):
    """Replace every $ref to an upstream file (absolute, or relative to `base`) by a components/schemas $ref."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            path = ref[len(UPSTREAM) :] if ref.startswith(UPSTREAM) else str(Path(base).parent / ref).lstrip("./")
            node = {**node, "$ref": f"#/components/schemas/{_component(path)}"}
        return {key: _relink(value, base) for key, value in node.items()}
    if isinstance(node, list):
        return [_relink(item, base) for item in node]
    return node


@cache
def _local_openapi() -> dict:
    document = _relink(copy.deepcopy(load("openapi.json")), "openapi.json")
    schemas = document["components"]["schemas"]
    for path in FILES:
        schemas[_component(path)] = _relink(copy.deepcopy(load(path)), path)
    return document


def local_openapi() -> dict:
    return copy.deepcopy(_local_openapi())
