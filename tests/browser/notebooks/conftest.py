"""Notebooks in this folder are fixtures of the browser tests (opened by them in Voila and
JupyterLab), not lessons: nbval (``--nbval-lax`` in pyproject.toml) must not collect them."""

collect_ignore_glob = ["*.ipynb"]
