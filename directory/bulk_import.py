"""Bulk import of schools and school assignments from CSV or XLSX, for editors in the admin.

Flow: upload → `plan_import` reads every row, validates it with the admin's own rules, and says per row what
would happen (create, change with the fields, or refuse with the reason in Dutch) → the plan is kept in the
database → the editor confirms that plan → `plan_confirm` runs it in one transaction and records an ImportBatch
with each object's previous values, so `undo_import` can put everything back.

Columns (first row is the header; case and accents do not matter):
- schools: naam, sector (po/sbo/so/vo/vso/pro), gemeente, optional: slug, brin, vestigingsnummer, straat, postcode,
  plaats, telefoon, email, website
- assignments: school (slug of the school, or BRIN+vestigingsnummer such as 12AB00), rol (slug of the role), naam,
  optional: telefoon, email, bereikbaarheid, zichtbaarheid (openbaar / professionals)
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.text import slugify

from directory.forms import SchoolForm
from directory.import_files import fold
from directory.models import Assignment, ImportBatch, ImportPlan, Role, School, Visibility
from regions import trash
from regions.models import ContentStatus, Municipality, Region, Sector

SCHOOL_FIELDS = [
    "name",
    "sector",
    "municipality",
    "brin",
    "location_number",
    "street",
    "postcode",
    "city",
    "phone",
    "email",
    "website",
]
ASSIGNMENT_FIELDS = ["person_name", "phone", "email", "availability", "visibility"]


@dataclass
class RowPlan:
    line: int
    action: str  # create | change | unchanged | refuse
    label: str
    changes: list[str] = field(default_factory=list)
    reason: str = ""
    values: dict = field(default_factory=dict)
    target_pk: int | None = None


def _school_lookup(region: Region, value: str) -> School | None:
    value = value.strip()
    if re.fullmatch(r"[0-9]{2}[A-Za-z]{2}[0-9]{2}", value):
        found = School.objects.filter(region=region, brin=value[:4].upper(), location_number=value[4:]).first()
        if found:
            return found
    return School.objects.filter(region=region, slug=value).first()


def plan_import(region: Region, kind: str, rows: list[dict[str, str]]) -> list[RowPlan]:
    return [(_plan_school if kind == "schools" else _plan_assignment)(region, row, n) for n, row in enumerate(rows, start=2)]


def _plan_school(region: Region, row: dict, line: int) -> RowPlan:
    label = row.get("name") or f"regel {line}"
    municipality = Municipality.objects.filter(region=region, name__iexact=row.get("municipality", "")).first()
    if municipality is None:
        return RowPlan(line, "refuse", label, reason=f"Gemeente '{row.get('municipality', '')}' hoort niet bij {region.name}.")
    sector = Sector.objects.filter(code=row.get("sector", "").lower()).first()
    if sector is None:
        return RowPlan(
            line, "refuse", label, reason=f"Onbekende sector '{row.get('sector', '')}'; gebruik po, sbo, so, vo, vso of pro."
        )
    slug = row.get("slug") or slugify(f"{row.get('name', '')}-{row.get('city') or municipality.name}")[:80]
    existing = None
    if row.get("brin"):
        existing = School.objects.filter(brin=row["brin"].upper(), location_number=row.get("location_number", "")).first()
        if existing and existing.region_id != region.pk:
            return RowPlan(line, "refuse", label, reason="Deze BRIN en vestiging horen bij een school in een andere regio.")
    existing = existing or School.objects.filter(region=region, slug=slug).first()
    data = {**(model_to_dict(existing) if existing else {"status": ContentStatus.PUBLISHED, "source_document": "redactie"}),
            **{k: row.get(k, "") for k in SCHOOL_FIELDS if k not in ("sector", "municipality")},
            "region": region.pk, "slug": existing.slug if existing else slug, "sector": sector.pk,
            "municipality": municipality.pk, "brin": row.get("brin", "").upper()}  # fmt: skip
    form = SchoolForm(data, instance=existing)
    if not form.is_valid():
        reasons = "; ".join(f"{form.fields[k].label if k in form.fields else k}: {' '.join(v)}" for k, v in form.errors.items())
        return RowPlan(line, "refuse", label, reason=reasons)
    values = {k: form.cleaned_data[k] for k in SCHOOL_FIELDS}
    if existing is None:
        return RowPlan(line, "create", label, values=_serialisable(values, slug=data["slug"]))
    current = School.objects.get(pk=existing.pk)  # validation wrote the new values onto `existing`
    changes = [k for k in SCHOOL_FIELDS if getattr(current, k) != values[k]]
    action = "change" if changes else "unchanged"
    return RowPlan(line, action, label, changes=changes, values=_serialisable(values, slug=existing.slug), target_pk=existing.pk)


def _plan_assignment(region: Region, row: dict, line: int) -> RowPlan:
    label = f"{row.get('name', '')} – {row.get('role', '')} – {row.get('school', '')}"
    school = _school_lookup(region, row.get("school", ""))
    if school is None:
        return RowPlan(line, "refuse", label, reason=f"School '{row.get('school', '')}' bestaat niet in {region.name}.")
    role = (
        Role.objects.filter(slug=row.get("role", ""))
        .filter(region__in=[region, *Region.objects.filter(is_national=True)])
        .first()
    )
    if role is None:
        return RowPlan(line, "refuse", label, reason=f"Rol '{row.get('role', '')}' bestaat niet in {region.name}.")
    visibility = {"openbaar": Visibility.PUBLIC, "public": Visibility.PUBLIC, "": Visibility.PROFESSIONALS,
                  "professionals": Visibility.PROFESSIONALS}.get(fold(row.get("visibility", "")))  # fmt: skip
    if visibility is None:
        return RowPlan(line, "refuse", label, reason="Zichtbaarheid moet 'openbaar' of 'professionals' zijn.")
    values = {"person_name": row.get("name", ""), "phone": row.get("phone", ""), "email": row.get("email", ""),
              "availability": row.get("availability", ""), "visibility": visibility}  # fmt: skip
    existing = Assignment.objects.filter(school=school, role=role, person_name=values["person_name"]).first()
    candidate = existing or Assignment(
        school=school, role=role, region=region, status=ContentStatus.PUBLISHED, source_document="redactie"
    )
    for key, value in values.items():
        setattr(candidate, key, value)
    try:
        candidate.full_clean(exclude=["checked_by"])
    except ValidationError as exc:
        return RowPlan(line, "refuse", label, reason="; ".join(exc.messages))
    values.update(school=school.pk, role=role.pk)
    if existing is None:
        return RowPlan(line, "create", label, values=values)
    changes = [k for k in ASSIGNMENT_FIELDS if getattr(existing, k) != values[k]]
    return RowPlan(line, "change" if changes else "unchanged", label, changes=changes, values=values, target_pk=existing.pk)


def _serialisable(values: dict, **extra) -> dict:
    out = {k: (v.pk if hasattr(v, "pk") else v) for k, v in values.items()}
    return {**out, **extra}


def plan_store(*, region: Region, kind: str, filename: str, sha256: str, plans: list[RowPlan], user) -> ImportPlan:
    """Keep a preview in the database until it is confirmed; expired previews are cleared on the way."""
    ImportPlan.objects.filter(created_at__lt=timezone.now() - ImportPlan.LIFETIME).delete()
    return ImportPlan.objects.create(region=region, kind=kind, filename=filename[:200], sha256=sha256,
                                     rows=[asdict(p) for p in plans], created_by=user)  # fmt: skip


def plan_confirm(*, plan_id: int | None, user, regions):
    """Apply exactly the previewed plan: only for the user who made it, in a region they still edit, once."""
    with transaction.atomic():
        plan = ImportPlan.objects.select_for_update().filter(pk=plan_id, created_by=user, region__in=regions).first()
        if plan is None:
            raise ValidationError("Deze voorvertoning bestaat niet of is niet van u. Upload het bestand opnieuw.",
                                  code="unknown_plan")  # fmt: skip
        if plan.used_at is not None:
            raise ValidationError("Deze voorvertoning is al ingelezen; er is niets opnieuw ingelezen.", code="used_plan")
        if plan.expired:
            raise ValidationError("De voorvertoning is verlopen. Upload het bestand opnieuw.", code="expired_plan")
        batch = apply_import(region=plan.region, kind=plan.kind, plans=plan.rows, user=user, filename=plan.filename)
        plan.used_at = timezone.now()
        plan.save(update_fields=["used_at"])
    return batch


def apply_import(*, region: Region, kind: str, plans: list[dict], user, filename: str) -> ImportBatch:
    """Apply a previewed plan in one transaction; refuses when any row was refused."""
    if any(p["action"] == "refuse" for p in plans):
        raise ValidationError("Het bestand bevat geweigerde regels; er is niets ingelezen.", code="refused_rows")
    model = School if kind == "schools" else Assignment
    records = []
    with transaction.atomic():
        batch = ImportBatch.objects.create(region=region, kind=kind, filename=filename[:200], created_by=user)
        for plan in plans:
            values = dict(plan["values"])
            if kind == "schools":
                values["sector_id"] = values.pop("sector")
                values["municipality_id"] = values.pop("municipality")
            else:
                values["school_id"] = values.pop("school")
                values["role_id"] = values.pop("role")
            if plan["action"] == "create":
                obj = model(region=region, status=ContentStatus.PUBLISHED, source_document="redactie", **values)
                obj._change_reason = f"import #{batch.pk}"
                obj.full_clean(exclude=["checked_by"])
                obj.save()
                records.append({"action": "created", "pk": obj.pk})
            elif plan["action"] == "change":
                obj = model.objects.select_for_update().get(pk=plan["target_pk"], region=region)
                before = {k: getattr(obj, k) for k in values}
                for key, value in values.items():
                    setattr(obj, key, value)
                obj._change_reason = f"import #{batch.pk}"
                obj.full_clean(exclude=["checked_by"])
                obj.save()
                records.append({"action": "changed", "pk": obj.pk, "before": before})
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
