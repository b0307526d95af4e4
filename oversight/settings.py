"""Oversight settings: one file, read from the environment.

The defaults run the demo out of the box (SQLite, no Redis, DEBUG on);
production differs only by environment variables (see README).
"""
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default):
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name, default):
    return int(os.environ.get(name, default))


DEBUG = envbool("DEBUG", "True")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-the-local-demo-and-tests-0123456789"  # nosec B105: DEBUG only

ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_forms_gds",
    "organisation",
    "cases",
    "supervision",
    "audits",
    "people",
    "compliance",
    "simple_history",
    "axes",
    "traceability",
    "returns",
    "drafts",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "organisation.middleware.ReadStandardsOnce",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "traceability.middleware.SessionLimitMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "traceability.middleware.NoStoreMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Innermost but for Axes (which must come last): its transaction wraps only the view.
    "traceability.middleware.AccessLogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "oversight.urls"
WSGI_APPLICATION = "oversight.wsgi.application"

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
                "organisation.context_processors.navigation",
                "organisation.context_processors.permissions",
                "compliance.context_processors.flags",
                "drafts.context_processors.session_timeout",
            ],
        },
    },
]

# The embedded default is an SQLite file; production and the test suite use PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", "0"),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organisation.StaffMember"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTHENTICATION_BACKENDS = [
    # Refuses sign-in while an account is locked out; must come first (django-axes).
    "traceability.backends.LockoutBackend",
    # Django's ModelBackend, reading the signed-in user with the header's team and unread count in one query.
    "organisation.backends.StaffBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# GOV.UK Frontend's compiled CSS asks for its fonts and images under /assets/,
# so static files are served there, straight from the npm packages.
STATIC_URL = "/assets/"
STATIC_ROOT = BASE_DIR / "staticfiles"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("govuk", NODE_MODULES / "govuk-frontend/dist/govuk"),
    NODE_MODULES / "govuk-frontend/dist/govuk/assets",
    ("moj", NODE_MODULES / "@ministryofjustice/frontend/moj"),
    NODE_MODULES / "@ministryofjustice/frontend/moj/assets",
    # Chart.js for the dashboards' trend charts (its UMD build: a classic script, no import map needed).
    ("chartjs", NODE_MODULES / "chart.js/dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# Security: everything below tightens itself when DEBUG is off.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("SESSION_IDLE_MINUTES", "30") * 60
SESSION_SAVE_EVERY_REQUEST = True  # the age above is then an idle timeout
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_ABSOLUTE_HOURS = envint("SESSION_ABSOLUTE_HOURS", "12")  # then signed out however active
# The timeout warning opens this long before the idle timeout (GOV.UK: two minutes).
SESSION_WARNING_SECONDS = envint("SESSION_WARNING_SECONDS", "120")
# What a person has typed and not saved is kept this many days as their draft, then deleted.
DRAFT_DAYS = envint("DRAFT_DAYS", "14")
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "True")
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "31536000")
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # Behind a load balancer that terminates TLS and sets this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# How many of our own proxies append to X-Forwarded-For (0: use REMOTE_ADDR); for the access log and lockout.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", "0")

# Content-Security-Policy (django-csp): no inline script or style anywhere; GOV.UK Frontend's CSS
# uses data: images. https://django-csp.readthedocs.io/en/latest/configuration.html
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Login throttling and lockout (django-axes): LOGIN_FAILURE_LIMIT wrong passwords for one account from one address
# lock that account at that address for LOGIN_LOCKOUT_MINUTES (0: until an administrator unlocks it in the admin,
# with `axes_reset_username`, or by issuing a set-password link). Locking on the pair stops guessing without letting
# a stranger lock a colleague out: the account still opens from the colleague's own address.
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", "5")
LOGIN_LOCKOUT_MINUTES = envint("LOGIN_LOCKOUT_MINUTES", "30")
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES) if LOGIN_LOCKOUT_MINUTES else None
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "traceability.middleware.client_address"
AXES_USERNAME_CALLABLE = "traceability.backends.attempted_username"
AXES_RESET_ON_SUCCESS = True
# An administrator's one-time set-password link (traceability) expires after this many hours.
SET_PASSWORD_LINK_HOURS = envint("SET_PASSWORD_LINK_HOURS", "72")
PASSWORD_RESET_TIMEOUT = SET_PASSWORD_LINK_HOURS * 60 * 60
AXES_LOCKOUT_TEMPLATE = "traceability/locked_out.html"
# Sign-ins are in our own access log; Axes' verbose log would put typed usernames in application logs.
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True

# Optional single sign-on with the council's identity provider (OpenID Connect, mozilla-django-oidc);
# existing staff are matched by email and nobody is created (see README).
OIDC_ENABLED = envbool("OIDC_ENABLED", "False")
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("traceability.oidc.StaffByEmailBackend")
    OIDC_RP_CLIENT_ID = os.environ["OIDC_RP_CLIENT_ID"]
    OIDC_RP_CLIENT_SECRET = os.environ["OIDC_RP_CLIENT_SECRET"]
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["OIDC_OP_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["OIDC_OP_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
    OIDC_CREATE_USER = False
    LOGIN_REDIRECT_URL_FAILURE = "login"

# Error reports carry identifiers, never names or case content (SPEC section 7).
DEFAULT_EXCEPTION_REPORTER_FILTER = "traceability.reporting.IdentifiersOnlyReporterFilter"

# Celery: Redis when REDIS_URL is set; otherwise an embedded filesystem broker
# so the demo needs no Redis.
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_DIR = BASE_DIR / "var" / "celery"
# A task stopped after WORKER_TASK_MINUTES (a full sweep takes seconds, 36 s at national scale the first time);
# a task taken by a worker that died is given to another one minute after that. Tasks are acknowledged only
# when done (acks_late) and put back when their worker is lost, so nothing is dropped.
# https://docs.celeryq.dev/en/stable/getting-started/backends-and-brokers/redis.html#visibility-timeout
WORKER_TASK_MINUTES = envint("WORKER_TASK_MINUTES", "10")
CELERY_TASK_TIME_LIMIT = WORKER_TASK_MINUTES * 60
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 30
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Only the full sweep's parts keep a result (for their chord, compliance/tasks.py), in Redis; without Redis
# (the demo) there is no result store and the full sweep runs in one task.
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_RESULT_EXPIRES = 24 * 60 * 60
# The full sweep's parts: consecutive teams, so any worker (on any host) takes the next part. One unless there
# are worker processes to spread it over: each part pays the rules' query building again (README, Performance).
SWEEP_PARTS = envint("SWEEP_PARTS", "1")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # Longer than the time limit and than any countdown (retries back off at most 5 minutes), so Redis never
    # hands a running task to a second worker; short enough that a killed worker's task runs again in minutes.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 60}
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_DIR / "queue"),
        "data_folder_out": str(CELERY_BROKER_DIR / "queue"),
        "processed_folder": str(CELERY_BROKER_DIR / "processed"),
        "control_folder": str(CELERY_BROKER_DIR / "control"),
        "store_processed": False,
    }
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = envbool("CELERY_TASK_ALWAYS_EAGER", "False")
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "drafts-purge-expired": {"task": "drafts.tasks.purge_expired", "schedule": crontab(minute=15, hour=2)},
    # Every rule for everyone; saving a record also sweeps just its child or staff member at once.
    "compliance-full-sweep": {"task": "compliance.tasks.full_sweep", "schedule": envint("SWEEP_MINUTES", "15") * 60},
    # Re-checks whose save could not queue them (the broker was down): done within a minute of its return.
    "compliance-drain-rechecks": {"task": "compliance.tasks.drain_rechecks", "schedule": 60},
    # The snapshot and the digest each follow a full sweep begun for them (the sweep's chord callback runs them).
    "compliance-monthly-snapshot": {
        "task": "compliance.tasks.full_sweep", "kwargs": {"then": ["compliance.tasks.monthly_snapshot"]},
        "schedule": crontab(minute=30, hour=1, day_of_month=1),
    },
    "compliance-daily-digest": {
        "task": "compliance.tasks.full_sweep", "kwargs": {"then": ["compliance.tasks.daily_digest"]},
        "schedule": crontab(minute=0, hour=7),
    },
    # Daily; the task acts from the first working day of the month and keeps each report once.
    "compliance-monthly-reports": {
        "task": "compliance.dashboards.tasks.generate_monthly_reports", "schedule": crontab(minute=0, hour=6)
    },
    # Imports: runs whose worker stopped are marked failed; uploaded files are deleted after RETURNS_KEEP_FILES_DAYS.
    "returns-tidy-imports": {"task": "returns.tasks.tidy_imports", "schedule": 15 * 60},
}
RETURNS_STALE_MINUTES = envint("RETURNS_STALE_MINUTES", "60")
RETURNS_KEEP_FILES_DAYS = envint("RETURNS_KEEP_FILES_DAYS", "7")
# autodiscover_tasks() finds only <app>.tasks; the dashboards' tasks live one package down.
CELERY_IMPORTS = ["compliance.dashboards.tasks"]

# Dashboards: a standard is green at or above COMPLIANCE_GREEN % compliant,
# amber at or above COMPLIANCE_AMBER, else red.
COMPLIANCE_GREEN = envint("COMPLIANCE_GREEN", "90")
COMPLIANCE_AMBER = envint("COMPLIANCE_AMBER", "75")
# An open flag escalates to its owner's manager, then to the head of service, after this many working days
# open: (to the manager, to the head of service) per standard code, "default" for every other standard.
FLAG_ESCALATION_WORKING_DAYS = {
    "default": (envint("FLAG_ESCALATE_TO_MANAGER_DAYS", "10"), envint("FLAG_ESCALATE_TO_HEAD_DAYS", "20")),
}
CELERY_BEAT_SCHEDULE_FILENAME = str(BASE_DIR / "var" / "celerybeat-schedule")

# Each person's flags digest (compliance/digest.py): printed to the console unless an SMTP server is configured.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "False")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "oversight@localhost")
# Where the digest's links point: this site's address as its readers reach it.
OVERSIGHT_BASE_URL = os.environ.get("OVERSIGHT_BASE_URL", "http://127.0.0.1:8000")
# On by default: email leaves the council's systems, so children are named by local identifier only and no
# case content (names, plan text) is written into it; a council whose policy allows names turns it off.
DIGEST_IDENTIFIERS_ONLY = envbool("DIGEST_IDENTIFIERS_ONLY", "True")
# The function that sends one digest: (person, subject, text, html). A GOV.UK Notify sender would go here.
DIGEST_SENDER = os.environ.get("DIGEST_SENDER", "compliance.digest.send_email")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
