# %% [markdown]
# # 00 · Start here: a knee-valgus simulator
#
# **What this is.** A small, transparent model of the pelvis, thighs, shins and feet. You change a
# person, a task and five possible causes of knock knees (knee valgus), and the model tells you where
# the knee goes, where the body's load line passes the knee and how the knee's load is shared.
#
# **What this is not.** A teaching model, not a diagnosis. Pain, swelling, a knee that gives way, or
# a child whose legs look different from one side to the other belong with a clinician.
#
# **Sign conventions (used everywhere):** angles in degrees, lengths in millimetres, and
# **+ means valgus** (the knee sits inside the line from hip to ankle); − means varus (bow legs).
# The ground frame has x to the person's right, y forward and z up.

# %%
import biomech
from biomech.report import report

# %% [markdown]
# ## One simulation
#
# A 25-year-old woman, 1.65 m and 60 kg, does a single-leg squat to 45° of knee flexion with no
# cause switched on. Every number has its unit in its name, and the table gives the published
# normal range and its verdict.

# %%
# NBVAL_CHECK_OUTPUT
r = biomech.simulate(sex="female", height_m=1.65, mass_kg=60.0, age_years=25.0,
                     task="single_leg_squat", knee_flexion_deg=45.0)
print(report(r))

# %% [markdown]
# ## Switch on a cause
#
# Now the same person with a collapsed arch (flat foot, `arch_collapse=1.0`, a navicular drop of
# 18 mm). Predict first: will the projection angle go up or down? Will the load line move
# toward the inside or the outside of the knee?

# %%
# NBVAL_CHECK_OUTPUT
flat = biomech.simulate(sex="female", height_m=1.65, mass_kg=60.0, age_years=25.0,
                        task="single_leg_squat", knee_flexion_deg=45.0, arch_collapse=1.0)
for name in ("fppa_deg", "load_axis_shift_mm", "medial_load_fraction", "tibial_internal_rotation_deg"):
    print(f"{name:30s} {getattr(r, name):7.2f} -> {getattr(flat, name):7.2f}")

# %% [markdown]
# The knee moves inward (projection angle up), the load line moves to the outside of the
# knee centre (load-axis shift up) and the inner compartment's share of the load goes down. The next
# notebooks take each cause in turn.
