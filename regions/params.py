"""Reading values typed into a URL: ASCII digits only, bounded lengths, no control characters.

`str.isdigit()` is not enough: it accepts "²" and "¹", which `int()` refuses, and Python's `int()` reads "٣" as 3 and
refuses numbers of more than 4,300 digits. PostgreSQL refuses text containing NUL. These helpers turn any such
value into "not given" or "invalid", so the views answer with their own Dutch message instead of an error.
"""

from __future__ import annotations

import re

ASCII_DIGITS = re.compile(r"[0-9]+")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def query_text(value: str | None, *, max_length: int) -> str:
    """Free text from a query string: control characters removed, trimmed, at most `max_length` characters."""
    # Cut before cleaning so a 10,000-character value costs no more than a short one.
    return CONTROL_CHARACTERS.sub("", (value or "")[: 4 * max_length]).strip()[:max_length]


def ascii_int(value: str | None, *, max_digits: int) -> int | None:
    """A whole number written in ASCII digits (at most `max_digits` of them), or None for anything else."""
    if not value or len(value) > max_digits or not ASCII_DIGITS.fullmatch(value):
        return None
    return int(value)
