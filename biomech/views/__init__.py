"""What the learner sees: figures and readouts built from model results.

Each module turns a pose or a result into plain plotly trace data or HTML, and knows
nothing of widgets, so the same views serve the explorer, notebooks and tests:

* :mod:`.limb3d` - the 3-D limb with joint centres and the load line;
* :mod:`.xray` - the front "standing X-ray" view with axes, angle and shift drawn on it;
* :mod:`.readouts` - the measures table (unit, sign, normal range, colour) and load bar;
* :mod:`.breakdown` - the "why" waterfall of each cause's share;
* :mod:`.style` - colours and the wording of units and signs shared by all views.
"""
