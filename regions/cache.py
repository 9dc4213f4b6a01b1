"""Caching keyed on the content version, so a published change shows on the next request in every process."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

CONTENT_APPS = {"regions", "directory", "routes"}
UNVERSIONED = {"contentversion", "correction", "regionmembership"}


def content_version() -> int:
    from regions.models import ContentVersion

    row = ContentVersion.objects.filter(pk=1).values_list("counter", flat=True).first()
    return row or 0


def bump_content_version(**kwargs) -> None:
    from regions.models import ContentVersion

    def bump() -> None:
        if not ContentVersion.objects.filter(pk=1).update(counter=F("counter") + 1):
            ContentVersion.objects.get_or_create(pk=1, defaults={"counter": 1})

    transaction.on_commit(bump)


def _on_change(sender, **kwargs) -> None:
    meta = getattr(sender, "_meta", None)
    if sender.__module__ == "__fake__" or kwargs.get("raw"):
        return  # historical models in data migrations, and fixture loading: no live pages to refresh yet
    if meta and meta.app_label in CONTENT_APPS and meta.model_name not in UNVERSIONED:
        bump_content_version()


def connect_signals() -> None:
    """Called from RegionsConfig.ready(): every save or delete of content moves the version."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"wdw-content-version-{signal!r}")


def cached_by_version(prefix: str, key: str, compute: Callable[[], Any], timeout: int = 3600) -> Any:
    """The cached result of `compute` for this content version."""
    full_key = f"wdw:{prefix}:{content_version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value


def cache_public_page(view: Callable) -> Callable:
    """Cache a GET page for anonymous visitors, keyed on path, query string and content version."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET" or request.user.is_authenticated or "messages" in request.COOKIES:
            return view(request, *args, **kwargs)
        key = f"wdw:page:{content_version()}:{request.get_full_path()}"
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies and hasattr(response, "render"):
            response.add_post_render_callback(lambda r: cache.set(key, r, 600))
        elif response.status_code == 200 and not response.cookies:
            cache.set(key, response, 600)
        return response

    return wrapper
