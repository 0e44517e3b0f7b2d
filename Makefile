# legacy-xbrl: the make targets. `make demo` is the one-command tour; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
IN ?= samples
OUT ?= out
DB ?= sqlite:///facts.db
GOLDEN := tests/golden
TAXONOMY_ZIP := $(OUT)/legacy-xbrl-taxonomy-2025.zip

.PHONY: demo install convert validate load taxonomy test lint format golden bench fuzz clean

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

## convert: IN/*.txt -> OUT/, redoing only documents whose input, sidecar metadata, code or taxonomy
## changed; one process per document, so `make -j2 convert` runs two at once (`make -k` to go on past a failure)
INPUTS := $(wildcard $(IN)/*.txt)
INSTANCES := $(patsubst $(IN)/%.txt,$(OUT)/%.xbrl,$(INPUTS))
CODE := $(wildcard converter/*.py converter/*.sql converter/serialize/* taxonomy/*)

convert: $(INSTANCES)

# One rule writes all of a document's outputs (.xbrl, .json, .jsonld, .report.json); the .xbrl stands for them.
.SECONDEXPANSION:
$(OUT)/%.xbrl: $(IN)/%.txt $$(wildcard $(IN)/$$*.meta.json $(IN)/$$*.txt.meta.json) $(CODE) | install
	$(BIN)/legacy-xbrl convert $< -o $(OUT) --summary $(OUT)/.make/$*.summary.json

## validate: Arelle on each instance changed since it last passed (stamp: OUT/<stem>.validated)
validate: $(INSTANCES:.xbrl=.validated)

$(OUT)/%.validated: $(OUT)/%.xbrl
	$(BIN)/legacy-xbrl validate $< > $@.log || { cat $@.log; exit 1; }
	mv $@.log $@

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
	$(BIN)/legacy-xbrl convert samples/*.txt -o $(GOLDEN) --summary $(OUT)/.make/golden-summary.json
	@git --no-pager diff --stat -- $(GOLDEN) || true

## bench: documents per second, ms per stage, Arelle as the reference -> benchmarks/results.json
bench: install
	$(BIN)/python -m benchmarks.run

## fuzz: a 50 MB file and 100,000 rows, then FUZZ_COUNT generated inputs through convert and every writer
FUZZ_COUNT ?= 20000
fuzz: install
	$(BIN)/python tests/fuzz_convert.py --large --count $(FUZZ_COUNT)

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
