# Two commands on a fresh machine with Python 3.11 and make:
#   make run    set up, then read raw/ and publish into outputs/
#   make test   set up, then run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home
export INDICATORS_RAW_DIR ?= raw
export INDICATORS_OUTPUT_DIR ?= outputs
export DAGSTER_DISABLE_TELEMETRY := 1
export PYTHONWARNINGS ?= ignore::DeprecationWarning,ignore::UserWarning

.PHONY: run test dev bench lint schemas explain clean compiled pure test-compiled

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed-run
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

$(DAGSTER_HOME)/dagster.yaml: pipelines/instance.yaml
	mkdir -p $(DAGSTER_HOME)
	cp pipelines/instance.yaml $@

# One run of the publishing job in this process (pipelines/run.py): progress, then a summary.
run: $(VENV)/.installed-run $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pipelines.run

test: $(VENV)/.installed-test $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pytest

# The Dagster UI on http://127.0.0.1:3000 (this machine only; see the README to expose it),
# `make dev PORT=3001` for another port. `dagster dev` through pipelines/dev.py, which makes
# it stop on TERM when started in the background too.
PORT ?= 3000
dev: $(VENV)/.installed-run $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pipelines.dev -w pipelines/workspace.yaml -h 127.0.0.1 -p $(PORT)

bench: $(VENV)/.installed-test $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m benchmarks.run

lint: $(VENV)/.installed-test
	$(BIN)/ruff check pipelines schemas tests benchmarks
	$(BIN)/ruff format --check pipelines schemas tests benchmarks
	$(BIN)/mypy pipelines/extraction

# The optional compiled build of pipelines.extraction (mypyc, in place; about a minute):
# loaded while it matches the sources, `INDICATORS_PURE_PYTHON=1` ignores it, `make pure`
# removes it. `make test-compiled` compiles a copy of the tree and compares its rows with
# the pure build's, byte for byte (CI runs it; the checkout stays pure).
compiled: $(VENV)/.installed-test
	$(BIN)/python -m pipelines.compiled build --quiet

pure:
	rm -f pipelines/extraction/*.so pipelines/extraction/*.pyd pipelines/extraction/_native.sources
	@echo "pure Python: the compiled build of pipelines.extraction is removed"

test-compiled: $(VENV)/.installed-test
	PYTHON_BIN=$(CURDIR)/$(BIN)/python .ci/test-compiled

# Why a figure is or is not in the table: `make explain FILE=article.txt` prints every numeral
# run with its row or the named reason it gave none; `make explain DIR=folder` counts rows per rule.
explain: $(VENV)/.installed-run
ifdef DIR
	$(BIN)/python -m pipelines.explain --rules "$(DIR)"
else
	@test -n "$(FILE)" || { echo "usage: make explain FILE=article.txt  (or DIR=folder)"; exit 2; }
	$(BIN)/python -m pipelines.explain "$(FILE)"
endif

# Regenerate the contract's exported forms in schemas/ after changing schemas/contract.py.
schemas: $(VENV)/.installed-run
	$(BIN)/python -m schemas.export

clean:
	rm -rf $(DAGSTER_HOME) .pytest_cache
