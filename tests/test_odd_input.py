"""Odd input to every GET parameter of every public page and API endpoint: a 2xx, 3xx or 4xx, never a 5xx.

The URLs come from the URLconf and each view's parameters from what it reads from the query string, so a new view
or a new parameter is tested without being listed here. Runs against the real handbook content, loaded once.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from unittest import mock

import pytest
from django.http import QueryDict
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from directory.models import GlossaryTerm, Organisation, Role, School
from parents.models import FlowNode
from regions.models import Region
from routes.models import Route, Situation, Topic
from tests.caching import clear_cache

# Not public: the admin and the editors' preview need a staff login; the password-reset confirmation checks a
# signed token before it reads anything.
NOT_PUBLIC = {"invite", "preview", "password_reset_confirm"}

# Which object a <slug> in a URL names.
SLUG_MODELS = {
    "directory:term": GlossaryTerm,
    "front:school": School,
    "front:school_feed": School,
    "directory:school_vcard": School,
    "front:role": Role,
    "directory:organisation": Organisation,
    "routes:route": Route,
    "routes:situation": Situation,
    "routes:topic": Topic,
    "routes:national_topic": Topic,
}
NATIONAL = {"routes:national_topic"}  # a <slug> that names the national region's object

UNKNOWN = "onbekend"  # a parameter no view reads


SPECIAL = [
    "",
    " ",
    "\t",
    "\x00",
    "\r\n",
    "\x1b[31m",
    "²",
    "¹",
    "²²²²",
    "1.²",
    "٣",
    "١٠٥٥",
    "๑๒",
    "0",
    "00",
    "-1",
    "+1",
    "1e400",
    "NaN",
    "inf",
    "-0",
    "1.2",
    "1,5",
    "..",
    "1..2",
    ".1",
    "1.",
    "%",
    "'",
    '"',
    "<script>",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "9" * 5000,
    "x" * 10_000,
    "1." * 40,
    "amsterdam-diemen",
    "po",
    "1055 AB",
]
ODD_VALUES = st.one_of(
    st.sampled_from(SPECIAL),
    st.text("0129²¹٣.,- ", min_size=1, max_size=12),  # numbers, and digits that str.isdigit() accepts but int() refuses
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.text(st.characters(codec="utf-8", categories=("Nd", "No", "Lu", "Ll", "Lo", "Cc", "Zs", "Po", "Sm")), max_size=40),
)


def url_patterns(patterns=None, prefix: str = "", namespace: str = ""):
    """(name, route) of every URL pattern outside the admin site, walked from the root URLconf."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern)


PATTERNS = sorted(name for name, _ in url_patterns() if name not in NOT_PUBLIC)


def example_url(name: str, client: Client) -> str:
    """A real URL for the pattern: an existing object for <slug> and <node>, a region whose page answers 200."""
    parts = set(re.findall(r"<(?:\w+:)?(\w+)>", dict(url_patterns())[name]))
    if "slug" in parts:
        assert name in SLUG_MODELS, f"{name}: say in SLUG_MODELS which object its <slug> names"
        objects = SLUG_MODELS[name].objects.published().order_by("pk")
        if "region" in parts or name in NATIONAL:
            objects = objects.filter(region__is_national=name in NATIONAL)
        obj = objects.first()
        kwargs = {"slug": obj.slug, **({"region": obj.region.slug} if "region" in parts else {})}
        return reverse(name, kwargs=kwargs)
    if parts == {"region", "node"}:
        node = FlowNode.objects.select_related("flow__region").order_by("pk").first()
        return reverse(name, kwargs={"region": node.flow.region.slug, "node": node.pk})
    if parts == {"region"}:
        for region in Region.objects.filter(is_national=False).order_by("slug"):
            url = reverse(name, kwargs={"region": region.slug})
            if client.get(url).status_code in (200, 301):  # hsds.json redirects to the HSDS API
                return url
        raise AssertionError(f"{name}: no region answers 200")
    if parts == {"hsds_id"}:  # an HSDS detail: the first item of its list
        listing = "hsds:taxonomies" if name == "hsds:taxonomy" else f"{name}s"
        first = client.get(reverse(listing)).json()["contents"][0]
        return reverse(name, kwargs={"hsds_id": first["id"]})
    assert not parts, f"{name}: teach example_url the parts of its URL: {parts}"
    return reverse(name)


@contextmanager
def recording_reads():
    """Every key a view reads from a QueryDict (request.GET), through any of the ways forms and views read it."""
    names: set[str] = set()

    def spy(method):
        def read(self, key, *args, **kwargs):
            if isinstance(self, QueryDict):  # URL resolving uses MultiValueDicts too
                names.add(key)
            return method(self, key, *args, **kwargs)

        return read

    with (
        mock.patch.object(MultiValueDict, "get", spy(MultiValueDict.get)),
        mock.patch.object(MultiValueDict, "getlist", spy(MultiValueDict.getlist)),
        mock.patch.object(MultiValueDict, "__getitem__", spy(MultiValueDict.__getitem__)),
        mock.patch.object(MultiValueDict, "__contains__", spy(dict.__contains__), create=True),
    ):
        yield names


@pytest.fixture(scope="module")
def site(handbook, django_db_blocker):
    """Per URL of the handbook content (loaded once for this module, tests/conftest.py) its parameters."""
    with django_db_blocker.unblock():
        clear_cache()
        client = Client(raise_request_exception=False)
        urls = {name: example_url(name, client) for name in PATTERNS}
        params = {}
        for name, url in urls.items():
            clear_cache()  # a cached page would answer before the view reads anything
            with recording_reads() as names:
                client.get(url, {UNKNOWN: "1"})  # a parameter binds most views' forms, so they read every field
            params[name] = sorted(names - {UNKNOWN})
        yield {"urls": urls, "params": params}


def test_every_public_url_is_tested(site):
    assert {"front:school", "parents:region", "api:schools", "api:hsds", "hsds:organization", "correction"} <= set(site["urls"])
    assert all(name.split(":")[0] != "admin" for name in site["urls"])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("front:search", {"q", "regio", "sector"}),
        ("directory:school_list", {"q", "pagina"}),
        ("directory:team_finder", {"postcode"}),
        ("parents:home", {"plaats"}),
        ("parents:region", {"pad"}),
        ("routes:route", {"stap"}),
        ("routes:attendance_check", {"sick_reports_12w", "consecutive_sick_days", "unexcused_hours_4w", "attendance_pct"}),
        ("correction", {"pagina"}),
        ("api:schools", {"q", "pagina"}),
        ("api:search", {"q", "regio", "sector"}),
        (
            "hsds:services",
            {"page", "per_page", "search", "full", "taxonomy_term_id", "organization_id", "modified_after", "regio"},
        ),
        ("hsds:organizations", {"page", "per_page", "search", "full", "full_service", "regio", "format"}),
    ],
)
def test_the_parameters_each_view_reads_are_found(site, name, expected):
    assert expected <= set(site["params"][name])


@pytest.mark.django_db
@pytest.mark.parametrize("name", PATTERNS)
def test_odd_input_to_any_parameter_never_causes_a_server_error(site, name):
    url, names = site["urls"][name], [*site["params"][name], UNKNOWN]
    client = Client(raise_request_exception=False)

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(query=st.dictionaries(st.sampled_from(names), ODD_VALUES, min_size=1, max_size=len(names)))
    def check(query):
        response = client.get(url, query)
        assert response.status_code < 500, (url, query)

    # Every special value in every parameter the view reads, always; then generated combinations.
    for parameter in site["params"][name]:
        for value in SPECIAL:
            check = example(query={parameter: value})(check)
    check()
