"""A page cache for anonymous readers that is never stale, and HTTP headers for caches in front.

Every key holds a *generation*: a number in the shared cache that every write to a table of
the content apps raises (`bump`), whatever wrote it: a save or delete in the admin, an import,
a restore, a queryset `update()` or `bulk_create()` that sends no signal. The database
connection reports each statement (`watch_writes`), so no code path can forget it. All
instances read the generation on each request, so after an edit every instance misses and
renders the new content on the very next request. A hash of the code, templates, catalogues
and static manifest is part of every key too, so a deploy never serves pages of the old code.

Scheduled publication needs no save: an item appears or disappears when its
`visible_from`/`visible_until` (or a planned status) passes. The next such moment across all
content is computed once per generation and kept beside it; it is part of every key, so
once it has passed the next request computes the following one and misses. The local date is
part of the key too, for what counts days (deadlines).

Each content app has a generation of its own too, raised with the common one by writes to
its tables. Parts of a page that show one app's content (the header's menu, the start page's
contact card) are kept as *fragments* under their apps' generations (`fragment_key`, used by
`{% fragment %}`): after an edit of a notice, the next start page is rendered around the
unchanged contact card instead of from nothing.

Only anonymous GET/HEAD requests are cached, and only responses that are 200, set no cookie,
do not vary on Cookie and are not private. Those responses are the only ones compressed
(gzip, or brotli when asked): nothing secret is in them (BREACH).
"""

import contextlib
import datetime
import functools
import gzip
import hashlib
import logging
import os
import re
import time
from pathlib import Path

import brotli
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, connection, connections, models, transaction
from django.db.backends.signals import connection_created
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags

from core import statewatch

logger = logging.getLogger(__name__)
# The apps whose models readers see; any change to one of their rows invalidates every page.
CONTENT_APPS = ("pages", "contacts", "documents", "microprojects", "translations")
GENERATION_KEY = "pagecache:generation"
APP_GENERATION_KEYS = {app: f"{GENERATION_KEY}:{app}" for app in CONTENT_APPS}
BOUNDARY_KEY = "pagecache:boundary"
PREFIX = "pagecache:page"
FRAGMENT_PREFIX = "pagecache:fragment"
# The health check must not wait for the database in the page cache, nor be answered by it.
NEVER_CACHED_PREFIXES = ("/admin/", "/healthz")
COMPRESSIBLE = ("text/", "application/xml", "application/rss+xml", "application/atom+xml")
MIN_COMPRESS_BYTES = 200


def _settings(name, default):
    return getattr(settings, name, default)


# --- The generation -------------------------------------------------------------------------


def generation():
    """The current generation; started from the clock, so a lost key never reuses an old one."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def bump(app=None, **_ignored):
    """Every page cached so far is out of date: raise the generation (now and after commit).

    `app` is the content app whose table was written; its fragments are out of date too.
    Without it (a signal, a script), the fragments of every app are.
    """
    changed = (app,) if app in APP_GENERATION_KEYS else CONTENT_APPS
    _bump_now(changed)
    # A reader between the write and the commit may have cached the old rows under the new
    # generation; raising it again once the rows are visible to everyone removes that.
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        for name in changed:
            after = _AFTER_COMMIT[name]
            if not any(func is after for _sids, func, _robust in connection.run_on_commit):
                transaction.on_commit(after)


def _bump_now(changed=CONTENT_APPS):
    keys = (GENERATION_KEY, *(APP_GENERATION_KEYS[name] for name in changed))
    try:
        # With Redis: every key raised and the change announced in one round trip.
        if statewatch.raise_and_announce(keys, start=time.time_ns() // 1000):
            return
        for key in keys:
            try:
                cache.incr(key)
            except ValueError:
                cache.add(key, time.time_ns() // 1000, timeout=None)
    except Exception:
        # An unreachable cache must not fail the editor's save; it serves no pages either.
        logger.exception("Seiten-Cache: Generation ließ sich nicht erhöhen")


# One callable per app, so a transaction raises each app's generation once after commit.
_AFTER_COMMIT = {name: functools.partial(_bump_now, (name,)) for name in CONTENT_APPS}


# --- Writes to content tables ---------------------------------------------------------------

WRITE = re.compile(
    r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+"?(\w+)"?',
    re.IGNORECASE,
)


TABLE_NAME = re.compile(r'"?(\w+)"?')


@functools.cache
def content_tables():
    """{table: app} of the content apps, with the link tables of their many-to-many fields."""
    return {
        model._meta.db_table: app_label
        for app_label in CONTENT_APPS
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True)
    }


def _watch(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if sql[:1] not in "sS":  # most statements read: one character tells them apart
        found = WRITE.match(sql)
        if found and found.group(1) in content_tables():
            bump(app=content_tables()[found.group(1)])
        elif (
            # PostgreSQL empties many tables in one statement (`manage.py flush`).
            found
            and sql.lstrip()[:8].upper() == "TRUNCATE"
            and content_tables().keys() & set(TABLE_NAME.findall(sql))
        ):
            bump()
    return result


def watch_writes(connection, **_kwargs):
    if _watch not in connection.execute_wrappers:
        # First, where a wrapper a request has added (and will remove again) cannot hide it.
        connection.execute_wrappers.insert(0, _watch)


def connect_signals():
    connection_created.connect(watch_writes, dispatch_uid="pagecache-watch-writes")
    for opened in connections.all(initialized_only=True):
        watch_writes(opened)


SKIPPED_DIRECTORIES = {"var", "tests", "node_modules", "__pycache__", "media", "static"}


@functools.cache
def code_version():
    """A hash of what renders pages besides the database: code, templates, catalogues, assets."""
    digest = hashlib.sha256(getattr(settings, "PAGE_CACHE_RELEASE", "").encode())
    base = Path(settings.BASE_DIR)
    for directory, subdirectories, files in os.walk(base):
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if not name.startswith(".") and name not in SKIPPED_DIRECTORIES
        )
        for name in sorted(files):
            if name.endswith((".py", ".html", ".mo")):
                path = Path(directory, name)
                digest.update(path.relative_to(base).as_posix().encode() + path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:12]


# --- Scheduled changes ----------------------------------------------------------------------


def _scheduled_fields(model):
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateTimeField)
        and not (field.auto_now or field.auto_now_add)
        and not field.name.endswith(("_at", "_since"))
    ]


@functools.cache
def _boundary_sql(vendor):
    """One statement: the earliest future value of every scheduled column of the content.

    Plain SQL, built once per process: the ORM would compile a dozen subqueries per call.
    """
    quote = connection.ops.quote_name
    parts = [
        # Table and column names come from the models, quoted; the moment is a parameter.
        f"SELECT MIN({quote(field)}) AS moment FROM {quote(model._meta.db_table)} "  # noqa: S608
        f"WHERE {quote(field)} > %s"
        for app_label in CONTENT_APPS
        for model in apps.get_app_config(app_label).get_models()
        for field in (model._meta.get_field(name).column for name in _scheduled_fields(model))
    ]
    if not parts:
        return None, 0
    union = " UNION ALL ".join(parts)
    return f"SELECT MIN(moment) FROM ({union}) AS moments", len(parts)  # noqa: S608


def _fetch_prepared(sql, params):
    """The first row of a statement whose text never changes.

    On PostgreSQL it is prepared once per connection: planning a dozen index scans costs ten
    times running them (2.7 ms against 0.3 ms), and it runs after every edit. The statement
    still passes the connection's wrappers (the deadline) and the query log.
    """
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(sql, params)
            return cursor.fetchone()
        import psycopg

        def prepared(sql, params, _many, _context):
            with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as raw:
                raw.execute(sql, params, prepare=True)
                return raw.fetchone()

        logged = getattr(cursor, "debug_sql", None)  # while queries are recorded
        with logged(sql, params) if logged else contextlib.nullcontext():
            return cursor._execute_with_wrappers(sql, params, many=False, executor=prepared)


def next_boundary(*, at=None):
    """The next moment any content appears, disappears or changes its status by itself."""
    at = at or timezone.now()
    sql, count = _boundary_sql(connection.vendor)
    if sql is None:
        return None
    value = connection.ops.adapt_datetimefield_value(at)
    (moment,) = _fetch_prepared(sql, [value] * count)
    if isinstance(moment, str):  # SQLite returns the stored text
        moment = datetime.datetime.fromisoformat(moment)
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return moment


def _state(now):
    """(generation, next boundary as a timestamp or 0) in one round trip when nothing changed."""
    current, boundary, _apps = _full_state(now, apps=())
    return current, boundary


def _full_state(now, apps=CONTENT_APPS):
    """(generation, boundary, {app: its generation}) for `apps`: what a page or fragment uses."""
    app_keys = {name: APP_GENERATION_KEYS[name] for name in apps}
    found = cache.get_many([GENERATION_KEY, BOUNDARY_KEY, *app_keys.values()])
    current = found.get(GENERATION_KEY)
    if current is None:
        current = generation()
    app_generations = {}
    for name, key in app_keys.items():
        if found.get(key) is None:
            cache.add(key, time.time_ns() // 1000, timeout=None)
            found[key] = cache.get(key)
        app_generations[name] = found[key]
    stored = found.get(BOUNDARY_KEY)
    if stored and stored[0] == current and (not stored[1] or stored[1] > now.timestamp()):
        return current, stored[1], app_generations
    moment = next_boundary(at=now)
    boundary = moment.timestamp() if moment else 0
    cache.set(BOUNDARY_KEY, (current, boundary), timeout=None)
    return current, boundary, app_generations


# --- Fragments ------------------------------------------------------------------------------


def fragment_key(request, name, depends_on, *, per=""):
    """The cache key of the fragment `name` showing content of the apps `depends_on`, or None.

    None outside an anonymous read the page cache handles (an editor, a preview): there the
    fragment is rendered as always. `per` is what else it differs by, e.g. the path.
    """
    state = getattr(request, "page_cache_state", None)
    if state is None:
        return None
    _current, boundary, app_generations, now = state
    generations = ":".join(str(app_generations[app]) for app in depends_on)
    raw = "\n".join([name, translation.get_language() or "", per])
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    today = timezone.localdate(now).isoformat()
    return f"{FRAGMENT_PREFIX}:{code_version()}:{boundary}:{today}:{generations}:{digest}"


def fragment_timeout(request):
    _current, boundary, _apps, now = request.page_cache_state
    return PageCacheMiddleware.timeout(now, boundary)


# --- Requests and responses -----------------------------------------------------------------


def accepted_encoding(request):
    """'br', 'gzip' or '' for what the client accepts (q=0 refuses)."""
    accepted = {}
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, _sep, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip().replace(" ", "")
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        accepted[name.strip().lower()] = quality
    for encoding in ("br", "gzip"):
        if accepted.get(encoding, accepted.get("*", 0)) > 0:
            return encoding
    return ""


def _compress(body, encoding):
    if encoding == "br":
        return brotli.compress(body, quality=5)
    return gzip.compress(body, compresslevel=6, mtime=0)


def _bypass(request):
    """Requests the page cache never answers nor stores: not anonymous reading."""
    if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE_ENABLED:
        return True
    if request.path.startswith(NEVER_CACHED_PREFIXES) or _is_preview(request.path):
        return True
    if _is_application(request.path):
        return True
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def _is_application(path):
    """An online application's own pages: their secret token must not reach the shared cache,
    not even inside a fragment such as the language links."""
    parts = path.split("/")
    return len(parts) > 5 and parts[2:4] == ["mikroprojekte", "antrag"]


def _is_preview(path):
    parts = path.split("/")
    return len(parts) > 3 and parts[2] == "vorschau"


def _weak(etag):
    return etag.removeprefix("W/")


def _cacheable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Content-Encoding"):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if vary - {"accept-encoding"}:
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


class PageCacheMiddleware:
    """Serves anonymous pages from the shared cache; place it right after WhiteNoise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _bypass(request):
            response = self.get_response(request)
            if request.path.startswith(NEVER_CACHED_PREFIXES):
                patch_cache_control(response, private=True, no_store=True)
            return response
        now = timezone.now()
        encoding = accepted_encoding(request)
        try:
            current, boundary, app_generations = _full_state(now)
            key = self.key(request, current, boundary, encoding, now)
            entry = cache.get(key)
            # Fragments of the page, should it be rendered, are keyed by the same state.
            request.page_cache_state = (current, boundary, app_generations, now)
        except (DatabaseError, DisallowedHost):
            # A database that timed out would only time out again in the view: the 503 page now.
            # A forged Host header gets the 400 page and one log line, not a cache error too.
            raise
        except Exception:
            # Without the cache the page is rendered as if there were none.
            logger.exception("Seiten-Cache nicht erreichbar")
            key = entry = None
        if entry is None:
            response = self.get_response(request)
            if not _cacheable(response):
                return response
            entry = self.entry(response, encoding)
            if key is not None:
                try:
                    cache.set(key, entry, timeout=self.timeout(now, boundary))
                except Exception:
                    logger.exception("Seiten-Cache nicht erreichbar")
        return self.respond(request, entry)

    @staticmethod
    def key(request, current, boundary, encoding, now):
        today = timezone.localdate(now).isoformat()
        language = request.path.split("/", 2)[1] if request.path.count("/") > 1 else ""
        raw = "\n".join(
            [request.get_host(), request.path, request.META.get("QUERY_STRING", ""), language]
        )
        digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
        version = code_version()
        return f"{PREFIX}:{version}:{current}:{boundary}:{today}:{encoding or 'identity'}:{digest}"

    @staticmethod
    def timeout(now, boundary):
        timeout = _settings("PAGE_CACHE_SECONDS", 3600)
        if boundary:
            timeout = min(timeout, max(1, int(boundary - now.timestamp()) + 1))
        midnight = datetime.datetime.combine(
            timezone.localdate(now) + datetime.timedelta(days=1),
            datetime.time(),
            tzinfo=timezone.get_current_timezone(),
        )
        return min(timeout, max(1, int((midnight - now).total_seconds()) + 1))

    @staticmethod
    def entry(response, encoding):
        body = response.content
        etag = f'W/"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'
        headers = dict(response.items())
        content_type = headers.get("Content-Type", "")
        if encoding and content_type.startswith(COMPRESSIBLE) and len(body) >= MIN_COMPRESS_BYTES:
            body = _compress(body, encoding)
            headers["Content-Encoding"] = encoding
        headers.pop("Content-Length", None)
        headers["ETag"] = etag
        return (headers, body)

    @staticmethod
    def respond(request, entry):
        headers, body = entry
        wanted = {_weak(tag) for tag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))}
        if _weak(headers["ETag"]) in wanted or "*" in wanted:
            response = HttpResponseNotModified()
            for name in ("ETag", "Content-Language", "Vary"):
                if name in headers:
                    response[name] = headers[name]
        else:
            response = HttpResponse(body)
            for name, value in headers.items():
                response[name] = value
            response["Content-Length"] = str(len(body))
        patch_vary_headers(response, ("Accept-Encoding",))
        if "max-age" in headers.get("Cache-Control", ""):
            # The view knows better (an earlier version of a document never changes).
            return response
        max_age = _settings("PAGE_CACHE_MAX_AGE", 0)
        if max_age:
            patch_cache_control(
                response,
                public=True,
                max_age=max_age,
                stale_while_revalidate=_settings("PAGE_CACHE_STALE_WHILE_REVALIDATE", 300),
            )
        else:
            # Browsers and caches in front keep the page but ask each time; the ETag makes
            # that a 304. An editor's save is then visible on the very next request.
            patch_cache_control(response, public=True, no_cache=True)
        return response
