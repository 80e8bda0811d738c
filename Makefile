# The two set-up commands (README): `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
PORT ?= 8501

.PHONY: run test lint bench install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --upgrade pip >/dev/null
	$(BIN)/python -m pip install -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

run: install  ## create .venv, install, start the dashboard on the embedded SQLite store
	$(BIN)/launchmap serve --port $(PORT)

test: install  ## install with test extras and run the whole suite
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check geodata dashboard tests benchmarks scripts
	$(BIN)/ruff format --check geodata dashboard tests benchmarks scripts
	$(BIN)/mypy geodata

bench: install
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build *.egg-info
