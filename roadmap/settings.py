"""Settings for the Road Map Reformasi Birokrasi monitoring application.

One module for every environment, driven by environment variables (see README.md).
With nothing set it runs locally on SQLite with DEBUG on; with DEBUG off it refuses to
start without a real SECRET_KEY.
"""

import datetime
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from roadmap.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=True)

_DEV_SECRET_KEY = "django-insecure-local-development-only"
SECRET_KEY = env_str("SECRET_KEY") or ""
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = _DEV_SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_tables2",
    "axes",
    "simple_history",
    "csp",
    "roadmap",
    "areas",
    "actions",
    "editions",
    "monev",
    "dashboards",
    "assessment",
    "opendata",
    "followup",
    "plans",
    "guide",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside everything else, so that error pages and static files carry the policy too.
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "roadmap.middleware.AccountMiddleware",
    "roadmap.middleware.OwnNotFoundMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# The benchmark (scripts/bench.py) reads each response's query count from a header.
if env_bool("QUERY_COUNT_HEADER", default=False):
    MIDDLEWARE.insert(0, "roadmap.middleware.QueryCountMiddleware")

ROOT_URLCONF = "roadmap.urls"

# A record's page is often in an app above the one defining its model (an indicator's page shows
# its reports, so it lives in monev): models never name an upper app's URLs, the links are set here.
ABSOLUTE_URL_OVERRIDES = {
    "roadmap.agency": lambda agency: reverse("actions:agency-detail", kwargs={"code": agency.code}),
    "areas.changearea": lambda area: reverse("actions:area-detail", kwargs={"pk": area.pk}),
    "areas.indicator": lambda indicator: reverse("monev:indicator-detail", kwargs={"pk": indicator.pk}),
    "actions.priorityactivity": lambda activity: reverse("monev:activity-detail", kwargs={"pk": activity.pk}),
    "actions.actionplanrow": lambda row: reverse("monev:action-row-detail", kwargs={"pk": row.pk}),
    "roadmap.roadmapedition": lambda edition: reverse("editions:detail", kwargs={"pk": edition.pk}),
}

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
                "roadmap.context_processors.account",
                "areas.context_processors.navigation",
                "monev.context_processors.tasks",
            ],
            # Dates and times in one format on every page, without a {% load %} in each template.
            "builtins": ["roadmap.templatetags.dates"],
        },
    },
]

WSGI_APPLICATION = "roadmap.wsgi.application"


def _database_from_env() -> dict:
    url = env_str("DATABASE_URL")
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH") or BASE_DIR / "db.sqlite3",
        }
    try:
        config = dj_database_url.parse(
            url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a usable database URL: {exc}") from None
    if config["ENGINE"] not in ("django.db.backends.postgresql", "django.db.backends.sqlite3"):
        raise ImproperlyConfigured(
            f"DATABASE_URL must point at PostgreSQL or SQLite, not {config['ENGINE']}."
        )
    return config


DATABASES = {"default": _database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out username is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "actions:overview"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: five wrong passwords for one username from one address lock that pair
# for 30 minutes (a shared office address never locks everyone out).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded evidence goes through Django's storage API: files on disk under MEDIA_ROOT by default,
# never served as static files (downloads pass a login check), or any storage backend, e.g. an
# S3-compatible one with django-storages: FILE_STORAGE=storages.backends.s3.S3Storage.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
# With FILE_STORAGE=storages.backends.s3.S3Storage (pip install "django-storages[s3]"): the bucket,
# and an endpoint for S3-compatible stores (MinIO, Ceph); the access keys come from AWS_* variables.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL")
AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME")
AWS_DEFAULT_ACL = None  # private: evidence is served only through the login-checking view
AWS_S3_FILE_OVERWRITE = False
MEDIA_URL = "/media/"
EVIDENCE_MAX_UPLOAD_MB = env_int("EVIDENCE_MAX_UPLOAD_MB", 10, minimum=1)

# What one request may carry apart from files (form text), and what an uploaded Excel template may
# declare and contain. An upload is checked against these before and while it is read, so a hostile
# file is refused in about a second instead of holding a worker until gunicorn's timeout. DEPLOY.md
# lists them beside nginx's client_max_body_size and gunicorn's --timeout.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("REQUEST_MAX_MB", 5, minimum=1) * 1024 * 1024
IMPORT_MAX_UPLOAD_MB = env_int("IMPORT_MAX_UPLOAD_MB", 5, minimum=1)  # the .xlsx file as sent
# Every part of the file unpacked, together: by default the request limit, so a file can carry no
# more than the browser form could.
IMPORT_MAX_UNPACKED_MB = env_int(
    "IMPORT_MAX_UNPACKED_MB", DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024), minimum=1
)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 2000, minimum=1)  # filled-in lines of a template
# Cells of a sheet read (rows x columns it declares, and every cell and row element it holds),
# and shared strings: a template of IMPORT_MAX_ROWS lines needs about 30 000.
IMPORT_MAX_CELLS = env_int("IMPORT_MAX_CELLS", 100_000, minimum=1000)
# Keterangan, Kendala and Rencana tindak lanjut, in the report forms and in the import alike.
REPORT_TEXT_MAX_CHARS = env_int("REPORT_TEXT_MAX_CHARS", 5000, minimum=100)
STORAGES = {
    "default": {"BACKEND": env_str("FILE_STORAGE") or "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files in production; plain files while developing and testing,
        # where no collectstatic has run.
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Production hardening: on whenever DEBUG is off, each switchable for a deployment that needs it.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp 4): scripts, styles, images and fonts only from this site
# (Bootstrap and Chart.js are vendored); no inline script or style attribute, a <style> only with
# the request's nonce; nobody may frame the pages. Bootstrap's CSS draws its icons as data: images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)  # a working day
if env_bool("BEHIND_TLS_PROXY", default=False):
    # Only behind a proxy that sets these headers itself (nginx: proxy_set_header X-Forwarded-Proto
    # $scheme; proxy_set_header X-Real-IP $remote_addr), overwriting whatever the client sent.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Lockouts per client, not per proxy: otherwise five wrong passwords lock a username for everyone.
    AXES_CLIENT_IP_CALLABLE = "roadmap.accounts.services.client_ip"

# E-mail: printed to the console unless an SMTP host is configured.
EMAIL_HOST = env_str("EMAIL_HOST") or ""
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "Monev RB Kabupaten Pekalongan <monev-rb@localhost>"
# The address in links of reminder e-mails, and how many days before a window closes to warn.
SITE_URL = (env_str("SITE_URL") or "http://127.0.0.1:8000").rstrip("/")
REMINDER_DAYS_BEFORE_CLOSE = env_int("REMINDER_DAYS_BEFORE_CLOSE", 3)

# The licence of the open data of verified progress (/data-terbuka/; docs/open-data.md).
OPEN_DATA_LICENCE_NAME = (
    env_str("OPEN_DATA_LICENCE_NAME") or "Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)"
)
OPEN_DATA_LICENCE_URL = (
    env_str("OPEN_DATA_LICENCE_URL") or "https://creativecommons.org/licenses/by/4.0/deed.id"
)

# Achievement rules (see monev/achievement.py); the defaults and their meaning: docs/README.md.
ACHIEVEMENT_CAP = env_int("ACHIEVEMENT_CAP", 120)
ACHIEVEMENT_LOWER_FORMULA = env_str("ACHIEVEMENT_LOWER_FORMULA") or "official"  # or "ratio"
if ACHIEVEMENT_LOWER_FORMULA not in ("official", "ratio"):
    raise ImproperlyConfigured("ACHIEVEMENT_LOWER_FORMULA must be 'official' or 'ratio'.")
# Whether "3 Dengan Catatan" meets a target of level 3 (uncertain; default: it does not).
ACHIEVEMENT_WITH_NOTES_MEETS_LEVEL = env_bool("ACHIEVEMENT_WITH_NOTES_MEETS_LEVEL", default=False)
# Rank changes per scale and level code, e.g. {"opini-bpk": {"TMP": -1}} to rank TMP below TW.
ACHIEVEMENT_RANK_OVERRIDES: dict[str, dict[str, int]] = {}
# Grades and levels are met or not and never get a percentage; a regency that wants them in the
# averages may count met as 100 and not met as 0 (default: averages take numeric items only).
ACHIEVEMENT_SCORE_ORDINALS = env_bool("ACHIEVEMENT_SCORE_ORDINALS", default=False)

# Review (docs/roles.md): admins of the agencies in an area's Pokja may verify or return reports of
# that area's items (the Tim Gabungan of Tabel 5.1), never their own agency's; nobody verifies a
# report they submitted themselves, staff included.
REVIEW_BY_POKJA = env_bool("REVIEW_BY_POKJA", default=True)
REVIEW_FORBID_OWN_REPORTS = env_bool("REVIEW_FORBID_OWN_REPORTS", default=True)

# PMPRB self-assessment (docs/assessment.md): the admins of this agency (by code) review every assessment
# as the APIP's PMPRB team, never their own agency's; Bab VI makes the Inspektorat lead "Evaluasi
# pelaksanaan Reformasi Birokrasi (Penilaian Mandiri Pelaksanaan Reformasi Birokrasi)".
PMPRB_REVIEWER_AGENCY = env_str("PMPRB_REVIEWER_AGENCY") or "inspektorat"
# Follow-up of monev results (Tabel 5.4, followup/): the deadline proposed for generated findings, in days
# after they are issued, and how many days before its deadline an agency is reminded of a finding.
FOLLOWUP_DEADLINE_DAYS = env_int("FOLLOWUP_DEADLINE_DAYS", 90)
FOLLOWUP_REMIND_DAYS_BEFORE = env_int("FOLLOWUP_REMIND_DAYS_BEFORE", 14)

# Where the year-end report is signed ("Kajen, 31 Desember 2020"); the signatories are data (monev).
REPORT_PLACE = env_str("REPORT_PLACE") or "Kajen"

DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5-id.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table table-sm table-hover align-middle"}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL") or "INFO"},
    # django-axes logs every login at INFO; lockouts (WARNING) are what operators need.
    "loggers": {"axes": {"level": "WARNING"}},
}
