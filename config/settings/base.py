"""Base settings: safe development defaults, everything overridable from the environment."""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_cache, env_int, env_list, env_networks, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Development defaults; config.settings.production refuses to start without real values.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me-0123456789abcdefghijklmnopqrstuvwxyz")
DEBUG = env_bool("DEBUG", True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "crispy_forms",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    # Ours, each depending only on those above it (tests/test_architecture.py checks that).
    "regions",
    "accounts",
    "directory",
    "routes",
    "parents",
    "front",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "regions.cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "regions.cache.SessionPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "regions.context_processors.site",
            ],
        },
    },
]

# SQLite in the repository unless DATABASE_URL names another database (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Kept open between requests and checked before reuse: a new PostgreSQL connection per request costs more
        # than rendering a cached page. DB_CONN_MAX_AGE=0 closes it after every request.
        conn_max_age=env_int("DB_CONN_MAX_AGE", 300),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.UsernameOrEmailBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.passwords.GuessabilityValidator"},
]
# zxcvbn score 3: about 10^8 guesses or more. Score 2 lets "Wachtwoord12" and "Amsterdam2024" through.
PASSWORD_MINIMAL_STRENGTH = 3
# Dutch words zxcvbn's English lists miss, which people put in passwords for a site like this one (a word list,
# kept compact).
PASSWORD_EXTRA_DICTIONARY = [
    "wachtwoord", "welkom", "geheim", "inloggen", "wiedoetwat", "wie doet wat", "school", "leerplicht", "jeugdarts",
    "zorg", "amsterdam", "rotterdam", "utrecht", "amersfoort", "diemen", "schiedam", "vlaardingen", "maassluis",
    "den haag", "lente", "zomer", "herfst", "winter", "voorjaar", "najaar", "januari", "december",
]  # fmt: skip
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Lock an account/IP pair out after repeated failed logins.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours; templates/registration/locked_out.html says "over een uur"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "regions.limits.client_ip"  # the same client address as every other limit

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

# The page cache, cached search data and the correction counter live here. Unset: this process's memory (fine
# for one process); with several workers or machines, CACHE_URL=redis://host:port/db so they share it.
CACHES = {
    "default": env_cache(
        "CACHE_URL",
        key_prefix=env_str("CACHE_KEY_PREFIX", "wdw"),
        version=env_int("CACHE_VERSION", 1),
        locmem_location="wdw",
    )
}

# Proxies (addresses or networks) whose X-Forwarded-For we believe; from anyone else only REMOTE_ADDR counts.
TRUSTED_PROXY_IPS = env_networks("TRUSTED_PROXY_IPS", [])

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Wie doet wat <noreply@localhost>")

CRISPY_ALLOWED_TEMPLATE_PACKS = ("utrecht",)
CRISPY_TEMPLATE_PACK = "utrecht"

# No third-party requests: everything is served from our own origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "style-src": [SELF],
        "script-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Demo schools and people are fictional; production can hide them.
# The fictional demo schools confuse next to the real ones from DUO: shown only where asked (tests, benchmark).
SHOW_DEMO_DATA = env_bool("SHOW_DEMO_DATA", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Debian's hunspell-nl (apt-get install hunspell-nl): search splits Dutch compounds with it (front/search/compounds.py).
HUNSPELL_DICTIONARY = env_str("HUNSPELL_DICTIONARY", "/usr/share/hunspell/nl")
