"""Settings: strict environment parsing and a production profile that passes the deploy checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_cache, env_list, env_networks

BASE_DIR = Path(__file__).resolve().parent.parent


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environ.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=environ, capture_output=True, text=True)


def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="wiedoetwat.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        ALLOWED_HOSTS="wiedoetwat.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_a_malformed_boolean_is_refused_not_guessed(monkeypatch):
    monkeypatch.setenv("DEBUG", "misschien")
    with pytest.raises(ImproperlyConfigured):
        env_bool("DEBUG", False)


def test_a_list_with_an_empty_item_is_refused(monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", "a.example,,b.example")
    with pytest.raises(ImproperlyConfigured):
        env_list("ALLOWED_HOSTS", [])


def cache_from(monkeypatch, value: str | None) -> dict:
    if value is None:
        monkeypatch.delenv("CACHE_URL", raising=False)
    else:
        monkeypatch.setenv("CACHE_URL", value)
    return env_cache("CACHE_URL", key_prefix="wdw", version=1, locmem_location="wdw")


@pytest.mark.parametrize("value", [None, "locmem://"])
def test_without_a_cache_url_each_process_keeps_its_own_cache(monkeypatch, value):
    assert cache_from(monkeypatch, value)["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


@pytest.mark.parametrize(
    "value",
    [
        "redis://127.0.0.1:6379/4",
        "redis://localhost",
        "rediss://:geheim@cache.example:6380/0",
        "redis://wdw:geheim@[::1]:6379/15",
        "redis://redis_cache:6379/",
    ],
)
def test_a_redis_url_selects_djangos_redis_cache_with_our_key_prefix(monkeypatch, value):
    config = cache_from(monkeypatch, value)
    assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert config["LOCATION"] == value and config["KEY_PREFIX"] == "wdw" and config["VERSION"] == 1


@pytest.mark.parametrize(
    "value",
    [
        "",
        "redis://",
        "redis:///0",
        "redis://127.0.0.1:poort/0",
        "redis://127.0.0.1:99999/0",
        "redis://127.0.0.1:6379/db4",
        "redis://127.0.0.1:6379/0?socket_timeout=1",
        "redis://cache one:6379/0",
        " redis://127.0.0.1:6379/0",
        "memcached://127.0.0.1:11211",
        "locmem://elders",
        "127.0.0.1:6379",
    ],
)
def test_a_malformed_cache_url_is_refused_not_guessed(monkeypatch, value):
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL must be"):
        cache_from(monkeypatch, value)


def test_the_refusal_never_repeats_the_redis_password(monkeypatch):
    with pytest.raises(ImproperlyConfigured) as refused:
        cache_from(monkeypatch, "redis://wdw:zeer-geheim@127.0.0.1:6379/db")
    assert "zeer-geheim" not in str(refused.value) and "127.0.0.1" in str(refused.value)


def test_the_app_refuses_to_start_with_a_malformed_cache_url():
    result = run_manage("check", CACHE_URL="redis://127.0.0.1:6379/nul")
    assert result.returncode != 0 and "CACHE_URL must be" in result.stderr


@pytest.mark.parametrize(("value", "expected"), [("10.0.0.7", ["10.0.0.7/32"]), ("10.1.0.0/16,::1", ["10.1.0.0/16", "::1/128"])])
def test_trusted_proxies_are_addresses_or_networks(monkeypatch, value, expected):
    monkeypatch.setenv("TRUSTED_PROXY_IPS", value)
    assert env_networks("TRUSTED_PROXY_IPS", []) == expected


@pytest.mark.parametrize("value", ["proxy.example", "10.0.0.7/8", "10.0.0.7,"])
def test_a_trusted_proxy_that_is_not_an_address_is_refused(monkeypatch, value):
    monkeypatch.setenv("TRUSTED_PROXY_IPS", value)
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXY_IPS"):
        env_networks("TRUSTED_PROXY_IPS", [])
