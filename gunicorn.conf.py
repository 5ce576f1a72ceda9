"""gunicorn settings; every value can be overridden with GUNICORN_* environment variables."""

import multiprocessing
import os

# Loopback: sync workers must only ever talk to the buffering proxy in front (deploy/nginx.conf).
# A slowly-sending client reaching gunicorn directly holds a worker for as long as it likes.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The usual rule of thumb for synchronous workers: two per core plus one.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
accesslog = "-"
errorlog = "-"
# Without the client address: the access log keeps no personal data (see Datenschutzerklärung).
# The request's id (core/request_id.py) ties the line to the application's log lines.
access_log_format = '"%(r)s" %(s)s %(b)s %(M)sms "%(a)s" request_id=%({x-request-id}o)s'
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
max_requests = 2000
max_requests_jitter = 200
# The longest request line gunicorn accepts (its maximum; the default of 4094 bytes refused
# a query with 1,001 parameters with a bare English page). Django then answers too many
# parameters (DATA_UPLOAD_MAX_NUMBER_FIELDS) with the site's own 400 page. nginx in front
# accepts request lines up to its large_client_header_buffers (8 kB).
limit_request_line = 8190
