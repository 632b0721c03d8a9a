# The two commands of the README. Both install what they need first.
VENV ?= .venv
OUT ?= _site

.PHONY: demo test setup setup-test bench clean

demo: setup
	$(VENV)/bin/lecturekit build --out $(OUT)
	@echo "Open $(OUT)/index.html in a browser (or: $(VENV)/bin/lecturekit serve $(OUT))"

test: setup-test
	$(VENV)/bin/python -m pytest -q -n 2 $(PYTEST_ARGS)

setup:
	VENV=$(VENV) scripts/setup.sh runtime

setup-test:
	VENV=$(VENV) scripts/setup.sh test

bench: setup-test
	$(VENV)/bin/python bench/run.py

clean:
	rm -rf $(OUT) .pytest_cache build *.egg-info
