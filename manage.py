#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "integration_site.settings.dev")
    # Commands (a migration, an import, a backup) may run long statements; the statement
    # limit protects web requests (see DATABASE_STATEMENT_TIMEOUT in the settings).
    os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "0")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
