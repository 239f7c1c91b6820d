"""Settings of each student's server on a hub (JupyterLab, the lessons' kernels, Voila).

Read by every student's server: deploy/jupyterhub_config.py puts this folder on
``JUPYTER_CONFIG_PATH``; deploy/z2jh-values.yaml mounts this file into the image's
``/etc/jupyter`` (``singleuser.extraFiles``). The same settings, in one place.
"""

import os

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)

# Kernels with no page open (a closed notebook tab, a crashed browser, a laptop put to
# sleep) are shut down after this much idle time, checked every BIOMECH_KERNEL_CULL_EVERY
# seconds; a kernel with a page open is left alone, however idle.
c.MappingKernelManager.cull_idle_timeout = int(os.environ.get("BIOMECH_KERNEL_IDLE_TIMEOUT", "1200"))
c.MappingKernelManager.cull_interval = int(os.environ.get("BIOMECH_KERNEL_CULL_EVERY", "120"))

# Voila inside JupyterLab (the app: /voila/render/<folder>/notebooks/explorer_app.ipynb):
# the project's template, found on JUPYTER_PATH (tools/jupyter; the hub config and the
# image set it), which asks no CDN for stylesheets; jupytext's editor extension cannot
# load in Voila's page; and time for a cell's output when many pages start at once
# (Voila's default is 4 s). Voila's page ends its kernel when its tab closes: on a hub
# the "_xsrf" cookie this needs is set at log-in. (Preheated kernels are a feature of the
# stand-alone `voila` command, not of Voila inside a server.)
c.VoilaConfiguration.template = "biomech"
c.VoilaConfiguration.extension_denylist = [
    "jupyterlab-jupytext",
    "@jupyter-notebook/lab-extension",
    "@jupyter/nbgrader",
]
c.VoilaExecutor.iopub_timeout = 60
# Voila 0.5.13 inside a server otherwise tells its page to load MathJax 3 from cdnjs; with
# both unset the page uses the MathJax bundled with it (offline), as stand-alone Voila does.
c.ServerApp.tornado_settings = {"mathjax_url": None, "mathjax_config": None}

# JupyterLab: no news feed and no update check (both would contact the internet).
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
