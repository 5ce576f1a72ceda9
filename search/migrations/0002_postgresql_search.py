"""PostgreSQL only: pg_trgm for names and typos, and indexes for the full-text and trigram
searches. On the embedded SQLite database this migration does nothing."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_entry_vector ON search_searchentry USING gin (vector)",
    "CREATE INDEX IF NOT EXISTS search_entry_title_trgm "
    "ON search_searchentry USING gin (folded_title gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_entry_folded_trgm "
    "ON search_searchentry USING gin (folded gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_folded_trgm",
    "DROP INDEX IF EXISTS search_entry_title_trgm",
    "DROP INDEX IF EXISTS search_entry_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
