# Two commands do all the set-up (README): `make lab` and `make test`.
# Each creates the virtual environment in .venv on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# Set once tools/install_browser.sh has found or installed Chromium (browser tests).
BROWSER_STAMP := $(VENV)/.browser-stamp
HOST ?= 127.0.0.1
PORT ?= 8888
# Jupyter refuses to run as root without this flag (containers, CI).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab app test notebooks kinematics benchmark clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# Chromium for tests/browser: the system package (apt on Debian/Ubuntu), never
# `playwright install`. Order-only on $(STAMP) so that the stamp lands in an existing .venv.
$(BROWSER_STAMP): tools/install_browser.sh | $(STAMP)
	bash tools/install_browser.sh
	touch $(BROWSER_STAMP)

## Open JupyterLab on the start notebook (loopback only, token authentication).
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ip=$(HOST) --port=$(PORT) --LabApp.news_url=None $(ROOT_FLAG) notebooks/00_start_here.ipynb

## Run every test (model, notebooks, real-browser tests in tests/browser).
test: $(STAMP) $(BROWSER_STAMP)
	$(PY) -m pytest

## Re-execute the notebooks and store their outputs (run after changing the model).
notebooks: $(STAMP)
	$(PY) tools/execute_notebooks.py

## Regenerate biomech/kinematics/_generated.py from the sympy derivation.
kinematics: $(STAMP)
	$(PY) -m biomech.kinematics.codegen

## Print speed figures (cold start, one call, throughput, sympy comparison).
benchmark: $(STAMP)
	$(PY) benchmarks/benchmark.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
