"""Phakhi settings: one file, driven by the environment.

PHAKHI_DATA_DIR   where the embedded SQLite database, secret key and uploads live (default ./data)
DATABASE_URL      the database (default: SQLite in PHAKHI_DATA_DIR); postgres://… in production
PHAKHI_SECRET_KEY secret key (default: generated once and kept in PHAKHI_DATA_DIR)
PHAKHI_DEBUG      "1" for development error pages
PHAKHI_ALLOWED_HOSTS comma-separated host names (default: localhost, 127.0.0.1, [::1])
PHAKHI_CSRF_TRUSTED_ORIGINS comma-separated origins such as https://phakhi.example.go.th
PHAKHI_BEHIND_HTTPS_PROXY "1" when a proxy terminates HTTPS and sets X-Forwarded-Proto
                  (and X-Forwarded-For, which the log-in lock-out then reads the address from)
PHAKHI_HTTPS      "1" when the site is reached only over HTTPS (HSTS, secure cookies)
PHAKHI_HSTS_SECONDS how long browsers keep to HTTPS (default one year); "0" sends no HSTS
PHAKHI_HSTS_INCLUDE_SUBDOMAINS "1" to extend HSTS to every subdomain
PHAKHI_BASE_URL   the address people open, for links in e-mails sent from the command line
                  (default http://127.0.0.1:8000)
PHAKHI_EMAIL_HOST SMTP server for e-mail (invitations, password resets); unset: e-mails are
                  printed on the console instead of sent
PHAKHI_EMAIL_PORT, PHAKHI_EMAIL_USER, PHAKHI_EMAIL_PASSWORD  SMTP port (default 587), log-in
PHAKHI_EMAIL_TLS  "1" (default) STARTTLS; "0" plain; PHAKHI_EMAIL_SSL "1" for implicit TLS (465)
PHAKHI_EMAIL_FROM the sender of e-mails (default Phakhi <noreply@localhost>)
PHAKHI_PG_OPTIONS PostgreSQL session settings (default "-c random_page_cost=1.1"; "" for none)
"""

import datetime as dt
import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from phakhi.core.catalogues import locale_paths
from phakhi.core.datadir import make_private

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("PHAKHI_DATA_DIR", BASE_DIR / "data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)
# Personal data lives there: every file this process creates is private to the service's user,
# and what was readable by others is tightened now (phakhi.core's start-up logs what).
DATA_DIR_TIGHTENED = make_private(DATA_DIR)


def _secret_key() -> str:
    if key := os.environ.get("PHAKHI_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("PHAKHI_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("PHAKHI_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("PHAKHI_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
# Served over HTTPS: PHAKHI_HTTPS=1 says every request is (a proxy in front terminates TLS;
# `phakhi serve` then takes every request as https); PHAKHI_BEHIND_HTTPS_PROXY=1 says the proxy
# tells which are, in X-Forwarded-Proto. Either way, cookies are sent only over HTTPS and
# browsers are told (HSTS) to come back over HTTPS only.
BEHIND_HTTPS_PROXY = os.environ.get("PHAKHI_BEHIND_HTTPS_PROXY") == "1"
PHAKHI_HTTPS = os.environ.get("PHAKHI_HTTPS") == "1"
if BEHIND_HTTPS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if BEHIND_HTTPS_PROXY or PHAKHI_HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("PHAKHI_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("PHAKHI_HSTS_INCLUDE_SUBDOMAINS") == "1"

# Indexes that also hold the ids (actors 0005) are for PostgreSQL; SQLite's indexes hold the
# row id anyway, so on SQLite the included column is rightly ignored.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "axes",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "ninja",  # the API docs' Swagger UI assets, served as static files (no CDN)
    "phakhi.core",
    "phakhi.actors",
    "phakhi.networks",
    "phakhi.ties",
    "phakhi.projects",
    "phakhi.accounts",
    "phakhi.analysis",
    "phakhi.imports",
    "phakhi.stakeholders",
    "phakhi.lessons",
    "phakhi.expansion",
    "phakhi.workshops",
    "phakhi.worksheets",
    "phakhi.participation",
    "phakhi.assessments",
    "phakhi.monitoring",
    "phakhi.web",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # CONTENT_SECURITY_POLICY below
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: it answers for a locked-out log-in
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "phakhi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "phakhi.web.context_processors.shell",
            ],
        },
    },
]

_SQLITE_OPTIONS = {
    # WAL lets readers work during a long import; IMMEDIATE avoids "database is locked" upgrades.
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        " PRAGMA temp_store=MEMORY; PRAGMA cache_size=-200000; PRAGMA busy_timeout=10000;"
    ),
    "transaction_mode": "IMMEDIATE",
}

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'phakhi.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = _SQLITE_OPTIONS
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Planner costs for SSD or cached storage (PostgreSQL's defaults assume spinning disks and
    # make broad directory searches read the whole actor table): see docs/operations.md.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", os.environ.get("PHAKHI_PG_OPTIONS", "-c random_page_cost=1.1")
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's checks with messages in the application's catalogue (Django's Thai one lacks them).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "phakhi.accounts.validation.UserAttributeSimilarityValidator"},
    {"NAME": "phakhi.accounts.validation.MinimumLengthValidator"},
    {"NAME": "phakhi.accounts.validation.CommonPasswordValidator"},
    {"NAME": "phakhi.accounts.validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("Thai")), ("en", _("English"))]
# Compiled from the .po files where stale (a checkout), or the wheel's (phakhi.core.catalogues).
LOCALE_PATHS = locale_paths(BASE_DIR / "locale", DATA_DIR / "locale")
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns on every request until collectstatic ran
# The front-end bundle (assets/ built by esbuild: `make install`) is served as phakhi/app.js,
# phakhi/app.css and phakhi/map.js.
STATICFILES_DIRS = [BASE_DIR / "assets" / "build"]
(BASE_DIR / "assets" / "build").mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# --- accounts, log-in and sessions ---
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # Older hashes still verify, and are upgraded to argon2 at the next log-in.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out log-in
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"
# Five failed log-ins for one user name from one address lock that pair out for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/accounts/locked.html"
AXES_CLIENT_IP_CALLABLE = "phakhi.web.client_ip.client_ip"
SESSION_COOKIE_AGE = 8 * 60 * 60  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Content-Security-Policy on every response (django-csp): scripts, styles and everything else
# only from this site, never inline (the templates hold no <script>, <style>, style="…" or
# on…= handler: assets/ has them), no eval, no framing. The map's PNG export makes data: and
# blob: images. docs/operations.md, "Security headers".
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- e-mail: printed on the console unless an SMTP server is configured ---
EMAIL_HOST = os.environ.get("PHAKHI_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("PHAKHI_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("PHAKHI_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("PHAKHI_EMAIL_PASSWORD", "")
EMAIL_USE_SSL = os.environ.get("PHAKHI_EMAIL_SSL", "") == "1"
EMAIL_USE_TLS = not EMAIL_USE_SSL and os.environ.get("PHAKHI_EMAIL_TLS", "1") == "1"
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("PHAKHI_EMAIL_FROM", "Phakhi <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
PHAKHI_BASE_URL = os.environ.get("PHAKHI_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("PHAKHI_LOG_LEVEL", "WARNING")},
}

# Browser import: the largest file accepted, the size from which a check or an application
# runs as a background task (rows, or bytes), and how long uploads and error files are kept.
PHAKHI_IMPORT_MAX_BYTES = int(os.environ.get("PHAKHI_IMPORT_MAX_BYTES", 50 * 1024**2))
PHAKHI_IMPORT_INLINE_ROWS = int(os.environ.get("PHAKHI_IMPORT_INLINE_ROWS", "5000"))
PHAKHI_IMPORT_INLINE_BYTES = int(os.environ.get("PHAKHI_IMPORT_INLINE_BYTES", 1024**2))
PHAKHI_IMPORT_KEEP_DAYS = int(os.environ.get("PHAKHI_IMPORT_KEEP_DAYS", "30"))
# What one imported file may hold (docs/operations.md, "Limits"): an XLSX workbook unzipped, and
# columns up to the last named one. The column mapping form posts one field per column.
PHAKHI_IMPORT_MAX_EXPANDED_MB = int(os.environ.get("PHAKHI_IMPORT_MAX_EXPANDED_MB", "500"))
PHAKHI_IMPORT_MAX_COLUMNS = int(os.environ.get("PHAKHI_IMPORT_MAX_COLUMNS", "200"))
DATA_UPLOAD_MAX_NUMBER_FIELDS = max(1000, PHAKHI_IMPORT_MAX_COLUMNS + 100)

# Background work (large analyses) goes through the database: no extra server to run. A worker
# process takes it: `phakhi worker`. PHAKHI_TASKS=immediate runs tasks in the request instead.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if os.environ.get("PHAKHI_TASKS") == "immediate"
            else "django_tasks_db.DatabaseBackend"
        )
    }
}
