"""Bulk import of schools and school assignments from CSV or XLSX, for editors in the admin.

Flow: upload → the file is read within limits (`regions.importing.read_table`) → `plan_import` runs every row
through the admin's own form without saving, and says per row what would happen (create, change with the fields,
or refuse with the reason in Dutch) → the plan is kept in the database → the editor confirms that plan →
`plan_confirm` runs the same forms again, in one transaction, and records an ImportBatch with each object's
previous values, so `undo_import` can put everything back.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from directory.forms import AssignmentForm, SchoolForm
from directory.models import Assignment, ImportBatch, ImportPlan, Role, School, Visibility
from regions import trash
from regions.importing import fold, form_value, through_form
from regions.models import ContentStatus, Municipality, Region, Sector

# The columns an editor's file may have (folded: case and accents do not matter) and the field each fills.
# A table, clearer aligned: the formatter leaves it as it is.
COLUMNS = {
    "naam": "name", "sector": "sector", "gemeente": "municipality", "slug": "slug", "brin": "brin",
    "vestigingsnummer": "location_number", "straat": "street", "postcode": "postcode", "plaats": "city",
    "telefoon": "phone", "email": "email", "e-mail": "email", "website": "website", "school": "school", "rol": "role",
    "bereikbaarheid": "availability", "zichtbaarheid": "visibility",
}  # fmt: skip
COLUMN_HELP = [
    (
        _("Scholen"),
        _(
            "naam, sector (po, sbo, so, vo, vso of pro), gemeente; en naar keuze: slug, brin, vestigingsnummer, "
            "straat, postcode, plaats, telefoon, email, website"
        ),
    ),
    (
        _("Toewijzingen"),
        _(
            "school (de slug, of BRIN en vestigingsnummer zoals 12AB00), rol (de slug van de rol), naam; en naar "
            "keuze: telefoon, email, bereikbaarheid, zichtbaarheid (openbaar of professionals)"
        ),
    ),
]
SCHOOL_FIELDS = ["name", "brin", "location_number", "street", "postcode", "city", "phone", "email", "website"]
VISIBILITY = {
    "": Visibility.PROFESSIONALS,
    "professionals": Visibility.PROFESSIONALS,
    "openbaar": Visibility.PUBLIC,
    "public": Visibility.PUBLIC,
}


@dataclass
class RowPlan:
    line: int
    action: str  # create | change | unchanged | refuse
    label: str
    changes: list[str] = field(default_factory=list)
    reason: str = ""
    values: dict = field(default_factory=dict)  # what the form gets, as stored: primary keys and text
    target_pk: int | None = None


def _school_lookup(region: Region, value: str) -> School | None:
    value = value.strip()
    if re.fullmatch(r"[0-9]{2}[A-Za-z]{2}[0-9]{2}", value):
        found = School.objects.filter(region=region, brin=value[:4].upper(), location_number=value[4:]).first()
        if found:
            return found
    return School.objects.filter(region=region, slug=value).first()


def plan_import(region: Region, kind: str, rows: list[dict[str, str]]) -> list[RowPlan]:
    plan_row = _plan_school if kind == "schools" else _plan_assignment
    return [plan_row(region, row, n) for n, row in enumerate(rows, start=2)]


def _planned(line: int, label: str, form, values: dict, existing) -> RowPlan:
    """What the admin's form says of one row, without saving it."""
    result = through_form(form, values, instance=existing, save=False)
    stored = {key: form_value(value) for key, value in values.items()}
    if result.outcome == "refused":
        return RowPlan(line, "refuse", label, reason=result.reason)
    if existing is None:
        return RowPlan(line, "create", label, values=stored)
    action = "change" if result.outcome == "updated" else "unchanged"
    return RowPlan(line, action, label, changes=result.changed, values=stored, target_pk=existing.pk)


def _plan_school(region: Region, row: dict, line: int) -> RowPlan:
    label = row.get("name") or f"regel {line}"
    municipality = Municipality.objects.filter(region=region, name__iexact=row.get("municipality", "")).first()
    if municipality is None:
        return RowPlan(line, "refuse", label, reason=f"Gemeente '{row.get('municipality', '')}' hoort niet bij {region.name}.")
    sector = Sector.objects.filter(code=row.get("sector", "").lower()).first()
    if sector is None:
        reason = f"Onbekende sector '{row.get('sector', '')}'; gebruik po, sbo, so, vo, vso of pro."
        return RowPlan(line, "refuse", label, reason=reason)
    slug = row.get("slug") or slugify(f"{row.get('name', '')}-{row.get('city') or municipality.name}")[:80]
    existing = None
    if row.get("brin"):
        existing = School.objects.filter(brin=row["brin"].upper(), location_number=row.get("location_number", "")).first()
        if existing and existing.region_id != region.pk:
            return RowPlan(line, "refuse", label, reason="Deze BRIN en vestiging horen bij een school in een andere regio.")
    existing = existing or School.objects.filter(region=region, slug=slug).first()
    values = {
        **{key: row.get(key, "") for key in SCHOOL_FIELDS},
        "brin": row.get("brin", "").upper(),
        "region": region,
        "slug": existing.slug if existing else slug,
        "sector": sector,
        "municipality": municipality,
    }
    if existing is None:
        values.update(status=ContentStatus.PUBLISHED, source_document="redactie")
    return _planned(line, label, SchoolForm, values, existing)


def _plan_assignment(region: Region, row: dict, line: int) -> RowPlan:
    label = f"{row.get('name', '')} – {row.get('role', '')} – {row.get('school', '')}"
    school = _school_lookup(region, row.get("school", ""))
    if school is None:
        return RowPlan(line, "refuse", label, reason=f"School '{row.get('school', '')}' bestaat niet in {region.name}.")
    role = Role.objects.filter(slug=row.get("role", "")).filter(Region.accepted_by("region", [region.pk])).first()
    if role is None:
        return RowPlan(line, "refuse", label, reason=f"Rol '{row.get('role', '')}' bestaat niet in {region.name}.")
    visibility = VISIBILITY.get(fold(row.get("visibility", "")))
    if visibility is None:
        return RowPlan(line, "refuse", label, reason="Zichtbaarheid moet 'openbaar' of 'professionals' zijn.")
    values = {
        "region": region,
        "school": school,
        "role": role,
        "person_name": row.get("name", ""),
        "phone": row.get("phone", ""),
        "email": row.get("email", ""),
        "availability": row.get("availability", ""),
        "visibility": visibility,
    }
    existing = Assignment.objects.filter(school=school, role=role, person_name=values["person_name"]).first()
    if existing is None:
        values.update(status=ContentStatus.PUBLISHED, source_document="redactie")
    return _planned(line, label, AssignmentForm, values, existing)


def plan_store(*, region: Region, kind: str, filename: str, sha256: str, plans: list[RowPlan], user) -> ImportPlan:
    """Keep a preview in the database until it is confirmed; expired previews are cleared on the way."""
    ImportPlan.objects.filter(created_at__lt=timezone.now() - ImportPlan.LIFETIME).delete()
    rows = [asdict(p) for p in plans]
    return ImportPlan.objects.create(region=region, kind=kind, filename=filename[:200], sha256=sha256, rows=rows, created_by=user)


def plan_confirm(*, plan_id: int | None, user, regions):
    """Apply exactly the previewed plan: only for the user who made it, in a region they still edit, once."""
    with transaction.atomic():
        plan = ImportPlan.objects.select_for_update().filter(pk=plan_id, created_by=user, region__in=regions).first()
        if plan is None:
            message = "Deze voorvertoning bestaat niet of is niet van u. Upload het bestand opnieuw."
            raise ValidationError(message, code="unknown_plan")
        if plan.used_at is not None:
            raise ValidationError("Deze voorvertoning is al ingelezen; er is niets opnieuw ingelezen.", code="used_plan")
        if plan.expired:
            raise ValidationError("De voorvertoning is verlopen. Upload het bestand opnieuw.", code="expired_plan")
        batch = apply_import(region=plan.region, kind=plan.kind, plans=plan.rows, user=user, filename=plan.filename)
        plan.used_at = timezone.now()
        plan.save(update_fields=["used_at"])
    return batch


def apply_import(*, region: Region, kind: str, plans: list[dict], user, filename: str) -> ImportBatch:
    """Apply a previewed plan in one transaction, every row through the admin's form again; all or nothing."""
    if any(p["action"] == "refuse" for p in plans):
        raise ValidationError("Het bestand bevat geweigerde regels; er is niets ingelezen.", code="refused_rows")
    model, form = (School, SchoolForm) if kind == "schools" else (Assignment, AssignmentForm)
    records = []
    with transaction.atomic():
        batch = ImportBatch.objects.create(region=region, kind=kind, filename=filename[:200], created_by=user)
        for plan in plans:
            if plan["action"] not in ("create", "change"):
                continue
            existing = None
            if plan["action"] == "change":
                existing = model.objects.select_for_update().get(pk=plan["target_pk"], region=region)
                fields = [model._meta.get_field(name).attname for name in plan["changes"]]
                before = {attname: getattr(existing, attname) for attname in fields}
            result = through_form(form, plan["values"], instance=existing, save=False)
            if result.outcome == "refused":  # the database changed since the preview
                raise ValidationError(f"Regel {plan['line']}: {result.reason}. Er is niets ingelezen.", code="changed")
            result.obj._change_reason = f"import #{batch.pk}"
            result.obj.save()
            if existing is None:
                records.append({"action": "created", "pk": result.obj.pk})
            else:
                records.append({"action": "changed", "pk": result.obj.pk, "before": before})
        batch.records = records
        batch.save()
    return batch


def undo_import(batch, *, user=None) -> None:
    """Put back what an import changed: created objects go to the prullenbak (with whatever was added to them since,
    such as a school's assignments, so nothing is lost), changed ones get their old values."""
    model = School if batch.kind == "schools" else Assignment
    with transaction.atomic():
        for record in reversed(batch.records):
            obj = model.objects.filter(pk=record["pk"]).first()
            if obj is None:
                continue
            obj._change_reason = f"import #{batch.pk} ongedaan gemaakt"
            if record["action"] == "created":
                trash.discard(obj, user=user)
            else:
                for key, value in record["before"].items():
                    setattr(obj, key, value)
                obj.save()
        batch.undone = True
        batch.save(update_fields=["undone"])
