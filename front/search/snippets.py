"""The piece of a result's text shown under its title, with the words that matched marked."""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_RADIUS = 90


def snippet(text: str, needles: list[str]) -> SafeString:
    """A piece of `text` around the first match, escaped, with words starting with a needle marked."""
    text = re.sub(r"\s+", " ", re.sub(r"[#*_>`]", "", text)).strip()
    needles = sorted({n for n in needles if len(n) > 1}, key=len, reverse=True)
    if not text:
        return mark_safe("")
    # Fold character by character so positions in `folded` are positions in `text`.
    folded = "".join((unicodedata.normalize("NFKD", c)[:1] or c).lower() for c in text)
    positions = [m.start() for n in needles for m in [re.search(rf"\b{re.escape(n)}", folded)] if m]
    first = min(positions) if positions else 0
    start = max(first - SNIPPET_RADIUS, 0)
    end = min(start + 2 * SNIPPET_RADIUS, len(text))
    # Cut between words, not inside one ("… nderdelen"): start after a space before the match, end before a space.
    if start and text[start - 1] != " " and (space := text.find(" ", start, first)) >= 0:
        start = space + 1
    if end < len(text) and text[end] != " " and (space := text.rfind(" ", first + 1, end)) > 0:
        end = space
    piece, folded_piece = text[start:end], folded[start:end]
    spans = sorted({(m.start(), m.end()) for n in needles for m in re.finditer(rf"\b{re.escape(n)}\w*", folded_piece)})
    out, cursor = [], 0
    for a, b in spans:
        if a < cursor:
            continue
        out += [escape(piece[cursor:a]), "<mark>", escape(piece[a:b]), "</mark>"]
        cursor = b
    out.append(escape(piece[cursor:]))
    prefix, suffix = ("… " if start else ""), (" …" if end < len(text) else "")
    return mark_safe(prefix + "".join(out) + suffix)  # noqa: S308 - every piece of editor text above is escaped
