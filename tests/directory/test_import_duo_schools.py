"""import_duo_schools: DUO's lists as DUO publishes them, into the regions whose scope covers them, all or nothing."""

import csv
import datetime
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from directory.models import School
from tests import factories

SAMPLES = Path(__file__).parent / "samples"
SHIPPED = Path(settings.BASE_DIR) / "fixtures" / "duo"
DAY_1, DAY_2 = datetime.date(2025, 10, 1), datetime.date(2026, 10, 1)

# What the issue asks each region to list, by DUO's municipality (GEMEENTENAAM) and our sector.
SCOPE = {
    "amsterdam-diemen": ({"AMSTERDAM", "DIEMEN"}, {"po", "sbo", "so", "vso", "vo"}),
    "amersfoort": ({"AMERSFOORT", "BAARN", "BUNSCHOTEN", "EEMNES", "LEUSDEN", "SOEST", "WOUDENBERG"}, {"vo", "vso"}),
    "maassluis-vlaardingen-schiedam": ({"MAASSLUIS", "VLAARDINGEN", "SCHIEDAM"}, {"po", "sbo", "so"}),
}
SOORT = {"SBAO": ["sbo"], "SO": ["so"], "VSO": ["vso"], "(V)SO": ["so", "vso"]}


def expected_counts() -> Counter:
    """Rows per (region, sector), counted straight from the shipped files with the csv module."""
    counts = Counter()
    for name, default in (
        ("basisonderwijs-vestigingen.csv", "po"),
        ("vo-vestigingen.csv", "vo"),
        ("sbo-so-vso-vestigingen.csv", None),
    ):
        with open(SHIPPED / name, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter=";"):
                candidates = [default] if default else SOORT[row["SOORT PRIMAIR ONDERWIJS"]]
                for region, (municipalities, sectors) in SCOPE.items():
                    sector = next((c for c in candidates if c in sectors), None)
                    if row["GEMEENTENAAM"] in municipalities and sector:
                        counts[(region, sector)] += 1
    return counts


def run(*args, **options) -> str:
    out = StringIO()
    call_command("import_duo_schools", *args, stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def amsterdam_vo(region_a):
    """Amsterdam's scope for VO, with Weesp as a place whose SWV the handbooks do not give."""
    municipality = factories.MunicipalityFactory(region=region_a, slug="amsterdam", name="Amsterdam")
    factories.SchoolScopeFactory(region=region_a, municipality=municipality, sectors=["vo"])
    factories.SchoolScopeFactory(
        region=region_a, municipality=municipality, place="Weesp", partnership_known=False, sectors=["vo"]
    )
    return region_a


def test_the_shipped_files_fill_each_region_with_the_schools_its_scope_covers(content_no_demo):
    output = run()
    counts = Counter(School.objects.filter(is_demo=False).values_list("region__slug", "sector__code"))
    assert counts == expected_counts()
    assert sum(counts.values()) == 441
    assert counts[("amsterdam-diemen", "vo")] == 92 and counts[("maassluis-vlaardingen-schiedam", "po")] == 52
    assert not School.objects.filter(region__slug="maassluis-vlaardingen-schiedam", sector__code="vo").exists()
    assert not School.objects.filter(region__slug="amersfoort", sector__code="po").exists()
    assert "aangemaakt: 441" in output and "overgeslagen: 136" in output

    barlaeus = School.objects.get(brin="21AB", location_number="00")
    assert (barlaeus.name, barlaeus.street, barlaeus.postcode, barlaeus.city) == (
        "Barlaeus Gymnasium", "Weteringschans 31", "1017 RV", "Amsterdam"
    )  # fmt: skip
    assert (barlaeus.phone, barlaeus.website, barlaeus.structure, barlaeus.denomination) == (
        "0206263396", "https://www.barlaeus.nl", "VWO", "Openbaar"
    )  # fmt: skip
    vso = School.objects.get(brin="20WU")  # Orion College Zuidoost, a (V)SO location
    assert (vso.duo_kind, vso.cluster, vso.education, vso.sector.code) == ("(V)SO", "3", "SO LG + VSO LG", "so")
    assert School.objects.filter(city="Weesp", region__slug="amsterdam-diemen").count() == 9

    again = run()  # the same files again: nothing changes
    assert "aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 441, geweigerd: 0, gesloten: 0" in again


def test_a_cp1252_file_from_duo_is_read_and_a_newer_one_updates_and_closes(amsterdam_vo):
    first = run(str(SAMPLES / "duo_vo_2025_cp1252.csv"), date=DAY_1)
    assert "aangemaakt: 3" in first and "overgeslagen: 1" in first  # Utrecht is in no region's scope
    one = School.objects.get(brin="99ZA")
    assert one.name == "Testcollege Één" and one.street == "Keizersgracht 1-+3" and one.duo_date == DAY_1
    assert School.objects.get(brin="99ZB").name == "Lycéum De Proef"  # DUO's double space, once
    assert School.objects.get(brin="99ZB").website == ""  # DUO's " " is empty
    vanished = School.objects.get(brin="99ZB")
    assignment = factories.AssignmentFactory(school=vanished, is_demo=False)

    second = run(str(SAMPLES / "duo_vo_2026_cp1252.csv"), date=DAY_2)
    assert "aangemaakt: 0, bijgewerkt: 1, ongewijzigd: 1, geweigerd: 0, gesloten: 1" in second
    one.refresh_from_db()
    assert one.phone == "0209999999" and one.duo_date == DAY_2
    vanished.refresh_from_db()
    assert vanished.closed_on == DAY_2  # closed, not deleted
    assert vanished.assignments.get() == assignment
    assert School.objects.get(brin="99ZC").duo_date == DAY_1  # unchanged keeps its date

    reopened = run(str(SAMPLES / "duo_vo_2025_cp1252.csv"), date=DAY_2, verbosity=2)
    assert "bijgewerkt: 2" in reopened, reopened
    vanished.refresh_from_db()
    assert vanished.closed_on is None


def test_a_malformed_row_refuses_the_whole_file_in_dutch_and_changes_nothing(amsterdam_vo):
    run(str(SAMPLES / "duo_vo_2025_cp1252.csv"), date=DAY_1)
    before = list(School.objects.order_by("pk").values())
    with pytest.raises(CommandError) as excinfo:
        run(str(SAMPLES / "duo_vo_bad_cp1252.csv"), date=DAY_2)
    message = str(excinfo.value)
    assert message.startswith("Niets geïmporteerd: 2 fout(en)")
    assert "regel 3 (Foute code): de vestigingscode '9X00' is geen instellingscode (BRIN)" in message
    assert "regel 4 (Foute postcode): Postcode: Een postcode is vier cijfers en twee letters" in message
    assert "regel 2" not in message
    assert list(School.objects.order_by("pk").values()) == before  # nothing added, nothing closed


def test_dry_run_saves_nothing(amsterdam_vo):
    output = run(str(SAMPLES / "duo_vo_2025_cp1252.csv"), dry_run=True)
    assert "Proefrun" in output and "aangemaakt: 3" in output
    assert not School.objects.exists()


def test_a_file_that_is_not_a_duo_list_is_refused(amsterdam_vo, tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_text("naam;plaats\nEen school;Amsterdam\n", encoding="utf-8")
    with pytest.raises(CommandError, match="kolom ontbreekt: VESTIGINGSCODE"):
        run(str(path))


def test_an_unknown_region_is_refused(db):
    with pytest.raises(CommandError, match="Onbekende regio"):
        run(str(SAMPLES / "duo_vo_2025_cp1252.csv"), region="atlantis")
