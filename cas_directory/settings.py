"""Settings for CAS Directory, read from environment variables.

Defaults are the safe ones: DEBUG is off unless DJANGO_DEBUG=1, and without
DEBUG there is no fallback secret key. See README.md for every variable.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from cas_directory.env import env_bool, env_int, env_list, env_secret

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)
# The test suite sets this in pyproject.toml ([tool.pytest.ini_options] env):
# the development key and plain static storage, without a collectstatic run.
TESTING = env_bool("DJANGO_TESTING", default=False)

SECRET_KEY = env_secret("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it (or DJANGO_SECRET_KEY_FILE) to a long random "
            "value, or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG or TESTING else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Before the admin, so that it sees the per-language fields.
    "modeltranslation",
    "core.apps.CoreAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "leaflet",
    "simple_history",
    "import_export",
    "axes",
    "core",
    "organizations",
    "resources",
]

MIDDLEWARE = [
    # First: an oversized body is refused before anything (CSRF, forms) reads it.
    "core.limits.RequestBodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.headers.CrossOriginResourcePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A repeat anonymous visit gets the finished page (compressed, with its ETag) here,
    # as a static file would; the rest of the stack runs only for the first.
    "core.page_cache.FinishedPageCacheMiddleware",
    # Compressed HTML and JSON. BREACH needs a secret repeated in a compressed body next to
    # text an attacker controls: Django masks the CSRF token afresh on every response and
    # GZipMiddleware pads each body with random bytes, and no other secret is on a page.
    "django.middleware.gzip.GZipMiddleware",
    # ETag from the body (weak once compressed): a repeat visit gets a 304 and no body.
    "django.middleware.http.ConditionalGetMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # JSON, CORS and the asked-for language for /api/hsds/; before the page
    # cache, which keys on the language it sets.
    "organizations.hsds.responses.HsdsApiMiddleware",
    "core.page_cache.PublicPageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "core.outage.DatabaseOutageMiddleware",
]

ROOT_URLCONF = "cas_directory.urls"
WSGI_APPLICATION = "cas_directory.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# A read replica for the public pages (core/db_router.py); the primary keeps every write.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    # Tests read their own uncommitted rows through the primary's connection.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["core.db_router.ReplicaRouter"]
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql":
        # A database that accepts connections but never answers must not hold a
        # request (or /readyz) for longer than a visitor waits: give up connecting
        # after DATABASE_CONNECT_TIMEOUT seconds, and let the server cancel any
        # statement after DATABASE_STATEMENT_TIMEOUT_MS (the request then gets a 503).
        # JIT compilation pays off for long analytical queries; for a page's short
        # ones it added about 50 ms each once the planner's estimates passed
        # jit_above_cost. Parallel workers likewise: starting them cost a county
        # page 126 ms at 100,000 listings on a busy 2-core machine, and the other
        # requests need those cores.
        _database.setdefault("OPTIONS", {}).update(
            {
                "connect_timeout": env_int("DATABASE_CONNECT_TIMEOUT", 2),
                "options": (
                    f"-c statement_timeout={env_int('DATABASE_STATEMENT_TIMEOUT_MS', 10000)}"
                    f" -c lock_timeout={env_int('DATABASE_LOCK_TIMEOUT_MS', 5000)}"
                    " -c jit=off -c max_parallel_workers_per_gather=0"
                ),
            }
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Public pages are cached whole and invalidated by any curator change; the
# time limit bounds how stale "open now" can be. 0 turns the cache off.
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 300)
REDIS_URL = os.environ.get("REDIS_URL")
# Every process that serves pages must share one cache: with a cache per
# process, the version bump of a curator's change (a location made
# confidential) reaches one worker while the others keep serving the old page.
# Redis when REDIS_URL is set, else the database (the table comes from
# core/migrations/0060_cache_table.py). Per-process memory only in DEBUG and tests.
_CACHE_COMMON = {
    # Keys are hashed (core/cache.py): a search address in a key can never
    # reach a log through the backend's over-long-key warning.
    "KEY_FUNCTION": "core.cache.hashed_key",
    "TIMEOUT": 300,
}
if REDIS_URL:
    CACHES = {
        "default": {
            **_CACHE_COMMON,
            # Redis errors degrade to cache misses (pages are still served).
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
elif DEBUG or TESTING:
    CACHES = {
        "default": {**_CACHE_COMMON, "BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
else:
    CACHES = {
        "default": {
            **_CACHE_COMMON,
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cas_cache",
        }
    }

# Requests are bounded before they are read: a larger body is refused with 413
# by core/limits.py (nginx's client_max_body_size in deploy/nginx/ is the same).
REQUEST_BODY_MAX_BYTES = env_int("REQUEST_BODY_MAX_BYTES", 32 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = REQUEST_BODY_MAX_BYTES
# Uploaded files above Django's default 2.5 MB go to a temporary file (bounded by the
# limit above), so a worker never holds a curator's 20 MB PDF in memory.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 5

# How many proxies in front of the site append to X-Forwarded-For (nginx in
# docker-compose.yml: 1). The visitor's address is the entry that many places
# from the right; anything further left was written by the client and is not
# believed. 0: the socket's address (REMOTE_ADDR), for a site without a proxy.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The language curators write first; the others fall back to it (modeltranslation).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Los_Angeles"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Hashed, compressed files in production; tests and DEBUG serve plain files so
# that no collectstatic run is needed before them.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Development and tests serve files straight from static/ through the finders.
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
WHITENOISE_USE_FINDERS = DEBUG or TESTING

# Security headers. HTTPS settings are on unless explicitly turned off for a
# plain-HTTP deployment behind a trusted proxy.
SECURE_SSL = env_bool("DJANGO_SECURE_SSL", default=not (DEBUG or TESTING))
SECURE_SSL_REDIRECT = SECURE_SSL
SESSION_COOKIE_SECURE = SECURE_SSL
CSRF_COOKIE_SECURE = SECURE_SSL
SECURE_HSTS_SECONDS = 31536000 if SECURE_SSL else 0
# Subdomains and the preload list are the domain owner's decision, not the
# application's: off unless the deployment turns them on.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
# check --deploy asks for both; they are silenced, not left unanswered, because
# this setting is the deployment's (DJANGO_HSTS_*): a directory on a subdomain
# of its organization's domain must not force HTTPS on the organization's
# other hosts, nor enter the browsers' preload list, which takes months to leave.
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_SSL else None
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Only a page with a form sets the CSRF cookie; let it go when the browser
# closes instead of staying on a shared phone for a year as a trace of the visit.
CSRF_COOKIE_AGE = None
LANGUAGE_COOKIE_NAME = "cas_language"

# Street-map tiles load only after a visitor presses "Show street map".
STREET_MAP_TILE_URL = os.environ.get(
    "STREET_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
STREET_MAP_ATTRIBUTION = os.environ.get(
    "STREET_MAP_ATTRIBUTION", "&copy; OpenStreetMap contributors"
)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # No inline script anywhere: pages can then be cached whole, which nonces forbid.
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": [
            "'self'",
            "data:",
            *env_list("CSP_TILE_ORIGINS", ["https://tile.openstreetmap.org"]),
        ],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
PERMISSIONS_POLICY: dict[str, list[str]] = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
}

# Admin brute-force protection, keyed by the visitor's address alone (after
# TRUSTED_PROXY_COUNT, see core/client_address.py): trying many usernames from
# one address is stopped as soon as trying one, and failures from elsewhere
# never lock a curator out of their own address. For a cool-off, not forever.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", default=True)
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (37.2, -119.5),
    "DEFAULT_ZOOM": 6,
    "TILES": [],
    "ATTRIBUTION_PREFIX": "",
    "RESET_VIEW": False,
    "NO_GLOBALS": False,
}

# Mail holds visitors' corrections and providers' contacts: it goes to an SMTP server when
# EMAIL_HOST is set, otherwise to one file per message under EMAIL_FILE_PATH, never into the
# server log.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD") or ""
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = Path(os.environ.get("EMAIL_FILE_PATH", BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "directory@localhost")
# Links in mail sent without a request to answer (the verification requests) start here.
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000").rstrip("/")
# A listing not verified for this many days is sent a request to confirm it.
VERIFY_AFTER_DAYS = env_int("VERIFY_AFTER_DAYS", 180)
CURATOR_EMAILS = env_list("CURATOR_EMAILS", ["curators@localhost"])

# Where the quick-exit button leads: a neutral page that says nothing about this site.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://weather.com/")

# What the privacy page promises: no client address, no query string (search
# words, ZIP codes) and no mail text in any log line. core/log_privacy.py strips
# them from every record, Django's and gunicorn's (gunicorn.conf.py uses this).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"private": {"()": "core.log_privacy.PrivateLogFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["private"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # The development server logs request lines with the client address;
        # keep it quiet so that full IP addresses are not written by default.
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# The official HSDS 3.0 schema folder, against which imports validate each
# record (organizations/hsds/imports/validate.py); not part of this repository.
HSDS_SCHEMA_DIR = Path(
    os.environ.get("HSDS_SCHEMA_DIR", BASE_DIR.parent / "shared" / "hsds-3.0" / "schema")
)
