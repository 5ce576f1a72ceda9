"""The start page under sustained load through the shipped nginx: no error, memory reported.

`make soak` runs this. Like `make scale-check` it starts, on loopback ports, one gunicorn
instance with the production settings and gunicorn.conf.py (a scratch PostgreSQL database,
Redis, media on the local disk) and nginx with deploy/nginx.conf in front, and loads the
demo. Then it holds SOAK_CONNECTIONS (64) keep-alive connections at /de/ through nginx for
SOAK_SECONDS (60), from two client processes, and prints every ten seconds the requests per
second, the errors, p50 and p99, and the resident memory of each gunicorn worker.

It fails when a request gets anything but a 200 or its connection breaks; the speed and the
memory are a report, never a reason to fail. Workers are replaced after gunicorn's
`max_requests` as in production; the report counts the replacements.

Environment (all optional): SOAK_CONNECTIONS, SOAK_SECONDS, SOAK_KEEP_WORKERS=1 (gunicorn
never replaces a worker, so a leak would show), SCALE_DATABASE_ADMIN_URL,
SOAK_DATABASE_NAME (kfi_soak), SOAK_REDIS_URL (redis://127.0.0.1:6379/13).
"""

import http.client
import os
import sys
import threading
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ.setdefault("SCALE_DATABASE_NAME", os.environ.get("SOAK_DATABASE_NAME", "kfi_soak"))
os.environ.setdefault(
    "SCALE_REDIS_URL", os.environ.get("SOAK_REDIS_URL", "redis://127.0.0.1:6379/13")
)

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale_check as sc  # noqa: E402 - reads the names above when imported

CONNECTIONS = int(os.environ.get("SOAK_CONNECTIONS", "64"))
SECONDS = float(os.environ.get("SOAK_SECONDS", "60"))
# SOAK_KEEP_WORKERS=1: workers are never replaced, so their memory shows any growth.
KEEP_WORKERS = os.environ.get("SOAK_KEEP_WORKERS") == "1"
CLIENT_PROCESSES = 2
INTERVAL = 10
PATH = "/de/"


def _connection_loop(port, deadline, results, errors):
    connection = None
    while time.monotonic() < deadline:
        if connection is None:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        started = time.monotonic()
        try:
            connection.request("GET", PATH)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as error:
            errors.append((started, type(error).__name__))
            connection.close()
            connection = None
            continue
        results.append((started, time.monotonic() - started))
        if response.status != 200:
            errors.append((started, f"HTTP {response.status}"))
        if response.will_close:
            connection.close()
            connection = None
    if connection is not None:
        connection.close()


def _client(port, threads, start_at, seconds):
    """One client process: `threads` connections until the deadline; (times, errors)."""
    while time.time() < start_at:
        time.sleep(0.005)
    deadline = time.monotonic() + seconds
    offset = time.time() - time.monotonic()
    results, errors = [], []
    workers = [
        threading.Thread(target=_connection_loop, args=(port, deadline, results, errors))
        for _ in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    # Wall-clock times, so that both processes' requests fall into the same intervals.
    return (
        [(started + offset, took) for started, took in results],
        [(started + offset, what) for started, what in errors],
    )


def _workers(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def _rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else 0.0


def soak(tmp, processes):
    nginx = sc.find_nginx()
    python = sys.executable
    port_app, port_nginx = sc.free_port(), sc.free_port()
    static_root, media_root = tmp / "static", tmp / "media"
    media_root.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "integration_site.settings.prod",
        "SECRET_KEY": "soak-only-" + uuid.uuid4().hex + uuid.uuid4().hex,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": sc.fresh_database(),
        "REDIS_URL": sc.REDIS_URL,
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(media_root),
        "LOG_LEVEL": "WARNING",
        "GUNICORN_BIND": f"127.0.0.1:{port_app}",
    }
    sc.empty_redis()
    sc.run([python, "manage.py", "collectstatic", "--noinput", "-v0"], env, "collectstatic")
    sc.run([python, "manage.py", "migrate", "--noinput", "-v0"], env, "migrate (PostgreSQL)")
    sc.run([python, "manage.py", "load_demo", "-v0"], env, "load the demo")
    command = [python, "-m", "gunicorn", "-c", "gunicorn.conf.py", "integration_site.wsgi"]
    if KEEP_WORKERS:
        # Without replacement a leak would show as growth; production replaces them.
        command += ["--max-requests", "0"]
    master = processes.start("gunicorn", command, env=env)
    tmp.chmod(0o755)
    config = sc.render_nginx(
        tmp,
        port=port_nginx,
        app_ports=(port_app,),
        static_root=static_root,
        media_root=media_root,
        s3_endpoint="http://127.0.0.1:9",
    )
    (tmp / "nginx-temp").mkdir()
    processes.start("nginx", [nginx, "-p", str(tmp), "-c", str(config), "-g", "daemon off;"])
    sc.wait_for(port_nginx, PATH, processes=processes)
    for _ in range(20):
        sc.fetch(port_nginx, PATH)

    first_workers = set(_workers(master.pid))
    seen_workers = set(first_workers)
    sc.say(
        f"{CONNECTIONS} connections at {PATH} through nginx for {SECONDS:.0f} s; "
        f"{len(first_workers)} gunicorn workers"
    )
    memory = []
    start_at = time.time() + 1
    with ProcessPoolExecutor(CLIENT_PROCESSES) as pool:
        futures = [
            pool.submit(_client, port_nginx, CONNECTIONS // CLIENT_PROCESSES, start_at, SECONDS)
            for _ in range(CLIENT_PROCESSES)
        ]
        while time.time() < start_at + SECONDS + 0.5:
            pids = _workers(master.pid)
            seen_workers.update(pids)
            sizes = [size for size in (_rss_mb(pid) for pid in pids) if size is not None]
            memory.append((time.time() - start_at, sizes))
            time.sleep(1)
        outcomes = [future.result() for future in futures]
    times = [entry for result, _errors in outcomes for entry in result]
    errors = [entry for _result, errors in outcomes for entry in errors]

    print(f"{'seconds':>9} {'req/s':>7} {'errors':>6} {'p50 ms':>7} {'p99 ms':>7}  worker RSS MB")
    for start in range(0, int(SECONDS), INTERVAL):
        window = [took for moment, took in times if start <= moment - start_at < start + INTERVAL]
        failed = sum(1 for moment, _what in errors if start <= moment - start_at < start + INTERVAL)
        sizes = next((s for at, s in memory if at >= start + INTERVAL - 1), memory[-1][1])
        print(
            f"{start:>3}–{start + INTERVAL:<3}s {len(window) / INTERVAL:>7.0f} {failed:>6} "
            f"{_percentile(window, 0.5) * 1000:>7.1f} {_percentile(window, 0.99) * 1000:>7.1f}  "
            + " ".join(f"{size:.0f}" for size in sorted(sizes))
        )
    all_sizes = [size for _at, sizes in memory for size in sizes]
    sc.say(
        f"{len(times):,} requests, {len(errors)} errors; worker RSS {min(all_sizes):.0f}–"
        f"{max(all_sizes):.0f} MB; {len(seen_workers - first_workers)} workers replaced "
        + ("(never, SOAK_KEEP_WORKERS)" if KEEP_WORKERS else "after max_requests")
    )
    kinds = sorted({what for _moment, what in errors})
    sc.require(not errors, f"{len(errors)} requests failed: {', '.join(kinds)}")
    processes.check_alive()


def main():
    import shutil
    import tempfile
    import traceback

    tmp = Path(tempfile.mkdtemp(prefix="kfi-soak-"))
    (tmp / "logs").mkdir()
    processes = sc.Processes(tmp / "logs")
    failed = None
    try:
        soak(tmp, processes)
    except sc.CheckFailed as error:
        failed = error
    except Exception as error:  # noqa: BLE001 - reported with its traceback, then cleaned up
        traceback.print_exc()
        failed = error
    finally:
        if failed:
            processes.tail()
        processes.stop_all()
        shutil.rmtree(tmp, ignore_errors=True)
        try:
            sc.drop_database()
        except Exception as error:  # noqa: BLE001 - clean-up reports, never masks
            print(f"could not drop {sc.DATABASE_NAME}: {error}", file=sys.stderr)
    if failed:
        print(f"soak FAILED: {failed}", file=sys.stderr)
        return 1
    sc.say("soak passed: no request failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
