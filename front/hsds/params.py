"""The query parameters the HSDS OpenAPI document names, plus `regio`, each with its Dutch error.

A bad value is a 400 with `{"fout": "..."}`; a value that is fine but matches nothing gives an empty page.
"""

from __future__ import annotations

import datetime
import uuid

from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from regions.models import Region
from regions.params import ascii_int, query_text

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
MAX_PAGE_DIGITS = 6


class BadParameter(Exception):
    """A query parameter the API cannot use; the message (Dutch) goes into the 400 response."""


def _raw(request: HttpRequest, name: str) -> str | None:
    value = request.GET.get(name)
    return None if value is None or value == "" else value


def page(request: HttpRequest) -> tuple[int, int]:
    """(page, per_page): page 1 and 50 per page unless asked; per_page at most 100."""
    number, size = _raw(request, "page"), _raw(request, "per_page")
    page_number = 1 if number is None else ascii_int(number, max_digits=MAX_PAGE_DIGITS)
    if page_number is None or page_number < 1:
        raise BadParameter("page moet een heel getal vanaf 1 zijn.")
    per_page = DEFAULT_PER_PAGE if size is None else ascii_int(size, max_digits=4)
    if per_page is None or not 1 <= per_page <= MAX_PER_PAGE:
        raise BadParameter(f"per_page moet een heel getal van 1 tot en met {MAX_PER_PAGE} zijn.")
    return page_number, per_page


def boolean(request: HttpRequest, name: str) -> bool:
    value = _raw(request, name)
    if value is None:
        return False
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise BadParameter(f"{name} moet true of false zijn.")


def search(request: HttpRequest) -> str:
    return query_text(request.GET.get("search"), max_length=100)


def hsds_uuid(value: str, name: str) -> str:
    try:
        return str(uuid.UUID(value))
    except (ValueError, AttributeError):
        raise BadParameter(f"{name} moet een UUID zijn, zoals 3f7b145d-84af-42d7-8fae-eaca714b02b2.") from None


def optional_uuid(request: HttpRequest, name: str) -> str | None:
    value = _raw(request, name)
    return None if value is None else hsds_uuid(value, name)


def modified_after(request: HttpRequest) -> datetime.datetime | None:
    value = _raw(request, "modified_after")
    if value is None:
        return None
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = datetime.datetime.combine(day, datetime.time()) if day else None
    except ValueError:
        moment = None
    if moment is None:
        raise BadParameter("modified_after moet een datum of tijdstip zijn, zoals 2026-01-31 of 2026-01-31T12:00:00Z.")
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def region(request: HttpRequest) -> Region | None:
    value = _raw(request, "regio")
    if value is None:
        return None
    found = Region.objects.filter(slug=query_text(value, max_length=60)).first()
    if found is None:
        raise BadParameter("Deze regio kennen we niet. Zie /api/v1/regios/ voor de regio's.")
    return found


def response_format(request: HttpRequest) -> None:
    value = _raw(request, "format")
    if value is not None and value != "json":
        raise BadParameter("Alleen format=json wordt ondersteund.")
