# Two commands do all the set-up on a machine with Python 3.11 and pip: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test soak bench install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/newsmark open sample_articles/

test: $(STAMP)
	$(BIN)/python -m pytest -q

# The fault suite at length: NEWSMARK_SOAK=1 turns 10 kill -9 trials into 100 and a few dozen fuzzed
# imports into a few hundred.
soak: $(STAMP)
	NEWSMARK_SOAK=1 $(BIN)/python -m pytest -q

bench: $(STAMP)
	@for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .newsmark
