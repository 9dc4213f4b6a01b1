"""Whether drafts are in scope right now: only while an editor previews a page of their own region.

A context variable, not a request attribute, so `ContentQuerySet.published()` deep inside any selector can ask it
without every caller passing the request down.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager

preview_region_id: contextvars.ContextVar[int | None] = contextvars.ContextVar("preview_region_id", default=None)


@contextmanager
def previewing(region_id: int) -> Iterator[None]:
    token = preview_region_id.set(region_id)
    try:
        yield
    finally:
        preview_region_id.reset(token)
