"""Who is asking, and how often: the client address behind trusted proxies, and counters every worker shares.

The counters live in the default cache. With CACHE_URL pointing at Redis, every worker on every machine counts in
the same place; with the zero-setup in-process cache, each process counts on its own.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _is_ip(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def _trusted(address: str) -> bool:
    if not settings.TRUSTED_PROXY_IPS or not _is_ip(address):
        return False
    ip = ipaddress.ip_address(address)
    return any(ip in ipaddress.ip_network(network) for network in settings.TRUSTED_PROXY_IPS)


def client_ip(request: HttpRequest) -> str | None:
    """The IP address of whoever sent the request; None when there is none (a request made up in code).

    REMOTE_ADDR, unless it is one of TRUSTED_PROXY_IPS: then the right-most address in X-Forwarded-For that is
    not a trusted proxy itself. Everything left of it was written by the client and may be made up; each trusted
    proxy appends the address it received the request from. Also what django-axes locks out after failed logins.
    """
    remote = request.META.get("REMOTE_ADDR") or ""
    if not _trusted(remote):
        return remote if _is_ip(remote) else None
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_ip(hop):
            # Not an address: our proxies did not write this. Count the request against the proxy, so nobody can
            # escape a limit by sending odd headers.
            return remote
        if not _trusted(hop):
            return str(ipaddress.ip_address(hop))
    return remote


def client_address(request: HttpRequest) -> str:
    """client_ip() as a key for counting: requests without an address share one."""
    return client_ip(request) or "onbekend"


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` uses per client address in a window of `window` seconds, counted from its first use."""

    name: str
    limit: int
    window: int

    def _key(self, who: str) -> str:
        return f"wdw:limit:{self.name}:{who}"

    def exhausted(self, who: str) -> bool:
        return cache.get(self._key(who), 0) >= self.limit

    def spend(self, who: str) -> bool:
        """Count one use; False when it is one too many. Atomic, so two workers never both get the last one."""
        key = self._key(who)
        for _ in range(2):
            cache.add(key, 0, self.window)  # starts a window; does nothing while one runs
            try:
                return cache.incr(key) <= self.limit
            except ValueError:
                continue  # the window ended between add and incr: start a new one
        return False
