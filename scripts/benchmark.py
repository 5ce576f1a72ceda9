"""Measure the site as it runs in production: gunicorn, the production settings, many requests.

Run with `make bench`. It builds a scratch database (PostgreSQL on 127.0.0.1 when it answers,
else SQLite under var/bench/), loads the demo content and the generated load data
(`generate_load_data`, scale BENCH_SCALE, default 1), starts gunicorn with
`integration_site.settings.bench` (the production settings plus a hello-world view) and
sends BENCH_CONNECTIONS (default 16) concurrent connections at each page for BENCH_SECONDS.

Each page is measured warm (from the page cache) and right after an edit (every request first
raises the page cache's generations as a save of a notice does; the start page also after a
save of a person and after a change to every app), as requests per second and p99, and as a
ratio to the hello-world view and to a static file served by the same gunicorn. The PDF
download is measured alternately with the static file, twice each, and compared with it. The
numbers are a report for comparing changes on one machine; the script never fails on timing.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"
SECONDS = float(os.environ.get("BENCH_SECONDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
PROCESSES = 2
SCALE = os.environ.get("BENCH_SCALE", "1")
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
PAGES = [
    ("Startseite de", "/de/"),
    ("Startseite ar", "/ar/"),
    ("Koordinierungsstelle", "/de/koordinierungsstelle/"),
    ("Ansprechpersonen", "/de/ansprechpersonen/"),
    ("Zuständigkeiten", "/de/ansprechpersonen/zustaendigkeiten/"),
    ("Finder mit PLZ", "/de/ansprechpersonen/zustaendigkeitsfinder/?ort=04668"),
    ("Dokumente", "/de/dokumente/"),
    ("Geförderte Projekte", "/de/mikroprojekte/gefoerderte-projekte/"),
]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _postgres_url():
    """A fresh scratch database on the local PostgreSQL, or None when there is none."""
    try:
        import psycopg

        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=3) as conn:
            conn.execute("DROP DATABASE IF EXISTS kfi_bench")
            conn.execute("CREATE DATABASE kfi_bench")
    except Exception as error:  # noqa: BLE001 - any failure means: use SQLite
        print(f"PostgreSQL nicht erreichbar ({error.__class__.__name__}), nehme SQLite.")
        return None
    return f"{POSTGRES}/kfi_bench"


def _redis_url():
    try:
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        client.flushdb()
    except Exception as error:  # noqa: BLE001 - without Redis each worker caches for itself
        print(f"Redis nicht erreichbar ({error.__class__.__name__}), Cache je Prozess.")
        return ""
    return REDIS_URL


def _environment():
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "integration_site.settings.bench",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(WORK / "static"),
        "MEDIA_ROOT": str(WORK / "media"),
        "DATABASE_URL": _postgres_url() or f"sqlite:///{WORK / 'db.sqlite3'}",
        "REDIS_URL": _redis_url(),
        "LOG_LEVEL": "WARNING",
    }
    return env


def _manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def _extra_paths(env):
    """The programme page, a person, a document, a PDF download, the static file, search."""
    code = """
import json, django
django.setup()
from django.contrib.staticfiles.storage import staticfiles_storage
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from documents.models import Document
from microprojects.models import FundingProgramme
from contacts.models import Person
translation.activate("de")
pdf = Document.objects.public().filter(current_version__files__kind="pdf").order_by("pk").first()
out = {
    "programme": FundingProgramme.objects.public().first().get_absolute_url(),
    "person": Person.objects.public().order_by("pk").first().get_absolute_url(),
    "document": pdf.get_absolute_url(),
    "pdf": pdf.get_download_url(),
    "static": staticfiles_storage.url("css/site.css"),
}
for name in ("search:results", "search:index", "search"):
    try:
        out["search"] = reverse(name) + "?q=Integration"
        break
    except NoReverseMatch:
        pass
print(json.dumps(out))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _request(port, path, edit):
    head = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip, br\r\n"
    if edit:
        head += f"X-Bench-Edit: {edit}\r\n"
    data = (head + "Connection: close\r\n\r\n").encode()
    start = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(data)
        first = b""
        while chunk := sock.recv(65536):
            first = first or chunk
    return time.perf_counter() - start, first[9:12]


def _load(port, path, edit, threads, seconds):
    latencies, failures = [], 0
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker():
        nonlocal failures
        while time.perf_counter() < stop:
            elapsed, status = _request(port, path, edit)
            with lock:
                latencies.append(elapsed)
                failures += status not in (b"200", b"304")

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return latencies, failures


def measure(port, path, *, edit=False):
    """(requests per second, p99 in ms, failed requests) with CONNECTIONS connections."""
    _request(port, path, edit)  # the first request fills the caches
    with ProcessPoolExecutor(PROCESSES) as executor:
        runs = [
            executor.submit(_load, port, path, edit, CONNECTIONS // PROCESSES, SECONDS)
            for _ in range(PROCESSES)
        ]
        results = [run.result() for run in runs]
    latencies = sorted(value for found, _f in results for value in found)
    failures = sum(failed for _l, failed in results)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    return len(latencies) / SECONDS, p99, failures


def _status(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def main():
    env = _environment()
    print(f"Datenbank: {env['DATABASE_URL']}  Cache: {env['REDIS_URL'] or 'lokal je Prozess'}")
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "load_demo", "-v0")
    started = time.perf_counter()
    _manage(env, "generate_load_data", "--scale", SCALE)
    print(f"generate_load_data --scale {SCALE}: {time.perf_counter() - started:.1f} s")
    _manage(env, "collectstatic", "--noinput", "-v0")
    extra = _extra_paths(env)
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
            # Workers restart every 2,000 requests in production; mid-run that would be measured.
            "--max-requests",
            "0",
            "integration_site.wsgi",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                if _status(port, "/healthz") == 200:
                    break
            except OSError:
                time.sleep(0.2)
        report(port, extra)
    finally:
        server.terminate()
        server.wait(timeout=30)


def report(port, extra):
    measure(port, "/bench/hello/")  # every worker has started and loaded everything
    # The better of two runs: other work on the machine lowers a run, never raises it.
    hello = max(measure(port, "/bench/hello/")[0] for _ in range(2))
    static = max(measure(port, extra["static"])[0] for _ in range(2))
    rows = [("Hello world", "/bench/hello/", False), ("Statische Datei", extra["static"], False)]
    pages = [
        *PAGES,
        ("Programmseite", extra["programme"]),
        ("Person", extra["person"]),
        ("Dokument", extra["document"]),
    ]
    if "search" in extra:
        pages.append(("Suche", extra["search"]))
    for label, path in pages:
        if _status(port, path) != 200:
            print(f"übersprungen (nicht 200): {path}")
            continue
        rows += [(label, path, False), (f"{label} nach Änderung", path, "pages")]
        if path == "/de/":
            rows += [
                (f"{label} nach Änderung Person", path, "contacts"),
                (f"{label} nach Änderung aller Apps", path, "all"),
            ]
    print(
        f"\n{CONNECTIONS} Verbindungen, je {SECONDS:g} s; Hello world {hello:.0f}/s, "
        f"statische Datei {static:.0f}/s\n"
    )
    print("„nach Änderung“: vor jeder Anfrage wird ein Hinweis gespeichert (App pages).\n")
    print(
        f"{'Seite':36} {'Anfr./s':>8} {'p99 ms':>8} {'× Hello':>8} {'× statisch':>10} {'Fehler':>6}"
    )
    for label, path, edit in rows:
        rate, p99, failures = measure(port, path, edit=edit)
        print(
            f"{label:36} {rate:8.0f} {p99:8.1f} {rate / hello:8.2f} {rate / static:10.2f} "
            f"{failures:6d}"
        )
    # The download is compared with the static file measured alternately with it, so that a
    # change in the machine's speed during the run affects both alike; the better of two each.
    pairs = [(measure(port, extra["static"]), measure(port, extra["pdf"])) for _ in range(2)]
    static_now = max(pairs, key=lambda pair: pair[0][0])[0]
    rate, p99, failures = max(pairs, key=lambda pair: pair[1][0])[1]
    print(
        f"{'PDF-Download':36} {rate:8.0f} {p99:8.1f} {rate / hello:8.2f} "
        f"{rate / static_now[0]:10.2f} {failures:6d}"
    )
    print(
        f"(abwechselnd mit der statischen Datei gemessen: {static_now[0]:.0f}/s; "
        "„× statisch“ bezieht sich beim Download darauf)"
    )


if __name__ == "__main__":
    main()
