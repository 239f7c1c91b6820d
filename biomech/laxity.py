"""The knee's soft-tissue give in the frontal plane.

Ligaments and capsule let the tibia turn a few degrees into varus or valgus under a
frontal-plane moment. The model's knee abduction (Grood-Suntay) is the bone alignment plus
this give::

    give = - compliance(knee flexion) / stiffening(weight bearing) x knee adduction moment

+ = valgus; an external adduction moment (the usual one, loading the inner compartment)
opens the knee into varus, an abduction moment (knee pushed inward) into valgus.

Loaded, the knee is much stiffer than on the examination couch: tensed muscles and the
compressive load press the condyles onto the tibia, which resists tilting in proportion to
the load. So the loaded stiffness is taken to grow in proportion to the weight the knee
carries (times body height, so that the give depends on the moment relative to body
size): the give is then the same for a light and a heavy person in the same posture, and
the compliances below are those of the model's typical adult woman.

What is measured: healthy knees have about 6.7 deg of total varus-valgus laxity in full
extension with the muscles relaxed, and tensing the muscles makes them 2-4 times stiffer
[Markolf1978]; a knee at 20 deg of flexion is about a quarter less stiff than a straight
one [Aronson2008]; devices apply up to 10 N m [Shultz2007b]. What is assumed: the
compliance beyond 20 deg of flexion and how much weight bearing stiffens the knee (the
cadaver study of joint load [Markolf1981] could not be read), so those are teaching
assumptions with wide ranges.
"""

from __future__ import annotations

from . import numeric as nx
from .assumptions import assumption
from .statics import GRAVITY
from .subject import TYPICAL_ADULT, soft_limit

COMPLIANCE_EXTENDED_DEG_PER_NM = assumption(
    "knee_compliance_extended",
    0.3,
    low=0.2,
    high=0.4,
    unit="deg/(N m)",
    reason="relaxed straight knee: 6.7 deg total laxity over about +-10 N m is about 0.33 deg/(N m) "
    "[Markolf1978; Shultz2007b]",
)
COMPLIANCE_RATIO_20DEG = assumption(
    "knee_compliance_ratio_20deg",
    1.33,
    low=1.2,
    high=1.5,
    unit="x extended",
    reason="medial stiffness is about 25 % lower at 20 deg of flexion than in extension [Aronson2008]",
)
COMPLIANCE_RATIO_DEEP = assumption(
    "knee_compliance_ratio_deep",
    1.5,
    low=1.3,
    high=2.0,
    unit="x extended",
    reason="laxity beyond 45 deg of flexion was not found; kept a little above the 20 deg value",
)
LOAD_STIFFENING = assumption(
    "knee_load_stiffening",
    6.0,
    low=3.0,
    high=10.0,
    unit="x",
    reason="tensed muscles alone make the knee 2-4 times stiffer [Markolf1978], and the compressive load of "
    "standing stiffens it further (shown in cadavers [Markolf1981], numbers not retrieved)",
)

#: Body weight x height [N m] of the person the compliances are quoted for (the typical
#: adult woman standing on that knee).
REFERENCE_LOAD_NM = TYPICAL_ADULT["female"].mass_kg * GRAVITY * TYPICAL_ADULT["female"].height_m
#: Largest give either way [deg]: the give bends smoothly toward it and never passes it
#: (modelling choice: a knee that opened further would have torn ligaments, which the
#: model does not have).
MAX_GIVE_DEG = 8.0
#: Knee flexion [deg] at which the compliance ratios apply (straight, 20 deg, deep).
_FLEXION_POINTS_DEG = (0.0, 20.0, 45.0)


def compliance_deg_per_nm(knee_flexion_deg, p):
    """Frontal-plane compliance of the relaxed, unloaded knee [deg per N m] at
    ``knee_flexion_deg``: interpolated between the straight, 20 deg and deep values and
    held beyond them."""
    f = knee_flexion_deg
    ratio_20, ratio_deep = p["knee_compliance_ratio_20deg"], p["knee_compliance_ratio_deep"]
    # Piecewise linear in flexion, written out so the ratios may be arrays (sampled).
    t1 = nx.clip(f / _FLEXION_POINTS_DEG[1], 0.0, 1.0)
    t2 = nx.clip((f - _FLEXION_POINTS_DEG[1]) / (_FLEXION_POINTS_DEG[2] - _FLEXION_POINTS_DEG[1]), 0.0, 1.0)
    return p["knee_compliance_extended"] * (1.0 + t1 * (ratio_20 - 1.0) + t2 * (ratio_deep - ratio_20))


def loaded_compliance_deg_per_nm(knee_flexion_deg, weight_bearing, carried_n, height_m, p):
    """Compliance [deg per N m] of a knee that carries ``carried_n`` newtons of body weight
    in a body ``height_m`` tall (``weight_bearing`` 1), stiffened in proportion to that
    load; 0 where the give is not modelled (``weight_bearing`` 0)."""
    scale = REFERENCE_LOAD_NM / nx.maximum(carried_n * height_m, 1e-6)
    return weight_bearing * compliance_deg_per_nm(knee_flexion_deg, p) / p["knee_load_stiffening"] * scale


def give_deg(knee_adduction_moment_nm, compliance):
    """Frontal-plane give of the knee [deg, + valgus] under an external adduction moment
    (linear in the moment; :func:`limited` bends it toward the ligaments' limit)."""
    return -compliance * knee_adduction_moment_nm


def limited(give):
    """``give`` [deg] unchanged up to 70 % of :data:`MAX_GIVE_DEG`, then bent smoothly so
    that it never exceeds that limit either way."""
    return soft_limit(give, -MAX_GIVE_DEG, MAX_GIVE_DEG)
