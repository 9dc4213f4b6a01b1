"""Strict helpers that read settings from the environment and refuse malformed values."""

import ipaddress
import os
import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"Environment variable {name} is required.")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false, 1/0), not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    items = [item.strip() for item in value.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfigured(f"{name} must be a comma-separated list without empty items.")
    return items


def env_networks(name: str, default: list[str]) -> list[str]:
    """A comma-separated list of IP addresses or networks ("10.0.0.7", "10.1.0.0/16"), normalised."""
    items = env_list(name, default)
    networks = []
    for item in items:
        try:
            networks.append(str(ipaddress.ip_network(item, strict=True)))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must list IP addresses or networks such as 10.0.0.7 or 10.1.0.0/16, not {item!r}."
            ) from None
    return networks


LOCMEM = "django.core.cache.backends.locmem.LocMemCache"
REDIS = "django.core.cache.backends.redis.RedisCache"
# Host names as DNS and container networks spell them (an underscore is common in service names).
_HOSTNAME = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*$")
_KEY_PREFIX = re.compile(r"^[A-Za-z0-9_.-]+$")


def env_cache(name: str, *, key_prefix: str, version: int, locmem_location: str) -> dict:
    """The default cache from a URL.

    Unset or `locmem://`: this process's memory (zero setup, but every worker has its own). `redis://` or
    `rediss://` (TLS), `[[user]:password@]host[:port][/db]`: Django's Redis backend, shared by every worker and
    machine. `key_prefix` and `version` keep apps (and test runs) that share one Redis database apart.
    """
    if not _KEY_PREFIX.match(key_prefix):
        raise ImproperlyConfigured(f"The cache key prefix may only hold letters, digits, '_', '.' and '-', not {key_prefix!r}.")
    common = {"KEY_PREFIX": key_prefix, "VERSION": version}
    value = os.environ.get(name)
    if value is None:
        return {"BACKEND": LOCMEM, "LOCATION": locmem_location, **common}
    shown = _without_password(value)
    usage = f"{name} must be redis://host:port/db, rediss://host:port/db (password optional) or locmem://, not {shown!r}."
    url = urlsplit(value)
    if url.scheme == "locmem" and value == "locmem://":
        return {"BACKEND": LOCMEM, "LOCATION": locmem_location, **common}
    if url.scheme not in ("redis", "rediss") or url.query or url.fragment or value != value.strip():
        raise ImproperlyConfigured(usage)
    try:
        port = url.port
    except ValueError:
        raise ImproperlyConfigured(usage) from None
    host = url.hostname or ""
    if not (_HOSTNAME.match(host) or _is_ip(host)) or port == 0 or not re.fullmatch(r"(/(\d{1,2})?)?", url.path):
        raise ImproperlyConfigured(usage)
    return {
        "BACKEND": REDIS,
        "LOCATION": value,
        # Fail fast when Redis is unreachable instead of holding every worker for the default minutes.
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        **common,
    }


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _without_password(value: str) -> str:
    """The URL as it may appear in an error message: a password never does."""
    return re.sub(r"(://[^/@]*:)[^/@]*@", r"\1***@", value)
