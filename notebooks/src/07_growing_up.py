# %% [markdown]
# # 07 · Growing up and the self-check
#
# Parents and patients often ask two questions: "Are my child's legs normal for their age?" and "Do I
# have knock knees? My ankles don't touch." This lesson follows the knee's alignment from birth to
# adulthood, runs the home self-check (knees together, look at the ankles) in the model, and tests the
# popular rule of thumb that a gap of about 5 cm (2 inches) means knock knees.
#
# **Learning goals.** After this notebook (about 15-20 minutes) you can
#
# - describe the normal path of knee alignment from birth to about 8 years, with its spread and its
#   sources: bow legs in infants, a valgus peak at about 3-4 years, adult values by 7-8;
# - run the "knees together" self-check in the explorer and read the ankle gap (intermalleolar
#   distance) and the knee gap (intercondylar distance);
# - test the 5 cm rule against body mass, height and age, and name the people it misjudges;
# - read how common an ankle gap is at each age in a simulated population, and compare the model with
#   gaps measured in real children;
# - say which findings in a child belong with a clinician.
#
# Signs: **+ = valgus** (knock knee), **− = varus** (bow leg). Angles in degrees, gaps in mm.

# %% [markdown]
# ## From bow legs to knock knees and back
#
# A newborn's legs are bowed. During the second year they straighten, swing past straight into knock
# knees, and then settle to the slight valgus of adults. This is normal growth, not a disease.
#
# **Predict.** At what age are the knees of an average child most knock-kneed?

# %%
import numpy as np

import biomech
from biomech import population
from biomech.app.checks import ChoiceCheck, StateCheck
from biomech.app.figure import show
from biomech.views.plots import lines

ChoiceCheck(
    "At what age does the average child's knee reach its largest valgus (most knock-kneed)?",
    ["about 1 year", "about 3-4 years", "about 7-8 years", "about 14 years"],
    correct="about 3-4 years",
    explanation="The knees pass through straight at about 18 months and reach their largest valgus around 3-4 "
    "years (Yoo et al. 2008: 7.8° at 4 years; Salenius & Vankka 1975: about 10° at about 4 years). By 7-8 years "
    "they have settled near adult values.",
    hint="At 1 year most children are still bow-legged, and by 7-8 the knees look like an adult's. The peak "
    "lies between the two.",
)

# %% [markdown]
# The model follows a smoothed developmental curve of the **clinical tibiofemoral angle** (the angle
# between the thigh's and the shin's long axes, seen from the front). It is a synthesis of several
# studies, not the curve of one (`biomech.subject.DEVELOPMENT_TFA_DEG`). The band is the mean ± 2
# standard deviations (SD): about 95 % of healthy children of that age would fall inside it.

# %%
ages = np.linspace(0.0, 18.0, 145)
mean, sd = population.developmental_band(ages)
show(lines(ages, {"mean tibiofemoral angle": mean},
           bands={"mean ± 2 SD (about 95 % of children)": (mean - 2 * sd, mean + 2 * sd)},
           x_title="age (years)", y_title="tibiofemoral angle (deg, + valgus, − varus)",
           title="Normal development of knee alignment (model curve)", hlines={"straight": 0.0}))

# %%
# NBVAL_CHECK_OUTPUT
key_ages = np.array([0.0, 0.5, 1.0, 1.5, 2.0, 2.25, 3.0, 4.0, 6.0, 8.0, 12.0, 18.0])
key_mean, key_sd = population.developmental_band(key_ages)
for age, m, s in zip(key_ages, key_mean, key_sd):
    print(f"age {age:5.2f} y   mean {m:+5.1f} deg   SD {s:3.1f} deg   "
          f"normal band {m - 2 * s:+5.1f} to {m + 2 * s:+5.1f} deg")

# %% [markdown]
# Compare the model with the studies it was built from:
#
# | age | published | study |
# |---|---|---|
# | 0-3 weeks | 13.2 ± 3.8° varus | Nigerian children followed monthly to 3 years (*J Child Orthop* 2013, 152 children) |
# | 18 months / 19 months | 0.3 ± 2.1° varus / 2.4 ± 2.5° valgus | same study: the switch from bow to knock |
# | 27 months / 36 months | 8.5 ± 2.5° / 7.7 ± 2.2° valgus | same study |
# | under 1 year → 1.5 y → 4 y → 7-8 y | varus → straight → 7.8° valgus (peak) → 5-6° | Yoo et al. 2008, X-rays of 452 Korean children |
# | newborn → about 4 y → about 8 y | 10-15° varus → about 10° valgus → about 5° valgus; SD about 8° | Salenius & Vankka 1975, 1279 Finnish children (read in a textbook that cites it) |
#
# The model's mean runs from −12° at birth through 0° at 1.5 years to +10° at 4 years and +6° at 8.
# Its peak is a little higher than Yoo's, and later than the Nigerian children's (8.5° at 27 months;
# that study stopped at 3 years). Studies
# elsewhere put the peak later and lower (south Indian children 6.7-7.3° at 5-6 years; Turkish children
# 9.6-9.8° at 6-7 years), so "normal" depends somewhat on the population.
#
# **The spread.** The model's SD is 2-4°, taken from the Nigerian study (3.8° at birth, 2.2-2.5° later)
# and from adults (2.6°, Jamali et al. 2017). Salenius & Vankka reported a much wider spread, SD about 8°.
# Keep that in mind for the numbers at the end of this lesson: a narrow spread makes large gaps rare.
#
# **Which readout to compare.** In the explorer, compare this curve with the *Anatomic tibiofemoral
# angle* row. The *Hip-knee-ankle angle* (HKA) row is 5.4° lower at every age, because the model's
# thigh bone has its shaft angled 5.4° from the line hip-to-knee (the adult mean of Jamali 2017). A
# healthy 3-year-old has about +8-9° on the clinical scale, but only about +3° of HKA.
#
# ## The self-check in the explorer
#
# The home test: stand up straight, bring the legs together until the knees touch, and look at the
# ankles. The gap between the inner ankle bones is the **intermalleolar distance** (IMD). If the ankles
# touch first instead, the gap left between the knees is the **intercondylar distance** (ICD), the sign
# of bow legs. The model's task *Self-check: knees together* does exactly this and reports both.
#
# The explorer below starts with a boy aged 1 (0.75 m, 9.5 kg), in the self-check stance. **Predict
# first:** will his knees or his ankles touch first?

# %%
app = biomech.explorer(preset="toddler_1", task="knees_together")
app

# %% [markdown]
# His ankles touch and his knees stay about 38 mm apart (see *Knee gap, ankles together*): normal bow
# legs at 1 year. Now choose the preset **Child aged 3** (a girl, 0.95 m, 14 kg). Her knees touch and her
# ankles stay apart. Then move the **Age** slider between 1 and 10 years while her size stays the same,
# and watch the ankle gap and the knee gap.

# %%
StateCheck(
    app,
    "In the self-check stance, with a child's body (height under 1.3 m), set the age at which the ankle gap is "
    "largest.",
    lambda result, ui: ui["task"] == "knees_together" and ui["height_m"] < 1.3 and 3.5 <= ui["age_years"] <= 4.5
    and result.intermalleolar_distance_mm > 0.0,
    describe=lambda result, ui: f"Age {ui['age_years']:.2f} y, bone alignment {result.hka_deg:+.1f}° HKA, "
    f"ankle gap {result.intermalleolar_distance_mm:.0f} mm, knee gap {result.intercondylar_distance_mm:.0f} mm.",
    explanation="The gap follows the developmental curve: it is largest at the valgus peak, 4 years in the model. "
    "Before about 2.5 years the knees are the ones left apart, and by about 7-8 years the ankle gap has "
    "closed for a child of typical build.",
    hint="Choose the preset 'Child aged 3' (it keeps the self-check task), then move Age slowly from 2 to 7 "
    "and watch the 'Ankle gap, knees together' row rise and fall.",
)

# %% [markdown]
# ## The self-check at every age
#
# Real children also grow. Here each age has the median height and mass of children that age
# (`population.typical_size`: rounded values recalled from WHO and CDC growth charts, sexes averaged)
# and the mean alignment of the curve:

# %%
# NBVAL_CHECK_OUTPUT
check_ages = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 12.0, 18.0])
height, mass = population.typical_size(check_ages)
kids = biomech.simulate_many({"task": "knees_together", "age_years": check_ages, "height_m": height, "mass_kg": mass})
for i, age in enumerate(check_ages):
    print(f"age {age:4.1f} y  {height[i]:.2f} m {mass[i]:5.1f} kg   tibiofemoral {kids['atfa_deg'][i]:+5.1f} deg   "
          f"HKA {kids['hka_deg'][i]:+5.1f} deg   ankle gap {kids['intermalleolar_distance_mm'][i]:5.1f} mm   "
          f"knee gap {kids['intercondylar_distance_mm'][i]:5.1f} mm")

# %% [markdown]
# The typical 4-year-old has a 25 mm ankle gap. Toddlers of 1-2 years have a knee gap instead, and from
# 8 years on a small knee gap of 5-9 mm remains: the adult woman of the model has slightly varus bones
# (HKA −0.5°, the mean for women in PMC3560206). A lay web page puts a 2-5 cm gap within the typical range
# for young children (a low-quality source, section 4 of the reference values); the model agrees for the
# average child.
#
# ## Testing the "5 cm" rule
#
# The rule says: knees together, and a gap of about 5 cm (2 inches) or more between the ankles means
# knock knees. It is popular on health websites, but the course's search **did not find it in a
# primary source**; advice of the "more than 8 cm" kind was not found in one either. So treat it as a
# rule of thumb to test, not a finding.
#
# The gap depends on more than the bones. With the knees touching, the knee centres are held apart by
# the soft tissue around the knees, and the ankles by the soft tissue around the ankles. Thicker thighs
# and knees push the knee centres apart, and the ankles further still. In the model each unit of BMI
# above a lean reference adds 1.2 mm of soft tissue on the inside of each knee and 0.3 mm at each
# ankle: a **teaching assumption** (`biomech.subject`), put in so that body size changes the self-check.
#
# **Predict.** Two women, both 1.65 m, with exactly the same bones (typical, HKA −0.5°). One weighs
# 55 kg, the other 100 kg. Who has the larger ankle gap, and does either pass 5 cm?

# %%
# NBVAL_CHECK_OUTPUT
bones = np.array([-0.5, 2.0, 4.0])
masses = np.array([45.0, 55.0, 65.0, 75.0, 85.0, 100.0, 120.0])
rule = biomech.simulate_many({"task": "knees_together", "height_m": 1.65,
                              "constitutional_hka_deg": bones[:, None], "mass_kg": masses[None, :]})
print("woman 1.65 m; ankle gap [mm] with knees together")
print("mass (kg)        " + "".join(f"{m:7.0f}" for m in masses))
print("BMI (kg/m2)      " + "".join(f"{m / 1.65 ** 2:7.1f}" for m in masses))
for i, hka in enumerate(bones):
    print(f"bones HKA {hka:+4.1f} deg" + "".join(f"{g:7.1f}" for g in rule["intermalleolar_distance_mm"][i]))

# %%
show(lines(masses / 1.65 ** 2, {f"bones HKA {hka:+.1f}°": rule["intermalleolar_distance_mm"][i]
                                for i, hka in enumerate(bones)},
           x_title="body-mass index (kg/m²), woman 1.65 m", y_title="ankle gap with knees together (mm)",
           title="Same bones, different body: the self-check gap", hlines={"the '5 cm' rule": 50.0}, markers=True))

# %% [markdown]
# **What the model did.** With typical bones, the 55 kg woman has no ankle gap at all; at 100 kg
# (BMI 36.7) the gap is 42 mm, and at 120 kg it passes 5 cm although her bones are exactly the same.
# Each BMI unit adds about 4 mm of gap. The other way round, a slim woman (45 kg, BMI 16.5) whose bones
# are in 4° of valgus, beyond the adult normal range (up to +3.2°: the mean + 2 SD of Hsu 1990, via
# PMC3560206), has a gap of only 21 mm.
#
# Height and sex matter too, a little less:

# %%
# NBVAL_CHECK_OUTPUT
heights = np.array([1.50, 1.65, 1.80, 1.95])
size = biomech.simulate_many({"task": "knees_together", "constitutional_hka_deg": 4.0, "height_m": heights[None, :],
                              "mass_kg": 22.0 * heights[None, :] ** 2, "sex": np.array(["female", "male"])[:, None]})
for i, sex in enumerate(("female", "male")):
    print(f"{sex:6s} bones +4.0 deg, BMI 22: " + "   ".join(
        f"{h:.2f} m -> {g:4.1f} mm" for h, g in zip(heights, size["intermalleolar_distance_mm"][i])))

# %% [markdown]
# Taller legs turn the same angle into a wider gap (the ankles are further from the knees), and at the
# same height the model's men have narrower hips than its women (a teaching assumption of the model's
# pelvis widths), so their thighs slope in less and the gap is 13-17 mm larger for the same bones. Children, with short legs, show small gaps even at their
# valgus peak.
#
# **Your turn.** In the explorer above, choose the preset **Normal adult woman** (her task stays the
# self-check). Without touching the bone shape or any cause, make her ankle gap pass 5 cm.

# %%
CAUSES = ("adductor_tightness", "abductor_weakness", "arch_collapse", "hip_width_offset_mm", "pelvic_tilt_offset_deg",
          "bone_offset_deg")
StateCheck(
    app,
    "An adult (18 or older) with typical bones and no causes, in the self-check stance: make the ankle gap larger "
    "than 50 mm.",
    lambda result, ui: ui["task"] == "knees_together" and ui["age_years"] >= 18.0
    and all(ui[k] == 0 for k in CAUSES) and result.intermalleolar_distance_mm > 50.0,
    describe=lambda result, ui: f"{ui['sex']}, {ui['height_m']:.2f} m, {ui['mass_kg']:.1f} kg (BMI "
    f"{ui['mass_kg'] / ui['height_m'] ** 2:.1f}), bones {result.hka_deg:+.1f}° HKA, ankle gap "
    f"{result.intermalleolar_distance_mm:.0f} mm.",
    explanation="The bones are the typical ones, yet the rule would call this person knock-kneed. In the model the "
    "gap came from soft tissue (and, if you used them, from height or from switching to a man's narrower hips). "
    "A gap says where the ankles are, not why.",
    hint="Choose the preset 'Normal adult woman' and raise Body mass; at 1.65 m the gap passes 50 mm at about "
    "105 kg. Height and Sex also change it.",
)

# %%
ChoiceCheck(
    "A slim woman (1.65 m, 45 kg) has bones in 4° of valgus HKA, beyond the adult normal range. What does the "
    "5 cm rule say about her?",
    ["it flags her: her gap is well over 5 cm", "it misses her: her gap is about 2 cm",
     "it cannot be used: her ankles and knees both touch"],
    correct="it misses her: her gap is about 2 cm",
    explanation="In the table above her gap is 21 mm. Little soft tissue at the knees lets them come close, so "
    "the ankles stay close too. The rule misses real valgus in slim and short people and in children, and flags "
    "people with typical bones but a high BMI.",
    hint="Find the row 'bones HKA +4.0 deg' and the column for 45 kg in the table above.",
)

# %% [markdown]
# **Where the rule misleads, in short:**
#
# - **High BMI** gives a gap without bony valgus (a false alarm).
# - **Slim or short people** can have bony valgus without a 5 cm gap (a miss).
# - **Children** have short legs: at the valgus peak the average gap is only about 2.5 cm in the model.
#   An adult threshold says little about them, and their own normal range changes every year.
# - **Hip width and sex** change the gap for the same bones.
# - The rule has no primary source, and an X-ray angle (HKA) measures the bones directly.
#
# ## How common is a gap at each age?
#
# Now a whole population: at each age from birth to 18, 2000 simulated girls of median size for their
# age, each with a bone alignment drawn from the curve's mean and SD (a seeded draw, so the numbers are
# the same on every run). `population.ankle_gap_prevalence` counts the share whose ankle gap exceeds a
# threshold.

# %%
years = np.arange(0.0, 18.5, 0.5)
share_5cm, gaps = population.ankle_gap_prevalence(years, threshold_mm=50.0, n=2000, seed=0)
share_8cm, _ = population.ankle_gap_prevalence(years, threshold_mm=80.0, n=2000, seed=0)
show(lines(years, {"gap over 5 cm": 100 * share_5cm, "gap over 8 cm": 100 * share_8cm},
           x_title="age (years)", y_title="share of children (%)", markers=True,
           title="Simulated girls of median size: share with an ankle gap, knees together"))

# %%
# NBVAL_CHECK_OUTPUT
for age in (2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 14.0, 18.0):
    i = int(np.searchsorted(years, age))
    print(f"age {age:4.1f} y   gap over 5 cm {100 * share_5cm[i]:4.1f} %   over 8 cm {100 * share_8cm[i]:3.1f} %   "
          f"median gap {np.median(gaps[i]):4.1f} mm")

# %% [markdown]
# In the model a gap over 5 cm is rare before 3 years, most common at 4 years (about 13 % of girls), and
# uncommon again (under 2 %) from 7 to 12 years. After that it creeps up to about 4 % at 18, because
# longer legs turn the same angle into a wider gap. A gap over 8 cm is rare at every age (under 1 %).
#
# **Check against real children.** HeshmatiPour & Karimi measured 2268 Iranian children aged 8-11 years
# standing: the mean ankle gap was 7.5 ± 11.2 mm (mean ± SD), with no effect of age or sex. The same ages
# in the simulation:

# %%
# NBVAL_CHECK_OUTPUT
school = (years >= 8.0) & (years <= 11.0)
print(f"simulated girls 8-11 y: ankle gap {gaps[school].mean():.1f} +- {gaps[school].std():.1f} mm (mean +- SD), "
      f"{100 * (gaps[school] > 0).mean():.0f} % with any gap")
print("measured, Iranian children 8-11 y (HeshmatiPour & Karimi): 7.5 +- 11.2 mm")

# %% [markdown]
# The model's 8-11-year-olds come out close: 5.3 ± 11.0 mm, with about 70 % of them having no ankle gap
# at all (the large SD comes from the many zeros and a few wide gaps). That is support for the model's
# narrow spread at these ages, though not proof: the simulated children all have the median build and
# the real ones did not.
#
# **What the simulation leaves out.** Every simulated child has the median height and mass for their
# age, so the BMI effect you just saw is missing: in a real population heavier children would push the
# gaps wider and slimmer ones would close them, spreading the gaps further. A wider spread of bone alignment (Salenius & Vankka's SD of about
# 8° instead of the model's 2-4°) would also give many more large gaps at 3-5 years. The shares are
# illustrations of the mechanism, not prevalence figures to quote.
#
# ## Summary
#
# - Bow legs in infancy, straight at about 18 months, a valgus peak at 3-4 years and adult values by
#   7-8 years are the normal path (Salenius & Vankka 1975; Yoo et al. 2008; the Nigerian longitudinal
#   study, *J Child Orthop* 2013).
# - The self-check gap is largest at the valgus peak, about 25 mm for a typical 4-year-old in the model.
# - The 5 cm rule mixes bones with body size: a high BMI can pass it with typical bones, a slim person
#   can miss it with real valgus. It has no primary source.
# - In the simulated population a gap over 5 cm is most common at about 4 years and rare in school-age
#   children; 8-11-year-olds match measured gaps in Iranian children fairly well.
#
# ## Limits
#
# This is a teaching model, not a diagnosis, and a simulated gap is not a measurement of anyone's child.
# The curve is a synthesis of a few studies and differs between populations; the soft-tissue widths are
# teaching assumptions. See a clinician when the legs differ from one side to the other, when the
# alignment is outside the normal range for the child's age or is getting worse instead of better (for
# example clear bow legs well after 2 years, or clear knock knees after about 8 years, the ages by which
# the normal curve has moved on), when the child is unusually short for their age, or when there is pain,
# swelling, limping or a knee that gives way.
