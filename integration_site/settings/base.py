"""Settings shared by every environment; safe by default.

Every environment variable the site reads is read here and listed in `.env.example`.
"""

import datetime
import os
from pathlib import Path

import dj_database_url

from core.languages import SOURCE_LANGUAGE, settings_languages
from core.media_storage import s3_storage
from core.prose import PROSE_EDITOR_EXTENSIONS

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# Empty unless the environment provides one; `dev` and `test` set their own, `prod` refuses to run.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    # Django's admin with the editors' site (accounts.sites): a TOTP code for those who set one up.
    "accounts.apps.EditorAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Failed admin logins: counted per account and per address, locked out for a while (accounts).
    "accounts.apps.LoginProtectionConfig",
    # The optional second factor (TOTP) for editors who set one up.
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Stores each saved state of the content for the admin's history (core.history).
    "reversion",
    "django_prose_editor",
    # The shared kernel and the translation machinery come before the apps that use them.
    "core",
    "translations",
    "pages",
    "contacts",
    "documents",
    "microprojects",
    # Online applications for the funding programme; not editor content (see its apps.py).
    "applications",
    # After the content apps: it indexes their models for the site search.
    "search",
    "demo",
    "accounts",
]

MIDDLEWARE = [
    # First: its X-Request-ID header is added after the page cache, so no stored page has one.
    "core.request_id.RequestIdMiddleware",
    # Every query of a request ends within DATABASE_CLIENT_DEADLINE, even if the server froze.
    "core.db_deadline.DatabaseDeadlineMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Document downloads at static-file speed, as current as the page cache.
    "documents.fastpath.DownloadFastPathMiddleware",
    # Anonymous pages from the shared cache, before the session and everything after it runs.
    "core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.AdminInGermanMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: refuses every login attempt while the account or the address is locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "integration_site.urls"
WSGI_APPLICATION = "integration_site.wsgi.application"

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
                "core.context_processors.languages",
                "pages.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# A database that hangs instead of refusing must not hold a worker: connecting and each
# statement (waiting for a lock included) end after this many seconds, and the reader gets the
# 503 page. 0 lifts the statement limit, e.g. for a long migration.
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
DATABASE_STATEMENT_TIMEOUT = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "5"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": DATABASE_CONNECT_TIMEOUT,
            "options": f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT * 1000}",
            # A server that stops answering on an open connection (a lost network, a frozen
            # host) is noticed by the kernel within about ten seconds.
            "keepalives": 1,
            "keepalives_idle": 5,
            "keepalives_interval": 2,
            "keepalives_count": 3,
            "tcp_user_timeout": 10000,
            # Lets the statements the code prepares on purpose be prepared (the page cache's
            # next-boundary query, core.pagecache); the ORM's queries are never prepared.
            # Not behind a pooler in transaction mode (pgbouncer), which loses prepared ones.
            "prepare_threshold": 5,
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # How long to wait for another writer's lock before giving up.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = DATABASE_STATEMENT_TIMEOUT or 5
# A database that stops answering on an open connection (a frozen process or host) cannot end
# the statement itself: the worker gives up after this many seconds (core.db_deadline).
# 0 switches the client's deadline off.
DATABASE_CLIENT_DEADLINE = float(
    os.environ.get(
        "DATABASE_CLIENT_DEADLINE",
        str(DATABASE_STATEMENT_TIMEOUT + 2 if DATABASE_STATEMENT_TIMEOUT else 0),
    )
)
# /healthz gives the database this long to answer `SELECT 1`, then answers 503.
HEALTHZ_DATABASE_SECONDS = float(os.environ.get("HEALTHZ_DATABASE_SECONDS", "1.5"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "core.cache.SharedRedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache (core.pagecache) is never stale; these only bound how long entries and
# caches in front (max-age, stale-while-revalidate) keep a page.
PAGE_CACHE_ENABLED = True
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# 0: browsers and caches in front revalidate every time (a 304 through the ETag), so an edit
# is visible on the next request. A number lets them reuse a page for that many seconds.
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "0"))
PAGE_CACHE_STALE_WHILE_REVALIDATE = 300
# How long a process trusts its copy of the cache's state while Redis announces no change
# (core.statewatch): the bound for a subscription that went quiet without closing.
PAGE_CACHE_TRUST_SECONDS = float(os.environ.get("PAGE_CACHE_TRUST_SECONDS", "1"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin logins (django-axes): after LOGIN_FAILURE_LIMIT failed attempts for one account, or from
# one address, further attempts are refused for LOGIN_LOCKOUT_MINUTES, counted from the last.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "accounts.addresses.client_address"
# The audit: failed attempts (AccessAttempt, AccessFailureLog) for administrators; successful
# logins are not recorded, so the site keeps no log of editors' addresses.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_DISABLE_ACCESS_LOG = True
# The optional second factor: the name authenticator apps show for the account.
OTP_TOTP_ISSUER = "KfI Redaktion"
# Proxies whose X-Forwarded-For names the client (comma-separated addresses, or "*"): the same
# variable tells gunicorn (gunicorn.conf.py) whom to trust.
FORWARDED_ALLOW_IPS = env_list("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Languages come from one table (core/languages.py): German is the source; the table's order
# is the order of the language switcher.
LANGUAGE_CODE = SOURCE_LANGUAGE
LANGUAGES = settings_languages()
# The second entry fills gaps in Django's German admin JavaScript catalogue. It must not be
# called "locale" and must stay second: makemessages writes to the first entry and treats
# every directory named "locale" as an app's own catalogue.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "core" / "admin_catalogue"]
# Our corrections to Django's date formats for some languages; the rest come from Django.
FORMAT_MODULE_PATH = ["core.locale_formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"
# Content falls back to German, and the templates mark such text as German.
MODELTRANSLATION_DEFAULT_LANGUAGE = SOURCE_LANGUAGE
MODELTRANSLATION_FALLBACK_LANGUAGES = (SOURCE_LANGUAGE,)

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        # Public anyway, and readable by nginx's user, which serves them (deploy/nginx.conf);
        # FILE_UPLOAD_PERMISSIONS below would otherwise keep them from it.
        "OPTIONS": {"file_permissions_mode": 0o644},
    },
}
# Uploaded media on an S3-compatible object store instead of the local disk, when a bucket is
# named. The bucket stays private: readers get files through our views, which stream them or
# hand out short-lived signed addresses (DOWNLOAD_OFFLOAD); nothing is ever public-read.
S3_MEDIA_STORAGE = s3_storage(os.environ)
if S3_MEDIA_STORAGE:
    STORAGES["default"] = S3_MEDIA_STORAGE
# How public document downloads reach readers (core/downloads.py):
#   ""          the Python view streams the file (development, tests; works everywhere),
#   "nginx"     the view answers with X-Accel-Redirect and nginx sends the bytes
#               (deploy/nginx.conf: from the disk, or from the bucket through a signed address),
#   "redirect"  the view redirects to a short-lived signed address of the object store.
DOWNLOAD_OFFLOAD = os.environ.get("DOWNLOAD_OFFLOAD", "")
# nginx's internal locations for X-Accel-Redirect: files on the disk, and objects in the bucket.
DOWNLOAD_ACCEL_MEDIA_PREFIX = os.environ.get("DOWNLOAD_ACCEL_MEDIA_PREFIX", "/_media/")
DOWNLOAD_ACCEL_S3_PREFIX = os.environ.get("DOWNLOAD_ACCEL_S3_PREFIX", "/_s3/")
# Files are served by our own views (documents) so no path under MEDIA_ROOT is public by itself.
FILE_UPLOAD_PERMISSIONS = 0o640
# Uploads stop at the limit of the view they go to (core/uploads.py) before anything is
# stored; this is the limit of views that name none (e.g. photos).
FILE_UPLOAD_HANDLERS = [
    "core.uploads.BoundedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_MAX_BYTES = int(os.environ.get("FILE_UPLOAD_MAX_BYTES", 10 * 1024 * 1024))
VIDEO_MAX_UPLOAD_BYTES = int(os.environ.get("VIDEO_MAX_UPLOAD_BYTES", 200 * 1024 * 1024))
# Larger uploads wait here, not in /tmp: a worker killed mid-upload leaves its file, and the
# next upload removes files older than UPLOAD_TEMP_MAX_AGE seconds.
FILE_UPLOAD_TEMP_DIR = os.environ.get("UPLOAD_TEMP_DIR", str(BASE_DIR / "var" / "upload-tmp"))
UPLOAD_TEMP_MAX_AGE = 60 * 60
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DOCUMENT_MAX_UPLOAD_BYTES = int(os.environ.get("DOCUMENT_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
# Where `manage.py backup_site` writes its archives when given no path.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "var" / "backups"))
# PDFs are read and rendered in a child process (documents/pdf.py) within these bounds; check
# and preview together stay well inside gunicorn's 30-second timeout.
DOCUMENT_MAX_PDF_PAGES = int(os.environ.get("DOCUMENT_MAX_PDF_PAGES", "2000"))
PDF_CHECK_SECONDS = int(os.environ.get("PDF_CHECK_SECONDS", "10"))
# Of those, the time spent reading text for the search; a file's text beyond it is left out.
PDF_TEXT_SECONDS = 4
PDF_PREVIEW_SECONDS = int(os.environ.get("PDF_PREVIEW_SECONDS", "8"))
# 360 pixels wide, so up to four times as tall as wide; an A4 page needs 183,000.
PDF_PREVIEW_MAX_PIXELS = 600_000
# Imports (CSV of funded projects, XLIFF translations): largest file, most rows or units, and
# how long a checked file waits on the server for the editor's confirmation.
CSV_IMPORT_MAX_BYTES = int(os.environ.get("CSV_IMPORT_MAX_BYTES", 2_000_000))
CSV_IMPORT_MAX_ROWS = int(os.environ.get("CSV_IMPORT_MAX_ROWS", "5000"))
XLIFF_IMPORT_MAX_BYTES = int(os.environ.get("XLIFF_IMPORT_MAX_BYTES", 5_000_000))
XLIFF_IMPORT_MAX_UNITS = int(os.environ.get("XLIFF_IMPORT_MAX_UNITS", "20000"))
IMPORT_PREVIEW_SECONDS = 60 * 60
PDF_SANDBOX_MEMORY_BYTES = int(os.environ.get("PDF_SANDBOX_MEMORY_BYTES", 1024 * 1024 * 1024))
# Online applications (applications app): a draft untouched for this many days is deleted by
# `manage.py delete_expired_drafts`; personal data of a closed or rejected application goes
# this many months after it ended (`manage.py delete_closed_applications`).
APPLICATION_DRAFT_AGE = datetime.timedelta(days=int(os.environ.get("APPLICATION_DRAFT_DAYS", "30")))
APPLICATION_RETENTION_MONTHS = int(os.environ.get("APPLICATION_RETENTION_MONTHS", "24"))
# Where the office's copy of each application goes; empty: the programme's submission e-mail.
APPLICATION_OFFICE_EMAIL = os.environ.get("APPLICATION_OFFICE_EMAIL", "")
APPLICATION_MAX_ATTACHMENTS = int(os.environ.get("APPLICATION_MAX_ATTACHMENTS", "5"))
APPLICATION_ATTACHMENT_MAX_BYTES = int(
    os.environ.get("APPLICATION_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
)
# New drafts and submissions per address and hour (a cache counter, no captcha).
APPLICATION_RATE_LIMIT = int(os.environ.get("APPLICATION_RATE_LIMIT", "20"))
# After the mail relay failed, requests leave their application mail queued for this many
# seconds instead of waiting on the relay again; `manage.py send_queued_mail` sends it.
APPLICATION_MAIL_PAUSE_SECONDS = int(os.environ.get("APPLICATION_MAIL_PAUSE_SECONDS", "300"))
# How long a draft's preview link („Vorschau-Link“ in the admin) works without logging in.
PREVIEW_LINK_MAX_AGE = datetime.timedelta(days=int(os.environ.get("PREVIEW_LINK_DAYS", "7")))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# Seconds before a mail relay that does not answer is given up (error mail leaves in the
# background, core/errormail.py, so a slow relay never holds a request).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Webmaster", addr) for addr in env_list("ADMIN_EMAILS")]
# Error mail to ADMINS: the same error at most once in this many seconds, all errors together
# at most this many times a minute. Every error is logged regardless.
ERROR_MAIL_REPEAT_SECONDS = int(os.environ.get("ERROR_MAIL_REPEAT_SECONDS", "900"))
ERROR_MAIL_PER_MINUTE = int(os.environ.get("ERROR_MAIL_PER_MINUTE", "5"))
# Error reports (mail, debug page) hide passwords inside addresses like REDIS_URL too.
DEFAULT_EXCEPTION_REPORTER_FILTER = "core.error_reports.CredentialsFilter"
# The proxies whose X-Request-ID the site takes over (the same list gunicorn trusts for
# X-Forwarded-*); "*" trusts every client.
TRUSTED_PROXY_ADDRESSES = env_list("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Who hears about vulnerabilities (/.well-known/security.txt): the office's shared mailbox
# unless the operator names another address.
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "mailto:integrationshilfe@lk-l.de")

# The admin's rich-text editor: our extensions beside django-prose-editor's own.
DJANGO_PROSE_EDITOR_EXTENSIONS = PROSE_EDITOR_EXTENSIONS

# Sessions and CSRF cookies exist only for the admin; public pages set none.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# One line per record with the request's id (core/request_id.py). A forged Host header is
# logged but never mailed; other errors are mailed within limits (core/errormail.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.request_id.RequestIdFilter"}},
    "formatters": {"key_value": {"()": "core.request_id.KeyValueFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "key_value",
        },
        "mail_admins": {
            "class": "core.errormail.ThrottledAdminEmailHandler",
            "level": "ERROR",
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        "django.security.DisallowedHost": {"handlers": ["console"], "propagate": False},
        # WeasyPrint (application PDFs) reports each layout step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
