# legacy-xbrl: the make targets. `make demo` is the one-command tour; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
IN ?= samples
OUT ?= out
DB ?= sqlite:///facts.db
GOLDEN := tests/golden
TAXONOMY_ZIP := $(OUT)/legacy-xbrl-taxonomy-2025.zip

.PHONY: demo install convert validate load taxonomy test lint format golden bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

## demo: set up, convert samples/ into out/, validate with Arelle, print a summary
demo: install taxonomy
	$(BIN)/legacy-xbrl convert $(IN)/*.txt -o $(OUT) --validate
	@echo "outputs in $(OUT)/: .xbrl (XBRL 2.1), .json (xBRL-JSON), .jsonld (JSON-LD), .report.json"

taxonomy: install
	$(BIN)/legacy-xbrl taxonomy -o $(TAXONOMY_ZIP)

convert: install
	$(BIN)/legacy-xbrl convert $(IN)/*.txt -o $(OUT)

validate: install
	$(BIN)/legacy-xbrl validate $(OUT)/*.xbrl

## load: load the outputs in $(OUT)/ into the database at DB (sqlite:///FILE or postgresql://...)
load: install
	$(BIN)/legacy-xbrl load $(OUT) --db $(DB)

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check converter tests
	$(BIN)/ruff format --check converter tests
	$(BIN)/mypy

format: install
	$(BIN)/ruff format converter tests
	$(BIN)/ruff check --fix converter tests

## golden: regenerate tests/golden/ from samples/ (read `git diff tests/golden` before committing)
golden: install
	$(BIN)/legacy-xbrl convert samples/*.txt -o $(GOLDEN)
	@git --no-pager diff --stat -- $(GOLDEN) || true

bench: install
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
