# Two commands do all the set-up (README): `make lab` and `make test`.
# Each creates the virtual environment in .venv on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# Set once tools/install_browser.sh has found or installed Chromium (browser tests).
BROWSER_STAMP := $(VENV)/.browser-stamp
# Set once tools/install_proxy.sh has installed JupyterHub's proxy (npm
# configurable-http-proxy) into $(VENV)/node (the hub and its test use it).
PROXY_STAMP := $(VENV)/.proxy-stamp
HOST ?= 127.0.0.1
PORT ?= 8888
APP_PORT ?= 8866
CLINIC_PORT ?= 8867
# The app's kernels (README, "Run a class"): APP_POOL kernels wait preheated (the notebook
# already run) so a page draws at once; a page's kernel ends when its tab closes
# (tools/jupyter/voila.py), and one left without a page (a crashed browser, a laptop put
# to sleep) is culled after APP_CULL_IDLE seconds, checked every APP_CULL_EVERY seconds.
# Voila waits APP_IOPUB_WAIT seconds for a cell's output (its default, 4 s, is too short
# when many pages start at once). E.g. `make app APP_POOL=6` for a class arriving together.
APP_POOL ?= 2
APP_CULL_IDLE ?= 600
APP_CULL_EVERY ?= 60
APP_IOPUB_WAIT ?= 60
# The app's Voila template (no CDN stylesheets), its configuration (tools/jupyter/voila.py)
# and options; tests/browser/servers.py starts Voila the same way (with these defaults).
VOILA_ARGS := --template=biomech --VoilaConfiguration.extension_denylist=jupyterlab-jupytext \
	--VoilaConfiguration.extension_denylist=@jupyter-notebook/lab-extension \
	--VoilaConfiguration.extension_denylist=@jupyter/nbgrader \
	--Voila.config_file_paths=$(CURDIR)/tools/jupyter \
	--preheat_kernel=True --pool_size=$(APP_POOL) \
	--MappingKernelManager.cull_idle_timeout=$(APP_CULL_IDLE) \
	--MappingKernelManager.cull_interval=$(APP_CULL_EVERY) \
	--VoilaExecutor.iopub_timeout=$(APP_IOPUB_WAIT)
# Jupyter refuses to run as root without this flag (containers, CI).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab app clinic hub test notebooks kinematics benchmark capacity clean

# assets.py writes the page script that tools/setup_jupyter.py installs: a change to it
# must reach the installed copy.
$(STAMP): pyproject.toml tools/setup_jupyter.py biomech/app/assets.py
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

# JupyterHub's proxy into $(VENV)/node (npm; never a global install). Order-only on
# $(STAMP), like the browser stamp.
$(PROXY_STAMP): tools/install_proxy.sh | $(STAMP)
	bash tools/install_proxy.sh $(VENV)/node
	touch $(PROXY_STAMP)

## Open JupyterLab on the start notebook (loopback only, token authentication).
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ip=$(HOST) --port=$(PORT) --LabApp.news_url=None $(ROOT_FLAG) notebooks/00_start_here.ipynb

## Open the explorer as a stand-alone page for a class (Voila: no code shown; loopback
## only; Voila prints the address with its access token).
app: $(STAMP)
	JUPYTER_PATH=tools/jupyter $(VENV)/bin/voila notebooks/explorer_app.ipynb $(VOILA_ARGS) \
		--Voila.ip=$(HOST) --port=$(APP_PORT) --token --no-browser

## Open the virtual clinic as a stand-alone page (Voila, started exactly like `app`: loopback
## only, access token). Submitted answers go to the file named by BIOMECH_CLINIC_RECORDS, else
## ~/biomech-clinic/answers.csv, on this computer.
clinic: $(STAMP)
	JUPYTER_PATH=tools/jupyter $(VENV)/bin/voila notebooks/clinic_app.ipynb $(VOILA_ARGS) \
		--Voila.ip=$(HOST) --port=$(CLINIC_PORT) --token --no-browser

## JupyterHub for a class on this server (deploy/jupyterhub_config.py; README, "Run a class"):
## students log in with their Unix accounts, so run it as root.
hub: $(STAMP) $(PROXY_STAMP)
	$(VENV)/bin/jupyterhub -f deploy/jupyterhub_config.py

## Run every test (model, notebooks, real-browser tests in tests/browser, the hub).
test: $(STAMP) $(BROWSER_STAMP) $(PROXY_STAMP)
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

## How many app sessions one server holds (first view in Chromium; N = 5, 10, 20, 40).
capacity: $(STAMP) $(BROWSER_STAMP)
	$(PY) benchmarks/capacity.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
