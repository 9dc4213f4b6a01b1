"""Every HSDS response on the handbook content validates against the official HSDS 3.0 schemas, with 0 errors."""

import pytest
from django.test import Client

from tests.caching import clear_cache
from tests.hsds.walk import walk

pytestmark = pytest.mark.django_db  # so the test database is set up when this module runs alone


@pytest.fixture(scope="module")
def report(handbook, django_db_blocker):
    with django_db_blocker.unblock():
        clear_cache()
        yield walk(Client())


def test_every_response_validates_against_the_official_schemas(report):
    assert report.errors == []
    # Every list page, plus each organisation (twice), role, service_at_location, taxonomy and term in detail.
    assert report.responses > 100 and report.objects > 200
    print(f"\nHSDS handbook: {report.responses} responses, {report.objects} objects validated, 0 errors")


def test_the_handbook_content_is_all_there(report):
    organisations = [b for b in report.bodies if '"name": "Leerplicht' in b]
    assert organisations, "the handbook's organisations are in the HSDS responses"
