# %% [markdown]
# # 04 · Load and the joint: where the weight goes, and what wears
#
# *About 25 minutes: 8 minutes of reading, the rest with the explorer and the questions.*
#
# Alignment matters because of load. This lesson follows [body weight](glossary.md#body-weight) down
# the leg. Where does the [load line](glossary.md#load-line) cross the knee? How do the knee's two
# halves share the load? And how can years of uneven load end in wear and surgery?
#
# **Learning goals.** After this lesson you can
#
# - say where the load line crosses the knee, in mm and as a
#   [WBL ratio](glossary.md#weight-bearing-line-ratio);
# - predict how bone alignment moves load between the knee's
#   [compartments](glossary.md#compartment);
# - tell which load numbers the model was tuned to and which it was not;
# - explain what body mass and a [trunk lean](glossary.md#trunk-lean) change in the model;
# - describe what an [osteotomy](glossary.md#osteotomy) and a
#   [total knee replacement](glossary.md#total-knee-replacement) change.
#
# Signs: **+ = [valgus](glossary.md#valgus)**, − = [varus](glossary.md#varus). The [load-axis shift](glossary.md#load-axis-shift)
# is + when the line passes [lateral](glossary.md#medial-and-lateral) of the knee centre. The WBL
# ratio runs from 0 % at the medial edge of the [tibial plateau](glossary.md#tibial-plateau) to
# 100 % at the lateral edge.

# %% jupyter={"source_hidden": true} tags=["setup"]
# Set-up: the model, the explorer, the lesson widgets, and the published comparisons of loads.
import numpy as np

import biomech
from biomech import measures, validation
from biomech.app.checks import NumberCheck, Predict, StateCheck, claim, table
from biomech.statics import GRAVITY

WOMAN = dict(sex="female", height_m=1.65, mass_kg=60.0, age_years=25.0)
LOAD_COMPARISONS = ("medial_share_standing", "knee_force_two_legs", "knee_force_one_leg", "hip_force_one_leg",
                    "knee_force_knee_bend")

# %% [markdown]
# ## The line and where it crosses
#
# On a standing long-leg X-ray the load line runs from the centre of the femoral head to the centre
# of the ankle. The model draws it between its own joint centres. For the typical woman standing on
# both legs (right leg, x to her right, mm):

# %% tags=["nbval-check-output"]
r = biomech.simulate(**WOMAN, task="stand")
for joint, words in (("hip_center", "hip centre  "), ("knee_center", "knee centre "), ("ankle_center", "ankle centre")):
    x, _, z = r.landmarks[joint]
    print(f"{words} x = {x:6.1f} mm   height {z:6.1f} mm")
print(f"plateau width {r.plateau_width_mm:.1f} mm")
print(f"load-axis shift {r.load_axis_shift_mm:+.1f} mm, WBL ratio {r.wbl_ratio_pct:.1f} %")

# %% [markdown]
# At knee height the straight hip-to-ankle line passes a few mm medial of the knee centre: a
# negative shift. Dividing by the plateau's width puts it on the plateau:
#
# WBL ratio = 50 % + 100 % × shift ÷ plateau width.

# %% jupyter={"source_hidden": true} tags=["check"]
NumberCheck(
    "A load line passes 7 mm lateral of the knee centre on a 68.8 mm plateau. Its WBL ratio, in %?",
    answer=lambda: measures.wbl_ratio_pct(7.0, 68.8),
    tolerance=1.0,
    unit="%",
    explanation="7 mm is about a tenth of the plateau, so the line sits about 10 % lateral of the middle: about 60 %.",
    hint="Start from 50 % (the middle) and add 100 % × 7 / 68.8; + means lateral, toward 100 %.",
)

# %% [markdown]
# ## Where the line goes, the load follows
#
# **Predict 1.** Her bones are set into valgus, a few degrees at a time. What happens to the share
# of the knee's load carried by its medial (inner) half?

# %% jupyter={"source_hidden": true} tags=["predict"]
BONES = np.array([-10.0, -5.0, -0.5, 3.0, 6.0, 10.0])


def share_reveal():
    """What the model did: standing, bone alignment from varus to valgus."""
    out = biomech.simulate_many({**WOMAN, "task": "stand", "constitutional_hka_deg": BONES})
    claim(np.all(np.diff(out["medial_load_fraction"]) < 0), "the medial share falls as the bones go into valgus")
    columns = {f"bones {b:+.1f}": {k: v[i] for k, v in out.items()} for i, b in enumerate(BONES)}
    return table(columns, ["hka_deg", "load_axis_shift_mm", "wbl_ratio_pct", "medial_load_fraction"])


Predict(
    "As her bones go into valgus, the medial compartment's share of the knee load...",
    options=["rises", "falls", "stays the same: bone angles do not change loads"],
    answer="falls",
    explanation="Valgus carries the knee toward the midline, so the load line passes further lateral and the load "
    "follows it to the outer half. In a straight leg the inner half still carries most of it, because the ground "
    "pushes up slightly medial of the knee.",
    why_tempting={
        "rises": "a knock knee looks as if it presses its inner sides together. The pressure that matters is inside "
        "each knee, and there the load moves outward.",
        "stays the same: bone angles do not change loads": "the body weight is the same, so the load might seem "
        "fixed. Its total is; its split between the two halves is not.",
    },
    reveal=share_reveal,
)

# %% [markdown]
# **Tuned or tested?** The model's standing medial share was *chosen* to fall within the 60-80 %
# that implant studies report: [calibration](glossary.md#calibration). Its knee
# [contact force](glossary.md#contact-force) standing on one and on two legs was tuned to
# instrumented knee implants ([Kutzner et al. 2010](references.md#kutzner2010)). Only the other rows
# below test it ([validation](glossary.md#validation)):

# %% tags=["nbval-check-output"]
for comparison, value, agrees in validation.evaluate():
    if comparison.key in LOAD_COMPARISONS:
        verdict = "agrees" if agrees else "DISAGREES"
        print(f"{comparison.kind:<11s} {comparison.quantity:<38s} model {value:5.3g} {comparison.unit:<3s}"
              f" published {comparison.published} ({verdict})")

# %% [markdown]
# ## Body mass
#
# **Predict 2.** The same woman weighs 60 kg or 120 kg: same bones, same posture, standing on one
# leg. What changes in the model?

# %% jupyter={"source_hidden": true} tags=["predict"]
def mass_reveal():
    """What the model did: one leg at 60 and 120 kg."""
    out = biomech.simulate_many({**WOMAN, "task": "single_leg_stance", "mass_kg": np.array([60.0, 120.0])})
    claim(abs(out["hka_deg"][1] - out["hka_deg"][0]) < 0.01, "mass leaves the angles unchanged")
    newtons = out["knee_contact_force_bw"] * np.array([60.0, 120.0]) * GRAVITY
    lines = [table({"60 kg": {k: v[0] for k, v in out.items()}, "120 kg": {k: v[1] for k, v in out.items()}},
                   ["hka_deg", "medial_load_fraction", "knee_contact_force_bw", "knee_adduction_moment_nm"])]
    lines.append(f"Knee contact force in newtons: {newtons[0]:.0f} N and {newtons[1]:.0f} N.")
    return "\n".join(lines)


Predict(
    "60 kg or 120 kg, same bones and posture, on one leg. In the model...",
    options=["the angles and the medial share change too",
             "forces in newtons and the knee moment double; angles, shares and forces in body weights stay",
             "nothing changes: the model counts forces in body weights"],
    answer="forces in newtons and the knee moment double; angles, shares and forces in body weights stay",
    explanation="The model keeps the posture and the geometry fixed when mass changes, so every angle and share "
    "stays, and forces counted in body weights stay too. Counted in newtons, every force and moment grows in "
    "proportion to mass. Real people with more mass may also stand and move differently; the model does not "
    "include that.",
    why_tempting={
        "the angles and the medial share change too": "heavier people often do have different alignment. In this "
        "model that is not built in: the same bones and posture give the same angles.",
        "nothing changes: the model counts forces in body weights": "body-weight units hide the change. The "
        "cartilage feels newtons, and twice the mass is twice the newtons.",
    },
    reveal=mass_reveal,
)

# %% [markdown]
# The [knee adduction moment](glossary.md#knee-adduction-moment) (KAM) is reported in N m. Its
# published normal range, 0.45 ± 0.09 N m per kg in young adults, was measured in walking
# ([Ota et al. 2017](references.md#ota2017)). Compare per kg, and only for scale: a still pose is
# not a step. The KAM is a stand-in for the medial load, and it matched measured implant forces
# only moderately ([Kutzner et al. 2013](references.md#kutzner2013)).
#
# ## Leaning the trunk
#
# **Predict 3.** Standing on one leg, she leans her trunk 12° sideways over the stance leg. What
# happens to her knee adduction moment?

# %% jupyter={"source_hidden": true} tags=["predict"]
def lean_reveal():
    """What the model did: trunk lean over the stance leg, and a pelvic drop for comparison."""
    out = biomech.simulate_many({**WOMAN, "task": "single_leg_stance", "trunk_lean_deg": np.array([0.0, 6.0, 12.0])})
    claim(out["knee_adduction_moment_nm"][2] < out["knee_adduction_moment_nm"][0], "leaning lowers the KAM")
    columns = {f"lean {lean:.0f} deg": {k: v[i] for k, v in out.items()} for i, lean in enumerate((0, 6, 12))}
    return table(columns, ["centre_of_mass_shift_mm", "knee_adduction_moment_nm", "medial_load_fraction",
                           "hip_abductor_force_bw"])


Predict(
    "On one leg she leans her trunk 12° over the stance leg. Her knee adduction moment...",
    options=["rises: more weight on that side", "falls", "does not change: the same weight stands on the foot"],
    answer="falls",
    explanation="Leaning moves the centre of mass over the stance leg, closer to the knee, so the ground force "
    "passes nearer the knee and its moment shrinks. Studies of walking found the same direction: more lean, less "
    "knee moment (Simic et al. 2012). The hip abductors also need less force.",
    why_tempting={
        "rises: more weight on that side": "on one leg all the weight is already on that side. Leaning changes where "
        "it acts, not how much there is.",
        "does not change: the same weight stands on the foot": "the weight is the same, but a moment is force times "
        "lever, and the lean shortens the lever.",
    },
    reveal=lean_reveal,
)

# %% [markdown]
# The model was not tuned to trunk lean, so walking studies of lean are a real test of it
# ([Simic et al. 2012](references.md#simic2012)). A dropping pelvis is another test: in walking it
# raised the moment by about 9 % per degree. The model's change is only a few per cent per degree,
# a disagreement kept on the [validation page](validation.ipynb).
#
# ## The long road: uneven load, wear and surgery
#
# The model stops at forces. What happens over years cannot be simulated here:
#
# 1. In each compartment the [meniscus](glossary.md#meniscus) spreads the contact over the
#    [cartilage](glossary.md#cartilage). Alignment picks the side that carries more; body mass
#    scales both.
# 2. Loads that stay high on one side for years, especially after an injury, are linked with wear
#    there. As cartilage is lost, the joint tilts further that way: a vicious circle. Valgus knees
#    tend to wear laterally, varus knees medially. This is [osteoarthritis](glossary.md#osteoarthritis).
# 3. It is not a verdict: many people with mild varus or valgus never have symptoms.
#
# **Moving the line.** A high tibial osteotomy cuts the tibia and re-angles it to unload a worn
# medial side. It aims past straight, at the [Fujisawa point](glossary.md#fujisawa-point): 62.5 %
# of the plateau width, within a target of 60-70 % ([Kobayashi et al. 2022](references.md#kobayashi2022)).
# Below, a 55-year-old man with 8° of varus bones stands on both legs. The ghost keeps "before".

# %%
hto = biomech.explorer(preset="normal_male", task="stand", age_years=55.0, bone_offset_deg=-6.5)
hto.freeze()
hto

# %% jupyter={"source_hidden": true} tags=["check"]
StateCheck(
    hto,
    "Standing, change only Bone shape so that his load line crosses the plateau at 60-70 %.",
    lambda result, ui: ui["task"] == "stand" and 60.0 <= result.wbl_ratio_pct <= 70.0
    and ui["adductor_tightness"] == 0 and ui["abductor_weakness"] == 0 and ui["arch_collapse"] == 0,
    describe=lambda result, ui: f"Bones {result.constitutional_hka_deg:+.1f}° (before −8.0°): WBL ratio "
    f"{result.wbl_ratio_pct:.1f} %, medial share {100 * result.medial_load_fraction:.0f} %.",
    explanation="The correction is larger than the varus itself: the bones go from 8° varus to a few degrees of "
    "valgus. The target is meant for varus knees with medial wear; it is not an ideal for everyone.",
    hint="Move Bone shape to the right until the 'Weight-bearing line across the plateau' row reads 60-70 %.",
)

# %% [markdown]
# **Replacing the joint.** Sometimes the cartilage is worn away and pain limits daily life. A total
# knee replacement then swaps the worn surfaces of femur and tibia for metal and plastic parts. Painful
# osteoarthritis with reduced function is the main reason for it. Most patients do very well, but
# 20 % or more are not satisfied ([Price et al. 2018](references.md#price2018)). The model has no
# cartilage or implants, so it cannot show this.
#
# **Explain in your own words.** Why does an osteotomy for a worn medial side aim *past* straight?
# (Double-click, write, Shift+Enter.)
#
# *Your answer:*
#
# **Limits.** The load split comes from a simple static model, with shares tuned to published
# values. It has no cartilage, menisci or time, so it cannot predict wear for anyone. Knee pain,
# swelling, locking or giving way belong with a clinician.
#
# ## Summary
#
# Where the load line crosses the plateau decides which half of the knee carries more; mass
# multiplies it and a trunk lean shifts it. Wear follows load over years; surgery moves or replaces it.
#
# **Next:** [05 · Dynamic valgus](05_dynamic_valgus.ipynb)
