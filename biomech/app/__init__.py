"""The interactive layer: the explorer widget, its controls and presets, the surgery
planner, and the self-check widgets the lessons use. Everything here is built from
ipywidgets and our plot widget (:mod:`biomech.app.figure`) and works in JupyterLab, in
Voila (the stand-alone app) and offline.
"""

from .explorer import Explorer, explorer
from .planner import Planner, planner
from .presets import PRESETS

__all__ = ["Explorer", "explorer", "Planner", "planner", "PRESETS"]
