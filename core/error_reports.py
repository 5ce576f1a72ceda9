"""Error reports that keep credentials out of the admins' mail and the debug page."""

import re

from django.views.debug import SafeExceptionReporterFilter

# `scheme://user:password@host`: the part before the @ goes, the rest helps finding the error.
CREDENTIALS_IN_URL = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)[^/@\s]*@", re.IGNORECASE)


class CredentialsFilter(SafeExceptionReporterFilter):
    """Django's filter, which also hides addresses that may carry a password (REDIS_URL, DSNs)."""

    hidden_settings = re.compile(
        SafeExceptionReporterFilter.hidden_settings.pattern + r"|DATABASE_URL|REDIS_URL|DSN",
        flags=re.IGNORECASE,
    )

    def cleanse_setting(self, key, value):
        value = super().cleanse_setting(key, value)
        if isinstance(value, str):
            # str(): some settings are lazy strings, which pass as str but are none.
            value = CREDENTIALS_IN_URL.sub(rf"\g<scheme>{self.cleansed_substitute}@", str(value))
        return value
