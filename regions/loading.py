"""Loading handbook content from YAML files: every object through the admin's own form, all or nothing.

The file format is described in fixtures/README.md. Each app declares the sections it loads (its `loaders.py`
lists `Section`s); `front`'s `load_content` command runs them in an order where everything a section points at
is loaded before it. Objects are upserted on their natural key (region + slug), every row is validated by the
same ModelForm the admin uses (`regions.importing.through_form`), and any problem refuses the whole load: the
transaction is rolled back and every problem is listed, in Dutch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django import forms
from django.db import models, transaction

from regions.importing import ImportRefused, Summary, form_data, form_errors, through_form
from regions.models import ContentStatus, Municipality, Region, Sector


@dataclass(frozen=True)
class Section:
    """One top-level key of the content files and how to load one of its items."""

    key: str
    load: Callable[[Loader, Source, dict], None]
    finish: Callable[[Loader, Source, dict], None] | None = None  # runs after every section, e.g. links between steps
    needs_slug: bool = True


@dataclass
class Source:
    path: Path
    data: dict
    region: Region | None = None

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class Child:
    """Rows that belong to one parent (a channel of an organisation, a rule of a trigger) and are replaced together."""

    related_name: str
    form: type[forms.ModelForm]
    parent_field: str
    rows: list[dict] = field(default_factory=list)


def keywords(item: dict) -> str:
    """The item's zoekwoorden: a YAML list or one comma-separated string, stored as one comma-separated line."""
    value = item.get("zoekwoorden") or item.get("keywords") or []  # FAQs and who-pays rows say `keywords:`
    if isinstance(value, str):
        value = value.split(",")
    return ", ".join(str(v).strip() for v in value if str(v).strip())


class Item(dict):
    """One item of a content file that remembers which keys the loader read.

    A key no loader reads would be dropped without a word (a `source:` on a node, a misspelt `frequncy:`); after the
    run every key that was never read is refused by name, so the file and the models cannot silently drift apart.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read: set = set()

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def __contains__(self, key) -> bool:
        self.read.add(key)
        return super().__contains__(key)


def tracked(value: Any) -> Any:
    """`value` with every mapping in it (at any depth) turned into an `Item`."""
    if isinstance(value, dict):
        return Item({key: tracked(v) for key, v in value.items()})
    if isinstance(value, list):
        return [tracked(v) for v in value]
    return value


def unread_keys(value: Any, where: str) -> list[str]:
    """'where: key' for every key of every `Item` in `value` that no loader read; only read values are searched."""
    found = []
    if isinstance(value, Item):
        for key in value:
            if key not in value.read:
                found.append(f"{where}: onbekend veld '{key}' (wordt niet geladen; verwijder het of geef het model dit veld)")
            else:
                found += unread_keys(dict.__getitem__(value, key), f"{where}/{key}")
    elif isinstance(value, list):
        for n, v in enumerate(value, start=1):
            label = v.get("slug") if isinstance(v, Item) and dict.__contains__(v, "slug") else n
            found += unread_keys(v, f"{where}[{label}]")
    return found


def text(item: dict, key: str) -> str:
    """A text value of an item, without the blank lines YAML's block style leaves around it."""
    return (item.get(key) or "").strip()


def read_files(paths: list[Path], sections: list[Section]) -> list[Source]:
    known = {"region", "document", *(s.key for s in sections)}
    sources, errors = [], []
    for path in paths:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            errors.append(f"{path.name}: geen geldige YAML ({exc})")
            continue
        if not isinstance(data, dict) or "region" not in data:
            errors.append(f"{path.name}: het bestand moet beginnen met 'region: <regio>'")
            continue
        unknown = set(data) - known
        if unknown:
            errors.append(f"{path.name}: onbekende onderdelen: {', '.join(sorted(unknown))}")
        sources.append(Source(path=path, data={key: tracked(value) for key, value in data.items()}))
    if errors:
        raise ImportRefused(errors)
    return sources


class Loader:
    """Upserts every object of the given files; collects errors instead of stopping at the first."""

    def __init__(self, sources: list[Source], sections: list[Section]):
        self.sources = sources
        self.sections = sections
        self.summary = Summary()
        self.errors: list[str] = []
        self.sectors = {s.code: s for s in Sector.objects.all()}
        self.regions = {r.slug: r for r in Region.objects.all()}
        self.national = next((r for r in self.regions.values() if r.is_national), None)

    # -- what items point at -------------------------------------------------------------------------------------

    def error(self, src: Source, where: str, message: str) -> None:
        self.errors.append(f"{src.name}: {where}: {message}")

    def source_fields(self, src: Source, item: dict) -> dict:
        source = item.get("source") or {}
        return {
            "source_document": source.get("document") or src.data.get("document") or "redactie",
            "source_section": (source.get("section") or "")[:300],
        }

    def ref(self, src: Source, model: type[models.Model], value: str | None, where: str, **extra) -> Any:
        """Resolve 'slug' in the file's region, or 'landelijk/slug' in the national scope."""
        if not value:
            return None
        region, slug = src.region, value
        if "/" in value:
            region_slug, slug = value.split("/", 1)
            region = self.regions.get(region_slug)
        obj = model.objects.filter(region=region, slug=slug, **extra).first() if region else None
        if obj is None:
            self.error(src, where, f"verwijst naar onbekende {model._meta.verbose_name} '{value}'")
        return obj

    def refs(self, src: Source, model, values: list[str] | None, where: str) -> list:
        return [obj for obj in (self.ref(src, model, v, where) for v in values or []) if obj is not None]

    def sector_list(self, src: Source, codes: list[str] | None, where: str) -> list[Sector]:
        found = []
        for code in codes or []:
            if code not in self.sectors:
                self.error(src, where, f"onbekende sector '{code}'")
            else:
                found.append(self.sectors[code])
        return found

    def municipalities(self, src: Source, slugs: list[str] | None, where: str) -> list[Municipality]:
        """Municipalities by their slug, which is unique across regions."""
        found = []
        for slug in slugs or []:
            municipality = Municipality.objects.filter(slug=slug).first()
            if municipality is None:
                self.error(src, where, f"verwijst naar onbekende gemeente '{slug}'")
            else:
                found.append(municipality)
        return found

    # -- writing -------------------------------------------------------------------------------------------------

    def upsert(
        self, src: Source, form: type[forms.ModelForm], lookup: dict, values: dict, *, children: list[Child] = ()
    ) -> models.Model | None:
        """Create or update one object through `form`; return it, or None after recording why it was refused."""
        model = form._meta.model
        label = str(model._meta.verbose_name)
        where = f"{label} '{lookup.get('slug', '/'.join(str(v) for v in lookup.values()))}'"
        existing = model.objects.filter(**lookup).first()
        if existing is None and "status" in form.base_fields:
            values = {"status": ContentStatus.PUBLISHED, **values}  # handbook content is published when it is loaded
        result = through_form(form, {**lookup, **values}, instance=existing)
        if result.outcome == "refused":
            self.error(src, where, result.reason)
            return None
        changed = False
        for child in children:
            changed |= self.sync_children(src, where, result.obj, child)
        outcome = "updated" if result.outcome == "unchanged" and changed else result.outcome
        self.summary.add(outcome, label)
        return result.obj

    def sync_children(self, src: Source, where: str, parent: models.Model, child: Child) -> bool:
        """Replace a parent's rows (channels, hours, rules, ...) when they differ from the file; True if replaced."""
        manager = getattr(parent, child.related_name)
        names = list(child.rows[0]) if child.rows else []

        def key(values) -> tuple:
            return tuple(v.pk if isinstance(v, models.Model) else v for v in values)

        # Compared as a multiset: rows without an explicit order come back in any order on PostgreSQL.
        current = Counter(key(getattr(c, n) for n in names) for c in manager.all())
        wanted = Counter(key(r[n] for n in names) for r in child.rows)
        if current == wanted and sum(current.values()) == manager.count():
            return False
        manager.all().delete()
        for row in child.rows:
            bound = child.form(form_data(child.form, None, {child.parent_field: parent, **row}))
            if bound.is_valid():
                bound.save()
            else:
                self.error(src, where, f"{child.form._meta.model._meta.verbose_name}: {form_errors(bound)}")
        return True

    # -- running -------------------------------------------------------------------------------------------------

    def run(self) -> Summary:
        for src in self.sources:
            src.region = self.regions.get(src.data["region"])
            if src.region is None:
                self.error(src, "region", f"onbekende regio '{src.data['region']}'")
        if self.errors:
            raise ImportRefused(self.errors)
        for section in self.sections:
            for src in self.sources:
                for item in src.data.get(section.key) or []:
                    if not isinstance(item, dict) or (section.needs_slug and not item.get("slug")):
                        self.error(src, section.key, f"elk item heeft een 'slug' nodig ({item!r:.60})")
                        continue
                    section.load(self, src, item)
        for section in self.sections:
            if section.finish:
                for src in self.sources:
                    for item in src.data.get(section.key) or []:
                        section.finish(self, src, item)
        if not self.errors:  # after other errors some items were never read: their keys are not the problem
            for section in self.sections:
                for src in self.sources:
                    for item in src.data.get(section.key) or []:
                        label = dict.get(item, "slug", "?") if isinstance(item, dict) else "?"
                        for problem in unread_keys(item, f"{section.key} '{label}'"):
                            self.errors.append(f"{src.name}: {problem}")
        if self.errors:
            raise ImportRefused(self.errors)
        return self.summary


def load_content(paths: list[Path], sections: list[Section], *, dry_run: bool = False) -> Summary:
    """Load the files in one transaction; raise ImportRefused (and write nothing) when anything is wrong."""
    sources = read_files(paths, sections)
    with transaction.atomic():
        summary = Loader(sources, sections).run()
        if dry_run:
            transaction.set_rollback(True)
    return summary
