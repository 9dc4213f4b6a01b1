"""The shared cast: an editor of region A, an editor of region B, a signed-in professional, an anonymous parent."""

import os
import shutil

import pytest
from django.core.management import call_command
from django.db import transaction

from regions.models import Region
from tests import factories

# Playwright's sync API runs an event loop in the test thread; Django's live_server is safe with it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: page-cache keys repeat when each test's database starts afresh."""
    from tests.caching import clear_cache

    clear_cache()


@pytest.fixture(scope="module")
def handbook(django_db_setup, django_db_blocker):
    """The handbook content, loaded once for the test module that asks for it and rolled back after its last test.

    Each test still runs in its own transaction on top, so what one test changes the next does not see. Loading
    takes seconds; once per module instead of once per test keeps the suite within CI's time. A test that needs a
    database without the handbook goes before the module's first test that asks for this.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_content", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def data(region_a):
    """A small dataset in region A: two of everything (tests.factories.region_dataset)."""
    return factories.region_dataset(region_a, size=2)


@pytest.fixture
def content_no_demo(db):
    """The handbook content as `.ci/serve` loads it: no fictional schools."""
    call_command("load_content", "--no-demo", verbosity=0)


@pytest.fixture
def region_a(db) -> Region:
    return Region.objects.get(slug="amsterdam-diemen")


@pytest.fixture
def region_b(db) -> Region:
    return Region.objects.get(slug="amersfoort")


@pytest.fixture
def national(db) -> Region:
    return Region.objects.get(slug="landelijk")


@pytest.fixture
def editor_a(region_a):
    return factories.editor_of(region_a, username="redacteur-a")


@pytest.fixture
def editor_b(region_b):
    return factories.editor_of(region_b, username="redacteur-b")


@pytest.fixture
def professional(db):
    """An invited professional: may see contacts marked "professionals only"."""
    from django.contrib.auth.models import Group

    from regions.permissions import PROFESSIONALS_GROUP

    user = factories.UserFactory(username="professional")
    user.groups.add(Group.objects.get_or_create(name=PROFESSIONALS_GROUP)[0])
    return user


@pytest.fixture
def parent_client(client):
    """An anonymous visitor: a parent looking for help."""
    return client


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium; this machine cannot download Playwright's own browser builds.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
    }


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # Browser tests use transactional databases that are flushed afterwards, which would also remove the
    # regions the data migration created for the tests that follow; so they run last.
    items.sort(key=lambda item: "/browser/" in str(item.path))
