# The two commands of the README. Both install what they need first.
VENV ?= .venv
OUT ?= _site

.PHONY: demo test lint fuzz setup setup-test bench clean

demo: setup
	$(VENV)/bin/lecturekit build --demo --out $(OUT)
	@echo "Open $(OUT)/index.html in a browser (or: $(VENV)/bin/lecturekit serve $(OUT))"

test: setup-test
	$(VENV)/bin/python -m pytest -q -n 2 $(PYTEST_ARGS)
	$(MAKE) --no-print-directory lint

# Lint, format and types (run by `make test` after the tests, so a lint failure still shows their results).
lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# The property tests with 3000 examples each instead of the 40 `make test` runs (issue #17).
fuzz: setup-test
	LECTUREKIT_FUZZ=long $(VENV)/bin/python -m pytest -q -n 0 -p no:randomly tests/core -k fuzz $(PYTEST_ARGS)

setup:
	VENV=$(VENV) scripts/setup.sh runtime

setup-test:
	VENV=$(VENV) scripts/setup.sh test

bench: setup-test
	$(VENV)/bin/python bench/run.py

clean:
	rm -rf $(OUT) .pytest_cache build *.egg-info
