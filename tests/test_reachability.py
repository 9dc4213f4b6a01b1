"""Everything loaded from fixtures/content/ is on a public page: an anonymous crawl from / finds every content object.

"Content object" is derived from the apps, not listed: every model with a source (`source_document`) that belongs
to a region (a `region_path`). An object is reachable when its absolute URL was fetched by the crawl and, when that
URL has a #fragment, the page carries an element with that id. A model that is deliberately not public says so in
INTERNAL, with the reason.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command

SKIP = ("/static/", "/uitloggen/", "/beheer/", "/voorbeeld/", "/inloggen/", "/api/")

# Models with a source and a region that no public page shows on purpose, and why.
INTERNAL: dict[str, str] = {}

NOT_YET_SHOWN: dict[str, str] = {}


def content_models() -> list:
    """Every concrete model with a source that belongs to a region; history tables excluded."""
    found = []
    for model in apps.get_models():
        names = {f.name for f in model._meta.get_fields()}
        if model.__name__.startswith("Historical") or "source_document" not in names:
            continue
        if getattr(model, "region_path", None) or "region" in names:
            found.append(model)
    return found


def public_objects(model):
    manager = model._default_manager
    return list(manager.published() if hasattr(manager, "published") else manager.all())


def crawl(client, start: str = "/") -> dict[str, str]:
    """Every public page reachable by links from `start`, as {path?query: html}; fails on any 5xx."""
    queue, pages, failures = [start], {}, []
    while queue:
        url = queue.pop(0)
        if url in pages:
            continue
        response = client.get(url)
        pages[url] = ""
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {url}")
            continue
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        body = response.content.decode()
        pages[url] = body
        for href in re.findall(r'href="([^"]*)"', body):
            parts = urlsplit(urljoin(url, unescape(href)))
            if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
                continue
            if not parts.path.startswith("/") or parts.path.startswith(SKIP):
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if link not in pages:
                queue.append(link)
    assert not failures, failures
    return pages


def is_reachable(obj, pages: dict[str, str]) -> bool:
    parts = urlsplit(obj.get_absolute_url())
    html = pages.get(parts.path + (f"?{parts.query}" if parts.query else ""))
    if not html:
        return False
    return not parts.fragment or f'id="{parts.fragment}"' in html


@pytest.mark.django_db
def test_every_loaded_content_object_is_reachable_from_a_public_page(client):
    call_command("load_content", verbosity=0)
    pages = crawl(client)
    models = content_models()
    # The derivation must find the content of every app, or this test checks nothing.
    labels = {m._meta.label for m in models}
    assert {"directory.Role", "routes.Step", "routes.Topic", "parents.FlowNode", "directory.MeetingEvaluation"} <= labels
    unseen, stale, checked = [], [], 0
    for model in models:
        label = model._meta.label
        if label in INTERNAL:
            continue
        objects = public_objects(model)
        missing = [obj for obj in objects if not is_reachable(obj, pages)]
        if label in NOT_YET_SHOWN:
            if objects and not missing:
                stale.append(f"{label} is now reachable: remove it from NOT_YET_SHOWN")
            continue
        checked += len(objects)
        unseen += [f"{label} '{obj}' ({obj.get_absolute_url()})" for obj in missing]
    assert checked > 250, f"only {checked} objects checked"
    assert not unseen, f"{len(unseen)} loaded but unseen:\n" + "\n".join(unseen)
    assert not stale, stale
