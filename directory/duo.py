"""Import school locations from DUO's open-data CSV ("Adressen van onderwijslocaties/vestigingen").

Accepted columns (header names as DUO writes them; read by the shared toolkit, `regions.importing.read_table`):
- BRIN: `INSTELLINGSCODE` or `BRIN NUMMER` (4 characters, e.g. 12AB)
- location: `VESTIGINGSCODE` or `VESTIGINGSNUMMER` (2 digits, or the 6-character code that starts with the BRIN)
- `VESTIGINGSNAAM` (required), `STRAATNAAM`, `HUISNUMMER-TOEVOEGING`, `POSTCODE`, `PLAATSNAAM`,
  `GEMEENTENAAM` (required: matched to the region's municipalities), `TELEFOONNUMMER`, `INTERNETADRES`
- sector: `SOORT PO` / `TYPE PO` / `ONDERWIJSTYPE` when present (BAO→po, SBAO/SBO→sbo, SO→so, VSO→vso,
  PRO→pro, VO→vo), otherwise the --sector given to the command.
Rows in municipalities outside the region are skipped and counted. Any invalid row refuses the whole file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from directory.forms import SchoolForm, normalise_postcode
from directory.models import School
from regions.importing import ImportRefused, Limits, Summary, read_table, through_form
from regions.models import ContentStatus, Municipality, Region, Sector

SECTOR_CODES = {
    "bao": "po",
    "bas": "po",
    "po": "po",
    "sbao": "sbo",
    "sbo": "sbo",
    "sbas": "sbo",
    "so": "so",
    "vso": "vso",
    "pro": "pro",
    "vo": "vo",
}
# DUO's national lists: some 6,000 locations in 30 to 40 columns.
DUO_LIMITS = Limits(max_bytes=20 * 1024 * 1024, max_rows=20_000, max_columns=60)


@dataclass
class DuoReport:
    summary: Summary = field(default_factory=Summary)
    skipped: int = 0
    lines: list[str] = field(default_factory=list)

    def line(self) -> str:
        return f"{self.summary.line()}, overgeslagen (buiten de regio): {self.skipped}"


def _read_rows(path: Path) -> list[dict[str, str]]:
    rows = read_table(path.name, path.read_bytes(), limits=DUO_LIMITS)
    return [{key.upper(): value for key, value in row.items()} for row in rows]


def _first(row: dict[str, str], *names: str) -> str:
    return next((row[n] for n in names if row.get(n)), "")


def import_duo_schools(path: Path, *, region: Region, default_sector: Sector | None, dry_run: bool = False) -> DuoReport:
    """Validate every row with the admin's SchoolForm and upsert on (BRIN, vestigingsnummer) in one transaction."""
    rows = _read_rows(path)
    if not rows:
        raise ImportRefused("Het bestand bevat geen rijen.")
    missing = [c for c in ("VESTIGINGSNAAM", "GEMEENTENAAM") if c not in rows[0]]
    if not any(c in rows[0] for c in ("INSTELLINGSCODE", "BRIN NUMMER")):
        missing.append("INSTELLINGSCODE of BRIN NUMMER")
    if missing:
        raise ImportRefused(f"Kolom ontbreekt: {', '.join(missing)}")

    municipalities = {m.name.lower(): m for m in Municipality.objects.filter(region=region)}
    sectors = {s.code: s for s in Sector.objects.all()}
    report, errors = DuoReport(), []
    used_slugs = set(School.objects.filter(region=region).values_list("slug", flat=True))
    with transaction.atomic():
        for line, row in enumerate(rows, start=2):  # line 1 is the header
            municipality = municipalities.get(row.get("GEMEENTENAAM", "").lower())
            if municipality is None:
                report.skipped += 1
                continue
            brin = _first(row, "INSTELLINGSCODE", "BRIN NUMMER").upper()
            location = _first(row, "VESTIGINGSCODE", "VESTIGINGSNUMMER").upper()
            if len(location) == 6 and location.startswith(brin):
                location = location[4:]
            sector_name = _first(row, "SOORT PO", "TYPE PO", "ONDERWIJSTYPE").lower()
            sector = sectors.get(SECTOR_CODES.get(sector_name, "")) if sector_name else default_sector
            if sector is None:
                errors.append(f"regel {line}: onbekende onderwijssoort '{sector_name}' en geen --sector opgegeven")
                continue
            existing = School.objects.filter(brin=brin, location_number=location).first() if brin else None
            if existing is not None and existing.region_id != region.pk:
                errors.append(f"regel {line}: {brin}{location} staat al in regio {existing.region}")
                continue
            name = row.get("VESTIGINGSNAAM", "")
            slug = existing.slug if existing else _unique_slug(f"{name} {row.get('PLAATSNAAM', '')}", brin + location, used_slugs)
            website = row.get("INTERNETADRES", "")
            if website and not website.startswith(("http://", "https://")):
                website = "https://" + website
            values = {
                "region": region,
                "name": name,
                "slug": slug,
                "sector": sector,
                "municipality": municipality,
                "is_demo": False,
                "brin": brin,
                "location_number": location,
                "street": " ".join(p for p in (row.get("STRAATNAAM", ""), row.get("HUISNUMMER-TOEVOEGING", "")) if p),
                "postcode": normalise_postcode(row.get("POSTCODE", "")),
                "city": row.get("PLAATSNAAM", "").title(),
                "phone": row.get("TELEFOONNUMMER", ""),
                "website": website,
                "source_document": "duo",
                "source_section": path.name[:300],
            }
            if existing is None:
                values["status"] = ContentStatus.PUBLISHED
            result = through_form(SchoolForm, values, instance=existing)
            report.summary.add(result.outcome, "school")
            if result.outcome == "refused":
                errors.append(f"regel {line} ({name or 'zonder naam'}): {result.reason}")
            elif result.outcome == "created":
                report.lines.append(f"regel {line}: nieuw – {name}")
            elif result.outcome == "updated":
                report.lines.append(f"regel {line}: bijgewerkt – {name} ({', '.join(result.changed)})")
        if errors:
            transaction.set_rollback(True)
            raise ImportRefused(errors)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _unique_slug(text: str, fallback: str, used: set[str]) -> str:
    base = slugify(text)[:100] or slugify(fallback)
    slug = base
    if slug in used:
        slug = f"{base}-{slugify(fallback)}"
    used.add(slug)
    return slug
