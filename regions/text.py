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
