"""What surgery would do to the bones: osteotomies and guided growth.

* :func:`osteotomy` - an opening- or closing-wedge osteotomy of the distal femur or the
  proximal tibia with a chosen wedge angle;
* :func:`plan_osteotomy` - the wedge angle that puts the weight-bearing line at a target
  point of the plateau: Miniaci's construction on the standing limb [BoneSchoolHTO;
  Miniaci1989], then the model's own standing, whose soft tissue re-loads after the
  correction (plans that ignore it overcorrect [PMC8495530]);
* :func:`guided_growth` - temporary hemi-epiphysiodesis in a growing child: correction
  per month from published rates by bone and age, the months needed, and the warning
  that correction goes on until the plate comes out.

Angles in degrees, + toward valgus. An osteotomy turns the part of the limb below the
cut about a hinge on the far cortex; because the hinge lies above (femur) or below
(tibia) the knee, the limb's alignment changes by a little less than the wedge angle
(Paley's rule: an angulation away from the deformity's apex also translates). The model
then carries the new bone angle (mLDFA or MPTA) into every task. Every limit marked
"teaching assumption" is a stated choice, not a published number. Citations in square
brackets are keys of :mod:`biomech.references`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np

from . import subject
from .inputs import InputError
from .malalignment import MalalignmentTest, malalignment_test
from .model import Result, simulate

BONES = ("femur", "tibia")
WEDGES = ("opening", "closing")
#: Hinge of an osteotomy: its distance from the knee's joint line along the bone and how
#: far inside the far cortex, per height, and the bone's width at the cut [mm per mm of
#: height]. Tibia: just above the proximal tibiofibular joint [Nakamura2017], about
#: 18 mm below the joint and 8 mm inside the cortex for a 1.65 m adult; femur: above the
#: condyles, about 36 mm up. Teaching assumptions within the published descriptions.
HINGE = {
    "tibia": {"level_per_height": 0.011, "inset_per_height": 0.005},
    "femur": {"level_per_height": 0.022, "inset_per_height": 0.005},
}
#: Largest wedge the planner accepts [deg]: published opening-wedge corrections reach
#: 7-19 deg [Kornah2019]; 20 is a teaching assumption.
MAX_WEDGE_DEG = 20.0
#: Joint angles an osteotomy may leave [deg]: MPTA up to 95 is accepted overcorrection
#: in a varus knee [Feucht2021]; the other limits mirror it (teaching assumption).
JOINT_ANGLE_LIMITS_DEG = (80.0, 95.0)
#: Weight-bearing-line targets [% of the plateau from its medial edge]: Fujisawa's point
#: for a varus knee [Kobayashi2022]; the centre for a valgus knee (teaching assumption).
FUJISAWA_POINT_PCT = 62.5
NEUTRAL_POINT_PCT = 50.0
#: How close the planner brings the weight-bearing line to its target [% of plateau].
PLAN_TOLERANCE_PCT = 0.05


@dataclass(frozen=True)
class Osteotomy:
    """An osteotomy and what it does: wedge ``angle_deg`` (+ valgus) of ``bone``,
    ``wedge`` type, hinge ``level_mm`` from the joint line and ``hinge_lateral_mm`` from
    the bone's axis (+ lateral), the cut's length from the hinge to the far cortex
    ``cut_mm``, the opening gap or closing wedge's base ``wedge_mm``,
    the limb's length change ``length_change_mm``, the bone angle change
    ``bone_angle_change_deg`` (the limb's alignment change; a little less than the wedge),
    the ``before`` and ``after`` results, their malalignment tests, and for a planned
    wedge the plan's target and Miniaci's angle (``geometric_angle_deg``)."""

    bone: str
    wedge: str
    angle_deg: float
    level_mm: float
    hinge_lateral_mm: float
    cut_mm: float
    wedge_mm: float
    length_change_mm: float
    bone_angle_change_deg: float
    before: Result
    after: Result
    before_test: MalalignmentTest
    after_test: MalalignmentTest
    target_wbl_pct: float | None = None
    geometric_angle_deg: float | None = None
    notes: tuple = field(default=())

    @property
    def after_inputs(self):
        """:func:`biomech.simulate` keywords of the corrected limb."""
        return dict(self.after.inputs)


def _check_choice(name, value, choices):
    if value not in choices:
        raise InputError(f"{name} = {value!r} is not one of {', '.join(repr(c) for c in choices)}")
    return value


def _segments(result):
    return {k: float(result.inputs[k]) for k in ("mldfa_deg", "mpta_deg", "jlca_deg")}


def _geometry(result, bone):
    """Lengths [mm] of an osteotomy on this person: bone length, hinge level and inset,
    and the bone's width at the cut."""
    i = result.inputs
    H = i["height_m"] * 1000.0
    hinge = HINGE[bone]
    length = (subject.SHANK_PER_HEIGHT if bone == "tibia" else subject.THIGH_PER_HEIGHT) * H
    width = result.plateau_width_mm if bone == "tibia" else 0.040 * H
    return {
        "length": length,
        "level": hinge["level_per_height"] * H,
        "inset": hinge["inset_per_height"] * H,
        "width": width,
    }


def _rotate(point, centre, angle_rad):
    """``point`` (x lateral, z up) turned about ``centre`` by ``angle_rad``, counter-
    clockwise seen from the front with lateral to the right (+ swings the lower end laterally)."""
    c, s = math.cos(angle_rad), math.sin(angle_rad)
    dx, dz = point[0] - centre[0], point[1] - centre[1]
    return centre[0] + c * dx - s * dz, centre[1] + s * dx + c * dz


def hinge_geometry(bone, wedge, angle_deg, g):
    """Where the hinge is and what the wedge does, in the bone's frontal frame (knee
    centre at the origin, x lateral, z up): returns ``(hinge (x, z), bone angle change
    [deg], length change [mm], wedge size [mm])``.

    Opening wedges hinge on the side the lower limb swings toward, closing wedges on the
    other; the bone below (tibia) or the limb below (femur) turns about the hinge.
    """
    a = math.radians(angle_deg)
    toward = 1.0 if angle_deg >= 0.0 else -1.0
    side = toward if wedge == "opening" else -toward
    x_h = side * (0.5 * g["width"] - g["inset"])
    if bone == "tibia":
        hinge = (x_h, -g["level"])
        ankle = _rotate((0.0, -g["length"]), hinge, a)
        change = math.degrees(math.atan2(ankle[0], -ankle[1]))
        length = math.hypot(*ankle) - g["length"]
    else:
        hinge = (x_h, g["level"])
        knee = _rotate((0.0, 0.0), hinge, a)
        hip = (0.0, g["length"])
        axis_turn = math.atan2(knee[0] - hip[0], hip[1] - knee[1])
        change = math.degrees(a - axis_turn)
        length = math.hypot(knee[0] - hip[0], knee[1] - hip[1]) - g["length"]
    cut = g["width"] - g["inset"]
    return hinge, change, length, cut * math.tan(abs(a))


def osteotomy(result, *, bone="tibia", wedge="opening", angle_deg):
    """An osteotomy of ``bone`` ("femur": distal femur, "tibia": proximal tibia) with a
    wedge of ``angle_deg`` (+ toward valgus, - toward varus; 0 to 20 deg either way),
    ``wedge`` "opening" or "closing", on the person of ``result`` (a
    :class:`biomech.Result`; its task is kept).

    Returns an :class:`Osteotomy`. Raises ``ValueError`` for a wedge larger than
    :data:`MAX_WEDGE_DEG` or one that leaves the bone's joint angle outside
    :data:`JOINT_ANGLE_LIMITS_DEG` (or further outside than it was); nothing else
    changes.
    """
    _check_choice("bone", bone, BONES)
    _check_choice("wedge", wedge, WEDGES)
    if not isinstance(angle_deg, (int, float)) or isinstance(angle_deg, bool) or not math.isfinite(angle_deg):
        raise InputError(
            f"angle_deg = {angle_deg!r} is not a number; give the wedge in degrees, "
            f"-{MAX_WEDGE_DEG:g} to {MAX_WEDGE_DEG:g} (+ toward valgus)"
        )
    if abs(angle_deg) > MAX_WEDGE_DEG:
        raise InputError(
            f"angle_deg = {angle_deg:g} is a wedge beyond what the bone allows: at most "
            f"{MAX_WEDGE_DEG:g} deg either way (-{MAX_WEDGE_DEG:g} to {MAX_WEDGE_DEG:g} deg); a larger "
            "correction needs osteotomies of both bones"
        )
    g = _geometry(result, bone)
    hinge, change, length, wedge_mm = hinge_geometry(bone, wedge, angle_deg, g)
    segments = _segments(result)
    name = "mpta_deg" if bone == "tibia" else "mldfa_deg"
    new = segments[name] + (change if bone == "tibia" else -change)
    low, high = JOINT_ANGLE_LIMITS_DEG
    # A wedge may not leave the joint line outside the limits, or further outside than it was.
    if (new < low and new < segments[name]) or (new > high and new > segments[name]):
        label = "MPTA" if bone == "tibia" else "mLDFA"
        raise InputError(
            f"angle_deg = {angle_deg:g} would leave the {bone}'s {label} at {new:.1f} deg, outside the "
            f"{low:g} to {high:g} deg a joint line may be left at; choose a smaller wedge or correct "
            "the other bone as well"
        )
    after_inputs = {**result.inputs, **segments, name: new, "constitutional_hka_deg": None}
    after = simulate(**after_inputs)
    return Osteotomy(
        bone,
        wedge,
        float(angle_deg),
        g["level"],
        hinge[0],
        g["width"] - g["inset"],
        wedge_mm,
        length,
        change,
        result,
        after,
        malalignment_test(result),
        malalignment_test(after),
    )


def _check_target(target_wbl_pct):
    if (
        not isinstance(target_wbl_pct, (int, float))
        or isinstance(target_wbl_pct, bool)
        or not math.isfinite(target_wbl_pct)
        or not 0.0 <= target_wbl_pct <= 100.0
    ):
        raise InputError(
            f"target_wbl_pct = {target_wbl_pct!r} is a target outside the plateau; give a point of the "
            "plateau, 0 to 100 % (0 = medial edge, 50 = centre, 100 = lateral edge)"
        )
    return float(target_wbl_pct)


def _standing(result):
    """The person of ``result`` on a standing radiograph (the planning film)."""
    return simulate(**{**result.inputs, "task": "stand", "knee_flexion_deg": 0.0})


def miniaci_angle_deg(film, bone, wedge, target_wbl_pct):
    """Wedge angle [deg, + valgus] that moves the load line to ``target_wbl_pct`` on a
    standing film, by the rigid geometry of the hinge: Miniaci's construction (the angle
    at the hinge between the lines to the ankle now and to where it must go) for the
    tibia, and the same turn about the femoral hinge for the femur (solved numerically,
    since the plateau moves with it). The soft tissue is taken as it is on the film."""
    g = _geometry(film, bone)
    hip = film.landmarks["hip_center"][[0, 2]]
    knee = film.landmarks["knee_center"][[0, 2]]
    ankle = film.landmarks["ankle_center"][[0, 2]]
    lateral = 1.0 if film.inputs["side"] == "right" else -1.0
    # The bone's frontal frame: knee centre at 0, z up along the bone, x lateral.
    up = (hip - knee) if bone == "femur" else (knee - ankle)
    up = up / np.linalg.norm(up)
    across = lateral * np.array([up[1], -up[0]])

    def frame(p):
        d = p - knee
        return float(np.dot(d, across)), float(np.dot(d, up))

    hip_t, ankle_t = frame(hip), frame(ankle)
    width = film.plateau_width_mm
    target_x = (target_wbl_pct / 100.0 - 0.5) * width

    def wbl_after(angle_deg):
        a = math.radians(angle_deg)
        hinge, _, _, _ = hinge_geometry(bone, wedge, angle_deg, g)
        if bone == "tibia":
            new_ankle, knee_c, hip_c = _rotate(ankle_t, hinge, a), (0.0, 0.0), hip_t
            return _line_at_knee(hip_c, knee_c, new_ankle, 0.0)
        # Femur: the knee, plateau and ankle turn; the plateau's frame turns with them.
        new_knee, new_ankle = _rotate((0.0, 0.0), hinge, a), _rotate(ankle_t, hinge, a)
        return _line_at_knee(hip_t, new_knee, new_ankle, a)

    def error(angle_deg):
        return wbl_after(angle_deg) - target_x

    low, high = -MAX_WEDGE_DEG - 10.0, MAX_WEDGE_DEG + 10.0
    if error(low) * error(high) > 0.0:
        return None
    for _ in range(60):
        mid = 0.5 * (low + high)
        if error(low) * error(mid) <= 0.0:
            high = mid
        else:
            low = mid
    return 0.5 * (low + high)


def _line_at_knee(hip, knee, ankle, plateau_turn_rad):
    """Where the hip-ankle line crosses the knee's level, from the knee centre along a
    plateau turned by ``plateau_turn_rad`` [mm, + lateral]."""
    t = (knee[1] - hip[1]) / (ankle[1] - hip[1])
    x = hip[0] + t * (ankle[0] - hip[0]) - knee[0]
    return x / math.cos(plateau_turn_rad)


def plan_osteotomy(result, *, bone="tibia", wedge="opening", target_wbl_pct=None):
    """The wedge that puts the standing weight-bearing line at ``target_wbl_pct`` of the
    plateau (0 medial edge, 100 lateral edge; default Fujisawa's point,
    :data:`FUJISAWA_POINT_PCT`, for a varus limb and the centre for a valgus one).

    Miniaci's construction on the standing film gives the first angle
    (``geometric_angle_deg``); the model then stands the corrected limb, whose knee
    soft tissue carries a different load, and the angle is refined until the line is
    within :data:`PLAN_TOLERANCE_PCT` of the target. Returns an :class:`Osteotomy`
    (of ``result``'s task). Raises ``ValueError`` for a target outside the plateau or a
    wedge beyond what the bone allows.
    """
    _check_choice("bone", bone, BONES)
    _check_choice("wedge", wedge, WEDGES)
    film = _standing(result)
    if target_wbl_pct is None:
        target_wbl_pct = FUJISAWA_POINT_PCT if film.hka_deg < 0.0 else NEUTRAL_POINT_PCT
    target = _check_target(target_wbl_pct)
    geometric = miniaci_angle_deg(film, bone, wedge, target)
    if geometric is None or abs(geometric) > MAX_WEDGE_DEG:
        raise InputError(
            f"target_wbl_pct = {target:g} needs a wedge beyond what the bone allows (more than "
            f"{MAX_WEDGE_DEG:g} deg); choose a target nearer the load line's place now "
            f"({film.wbl_ratio_pct:.0f} %) or correct both bones"
        )

    def wbl(angle):
        return osteotomy(film, bone=bone, wedge=wedge, angle_deg=angle).after.wbl_ratio_pct

    # Secant steps on the model's own standing (a few; the relation is nearly linear).
    a0, w0 = geometric, wbl(geometric)
    a1 = a0 + (target - w0) / _WBL_PER_DEG_GUESS
    for _ in range(8):
        if abs(w0 - target) <= PLAN_TOLERANCE_PCT:
            break
        a1 = max(-MAX_WEDGE_DEG, min(MAX_WEDGE_DEG, a1))
        w1 = wbl(a1)
        slope = (w1 - w0) / (a1 - a0) if a1 != a0 else _WBL_PER_DEG_GUESS
        a0, w0, a1 = a1, w1, a1 + (target - w1) / slope
    plan = osteotomy(result, bone=bone, wedge=wedge, angle_deg=a0)
    notes = (
        f"Miniaci's construction on the standing film: {geometric:+.1f} deg; with the knee's soft tissue "
        f"loaded again after the correction: {a0:+.1f} deg",
    )
    return replace(plan, target_wbl_pct=target, geometric_angle_deg=geometric, notes=notes)


#: First guess of the weight-bearing line's change per degree of wedge [% per deg].
_WBL_PER_DEG_GUESS = 5.0


# --- guided growth -------------------------------------------------------------------------

#: Correction by guided growth [deg per month] by bone and age [years]: the distal femur
#: 1.3 at about 6 years [Khaled2018] and 0.7 at about 12 [Ballal2010]; the proximal tibia
#: 0.5 at about 12 [Ballal2010], younger taken faster in the femur's proportion (teaching
#: assumption). Both bones together add (1.2 at 12 [Ballal2010]).
GROWTH_RATE_AGES = (5.7, 11.6)
GROWTH_RATE_DEG_PER_MONTH = {"femur": (1.3, 0.7), "tibia": (0.5 * 1.3 / 0.7, 0.5)}
#: Age [years] at which the knee's growth plates stop correcting, by sex: a teaching
#: assumption (no published limit was found; in hypophosphataemic rickets children with 3
#: or more years of growth left corrected better [JChildOrthop2017]).
PHYSES_CLOSE_YEARS = {"female": 14.0, "male": 16.0}
#: Months between reviews while a plate is in [EFORT2021].
REVIEW_MONTHS = 3
#: Share of limbs that drift back after the plates come out [BMCMusculoskeletDisord2022].
REBOUND_SHARE = 0.30


@dataclass(frozen=True)
class GuidedGrowth:
    """A guided-growth plan: the ``bone`` ("femur", "tibia" or "both"), the ``side`` of
    the growth plate held ("medial" corrects valgus, "lateral" varus), the correction
    rate [deg per month], the ``months`` needed for ``correction_deg`` (+ toward valgus),
    the ``months_of_growth_left``, the ``before`` and ``after`` results, and the
    ``warnings`` a family must hear."""

    bone: str
    side: str
    rate_deg_per_month: float
    correction_deg: float
    months: float
    months_of_growth_left: float
    before: Result
    after: Result
    warnings: tuple


def growth_rate_deg_per_month(bone, age_years):
    """Correction rate of guided growth [deg per month] for ``bone`` ("femur", "tibia",
    "both") at ``age_years``."""
    bones = ("femur", "tibia") if bone == "both" else (bone,)
    return sum(float(np.interp(age_years, GROWTH_RATE_AGES, GROWTH_RATE_DEG_PER_MONTH[b])) for b in bones)


def guided_growth(result, *, bone="femur", target_hka_deg=None, months=None):
    """Guided growth (temporary hemi-epiphysiodesis) for the child of ``result``.

    ``bone``: "femur", "tibia" or "both". Give ``months`` (how long the plates stay in)
    or ``target_hka_deg`` (the bone alignment to reach, + valgus; default the typical
    alignment for sex and age); the other follows from the rate
    (:func:`growth_rate_deg_per_month`). Raises ``ValueError`` for a skeletally mature
    person (:data:`PHYSES_CLOSE_YEARS`) and for a plan longer than the growth left.
    """
    _check_choice("bone", bone, ("femur", "tibia", "both"))
    i = result.inputs
    age, sex = float(i["age_years"]), i["sex"]
    closes = PHYSES_CLOSE_YEARS[sex]
    if age >= closes:
        raise InputError(
            f"age_years = {age:g}: guided growth needs open growth plates, and a {sex} knee's stop "
            f"correcting at about {closes:g} years (teaching assumption); at this age only an "
            "osteotomy can change the bone"
        )
    left = 12.0 * (closes - age)
    rate = growth_rate_deg_per_month(bone, age)
    segments = _segments(result)
    now = float(result.constitutional_hka_deg)
    if months is None:
        target = float(subject.default_hka_deg(sex == "female", age)) if target_hka_deg is None else target_hka_deg
        if not isinstance(target, (int, float)) or not math.isfinite(target) or abs(target) > 30.0:
            raise InputError(f"target_hka_deg = {target!r} is not a bone alignment the model has (-30 to 30 deg)")
        correction = target - now
        months = abs(correction) / rate
    else:
        if not isinstance(months, (int, float)) or not math.isfinite(months) or not 0.0 <= months <= 120.0:
            raise InputError(f"months = {months!r} is not a plate time the planner takes (0 to 120 months)")
        correction = (1.0 if (target_hka_deg or 0.0) >= now else -1.0) * rate * months
    if months > left:
        raise InputError(
            f"the correction of {abs(correction):.1f} deg needs {months:.0f} months at "
            f"{rate:.2f} deg/month, but only about {left:.0f} months of growth are left at "
            f"{age:g} years; correct part of it, or plan an osteotomy"
        )
    shares = {"femur": (1.0, 0.0), "tibia": (0.0, 1.0)}.get(bone)
    if shares is None:
        f = growth_rate_deg_per_month("femur", age) / rate
        shares = (f, 1.0 - f)
    new = {
        **segments,
        "mldfa_deg": segments["mldfa_deg"] - shares[0] * correction,
        "mpta_deg": segments["mpta_deg"] + shares[1] * correction,
    }
    after = simulate(**{**i, **new, "constitutional_hka_deg": None})
    side = "medial" if correction < 0 else "lateral"
    warnings = (
        f"Correction goes on for as long as the plates are in: they must come out when the target is reached "
        f"(review every {REVIEW_MONTHS} months) or the knee overcorrects into the opposite deformity.",
        f"After removal about {100 * REBOUND_SHARE:.0f} % of limbs drift part of the way back (rebound).",
        "Rates vary widely between children (the published ranges are several times the mean).",
    )
    return GuidedGrowth(bone, side, rate, correction, months, left, result, after, warnings)
