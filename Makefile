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

.DEFAULT_GOAL := help
.PHONY: help venv dev db run test lint bench bench-quick load durability clean

help:
	@echo "Targets: venv dev db run test lint bench bench-quick load durability clean"
	@echo "  TWINREG_DB=$(TWINREG_DB)"

$(PY):
	$(PYTHON) -m venv $(VENV)

$(REQ_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install -r requirements.txt
	touch $@

$(DEV_STAMP): requirements-dev.txt requirements.txt $(REQ_STAMP)
	$(PY) -m pip install -r requirements-dev.txt
	touch $@

venv: $(REQ_STAMP)

dev: $(DEV_STAMP)

db: venv
	@if [ -f "$(TWINREG_DB)" ]; then \
		echo "Database $(TWINREG_DB) exists; not rebuilding it."; \
	else \
		mkdir -p "$(dir $(TWINREG_DB))" && \
		echo "$(PY) -m twinreg_data init --demo" && \
		$(PY) -m twinreg_data init --demo; \
	fi

run: venv db
	$(PY) -m streamlit run app.py --server.address localhost --server.port 8501 --browser.gatherUsageStats false

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
