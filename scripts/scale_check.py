"""Two instances behind nginx: a change saved on one is served by the other on the next request.

`make scale-check` runs this. It starts, on loopback ports, moto's S3 server, two gunicorn
instances with the production settings sharing PostgreSQL (a scratch database), Redis and
the bucket, and nginx with deploy/nginx.conf in front. Then it
  1. warms the start page on both instances, directly and through nginx,
  2. logs in to instance A's admin as the demo editor and saves a new start-page heading,
  3. requires the new heading from instance B on the very next request (and through nginx),
  4. has instance B serve a document's download twice (the second from what B learnt), then
     uploads a new version of it through instance A's admin,
  5. requires B to hand the new version to nginx on the next request (X-Accel-Redirect to
     the bucket), and downloads it through nginx, whole and as a range,
  6. fetches a static file that nginx serves itself,
  7. holds five slowly-sending clients (a header byte per second) and five slow uploads
     open, first against instance A directly, then through nginx: behind nginx every
     visitor's request is answered in under a second, while A's sync workers are stuck,
  8. stops both instances: nginx answers 503 with the site's own page in the reader's
     language (from the address) and its request id, and still serves the static files.
It exits non-zero on the first failure and always stops every process it started.

Environment (all optional): SCALE_DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/
postgres), SCALE_DATABASE_NAME (kfi_scale), SCALE_REDIS_URL (redis://127.0.0.1:6379/14).
"""

import contextlib
import html.parser
import http.client
import http.cookies
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATABASE_ADMIN_URL = os.environ.get(
    "SCALE_DATABASE_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
DATABASE_NAME = os.environ.get("SCALE_DATABASE_NAME", "kfi_scale")
REDIS_URL = os.environ.get("SCALE_REDIS_URL", "redis://127.0.0.1:6379/14")
EDITOR = "redaktion"
EDITOR_PASSWORD = "scale-check-redaktion-" + uuid.uuid4().hex[:8]
BUCKET = "kfi-scale-media"
STARTED = time.monotonic()


class CheckFailed(Exception):
    pass


def say(message):
    print(f"[{time.monotonic() - STARTED:5.1f} s] {message}", flush=True)


def require(condition, message):
    if not condition:
        raise CheckFailed(message)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- processes ---------------------------------------------------------------------------


class Processes:
    """Everything started here, stopped in reverse order whatever happens."""

    def __init__(self, logs):
        self.logs = logs
        self.running = []

    def start(self, name, command, env=None):
        log = open(self.logs / f"{name}.log", "wb")  # noqa: SIM115 - closed in stop_all
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.running.append((name, process, log))
        return process

    def stop(self, name):
        """Stop one process now (gunicorn's quick shutdown), as a crash or restart would."""
        for found, process, _log in self.running:
            if found == name and process.poll() is None:
                process.send_signal(signal.SIGINT)
                process.wait(timeout=10)

    def check_alive(self):
        for name, process, _log in self.running:
            require(process.poll() is None, f"{name} has exited (code {process.returncode})")

    def stop_all(self):
        for name, process, _log in reversed(self.running):
            if process.poll() is None:
                # SIGINT is gunicorn's quick shutdown (SIGTERM waits for its workers);
                # nginx stops at once on SIGTERM, moto on either.
                quick = signal.SIGINT if name.startswith("gunicorn") else signal.SIGTERM
                process.send_signal(quick)
        for _name, process, log in reversed(self.running):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()

    def tail(self, lines=15):
        for name, _process, _log in self.running:
            text = (self.logs / f"{name}.log").read_text(errors="replace").splitlines()
            if text:
                print(f"--- last lines of {name}.log", file=sys.stderr)
                print("\n".join(text[-lines:]), file=sys.stderr)


def run(command, env, what):
    say(what)
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        print(result.stdout[-3000:], result.stderr[-3000:], sep="\n", file=sys.stderr)
        raise CheckFailed(f"{what}: exit code {result.returncode}")


def wait_for(port, path="/", timeout=30, processes=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if processes:
            processes.check_alive()
        try:
            status, _headers, _body = fetch(port, path, timeout=2)
            if status < 500:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise CheckFailed(f"nothing answered on port {port} within {timeout} s")


# --- HTTP ----------------------------------------------------------------------------------


def fetch(port, path, *, method="GET", headers=None, body=None, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


class AdminSession:
    """A logged-in editor on one instance: cookies, CSRF token and the proxy's HTTPS header."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.origin = f"https://127.0.0.1:{port}"

    def request(self, path, *, method="GET", fields=None, files=None):
        headers = {"X-Forwarded-Proto": "https", "Host": f"127.0.0.1:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if method == "POST":
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
            content_type, body = multipart(fields or {}, files or {})
            headers["Content-Type"] = content_type
        status, response_headers, content = fetch(
            self.port, path, method=method, headers=headers, body=body
        )
        for header in response_headers.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        return status, response_headers, content

    def login(self, username, password):
        status, _headers, content = self.request("/admin/login/?next=/admin/")
        require(status == 200, f"admin login page: {status}")
        token = form_values(content.decode(), "login-form")["csrfmiddlewaretoken"]
        status, headers, _content = self.request(
            "/admin/login/?next=/admin/",
            method="POST",
            fields={
                "csrfmiddlewaretoken": token,
                "username": username,
                "password": password,
                "next": "/admin/",
            },
        )
        require(status == 302 and "sessionid" in self.cookies, f"login failed ({status})")

    def save_change_form(self, path, form_id, changes, files=None):
        status, _headers, content = self.request(path)
        require(status == 200, f"{path}: {status}")
        fields = form_values(content.decode(), form_id)
        fields.update(changes)
        status, headers, content = self.request(path, method="POST", fields=fields, files=files)
        if status != 302:
            errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.{0,300})', content.decode())
            raise CheckFailed(f"saving {path} answered {status}: {errors[:5]}")
        return headers


class _FormParser(html.parser.HTMLParser):
    """The values a browser would send for one form, without pressing a submit button."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.values = form_id, False, []
        self._textarea = self._select = None
        self._option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.values.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = {"name": name, "chosen": [], "first": None}
        elif tag == "option" and self._select is not None:
            self._option = attrs.get("value")
            if self._select["first"] is None:
                self._select["first"] = self._option
            if "selected" in attrs:
                self._select["chosen"].append(self._option)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            # A browser drops the one newline that follows <textarea>.
            name, text = self._textarea
            self.values.append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            select = self._select
            chosen = select["chosen"]
            if not chosen and select["first"] is not None:
                chosen = [select["first"]]
            self.values.extend((select["name"], value or "") for value in chosen)
            self._select = None


def form_values(page, form_id):
    parser = _FormParser(form_id)
    parser.feed(page)
    values = {}
    for name, value in parser.values:
        values.setdefault(name, []).append(value)
    require(values, f"no form #{form_id} on the page")
    return {name: items if len(items) > 1 else items[0] for name, items in values.items()}


def multipart(fields, files):
    boundary = "kfi-scale-" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                + str(item).encode()
                + b"\r\n"
            )
    for name, (filename, data, content_type) in files.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
            ).encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return f"multipart/form-data; boundary={boundary}", b"".join(parts)


@contextlib.contextmanager
def slow_clients(port, count):
    """`count` clients sending a request header, `count` an upload body, a byte a second."""
    stop = threading.Event()
    header = f"GET /de/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUser-Agent: slow\r\n\r\n".encode()
    upload = (
        f"POST /admin/login/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
    ).encode()

    def drip(sock, head, rest):
        try:
            sock.sendall(head)
            for byte in rest:
                if stop.wait(1):
                    return
                sock.sendall(bytes([byte]))
        except OSError:
            pass  # the server hung up on a client this slow: that is allowed

    sockets, threads = [], []
    for n in range(2 * count):
        sock = socket.create_connection(("127.0.0.1", port))
        sockets.append(sock)
        # Slow headers send their first byte at once; slow uploads their whole header.
        head, rest = (header[:1], header[1:]) if n < count else (upload, b"u" * 1000)
        threads.append(threading.Thread(target=drip, args=(sock, head, rest), daemon=True))
    for thread in threads:
        thread.start()
    try:
        time.sleep(1.5)  # every slow client is connected and has started to send
        yield
    finally:
        stop.set()
        for sock in sockets:
            sock.close()
        for thread in threads:
            thread.join(timeout=5)


def visitor_times(port, requests=5, timeout=3):
    """Seconds each of a few start-page requests took; `timeout` for one that got no answer."""
    times = []
    for _ in range(requests):
        start = time.monotonic()
        try:
            status, _headers, _body = fetch(port, "/de/", timeout=timeout)
            require(status == 200, f"/de/ on port {port}: {status}")
        except TimeoutError:
            pass
        times.append(time.monotonic() - start)
    return times


# --- set-up ------------------------------------------------------------------------------


def fresh_database():
    import psycopg

    with psycopg.connect(DATABASE_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE_NAME}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return DATABASE_ADMIN_URL.rsplit("/", 1)[0] + "/" + DATABASE_NAME


def drop_database():
    import psycopg

    with psycopg.connect(DATABASE_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE_NAME}" WITH (FORCE)')


def empty_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def create_bucket(endpoint):
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="eu-central-1",
        aws_access_key_id="scale-check",
        aws_secret_access_key="scale-check-secret",
    )
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
    )


def render_nginx(tmp, *, port, app_ports, static_root, media_root, s3_endpoint):
    """deploy/nginx.conf with loopback values, inside a minimal main configuration."""
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    values = {
        "APP_SERVERS": " ".join(f"server 127.0.0.1:{p};" for p in app_ports),
        "LISTEN": f"127.0.0.1:{port}",
        "SERVER_NAME": "127.0.0.1",
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(media_root),
        "S3_ENDPOINT": s3_endpoint,
    }
    for key, value in values.items():
        site = site.replace("{{" + key + "}}", value)
    require("{{" not in site, "deploy/nginx.conf has a placeholder the check does not fill")
    (tmp / "site.conf").write_text(site)
    temp = tmp / "nginx-temp"
    (tmp / "nginx.conf").write_text(
        f"""
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/logs/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    types {{
        text/html html; text/css css; application/javascript js; application/json json;
        image/png png; image/jpeg jpg; image/svg+xml svg; image/webp webp;
        font/woff2 woff2; application/pdf pdf; text/plain txt;
    }}
    default_type application/octet-stream;
    access_log {tmp}/logs/nginx-access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {tmp}/site.conf;
}}
"""
    )
    return tmp / "nginx.conf"


def find_nginx():
    found = shutil.which("nginx") or shutil.which(
        "nginx", path=os.pathsep.join(["/usr/sbin", "/usr/local/sbin"])
    )
    require(found, "nginx is not installed (make scale-check installs Debian's package)")
    return found


# --- the check -----------------------------------------------------------------------------


def check(tmp, processes):
    nginx = find_nginx()
    python = sys.executable
    s3_port, port_a, port_b, port_nginx = (free_port() for _ in range(4))
    s3_endpoint = f"http://127.0.0.1:{s3_port}"
    static_root, media_root = tmp / "static", tmp / "media"
    media_root.mkdir()

    say(f"moto S3 on {s3_port}, instances A {port_a} and B {port_b}, nginx on {port_nginx}")
    processes.start("moto", [python, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(s3_port)])
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "integration_site.settings.prod",
        "SECRET_KEY": "scale-check-only-" + uuid.uuid4().hex + uuid.uuid4().hex,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # nginx here speaks plain HTTP on loopback; in production it terminates TLS.
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": fresh_database(),
        "REDIS_URL": REDIS_URL,
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(media_root),
        "MEDIA_S3_BUCKET": BUCKET,
        "MEDIA_S3_ENDPOINT_URL": s3_endpoint,
        "MEDIA_S3_REGION": "eu-central-1",
        "MEDIA_S3_ACCESS_KEY_ID": "scale-check",
        "MEDIA_S3_SECRET_ACCESS_KEY": "scale-check-secret",
        "MEDIA_S3_ADDRESSING_STYLE": "path",
        "DOWNLOAD_OFFLOAD": "nginx",
        "GUNICORN_WORKERS": "2",
        # B must learn of A's changes from Redis's announcements (core.statewatch), not from
        # its copy of the state growing old while the upload takes its seconds.
        "PAGE_CACHE_TRUST_SECONDS": "600",
        "LOG_LEVEL": "WARNING",
    }
    empty_redis()
    collect = subprocess.Popen(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    run([python, "manage.py", "migrate", "--noinput", "-v0"], env, "migrate (PostgreSQL)")
    wait_for(s3_port, processes=processes)
    create_bucket(s3_endpoint)
    run(
        [python, "manage.py", "load_demo", "--editor-password", EDITOR_PASSWORD, "-v0"],
        env,
        "load the demo (files into the bucket)",
    )
    _out, errors = collect.communicate()
    require(collect.returncode == 0, f"collectstatic failed: {errors[-2000:]!r}")

    for name, port in (("A", port_a), ("B", port_b)):
        processes.start(
            f"gunicorn-{name}",
            [python, "-m", "gunicorn", "-c", "gunicorn.conf.py", "integration_site.wsgi"],
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        )
    # nginx's workers (user nobody when started as root) read the static files.
    tmp.chmod(0o755)
    config = render_nginx(
        tmp,
        port=port_nginx,
        app_ports=(port_a, port_b),
        static_root=static_root,
        media_root=media_root,
        s3_endpoint=s3_endpoint,
    )
    (tmp / "nginx-temp").mkdir()
    processes.start("nginx", [nginx, "-p", str(tmp), "-c", str(config), "-g", "daemon off;"])
    for port in (port_a, port_b, port_nginx):
        wait_for(port, "/de/", processes=processes)

    say("1. warm the start page on A, B and through nginx")
    for port in (port_a, port_b, port_nginx, port_a, port_b, port_nginx):
        status, _headers, _body = fetch(port, "/de/")
        require(status == 200, f"/de/ on port {port}: {status}")

    say("2. log in to A's admin as the demo editor and save a new start-page heading")
    admin = AdminSession(port_a)
    admin.login(EDITOR, EDITOR_PASSWORD)
    home_pk = single_value(env, "SELECT id FROM integration_site_page WHERE key = 'start'")
    heading = f"Willkommen – Probe {uuid.uuid4().hex[:8]}"
    admin.save_change_form(
        f"/admin/pages/page/{home_pk}/change/", "page_form", {"title_de": heading}
    )

    say("3. B serves the new heading on the very next request")
    status, _headers, body = fetch(port_b, "/de/")
    require(status == 200 and heading in body.decode(), "instance B still shows the old page")
    status, _headers, body = fetch(port_nginx, "/de/")
    require(status == 200 and heading in body.decode(), "nginx still shows the old page")

    say("4. B knows a download; upload a new version of it through A's admin")
    document_pk, slug = single_row(
        env,
        "SELECT id, slug FROM documents_document WHERE is_published "
        "AND current_version_id IS NOT NULL ORDER BY id LIMIT 1",
    )
    url = f"/de/dokumente/{slug}/download/"
    # B's workers answer later requests from what they learnt at the first
    # (documents.fastpath); the address they hand over is signed afresh each time.
    known = {(fetch(port_b, url)[1]["X-Accel-Redirect"] or "?").split("?")[0] for _ in range(4)}
    require(len(known) == 1 and "" not in known, f"B's download before the upload: {known}")
    (old_file,) = known
    from demo.files import make_pdf

    data = make_pdf(heading, [("Skalierung", [f"Fassung aus der Probe {heading}"])])
    admin.save_change_form(
        f"/admin/documents/document/{document_pk}/change/",
        "document_form",
        # The demo document is from an earlier year: the editor confirms title and year fit.
        {"upload_language": "de", "confirm_title_year": "on"},
        files={"upload": ("probe.pdf", data, "application/pdf")},
    )

    say("5. B hands over the new version at once; through nginx whole and as a range")
    status, headers, body = fetch(port_b, url)
    require(status == 200 and headers["X-Accel-Redirect"], "B does not hand the file to nginx")
    require(headers["X-Accel-Redirect"].split("?")[0] != old_file, "B hands over the old file")
    require(body == b"", "B sent the bytes itself")
    status, headers, body = fetch(port_nginx, url)
    require(status == 200, f"download through nginx: {status}")
    require(body == data, "nginx sent other bytes than the uploaded version")
    require("X-Accel-Redirect" not in headers, "the internal address leaked")
    disposition = headers.get("Content-Disposition", "")
    require(disposition.startswith("inline; filename="), f"Content-Disposition {disposition!r}")
    require(headers.get("Content-Type") == "application/pdf", "wrong Content-Type")
    etag = headers.get("ETag")
    status, headers, body = fetch(port_nginx, url, headers={"Range": "bytes=0-3"})
    require(status == 206 and body == b"%PDF", f"range request: {status} {body[:8]!r}")
    if etag:
        status, _headers, body = fetch(port_nginx, url, headers={"If-None-Match": etag})
        require(status == 304 and not body, f"revalidation: {status}")

    say("6. a static file comes from nginx itself; the internal locations stay internal")
    status, _headers, body = fetch(port_nginx, "/de/")
    stylesheet = re.search(rb'href="(/static/[^"]+\.css)"', body)
    require(stylesheet, "no stylesheet on the start page")
    status, headers, _body = fetch(port_nginx, stylesheet.group(1).decode())
    require(status == 200, f"stylesheet: {status}")
    require(
        "immutable" in " ".join(headers.get_all("Cache-Control") or []),
        f"{stylesheet.group(1).decode()} not served by nginx: {dict(headers)}",
    )
    for internal in ("/_media/documents/", f"/_s3/{BUCKET}/"):
        status, _headers, _body = fetch(port_nginx, internal)
        require(status == 404, f"{internal} is reachable from outside ({status})")

    say("7. slow clients: straight at A's two sync workers, then through nginx")
    with slow_clients(port_a, 5):
        direct = visitor_times(port_a, requests=1)
    waited = "no answer within 3 s" if direct[0] >= 3 else f"answered in {direct[0]:.2f} s"
    say(f"   A alone, 5 slow headers and 5 slow uploads open: a visitor got {waited}")
    with slow_clients(port_nginx, 5):
        behind = visitor_times(port_nginx)
    say("   through nginx, the same slow clients open: " + ", ".join(f"{t:.2f}" for t in behind))
    require(max(behind) < 1, f"a visitor waited {max(behind):.1f} s behind nginx")
    processes.check_alive()

    say("8. neither instance answers: nginx shows the site's page in the reader's language")
    processes.stop("gunicorn-A")
    processes.stop("gunicorn-B")
    for path, method, language in (
        ("/ar/ansprechpersonen/", "GET", "ar"),
        ("/de/", "GET", "de"),
        ("/admin/", "GET", "de"),
        ("/uk/suche/", "POST", "uk"),
    ):
        status, headers, body = fetch(port_nginx, path, method=method)
        page = body.decode()
        require(status == 503, f"{method} {path} with no instance: {status}")
        require(f'<html lang="{language}"' in page, f"{path}: not the {language} page")
        require(headers.get("Retry-After") == "30", f"{path}: no Retry-After")
        request_id = re.search(r'<code dir="ltr">([0-9a-f]{32})</code>', page)
        require(request_id and "<!--#" not in page, f"{path}: no request id filled in")
    require('dir="rtl"' in fetch(port_nginx, "/fa/")[2].decode(), "the Farsi page is not rtl")
    status, _headers, _body = fetch(port_nginx, stylesheet.group(1).decode())
    require(status == 200, f"static files while no instance answers: {status}")


def single_row(env, sql):
    import psycopg

    with psycopg.connect(env["DATABASE_URL"]) as connection:
        row = connection.execute(sql).fetchone()
    require(row, f"no row for {sql}")
    return row


def single_value(env, sql):
    return single_row(env, sql)[0]


def main():
    tmp = Path(tempfile.mkdtemp(prefix="kfi-scale-"))
    (tmp / "logs").mkdir()
    processes = Processes(tmp / "logs")
    failed = None
    try:
        check(tmp, processes)
    except CheckFailed as error:
        failed = error
    except Exception as error:  # noqa: BLE001 - reported with its traceback, then cleaned up
        traceback.print_exc()
        failed = error
    except KeyboardInterrupt:
        failed = "interrupted"
    finally:
        if failed:
            processes.tail()
        processes.stop_all()
        say("stopped every process the check started")
        if os.environ.get("SCALE_KEEP"):
            print(f"kept {tmp} and database {DATABASE_NAME}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
            try:
                drop_database()
            except Exception as error:  # noqa: BLE001 - clean-up reports, never masks
                print(f"could not drop {DATABASE_NAME}: {error}", file=sys.stderr)
    if failed:
        print(f"scale-check FAILED: {failed}", file=sys.stderr)
        return 1
    say("scale-check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
