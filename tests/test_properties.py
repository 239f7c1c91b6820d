"""Property tests over the whole input space (no NaN,
bounded, continuous, mirror symmetric), with hypothesis and seeded bulk sweeps.

Strategies draw every documented input over its ``biomech.INPUT_RANGES`` range: sex,
height, mass, age, every task with knee flexion inside that task's range
(``biomech.TASKS[task].knee_flexion_range_deg``), the three 0..1 causes, hip width, pelvic
tilt and constitutional HKA (each of the last three also None = the subject's default),
side. Tables go through ``simulate_many`` so each example checks several rows; seeded
uniform sweeps of tens of thousands of rows check the same properties in bulk.

Hypothesis runs derandomized and without shrinking (the same examples on every machine,
so a red test is reproducible, and a failure costs no extra minute; the messages name the
failing row). Set ``BIOMECH_HYPOTHESIS_EXPLORE=1`` for fresh random examples, five times
as many of them, and shrinking.
"""

from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

import biomech
import biomech.inputs
from biomech import INPUT_RANGES, OUTPUT_BOUNDS, OUTPUT_NAMES, TASKS, growth, subject
from biomech.inputs import BMI_RANGE as INPUT_RANGES_BMI
from biomech.inputs import HIP_WIDTH_PER_HEIGHT

EXPLORE = os.environ.get("BIOMECH_HYPOTHESIS_EXPLORE", "") not in ("", "0")


def _settings(n):
    # No shrinking by default: a failing example can take a minute to shrink, and every
    # assertion message below already names the offending row's inputs.
    phases = tuple(Phase) if EXPLORE else (Phase.explicit, Phase.reuse, Phase.generate)
    return settings(
        max_examples=n * (5 if EXPLORE else 1),
        deadline=None,
        database=None,
        derandomize=not EXPLORE,
        phases=phases,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


OPTIONAL = ("hip_width_mm", "pelvic_tilt_deg", "constitutional_hka_deg")
#: Where the bone alignment sits; a table gives these or constitutional_hka_deg.
SEGMENTS = ("mldfa_deg", "mpta_deg", "jlca_deg")
REQUIRED_NUMBERS = (
    "height_m",
    "mass_kg",
    "age_years",
    "adductor_tightness",
    "abductor_weakness",
    "arch_collapse",
    "trunk_lean_deg",
)
CONTINUOUS = REQUIRED_NUMBERS + OPTIONAL + SEGMENTS + ("knee_flexion_deg",)
FORCES = (
    "hip_abductor_force_bw",
    "hip_contact_force_bw",
    "knee_contact_force_bw",
    "medial_contact_force_bw",
    "lateral_contact_force_bw",
    "quadriceps_force_bw",
)
#: Joint angles that echo a posture input; their ranges are the inputs' (sitting: knee up
#: to 110 deg, hip flexion = 90 deg thigh + pelvic tilt up to 35 deg). Hip flexion is
#: checked against -30..135 deg instead (about the passive range of the hip).
POSTURE_ANGLES = ("knee_flexion_deg", "hip_flexion_deg")
BOUNDED_ANGLES = tuple(n for n in OUTPUT_NAMES if n.endswith("_deg") and n not in POSTURE_ANGLES)
LEG_PER_HEIGHT = subject.THIGH_PER_HEIGHT + subject.SHANK_PER_HEIGHT


def _number(name):
    r = INPUT_RANGES[name]
    return st.floats(r.low, r.high, allow_nan=False, allow_infinity=False)


TASK_AND_FLEXION = st.sampled_from(biomech.TASK_NAMES).flatmap(
    lambda t: st.tuples(st.just(t), st.floats(*TASKS[t].knee_flexion_range_deg))
)


@st.composite
def tables(draw, min_rows=1, max_rows=6):
    """A simulate_many table over the full input space: each optional column is either
    None (the subject's default, for the whole column) or an array."""
    n = draw(st.integers(min_rows, max_rows))

    def column(strategy):
        return draw(st.lists(strategy, min_size=n, max_size=n))

    task_kf = column(TASK_AND_FLEXION)
    table = {
        "sex": np.array(column(st.sampled_from(("female", "male")))),
        "task": np.array([t for t, _ in task_kf]),
        "knee_flexion_deg": np.array([k for _, k in task_kf]),
        "side": np.array(column(st.sampled_from(("right", "left")))),
        "compensation": np.array(column(st.sampled_from(biomech.inputs.COMPENSATIONS))),
    }
    for name in REQUIRED_NUMBERS:
        table[name] = np.array(column(_number(name)))
    for name in OPTIONAL:
        table[name] = None if draw(st.booleans()) else np.array(column(_number(name)))
    # Mass and hip width must fit the height (inputs.check_body), and a child's height and
    # mass its age (growth charts): draw them relative to it.
    table["mass_kg"] = _mass_for(table["height_m"], np.array(column(st.floats(*BMI))))
    children = [
        _child_body(s, a, hz, wz)
        for s, a, hz, wz in zip(
            table["sex"], table["age_years"], column(st.floats(-3.0, 3.0)), column(st.floats(-3.0, 3.0)), strict=True
        )
    ]
    for i, body in enumerate(children):
        if body is not None:
            table["height_m"][i], table["mass_kg"][i] = body
    if table["hip_width_mm"] is not None:
        table["hip_width_mm"] = _hips_for(table["height_m"], np.array(column(st.floats(*HIPS_PER_HEIGHT))))
    if draw(st.booleans()):
        table.update(
            _segments_for(
                *(np.array(column(_number(name))) for name in ("mldfa_deg", "jlca_deg", "constitutional_hka_deg"))
            )
        )
        table["constitutional_hka_deg"] = None
    return table


def _segments_for(mldfa, jlca, hka):
    """Segment angles with these mLDFA and JLCA whose bone alignment is ``hka`` where MPTA
    allows (MPTA is kept inside its range, so the alignment stays inside its own)."""
    r, whole = INPUT_RANGES["mpta_deg"], INPUT_RANGES["constitutional_hka_deg"]
    hka = np.clip(hka, whole.low + 0.01, whole.high - 0.01)
    return {"mldfa_deg": mldfa, "jlca_deg": jlca, "mpta_deg": np.clip(hka + mldfa + jlca, r.low + 0.01, r.high - 0.01)}


#: Body-mass index and hip width per height, a little inside the allowed ranges so that
#: the continuity steps never leave them.
BMI = (INPUT_RANGES_BMI.low + 0.5, INPUT_RANGES_BMI.high - 0.5)
HIPS_PER_HEIGHT = (HIP_WIDTH_PER_HEIGHT.low + 0.002, HIP_WIDTH_PER_HEIGHT.high - 0.002)


def _child_body(sex, age, height_z, weight_z):
    """Height [m] and mass [kg] of a child (under 20) at these growth z-scores, kept
    inside the BMI range; None for an adult."""
    if age >= growth.CHECKED_BELOW_AGE_YEARS:
        return None
    height, mass = growth.body_at(sex == "female", float(age), height_z, weight_z)
    height = float(np.clip(height, INPUT_RANGES["height_m"].low, INPUT_RANGES["height_m"].high))
    return height, float(_mass_for(height, mass / height**2))


def _mass_for(height_m, bmi):
    """Mass [kg] of a body-mass index (kept inside the BMI range), kept inside mass_kg's own range."""
    r = INPUT_RANGES["mass_kg"]
    return np.clip(np.clip(bmi, *BMI) * np.square(height_m), r.low, r.high)


def _hips_for(height_m, per_height):
    """Inter-hip distance [mm] as a fraction of height, kept inside hip_width_mm's range."""
    r = INPUT_RANGES["hip_width_mm"]
    return np.clip(per_height * 1000.0 * np.asarray(height_m), r.low, r.high)


def _rows(table):
    """The table as simulate() keyword dicts, one per row."""
    n = len(table["task"])
    rows = []
    for i in range(n):
        row = {}
        for k, v in table.items():
            if v is None or np.ndim(v) == 0:
                row[k] = v if not isinstance(v, np.generic) else v.item()
            else:
                row[k] = v[i].item()
        rows.append(row)
    return rows


def _fill_defaults(table):
    """The same table with every None column replaced by the subject's default values."""
    is_female = table["sex"] == "female"
    out = dict(table)
    if out["hip_width_mm"] is None:
        out["hip_width_mm"] = subject.default_hip_width_mm(is_female, table["height_m"])
    if out["pelvic_tilt_deg"] is None:
        out["pelvic_tilt_deg"] = subject.default_pelvic_tilt_deg(is_female) * np.ones(len(is_female))
    if out.get("constitutional_hka_deg") is None and out.get("mldfa_deg") is None:
        out["constitutional_hka_deg"] = subject.default_hka_deg(is_female, table["age_years"])
    return out


def _describe(table, i):
    """Inputs of row ``i`` as a compact string for assertion messages."""

    def fmt(x):
        if x is None:
            return "None"
        if isinstance(x, (str, np.str_)):
            return repr(str(x))
        return f"{float(x):.6g}"

    return ", ".join(f"{k}={fmt(v if (v is None or np.ndim(v) == 0) else v[i])}" for k, v in table.items())


# --- checks shared by the hypothesis tests and the bulk sweeps --------------------------------


def check_finite(table, out):
    for name in OUTPUT_NAMES:
        bad = ~np.isfinite(out[name])
        assert not bad.any(), f"{name} not finite at {_describe(table, int(np.argmax(bad)))}"


def check_forces_and_shares(table, out):
    medial = out["medial_load_fraction"]
    bad = (medial < 0.0) | (medial > 1.0)
    assert not bad.any(), (
        f"medial_load_fraction {medial[bad][0]} outside [0, 1] at {_describe(table, int(np.argmax(bad)))}"
    )
    for name in FORCES:
        bad = out[name] < 0.0
        assert not bad.any(), f"{name} = {out[name][bad][0]} < 0 at {_describe(table, int(np.argmax(bad)))}"
    np.testing.assert_allclose(
        out["medial_contact_force_bw"] + out["lateral_contact_force_bw"],
        out["knee_contact_force_bw"],
        rtol=1e-9,
        atol=1e-12,
    )


def check_wbl_consistent(table, out):
    """wbl_ratio_pct = 50 + 100 * load_axis_shift_mm / plateau_width_mm (measures.wbl_ratio_pct)."""
    expected = 50.0 + 100.0 * out["load_axis_shift_mm"] / out["plateau_width_mm"]
    np.testing.assert_allclose(out["wbl_ratio_pct"], expected, rtol=1e-9, atol=1e-9)
    assert np.all(out["plateau_width_mm"] > 0.0)


def check_gaps(table, out):
    imd, icd = out["intermalleolar_distance_mm"], out["intercondylar_distance_mm"]
    bad = (imd < 0.0) | (icd < 0.0) | ((imd > 0.0) & (icd > 0.0))
    assert not bad.any(), (
        f"gaps imd={imd[bad][0]}, icd={icd[bad][0]} (both must be >= 0, not both > 0) "
        f"at {_describe(table, int(np.argmax(bad)))}"
    )


def check_angles(table, out):
    """Every output inside its documented bound (biomech.OUTPUT_BOUNDS)."""
    for name, (low, high) in OUTPUT_BOUNDS.items():
        bad = (out[name] < low - 1e-9) | (out[name] > high + 1e-9)
        assert not bad.any(), (
            f"{name} = {out[name][bad][0]:.4g} outside its documented bound {low}..{high} "
            f"at {_describe(table, int(np.argmax(bad)))}"
        )
    np.testing.assert_allclose(out["knee_flexion_deg"], table["knee_flexion_deg"], rtol=0, atol=1e-12)
    bad = (out["hip_flexion_deg"] < -30.0) | (out["hip_flexion_deg"] > 135.0)
    assert not bad.any(), f"hip_flexion_deg outside -30..135 at {_describe(table, int(np.argmax(bad)))}"


def check_load_axis_bounded(table, out):
    """The hip-ankle line crosses the knee's level within one leg length of the knee (with
    the knee between hip and ankle heights it lies between the hip and ankle centres), so
    |load_axis_shift_mm| <= 0.491 H, and the knee adduction moment is bounded by body weight
    times that lever."""
    leg_mm = LEG_PER_HEIGHT * table["height_m"] * 1000.0
    shift = out["load_axis_shift_mm"]
    bad = np.abs(shift) > leg_mm
    limit = np.broadcast_to(leg_mm, shift.shape)[bad][0] if bad.any() else 0.0
    assert not bad.any(), (
        f"load_axis_shift_mm = {shift[bad][0]:.6g} beyond one leg length ({limit:.4g} mm) "
        f"at {_describe(table, int(np.argmax(bad)))}"
    )
    kam_limit = table["mass_kg"] * 9.81 * leg_mm / 1000.0
    bad = np.abs(out["knee_adduction_moment_nm"]) > kam_limit
    assert not bad.any(), (
        f"knee_adduction_moment_nm = {out['knee_adduction_moment_nm'][bad][0]:.6g} beyond "
        f"body weight x leg length at {_describe(table, int(np.argmax(bad)))}"
    )


def tolerance(name):
    """Largest change of output ``name`` allowed for a 1e-4-of-range input step."""
    if name == "wbl_ratio_pct":
        return 5.0  # % of plateau
    if name == "medial_load_fraction":
        return 0.02
    if name == "knee_adduction_moment_nm":
        return 5.0  # N m
    if name.endswith("_deg"):
        return 0.5
    if name.endswith("_mm"):
        return 2.0
    if name.endswith("_bw") or name == "abductor_use":
        return 0.05
    raise KeyError(name)


def _step(table, name, fraction):
    """Column ``name`` moved by ``fraction`` of its range, inward at the upper end."""
    if name == "knee_flexion_deg":
        low = np.array([TASKS[t].knee_flexion_range_deg[0] for t in table["task"]])
        high = np.array([TASKS[t].knee_flexion_range_deg[1] for t in table["task"]])
    else:
        low, high = INPUT_RANGES[name].low, INPUT_RANGES[name].high
    x = np.asarray(table[name], dtype=float)
    d = fraction * (high - low)
    return dict(table, **{name: np.where(x + d <= high, x + d, x - d)})


def check_continuity(table, name):
    """A 1e-4-of-range step of one input changes every output by a small amount. On failure
    the message says whether the change survives a 1000x smaller step (a jump) or not (a
    very steep but continuous stretch)."""
    base = _fill_defaults(table)
    out0 = biomech.simulate_many(base)
    out1 = biomech.simulate_many(_step(base, name, 1e-4))
    for key in OUTPUT_NAMES:
        change = np.abs(out1[key] - out0[key])
        bad = change > tolerance(key)
        if bad.any():
            i = int(np.argmax(change))
            tiny = biomech.simulate_many(_step(base, name, 1e-7))
            tiny_change = abs(float(tiny[key][i] - out0[key][i]))
            kind = "a jump (still there at a 1e-7 step)" if tiny_change > 0.1 * tolerance(key) else "steep"
            raise AssertionError(
                f"{key} changed by {change[i]:.4g} (limit {tolerance(key)}) for a 1e-4-of-range step of {name}: "
                f"{out0[key][i]:.6g} -> {out1[key][i]:.6g}; {kind}, change {tiny_change:.3g} at 1e-7; "
                f"at {_describe(base, i)}"
            )


def check_mirror(table):
    right = biomech.simulate_many(dict(table, side="right"))
    left = biomech.simulate_many(dict(table, side="left"))
    for name in OUTPUT_NAMES:
        np.testing.assert_allclose(left[name], right[name], rtol=1e-12, atol=1e-9, err_msg=name)


def assert_rows_match_simulate(table):
    """simulate_many(table) row i equals simulate(row i) (rtol 1e-9, atol 1e-9)."""
    out = biomech.simulate_many(table)
    for i, row in enumerate(_rows(table)):
        r = biomech.simulate(**row).as_dict()
        for name in OUTPUT_NAMES:
            np.testing.assert_allclose(
                out[name][i], r[name], rtol=1e-9, atol=1e-9, err_msg=f"{name}, row {i}: {_describe(table, i)}"
            )


# --- hypothesis -----------------------------------------------------------------------------


@_settings(80)
@given(tables())
def test_every_output_finite(table):
    check_finite(table, biomech.simulate_many(table))


@_settings(50)
@given(tables())
def test_medial_share_in_unit_interval_and_forces_nonnegative(table):
    check_forces_and_shares(table, biomech.simulate_many(table))


@_settings(30)
@given(tables())
def test_wbl_ratio_consistent_with_load_axis_shift(table):
    check_wbl_consistent(table, biomech.simulate_many(table))


@_settings(50)
@given(tables())
def test_ankle_and_knee_gaps_nonnegative_and_not_both_open(table):
    check_gaps(table, biomech.simulate_many(table))


@_settings(80)
@given(tables())
def test_outputs_within_documented_bounds(table):
    check_angles(table, biomech.simulate_many(table))


@_settings(80)
@given(tables())
def test_load_axis_shift_and_moment_bounded(table):
    check_load_axis_bounded(table, biomech.simulate_many(table))


@_settings(80)
@given(tables(), st.sampled_from(CONTINUOUS))
def test_small_input_change_small_output_change(table, name):
    assume(_fill_defaults(table).get(name) is not None)  # the bone is given whole or by segment
    check_continuity(table, name)


@_settings(30)
@given(tables())
def test_left_right_mirror_symmetry(table):
    check_mirror(table)


@_settings(20)
@given(tables())
def test_none_means_the_subject_default(table):
    """hip_width_mm / pelvic_tilt_deg / constitutional_hka_deg = None give exactly what the
    explicit defaults give (None = the subject's default)."""
    a, b = biomech.simulate_many(table), biomech.simulate_many(_fill_defaults(table))
    for name in OUTPUT_NAMES:
        np.testing.assert_allclose(a[name], b[name], rtol=1e-12, atol=1e-12, err_msg=name)


@_settings(6)
@given(st.integers(0, 2**32 - 1), tables(max_rows=5))
def test_simulate_many_equals_simulate_row_by_row(seed, edge_rows):
    """A random ~50-row table mixing tasks (45 seeded uniform rows plus up to 5 rows from
    the hypothesis strategy, which favours range ends): simulate_many row i equals
    simulate(row i) (rtol 1e-9, atol 1e-9)."""
    table = _fill_defaults(edge_rows)
    uniform = random_table(45, seed, by_segment=table.get("mldfa_deg") is not None)
    table = {k: np.concatenate([np.asarray(uniform[k]), np.asarray(table[k])]) for k in uniform}
    assert len(set(table["task"])) > 1
    assert_rows_match_simulate(table)


@_settings(12)
@given(tables(max_rows=4))
def test_simulate_many_with_none_columns_equals_simulate(table):
    """Rows with None (default) columns: simulate_many and simulate agree too."""
    assert_rows_match_simulate(table)


# --- seeded bulk sweeps (deterministic, many rows through simulate_many) ----------------------

BULK_ROWS = 40_000


def random_table(n, seed, by_segment=True):
    """n rows drawn uniformly over the full input space (optional columns given; the bone
    by segment angles, or as a whole-limb angle when ``by_segment`` is False)."""
    rng = np.random.default_rng(seed)
    tasks = np.array(biomech.TASK_NAMES)[rng.integers(0, len(biomech.TASK_NAMES), n)]
    low = np.array([TASKS[t].knee_flexion_range_deg[0] for t in tasks])
    high = np.array([TASKS[t].knee_flexion_range_deg[1] for t in tasks])
    table = {
        "sex": np.where(rng.random(n) < 0.5, "female", "male"),
        "task": tasks,
        "knee_flexion_deg": low + rng.random(n) * (high - low),
        "side": np.where(rng.random(n) < 0.5, "right", "left"),
    }
    for name in REQUIRED_NUMBERS + OPTIONAL:
        r = INPUT_RANGES[name]
        table[name] = rng.uniform(r.low, r.high, n)
    table["mass_kg"] = _mass_for(table["height_m"], rng.uniform(*BMI, n))
    # Children get a height and mass their age allows (growth z-scores within +-3).
    child = table["age_years"] < growth.CHECKED_BELOW_AGE_YEARS
    height, mass = growth.body_at(
        table["sex"] == "female", table["age_years"], rng.uniform(-3, 3, n), rng.uniform(-3, 3, n)
    )
    table["height_m"] = np.where(
        child, np.clip(height, INPUT_RANGES["height_m"].low, INPUT_RANGES["height_m"].high), table["height_m"]
    )
    table["mass_kg"] = np.where(child, _mass_for(table["height_m"], mass / height**2), table["mass_kg"])
    table["hip_width_mm"] = _hips_for(table["height_m"], rng.uniform(*HIPS_PER_HEIGHT, n))
    table["compensation"] = np.where(rng.random(n) < 0.5, "pelvic_drop", "trunk_lean")
    if by_segment:
        table.update(
            _segments_for(
                *(
                    rng.uniform(INPUT_RANGES[name].low, INPUT_RANGES[name].high, n)
                    for name in ("mldfa_deg", "jlca_deg", "constitutional_hka_deg")
                )
            )
        )
        del table["constitutional_hka_deg"]
    return table


@pytest.fixture(scope="module")
def bulk():
    table = random_table(BULK_ROWS, seed=2024)
    return table, biomech.simulate_many(table)


@pytest.mark.parametrize(
    "check",
    [check_finite, check_forces_and_shares, check_wbl_consistent, check_gaps, check_angles, check_load_axis_bounded],
    ids=lambda f: f.__name__,
)
def test_bulk_sweep(bulk, check):
    """The same properties on 40,000 seeded random rows of the full input space."""
    check(*bulk)


@pytest.mark.parametrize("name", CONTINUOUS)
def test_bulk_continuity(name):
    check_continuity(random_table(BULK_ROWS // 4, seed=7, by_segment=name != "constitutional_hka_deg"), name)


def test_bulk_mirror():
    check_mirror(random_table(BULK_ROWS // 4, seed=8))


def test_chunked_table_equals_small_tables():
    """More rows than one block (biomech.model.CHUNK_ROWS): the blocked path gives the same
    numbers as small unblocked tables and as simulate() on sampled rows."""
    from biomech.model import CHUNK_ROWS

    n = 2 * CHUNK_ROWS + 123
    table = random_table(n, seed=9)
    big = biomech.simulate_many(table)
    for start in (0, CHUNK_ROWS - 50, n - 100):
        part = {k: v[start : start + 100] for k, v in table.items()}
        small = biomech.simulate_many(part)
        for name in OUTPUT_NAMES:
            np.testing.assert_allclose(
                big[name][start : start + 100], small[name], rtol=1e-12, atol=1e-12, err_msg=name
            )
    rows = _rows(table)
    for i in np.random.default_rng(1).integers(0, n, 20):
        r = biomech.simulate(**rows[int(i)]).as_dict()
        for name in OUTPUT_NAMES:
            assert big[name][i] == pytest.approx(r[name], rel=1e-9, abs=1e-9), (name, int(i))


def test_scalar_and_broadcast_columns():
    """simulate_many: scalars broadcast against arrays; 2-D input keeps its shape."""
    kf = np.linspace(0.0, TASKS["single_leg_squat"].knee_flexion_range_deg[1], 12).reshape(3, 4)
    out = biomech.simulate_many({"task": "single_leg_squat", "knee_flexion_deg": kf, "arch_collapse": 0.5})
    for name in OUTPUT_NAMES:
        assert out[name].shape == (3, 4), name
    r = biomech.simulate(task="single_leg_squat", knee_flexion_deg=float(kf[2, 1]), arch_collapse=0.5)
    assert out["fppa_deg"][2, 1] == pytest.approx(r.fppa_deg, rel=1e-9, abs=1e-9)
