"""import_duo_schools: DUO's CSV in, every row validated by the admin's form, all or nothing."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from directory.models import School
from tests import factories

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def amsterdam(region_a):
    factories.MunicipalityFactory(region=region_a, slug="amsterdam", name="Amsterdam")
    return region_a


def run(*args, **options) -> str:
    out = StringIO()
    call_command("import_duo_schools", *args, stdout=out, **options)
    return out.getvalue()


def test_imports_the_regions_schools_and_skips_other_municipalities(amsterdam):
    output = run(str(SAMPLES / "duo_good.csv"), region="amsterdam-diemen", sector="po")
    assert "aangemaakt: 2" in output
    assert "overgeslagen (buiten de regio): 1" in output
    school = School.objects.get(brin="99XX", location_number="00")
    assert school.name == "Testschool De Eik"
    assert school.postcode == "1011 AA"
    assert school.city == "Amsterdam"
    assert school.website == "https://www.example.org"
    assert school.is_published and not school.is_demo
    assert School.objects.get(location_number="01").postcode == "1011 AB"


def test_importing_the_same_file_again_changes_nothing(amsterdam):
    run(str(SAMPLES / "duo_good.csv"), region="amsterdam-diemen", sector="po")
    output = run(str(SAMPLES / "duo_good.csv"), region="amsterdam-diemen", sector="po")
    assert "aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 2" in output
    assert School.objects.count() == 2


def test_a_file_with_an_invalid_row_is_refused_whole_with_line_numbers(amsterdam):
    with pytest.raises(CommandError) as excinfo:
        run(str(SAMPLES / "duo_bad.csv"), region="amsterdam-diemen", sector="po")
    message = str(excinfo.value)
    assert "regel 3" in message and "BRIN" in message
    assert "regel 4" in message and "postcode" in message.lower()
    assert "regel 2" not in message
    assert not School.objects.exists()


def test_dry_run_saves_nothing(amsterdam):
    output = run(str(SAMPLES / "duo_good.csv"), region="amsterdam-diemen", sector="po", dry_run=True)
    assert "Proefrun" in output
    assert not School.objects.exists()


def test_an_unknown_region_is_refused(db):
    with pytest.raises(CommandError, match="Onbekende regio"):
        run(str(SAMPLES / "duo_good.csv"), region="atlantis", sector="po")
