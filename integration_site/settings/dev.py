"""Local development: debug on, a throw-away key, mails on the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-not-for-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The embedded SQLite database lives under var/, which a fresh clone does not have yet.
(BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405
