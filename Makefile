# The two commands a new user needs: `make demo` and `make test`. Both set up .venv/ when missing.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: demo test lint install clean browser

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (Python 3.11) on PATH"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first and pinned: this takes the CPU wheel, not several GB of CUDA packages
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p reports
	$(BIN)/auditor audit fixtures/afghanistan-2021 --fail-on never --also html=reports/afghanistan-2021.html
	@echo "HTML report: reports/afghanistan-2021.html"

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

# The browser test needs Debian's chromium; install it when missing and we may (root, e.g. CI).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
		else \
			echo "note: /usr/bin/chromium missing and not root; tests/test_browser.py will be skipped"; \
		fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check auditor tests benchmarks
	$(BIN)/ruff format --check auditor tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
