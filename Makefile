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
APP_PORT ?= 8866
# The app's Voila template (no CDN stylesheets) and its options; tests/browser/servers.py
# starts Voila the same way.
VOILA_ARGS := --template=biomech --VoilaConfiguration.extension_denylist=jupyterlab-jupytext
# Jupyter refuses to run as root without this flag (containers, CI).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab app test notebooks kinematics benchmark clean

$(STAMP): pyproject.toml tools/setup_jupyter.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	$(PY) tools/setup_jupyter.py
	touch $(STAMP)

# Chromium for tests/browser: the system package (apt on Debian/Ubuntu), never
# `playwright install`. Order-only on $(STAMP) so that the stamp lands in an existing .venv.
$(BROWSER_STAMP): tools/install_browser.sh | $(STAMP)
	bash tools/install_browser.sh
	touch $(BROWSER_STAMP)

## Open JupyterLab on the start notebook (loopback only, token authentication).
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ip=$(HOST) --port=$(PORT) --LabApp.news_url=None $(ROOT_FLAG) notebooks/00_start_here.ipynb

## Open the explorer as a stand-alone page for a class (Voila: no code shown; loopback
## only; Voila prints the address with its access token).
app: $(STAMP)
	JUPYTER_PATH=tools/jupyter $(VENV)/bin/voila notebooks/explorer_app.ipynb $(VOILA_ARGS) \
		--Voila.ip=$(HOST) --port=$(APP_PORT) --token --no-browser

## Run every test (model, notebooks, real-browser tests in tests/browser).
test: $(STAMP) $(BROWSER_STAMP)
	$(PY) -m pytest

## Re-execute the notebooks and store their outputs (run after changing the model).
notebooks: $(STAMP)
	$(PY) tools/execute_notebooks.py

## Regenerate biomech/kinematics/_generated.py from the sympy derivation.
kinematics: $(STAMP)
	$(PY) -m biomech.kinematics.codegen

## Print speed figures (model, explorer, notebooks; the browser latency script needs Chromium).
benchmark: $(STAMP)
	$(PY) benchmarks/benchmark.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
