"""The import toolkit every importer shares: one table reader, one refusal, one summary, one way through a form.

- `read_table` reads CSV (delimiter and encoding sniffed, any line ending) or XLSX (streamed) within limits that
  are checked while reading: the byte size before parsing, the unpacked size of an XLSX before openpyxl opens it,
  the rows, columns and field lengths as they come. An editor's upload and DUO's lists differ only in their limits.
- `ImportRefused` is the one error: nothing was imported, and its lines say why, in Dutch.
- `Summary` counts what happened and says it in one line: created, updated, unchanged, refused (and, where an
  importer does that, closed or deleted).
- `through_form` runs one row through the same ModelForm the admin uses, so no importer validates less.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import hashlib
import io
import json
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from django import forms
from django.db import models

CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    """What a file may hold. Checked while reading, so an oversized file is refused early."""

    max_bytes: int = 5 * 1024 * 1024
    max_unpacked_bytes: int = 20 * 1024 * 1024  # an XLSX is a zip file: what it unpacks to, all parts together
    max_rows: int = 5000
    max_columns: int = 30
    max_field_chars: int = 1000  # our longest field holds 300 characters


UPLOAD_LIMITS = Limits()

# The range a sheet declares near its start, <dimension ref="A1:C5001"/>: the last row is what we need.
DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]{1,3}[0-9]+:[A-Z]{1,3}([0-9]{1,7})"')
DIMENSION_WINDOW = 64 * 1024

# Characters no text file holds: what is left of binary content after decoding.
BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NOT_TEXT = "Dit bestand is geen tekst. Sla het in Excel op als 'CSV UTF-8 (door lijstscheidingsteken gescheiden)' of als .xlsx."


class ImportRefused(Exception):
    """Nothing was imported; `errors` says why, in Dutch, one line per problem."""

    def __init__(self, errors: list[str] | str):
        self.errors = [errors] if isinstance(errors, str) else list(errors)
        super().__init__("\n".join(self.errors))


def read_upload(upload, limits: Limits = UPLOAD_LIMITS) -> tuple[bytes, str]:
    """The bytes of an uploaded file and their SHA-256, refused when larger than the limit."""
    if upload.size is not None and upload.size > limits.max_bytes:
        raise ImportRefused(_too_big(limits))
    digest, parts, size = hashlib.sha256(), [], 0
    for chunk in upload.chunks(CHUNK):
        size += len(chunk)
        if size > limits.max_bytes:
            raise ImportRefused(_too_big(limits))
        digest.update(chunk)
        parts.append(chunk)
    return b"".join(parts), digest.hexdigest()


def read_table(
    name: str, data: bytes, *, columns: Mapping[str, str] | None = None, limits: Limits = UPLOAD_LIMITS
) -> list[dict[str, str]]:
    """Rows as dicts, from CSV or XLSX (by the file name); the first row holds the column names.

    With `columns` (folded column name → our key) every column must be known and rows are keyed by our keys;
    without, rows are keyed by the column names as written (stripped), as DUO's lists are read.
    """
    if len(data) > limits.max_bytes:
        raise ImportRefused(_too_big(limits))
    lower = name.lower()
    if lower.endswith(".xlsx"):
        rows = _xlsx_rows(data, limits)
    elif lower.endswith((".csv", ".txt")):
        rows = _csv_rows(data, limits)
    else:
        raise ImportRefused("Upload een .csv- of .xlsx-bestand.")
    rows = _checked(rows, limits)
    header = next(rows, None)
    if header is None or not any(header):
        raise ImportRefused("Het bestand is leeg.")
    if columns is None:
        keys = [h.strip() for h in header]
    else:
        keys = [columns.get(fold(h), "") for h in header]
        unknown = [h for h, key in zip(header, keys, strict=False) if h and not key]
        if unknown:
            raise ImportRefused(f"Onbekende kolommen: {', '.join(unknown)}.")
    table = []
    for row in rows:
        if any(value.strip() for value in row):
            table.append({key: value.strip() for key, value in zip(keys, row, strict=False) if key})
    return table


def _checked(rows: Iterable[list[str]], limits: Limits) -> Iterator[list[str]]:
    """Rows as they come, refused as soon as one breaks a limit: at most `max_rows` after the header."""
    for number, row in enumerate(rows, start=1):
        if number > limits.max_rows + 1:
            raise ImportRefused(f"Het bestand heeft meer dan {_number(limits.max_rows)} rijen; splits het op.")
        if len(row) > limits.max_columns and any(value.strip() for value in row[limits.max_columns :]):
            raise ImportRefused(f"Het bestand heeft meer dan {limits.max_columns} kolommen.")
        if any(len(value) > limits.max_field_chars for value in row):
            raise ImportRefused(_field_too_long(number, limits))
        yield row[: limits.max_columns]


def _csv_rows(data: bytes, limits: Limits) -> Iterator[list[str]]:
    text = _decode(data)
    first_line = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=";,\t").delimiter
    except csv.Error:  # one column, or no delimiter it can tell: the more frequent of ; and ,
        delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    # newline="" leaves the line endings to the csv module: LF, CRLF and CR alone (Excel for Mac) all work.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise ImportRefused(_field_too_long(reader.line_num, limits)) from exc
        raise ImportRefused(f"Regel {reader.line_num} kan niet worden gelezen; controleer de aanhalingstekens.") from exc


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        raise ImportRefused(NOT_TEXT)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")  # what Excel on Windows writes for plain "CSV"
        except UnicodeDecodeError:
            raise ImportRefused(NOT_TEXT) from None
    if BINARY.search(text):
        raise ImportRefused(NOT_TEXT)
    if not text.strip():
        raise ImportRefused("Het bestand is leeg.")
    return text


def _xlsx_rows(data: bytes, limits: Limits) -> Iterator[list[str]]:
    from openpyxl import load_workbook  # not at the top: it takes a fifth of a second, and few requests read Excel

    unreadable = "Dit Excel-bestand kan niet worden gelezen."
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_archive(archive, limits)
    except (zipfile.BadZipFile, ValueError, KeyError, EOFError):
        raise ImportRefused(unreadable) from None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        sheet = workbook.active
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise ImportRefused(unreadable) from exc
    try:
        if sheet is None:
            raise ImportRefused("Het bestand is leeg.")
        # Columns and rows bounded here too: a sheet may declare a range of millions of cells.
        rows = sheet.iter_rows(values_only=True, max_col=limits.max_columns + 1, max_row=limits.max_rows + 2)
        while True:
            try:
                row = next(rows, None)
            except Exception as exc:  # noqa: BLE001 - a broken sheet fails only when its rows are parsed
                raise ImportRefused(unreadable) from exc
            if row is None:
                return
            yield ["" if value is None else str(value) for value in row]
    finally:
        workbook.close()


def _check_archive(archive: zipfile.ZipFile, limits: Limits) -> None:
    """Refuse an XLSX before openpyxl opens it: openpyxl reads all shared strings on opening, and scans a whole
    sheet that does not declare its size. So: the unpacked size, and each sheet's declared range (Excel always
    writes one), first."""
    if sum(info.file_size for info in archive.infolist()) > limits.max_unpacked_bytes:
        raise ImportRefused(f"Dit Excel-bestand is te groot; het mag hooguit {_number(limits.max_rows)} rijen hebben.")
    for info in archive.infolist():
        if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
            with archive.open(info) as sheet:
                declared = DIMENSION.search(sheet.read(DIMENSION_WINDOW))
            if declared and int(declared.group(1)) > limits.max_rows + 1:
                raise ImportRefused(
                    f"Een werkblad in dit bestand heeft meer dan {_number(limits.max_rows)} rijen; splits het op."
                )


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().strip().lower()


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _field_too_long(line: int, limits: Limits) -> str:
    return f"Regel {line}: een veld is langer dan {_number(limits.max_field_chars)} tekens."


def _too_big(limits: Limits) -> str:
    return f"Het bestand is groter dan {limits.max_bytes // (1024 * 1024)} MB; splits het op."


# -- what happened ----------------------------------------------------------------------------------------------


OUTCOMES = {"created": "aangemaakt", "updated": "bijgewerkt", "unchanged": "ongewijzigd", "refused": "geweigerd"}
OPTIONAL_OUTCOMES = {"closed": "gesloten", "deleted": "verwijderd"}


@dataclass
class Summary:
    """How many rows each importer created, updated, left unchanged or refused, per kind of object."""

    counts: dict[str, Counter] = field(default_factory=lambda: {k: Counter() for k in {**OUTCOMES, **OPTIONAL_OUTCOMES}})

    def add(self, outcome: str, label: str = "", count: int = 1) -> None:
        self.counts[outcome][label] += count

    def total(self, outcome: str) -> int:
        return sum(self.counts[outcome].values())

    def line(self) -> str:
        """'aangemaakt: 3, bijgewerkt: 1, ongewijzigd: 20, geweigerd: 0' (plus closed/deleted when any)."""
        parts = [f"{word}: {self.total(key)}" for key, word in OUTCOMES.items()]
        parts += [f"{word}: {self.total(key)}" for key, word in OPTIONAL_OUTCOMES.items() if self.total(key)]
        return ", ".join(parts)


# -- one row through the admin's form ----------------------------------------------------------------------------


def form_value(value):
    """A Python value as a bound form expects it in its data: model → pk, list → pks, dates and times as ISO text."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set) and all(isinstance(v, models.Model) for v in value):
        return [v.pk for v in value]
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if value is None:
        return ""
    return value


def form_data(form_class: type[forms.ModelForm], instance: models.Model | None, values: dict) -> dict:
    """The data to bind: what `instance` holds in every field of the form, with `values` on top.

    Fields an importer does not name keep what an editor set (publication dates, a partnership, ...); for a new
    object they get the model's defaults, as `Model(**values)` would.
    """
    base = instance if instance is not None else form_class._meta.model()
    initial = forms.models.model_to_dict(base, fields=form_class._meta.fields)
    fields = form_class.base_fields

    def encode(name: str, value):
        if isinstance(fields.get(name), forms.JSONField) and not isinstance(value, str):
            value = json.dumps(value)
        return form_value(value)

    data = {name: encode(name, value) for name, value in {**{n: initial.get(n) for n in fields}, **values}.items()}
    for name, form_field in fields.items():
        if form_field.show_hidden_initial:  # a field with a callable default compares against the value the page showed
            data[f"initial-{name}"] = encode(name, initial.get(name))
    return data


def form_errors(form: forms.BaseForm) -> str:
    """A bound form's errors as one Dutch line: 'veld: fout; ander veld: fout'."""
    parts = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        parts.append(f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return "; ".join(parts)


@dataclass
class RowResult:
    outcome: str  # created | updated | unchanged | refused
    obj: models.Model | None = None
    changed: list[str] = field(default_factory=list)
    reason: str = ""


def through_form(
    form_class: type[forms.ModelForm], values: dict, *, instance: models.Model | None = None, save: bool = True, **form_kwargs
) -> RowResult:
    """Validate one row with the admin's form and save it (unless `save` is False); never raises for bad data."""
    form = form_class(form_data(form_class, instance, values), instance=instance, **form_kwargs)
    if not form.is_valid():
        return RowResult("refused", instance, reason=form_errors(form))
    if instance is not None and not form.has_changed():
        return RowResult("unchanged", instance)
    obj = form.save() if save else form.instance
    return RowResult("created" if instance is None else "updated", obj, changed=list(form.changed_data))
