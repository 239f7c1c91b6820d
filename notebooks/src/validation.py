# %% [markdown]
# # How far can you trust the model? Calibration and validation
#
# A model can only be checked against numbers it was **not** built to match. This page lists
# every published value the model is compared with, in two groups:
#
# - **Calibration**: the model was tuned to these. Agreement here shows only that the tuning
#   worked; it is not evidence that the model is right.
# - **Validation**: the model was not tuned to these. Agreement here is the real test, and a
#   disagreement is a finding about the model.
#
# Each row names its sources (author and year; the full references are in
# `biomech/references.py`). This page is for instructors and curious students; it is not one
# of the numbered lessons.

# %% tags=["hide-input"]
import biomech
from biomech import references, validation
from biomech.app.figure import show
from biomech.views.plots import comparisons

results = validation.evaluate()


def table(kind):
    for c, value, agrees in results:
        if c.kind != kind:
            continue
        sources = "; ".join(references.cite(key) for key in c.sources)
        verdict = "agrees" if agrees else "DISAGREES"
        print(f"{c.quantity} [{c.unit}]: model {value:.3g}, published {c.published} ({sources}) - {verdict}")
        print(f"    how: {c.how}")


# %% [markdown]
# ## Calibration: numbers the model was tuned to

# %%
# NBVAL_CHECK_OUTPUT
table("calibration")

# %% [markdown]
# ## Validation: numbers the model was not tuned to

# %%
# NBVAL_CHECK_OUTPUT
table("validation")

# %% [markdown]
# The chart puts every comparison on one scale: the grey bar is the published range
# (-1 its low end, +1 its high end) and the dot is the model.

# %%
show(comparisons([(c.quantity, c.low, c.high, v, ok) for c, v, ok in results if c.kind == "validation"],
                 title="Validation: the model (dot) against published ranges (bar)"))

# %% [markdown]
# ## Where the model disagrees
#
# A disagreement stays on this page with its reason, rather than being tuned away.

# %%
# NBVAL_CHECK_OUTPUT
for key, why in validation.DISAGREEMENTS.items():
    print(f"{key}: {why}")

# %% [markdown]
# ## How sure is each number?
#
# Many of the model's coefficients are teaching assumptions: plausible values without a
# measurement behind them. Each has a low and a high value (`biomech.ASSUMPTIONS`). Drawing
# them all within their ranges shows how much a number could move for this reason alone.

# %%
# NBVAL_CHECK_OUTPUT
bands = biomech.uncertainty(task="single_leg_squat", knee_flexion_deg=60.0, n=1000, seed=0)
for name in ("fppa_deg", "knee_abduction_deg", "load_axis_shift_mm", "medial_load_fraction",
             "knee_adduction_moment_nm"):
    print(f"{name}: {bands[name]}")

# %% [markdown]
# The width of a band says which numbers to read loosely. Which assumptions matter most
# for, say, the knee's own abduction? The sensitivity analysis answers (shares of the
# spread, 0 to 1):

# %%
# NBVAL_CHECK_OUTPUT
for influence in biomech.sensitivity("knee_abduction_deg", task="single_leg_squat", knee_flexion_deg=60.0)[:5]:
    print(f"{influence.name}: total {influence.total:.2f}")

# %% [markdown]
# **Limits.** Agreement with a published mean says the model can produce a typical person;
# it does not make the model a diagnostic tool. Pain, swelling or a knee that gives way
# belong with a clinician.
