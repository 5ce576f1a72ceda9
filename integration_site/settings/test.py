"""Tests: fast and isolated. Each speed-up says why it is safe."""

import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105 - never used outside the test run
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Hashing cost protects stored passwords; test users are throw-away.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The manifest needs collectstatic first; a dedicated test covers the production storage.
# Media on the local disk even when the environment names a bucket; the S3 tests use moto.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# WhiteNoise warns about a missing STATIC_ROOT; tests never collect static files there.
STATIC_ROOT = tempfile.mkdtemp(prefix="kfi-test-static-")
# Uploaded files of one run must not leak into the next or into the demo media.
MEDIA_ROOT = tempfile.mkdtemp(prefix="kfi-test-media-")
FILE_UPLOAD_TEMP_DIR = tempfile.mkdtemp(prefix="kfi-test-upload-tmp-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Python streams downloads unless a test switches offloading on.
DOWNLOAD_OFFLOAD = ""
# A shared cache would leak state between tests.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Without a DATABASE_URL the suite runs on SQLite in memory, which is what pytest-django creates.
if not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
