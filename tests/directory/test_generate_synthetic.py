"""generate_synthetic: reproducible, clearly marked, and never mixed into a database with real content."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from directory.models import Assignment, School
from front.synthetic import SCALES, generate
from regions.models import Region
from tests import factories


def run(**options) -> str:
    out = StringIO()
    call_command("generate_synthetic", scale="demo", stdout=out, **options)
    return out.getvalue()


def test_creates_marked_regions_schools_with_a_full_set_of_assignments(db):
    output = run()
    assert "scholen: 30" in output
    synthetic = Region.objects.filter(slug__startswith="synth-")
    assert synthetic.count() == 3 and all(r.name.startswith("Synthetisch") for r in synthetic)
    assert School.objects.filter(is_demo=True).count() == 30
    assert not Assignment.objects.filter(is_demo=False).exists()
    assert all(s.assignments.count() >= 9 for s in School.objects.all())


def snapshot_after_generating(seed: int) -> list[tuple]:
    """Generate inside a savepoint, read the schools and people, then roll back."""
    with transaction.atomic():
        generate(scale=SCALES["demo"], seed=seed)
        rows = list(
            Assignment.objects.order_by("school__slug", "order").values_list("school__name", "school__postcode", "person_name")
        )
        transaction.set_rollback(True)
    return rows


def test_the_same_seed_gives_the_same_data_and_another_seed_does_not(db):
    first = snapshot_after_generating(7)
    assert first == snapshot_after_generating(7)
    assert first != snapshot_after_generating(8)


def test_refuses_a_database_with_real_content(region_a):
    factories.RoleFactory(region=region_a)
    with pytest.raises(CommandError, match="aparte database"):
        run()
