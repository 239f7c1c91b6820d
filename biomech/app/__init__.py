"""The interactive layer: the explorer widget, its controls and presets, and the
self-check widgets the lessons use. Everything here is built from ipywidgets and plotly
FigureWidgets and works in JupyterLab, in Voila (the stand-alone app) and offline.
"""
from .explorer import Explorer, explorer
from .presets import PRESETS

__all__ = ["Explorer", "explorer", "PRESETS"]
