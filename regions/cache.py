"""Caching keyed on the content version, so a published change shows on the next request in every process.

Everything cached here is served to everyone, so it is computed from published content only: while an editor
previews drafts (`regions.drafts.previewing`) nothing is read from or written to these caches.
"""

from __future__ import annotations

import contextvars
import datetime
import hashlib
import math
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.utils import timezone

from regions.drafts import preview_region_id
from regions.models import ContentVersion, Region, Sector
from regions.permissions import is_professional


def content_version() -> str:
    row = ContentVersion.objects.filter(pk=1).values_list("counter", "changed_at").first()
    # The timestamp keeps keys unique even if the counter starts over (a restored database). The date is part of
    # it because what is published also depends on the day (publish_from, expire_on), without any save.
    version = f"{row[0]}.{row[1].timestamp():.0f}" if row else "0"
    return f"{version}.{timezone.localdate():%Y%m%d}"


def bump_content_version(**kwargs) -> None:
    def bump() -> None:
        # changed_at is set here too: update() skips auto_now, and the handbook prints it as the date of the data.
        if not ContentVersion.objects.filter(pk=1).update(counter=F("counter") + 1, changed_at=timezone.now()):
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

# While PublicPageCacheMiddleware renders a page: the moments at which something on it stops being true (an
# organisation opens or closes). A list, not a value, so a context copied on the way down still reports back.
_page_valid_until: contextvars.ContextVar[list[datetime.datetime] | None] = contextvars.ContextVar(
    "wdw_page_valid_until", default=None
)


def page_valid_until(moment: datetime.datetime) -> None:
    """The page being rendered says something that stops being true at `moment`: keep no copy beyond it."""
    moments = _page_valid_until.get()
    if moments is not None:
        moments.append(moment)


def page_timeout(moments: list[datetime.datetime], now: datetime.datetime | None = None) -> int:
    """Seconds the page cache may keep a page: PAGE_TIMEOUT, or less when the page stops being true sooner."""
    if not moments:
        return PAGE_TIMEOUT
    seconds = (min(moments) - (now or timezone.now())).total_seconds()
    return max(0, min(PAGE_TIMEOUT, math.floor(seconds)))


def render_timed(get_response: Callable, request) -> tuple:
    """The response, the seconds a cache may keep it, and the moment it stops being true.

    Views report moments their page stops being true (an organisation opens or closes) while they render; both
    page caches store a page no longer than the first of them, and never longer than PAGE_TIMEOUT.
    """
    token = _page_valid_until.set([])
    try:
        response = get_response(request)
        moments = _page_valid_until.get()
    finally:
        _page_valid_until.reset(token)
    now = timezone.now()
    valid_until = min([*moments, now + datetime.timedelta(seconds=PAGE_TIMEOUT)])
    return response, page_timeout(moments, now), valid_until


def cache_public_page(view: Callable) -> Callable:
    """Mark a view whose anonymous GET responses PublicPageCacheMiddleware may cache."""
    view.cache_public_page = True
    return view


class _PageCache:
    """What both page caches share: a key per request (None: not cached here), and a copy kept with the moment it
    stops being true, checked on every read too: a cache's own expiry may run on another clock (Redis) or round
    to whole seconds. Only a 200 that sets no cookie and names no Cache-Control of its own is kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self._key(request)
        if key is None:
            return self.get_response(request)
        cached = cache.get(key)
        if isinstance(cached, tuple) and len(cached) == 2 and cached[0] > timezone.now().timestamp():
            return self._served(request, cached[1])
        response, timeout, valid_until = render_timed(self.get_response, request)
        if timeout and response.status_code == 200 and not response.cookies and not response.has_header("Cache-Control"):
            stored = self._stored(response)
            if stored is not None:
                cache.set(key, (valid_until.timestamp(), stored), timeout)
        return response

    def _key(self, request) -> str | None:
        raise NotImplementedError

    def _served(self, request, stored):
        """The response for a hit, from what _stored kept."""
        raise NotImplementedError

    def _stored(self, response):
        """What to keep of a response, or None to keep nothing."""
        raise NotImplementedError


class PublicPageCacheMiddleware(_PageCache):
    """Serve anonymous visitors a cached copy of marked pages, before the rest of the middleware stack runs.

    Sits right after WhiteNoise: a hit costs a URL resolve, one cache read and one primary-key query for the
    content version, so a cached page costs about what a static file does. The stored response has passed every
    inner middleware, so its security headers are the same. Keyed on the content version: any save of content
    anywhere moves it, so a published change shows on the next request in every server process. The Host header
    is validated first (an unknown host gets 400, as CommonMiddleware would give it) and is part of the key, so
    a page is only ever served for the host and scheme it was rendered for.
    """

    def _served(self, request, stored):
        return stored

    def _stored(self, response):
        # "Vary: Cookie" is expected (the header shows a login link): only requests without a session get here.
        return response

    @staticmethod
    def _key(request) -> str | None:
        if (
            request.method not in ("GET", "HEAD")
            or request.COOKIES.get(settings.SESSION_COOKIE_NAME)
            or "messages" in request.COOKIES
        ):
            return None
        return _page_key(request, "page")


def _page_key(request, prefix: str) -> str | None:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if not getattr(match.func, "cache_public_page", False):
        return None
    host = request.get_host()  # raises DisallowedHost (400) for a host not in ALLOWED_HOSTS
    # Hashed: a query string may be long or hold characters a cache key may not (memcached refuses both).
    page = hashlib.sha256(f"{request.scheme}://{host}{request.get_full_path()}".encode()).hexdigest()
    return f"wdw:{prefix}:{content_version()}:{request.method}:{page}"


# The one per-person value on a marked page: the CSRF token of the header's logout form. It is cut out before the
# page is stored and the requester's own token is put in on every hit.
CSRF_VALUE = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_MARK = b"\x00wdw-csrf\x00"
LEVELS = ("visitor", "member", "professional")


class SessionPageCacheMiddleware(_PageCache):
    """Serve visitors with a session (signed in or not) a cached copy of marked pages, one copy per visibility level.

    What such a page shows depends on the visitor only through the visibility level: "professional" (sees contacts
    marked professionals-only: `regions.permissions.is_professional`), "member" (signed in, public contacts) and
    "visitor" (a session but not signed in). The page names no user; the logout form's CSRF token is replaced on
    every hit with the requester's own (`get_token`, which also makes CsrfViewMiddleware send the cookie). Sits
    inside the session, auth, OTP and message middleware, so the level is that of a verified session; the stored
    response has passed the inner middleware (CSP, X-Frame-Options), so its security headers are the same.
    Not used while messages wait to be shown (they are part of the page), nor for a response that sets cookies or
    its own Cache-Control. Keyed on the content version, like the anonymous cache.
    """

    def _served(self, request, stored):
        content, headers = stored
        return HttpResponse(content.replace(CSRF_MARK, get_token(request).encode()), headers=headers)

    def _stored(self, response):
        if response.streaming:
            return None
        content = CSRF_VALUE.sub(rb"\1" + CSRF_MARK + rb"\2", response.content)
        headers = {k: v for k, v in response.headers.items() if k.lower() not in ("content-length", "set-cookie")}
        return content, headers

    @staticmethod
    def level(request) -> str:
        user = request.user
        if not user.is_authenticated:
            return "visitor"
        return "professional" if is_professional(user) else "member"

    def _key(self, request) -> str | None:
        if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
            return None
        if not request.COOKIES.get(settings.SESSION_COOKIE_NAME):
            return None  # no session: PublicPageCacheMiddleware keeps the copy
        if len(messages.get_messages(request)):  # counts without marking them shown
            return None
        key = _page_key(request, "session-page")
        return None if key is None else f"{key}:{self.level(request)}"
