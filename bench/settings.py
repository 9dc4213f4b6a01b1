"""Benchmark settings: production behaviour (DEBUG off, compressed static files) without HTTPS redirects."""

import os
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 60)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

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
