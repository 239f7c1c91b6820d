"""Validity: the default adults fall inside the published normal ranges, body mass scales
forces but not angles, and children follow the developmental curve.

Every range comes from ``biomech.norms.NORMAL_RANGES``; each test id ends with the keys
of the range's sources (:mod:`biomech.references`; see ``tests/_reference_checks.py``).
"""

from __future__ import annotations

import numpy as np
import pytest
from _reference_checks import ADULTS, case_id, out_of_range, range_cases, ranges

import biomech
from biomech import norms, references
from biomech.norms import NORMAL_RANGES

#: The measures that must have a published range somewhere.
COVERED = (
    "hka_deg",
    "atfa_deg",
    "load_axis_shift_mm",
    "wbl_ratio_pct",
    "q_angle_deg",
    "medial_load_fraction",
    "hip_abductor_force_bw",
    "hip_contact_force_bw",
    "knee_contact_force_bw",
    "knee_adduction_moment_nm",
    "pelvic_tilt_deg",
    "navicular_drop_mm",
    "fppa_deg",
    "pelvic_drop_deg",
    "intermalleolar_distance_mm",
)


def test_every_normal_range_names_known_sources_and_model_tasks():
    """Each range's sources are keys of biomech.references and its tasks are model tasks;
    ranges from another activity (walking) are the only ones without a task."""
    for name, rng in ranges():
        assert name in biomech.OUTPUT_NAMES, f"{name}: not a simulate() output"
        for key in rng.sources:
            assert key in references.REFERENCES, f"{name}: source {key!r} is not in biomech.references"
        assert set(rng.tasks) <= set(biomech.TASK_NAMES), (name, rng.tasks)
        assert rng.tasks or rng.context == "walking", f"{name}: a range without a task must be a walking value"
    assert set(COVERED) <= set(NORMAL_RANGES)


@pytest.mark.parametrize(
    ("name", "rng", "task", "knee_flexion", "sex"), [pytest.param(*c, id=case_id(*c)) for c in range_cases()]
)
def test_default_adult_inside_published_normal_range(name, rng, task, knee_flexion, sex):
    """Default adult female (1.65 m, 60 kg, 25 y) and male (1.78 m, 75 kg, 25 y), no causes,
    in each task and at a knee flexion the range was measured in: inside the range. The
    sources' keys are the last part of the test id (e.g. Jamali2017)."""
    person = ADULTS[sex]
    r = biomech.simulate(**person, task=task, knee_flexion_deg=knee_flexion)
    problem = out_of_range(name, rng, r, sex, person["mass_kg"])
    assert problem is None, problem


@pytest.mark.parametrize("sex", ["female", "male"])
@pytest.mark.parametrize("task", biomech.TASK_NAMES)
def test_a_healthy_adult_is_never_rated_abnormal(task, sex):
    """Over the task's whole knee-flexion range, every verdict the readouts would give a
    healthy adult is "normal" or none (no range measured in that task at that flexion):
    standing-radiograph measures are not judged in a squat, walking values never."""
    low, high = biomech.TASKS[task].knee_flexion_range_deg
    for flexion in np.linspace(low, high, 7):
        r = biomech.simulate(**ADULTS[sex], task=task, knee_flexion_deg=float(flexion))
        for name in NORMAL_RANGES:
            verdict = norms.judge(name, r)[2]
            assert verdict in ("normal", None), (name, float(flexion), getattr(r, name), verdict)


def test_no_verdict_without_a_matched_range():
    """A squat's HKA is a projection, not a radiograph; the knee adduction moment's range
    is from walking: neither gets a verdict."""
    squat = biomech.simulate(task="squat", knee_flexion_deg=60.0)
    assert norms.judge("hka_deg", squat)[2] is None
    stance = biomech.simulate(task="single_leg_stance")
    assert norms.judge("knee_adduction_moment_nm", stance)[2] is None
    assert norms.judge("hka_deg", biomech.simulate(task="stand"))[2] == "normal"


@pytest.mark.parametrize("sex", ["female", "male"])
def test_default_hka_matches_sex_specific_means(sex):
    """[Jamali2017] (CT): women +0.5 +- 2.9 deg, men -1.7 +- 2.9 deg;
    PMC3560206 Table 2: women more often valgus than men. Default adults within 1 SD."""
    mean, sd = {"female": (0.5, 2.9), "male": (-1.7, 2.9)}[sex]
    r = biomech.simulate(**ADULTS[sex], task="stand")
    assert mean - sd <= r.hka_deg <= mean + sd
    other = biomech.simulate(**ADULTS["male" if sex == "female" else "female"], task="stand")
    if sex == "female":
        assert r.hka_deg > other.hka_deg


# --- body mass: same angles, larger loads -------------------

MASS_TASKS = [t for t in biomech.TASK_NAMES if t != "knees_together"]


@pytest.mark.parametrize("task", MASS_TASKS)
def test_forces_scale_with_mass_angles_do_not(task):
    """Same person at 60 and 90 kg: identical angles and positions, identical forces in
    body-weight units, knee adduction moment [N m] x 90/60.

    "knees_together" is excluded: there the pose is set by the knees' and ankles' soft
    tissue touching, which grows with BMI by design (the self-check lesson compares the
    ankle-gap rule with body size), so mass legitimately moves the legs.
    """
    causes = dict(adductor_tightness=0.3, abductor_weakness=0.4, arch_collapse=0.5, pelvic_tilt_deg=18.0)
    light = biomech.simulate(sex="female", height_m=1.65, age_years=25.0, mass_kg=60.0, task=task, **causes).as_dict()
    heavy = biomech.simulate(sex="female", height_m=1.65, age_years=25.0, mass_kg=90.0, task=task, **causes).as_dict()
    geometric = ("load_axis_shift_mm", "navicular_drop_mm", "hip_width_mm", "plateau_width_mm", "abductor_use")
    mass_free = [k for k in light if k.endswith(("_deg", "_bw", "_fraction", "_pct")) or k in geometric]
    for k in mass_free:
        assert heavy[k] == pytest.approx(light[k], rel=1e-9, abs=1e-9), k
    assert heavy["knee_adduction_moment_nm"] == pytest.approx(
        light["knee_adduction_moment_nm"] * 90.0 / 60.0, rel=1e-9, abs=1e-9
    )
    # The forces themselves (not only their BW multiples) are non-trivial here.
    assert abs(light["knee_adduction_moment_nm"]) > 0.1
    assert light["knee_contact_force_bw"] > 0.1


def test_heavier_body_widens_the_self_check_ankle_gap():
    """The self-check depends on soft tissue: more body mass at the same height and bones
    means thicker knees, so the gap at the ankles can only grow."""
    masses = np.linspace(50.0, 120.0, 8)
    out = biomech.simulate_many(
        {
            "sex": "female",
            "height_m": 1.65,
            "age_years": 25.0,
            "mass_kg": masses,
            "task": "knees_together",
            "constitutional_hka_deg": 3.0,
        }
    )
    gap = out["intermalleolar_distance_mm"]
    assert np.all(np.diff(gap) >= 0.0)
    assert gap[-1] > gap[0]
    # Bone alignment does not depend on mass.
    np.testing.assert_allclose(out["knee_abduction_deg"], 3.0)


# --- children: the developmental curve [SaleniusVankka1975; Yoo2008; Oyewole2013] ----------

#: Typical body size by age (height [m], mass [kg]): rounded medians of the growth charts
#: [WHO2006; Kuczmarski2002].
#: Only body size: bone alignment comes from age alone.
CHILD_SIZE = {
    0.5: (0.67, 7.5),
    1.0: (0.75, 9.5),
    1.5: (0.82, 10.8),
    2.0: (0.87, 12.0),
    2.5: (0.91, 13.0),
    3.0: (0.95, 14.0),
    3.5: (0.99, 15.0),
    4.0: (1.02, 16.0),
    4.5: (1.06, 17.0),
    5.0: (1.09, 18.0),
    6.0: (1.16, 20.5),
    7.0: (1.22, 23.0),
    8.0: (1.28, 25.5),
    9.5: (1.36, 30.0),
    10.0: (1.38, 32.0),
    11.0: (1.44, 36.0),
    12.0: (1.50, 40.0),
    15.0: (1.62, 52.0),
    18.0: (1.65, 57.0),
}


def _child(sex, age, **kw):
    h, m = CHILD_SIZE[age]
    return biomech.simulate(sex=sex, height_m=h, mass_kg=m, age_years=age, task="stand", **kw)


def _adult(sex):
    return biomech.simulate(**ADULTS[sex], task="stand")


@pytest.mark.parametrize("sex", ["female", "male"])
def test_infant_is_in_varus(sex):
    """[SaleniusVankka1975] curve / Nigerian longitudinal study [Oyewole2013]:
    varus in the first year; smoothed curve -8 deg (anatomic TFA) at 6 months."""
    r = _child(sex, 0.5)
    assert r.hka_deg < 0.0
    assert r.constitutional_hka_deg < 0.0
    # The curve is the bones' alignment (a 6-month-old is measured lying down); the model's
    # standing knee adds its soft-tissue give, which is small here.
    assert abs(r.knee_give_deg) <= 2.5
    assert -11.0 <= r.atfa_deg - r.knee_give_deg <= -5.0  # smoothed curve -8 +- 3 (SD about 2.5-3.8)


@pytest.mark.parametrize("sex", ["female", "male"])
def test_neutral_near_eighteen_months(sex):
    """[Yoo2008] (neutral at 1.5 y) and Nigerian children [Oyewole2013] (0.3 +- 2.1 deg
    at 18 mo, switch to valgus at 18-19 mo): anatomic TFA near 0 at 1.5 years."""
    r = _child(sex, 1.5)
    assert abs(r.atfa_deg - r.knee_give_deg) <= 2.5 and abs(r.knee_give_deg) <= 2.5


@pytest.mark.parametrize("sex", ["female", "male"])
def test_valgus_peak_at_three_to_four_years(sex):
    """[SaleniusVankka1975; Yoo2008] and the smoothed curve: the most valgus
    age is about 3-4 years (smoothed aTFA 3 y +7..+10, 4 y +8..+10 deg)."""
    ages = sorted(CHILD_SIZE)
    hka = np.array([_child(sex, a).hka_deg for a in ages])
    peak_age = ages[int(np.argmax(hka))]
    assert 3.0 <= peak_age <= 4.0, dict(zip(ages, np.round(hka, 2)))
    assert hka.max() > _adult(sex).hka_deg + 2.0
    assert 7.0 <= _child(sex, 3.0).atfa_deg <= 10.0
    assert 8.0 <= _child(sex, 4.0).atfa_deg <= 10.0


@pytest.mark.parametrize("sex", ["female", "male"])
@pytest.mark.parametrize("age", [8.0, 12.0, 15.0, 18.0])
def test_adult_alignment_reached_by_eight_years(sex, age):
    """[Yoo2008] (adult level at 7-8 y) and [SaleniusVankka1975] (adult
    about 5-6 deg by about 8 y): from 8 years the alignment is within 1 deg of the adult's."""
    r, adult = _child(sex, age), _adult(sex)
    assert abs(r.hka_deg - adult.hka_deg) <= 1.0
    assert abs(r.atfa_deg - adult.atfa_deg) <= 1.0


@pytest.mark.parametrize("sex", ["female", "male"])
def test_developmental_curve_order(sex):
    """The developmental curve: varus infant < neutral toddler < valgus peak at 3-4 y, then back
    down to the adult value."""
    a05, a15, a4, a8 = (_child(sex, a).hka_deg for a in (0.5, 1.5, 4.0, 8.0))
    assert a05 < a15 < a4
    assert a8 < a4


@pytest.mark.parametrize("sex", ["female", "male"])
@pytest.mark.parametrize("age", [8.0, 9.5, 11.0])
def test_children_knee_and_ankle_gaps(sex, age):
    """[HeshmatiPourKarimi] (2268 children 8-11 y, standing):
    intercondylar 3.83 +- 8.1 mm, intermalleolar 7.51 +- 11.22 mm; within mean + 2 SD."""
    h, m = CHILD_SIZE[age]
    r = biomech.simulate(sex=sex, height_m=h, mass_kg=m, age_years=age, task="knees_together")
    assert 0.0 <= r.intercondylar_distance_mm <= 3.83 + 2 * 8.1
    assert 0.0 <= r.intermalleolar_distance_mm <= 7.51 + 2 * 11.22
