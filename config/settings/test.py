"""Test settings: fast password hashing, in-memory mail, no lockout surprises between tests."""

from config.env import env_cache
from config.settings.base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# CACHE_URL as in production (CI runs the PostgreSQL pass against Redis); a prefix of its own, so clearing the
# cache between tests (tests/caching.py) never touches an app's keys in the same Redis database.
CACHES = {"default": env_cache("CACHE_URL", key_prefix="wdw-test", version=1, locmem_location="wdw-test")}
SHOW_DEMO_DATA = True
# Serve static files straight from the source folders; tests never run collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # The test database is thrown away after the run, so no commit needs to wait for the disk: transactional tests
    # (the browser tests' live server) commit at every save, and their flush after each test is a commit too.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
