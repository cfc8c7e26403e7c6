# One command each: make serve | build | test | bench. Each creates .venv on first use.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := hooks
# STRICT=1 (and always in CI): MkDocs' --strict, so a missing translation fails the build.
ifeq ($(CI),true)
STRICT := 1
endif
ifeq ($(STRICT),1)
STRICT_FLAG := --strict
endif

.PHONY: serve build test bench check translations new-testimony schemas edit clean

$(STAMP): requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# From the npm registry (package.json): Pagefind, which the build runs to index the site for
# search (its npm release is newer than PyPI's, and twice as fast on a word that most pages
# hold; BENCHMARKS.md); Decap CMS and its local backend for `make edit`, axe-core for the
# browser tests' accessibility checks. `serve`, `build` and `bench` need Pagefind alone
# (INDEXER_STAMP: `npm ci --omit=dev`, 14 MB); `edit` and `test` everything (NODE_STAMP).
# `npm ci` empties node_modules first, so a full install marks both, and Pagefind alone is
# installed only where no full install is current.
NODE_STAMP := node_modules/.installed
INDEXER_STAMP := node_modules/.indexer-installed
$(NODE_STAMP): package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $(NODE_STAMP) $(INDEXER_STAMP)
$(INDEXER_STAMP): package-lock.json
	if [ ! $(NODE_STAMP) -nt package-lock.json ]; then npm ci --omit=dev --silent --no-audit --no-fund; fi
	touch $(INDEXER_STAMP)

# --dirty: a rebuild renders only the pages whose file changed (see hooks/mkdocs_hooks.py).
serve: $(STAMP) $(INDEXER_STAMP)
	$(PY) -m mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# The preview (as `make serve`) and, beside it, the form editor at http://127.0.0.1:8001/
# (hooks/editor/serve.py); Ctrl-C stops both.
edit: $(STAMP) $(NODE_STAMP)
	$(PY) hooks/editor/serve.py & editor=$$!; trap 'kill $$editor 2>/dev/null' EXIT; \
	  $(PY) -m mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# The same as `mkdocs build`: the build writes beside site/ and swaps it in only when it
# succeeded (hooks/adapter/publish.py), so site/ is always a complete site.
build: $(STAMP) $(INDEXER_STAMP)
	@if [ -z "$$SITE_URL" ]; then echo "warning: SITE_URL is not set: canonical links, the sitemap and the feeds will point at http://127.0.0.1:8000/ (publish with SITE_URL=https://example.org/archive/ make build)" >&2; fi
	$(PY) -m mkdocs build $(STRICT_FLAG)

check: $(STAMP)
	$(PY) -m archive check $(if $(STRICT_FLAG),--strict)

translations: $(STAMP)
	$(PY) -m archive translations

# make new-testimony SLUG=wang-li COUNTY=linxi SOURCE=002_65b2f7de334f4f62.txt \
#   NARRATOR_ZH=王丽 NARRATOR_EN="Wang Li" ROLE_ZH=挂职干部 ROLE_EN="Cadre on posting"
new-testimony: $(STAMP)
	$(PY) -m archive new-testimony --slug "$(SLUG)" --county "$(COUNTY)" --source "$(SOURCE)" \
	  --narrator-zh "$(NARRATOR_ZH)" --narrator-en "$(NARRATOR_EN)" --role-zh "$(ROLE_ZH)" --role-en "$(ROLE_EN)"

# JSON Schemas for text editors (see .vscode/settings.json), regenerated after a model change.
schemas: $(STAMP)
	$(PY) -m archive schemas

test: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest -q

bench: $(STAMP) $(INDEXER_STAMP)
	$(PY) tests/bench.py

clean:
	rm -rf site build .site.building-* .site.previous-*
