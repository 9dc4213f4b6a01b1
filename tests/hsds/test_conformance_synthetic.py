"""Every HSDS response on the national synthetic set validates against the official HSDS 3.0 schemas."""

import dataclasses

import pytest
from django.db import transaction
from django.test import Client

from front.synthetic import SCALES, generate
from tests.caching import clear_cache
from tests.hsds.walk import walk

pytestmark = pytest.mark.django_db  # so the test database is set up when this module runs alone

# The national set's 75 regions, 375 organisations and 900 roles, as generate_synthetic makes them; HSDS
# publishes no schools, so a fraction of its 7,000 schools keeps the test quick without changing any response.
NATIONAL_WITHOUT_MOST_SCHOOLS = dataclasses.replace(SCALES["national"], schools=75)


@pytest.fixture(scope="module")
def report(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        counts = generate(scale=NATIONAL_WITHOUT_MOST_SCHOOLS)
        assert counts["organisaties"] == 375 and counts["rollen"] == 900
        clear_cache()
        yield walk(Client(), detail_every=10)
        transaction.set_rollback(True)


def test_every_response_validates_against_the_official_schemas(report):
    assert report.errors == []
    assert report.objects > 375 + 900  # every organisation and role in the lists, a tenth of them in detail too
    print(f"\nHSDS national synthetic: {report.responses} responses, {report.objects} objects validated, 0 errors")
