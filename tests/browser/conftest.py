"""Browser tests run against a live server with the real handbook content loaded."""

import importlib

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import Error as PlaywrightError

from tests.caching import clear_cache


@pytest.fixture(autouse=True)
def regions_and_sectors(transactional_db):
    """Transactional tests start from an empty database after the first one flushes it; put back what the data
    migration creates, the same way it does."""
    from django.apps import apps

    migration = importlib.import_module("regions.migrations.0002_regions_and_sectors")
    migration.create(apps, None)


@pytest.fixture
def content(regions_and_sectors):
    clear_cache()
    call_command("load_content", verbosity=0)


class AxeChecker:
    """Runs axe once per URL and collects violations, so walking many paths stays fast."""

    def __init__(self):
        self.axe = Axe()
        self.checked: set[str] = set()

    def check(self, page) -> None:
        page.wait_for_load_state("load")
        url = page.url
        if url in self.checked:
            return
        self.checked.add(url)
        results = self._run(page)
        assert results.violations_count == 0, f"{url}\n{results.generate_report()}"

    def _run(self, page):
        # A click on a GET form's button can return once the new page's URL is committed, before its document is
        # ready; axe run in between finds no document (seen once in CI). check() waits for the load first; if
        # the page still changed under axe, wait again and run once more.
        try:
            return self.axe.run(page)
        except PlaywrightError:
            page.wait_for_load_state("load")
            return self.axe.run(page)


@pytest.fixture
def axe():
    return AxeChecker()


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth + 1")
