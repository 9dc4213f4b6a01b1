"""Import school locations from DUO's open-data lists, exactly as DUO publishes them.

DUO's three lists of locations ("vestigingen") share one layout: separated by `;`, in cp1252 (DUO's downloads) or
UTF-8, one header row with DUO's column names, an empty value written as a single space. The list is told apart by
its extra columns:
- basisonderwijs (`02.-alle-schoolvestigingen-basisonderwijs.csv`): no extra column; every row is PO;
- SBO, SO and VSO (`09.-alle-vestigingen-sbo-so-en-vso.csv`): `SOORT PRIMAIR ONDERWIJS` (SBAO, SO, VSO or (V)SO),
  `CLUSTER` and `ONDERWIJS`;
- voortgezet onderwijs (`02.-alle-vestigingen-vo.csv`): `ONDERWIJSSTRUCTUUR`.

Which region a row goes to is data: the regions' `SchoolScope` (municipality, optionally a place in it, and the
sectors listed there). Rows outside every scope are skipped and counted. Every row runs through the admin's
`SchoolForm`; one refused row refuses all files, in one transaction. A location of the same list that is missing
from a newer file is marked closed, never deleted, so the people an editor assigned to it stay.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from directory.forms import SchoolForm, normalise_postcode
from directory.models import School, SchoolScope
from regions.importing import ImportRefused, Limits, Summary, read_table, through_form
from regions.models import ContentStatus, Region, Sector

# DUO's national lists: some 6,000 locations in 30 to 40 columns.
DUO_LIMITS = Limits(max_bytes=20 * 1024 * 1024, max_rows=20_000, max_columns=60)

# Which list a file is, told by its extra column, and the DUO kinds (`School.duo_kind`) its rows get.
LIST_KINDS = {"bo": {"BAO"}, "so": {"SBAO", "SO", "VSO", "(V)SO"}, "vo": {"VO"}}
# DUO's `SOORT PRIMAIR ONDERWIJS` → our sector codes, in the order tried against a region's scope.
SO_SECTORS = {"SBAO": ["sbo"], "SO": ["so"], "VSO": ["vso"], "(V)SO": ["so", "vso"]}
REQUIRED = ("VESTIGINGSCODE", "VESTIGINGSNAAM", "GEMEENTENAAM", "PLAATSNAAM")


@dataclass
class DuoReport:
    summary: Summary = field(default_factory=Summary)
    skipped: Counter = field(default_factory=Counter)  # why a row was not imported → how many
    per_region: Counter = field(default_factory=Counter)  # (region slug, sector code) → rows in scope
    lines: list[str] = field(default_factory=list)

    def line(self) -> str:
        parts = [self.summary.line()]
        if not self.summary.total("closed"):
            parts.append("gesloten: 0")
        parts.append(f"overgeslagen: {sum(self.skipped.values())}")
        return ", ".join(parts)

    def breakdown(self) -> list[str]:
        lines = [f"  {region} {sector}: {count}" for (region, sector), count in sorted(self.per_region.items())]
        lines += [f"  overgeslagen, {reason}: {count}" for reason, count in sorted(self.skipped.items())]
        return lines


def list_kind(header: set[str]) -> str:
    if "SOORT PRIMAIR ONDERWIJS" in header:
        return "so"
    if "ONDERWIJSSTRUCTUUR" in header:
        return "vo"
    return "bo"


def read_duo_file(path: Path) -> tuple[str, list[dict[str, str]]]:
    """DUO's rows keyed by its (upper-case) column names, and which list the file is."""
    rows = read_table(path.name, path.read_bytes(), limits=DUO_LIMITS)
    rows = [{" ".join(key.upper().split()): value for key, value in row.items()} for row in rows]
    if not rows:
        raise ImportRefused(f"{path.name}: het bestand bevat geen rijen.")
    missing = [c for c in REQUIRED if c not in rows[0]]
    if missing:
        raise ImportRefused(f"{path.name}: kolom ontbreekt: {', '.join(missing)}. Is dit een lijst van DUO?")
    return list_kind(set(rows[0])), rows


class Scopes:
    """The regions' scopes by (municipality name, place): a place's own scope wins over its municipality's."""

    def __init__(self, region: Region | None):
        scopes = SchoolScope.objects.published().select_related("region", "municipality").prefetch_related("sectors")
        if region is not None:
            scopes = scopes.filter(region=region)
        self.by_place = {(s.municipality.name.lower(), s.place.lower()): s for s in scopes}
        self.regions = {s.region for s in self.by_place.values()}

    def find(self, municipality: str, place: str) -> SchoolScope | None:
        municipality, place = municipality.lower(), place.lower()
        return self.by_place.get((municipality, place)) or self.by_place.get((municipality, ""))


def import_duo_schools(
    paths: list[Path], *, region: Region | None = None, dry_run: bool = False, date: datetime.date | None = None
) -> DuoReport:
    """Read DUO's files and upsert their locations on the vestigingscode, in one transaction."""
    files = [(path, *read_duo_file(path)) for path in paths]
    scopes = Scopes(region)
    sectors = {s.code: s for s in Sector.objects.all()}
    date = date or timezone.localdate()
    report, errors = DuoReport(), []
    used_slugs = set(School.objects.values_list("slug", flat=True))
    existing = {s.code: s for s in School.objects.exclude(brin="").select_related("region")}
    with transaction.atomic():
        for path, kind, rows in files:
            seen: set[str] = set()
            for line, row in enumerate(rows, start=2):  # line 1 is the header
                code = row.get("VESTIGINGSCODE", "").upper()
                seen.add(code)
                problem = _import_row(row, kind, scopes, sectors, date, used_slugs, existing, report)
                if problem:
                    errors.append(f"{path.name}, regel {line} ({row.get('VESTIGINGSNAAM') or 'zonder naam'}): {problem}")
            _close_missing(kind, seen, scopes.regions, date, report)
        if errors:
            transaction.set_rollback(True)
            raise ImportRefused(errors)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _import_row(row, kind, scopes, sectors, date, used_slugs, existing_schools, report) -> str:
    """Upsert one row; return why it was refused, or ''."""
    code = row.get("VESTIGINGSCODE", "").upper()
    brin = (row.get("INSTELLINGSCODE") or code[:4]).upper()
    if len(code) != 6 or not code.startswith(brin):
        return f"de vestigingscode '{code}' is geen instellingscode (BRIN) met twee cijfers, zoals 21AB00"
    scope = scopes.find(row.get("GEMEENTENAAM", ""), row.get("PLAATSNAAM", ""))
    if scope is None:
        report.skipped["gemeente buiten de regio's"] += 1
        return ""
    duo_kind = row.get("SOORT PRIMAIR ONDERWIJS", "").upper() if kind == "so" else ("BAO" if kind == "bo" else "VO")
    candidates = SO_SECTORS.get(duo_kind, []) if kind == "so" else ["po" if kind == "bo" else "vo"]
    if not candidates:
        return f"onbekende soort primair onderwijs '{duo_kind}'"
    scope_sectors = {s.code for s in scope.sectors.all()}
    sector_code = next((c for c in candidates if c in scope_sectors), None)
    if sector_code is None:
        report.skipped[f"{'/'.join(candidates)} in {scope.municipality.name} (buiten de reikwijdte)"] += 1
        return ""
    existing = existing_schools.get(code)
    if existing is not None and existing.region_id != scope.region_id:
        return f"{code} staat al in regio {existing.region}"
    name = " ".join(row.get("VESTIGINGSNAAM", "").split())
    city = row.get("PLAATSNAAM", "").title()
    website = _website(row.get("INTERNETADRES", ""))
    values = {
        "region": scope.region,
        "name": name,
        "slug": existing.slug if existing else _unique_slug(f"{name} {city}", code, used_slugs),
        "sector": sectors[sector_code],
        "municipality": scope.municipality,
        "is_demo": False,
        "brin": brin,
        "location_number": code[4:],
        "street": " ".join(p for p in (row.get("STRAATNAAM", ""), row.get("HUISNUMMER-TOEVOEGING", "")) if p),
        "postcode": normalise_postcode(row.get("POSTCODE", "")),
        "city": city,
        "phone": row.get("TELEFOONNUMMER", ""),
        "website": website,
        "board_number": row.get("BEVOEGD GEZAG NUMMER", ""),
        "denomination": row.get("DENOMINATIE", ""),
        "duo_kind": duo_kind,
        "structure": row.get("ONDERWIJSSTRUCTUUR", ""),
        "cluster": row.get("CLUSTER", ""),
        "education": row.get("ONDERWIJS", ""),
        "closed_on": None,
        "source_document": "duo",
        "source_section": "DUO open onderwijsdata, vestigingen",
    }
    if existing is None:
        result = through_form(SchoolForm, {**values, "status": ContentStatus.PUBLISHED, "duo_date": date})
    else:
        # The date changes only with the data: reading the same file again leaves every school unchanged.
        result = through_form(SchoolForm, {**values, "duo_date": existing.duo_date or date}, instance=existing, save=False)
        if result.outcome == "updated":  # validating changed `existing` in place: compare against the stored row
            stored = School.objects.get(pk=existing.pk)
            result = through_form(SchoolForm, {**values, "duo_date": date}, instance=stored)
    if result.outcome == "refused":
        return result.reason
    report.summary.add(result.outcome, "school")
    report.per_region[(scope.region.slug, sector_code)] += 1
    if result.outcome == "created":
        report.lines.append(f"nieuw: {code} {name}")
    elif result.outcome == "updated":
        report.lines.append(f"bijgewerkt: {code} {name} ({', '.join(result.changed)})")
    return ""


def _close_missing(kind: str, seen: set[str], regions: set[Region], date: datetime.date, report: DuoReport) -> None:
    """Mark closed the open locations of this list, in the regions read, that the newer file no longer has."""
    open_schools = School.objects.filter(
        duo_kind__in=LIST_KINDS[kind], region__in=regions, closed_on__isnull=True, is_demo=False
    ).exclude(brin="")
    for school in open_schools:
        if school.code in seen:
            continue
        result = through_form(SchoolForm, {"closed_on": date}, instance=school)
        if result.outcome == "updated":
            report.summary.add("closed", "school")
            report.lines.append(f"gesloten: {school.code} {school.name}")


def _website(value: str) -> str:
    """DUO's INTERNETADRES as a URL. DUO's data has typos ('www. school.nl', a space in a path): a space in the host
    is dropped and one in the path escaped, so one school's typo does not refuse the whole list."""
    value = value.strip()
    if not value:
        return ""
    if not value.lower().startswith(("http://", "https://")):
        value = "https://" + value
    scheme, _sep, rest = value.partition("://")
    host, slash, path = rest.partition("/")
    url = f"{scheme}://{host.replace(' ', '')}{slash}{path.replace(' ', '%20')}"
    try:
        URLValidator()(url)
    except ValidationError:
        return ""  # no link rather than a broken one; the school's phone and address still show
    return url


def _unique_slug(text: str, code: str, used: set[str]) -> str:
    base = slugify(text)[:100] or slugify(code)
    slug = base if base not in used else f"{base}-{slugify(code)}"
    used.add(slug)
    return slug
