# The README's commands. Each target sets up what it needs and is quick when nothing changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CLINIC_HOST ?= 127.0.0.1
CLINIC_PORT ?= 5000
CLINIC_WORKERS ?= 4
FLASK := $(BIN)/flask --app clinic

.PHONY: install install-test run test lint audit bench clean-venv browser-check translations messages ui-messages

# Dependencies are reinstalled only when setup.cfg changes (the stamp files record that).
$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Clinic needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: setup.cfg pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: setup.cfg pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

# The applicants' languages: .po catalogues in the repo, compiled here (the .mo files are not
# committed). `make messages` extracts what applicants read (babel.cfg) and updates every
# catalogue; translate what it adds (tests/test_catalogues.py names what is missing).
CATALOGUES := $(wildcard clinic/translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGUES:.po=.mo)

clinic/translations/%/LC_MESSAGES/messages.mo: clinic/translations/%/LC_MESSAGES/messages.po | $(VENV)/.installed
	@$(BIN)/pybabel compile --use-fuzzy -i $< -o $@ -l $* 2>&1 | grep -v '^compiling' || true
	@test -f $@

translations: $(COMPILED)

messages: install-test
	$(BIN)/pybabel extract -F babel.cfg -k say -k N_ -k both --no-default-keywords \
		--sort-by-file --no-wrap --project=Clinic -o clinic/translations/messages.pot .
	$(BIN)/pybabel update -i clinic/translations/messages.pot -d clinic/translations \
		--no-wrap --omit-header --ignore-obsolete

# The volunteers' pages: English, every string marked (babel-ui.cfg); `make ui-messages` writes
# the template a later volunteers' catalogue starts from (tests/test_ui_strings.py checks marks).
ui-messages: install-test
	$(BIN)/pybabel extract -F babel-ui.cfg -k _ -k gettext -k ngettext:1,2 -k _l -k lazy_gettext \
		--no-default-keywords --ignore-dirs='.* node_modules' --sort-by-file --no-wrap \
		--project=Clinic -o clinic/translations/ui.pot .

# The secret key is generated once, readable only by its owner, and never committed.
instance/config.py: | $(BIN)/python
	@mkdir -p instance
	@umask 077 && $(BIN)/python -c 'import secrets; print("SECRET_KEY = " + repr(secrets.token_hex(32)))' > $@
	@echo "Created instance/config.py with a new secret key."

# The encryption keys, the same way: apart from the database, owner-only, never committed.
# Losing this file loses the encrypted fields: back it up apart from the database backups.
instance/encryption-keys.json: | $(VENV)/.installed
	@$(BIN)/python -c 'from clinic.security.crypto import new_key_set, write_key_file; \
		write_key_file("$@", new_key_set())'
	@echo "Created $@ with new encryption keys. Back it up somewhere safe, apart from the database."

# The carry keys (a laptop's clinic day taken to the server): this install's signing and
# receiving keys, owner-only, never committed; `clinic carry-keys` prints the public lines.
instance/carry-keys.json: | $(VENV)/.installed instance/config.py instance/encryption-keys.json
	@$(FLASK) clinic carry-keys > /dev/null
	@echo "Created $@ (clinic carry-keys prints the lines to give the other side)."

install: $(VENV)/.installed instance/config.py instance/encryption-keys.json instance/carry-keys.json translations
	$(FLASK) db upgrade

# The web server and a queue worker (which renders packets), started and stopped together by
# honcho from the Procfile: one command, one Ctrl-C.
run: install
	@echo "Serving Clinic on http://$(CLINIC_HOST):$(CLINIC_PORT)/ with a worker  (Ctrl-C to stop)"
	CLINIC_BIN=$(BIN) CLINIC_WORKERS=$(CLINIC_WORKERS) CLINIC_HOST=$(CLINIC_HOST) \
		CLINIC_PORT=$(CLINIC_PORT) $(BIN)/honcho start --procfile Procfile

install-test: $(VENV)/.installed-test instance/config.py instance/encryption-keys.json instance/carry-keys.json translations
	$(FLASK) db upgrade

lint: install-test
	$(BIN)/ruff check .

# axe-core for the browser tests' accessibility checks, from npm (pinned in package-lock.json).
AXE := tests/e2e/node_modules/axe-core/axe.min.js
$(AXE): tests/e2e/package.json tests/e2e/package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --prefix tests/e2e --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the browser tests' accessibility checks need it."; fi

browser-check:
	@command -v chromium >/dev/null || echo "Browser tests SKIPPED: Chromium not found. \
	Install it with 'sudo apt-get install chromium', then run make test again."

test: lint $(AXE) browser-check
	$(BIN)/python -m pytest --cov --cov-report=term $(PYTEST_ARGS)
	@echo "Branch coverage of the screening engine (at least 98%):"
	$(BIN)/python -m coverage report --include='clinic/screening/*' --fail-under=98 --skip-covered

# Known vulnerabilities in the installed dependencies (pip-audit); says so when it had no data.
audit: install-test
	$(BIN)/python .ci/audit_dependencies.py

bench: install-test
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean-venv:
	rm -rf $(VENV)
