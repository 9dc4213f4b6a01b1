"""Caching keyed on the content version, so a published change shows on the next request in every process.

Everything cached here is served to everyone, so it is computed from published content only: while an editor
previews drafts (`regions.drafts.previewing`) nothing is read from or written to these caches.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import Resolver404, resolve
from django.utils import timezone

from regions.drafts import preview_region_id
from regions.models import ContentVersion, Region, Sector


def content_version() -> str:
    row = ContentVersion.objects.filter(pk=1).values_list("counter", "changed_at").first()
    # The timestamp keeps keys unique even if the counter starts over (a restored database). The date is part of
    # it because what is published also depends on the day (publish_from, expire_on), without any save.
    version = f"{row[0]}.{row[1].timestamp():.0f}" if row else "0"
    return f"{version}.{timezone.localdate():%Y%m%d}"


def bump_content_version(**kwargs) -> None:
    def bump() -> None:
        if not ContentVersion.objects.filter(pk=1).update(counter=F("counter") + 1):
            ContentVersion.objects.get_or_create(pk=1, defaults={"counter": 1})

    transaction.on_commit(bump)


def shown_on_pages(model) -> bool:
    """Content (anything that declares its `region_path`: the content models and their child rows, and the links
    between them), and the regions and sectors themselves. Memberships, corrections, imports and the prullenbak
    are not shown, so saving them must not empty every cached page."""
    if model._meta.auto_created:  # a many-to-many link table: shown when one of its ends is
        return any(shown_on_pages(f.related_model) for f in model._meta.fields if f.is_relation)
    return hasattr(model, "region_path") or model in (Region, Sector)


def _on_change(sender, **kwargs) -> None:
    if sender.__module__ == "__fake__" or kwargs.get("raw"):
        return  # historical models in data migrations, and fixture loading: no live pages to refresh yet
    if isinstance(sender, type) and hasattr(sender, "_meta") and shown_on_pages(sender):
        bump_content_version()


def connect_signals() -> None:
    """Called from RegionsConfig.ready(): every save or delete of content moves the version."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"wdw-content-version-{signal!r}")


def cached_by_version(prefix: str, key: str, compute: Callable[[], Any], timeout: int = 3600) -> Any:
    """The cached result of `compute` for this content version; computed afresh, and not kept, in a preview."""
    if preview_region_id.get() is not None:
        return compute()  # drafts are in scope: the result must never reach anyone else
    full_key = f"wdw:{prefix}:{content_version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value


PAGE_TIMEOUT = 600


def cache_public_page(view: Callable) -> Callable:
    """Mark a view whose anonymous GET responses PublicPageCacheMiddleware may cache."""
    view.cache_public_page = True
    return view


class PublicPageCacheMiddleware:
    """Serve anonymous visitors a cached copy of marked pages, before the rest of the middleware stack runs.

    Sits right after WhiteNoise: a hit costs a URL resolve, one cache read and one primary-key query for the
    content version, so a cached page costs about what a static file does. The stored response has passed every
    inner middleware, so its security headers are the same. Keyed on the content version: any save of content
    anywhere moves it, so a published change shows on the next request in every server process. The Host header
    is validated first (an unknown host gets 400, as CommonMiddleware would give it) and is part of the key, so
    a page is only ever served for the host and scheme it was rendered for.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self._key(request)
        if key is None:
            return self.get_response(request)
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        # "Vary: Cookie" is expected (the header shows a login link): only requests without a session get here.
        if response.status_code == 200 and not response.cookies and not response.has_header("Cache-Control"):
            cache.set(key, response, PAGE_TIMEOUT)
        return response

    @staticmethod
    def _key(request) -> str | None:
        if (
            request.method not in ("GET", "HEAD")
            or request.COOKIES.get(settings.SESSION_COOKIE_NAME)
            or "messages" in request.COOKIES
        ):
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if not getattr(match.func, "cache_public_page", False):
            return None
        host = request.get_host()  # raises DisallowedHost (400) for a host not in ALLOWED_HOSTS
        # Hashed: a query string may be long or hold characters a cache key may not (memcached refuses both).
        page = hashlib.sha256(f"{request.scheme}://{host}{request.get_full_path()}".encode()).hexdigest()
        return f"wdw:page:{content_version()}:{request.method}:{page}"
