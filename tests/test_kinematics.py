"""The kinematic chain: the sympy derivation, the generated numpy code and the numeric
wrapper agree (derive with sympy, evaluate with generated functions)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import biomech
from biomech import subject
from biomech.kinematics import chain, codegen, derivation

N_POINTS = 20
LENGTH_RANGES_MM = {
    "hip_half_mm": (40.0, 160.0),
    "thigh_mm": (110.0, 560.0),
    "shank_mm": (110.0, 560.0),
    "asis_half_mm": (55.0, 225.0),
    "asis_ap_mm": (10.0, 60.0),
    "asis_up_mm": (15.0, 100.0),
    "patella_ap_mm": (10.0, 70.0),
    "tubercle_lat_mm": (0.0, 10.0),
    "tubercle_ap_mm": (10.0, 50.0),
    "tubercle_down_mm": (10.0, 60.0),
}


def _random_case(rng, n, angle_limit=180.0):
    """n random poses (angles in degrees) and geometries, as arrays."""
    angles = {k: rng.uniform(-angle_limit, angle_limit, n) for k in chain.ANGLE_KEYS}
    lengths = {k: rng.uniform(lo, hi, n) for k, (lo, hi) in LENGTH_RANGES_MM.items()}
    ama = rng.uniform(0.0, 10.0, n)
    return angles, lengths, ama


def _geometry(lengths, ama_deg):
    return {**lengths, "ama_sincos": (np.sin(np.radians(ama_deg)), np.cos(np.radians(ama_deg)))}


def _symbolic(exprs, angles, lengths, ama_deg):
    """Evaluate sympy expressions of the derivation (angles in radians) with lambdify."""
    symbols = list(derivation.ANGLE_SYMBOLS) + list(derivation.GEOMETRY_SYMBOLS)
    f = sp.lambdify(symbols, exprs, modules="numpy")
    args = [np.radians(angles[s.name]) for s in derivation.ANGLE_SYMBOLS]
    args += [np.radians(ama_deg) if s is derivation.ama else lengths[s.name] for s in derivation.GEOMETRY_SYMBOLS]
    return [np.broadcast_to(np.asarray(v, dtype=float), np.shape(ama_deg)) for v in f(*args)]


def test_geometry_keys_match_the_derivation():
    """The numeric geometry (subject.anthropometry) provides every length symbol."""
    geom = subject.anthropometry(True, 1.65, 60.0, 170.0, 25.0)
    for s in derivation.LENGTH_SYMBOLS:
        assert s.name in geom
    assert set(LENGTH_RANGES_MM) == {s.name for s in derivation.LENGTH_SYMBOLS}
    assert tuple(chain.ANGLE_KEYS) == tuple(s.name for s in derivation.ANGLE_SYMBOLS)


@pytest.mark.parametrize("side_sign", [1.0, -1.0])
def test_generated_chain_equals_sympy_derivation(side_sign):
    """20 random angle/geometry points: landmarks and frame axes from the sympy matrices
    (lambdify, sin/cos of radians) equal chain.evaluate fed with chain.sincos of the same
    angles in degrees; the left limb mirrors x."""
    rng = np.random.default_rng(20240601)
    angles, lengths, ama = _random_case(rng, N_POINTS)
    numeric = chain.evaluate(chain.sincos(angles), _geometry(lengths, ama), side_sign)
    lm, ax = derivation.landmarks(), derivation.frame_axes()
    names = list(chain.POINTS) + list(chain.AXES)
    exprs = [(lm[n] if n in lm else ax[n])[i] for n in names for i in range(3)]
    values = iter(_symbolic(exprs, angles, lengths, ama))
    for name in names:
        atol = 1e-5 if name in chain.POINTS else 1e-8
        for i, axis in enumerate("xyz"):
            expected = next(values) * (side_sign if i == 0 else 1.0)
            np.testing.assert_allclose(numeric[name][i], expected, rtol=1e-9, atol=atol, err_msg=f"{name}_{axis}")


def test_generated_chain_equals_sympy_evalf():
    """Two points through plain sympy substitution (.evalf(subs=...)), no lambdify."""
    rng = np.random.default_rng(7)
    angles, lengths, ama = _random_case(rng, 2)
    numeric = chain.evaluate(chain.sincos(angles), _geometry(lengths, ama))
    lm = derivation.landmarks()
    for j in range(2):
        subs = {s: sp.Float(np.radians(angles[s.name][j]), 30) for s in derivation.ANGLE_SYMBOLS}
        subs.update(
            {
                s: sp.Float(np.radians(ama[j]) if s is derivation.ama else lengths[s.name][j], 30)
                for s in derivation.GEOMETRY_SYMBOLS
            }
        )
        for name in ("knee_center", "ankle_center", "femoral_shaft_top"):
            for i in range(3):
                expected = float(lm[name][i].evalf(subs=subs))
                assert numeric[name][i][j] == pytest.approx(expected, rel=1e-9, abs=1e-5), (name, i, j)


def test_measures_only_function_matches_full_chain():
    """chain_measures (large tables) returns the same numbers as chain for what it keeps."""
    rng = np.random.default_rng(3)
    angles, lengths, ama = _random_case(rng, N_POINTS)
    trig, geom = chain.sincos(angles), _geometry(lengths, ama)
    full = chain.evaluate(trig, geom)
    lean = chain.evaluate(trig, geom, measures_only=True)
    assert set(lean) <= set(full)
    compared = 0
    for name, coords in lean.items():
        for i, v in enumerate(coords):
            if v is not None:
                np.testing.assert_allclose(v, full[name][i], rtol=1e-12, atol=1e-9, err_msg=name)
                compared += 1
    assert compared == len(derivation.MEASURE_COORDINATES)


def test_sincos_matches_numpy_trig():
    """chain.sincos: sin exact, cos from sqrt(1 - sin^2) within 2e-8 over -180..180 deg."""
    deg = np.linspace(-180.0, 180.0, 36001)
    sin, cos = chain.sincos({"a": deg})["a"]
    np.testing.assert_allclose(sin, np.sin(np.radians(deg)), rtol=0, atol=1e-15)
    np.testing.assert_allclose(cos, np.cos(np.radians(deg)), rtol=0, atol=2e-8)
    np.testing.assert_allclose(chain.degrees((sin, cos)), deg, rtol=0, atol=2e-6)


def test_committed_generated_code_is_fresh():
    """biomech/kinematics/_generated.py equals what codegen writes from derivation.py now;
    a stale file (derivation edited without `make kinematics`) fails here."""
    assert codegen.GENERATED_PATH.read_text() == codegen.generate_source(), (
        "biomech/kinematics/_generated.py is stale: run `make kinematics`"
    )


@pytest.mark.parametrize("sex", ["female", "male"])
@pytest.mark.parametrize("height_m", [0.8, 1.65, 1.78, 2.1])
def test_forward_kinematics_zero_angles_stack_vertically(sex, height_m):
    """All angles zero: hip, knee and ankle centres on one vertical line, thigh 0.245 H and
    shank 0.246 H long [Winter2009], hip centre at half the
    inter-hip distance (Bell 1989 default, s.3); left limb mirrored."""
    H = height_m * 1000.0
    half = float(subject.default_hip_width_mm(sex == "female", height_m)) / 2.0
    for side, lateral in (("right", 1.0), ("left", -1.0)):
        p = biomech.forward_kinematics(sex=sex, height_m=height_m, mass_kg=22.0 * height_m**2, side=side)
        np.testing.assert_allclose(p["hip_center"], [lateral * half, 0.0, 0.0], atol=1e-9)
        np.testing.assert_allclose(p["knee_center"], [lateral * half, 0.0, -0.245 * H], atol=1e-9)
        np.testing.assert_allclose(p["ankle_center"], [lateral * half, 0.0, -(0.245 + 0.246) * H], atol=1e-9)
        for name in ("hip_center", "knee_center", "ankle_center"):
            assert np.shape(p[name]) == (3,)


def test_forward_kinematics_keeps_segment_lengths_and_hip_width():
    """Any pose: |knee - hip| = 0.245 H, |ankle - knee| = 0.246 H (Winter, s.10), and a
    given hip_width_mm puts the hip centre at half of it from the pelvis origin."""
    rng = np.random.default_rng(11)
    H = 1650.0
    for _ in range(20):
        kw = {f"{k}_deg": float(rng.uniform(-90.0, 90.0)) for k in chain.ANGLE_KEYS}
        p = biomech.forward_kinematics(height_m=1.65, hip_width_mm=200.0, **kw)
        assert np.linalg.norm(p["knee_center"] - p["hip_center"]) == pytest.approx(0.245 * H, rel=1e-9)
        assert np.linalg.norm(p["ankle_center"] - p["knee_center"]) == pytest.approx(0.246 * H, rel=1e-9)
        assert np.linalg.norm(p["hip_center"]) == pytest.approx(100.0, rel=1e-9)


def test_forward_kinematics_frame_directions():
    """Ground frame x right, y anterior, z up: hip flexion brings the knee
    forward, hip adduction brings the right knee toward -x, knee flexion sends the ankle back."""
    base = biomech.forward_kinematics()
    assert biomech.forward_kinematics(hip_flexion_deg=30.0)["knee_center"][1] > base["knee_center"][1] + 100.0
    assert biomech.forward_kinematics(hip_adduction_deg=10.0)["knee_center"][0] < base["knee_center"][0] - 30.0
    assert biomech.forward_kinematics(knee_flexion_deg=60.0)["ankle_center"][1] < base["ankle_center"][1] - 100.0
    for name in ("hip_center", "knee_center", "ankle_center"):
        assert name in base


def _pose_trig(rng):
    """A standing-like pose (moderate angles), as chain.sincos output."""
    angles = {k: float(rng.uniform(-20.0, 20.0)) for k in chain.ANGLE_KEYS}
    angles["knee_flexion"] = float(rng.uniform(0.0, 90.0))
    angles["hip_flexion"] = float(rng.uniform(-10.0, 60.0))
    return chain.sincos(angles)


@pytest.mark.parametrize("point", ["knee_center", "ankle_center"])
def test_adduction_terms_describe_the_chain(point):
    """x = c cos(a) + s sin(a) + o reproduces the chain's lateral coordinate for any a."""
    rng = np.random.default_rng(5)
    geom = subject.anthropometry(True, 1.65, 60.0, 170.0, 25.0)
    for _ in range(20):
        trig = _pose_trig(rng)
        terms = chain.adduction_terms(trig, geom)
        a = chain.sincos({"a": float(rng.uniform(-60.0, 60.0))})["a"]
        x = chain.evaluate(dict(trig, hip_adduction=a), geom)[point][0]
        assert chain.x_at(terms, point, a) == pytest.approx(float(x), abs=1e-9)


@pytest.mark.parametrize("point", ["knee_center", "ankle_center"])
def test_closed_form_adduction_solver_hits_the_target(point):
    """solve_hip_adduction puts the knee or ankle at the requested lateral position (the
    root nearer zero: the adduction that produced the target is found again)."""
    rng = np.random.default_rng(9)
    geom = subject.anthropometry(False, 1.78, 75.0, 180.0, 25.0)
    for _ in range(30):
        trig = _pose_trig(rng)
        terms = chain.adduction_terms(trig, geom)
        a0 = float(rng.uniform(-20.0, 20.0))
        target = float(chain.x_at(terms, point, chain.sincos({"a": a0})["a"]))
        sc = chain.solve_hip_adduction(terms, point, target)
        x = chain.evaluate(dict(trig, hip_adduction=sc), geom)[point][0]
        assert float(x) == pytest.approx(target, abs=1e-6)
        assert float(chain.degrees(sc)) == pytest.approx(a0, abs=1e-6)
        assert float(sc[0]) ** 2 + float(sc[1]) ** 2 == pytest.approx(1.0, abs=1e-12)


def test_closed_form_solver_vectorised_and_unreachable_target():
    """Arrays of targets solve row by row; an unreachable target gives a finite angle on
    the unit circle (clipped), never NaN."""
    geom = subject.anthropometry(True, 1.65, 60.0, 170.0, 25.0)
    trig = chain.sincos({k: 0.0 for k in chain.ANGLE_KEYS})
    terms = chain.adduction_terms(trig, geom)
    targets = np.array([-200.0, -50.0, 0.0, 40.0, 85.0, 150.0])
    sc = chain.solve_hip_adduction(terms, "ankle_center", targets)
    x = chain.evaluate(dict(trig, hip_adduction=sc), geom)["ankle_center"][0]
    np.testing.assert_allclose(x, targets, atol=1e-6)
    far = chain.solve_hip_adduction(terms, "ankle_center", np.array([1e4, -1e4]))
    assert np.all(np.isfinite(far[0])) and np.all(np.isfinite(far[1]))
    np.testing.assert_allclose(far[0] ** 2 + far[1] ** 2, 1.0, atol=1e-12)


def test_display_equations_are_sympy_objects():
    """Notebooks display the chain's equations: derivation.display_equations() returns a
    mapping of sympy expressions/equations/matrices, none collapsed to True/False."""
    eqs = derivation.display_equations()
    assert len(eqs) >= 4
    for name, eq in eqs.items():
        assert isinstance(eq, (sp.Basic, sp.MatrixBase)), (name, type(eq))
        assert not isinstance(eq, sp.logic.boolalg.BooleanAtom), f"{name} evaluated to {eq}"
        assert sp.latex(eq)
