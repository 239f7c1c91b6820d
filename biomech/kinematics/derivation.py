"""Symbolic derivation of the lower-limb kinematic chain (sympy).

This module is the single source of the chain's equations. It is imported by the
notebooks (to *show* the equations) and by :mod:`biomech.kinematics.codegen` (to
write :mod:`biomech.kinematics._generated`, the numpy code the model runs). The
model itself never imports sympy on its hot path.

Frames and signs (stated once for the whole package in :mod:`biomech.conventions`):
ground frame x to the subject's right, y anterior, z up; all rotations are
right-handed. The chain is written for the **right** limb; the left limb is its
mirror image (x -> -x), applied numerically.

Chain (intrinsic rotation sequences, joint coordinate systems after Grood & Suntay 1983
for the knee and the ISB hip convention for the hip):

* pelvis:  R_p = R_y(-drop) R_x(-tilt)            (anterior tilt +, contralateral drop +)
* femur:   R_f = R_p R_x(hip_flex) R_y(hip_add) R_z(hip_ir)
* tibia:   R_t = R_f R_y(-fem_valgus) R_x(-knee_flex) R_y(-knee_abd) R_z(tib_ir)
* hip centre   H = R_p [h, 0, 0]              (pelvis origin midway between hip centres)
* knee centre  K = H + R_f [0, 0, -L_f]
* ankle centre A = K + R_t [0, 0, -L_t]

The femur's mechanical axis is its z axis. ``fem_valgus`` tilts the knee's flexion axis
on that axis: a distal femur bent away from its typical shape carries the axis with it
(:func:`biomech.deformity.femoral_valgus_deg`); the tibia flexes about the tilted axis.
``knee_abd`` is the rest of the knee's frontal angle, after flexion: the tibia's bone
angle, the joint line convergence and the soft tissue's give. Straight, the two add up
(the limb's alignment); bent 90 deg, a femoral valgus turns the shin about its own axis
instead of tilting it (in deep flexion the tibia sits under the posterior condyles, not
the distal ones).

References
----------
Grood ES, Suntay WJ (1983). A joint coordinate system for the clinical description of
three-dimensional motions: application to the knee. J Biomech Eng 105(2):136-144.
"""

from __future__ import annotations

from functools import cache

import sympy as sp

# Joint angles [rad] and geometry [mm]. Names match the numeric arguments.
ANGLE_SYMBOLS = sp.symbols(
    "pelvic_tilt pelvic_drop hip_flexion hip_adduction hip_internal_rotation "
    "femoral_valgus knee_flexion knee_abduction tibial_internal_rotation",
    real=True,
)
(tilt, drop, hip_flex, hip_add, hip_ir, fem_valgus, knee_flex, knee_abd, tib_ir) = ANGLE_SYMBOLS

GEOMETRY_SYMBOLS = sp.symbols(
    "hip_half_mm thigh_mm shank_mm asis_half_mm asis_ap_mm asis_up_mm "
    "patella_ap_mm tubercle_lat_mm tubercle_ap_mm tubercle_down_mm ama",
    real=True,
)
(h, L_f, L_t, asis_x, asis_y, asis_z, pat_y, tt_x, tt_y, tt_z, ama) = GEOMETRY_SYMBOLS

#: The generated code never calls sin or cos: it takes each angle as its sine and cosine,
#: which the numeric side computes once per pose and shares between functions (trig
#: dominates the cost of a vectorised evaluation). The anatomic-mechanical angle ``ama``
#: is an angle too.
TRIG_ANGLES = ANGLE_SYMBOLS + (ama,)
SINCOS_SYMBOLS = tuple(sym for q in TRIG_ANGLES for sym in sp.symbols(f"sin_{q.name} cos_{q.name}", real=True))
LENGTH_SYMBOLS = tuple(s for s in GEOMETRY_SYMBOLS if s is not ama)

#: Argument order of every generated function.
ARGUMENTS = SINCOS_SYMBOLS + LENGTH_SYMBOLS
#: The chain's rotations in the order it applies them, outermost first (see the chain in
#: the module docstring); code generation nests expressions in this order.
ROTATION_ORDER = (drop, tilt, hip_flex, hip_add, hip_ir, fem_valgus, knee_flex, knee_abd, tib_ir)


def to_sincos(expr):
    """``expr`` with every sin(q)/cos(q) of a chain angle replaced by its own symbol.

    Raises if an angle survives elsewhere (e.g. inside sin(q1 - q2)), so the generated
    code can rely on precomputed sines and cosines alone.
    """
    replaced = sp.expand_trig(expr).xreplace(
        {
            f(q): sym
            for q, (s_sym, c_sym) in zip(TRIG_ANGLES, zip(SINCOS_SYMBOLS[::2], SINCOS_SYMBOLS[1::2]))
            for f, sym in ((sp.sin, s_sym), (sp.cos, c_sym))
        }
    )
    left = replaced.free_symbols & set(TRIG_ANGLES)
    if left:
        raise ValueError(f"angles {sorted(map(str, left))} are not only inside sin/cos in {expr}")
    return replaced


def rot_x(q):
    """Right-handed rotation about x by angle q [rad]."""
    return sp.Matrix([[1, 0, 0], [0, sp.cos(q), -sp.sin(q)], [0, sp.sin(q), sp.cos(q)]])


def rot_y(q):
    """Right-handed rotation about y by angle q [rad]."""
    return sp.Matrix([[sp.cos(q), 0, sp.sin(q)], [0, 1, 0], [-sp.sin(q), 0, sp.cos(q)]])


def rot_z(q):
    """Right-handed rotation about z by angle q [rad]."""
    return sp.Matrix([[sp.cos(q), -sp.sin(q), 0], [sp.sin(q), sp.cos(q), 0], [0, 0, 1]])


@cache
def segment_orientations():
    """Orientation matrices of pelvis, femur and tibia in the ground frame (right limb)."""
    R_p = rot_y(-drop) * rot_x(-tilt)
    R_f = R_p * rot_x(hip_flex) * rot_y(hip_add) * rot_z(hip_ir)
    R_t = R_f * rot_y(-fem_valgus) * rot_x(-knee_flex) * rot_y(-knee_abd) * rot_z(tib_ir)
    return {"pelvis": R_p, "femur": R_f, "tibia": R_t}


@cache
def landmarks():
    """Landmark positions [mm] in the ground frame, pelvis origin at the mid-hip point.

    Returns a dict of 3x1 sympy matrices: hip, knee and ankle centres; the right ASIS;
    patella centre and tibial tubercle (for the Q-angle); a point one thigh length up the
    femoral anatomical (shaft) axis from the knee (for the anatomic tibiofemoral angle).
    """
    R = segment_orientations()
    R_p, R_f, R_t = R["pelvis"], R["femur"], R["tibia"]
    hip = R_p * sp.Matrix([h, 0, 0])
    knee = hip + R_f * sp.Matrix([0, 0, -L_f])
    ankle = knee + R_t * sp.Matrix([0, 0, -L_t])
    asis = R_p * sp.Matrix([asis_x, asis_y, asis_z])
    patella = knee + R_f * sp.Matrix([0, pat_y, 0])
    tubercle = knee + R_t * sp.Matrix([tt_x, tt_y, -tt_z])
    # The femoral shaft leans laterally from the knee by the anatomic-mechanical angle.
    shaft_top = knee + R_f * sp.Matrix([L_f * sp.sin(ama), 0, L_f * sp.cos(ama)])
    return {
        "hip_center": hip,
        "knee_center": knee,
        "ankle_center": ankle,
        "asis": asis,
        "patella": patella,
        "tibial_tubercle": tubercle,
        "femoral_shaft_top": shaft_top,
    }


@cache
def frame_axes():
    """Unit axes used by the joint coordinate system measures (ground frame).

    ``femur_x``: femur-fixed medio-lateral (flexion) axis; ``tibia_z``: tibia-fixed long
    axis; ``tibia_y``: tibia-fixed anterior axis (for display of the foot).
    """
    R = segment_orientations()
    return {
        "femur_x": R["femur"][:, 0],
        "tibia_z": R["tibia"][:, 2],
        "tibia_y": R["tibia"][:, 1],
    }


@cache
def adduction_coefficients():
    """Coefficients that make hip adduction solvable in closed form.

    For any point P fixed in the femur or tibia, each coordinate is
    ``c * cos(hip_add) + s * sin(hip_add) + o``. Returns (c, s, o) of the lateral (x)
    coordinate of the knee and ankle centres (keys ``knee_center``, ``ankle_center``) and
    of their height (keys ``knee_center_z``, ``ankle_center_z``). Setting ``x`` to a target
    (feet under the body, knees touching) gives
    ``hip_add = atan2(s, c) -/+ acos((x - o) / hypot(c, s))``; the heights then follow
    without evaluating the whole chain.
    """
    pts = landmarks()
    out = {}
    for axis, suffix in ((0, ""), (2, "_z")):
        for name in ("knee_center", "ankle_center"):
            x = sp.expand_trig(sp.expand(pts[name][axis]))
            c = x.coeff(sp.cos(hip_add))
            s = x.coeff(sp.sin(hip_add))
            o = sp.expand(x - c * sp.cos(hip_add) - s * sp.sin(hip_add))
            out[name + suffix] = (c, s, o)
    return out


def generated_outputs():
    """Ordered (name, expression) pairs that the code generator turns into numpy code."""
    pairs = []
    for name, vec in landmarks().items():
        for i, axis in enumerate("xyz"):
            pairs.append((f"{name}_{axis}", vec[i]))
    for name, vec in frame_axes().items():
        for i, axis in enumerate("xyz"):
            pairs.append((f"{name}_{axis}", vec[i]))
    return pairs


#: Coordinates the clinical measures read (the views need all of them).
MEASURE_COORDINATES = (
    "hip_center_x",
    "hip_center_z",
    "knee_center_x",
    "knee_center_y",
    "knee_center_z",
    "ankle_center_x",
    "ankle_center_y",
    "ankle_center_z",
    "asis_x",
    "asis_z",
    "patella_x",
    "patella_z",
    "tibial_tubercle_x",
    "tibial_tubercle_z",
    "femoral_shaft_top_x",
    "femoral_shaft_top_z",
    "femur_x_x",
    "femur_x_y",
    "femur_x_z",
    "tibia_z_x",
    "tibia_z_y",
    "tibia_z_z",
    "tibia_y_x",
    "tibia_y_y",
)


def measure_outputs():
    """The subset of :func:`generated_outputs` that the measures need (a leaner function
    for large tables)."""
    return [(name, expr) for name, expr in generated_outputs() if name in MEASURE_COORDINATES]


#: Names of the parts of a hip-adduction coefficient k = k_1 + k_sin sin(knee_abd) +
#: k_cos cos(knee_abd) (see :func:`solver_outputs`).
KNEE_ABDUCTION_PARTS = ("1", "sin_knee_abduction", "cos_knee_abduction")


def knee_abduction_parts(expr):
    """``(k_1, k_sin, k_cos)`` with ``expr = k_1 + k_sin sin(knee_abd) + k_cos cos(knee_abd)``.

    Every coordinate of the chain is linear in the sine and cosine of each of its angles
    (each angle turns one elementary rotation), so the split is exact.
    """
    expanded = sp.expand(expr)
    k_sin = expanded.coeff(sp.sin(knee_abd))
    k_cos = expanded.coeff(sp.cos(knee_abd))
    k_1 = sp.expand(expanded - k_sin * sp.sin(knee_abd) - k_cos * sp.cos(knee_abd))
    return k_1, k_sin, k_cos


def solver_outputs(heights=False):
    """Ordered (name, expression) pairs for the closed-form hip adduction solver: the
    lateral coordinates' coefficients (``knee_center``, ``ankle_center``), or with
    ``heights`` the heights' (``knee_center_z``, ``ankle_center_z``; only the knee
    adduction moment on two feet needs them).

    Each coefficient of :func:`adduction_coefficients` comes split by the knee's frontal
    angle (:func:`knee_abduction_parts`), named ``<point>_<c|s|o>_<part>`` with the parts
    of :data:`KNEE_ABDUCTION_PARTS`; parts that are zero (all of the knee centre's: the
    knee's own angle does not move it) are left out. The knee's soft-tissue give changes
    that angle alone, so the model evaluates the coefficients once per pose and then
    each trial give for four products per coefficient.
    """
    pairs = []
    for point, coefficients in adduction_coefficients().items():
        if point.endswith("_z") != heights:
            continue
        for name, k in zip("cso", coefficients):
            for part, expr in zip(KNEE_ABDUCTION_PARTS, knee_abduction_parts(k)):
                if part == KNEE_ABDUCTION_PARTS[0] or expr != 0:
                    pairs.append((f"{point}_{name}_{part}", expr))
    return pairs


def upright_solver_outputs():
    """Ordered (name, expression) pairs of the lateral solver coefficients of the upright
    pose (names ``<point>_<c|s|o>``): a level pelvis (drop 0) and a thigh that follows
    the pelvic tilt (hip flexion = tilt), as the knees-together self-check and the
    standing pose of a seated person stand. The tilt then cancels, and the knee's
    frontal angle stays an angle (no give acts on those poses)."""
    upright = {drop: 0, hip_flex: tilt}
    pairs = []
    for point in ("knee_center", "ankle_center"):
        for name, k in zip("cso", adduction_coefficients()[point]):
            expr = sp.expand(sp.expand_trig(k.subs(upright)))
            expr = sp.expand(expr.subs(sp.sin(tilt) ** 2, 1 - sp.cos(tilt) ** 2))  # cos^2 + sin^2 = 1
            pairs.append((f"{point}_{name}", expr))
    return pairs


#: How each joint angle is written in displayed equations.
DISPLAY_NAMES = {
    tilt: "tilt",
    drop: "drop",
    hip_flex: "hip\\,flex",
    hip_add: "hip\\,add",
    hip_ir: "hip\\,rot",
    fem_valgus: "fem\\,valg",
    knee_flex: "knee\\,flex",
    knee_abd: "knee\\,abd",
    tib_ir: "tib\\,rot",
}


def display_equations():
    """The chain's equations as unevaluated sympy ``Eq`` objects, for notebooks
    (``display(eq)`` renders them as LaTeX).

    Keys: ``pelvis``, ``femur``, ``tibia`` (orientation as a product of elementary
    rotations), ``hip_center``, ``knee_center``, ``ankle_center`` (each position from the
    one above it), and ``knee_center_expanded`` (the knee written out in the angles).
    """
    pts = landmarks()
    pretty = {q: sp.Symbol(rf"\theta_{{\mathrm{{{label}}}}}", real=True) for q, label in DISPLAY_NAMES.items()}
    pretty.update(
        {
            h: sp.Symbol("h", real=True),
            L_f: sp.Symbol(r"L_{\mathrm{thigh}}", real=True),
            L_t: sp.Symbol(r"L_{\mathrm{shank}}", real=True),
        }
    )
    rot_x_, rot_y_, rot_z_ = (lambda q, f=f: f(q).xreplace(pretty) for f in (rot_x, rot_y, rot_z))
    Rp, Rf, Rt = (sp.MatrixSymbol(name, 3, 3) for name in ("R_pelvis", "R_femur", "R_tibia"))
    H, K, A = (sp.MatrixSymbol(name, 3, 1) for name in ("H", "K", "A"))

    def product(*matrices):
        return sp.MatMul(*matrices, evaluate=False)

    return {
        "pelvis": sp.Eq(Rp, product(rot_y_(-drop), rot_x_(-tilt)), evaluate=False),
        "femur": sp.Eq(Rf, product(Rp, rot_x_(hip_flex), rot_y_(hip_add), rot_z_(hip_ir)), evaluate=False),
        "tibia": sp.Eq(
            Rt, product(Rf, rot_y_(-fem_valgus), rot_x_(-knee_flex), rot_y_(-knee_abd), rot_z_(tib_ir)), evaluate=False
        ),
        "hip_center": sp.Eq(H, product(Rp, sp.Matrix([h, 0, 0]).xreplace(pretty)), evaluate=False),
        "knee_center": sp.Eq(
            K, sp.MatAdd(H, product(Rf, sp.Matrix([0, 0, -L_f]).xreplace(pretty)), evaluate=False), evaluate=False
        ),
        "ankle_center": sp.Eq(
            A, sp.MatAdd(K, product(Rt, sp.Matrix([0, 0, -L_t]).xreplace(pretty)), evaluate=False), evaluate=False
        ),
        "knee_center_expanded": sp.Eq(K, pts["knee_center"].xreplace(pretty), evaluate=False),
    }
