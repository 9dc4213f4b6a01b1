"""Benchmark settings: production behaviour (DEBUG off, compressed static files) without HTTPS redirects."""

import os
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 60)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# Both sizes measure schools flagged is_demo (the demo set; generate_synthetic's schools): shown, or the school page
# is a 404 and the static floor, which is that page saved as a file, measures a 404 page too.
os.environ.setdefault("SHOW_DEMO_DATA", "true")

from config.settings.production import *  # noqa: E402,F403

# The static-file floor: the school page's HTML saved as a file and served by the same WhiteNoise.
WHITENOISE_ROOT = Path(__file__).resolve().parent / "static_floor"
WHITENOISE_ROOT.mkdir(exist_ok=True)
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_USE_FINDERS = True
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LOGGING = {"version": 1, "disable_existing_loggers": True}

# BENCH_PAGE_CACHE=off: no page cache at all, anonymous or signed in, so the "uncached" figures are full rendering.
if os.environ.get("BENCH_PAGE_CACHE") == "off":
    MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("regions.cache.")]  # noqa: F405
