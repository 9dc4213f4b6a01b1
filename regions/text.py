"""Text as pages show it: editor Markdown to safe HTML (raw HTML off, then an allow-list sanitiser), phone links."""

import re
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).disable("image")

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br", "h3", "h4", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


@lru_cache(maxsize=8192)
def render_markdown(text: str) -> str:
    """Render editor Markdown to HTML that is safe to mark as safe (memoised: a pure function of the text)."""
    if not text:
        return ""
    html = _md.render(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


def phone_href(number: str) -> str:
    """'020-251 8010' -> 'tel:+31202518010'; keeps short service numbers as they are."""
    digits = re.sub(r"[^\d+]", "", number)
    if digits.startswith("0") and not digits.startswith("00") and len(digits) == 10:
        digits = "+31" + digits[1:]
    return f"tel:{digits}"


# Dutch area codes of three characters (the rest, outside 06 and these, have four: 0294 for Weesp).
SHORT_AREA_CODES = frozenset(
    "010 013 015 020 023 024 026 030 033 035 036 038 040 043 045 046 050 053 055 058 070 071 072 073 074 075 076 077 078"
    " 079 084 085 087 088 091".split()
)


def phone_display(number: str) -> str:
    """DUO writes phone numbers as digits only ('0206263396'); people read '020 626 3396'. Anything else as given."""
    digits = (number or "").strip()
    if not re.fullmatch(r"0[1-9][0-9]{8}", digits):
        return number or ""
    if digits.startswith("06"):
        return f"06 {digits[2:6]} {digits[6:]}"
    if digits[:3] in SHORT_AREA_CODES:
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    return f"{digits[:4]} {digits[4:6]} {digits[6:8]} {digits[8:]}"
