"""A crawl as every kind of user: follow every link from the home page (and from /beheer/ for staff), GET only.

No page may answer 5xx, and no page may show a persona what it may not see: drafts of another region, drafts
at all for people who do not edit, and "professionals only" contact details for anonymous visitors. The secrets
are planted with words that appear nowhere else, so finding one in any response is a leak.
"""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import Resolver404, resolve

from directory.models import Assignment, ContactChannel, Organisation, Role, School
from regions.models import Region
from regions.permissions import PROFESSIONALS_GROUP
from tests import factories

# Every public link is followed. Admin pages repeat one view per object and per filter combination: a few of
# each view are fetched (the permission matrix tests every view on purpose-built objects), which keeps the crawl
# of some 30 admins to about a minute. The correction and login links differ only in the page they return to.
CAP_PER_VIEW = {"admin": 3, "correction": 3, "login": 3}
SKIP = ("/static/", "/uitloggen/", "/beheer/logout/")

SECRET = {
    "draft_a": "Kwartelkoning",  # a draft role of region A
    "draft_b": "Grutto",  # a draft role of region B
    "draft_national": "Roerdomp",  # a national draft glossary term
    "private_a": "06-1357 2468",  # a professionals-only channel of a region A organisation
    "private_b": "06-9753 8642",  # a professionals-only assignment at a region B school
}
FORBIDDEN = {
    "anonymous": {"draft_a", "draft_b", "draft_national", "private_a", "private_b"},
    "professional": {"draft_a", "draft_b", "draft_national"},
    "editor_a": {"draft_b"},
    "admin_a": {"draft_b"},
    "superuser": set(),
}


@pytest.fixture
def planted(db):
    call_command("load_content", verbosity=0)
    region_a = Region.objects.get(slug="amsterdam-diemen")
    region_b = Region.objects.get(slug="amersfoort")
    national = Region.objects.get(is_national=True)
    factories.RoleFactory(region=region_a, slug="geheim-a", name=f"{SECRET['draft_a']} (concept)", status="draft")
    factories.RoleFactory(region=region_b, slug="geheim-b", name=f"{SECRET['draft_b']} (concept)", status="draft")
    factories.GlossaryTermFactory(region=national, slug="geheim", term=SECRET["draft_national"], status="draft")
    organisation = Organisation.objects.published().filter(region=region_a).order_by("pk").first()
    ContactChannel.objects.create(organisation=organisation, kind="phone", value=SECRET["private_a"],
                                  visibility="professionals", order=99)  # fmt: skip
    school = School.objects.published().filter(region=region_b).order_by("pk").first()
    role = Role.objects.published().filter(region=region_b).order_by("pk").first()
    Assignment.objects.create(school=school, role=role, region=region_b, person_name="Persoon B", status="published",
                              phone=SECRET["private_b"], visibility="professionals")  # fmt: skip
    return region_a


def persona_user(name: str, region_a: Region):
    if name == "anonymous":
        return None
    if name == "professional":
        user = factories.UserFactory(username="crawl-professional")
        user.groups.add(Group.objects.get_or_create(name=PROFESSIONALS_GROUP)[0])
        return user
    if name == "editor_a":
        return factories.editor_of(region_a, username="crawl-redacteur")
    if name == "admin_a":
        return factories.editor_of(region_a, username="crawl-regiobeheer", role="admin")
    return factories.UserFactory(username="crawl-super", is_staff=True, is_superuser=True)


def view_of(url: str) -> tuple[str, str]:
    """(the cap that applies, the view's name): admin views are capped per view, a few public ones too."""
    path = urlsplit(url).path
    try:
        name = resolve(path).view_name
    except Resolver404:
        return ("public", path)
    if path.startswith(("/beheer/", "/voorbeeld/")):
        return ("admin", name)
    return (name if name in CAP_PER_VIEW else "public", name)


def links(base: str, html: str, *, staff: bool) -> list[str]:
    found = []
    for href in re.findall(r'href="([^"#]*)', html):
        url = urljoin(base, unescape(href))
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith(SKIP):
            continue
        if parts.path.startswith(("/beheer/", "/voorbeeld/")) and not staff:
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


@pytest.mark.parametrize("persona", list(FORBIDDEN))
def test_no_page_fails_or_leaks_for(client, planted, persona):
    user = persona_user(persona, planted)
    if user is not None:
        client.force_login(user)
    staff = bool(user and user.is_staff)
    queue = ["/", "/ouders/", "/beheer/"] if staff else ["/", "/ouders/"]
    seen: set[str] = set()
    per_view: Counter = Counter()
    fetched = 0
    failures, leaks = [], []
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        cap, view = view_of(url)
        per_view[view] += 1
        if cap in CAP_PER_VIEW and per_view[view] > CAP_PER_VIEW[cap]:
            continue
        fetched += 1
        response = client.get(url)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {url}")
            continue
        body = response.content.decode(errors="replace") if not response.streaming else ""
        leaks += [f"{what} on {url}" for what in FORBIDDEN[persona] if SECRET[what] in body]
        if "html" in response.get("Content-Type", ""):
            queue += [link for link in links(url, body, staff=staff) if link not in seen]
    assert fetched > (500 if staff else 200), f"the crawl fetched only {fetched} pages"
    assert not failures, failures
    assert not leaks, leaks
