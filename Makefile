# ILN Portal: two commands on a fresh machine.
#   make run   create .venv, install, migrate, compile messages, load demo content, serve
#   make test  install dev requirements, lint (ruff, import contracts), check, run the whole suite
#   make screenshots  full-page screenshots of the demo site into docs/screenshots/

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve-prod test install install-dev system-deps browser messages messages-update messages-check lint check pytest bench bench-load backup restore clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: system-deps $(VENV)/.installed
install-dev: system-deps $(VENV)/.installed-dev

# gettext for (make/compile)messages. Debian packages; root (or sudo) installs them.
system-deps:
	@command -v msgfmt >/dev/null || { echo "Installing gettext"; \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq gettext >/dev/null; }

# Debian's Chromium for the Playwright browser tests (Playwright's own download is not used).
browser:
	@command -v chromium >/dev/null || { echo "Installing Debian's chromium for browser tests"; \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq chromium >/dev/null; }

messages:
	$(PY) manage.py compilemessages --ignore=.venv -v0

# Interface translations (locale/{fr,es,ar}): regenerate the catalogues after adding
# {% trans %} / gettext strings, then translate the new entries in each django.po.
MAKEMESSAGES_IGNORE := --ignore=.venv --ignore=staticfiles --ignore=media --ignore=node_modules \
	--ignore=locale --ignore=tests --ignore=bench
messages-update: install-dev
	$(PY) manage.py makemessages -l fr -l es -l ar $(MAKEMESSAGES_IGNORE)

# Fails when makemessages would add a string without a translation (locale/ is not modified).
messages-check: $(VENV)/.installed-dev
	$(VENV)/bin/pytest -q -p no:cacheprovider tests/localization/test_catalogues.py

run: install messages
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo
	$(PY) manage.py collectstatic --no-input -v0
	@echo
	@echo "ILN Portal is at http://$(HOST):$(PORT)/"
	@echo "Admin: http://$(HOST):$(PORT)/admin/  user 'admin', password as printed by load_demo"
	@echo "Member: member@iln.example.org, password as printed by load_demo"
	@echo "  (the first run prints it; set DEMO_ADMIN_PASSWORD before it, or run"
	@echo "   '$(PY) manage.py changepassword admin' to choose a new one)."
	@echo
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production server: gunicorn (gunicorn.conf.py) with portal.settings.production on HOST/PORT,
# after collectstatic and clear_page_cache (pages cached by a previous release end).
# Not a set-up command: it serves the database it finds (run `make run` or migrate first).
# production.py refuses to start without DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS; for a
# LOCAL try-out only, this target fills in what the environment lacks (a throwaway random
# key, localhost hosts, plain HTTP: no HTTPS redirect, cookies not marked Secure) and says
# so. Set them yourself for anything else (see docs/operations.md).
serve-prod: install messages
	@if [ -z "$$DJANGO_SECRET_KEY" ]; then \
	  echo "*** serve-prod: DJANGO_SECRET_KEY is not set: using a throwaway random key (LOCAL USE ONLY;"; \
	  echo "*** sessions end when the server stops). Set DJANGO_SECRET_KEY in production."; fi
	@if [ -z "$$DJANGO_ALLOWED_HOSTS" ]; then \
	  echo "*** serve-prod: DJANGO_ALLOWED_HOSTS is not set: allowing localhost,127.0.0.1,$(HOST) (LOCAL USE ONLY)."; \
	  echo "*** serve-prod: and serving plain HTTP: DJANGO_SECURE_SSL_REDIRECT=false DJANGO_SECURE_COOKIES=false."; fi
	@export DJANGO_SETTINGS_MODULE=portal.settings.production; \
	if [ -z "$$DJANGO_SECRET_KEY" ]; then \
	  export DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')"; fi; \
	if [ -z "$$DJANGO_ALLOWED_HOSTS" ]; then \
	  export DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1,$(HOST)"; \
	  export DJANGO_SECURE_SSL_REDIRECT="$${DJANGO_SECURE_SSL_REDIRECT:-false}"; \
	  export DJANGO_SECURE_COOKIES="$${DJANGO_SECURE_COOKIES:-false}"; fi; \
	$(PY) manage.py collectstatic --no-input -v0 && \
	$(PY) manage.py clear_page_cache -v0 && \
	HOST=$(HOST) PORT=$(PORT) exec $(VENV)/bin/gunicorn -c gunicorn.conf.py portal.wsgi

# ruff, then the import contracts in pyproject.toml ([tool.importlinter]): the one-way layers
# of docs/architecture.md, plain-Python matching, and portal as the wiring nobody imports.
lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-logo

check: $(VENV)/.installed-dev messages messages-check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run

pytest: $(VENV)/.installed-dev messages browser
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test: install-dev lint check pytest

# Full-page screenshots of the demo site (English and Arabic, 1280 and 375 px) into
# docs/screenshots/, for reviewers; in a throwaway test database, like the browser tests.
screenshots: $(VENV)/.installed-dev messages browser
	$(VENV)/bin/pytest -q -p no:cacheprovider -m browser tests/browser/screenshots.py

# Each script builds its own throwaway database (SQLite in /tmp, or DATABASE_URL's).
bench: $(VENV)/.installed-dev
	$(PY) bench/pages.py
	$(PY) bench/members.py
	$(PY) bench/search.py
	$(PY) bench/matching.py

# The production server under load (bench/load.py): make serve-prod on a throwaway
# `load_demo --scale 10` database, driven by wrk (Debian's package, installed if missing).
# Not part of `make bench`: it takes the machine's cores for a few minutes.
bench-load: $(VENV)/.installed-dev
	@command -v wrk >/dev/null || { echo "Installing wrk"; \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq wrk >/dev/null; }
	$(PY) bench/load.py

# Backups (core/backups.py): the database (SQLite online backup, or pg_dump -Fc) and the
# media into $(BACKUP_DIR)/<UTC time>/; `make restore BACKUP=backups/<time>` puts one back
# (asks first; stop the app servers and cron before). See docs/operations.md.
BACKUP_DIR ?= backups
backup: $(VENV)/.installed
	$(PY) manage.py backup --dir "$(BACKUP_DIR)"

restore: $(VENV)/.installed
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=$(BACKUP_DIR)/<time>"; exit 2; }
	$(PY) manage.py restore "$(BACKUP)"

clean:
	rm -rf $(VENV) staticfiles .pytest_cache db.sqlite3
