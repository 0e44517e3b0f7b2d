# legacy-xbrl: the make targets. `make demo` is the one-command tour; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
IN ?= samples
OUT ?= out
DB ?= sqlite:///facts.db
SCHEMA ?= legacy-xbrl
GOLDEN := tests/golden
TAXONOMY_ZIP := $(OUT)/legacy-xbrl-taxonomy-2025.zip

.PHONY: demo install convert validate load taxonomy test lint format golden bench bench-dask accuracy fuzz clean

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

## convert: IN/*.txt, *.htm, *.html -> OUT/, redoing only documents whose input, sidecar metadata, code or
## taxonomy changed; one process per input, so `make -j2 convert` runs two at once (`make -k` to go on past a
## failure). An EDGAR submission writes one set of outputs per document, so each input's stamp is its
## summary, OUT/.make/<stem>.summary.json, which lists the instances written.
INPUTS := $(wildcard $(IN)/*.txt $(IN)/*.htm $(IN)/*.html)
STAMPS := $(foreach input,$(INPUTS),$(OUT)/.make/$(basename $(notdir $(input))).summary.json)
CODE := $(wildcard converter/*.py converter/*.sql converter/serialize/* taxonomy/*)

convert: $(STAMPS)

# A failed conversion leaves no stamp: the next run redoes it.
.DELETE_ON_ERROR:
.SECONDEXPANSION:
CONVERT = $(BIN)/legacy-xbrl convert $< -o $(OUT) --summary $@
$(OUT)/.make/%.summary.json: $(IN)/%.txt $$(wildcard $(IN)/$$*.meta.json $(IN)/$$*.txt.meta.json) $(CODE) | install
	$(CONVERT)
$(OUT)/.make/%.summary.json: $(IN)/%.htm $$(wildcard $(IN)/$$*.meta.json $(IN)/$$*.htm.meta.json) $(CODE) | install
	$(CONVERT)
$(OUT)/.make/%.summary.json: $(IN)/%.html $$(wildcard $(IN)/$$*.meta.json $(IN)/$$*.html.meta.json) $(CODE) | install
	$(CONVERT)

## validate: Arelle on the instances of each input converted since they last passed (stamp: OUT/.make/<stem>.validated)
validate: $(STAMPS:.summary.json=.validated)

INSTANCES_OF = $(BIN)/python -c 'import json, sys; print(" ".join(sys.argv[2] + "/" + i for o in json.load(open(sys.argv[1]))["outcomes"] for i in o["instances"]))'
$(OUT)/.make/%.validated: $(OUT)/.make/%.summary.json
	$(BIN)/legacy-xbrl validate $$($(INSTANCES_OF) $< $(OUT)) > $@.log || { cat $@.log; exit 1; }
	mv $@.log $@

## load: load the outputs in $(OUT)/ into the database at DB (sqlite:///FILE or postgresql://...), SCHEMA legacy-xbrl or semantic
load: install
	$(BIN)/legacy-xbrl load $(OUT) --db $(DB) --schema $(SCHEMA)

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check converter tests benchmarks
	$(BIN)/ruff format --check converter tests benchmarks
	$(BIN)/mypy

format: install
	$(BIN)/ruff format converter tests benchmarks
	$(BIN)/ruff check --fix converter tests benchmarks

## golden: regenerate tests/golden/ from samples/ (read `git diff tests/golden` before committing)
# Converted afresh into a scratch folder, then copied over: the tool never replaces files it did not write.
golden: install
	rm -rf $(OUT)/.golden
	$(BIN)/legacy-xbrl convert samples/*.txt -o $(OUT)/.golden --summary $(OUT)/.make/golden-summary.json
	find $(GOLDEN) -maxdepth 1 -type f -delete
	rm -rf $(GOLDEN)/legacy-xbrl-taxonomy-*
	cp -r $(OUT)/.golden/* $(GOLDEN)/
	rm -rf $(OUT)/.golden
	@git --no-pager diff --stat -- $(GOLDEN) || true

## bench: documents per second, ms per stage, Arelle as the reference -> benchmarks/results.json
bench: install
	$(BIN)/python -m benchmarks.run

## bench-dask: the samples and corpus BENCH_COPIES times through the process pool and --executor dask side by
## side (BENCH_ROUNDS turns): documents/s and CPU s per document, cost per document by size, worker memory,
## a million documents in a day -> benchmarks/dask_capacity.json
BENCH_COPIES ?= 3
BENCH_ROUNDS ?= 1
bench-dask: install
	$(BIN)/python -m benchmarks.dask_capacity --copies $(BENCH_COPIES) --rounds $(BENCH_ROUNDS)

## accuracy: convert corpus/ and compare with its hand-written gold -> benchmarks/accuracy.json; fails when
## exact recall falls below ACCURACY_FLOOR (raise it as reading improves, never lower it to let a change pass)
ACCURACY_FLOOR ?= 96
accuracy: install
	$(BIN)/python -m benchmarks.accuracy --floor $(ACCURACY_FLOOR)

## fuzz: large files (5 and 50 MB, 10,000 and 100,000 rows, the corpus's largest) each in a fresh process, time and peak
## memory per input size; then FUZZ_COUNT generated inputs through convert and every writer
FUZZ_COUNT ?= 20000
fuzz: install
	$(BIN)/python tests/fuzz_convert.py --large --count $(FUZZ_COUNT)

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
