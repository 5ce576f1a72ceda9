"""Measure the public pages: response time and queries per page, with a growing amount of content.

Run with `make bench`. It uses the test settings and an in-memory database; numbers are for
comparison between changes on the same machine, not absolute promises.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "integration_site.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from tests.site_urls import sitemap_paths  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))
# The search is no sitemap page: a word, a surname, a postcode, German on the Arabic site.
SEARCHES = [
    "/de/suche/?q=Integration",
    "/de/suche/?q=Goetschenberg",
    "/de/suche/?q=04668",
    "/ar/suche/?q=%D8%A7%D9%84%D8%A7%D9%86%D8%AF%D9%85%D8%A7%D8%AC",
    "/ar/suche/?q=Integration",
]


def main():
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, serialize=False)
    call_command("load_demo", verbosity=0)
    client = Client()
    paths = [p for p in sitemap_paths(client) if p.startswith(("/de/", "/ar/"))] + SEARCHES
    print(f"{'Seite':45} {'Median ms':>10} {'p95 ms':>8} {'Abfragen':>9} {'KB':>6}")
    medians = {}
    for path in paths:
        timings = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        medians[path] = statistics.median(timings)
        print(
            f"{path[:45]:45} {medians[path]:10.1f} {p95:8.1f} "
            f"{len(queries):9d} {len(response.content) / 1024:6.1f}"
        )
    print()
    for path in SEARCHES:
        start_page = medians[f"/{path[1:3]}/"]
        print(f"{path[:45]:45} {medians[path] / start_page:5.2f} × Startseite")


if __name__ == "__main__":
    main()
