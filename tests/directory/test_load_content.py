"""load_content: validated like the admin, idempotent, all or nothing, with a summary line."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from directory.models import ContactChannel, Organisation, Role
from routes.models import Step, Trigger

SAMPLES = Path(__file__).parent / "samples"
GOOD = [SAMPLES / "phases.yaml", SAMPLES / "good.yaml"]


def load(*paths, **options) -> str:
    from io import StringIO

    out = StringIO()
    call_command("load_content", *paths, stdout=out, **options)
    return out.getvalue()


def test_loads_organisations_roles_routes_and_triggers_with_their_source(db):
    output = load(*GOOD)
    assert "aangemaakt" in output
    organisation = Organisation.objects.get(slug="leerplicht-test")
    assert [c.value for c in organisation.channels.all()] == ["020-251 8010", "leerplicht@example.org"]
    assert organisation.opening_hours.count() == 2
    assert organisation.source_document == "000_1ffc61957d9ff2ff.txt"
    assert organisation.is_published
    role = Role.objects.get(slug="lpa-test")
    assert role.organisation == organisation
    assert sorted(s.code for s in role.sectors.all()) == ["po", "vo"]
    steps = list(Step.objects.filter(route__slug="route-test"))
    assert [s.slug for s in steps] == ["een", "twee"]
    assert [t.to_step.slug for t in steps[0].next_links.all()] == ["twee"]
    trigger = Trigger.objects.get(slug="mazl-test")
    assert trigger.fires({"sick_reports_12w": 4})
    assert not trigger.fires({"sick_reports_12w": 3, "consecutive_sick_days": 6})


def test_loading_twice_changes_nothing(db):
    load(*GOOD)
    counts = (Organisation.objects.count(), ContactChannel.objects.count(), Role.objects.count(), Step.objects.count())
    history = Organisation.history.count()
    output = load(*GOOD)
    assert "aangemaakt: 0, bijgewerkt: 0" in output
    assert (Organisation.objects.count(), ContactChannel.objects.count(), Role.objects.count(), Step.objects.count()) == counts
    assert Organisation.history.count() == history


def test_a_changed_file_updates_the_row_it_describes(db, tmp_path):
    load(*GOOD)
    changed = tmp_path / "good.yaml"
    changed.write_text((SAMPLES / "good.yaml").read_text().replace("Houdt toezicht op de leerplicht.", "Nieuwe tekst."))
    output = load(SAMPLES / "phases.yaml", changed)
    assert "bijgewerkt: 1" in output
    assert Role.objects.get(slug="lpa-test").tasks == "Nieuwe tekst."


def test_an_invalid_file_is_refused_whole_with_every_error_in_dutch(db):
    with pytest.raises(CommandError) as excinfo:
        load(*GOOD, SAMPLES / "bad.yaml")
    message = str(excinfo.value)
    assert "Niets geladen" in message
    assert "geldig e-mailadres" in message
    assert "sluitingstijd" in message
    assert "onbekende organisatie 'bestaat-niet'" in message
    assert not Organisation.objects.filter(slug__in=["leerplicht-test", "kapot"]).exists()


def test_dry_run_reports_but_saves_nothing(db):
    output = load(*GOOD, dry_run=True)
    assert "Proefrun" in output
    assert not Organisation.objects.filter(slug="leerplicht-test").exists()


def test_a_missing_file_is_reported(db):
    with pytest.raises(CommandError, match="niet gevonden"):
        load(SAMPLES / "bestaat-niet.yaml")


@pytest.mark.parametrize(
    ("original", "changed", "named"),
    [
        (
            "    tasks: Houdt",
            "    frequncy: wekelijks\n    tasks: Houdt",
            "good.yaml: roles 'lpa-test': onbekend veld 'frequncy'",
        ),
        (
            "{slug: twee, order: 2, title: Bespreken,",
            "{slug: twee, order: 2, title: Bespreken, bron: x,",
            "good.yaml: routes 'route-test'/steps[twee]: onbekend veld 'bron'",
        ),
        (
            "    source: {section: OT}",
            "    source: {section: OT, lines: 12}",
            "good.yaml: meetings 'ot-test'/source: onbekend veld 'lines'",
        ),
    ],
)
def test_a_key_no_model_carries_is_refused_by_file_and_key_and_nothing_is_written(db, tmp_path, original, changed, named):
    """A key no loader reads (a step's `bron:`, a misspelt key) used to vanish without a word; now the load is refused."""
    text = (SAMPLES / "good.yaml").read_text()
    assert original in text
    path = tmp_path / "good.yaml"
    path.write_text(text.replace(original, changed, 1))
    with pytest.raises(CommandError) as excinfo:
        load(SAMPLES / "phases.yaml", path)
    assert named in str(excinfo.value)
    assert not Role.objects.filter(slug="lpa-test").exists()
