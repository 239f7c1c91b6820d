"""Bad input raises ValueError naming the argument, the value, the allowed range and the
unit (ranges in biomech.INPUT_RANGES)."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

import biomech
import biomech.growth
import biomech.inputs
from biomech import INPUT_RANGES, TASKS

NUMERIC = tuple(INPUT_RANGES)
#: Inputs that accept None as "use the subject's default".
OPTIONAL = ("hip_width_mm", "pelvic_tilt_deg", "constitutional_hka_deg", "mldfa_deg", "mpta_deg", "jlca_deg")
REQUIRED = tuple(n for n in NUMERIC if n not in OPTIONAL)


def _range_text(low, high, unit):
    """The allowed range as the messages state it, e.g. '0.45 to 2.3 m'."""
    return f"{low:g} to {high:g} {unit}".rstrip()


def _assert_message(err, name, value_text, low, high, unit):
    msg = str(err.value)
    assert isinstance(err.value, ValueError)
    assert re.search(rf"\b{re.escape(name)}\b", msg), f"argument {name!r} not named in: {msg}"
    assert value_text in msg, f"value {value_text!r} not in: {msg}"
    assert _range_text(low, high, unit) in msg, f"range/unit {_range_text(low, high, unit)!r} not in: {msg}"


def _bad_values(name):
    rng = INPUT_RANGES[name]
    span = rng.high - rng.low
    return [
        pytest.param(rng.low - 0.1 * span, f"{rng.low - 0.1 * span:g}", id=f"{name}-below"),
        pytest.param(rng.high + 0.1 * span, f"{rng.high + 0.1 * span:g}", id=f"{name}-above"),
        pytest.param(float("nan"), "nan", id=f"{name}-nan"),
        pytest.param(float("inf"), "inf", id=f"{name}-inf"),
        pytest.param(float("-inf"), "-inf", id=f"{name}-minus-inf"),
        pytest.param("1", "'1'", id=f"{name}-string"),
        pytest.param(True, "True", id=f"{name}-bool"),
        pytest.param(np.bool_(False), "False", id=f"{name}-numpy-bool"),
        pytest.param(1 + 0j, "1+0j", id=f"{name}-complex"),
    ]


@pytest.mark.parametrize(
    ("name", "value", "value_text"), [pytest.param(n, *p.values, id=p.id) for n in NUMERIC for p in _bad_values(n)]
)
def test_simulate_bad_number(name, value, value_text):
    rng = INPUT_RANGES[name]
    with pytest.raises(ValueError) as err:
        biomech.simulate(**{name: value})
    _assert_message(err, name, value_text, rng.low, rng.high, rng.unit)


@pytest.mark.parametrize("name", REQUIRED)
def test_simulate_none_where_a_number_is_required(name):
    """None for a required number (e.g. height_m=None) is a wrong type: the message must
    name the value actually passed (None), not a converted one."""
    rng = INPUT_RANGES[name]
    with pytest.raises(ValueError) as err:
        biomech.simulate(**{name: None})
    _assert_message(err, name, "None", rng.low, rng.high, rng.unit)


@pytest.mark.parametrize("name", NUMERIC)
def test_simulate_sequence_for_a_scalar_input(name):
    """simulate() answers for one person; a list is a wrong type (tables go to
    simulate_many) and must raise ValueError naming the argument, not a numpy TypeError."""
    rng = INPUT_RANGES[name]
    with pytest.raises(ValueError) as err:
        biomech.simulate(**{name: [rng.low, rng.high]})
    msg = str(err.value)
    assert re.search(rf"\b{re.escape(name)}\b", msg), msg
    assert _range_text(rng.low, rng.high, rng.unit) in msg, msg


@pytest.mark.parametrize("name", NUMERIC)
def test_simulate_accepts_range_ends_and_numpy_scalars(name):
    """The documented limits themselves are allowed, as ints, floats and numpy scalars
    (float32 only mid-range: float32(0.45) really is below 0.45). Height, mass and hip
    width come with a body that fits them (the joint checks of test_body_combinations)."""
    rng = INPUT_RANGES[name]
    mid = 0.5 * (rng.low + rng.high)
    for value in (
        rng.low,
        rng.high,
        np.float64(rng.low),
        np.float64(rng.high),
        np.float32(mid),
        int(math.ceil(rng.low)),
        np.int64(math.floor(rng.high)),
    ):
        body = _fitting_body(name, float(value))
        r = biomech.simulate(**body, **{name: value})
        assert all(np.isfinite(v) for v in r.as_dict().values())


def _fitting_body(name, value):
    """Other body inputs that make ``value`` a plausible person (BMI 22, hips 0.11 H; a
    child of median height and mass for the age)."""
    if name == "age_years" and value < biomech.growth.CHECKED_BELOW_AGE_YEARS:
        height, mass = biomech.growth.body_at(True, value)
        return {"height_m": float(height), "mass_kg": float(mass)}
    if name == "height_m":
        return {"mass_kg": 22.0 * value**2}
    if name == "mass_kg":
        return {"height_m": min(2.3, max(0.45, (value / 22.0) ** 0.5))}
    if name == "hip_width_mm":
        height = min(2.3, max(0.45, value / 110.0))
        return {"height_m": height, "mass_kg": 22.0 * height**2}
    return {}


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"height_m": 0.5, "mass_kg": 200.0}, ("mass_kg = 200", "height_m = 0.5", "800 kg/m^2", "8 to 80 kg/m^2")),
        ({"height_m": 2.0, "mass_kg": 20.0}, ("mass_kg = 20", "height_m = 2", "5 kg/m^2", "8 to 80 kg/m^2")),
        (
            {"height_m": 0.6, "mass_kg": 6.0, "hip_width_mm": 200.0},
            ("hip_width_mm = 200", "height_m = 0.6", "40 to 120 mm"),
        ),
        (
            {"height_m": 1.9, "mass_kg": 80.0, "hip_width_mm": 60.0},
            ("hip_width_mm = 60", "height_m = 1.9", "95 to 320 mm"),
        ),
    ],
)
def test_body_combinations(body, named):
    """Each input in range, but no body has them together: the message names both inputs,
    the value that results and the allowed range with its unit."""
    for call in (biomech.simulate, biomech.forward_kinematics):
        with pytest.raises(ValueError) as err:
            call(**body)
        for text in named:
            assert text in str(err.value), str(err.value)
    with pytest.raises(ValueError):
        biomech.simulate_many({k: [v, v] for k, v in body.items()})


@pytest.mark.parametrize(
    ("name", "value", "allowed"),
    [
        ("task", "jump", biomech.TASK_NAMES),
        ("task", "Stand", biomech.TASK_NAMES),
        ("sex", "other", ("female", "male")),
        ("sex", "F", ("female", "male")),
        ("side", "middle", ("right", "left")),
    ],
)
def test_simulate_unknown_choice(name, value, allowed):
    with pytest.raises(ValueError) as err:
        biomech.simulate(**{name: value})
    msg = str(err.value)
    assert name in msg and repr(value) in msg, msg
    for choice in allowed:
        assert repr(choice) in msg, f"{choice!r} not listed in: {msg}"


@pytest.mark.parametrize(
    ("name", "value"), [("task", None), ("task", 3), ("sex", None), ("sex", 1.0), ("side", None), ("side", True)]
)
def test_simulate_wrong_type_for_a_choice(name, value):
    with pytest.raises(ValueError) as err:
        biomech.simulate(**{name: value})
    msg = str(err.value)
    assert name in msg and repr(value) in msg, msg


def test_simulate_unknown_keyword():
    """An unknown keyword is named, and the message lists the real inputs."""
    with pytest.raises(ValueError) as err:
        biomech.simulate(height=1.7)
    msg = str(err.value)
    assert re.search(r"\bheight\b", msg), msg
    for name in biomech.INPUT_NAMES:
        assert name in msg, f"{name} not listed in: {msg}"


@pytest.mark.parametrize("task", biomech.TASK_NAMES)
@pytest.mark.parametrize("where", ["below", "above", "nan"])
def test_knee_flexion_outside_the_task_range(task, where):
    """knee_flexion_deg limits depend on the task: the message gives that
    task's range in deg and names the task."""
    low, high = TASKS[task].knee_flexion_range_deg
    value = {"below": low - 1.0, "above": high + 1.0, "nan": float("nan")}[where]
    with pytest.raises(ValueError) as err:
        biomech.simulate(task=task, knee_flexion_deg=value)
    _assert_message(err, "knee_flexion_deg", f"{value:g}", low, high, "deg")
    assert task in str(err.value)


@pytest.mark.parametrize("task", biomech.TASK_NAMES)
def test_knee_flexion_range_ends_allowed(task):
    low, high = TASKS[task].knee_flexion_range_deg
    for kf in (low, high):
        assert np.isfinite(biomech.simulate(task=task, knee_flexion_deg=kf).fppa_deg)


# --- simulate_many: one bad row in a table ----------------------------------------------------

ROWS = 5


@pytest.mark.parametrize(
    ("name", "value", "value_text"), [pytest.param(n, *p.values, id=p.id) for n in NUMERIC for p in _bad_values(n)[:5]]
)
def test_simulate_many_one_bad_row(name, value, value_text):
    """Four good rows and one bad one: the error names the argument, the bad value, the
    range and the unit."""
    rng = INPUT_RANGES[name]
    # Good rows: the whole range (for hip width, the part the default height allows).
    low = rng.low if name != "hip_width_mm" else biomech.inputs.hip_width_range_mm(1.65)[0]
    column = np.linspace(low, rng.high, ROWS)
    column[3] = value
    with pytest.raises(ValueError) as err:
        biomech.simulate_many({name: column, "task": "single_leg_squat"})
    _assert_message(err, name, value_text, rng.low, rng.high, rng.unit)


@pytest.mark.parametrize("name", NUMERIC)
def test_simulate_many_strings_in_a_numeric_column(name):
    """Text is not a number in a table either (simulate rejects "1"; so must simulate_many)."""
    rng = INPUT_RANGES[name]
    column = np.array([f"{rng.low:g}", f"{rng.high:g}"])
    with pytest.raises(ValueError) as err:
        biomech.simulate_many({name: column})
    assert re.search(rf"\b{re.escape(name)}\b", str(err.value)), str(err.value)


@pytest.mark.parametrize("name", REQUIRED)
def test_simulate_many_none_in_a_numeric_column(name):
    rng = INPUT_RANGES[name]
    column = np.array([rng.low, None, rng.high], dtype=object)
    with pytest.raises(ValueError) as err:
        biomech.simulate_many({name: column})
    _assert_message(err, name, "None", rng.low, rng.high, rng.unit)


@pytest.mark.parametrize(("name", "bad"), [("task", "jump"), ("sex", "other"), ("side", "middle")])
def test_simulate_many_unknown_choice_in_one_row(name, bad):
    good = {"task": "stand", "sex": "female", "side": "right"}[name]
    column = np.array([good, good, bad, good])
    with pytest.raises(ValueError) as err:
        biomech.simulate_many({name: column})
    assert name in str(err.value) and repr(bad) in str(err.value)


def test_simulate_many_knee_flexion_checked_per_row_task():
    """50 deg is fine in a squat and not standing: the error gives the standing range."""
    table = {"task": np.array(["squat", "stand", "single_leg_squat"]), "knee_flexion_deg": np.array([50.0, 50.0, 50.0])}
    with pytest.raises(ValueError) as err:
        biomech.simulate_many(table)
    low, high = TASKS["stand"].knee_flexion_range_deg
    _assert_message(err, "knee_flexion_deg", "50", low, high, "deg")
    ok = biomech.simulate_many({"task": np.array(["squat", "stand"]), "knee_flexion_deg": np.array([50.0, 20.0])})
    assert np.all(np.isfinite(ok["fppa_deg"]))


def test_simulate_many_unknown_column_and_not_a_mapping():
    with pytest.raises(ValueError) as err:
        biomech.simulate_many({"hieght_m": np.ones(3)})
    assert "hieght_m" in str(err.value)
    with pytest.raises(ValueError) as err:
        biomech.simulate_many([{"height_m": 1.7}])
    assert "table" in str(err.value)


def test_simulate_many_columns_that_do_not_broadcast():
    with pytest.raises(ValueError) as err:
        biomech.simulate_many({"height_m": np.array([1.6, 1.7]), "mass_kg": np.array([60.0, 70.0, 80.0])})
    assert str(err.value)


# --- forward_kinematics -----------------------------------------------------------------------

FK_ANGLES = (
    "pelvic_tilt_deg",
    "pelvic_drop_deg",
    "hip_flexion_deg",
    "hip_adduction_deg",
    "hip_internal_rotation_deg",
    "knee_flexion_deg",
    "knee_abduction_deg",
    "tibial_internal_rotation_deg",
)


@pytest.mark.parametrize("name", FK_ANGLES)
@pytest.mark.parametrize(
    ("value", "value_text"),
    [
        (200.0, "200"),
        (-181.0, "-181"),
        (float("nan"), "nan"),
        (float("inf"), "inf"),
        ("10", "'10'"),
        (True, "True"),
        (None, "None"),
    ],
)
def test_forward_kinematics_bad_angle(name, value, value_text):
    """Joint angles are checked too (-180 to 180 deg)."""
    with pytest.raises(ValueError) as err:
        biomech.forward_kinematics(**{name: value})
    _assert_message(err, name, value_text, -180.0, 180.0, "deg")


@pytest.mark.parametrize("name", ["height_m", "mass_kg", "age_years", "hip_width_mm"])
@pytest.mark.parametrize("where", ["below", "above", "nan", "string", "bool"])
def test_forward_kinematics_bad_subject(name, where):
    rng = INPUT_RANGES[name]
    span = rng.high - rng.low
    value, text = {
        "below": (rng.low - 0.1 * span, f"{rng.low - 0.1 * span:g}"),
        "above": (rng.high + 0.1 * span, f"{rng.high + 0.1 * span:g}"),
        "nan": (float("nan"), "nan"),
        "string": ("1", "'1'"),
        "bool": (True, "True"),
    }[where]
    with pytest.raises(ValueError) as err:
        biomech.forward_kinematics(**{name: value})
    _assert_message(err, name, text, rng.low, rng.high, rng.unit)


@pytest.mark.parametrize(("name", "value"), [("sex", "other"), ("side", "middle"), ("sex", None)])
def test_forward_kinematics_unknown_choice(name, value):
    with pytest.raises(ValueError) as err:
        biomech.forward_kinematics(**{name: value})
    assert name in str(err.value) and repr(value) in str(err.value)


def test_forward_kinematics_unknown_keyword():
    """Same contract as simulate(): an unknown keyword is a ValueError naming it (a plain
    Python TypeError is not what the notebooks are promised)."""
    with pytest.raises(ValueError) as err:
        biomech.forward_kinematics(hip_rotation_deg=10.0)
    assert "hip_rotation_deg" in str(err.value)


# --- tables of every shape, and inputs a new user tries ----------------------------------------


@pytest.mark.parametrize(
    "table",
    [{}, {"task": "squat"}, {"height_m": np.array(1.7)}, {"height_m": 1.7, "mass_kg": 64}],
    ids=["empty", "one-text", "0-d-array", "scalars"],
)
def test_simulate_many_of_single_values_is_one_row(table):
    """Single values (and 0-d arrays) make a one-row table: every output has shape () and
    equals simulate() with the same inputs."""
    out = biomech.simulate_many(table)
    one = biomech.simulate(**{k: (v.item() if isinstance(v, np.ndarray) else v) for k, v in table.items()})
    for name in biomech.OUTPUT_NAMES:
        assert np.shape(out[name]) == (), name
        assert float(out[name]) == pytest.approx(getattr(one, name), rel=1e-12, abs=1e-12), name


def test_simulate_many_of_zero_rows():
    out = biomech.simulate_many({"arch_collapse": np.array([]), "task": "single_leg_squat"})
    assert all(out[name].shape == (0,) for name in biomech.OUTPUT_NAMES)


def test_simulate_many_names_columns_of_different_lengths():
    with pytest.raises(ValueError) as err:
        biomech.simulate_many({"height_m": [1.6, 1.7], "mass_kg": [60.0, 70.0, 80.0], "task": "stand"})
    msg = str(err.value)
    assert "height_m has 2 rows" in msg and "mass_kg has 3 rows" in msg, msg


@pytest.mark.parametrize(
    "value",
    [np.timedelta64(25, "Y"), np.datetime64("2000-01-01"), np.array([1, 2], "m8[D]")],
    ids=["timedelta", "datetime", "timedelta-column"],
)
def test_time_types_are_not_numbers(value):
    """A numpy time (timedelta64, datetime64) is not an age in years."""
    call = biomech.simulate_many if np.ndim(value) else biomech.simulate
    with pytest.raises(ValueError) as err:
        call(**{"age_years": value}) if call is biomech.simulate else call({"age_years": value})
    assert "age_years" in str(err.value) and "not a number" in str(err.value)


@pytest.mark.parametrize("height_m", [1.65, 0.6, 1.9])
def test_hip_width_range_in_the_message_is_the_range_accepted(height_m):
    """The range an error message states is exactly the range accepted: both ends pass,
    values just outside them fail with the same range in the message."""
    low, high = biomech.inputs.hip_width_range_mm(height_m)
    mass = 22.0 * height_m**2
    for ok in (low, high):
        biomech.simulate(height_m=height_m, mass_kg=mass, hip_width_mm=float(ok))
    for bad in (low - 0.5, high + 0.5):
        with pytest.raises(ValueError) as err:
            biomech.simulate(height_m=height_m, mass_kg=mass, hip_width_mm=float(bad))
        assert f"{low:.4g} to {high:.4g} mm" in str(err.value) or f"{low:g} to {high:g} mm" in str(err.value), str(
            err.value
        )


@pytest.mark.parametrize("call", [biomech.simulate, biomech.forward_kinematics])
def test_unknown_keyword_is_a_type_error_with_a_suggestion(call):
    """A misspelt keyword raises TypeError (as Python does) that is also a ValueError,
    naming the keyword and suggesting the input meant."""
    with pytest.raises(TypeError) as err:
        call(height_meters=1.7)
    assert isinstance(err.value, ValueError)
    assert "height_meters" in str(err.value) and "did you mean 'height_m'" in str(err.value)


def test_public_functions_show_their_parameters():
    """Shift-Tab in Jupyter (inspect.signature) shows every input with its default."""
    import inspect

    params = inspect.signature(biomech.simulate).parameters
    assert tuple(params) == biomech.INPUT_NAMES
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params.values())
    assert params["height_m"].default == 1.65 and params["task"].default == "stand"
    fk = inspect.signature(biomech.forward_kinematics).parameters
    assert "knee_flexion_deg" in fk and fk["knee_flexion_deg"].default == 0.0
