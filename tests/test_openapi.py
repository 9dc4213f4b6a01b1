"""/api/v1/openapi.json describes every endpoint of our own API, and schemathesis finds no failure against it."""

import re
from pathlib import Path

import pytest
from django.urls import URLPattern

from front import api_urls
from tests.schemathesis_run import positive_data_acceptance, run_schemathesis

pytestmark = pytest.mark.django_db


def openapi_path(pattern: URLPattern) -> str:
    """The route as an OpenAPI path: <slug:region>/scholen/ becomes /{region}/scholen/."""
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))


def test_every_url_under_api_v1_is_described(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    patterns = {openapi_path(p) for p in api_urls.urlpatterns if p.name != "unknown"}
    assert patterns == set(document["paths"])
    assert client.get("/api/v1/").json()["openapi"] == "http://testserver/api/v1/openapi.json"


def test_the_readme_links_both_documents():
    readme = Path("README.md").read_text(encoding="utf-8")
    assert "/api/v1/openapi.json" in readme and "/api/hsds/" in readme


def test_schemathesis_finds_no_failure_against_our_document(handbook, client):
    document = client.get("/api/v1/openapi.json").json()
    # Every check but "each schema-valid request is accepted": a well-formed value that names nothing (a region we do
    # not know in ?regio=, a page past the last, a query of stop words only) gets the 400 the document describes.
    calls = run_schemathesis(document, max_examples=15, excluded_checks=(positive_data_acceptance,))
    assert len(calls) == len(document["paths"]) and all(calls.values()), calls
    print(f"\nschemathesis /api/v1: {len(calls)} operations, {sum(calls.values())} requests, no failure")
