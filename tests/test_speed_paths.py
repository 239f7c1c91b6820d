"""The fast paths for one person and one pose give what the general paths give.

:func:`biomech.simulate` skips converting to float when every input is a Python number,
text or None, and :func:`biomech.forward_kinematics` has a path of its own for one pose
of plain numbers; these tests hold them to the general (array) paths.
"""

import inspect

import numpy as np
import pytest

import biomech
from biomech import model, pipeline
from biomech.kinematics import chain

CASES = [
    {},
    {"task": "single_leg_squat", "abductor_weakness": 0.7, "arch_collapse": 0.4, "side": "left"},
    {"task": "squat", "sex": "male", "constitutional_hka_deg": -6.0, "trunk_lean_deg": 10},
    {"task": "lunge", "adductor_tightness": 1, "hip_width_mm": 190.0, "pelvic_tilt_deg": 20.0},
    {"task": "single_leg_stance", "compensation": "trunk_lean", "abductor_weakness": 0.9},
    {
        "task": "sitting",
        "mldfa_deg": 85.0,
        "mpta_deg": 88.0,
        "jlca_deg": 1.0,
        "age_years": 8.0,
        "height_m": 1.3,
        "mass_kg": 27.0,
    },
    {"task": "knees_together", "knee_flexion_deg": 5.0},
]


def _all_numbers(value):
    """Every number inside ``value`` (nested dicts, tuples and lists)."""
    if isinstance(value, dict):
        for v in value.values():
            yield from _all_numbers(v)
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from _all_numbers(v)
    elif value is not None and not isinstance(value, str):
        yield value


@pytest.mark.parametrize("inputs", CASES)
def test_plain_inputs_keep_every_number_of_the_state_a_python_float(inputs):
    """What ``model._result(..., plain=True)`` relies on: with plain inputs every output
    and number input of the pipeline's state, and the floor's height, is a Python float
    (the landmarks are made floats by ``numpy.array`` either way)."""
    values, labels, task = model._prepare({**model.DEFAULTS, **inputs})
    state = pipeline.run(values, task, model._COEFFICIENTS)
    outputs = pipeline.outputs(state)
    assert all(type(v) is float for v in outputs.values()), {k: type(v) for k, v in outputs.items()}
    numbers = [state.inputs[k] for k in model._NUMBER_INPUTS] + [state.floor_z]
    assert all(type(v) in (float, int) for v in _all_numbers({n: state.points[n] for n in chain.POINTS}))
    assert all(type(v) is float for v in numbers), {type(v) for v in numbers}


@pytest.mark.parametrize("inputs", CASES)
def test_simulate_of_plain_numbers_equals_simulate_of_numpy_scalars(inputs):
    plain = biomech.simulate(**inputs)
    numpy_scalars = biomech.simulate(
        **{k: np.float64(v) if isinstance(v, (int, float)) else v for k, v in inputs.items()}
    )
    assert plain.as_dict() == numpy_scalars.as_dict()
    assert plain.inputs == numpy_scalars.inputs
    for name, xyz in plain.landmarks.items():
        np.testing.assert_array_equal(xyz, numpy_scalars.landmarks[name])


def test_simulate_equals_a_row_of_simulate_many():
    for inputs in CASES:
        one = biomech.simulate(**inputs).as_dict()
        many = biomech.simulate_many({k: [v, v] for k, v in inputs.items()})
        for name in model.OUTPUT_NAMES:
            assert abs(one[name] - np.ravel(many[name])[-1]) <= 1e-9, name


def test_forward_kinematics_takes_its_angles_in_the_chain_order():
    """``forward_kinematics`` lists its angles by hand, in the order of the chain."""
    names = [n for n in inspect.signature(biomech.forward_kinematics).parameters if n.endswith("_deg")]
    assert names == [f"{k}_deg" for k in chain.ANGLE_KEYS]
    assert model._FK_ANGLES == tuple((k, f"{k}_deg") for k in chain.ANGLE_KEYS)


POSES = [
    {},
    {"knee_flexion_deg": 60.0, "hip_flexion_deg": 40, "knee_abduction_deg": -5.0, "pelvic_drop_deg": 3.0},
    {
        "pelvic_tilt_deg": 15.0,
        "hip_adduction_deg": -12.0,
        "tibial_internal_rotation_deg": 180.0,
        "femoral_valgus_deg": 4.0,
        "side": "left",
        "sex": "male",
        "hip_width_mm": 170.0,
    },
    {"hip_internal_rotation_deg": -180, "knee_flexion_deg": 135.0, "age_years": 6.0, "height_m": 1.15, "mass_kg": 20.0},
]


@pytest.mark.parametrize("pose", POSES)
def test_forward_kinematics_of_one_pose_equals_a_row_of_a_table(pose):
    one = biomech.forward_kinematics(**pose)
    columns = {k: np.array([v, v]) if isinstance(v, (int, float)) else v for k, v in pose.items()}
    columns["height_m"] = np.array([1.0, 1.0]) * pose.get("height_m", model.FK_DEFAULTS["height_m"])
    table = biomech.forward_kinematics(**columns)
    assert list(one) == list(chain.POINTS)
    for name, xyz in one.items():
        assert xyz.shape == (3,) and xyz.dtype == float
        np.testing.assert_array_equal(xyz, table[name][1])


@pytest.mark.parametrize(
    "bad",
    [
        {"knee_flexion_deg": 181.0},
        {"knee_flexion_deg": float("nan")},
        {"hip_flexion_deg": None},
        {"sex": "x"},
        {"side": "up", "knee_flexion_deg": 400.0},
        {"height_m": 3.0},
        {"mass_kg": 500.0},
        {"age_years": 3.0, "height_m": 1.8},
        {"hip_width_mm": 20.0},
        {"knee_flexion_deg": True},
    ],
)
def test_forward_kinematics_of_one_bad_pose_says_what_the_general_checks_say(bad):
    with pytest.raises(ValueError) as fast:
        biomech.forward_kinematics(**bad)
    as_arrays = {k: np.array([v]) if isinstance(v, float) and not k.endswith("_deg") else v for k, v in bad.items()}
    with pytest.raises(ValueError) as general:
        model._checked_person.cache_clear()
        biomech.forward_kinematics(**as_arrays, pelvic_tilt_deg=np.array([0.0]))
    assert type(fast.value) is type(general.value)
    assert str(fast.value).split(" ")[0] == str(general.value).split(" ")[0]  # the same argument named
