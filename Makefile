# The kit's two commands:  `make start`  and  `make test`.
# Both create .venv from the pinned requirements.txt when it is missing or out of date.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.kit-installed
PIP := $(PY) -m pip --disable-pip-version-check --quiet
# The suite runs on this many processes (pytest-xdist), a test file each at a time: its kit server, its
# room and its notebook's cells stay together. Two fit the 2-core machines CI uses; WORKERS=0 runs in one.
WORKERS ?= 2

.PHONY: start room test test-fast lint benchmark freeze clean-venv lesson lab catalogs screenshots

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps -e .
	touch $(STAMP)

## Start the kit on http://localhost:8866 (sessions are stored in ./data).
start: $(STAMP)
	$(PY) -m widgets.launch $(ARGS)

## Start the kit for a room: phones on the same network can join.
room: $(STAMP)
	$(PY) -m widgets.launch --room $(ARGS)

## The whole suite: the lint first, then unit tests, every notebook (nbval), PostgreSQL and browser tests.
test: $(STAMP) lint
	bash tools/system-deps.sh
	$(PY) -m pytest -n $(WORKERS) --dist loadfile $(PYTEST_ARGS)

## Quick loop while developing: no browser, no PostgreSQL.
test-fast: $(STAMP)
	$(PY) -m pytest -n $(WORKERS) --dist loadfile -m "not browser and not postgres" $(PYTEST_ARGS)

## PNGs of what people see into screenshots/ (git-ignored), for a reviewer: every activity's results on the phone,
## the projector and the results page, the dashboard, every lesson (the screens of tests/test_looking_browser.py).
screenshots: $(STAMP)
	bash tools/system-deps.sh
	$(PY) -m tests.screenshots $(ARGS)

## Ruff, configured in pyproject.toml: lint, then check the formatting (`ruff format .` fixes it);
## the catalogs; the layers (import-linter's contracts, [tool.importlinter] in pyproject.toml); the types of
## the model, the store and the activity folders (mypy, [tool.mypy] in pyproject.toml).
lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) tools/catalogs.py --check
	$(VENV)/bin/lint-imports
	$(PY) -m mypy
	$(PY) tools/a11y_statement.py

## New numbered lesson from the template: make lesson TITLE="Mijn les" [EN="My lesson"]
lesson: $(STAMP)
	$(PY) tools/new_lesson.py "$(TITLE)" --en "$(EN)"

## Extract the message ids (pybabel, babel.cfg) into widgets/locale/kit.pot and check every catalog.
catalogs: $(STAMP)
	$(PY) tools/catalogs.py

## JupyterLab on this repository, for writing lessons (not for participants).
lab: $(STAMP)
	JUPYTER_PATH=$(CURDIR)/share/jupyter $(PY) -m jupyter lab --no-browser

benchmark: $(STAMP)
	bash tools/system-deps.sh
	$(PY) -m benchmarks.run
	$(PY) -m benchmarks.files
	$(PY) -m benchmarks.hub
	$(PY) -m benchmarks.proxy

## Re-pin after changing a direct dependency (keeps binder/ in step).
freeze: $(STAMP)
	$(PY) tools/freeze.py

clean-venv:
	rm -rf $(VENV)
