"""Reading an uploaded import file (CSV or XLSX) within size, row and field limits, before anything is planned.

Every limit is checked while reading, so an oversized file is refused after at most MAX_ROWS rows: the byte size
before parsing, the unpacked size of an XLSX before openpyxl opens it, the rows and field lengths as they come.
Every refusal is an ImportFileError with a Dutch message for the editor.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator

MAX_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * 1024 * 1024  # an XLSX is a zip file: what it unpacks to, all parts together
MAX_ROWS = 5000
MAX_FIELD_CHARS = 1000  # our longest field holds 300 characters
MAX_COLUMNS = 30
CHUNK = 64 * 1024

COLUMNS = {
    "naam": "name", "sector": "sector", "gemeente": "municipality", "slug": "slug", "brin": "brin",
    "vestigingsnummer": "location_number", "straat": "street", "postcode": "postcode", "plaats": "city",
    "telefoon": "phone", "email": "email", "e-mail": "email", "website": "website", "school": "school", "rol": "role",
    "bereikbaarheid": "availability", "zichtbaarheid": "visibility",
}  # fmt: skip

# The range a sheet declares near its start, <dimension ref="A1:C5001"/>: the last row is what we need.
DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]{1,3}[0-9]+:[A-Z]{1,3}([0-9]{1,7})"')
DIMENSION_WINDOW = 64 * 1024

# Characters no text file holds: what is left of binary content after decoding.
BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NOT_TEXT = "Dit bestand is geen tekst. Sla het in Excel op als 'CSV UTF-8 (door lijstscheidingsteken gescheiden)' of als .xlsx."


class ImportFileError(Exception):
    """The file itself cannot be read; the message says why, in Dutch."""


def read_upload(upload) -> tuple[bytes, str]:
    """The bytes of an uploaded file and their SHA-256, refused when larger than MAX_BYTES."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ImportFileError(_too_big())
    digest, parts, size = hashlib.sha256(), [], 0
    for chunk in upload.chunks(CHUNK):
        size += len(chunk)
        if size > MAX_BYTES:
            raise ImportFileError(_too_big())
        digest.update(chunk)
        parts.append(chunk)
    return b"".join(parts), digest.hexdigest()


def read_table(name: str, data: bytes) -> list[dict[str, str]]:
    """Rows as dicts keyed by our field names, from CSV (; or ,) or XLSX; the first row holds the column names."""
    lower = name.lower()
    if lower.endswith(".xlsx"):
        rows = _xlsx_rows(data)
    elif lower.endswith(".csv"):
        rows = _csv_rows(data)
    else:
        raise ImportFileError("Upload een .csv- of .xlsx-bestand.")
    rows = _checked(rows)
    header = next(rows, None)
    if header is None or not any(header):
        raise ImportFileError("Het bestand is leeg.")
    keys = [COLUMNS.get(fold(h), "") for h in header]
    unknown = [h for h, key in zip(header, keys, strict=False) if h and not key]
    if unknown:
        raise ImportFileError(f"Onbekende kolommen: {', '.join(unknown)}.")
    table = []
    for row in rows:
        if any(row):
            table.append({key: value.strip() for key, value in zip(keys, row, strict=False) if key})
    return table


def _checked(rows: Iterable[list[str]]) -> Iterator[list[str]]:
    """Rows as they come, refused as soon as one breaks a limit: at most MAX_ROWS after the header."""
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS + 1:
            raise ImportFileError(f"Het bestand heeft meer dan {_number(MAX_ROWS)} rijen; splits het op.")
        if any(len(value) > MAX_FIELD_CHARS for value in row):
            raise ImportFileError(_field_too_long(number))
        yield row


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    text = _decode(data)
    first_line = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    # newline="" leaves the line endings to the csv module: LF, CRLF and CR alone (Excel for Mac) all work.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise ImportFileError(_field_too_long(reader.line_num)) from exc
        raise ImportFileError(f"Regel {reader.line_num} kan niet worden gelezen; controleer de aanhalingstekens.") from exc


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        raise ImportFileError(NOT_TEXT)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")  # what Excel on Windows writes for plain "CSV"
        except UnicodeDecodeError:
            raise ImportFileError(NOT_TEXT) from None
    if BINARY.search(text):
        raise ImportFileError(NOT_TEXT)
    if not text.strip():
        raise ImportFileError("Het bestand is leeg.")
    return text


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    unreadable = "Dit Excel-bestand kan niet worden gelezen."
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_archive(archive)
    except (zipfile.BadZipFile, ValueError, KeyError, EOFError):
        raise ImportFileError(unreadable) from None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        sheet = workbook.active
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise ImportFileError(unreadable) from exc
    try:
        if sheet is None:
            raise ImportFileError("Het bestand is leeg.")
        # Columns and rows bounded here too: a sheet may declare a range of millions of cells.
        rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1, max_row=MAX_ROWS + 2)
        while True:
            try:
                row = next(rows, None)
            except Exception as exc:  # noqa: BLE001 - a broken sheet fails only when its rows are parsed
                raise ImportFileError(unreadable) from exc
            if row is None:
                return
            values = ["" if value is None else str(value) for value in row]
            if len(values) > MAX_COLUMNS and values[MAX_COLUMNS]:
                raise ImportFileError(f"Het bestand heeft meer dan {MAX_COLUMNS} kolommen.")
            yield values[:MAX_COLUMNS]
    finally:
        workbook.close()


def _check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse an XLSX before openpyxl opens it: openpyxl reads all shared strings on opening, and scans a whole
    sheet that does not declare its size. So: the unpacked size, and each sheet's declared range (Excel always
    writes one), first."""
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
        raise ImportFileError(f"Dit Excel-bestand is te groot; het mag hooguit {_number(MAX_ROWS)} rijen hebben.")
    for info in archive.infolist():
        if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
            with archive.open(info) as sheet:
                declared = DIMENSION.search(sheet.read(DIMENSION_WINDOW))
            if declared and int(declared.group(1)) > MAX_ROWS + 1:
                raise ImportFileError(f"Een werkblad in dit bestand heeft meer dan {_number(MAX_ROWS)} rijen; splits het op.")


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().strip().lower()


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _field_too_long(line: int) -> str:
    return f"Regel {line}: een veld is langer dan {_number(MAX_FIELD_CHARS)} tekens."


def _too_big() -> str:
    return f"Het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB; splits het op."
