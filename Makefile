# TwinReg Monitor: developer tasks (GNU make).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
REQ_STAMP := $(VENV)/.req-stamp
DEV_STAMP := $(VENV)/.dev-stamp

TWINREG_DB ?= data/twinreg.duckdb
export TWINREG_DB

# Extra arguments for pytest, e.g. make test PYTEST_ARGS='-m "not browser" -x'
PYTEST_ARGS ?=

# Interface translations: gettext catalogues, .po in git, .mo built here (see ARCHITECTURE.md, "Translations").
LOCALE := twinreg_data/locale
MO := $(patsubst %.po,%.mo,$(wildcard $(LOCALE)/*/LC_MESSAGES/messages.po))
# The functions that mark messages: t(message), t_numbers(message), tn(singular, plural, n), N_(message),
# NP_(context, message), and the messages of StatFileError, Expected (what a faulty cell should hold) and
# Decision (what an official still has to decide).
BABEL_KEYWORDS := --no-default-keywords -k t -k t_numbers -k tn:1,2 -k N_ -k N_plural:1,2 -k NP_:1c,2 -k StatFileError -k Expected -k Decision:3

.DEFAULT_GOAL := help
.PHONY: help venv dev db run test lint messages bench bench-quick load durability clean

help:
	@echo "Targets: venv dev db run test lint messages bench bench-quick load durability clean"
	@echo "  TWINREG_DB=$(TWINREG_DB)"

$(PY):
	$(PYTHON) -m venv $(VENV)

$(REQ_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install -r requirements.txt
	touch $@

$(DEV_STAMP): requirements-dev.txt requirements.txt $(REQ_STAMP)
	$(PY) -m pip install -r requirements-dev.txt
	touch $@

venv: $(REQ_STAMP) $(MO)

$(LOCALE)/%/LC_MESSAGES/messages.mo: $(LOCALE)/%/LC_MESSAGES/messages.po | $(REQ_STAMP)
	$(VENV)/bin/pybabel compile -i $< -o $@ -l $*

# After changing a message in the code: extract every marked message and merge them into each catalogue
# (new ones untranslated, changed ones fuzzy: tests/test_i18n.py fails until a translator has done them).
messages: venv
	$(VENV)/bin/pybabel extract -F babel.cfg $(BABEL_KEYWORDS) --sort-by-file -w 100 \
		--project "TwinReg Monitor" --copyright-holder "TwinReg Monitor contributors" \
		-o $(LOCALE)/messages.pot app.py pages twinreg_data
	$(VENV)/bin/pybabel update -i $(LOCALE)/messages.pot -d $(LOCALE) -D messages --ignore-obsolete --previous -w 100

dev: $(DEV_STAMP) $(MO)

db: venv
	@if [ -f "$(TWINREG_DB)" ]; then \
		echo "Database $(TWINREG_DB) exists; not rebuilding it."; \
	else \
		mkdir -p "$(dir $(TWINREG_DB))" && \
		echo "$(PY) -m twinreg_data init --demo" && \
		$(PY) -m twinreg_data init --demo; \
	fi

run: venv db
	$(PY) -m streamlit run server.py --server.address localhost --server.port 8501 --browser.gatherUsageStats false

test: dev
	$(PY) -m pytest -n 2 -q $(PYTEST_ARGS)

lint: dev
	$(PY) -m ruff check .

bench: venv
	$(PY) bench/run.py

bench-quick: venv
	$(PY) bench/run.py --quick

# Load test: 10/25/50 concurrent sessions over Streamlit's websocket protocol, one upload during the load,
# a 5-minute memory soak (about 10 minutes; starts its own server on 127.0.0.1). Results: bench/results/load.md
load: dev
	$(PY) bench/load.py

# SIGKILL during imports, 100 times, with a consistency check after each restart. Results: bench/results/durability.md
durability: dev
	$(PY) bench/durability.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
