# Two commands do everything on a fresh Debian machine with python3 and make:
#   make run   – set up, load the demo content and serve the site on http://127.0.0.1:8000/
#   make test  – set up and run the whole test suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_PASSWORD ?= kfi-demo-redaktion
# Debian packages the project needs; installed when missing (as root, or through sudo).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run serve test setup system-packages browser nginx messages catalogues lint format check-deploy \
	bench scale-check soak clean

run: setup
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --editor-password "$(DEMO_PASSWORD)"
	@echo ""
	@echo "  Die Website läuft unter  http://$(HOST):$(PORT)/"
	@echo "  Redaktion (Admin):       http://$(HOST):$(PORT)/admin/"
	@echo "  Demo-Zugang:             Benutzer „redaktion“, Passwort „$(DEMO_PASSWORD)“"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

# The site as it runs in production: gunicorn with the production settings, on this machine
# (SQLite under var/ unless DATABASE_URL is set; a throw-away key unless SECRET_KEY is set).
serve: setup
	@mkdir -p var
	@export DJANGO_SETTINGS_MODULE=integration_site.settings.prod \
		SECRET_KEY="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
		ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
		SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}"; \
	$(PY) manage.py migrate --noinput -v0 && \
	$(PY) manage.py load_demo -v0 && \
	$(PY) manage.py collectstatic --noinput -v0 && \
	echo "  Die Website läuft unter gunicorn:  http://$(HOST):$(PORT)/" && \
	exec $(VENV)/bin/gunicorn -c gunicorn.conf.py --bind $(HOST):$(PORT) integration_site.wsgi

# Tests run in parallel, one worker per CPU (pytest-xdist); TEST_WORKERS=0 runs them in one.
TEST_WORKERS ?= auto
test: setup browser
	$(PY) -m pytest -n $(TEST_WORKERS)

setup: system-packages $(STAMP) messages

system-packages:
	@missing=""; \
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || missing="$$missing python3-venv"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
		echo "Installiere Debian-Pakete:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# The browser tests need Debian's chromium; without it they are skipped with a reason.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installiere chromium für die Browser-Tests …"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium || \
		echo "chromium ließ sich nicht installieren: Browser-Tests werden übersprungen."; }

# The production front (deploy/nginx.conf) for `make scale-check`: Debian's nginx.
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
		echo "Installiere nginx für make scale-check …"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx; }

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

# Compiled catalogues are build output, never committed.
messages: $(STAMP)
	$(PY) manage.py compilemessages --ignore=.venv -v0

# Refresh the catalogues from templates and code after changing interface strings.
catalogues: $(STAMP)
	$(PY) manage.py makemessages --all --no-obsolete --no-location --ignore=.venv --ignore=var

# Django templates: every .html file in a templates folder (demo/content holds data, not templates).
TEMPLATES = $$(find . -path '*/templates/*' -name '*.html' -not -path './.venv/*' | sort)

# Checks only; `make format` rewrites the files.
lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/djhtml --tabwidth 2 --check $(TEMPLATES)
	$(VENV)/bin/djlint --lint $(TEMPLATES)

format: $(STAMP)
	$(PY) -m ruff check --fix --select I .
	$(PY) -m ruff format .
	$(VENV)/bin/djhtml --tabwidth 2 $(TEMPLATES)

check-deploy: $(STAMP)
	DJANGO_SETTINGS_MODULE=integration_site.settings.prod \
	SECRET_KEY=check-deploy-only-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH \
	ALLOWED_HOSTS=integration.example.org \
	$(PY) manage.py check --deploy --fail-level WARNING

bench: setup
	$(PY) scripts/benchmark.py

# nginx in front of two gunicorn instances on PostgreSQL, Redis and an S3 server (moto), all on
# loopback: a change saved on one instance is served by the other (scripts/scale_check.py).
scale-check: setup nginx
	$(PY) scripts/scale_check.py

# One instance behind nginx, 64 connections at the start page for 60 s: errors and memory.
soak: setup nginx
	$(PY) scripts/soak.py

clean:
	rm -rf $(VENV) var
