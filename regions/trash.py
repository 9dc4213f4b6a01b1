"""The prullenbak: a delete keeps a copy of everything it removes, and a restore puts all of it back.

Why a snapshot and not an "archived" state. Deleting an organisation also deletes its contact channels, opening
hours and service areas, and removes it from every parents' flow outcome; deleting a role takes it out of every
meeting and route step. django-simple-history only brings back the object's own row, so a restore used to lose
all of that. An "archived" flag would keep the rows, but every page, search, API, selector, loader, uniqueness
rule and foreign-key choice would then have to learn to skip archived rows, and a forgotten filter is a leak of
deleted content. A snapshot keeps the live tables as they are and touches only the two places that delete and
restore. It is generic: Django's own delete collector (`NestedObjects`, the one the admin's "are you sure?" page
uses) lists exactly the rows the cascade will remove, including the many-to-many link rows in both directions
(a role's place in `Meeting.members` and `Step.roles`), and Django's serializers store them with their primary
keys. A restore re-creates every row in one transaction, or none when something is in the way (a slug taken in
the meantime, a linked object that is gone); the reason is given in Dutch.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.admin.utils import NestedObjects
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.utils import timezone
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_manager_for_model

from regions.cache import bump_content_version
from regions.models import DeletedObject
from regions.permissions import region_of

RESTORE_REASON = "teruggezet uit de prullenbak"


class RestoreRefused(Exception):
    """A restore that cannot be done; the message says why, in Dutch."""


@dataclass
class Restored:
    entry: DeletedObject
    objects: list[models.Model] = field(default_factory=list)
    dropped_links: list[str] = field(default_factory=list)  # many-to-many links to objects that are gone since


def _label(model: type[models.Model], count: int) -> str:
    opts = model._meta
    if opts.auto_created:  # a many-to-many link table
        ends = [f.related_model._meta.verbose_name for f in opts.fields if f.is_relation]
        return f"koppeling{'en' if count != 1 else ''} {' – '.join(str(e) for e in ends)}"
    return str(opts.verbose_name if count == 1 else opts.verbose_name_plural)


def discard(obj: models.Model, *, user=None) -> DeletedObject:
    """Delete `obj` with Django's cascade, after storing every row that cascade removes in the prullenbak.

    Raises ProtectedError, like `obj.delete()`, when other content still points at `obj`.
    """
    using = router.db_for_write(type(obj))
    with transaction.atomic(using=using):
        collector = NestedObjects(using=using)
        collector.collect([obj])
        if collector.protected:
            raise models.ProtectedError(f"'{obj}' wordt nog gebruikt.", set(collector.protected))
        if collector.field_updates:
            # A SET_NULL relation would change rows we do not keep; none exists today, and none may slip in unseen.
            raise NotImplementedError(f"Verwijderen van {type(obj).__name__} zet velden leeg; de prullenbak bewaart dat niet.")
        collector.sort()
        groups = list(reversed(list(collector.data.items())))  # parents before children, the order to re-create
        rows = [row for _model, instances in groups for row in sorted(instances, key=lambda i: i.pk)]
        summary = [[_label(model, len(instances)), len(instances)] for model, instances in groups if model is not type(obj)]
        entry = DeletedObject.objects.create(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
            label=str(obj)[:300],
            region=region_of(obj, type(obj).region_path),
            deleted_by=user if user is not None and user.is_authenticated else None,
            summary=summary,
            data=serializers.serialize("json", rows),
        )
        obj.delete()
    return entry


def _missing(objects: list[models.Model]) -> dict[tuple[type[models.Model], object], list[tuple[models.Model, models.Field]]]:
    """Foreign keys that point at rows neither in the snapshot nor in the database: {(model, pk): [(row, field)]}."""
    in_snapshot = {(o._meta.concrete_model, o.pk) for o in objects}
    wanted: dict[tuple, list] = defaultdict(list)
    for row in objects:
        for fk in row._meta.concrete_fields:
            if fk.many_to_one and getattr(row, fk.attname) is not None:
                target = (fk.related_model._meta.concrete_model, getattr(row, fk.attname))
                if target not in in_snapshot:
                    wanted[target].append((row, fk))
    by_model: dict[type, set] = defaultdict(set)
    for model, pk in wanted:
        by_model[model].add(pk)
    existing = {
        (model, pk)
        for model, pks in by_model.items()
        for pk in model._base_manager.filter(pk__in=pks).values_list("pk", flat=True)
    }
    return {target: uses for target, uses in wanted.items() if target not in existing}


def restore(entry: DeletedObject, *, user=None) -> Restored:
    """Re-create every row of `entry` with its own primary key, in one transaction; RestoreRefused says why not."""
    if entry.restored_at is not None:
        raise RestoreRefused(f"'{entry.label}' is al teruggezet.")
    result = Restored(entry)
    with transaction.atomic():
        rows = list(serializers.deserialize("json", entry.data, ignorenonexistent=True))
        objects = [row.object for row in rows]
        dropped = set()
        for (model, pk), uses in _missing(objects).items():
            for row, fk in uses:
                if fk.remote_field.on_delete is models.SET_NULL:
                    setattr(row, fk.attname, None)  # what Django would have done had the row stayed
                elif row._meta.auto_created:
                    dropped.add(id(row))
                    result.dropped_links.append(f"{model._meta.verbose_name} {pk}")
                else:
                    raise RestoreRefused(
                        f"'{entry.label}' kan niet terug: het hoort bij {model._meta.verbose_name} met nummer {pk}, "
                        "dat inmiddels is verwijderd. Zet dat eerst terug."
                    )
        rows = [row for row in rows if id(row.object) not in dropped]
        for row in rows:
            try:
                row.object.validate_unique()
                row.object.validate_constraints()
            except ValidationError as exc:
                raise RestoreRefused(
                    f"'{entry.label}' kan niet terug: {' '.join(exc.messages)} "
                    "Geef het andere item eerst een andere naam of slug, of verwijder het."
                ) from None
        for row in rows:
            row.save(save_m2m=False)  # the link rows are in the snapshot themselves
            result.objects.append(row.object)
        _record_history(result.objects, user)
        entry.restored_at = timezone.now()
        entry.restored_by = user if user is not None and user.is_authenticated else None
        entry.save(update_fields=["restored_at", "restored_by"])
        bump_content_version()  # rows saved "raw" send no change signal the page cache listens to
    return result


def _record_history(objects: list[models.Model], user) -> None:
    """A "created" version for every restored row that has a history, marked as restored."""
    by_model: dict[type, list] = defaultdict(list)
    for obj in objects:
        by_model[type(obj)].append(obj)
    for model, instances in by_model.items():
        try:
            manager = get_history_manager_for_model(model)
        except NotHistoricalModelError:
            continue
        manager.bulk_history_create(
            instances,
            default_user=user if user is not None and user.is_authenticated else None,
            default_change_reason=RESTORE_REASON,
        )
