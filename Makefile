# Two promises: `make run` sets up and starts the coach; `make test` sets up and runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@# byte code and the review's compiled patterns ahead of the first start, as a wheel install compiles .pyc
	$(BIN)/python -m compileall -q bot adapters scheduler migrations
	$(BIN)/python -m bot.review.pattern_cache
	@touch $(STAMP)

run: $(STAMP)  ## the console on SQLite without tokens; Slack/Discord when their tokens are set
	$(BIN)/coach

test: $(STAMP)  ## lint, layers, types, then every test (PostgreSQL ones run when COACH_TEST_POSTGRES_URL is set)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(STAMP)  ## ruff, the import contracts (DESIGN §1) and mypy on bot/ and scheduler/
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy

bench: $(STAMP)
	@for script in bench/*.py; do echo "# $$script"; $(BIN)/python $$script; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .import_linter_cache .hypothesis *.egg-info
