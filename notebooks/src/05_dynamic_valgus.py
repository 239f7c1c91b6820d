# %% [markdown]
# # 05 · Dynamic valgus: squats, lunges, locked knees and sitting
#
# Many knees look straight when a person stands and cave inward as soon as they squat, land or
# lunge. This "dynamic valgus" is the kind sports medicine worries about. This lesson shows where it
# comes from: a femur that is turned inward hides while the knee is straight and shows as soon as the
# knee bends. The same geometry explains two everyday postures: standing with the knees locked back,
# and sitting with the knees together and the feet apart.
#
# **Learning goals.** After this notebook (about 15 minutes) you can
#
# - explain, with one equation, why femoral rotation becomes visible valgus only when the knee bends;
# - show that the projection angle (FPPA) grows with knee flexion while the 3-D knee abduction angle
#   (Grood-Suntay) stays at its bone value: dynamic valgus is mostly hip motion;
# - judge a single-leg squat against published projection-angle norms and use squat depth and the
#   "knee over the foot" cue;
# - explain why a locked-back (hyperextended) knee with an inward-turned thigh looks bow-legged, and
#   what sitting with the knees together and the feet apart does at the hip.
#
# Signs: **+ = valgus** (knee toward the midline). Knee flexion + = bent, − = hyperextended.

# %% [markdown]
# ## Why bending reveals rotation
#
# Turn your thigh inward while standing with a straight knee: the kneecap turns, but the knee joint
# itself spins around the leg's long axis and hardly moves sideways. Now bend the knee and turn the
# thigh in again: the knee swings toward the midline. The model's kinematic chain, written with
# sympy, says how much. Ignoring the (smaller) turn of the shin, the sideways distance between the
# ankle centre and the knee centre is:

# %%
import biomech
from biomech.app.checks import ChoiceCheck, StateCheck
from biomech.app.figure import show
from biomech.kinematics import derivation as d
from biomech.views.plots import lines

joint = d.landmarks()
upright = {d.tilt: 0, d.drop: 0, d.hip_add: 0, d.knee_abd: 0, d.tib_ir: 0}
(joint["ankle_center"] - joint["knee_center"])[0].subs(upright)

# %% [markdown]
# Shank length × sin(hip internal rotation) × sin(knee flexion). With the knee straight,
# sin(0°) = 0 and any amount of rotation leaves the knee over the ankle. For a 406 mm shin and 4° of
# rotation the knee moves inside the ankle by about 14 mm at 30° of flexion and 25 mm at 60°.
#
# **Predict.** A woman whose hip external rotators are weak (the model lets body weight turn her femur
# 4° inward on two legs) squats on both legs. At what knee flexion will her projection angle differ
# from a typical woman's: 0°, 30°, 60°, 90°? And what happens to her 3-D knee abduction angle?

# %%
import numpy as np

flexion = np.linspace(0.0, 90.0, 31)
typical = biomech.simulate_many({"task": "squat", "knee_flexion_deg": flexion})
turned_in = biomech.simulate_many({"task": "squat", "knee_flexion_deg": flexion, "abductor_weakness": 1.0})
show(lines(flexion, {"FPPA, typical": typical["fppa_deg"], "FPPA, femur turned in 4°": turned_in["fppa_deg"],
                     "Grood-Suntay knee abduction, typical": typical["knee_abduction_deg"],
                     "Grood-Suntay knee abduction, turned in": turned_in["knee_abduction_deg"]},
           x_title="knee flexion (deg)", y_title="angle (deg, + valgus)",
           title="Squat on both legs: what a front camera sees vs what the knee joint does"))

# %%
# NBVAL_CHECK_OUTPUT
for kf in (0.0, 30.0, 60.0, 90.0):
    for label, extra in (("typical", {}), ("femur turned in", {"abductor_weakness": 1.0})):
        r = biomech.simulate(task="squat", knee_flexion_deg=kf, **extra)
        inside = r.landmarks["ankle_center"][0] - r.landmarks["knee_center"][0]
        print(f"knee {kf:3.0f} deg  {label:16s} FPPA {r.fppa_deg:+5.1f} deg  Grood-Suntay {r.knee_abduction_deg:+5.1f} deg"
              f"  knee inside ankle {inside:+5.1f} mm  knee contact {r.knee_contact_force_bw:.2f} BW")

# %% [markdown]
# **What the model did.**
#
# - With straight knees the two women cannot be told apart (FPPA +3.9° for both). By 90° of flexion
#   the one with the inward-turned femur reaches about +14.6°, the typical one stays near +4°.
# - The 3-D knee abduction angle stays at −0.5°, her bone alignment, at every depth. The knee joint
#   itself is not bending sideways; the thigh above it has turned and the front camera sees the
#   projection of a bent leg. This is why 3-D studies describe dynamic valgus mostly as hip adduction
#   and rotation, with little true knee abduction (PMC7274868).
# - "Knee inside ankle" is the sideways distance between the two joint centres in mm (x of the ankle
#   minus x of the knee, right leg; + = knee inside). The typical squatter keeps her knee within a
#   few mm of the line over her ankle at every depth; the turned-in femur carries it about 25 mm
#   inside by 90°.
# - Knee contact force rises with depth for both (the quadriceps work harder), from about 1 to 3 body
#   weights per knee; the rotation does not change it.
#
# ## The single-leg squat and its norms
#
# On one leg the hip also has to hold the pelvis level (lessons 02 and 03), so weak abductors add hip
# adduction on top of rotation. Herrington & Munro (2010) measured the projection angle of healthy
# young adults landing on one leg: women 5-12°, men 1-9° (about 7-13° and 3-8° in a drop jump). A
# single-leg squat is slower, but clinicians often use the same yardstick for it.

# %%
# NBVAL_CHECK_OUTPUT
for kf in (30.0, 45.0, 60.0):
    base = biomech.simulate(task="single_leg_squat", knee_flexion_deg=kf)
    weak = biomech.simulate(task="single_leg_squat", knee_flexion_deg=kf, abductor_weakness=0.6)
    print(f"single-leg squat {kf:3.0f} deg   FPPA typical {base.fppa_deg:+5.1f} deg   weak gluteals {weak.fppa_deg:+5.1f} deg"
          f"   Grood-Suntay {weak.knee_abduction_deg:+4.1f} deg")

# %% [markdown]
# The typical woman stays inside the women's range up to 60°; with 60 % of her abductor and rotator
# strength gone she reaches 12° at 45°. Two cautions about this model: on one leg even the
# typical woman's projection angle keeps climbing past 60° of flexion (about 24° at 90°), a depth the
# published norms do not cover; and a real projection angle varies from day to day, so a change
# smaller than about 8° between two tests may be measurement noise (Munro, Herrington & Carolan 2012).
#
# ## Depth and the "knee over the foot" cue
#
# Coaches cue "knee over the toes" or "knee above the ankle": keep the kneecap pointing over the
# second toe and do not let the knee drift inside the foot. In the model there is no cue control, but
# you can see the two things a cue changes: how far the person bends, and how much the hip lets the
# femur turn in.
#
# The explorer below shows the *Weak gluteals* preset doing a single-leg squat at 45°. Find the
# deepest squat this person can do while her projection angle stays at or below 12°, the top of the
# women's normal range. Move only the knee-flexion slider and watch the knee relative to the foot in
# the front view.

# %%
app = biomech.explorer(preset="weak_gluteals", task="single_leg_squat")
app

# %%
StateCheck(
    app,
    "With the Weak gluteals preset in a single-leg squat, find a knee flexion of at least 40° at which the "
    "projection angle is 12° or less.",
    lambda result, ui: ui["task"] == "single_leg_squat" and ui["abductor_weakness"] >= 0.6
    and ui["knee_flexion_deg"] >= 40.0 and result.fppa_deg <= 12.0,
    describe=lambda result, ui: f"Task {ui['task']}, abductor weakness {ui['abductor_weakness']:.2f}, knee flexion "
    f"{ui['knee_flexion_deg']:.0f}°, projection angle {result.fppa_deg:+.2f}°.",
    explanation="Just short of 45° is as deep as she can go inside the normal range. Training can aim to move "
    "that depth: stronger hip abductors and external rotators let her bend further with the knee still over "
    "the foot (try lowering Abductor weakness and squatting deeper).",
    hint="Keep the preset's abductor weakness (0.60) and the single-leg squat. Start at 45° (FPPA just above "
    "12°) and take the knee-flexion slider down one degree at a time.",
)

# %% [markdown]
# A lunge puts most of the weight on the front leg with the knee bent, so it behaves like the
# single-leg squat here: the deeper the front knee bends, the more any inward turn of the femur shows.
#
# ## Locked-back knees that look bow-legged
#
# **Predict.** Someone stands with the knees pushed back into hyperextension (−10° of flexion) and the
# thighs turned slightly inward. Which way will the knees appear to move: in (valgus) or out (varus)?
#
# The same equation answers it: with the knee bent *backward*, sin(knee flexion) changes sign, so an
# inward turn of the femur now moves the knee *outward*.

# %%
# NBVAL_CHECK_OUTPUT
for kf in (0.0, -10.0):
    for label, extra in (("no rotation", {}), ("femur in 4 deg", {"abductor_weakness": 1.0}),
                         ("femur in 9.5 deg", {"abductor_weakness": 1.0, "pelvic_tilt_deg": 32.0})):
        st = biomech.simulate(task="stand", knee_flexion_deg=kf, **extra)
        kt = biomech.simulate(task="knees_together", knee_flexion_deg=kf, **extra)
        print(f"knee {kf:+4.0f} deg  {label:17s} HKA {st.hka_deg:+5.1f} deg  Grood-Suntay {st.knee_abduction_deg:+4.1f} deg"
              f"  load-axis shift {st.load_axis_shift_mm:+5.1f} mm  medial share {100 * st.medial_load_fraction:3.0f} %"
              f"  knee gap, ankles together {kt.intercondylar_distance_mm:4.1f} mm")

# %% [markdown]
# **What the model did.** Neither ingredient alone changes the picture: a straight knee hides the
# rotation (the femur turned in by 9.5° still gives HKA −0.5°), and hyperextension without rotation
# bends the leg straight backward. Together they move the knee outward: HKA goes toward varus, the
# gap between the knees with the ankles together widens from about 10 mm to 14-21 mm, and the load
# line moves medially, so the inner compartment's share rises a little. The bones have not changed
# (Grood-Suntay stays at −0.5°). In this model the effect is modest; it is a posture, not a bony bow
# leg, and it goes away when the knee unlocks.

# %%
ChoiceCheck(
    "A teenager stands with locked-back knees and inward-turned thighs, and her knees look bowed. What is "
    "the most likely explanation?",
    ["her bones are bowed (a structural varus)",
     "posture: hyperextended knees seen through inward-turned thighs project as varus",
     "her knees are in valgus: the thighs are turned inward"],
    correct="posture: hyperextended knees seen through inward-turned thighs project as varus",
    explanation="Turning the femur inward rotates the plane in which the knee bends backward, so the backward "
    "bend shows up partly as an outward bow. Ask her to unlock the knees (slight flexion) and look again; in "
    "the model the apparent varus disappears at 0° of flexion.",
    hint="Look at the table: with the knee at 0° does the rotation change HKA? And at −10°?",
)

# %% [markdown]
# ## Sitting with the knees together and the feet apart
#
# Sitting on a chair, the thighs point forward and the shins hang down. If the feet stay apart while
# the knees come together, the thighs have turned inward at the hip and drawn toward each other: with
# a horizontal thigh, hip internal rotation swings the shin outward almost one to one, and the hip
# adducts to keep the feet where they are. The model has no "sitting habit"
# control, so we borrow the causes that turn the femur inward without body weight (pelvic tilt, tight
# adductors) and look at the seated leg. In the model, weak hip muscles do nothing here: in a chair
# the legs carry almost no weight to twist them.

# %%
# NBVAL_CHECK_OUTPUT
for label, extra in (("typical", {}), ("weak abductors 1.0", {"abductor_weakness": 1.0}),
                     ("tight adductors 1.0", {"adductor_tightness": 1.0}), ("pelvic tilt +20 deg", {"pelvic_tilt_deg": 32.0})):
    p = biomech.pose(task="sitting", **extra)
    knees = p["right"]["knee_center"][0] - p["left"]["knee_center"][0]
    ankles = p["right"]["ankle_center"][0] - p["left"]["ankle_center"][0]
    r = p["result"]
    print(f"{label:20s} hip internal rotation {r.hip_internal_rotation_deg:4.1f} deg   shin tilt (FPPA) "
          f"{r.fppa_deg:+4.1f} deg   knees {knees:5.0f} mm apart   ankles {ankles:5.0f} mm apart")

# %% [markdown]
# With the feet planted where they are, each degree of hip internal rotation tilts the shin about a
# degree outward and brings the knees closer together: 5.5° brings them from about 205 mm to about
# 127 mm apart while the ankles stay 198 mm apart. Sitting like this for hours holds the hips in
# internal rotation. Whether the habit itself changes alignment in the long run is not settled, and
# this model, which has no time and no tissue adaptation, cannot answer it.
#
# **Your turn.** In the explorer above choose the task *Sitting on a chair* and make the knees come
# together with the feet apart: a seated shin tilt (FPPA) of at least +3°.

# %%
StateCheck(
    app,
    "Sitting on a chair, make the shins tilt outward (knees together, feet apart) by at least +3° of "
    "projection angle.",
    lambda result, ui: ui["task"] == "sitting" and result.fppa_deg >= 3.0,
    describe=lambda result, ui: f"Task {ui['task']}, hip internal rotation {result.hip_internal_rotation_deg:.1f}°, "
    f"shin tilt {result.fppa_deg:+.1f}°.",
    explanation="Seated, the shin tilt follows the femur's internal rotation almost one to one. Knees together "
    "and feet apart is hip internal rotation, held for as long as you sit.",
    hint="Abductor weakness does nothing in a chair (no body weight twists the femur). Raise Pelvic tilt "
    "(about +13° or more) or Adductor tightness (to 1.0), or both.",
)

# %% [markdown]
# ## Limits
#
# The model poses the body statically: no landing forces, no trunk lean, no arm swing, no fatigue, and
# no coaching cue. The projection-angle norms come from landings of young adults and are used here
# for squats as an approximation; on one leg the model's angles beyond about 60° of flexion have no
# published yardstick. The hyperextension and sitting effects are geometric consequences of the
# chain; the model cannot say whether habits change alignment over years. It is a teaching model, not
# a diagnosis: knee pain, swelling or a knee that gives way belong with a clinician.
