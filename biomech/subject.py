"""The person: body size and bone alignment from sex, height, mass and age.

Every function takes plain floats (one person) or numpy arrays (a table) and broadcasts.
Lengths in mm unless a name says otherwise. Citations in square brackets are keys of
:mod:`biomech.references`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import numpy as np

from . import numeric as nx
from .assumptions import assumption, defaults


@dataclass(frozen=True)
class Person:
    """Who is simulated: sex, standing height [m], body mass [kg], age [years]."""

    sex: str
    height_m: float
    mass_kg: float
    age_years: float

    def as_inputs(self):
        """The person as :func:`biomech.simulate` keywords."""
        return {"sex": self.sex, "height_m": self.height_m, "mass_kg": self.mass_kg, "age_years": self.age_years}


#: The model's typical adult woman and man: every default, preset and lesson starts from
#: these. Teaching choice: heights near the means of European adults, BMI 22-24.
TYPICAL_ADULT = {
    "female": Person("female", 1.65, 60.0, 25.0),
    "male": Person("male", 1.78, 75.0, 25.0),
}

# --- segment lengths as fractions of height H [Winter2009] ------------------------
THIGH_PER_HEIGHT = 0.245
SHANK_PER_HEIGHT = 0.246
FOOT_LENGTH_PER_HEIGHT = 0.152
FOOT_WIDTH_PER_HEIGHT = 0.055
ANKLE_HEIGHT_PER_HEIGHT = 0.039
#: Segment masses as fractions of body mass, and where each segment's centre of mass lies
#: as a share of its length from the proximal joint [Winter2009; WinterDempster].
THIGH_MASS_FRACTION = 0.100
SHANK_MASS_FRACTION = 0.0465
FOOT_MASS_FRACTION = 0.0145
SEGMENT_COM_SHARE = 0.433
#: Mass of one thigh + shank + foot as a fraction of body mass.
LEG_MASS_FRACTION = THIGH_MASS_FRACTION + SHANK_MASS_FRACTION + FOOT_MASS_FRACTION
#: The leg's centre of mass below the hip along a straight leg, per height (the foot's
#: mass taken at the ankle): about 0.21 H.
LEG_COM_FROM_HIP_PER_HEIGHT = (
    THIGH_MASS_FRACTION * SEGMENT_COM_SHARE * THIGH_PER_HEIGHT
    + SHANK_MASS_FRACTION * (THIGH_PER_HEIGHT + SEGMENT_COM_SHARE * SHANK_PER_HEIGHT)
    + FOOT_MASS_FRACTION * (THIGH_PER_HEIGHT + SHANK_PER_HEIGHT)
) / LEG_MASS_FRACTION
#: Head, arms and trunk as one segment: 0.678 of body mass, its centre of mass 0.626 of the
#: way from the greater trochanter (0.530 H) to the shoulder joint (0.818 H), i.e. 0.180 H
#: above the hips [WinterDempster].
HAT_MASS_FRACTION = 0.678
HAT_COM_ABOVE_HIP_PER_HEIGHT = 0.626 * (0.818 - 0.530)
#: Shoulder joints above the hips, per height (for drawing the trunk) [WinterDempster].
SHOULDER_ABOVE_HIP_PER_HEIGHT = 0.818 - 0.530

# --- pelvis ----------------------------------------------------------------------
#: Inter-ASIS distance per height. Teaching assumption chosen so that a 1.65 m woman has
#: 251 mm and a 1.78 m man 249 mm, inside the typical adult 230-270 mm.
INTER_ASIS_PER_HEIGHT = {"female": 0.152, "male": 0.140}
#: Inter-hip-centre distance / inter-ASIS distance [Bell1989] (+-0.36 of the
#: inter-ASIS width PW from the mid-ASIS point).
HIP_CENTRES_PER_INTER_ASIS_BELL1989 = 0.72
#: ASIS relative to the mid-hip point, as fractions of PW: the hip centre lies 0.30 PW
#: distal of the mid-ASIS point [Bell1989] and 0.19 PW posterior of it (the motion-capture
#: implementation of Bell's rule; the paper itself gives 0.22).
ASIS_FORWARD_PER_PW_BELL1989 = 0.19
ASIS_UP_PER_PW_BELL1989 = 0.30

# --- knee ------------------------------------------------------------------------
#: Tibial plateau width per height: 68.8 mm (F, 1.65 m) and 76.4 mm (M, 1.745 m), the
#: Chinese CT means of the table in [PMC9703208].
PLATEAU_WIDTH_PER_HEIGHT = {"female": 0.0417, "male": 0.0438}
#: Knee and ankle half-widths (medial skin surface to joint centre): a bony part that
#: scales with height plus soft tissue that grows with BMI, so that body fat changes the
#: "ankle gap" self-check. The bony parts are teaching geometry.
KNEE_HALF_WIDTH_PER_HEIGHT = 0.036
ANKLE_HALF_WIDTH_PER_HEIGHT = 0.021
KNEE_SOFT_TISSUE_MM_PER_BMI = assumption(
    "knee_soft_tissue_mm_per_bmi",
    1.2,
    low=0.6,
    high=2.0,
    unit="mm per kg/m^2",
    reason="soft tissue over the medial knee thickens with BMI; no published slope was found",
)
ANKLE_SOFT_TISSUE_MM_PER_BMI = assumption(
    "ankle_soft_tissue_mm_per_bmi",
    0.3,
    low=0.1,
    high=0.6,
    unit="mm per kg/m^2",
    reason="the malleoli carry little fat; a smaller slope than the knee's",
)
KNEE_SOFT_TISSUE_FEMALE_EXTRA_PER_HEIGHT = assumption(
    "knee_soft_tissue_female_extra_per_height",
    0.0024,
    low=0.0012,
    high=0.0036,
    unit="of height",
    reason="women carry more fat on the inner knee than men of the same BMI; calibrated (4 mm at 1.65 m) so "
    "that young women's knees-together gaps match the prevalences of [Shohat2018]",
)
#: Thinnest knee and ankle half-widths per height (bone alone): soft tissue never takes
#: them lower, however lean the person.
KNEE_HALF_WIDTH_MIN_PER_HEIGHT = 0.022
ANKLE_HALF_WIDTH_MIN_PER_HEIGHT = 0.016
#: Width [mm] of the rounded corner where the soft tissue reaches that floor.
HALF_WIDTH_FLOOR_SMOOTHING_MM = 2.0
#: BMI of a typical lean person by age (children are leaner than adults: about 16 at
#: 2-8 years); soft tissue is added for BMI above it. Rounded medians of the growth
#: charts [WHO2006] (0-5 y) and [Kuczmarski2002] (5-18 y).
REFERENCE_BMI_AGE_YEARS = (0.0, 2.0, 5.0, 8.0, 12.0, 18.0, 25.0)
REFERENCE_BMI = (17.0, 16.5, 15.5, 16.0, 18.0, 21.0, 22.0)
#: Patella centre ahead of the knee centre; tibial tubercle below, ahead of and lateral
#: to it. Teaching geometry.
PATELLA_FORWARD_PER_HEIGHT = 0.030
TUBERCLE_FORWARD_PER_HEIGHT = 0.022
TUBERCLE_DOWN_PER_HEIGHT = 0.025
#: How far lateral of the knee centre the tibial tubercle lies, by sex. Women's tubercle is
#: more lateral (1.8 vs 0.9 cm from the patella centre [Raveendranath2009]), which is what
#: gives them the larger Q-angle; the offsets are calibrated to a 3 deg difference, between
#: 2.3 deg [Grelsamer2005] and 3.5 deg [Raveendranath2009].
TUBERCLE_LATERAL_PER_HEIGHT = {
    "female": assumption(
        "tubercle_lateral_female_per_height",
        0.0046,
        low=0.0030,
        high=0.0060,
        unit="of height",
        reason="calibrated to the published Q-angle of women (about 12-15 deg)",
    ),
    "male": assumption(
        "tubercle_lateral_male_per_height",
        0.0037,
        low=0.0025,
        high=0.0050,
        unit="of height",
        reason="calibrated to the published Q-angle of men (about 10-11 deg)",
    ),
}
#: Anatomic-mechanical angle of the femur: 5.4 +- 0.7 deg [Jamali2017].
FEMORAL_AMA_DEG_JAMALI2017 = 5.4
_AMA_SINCOS = (nx.sin(nx.radians(FEMORAL_AMA_DEG_JAMALI2017)), nx.cos(nx.radians(FEMORAL_AMA_DEG_JAMALI2017)))

# --- muscles ---------------------------------------------------------------------
#: Hip abductor moment arm: 51 mm at 1.65 m, inside the textbook 5-7 cm.
ABDUCTOR_ARM_PER_HEIGHT = assumption(
    "abductor_arm_per_height",
    0.031,
    low=0.027,
    high=0.037,
    unit="of height",
    reason="textbook abductor moment arms are 5-7 cm; 0.027-0.037 H spans 45-61 mm at 1.65 m",
)
#: Patellar tendon moment arm about the knee (textbook 4-5 cm).
PATELLAR_TENDON_ARM_PER_HEIGHT = assumption(
    "patellar_tendon_arm_per_height",
    0.026,
    low=0.022,
    high=0.030,
    unit="of height",
    reason="patellar tendon moment arms of adults are about 4-5 cm (36-50 mm at 1.65 m)",
)

# --- joint ranges -----------------------------------------------------------------
#: Passive hip range in the frontal plane, deg: adduction about 30, abduction about 45
#: [AAOS1965]. A pose never takes the hip beyond them: the feet slide instead.
HIP_ADDUCTION_LIMIT_DEG = 30.0
HIP_ABDUCTION_LIMIT_DEG = 45.0
#: Share of each limit up to which the hip moves freely before the soft limit bends in.
HIP_LIMIT_FREE_SHARE = 0.7


def soft_limit(x, low, high, free_share=HIP_LIMIT_FREE_SHARE):
    """``x`` unchanged between ``free_share*low`` and ``free_share*high``, then bending
    smoothly (continuous slope) toward ``low`` / ``high``, which it never passes."""
    lo, hi = free_share * low, free_share * high

    def bend(v, start, end):
        return start + (end - start) * nx.tanh((v - start) / (end - start))

    if nx.is_scalar(x):
        return bend(x, hi, high) if x > hi else bend(x, lo, low) if x < lo else x
    # Most rows lie inside the free band: bend only the others (often none).
    x = np.asarray(x, dtype=float)
    if x.size and lo <= x.min() and x.max() <= hi:
        return x
    out = x.copy()
    for rows, start, end in ((x > hi, hi, high), (x < lo, lo, low)):
        if rows.any():
            out[rows] = bend(out[rows], start, end)
    return out


# --- alignment -------------------------------------------------------------------
#: Adult mechanical HKA by sex, + valgus: men -1.5, women -0.5 deg (Table 2 of
#: [Nicolella2012]).
ADULT_HKA_DEG = {"female": -0.5, "male": -1.5}
#: Anterior pelvic tilt in standing [deg] (ASIS below PSIS). Most adults stand with an
#: anterior tilt (85 % of men, 75 % of women [Herrington2011]), and the bony ASIS-PSIS
#: angle alone is 13 +- 5 deg [Preece2008]; the means by sex are teaching assumptions.
ADULT_PELVIC_TILT_DEG = {
    "female": assumption(
        "typical_pelvic_tilt_female_deg",
        12.0,
        low=8.0,
        high=16.0,
        unit="deg",
        reason="typical standing anterior tilt of women; no published mean was verified",
    ),
    "male": assumption(
        "typical_pelvic_tilt_male_deg",
        10.0,
        low=6.0,
        high=14.0,
        unit="deg",
        reason="typical standing anterior tilt of men, a little less than women's",
    ),
}

#: Smoothed developmental curve of the clinical tibiofemoral angle, deg, + valgus: a
#: synthesis of [SaleniusVankka1975], [Yoo2008] and [Oyewole2013], not a single source.
DEVELOPMENT_AGE_YEARS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 18.0)
DEVELOPMENT_TFA_DEG = (-12.0, -8.0, -5.0, 0.0, 3.0, 9.0, 10.0, 8.0, 6.0, 5.5, 5.5)
#: Population standard deviation of that angle, deg (newborns 3.8 [Oyewole2013]; 2-3 y
#: about 2.5; adults 2.6 [Jamali2017]).
DEVELOPMENT_SD_DEG = (3.8, 2.5, 2.2, 2.1, 2.5, 2.3, 2.5, 2.2, 2.2, 2.5, 2.6)
ADULT_AGE_YEARS = 18.0


def developmental_tfa_deg(age_years):
    """Population mean clinical tibiofemoral angle [deg, + valgus] at ``age_years``."""
    return nx.interp(age_years, DEVELOPMENT_AGE_YEARS, DEVELOPMENT_TFA_DEG)


def developmental_sd_deg(age_years):
    """Population standard deviation of the clinical tibiofemoral angle [deg]."""
    return nx.interp(age_years, DEVELOPMENT_AGE_YEARS, DEVELOPMENT_SD_DEG)


def by_sex(is_female, table):
    """``table["female"]`` where ``is_female`` holds, else ``table["male"]``."""
    return nx.where(is_female, table["female"], table["male"])


def default_hka_deg(is_female, age_years):
    """Constitutional mechanical HKA [deg, + valgus] for sex and age.

    Adults keep their sex's mean; children are offset from it by the developmental curve,
    so a 3-year-old is in valgus and an infant in varus.
    """
    offset = developmental_tfa_deg(age_years) - developmental_tfa_deg(ADULT_AGE_YEARS)
    return by_sex(is_female, ADULT_HKA_DEG) + offset


def default_pelvic_tilt_deg(is_female, p=None):
    """Typical standing anterior pelvic tilt [deg] (coefficients ``p``, default values
    when None)."""
    if p is None:
        return by_sex(is_female, ADULT_PELVIC_TILT_DEG)
    return nx.where(is_female, p["typical_pelvic_tilt_female_deg"], p["typical_pelvic_tilt_male_deg"])


def default_hip_width_mm(is_female, height_m):
    """Default inter-hip-centre distance [mm]: 0.72 x inter-ASIS [Bell1989]."""
    return HIP_CENTRES_PER_INTER_ASIS_BELL1989 * by_sex(is_female, INTER_ASIS_PER_HEIGHT) * height_m * 1000.0


def typical_values(is_female, height_m, age_years, p=None):
    """The three causes that are properties of the person, at their typical values:
    ``hip_width_mm``, ``pelvic_tilt_deg`` and ``constitutional_hka_deg``. The model fills
    missing inputs with these, the explorer's offsets count from them and the "why"
    chart starts from them. ``p``: coefficients (default values when None)."""
    return {
        "hip_width_mm": default_hip_width_mm(is_female, height_m),
        "pelvic_tilt_deg": default_pelvic_tilt_deg(is_female, p),
        "constitutional_hka_deg": default_hka_deg(is_female, age_years),
    }


def _half_width(height_mm, bony_per_height, soft_mm_per_bmi, extra_bmi, min_per_height):
    """Medial skin-to-joint-centre half-width [mm]: bone plus BMI-dependent soft tissue,
    never thinner than the bone alone."""
    return nx.smooth_max(
        bony_per_height * height_mm + soft_mm_per_bmi * extra_bmi,
        min_per_height * height_mm,
        HALF_WIDTH_FLOOR_SMOOTHING_MM,
    )


_DEFAULTS = defaults()


@lru_cache(maxsize=512)
def _one_person(is_female, height_m, mass_kg, hip_width_mm, age_years):
    geometry = _anthropometry(is_female, height_m, mass_kg, hip_width_mm, age_years, defaults())
    return MappingProxyType(geometry)


def anthropometry(is_female, height_m, mass_kg, hip_width_mm, age_years=25.0, p=None):
    """Segment lengths and widths [mm] for the kinematic chain and the measures.

    ``hip_width_mm`` is the inter-hip-centre distance actually used (default or cause).
    The pelvis landmarks scale with it, so wider hips also move the ASIS (Q-angle).
    ``p`` is the coefficient mapping (:func:`biomech.assumptions.defaults` when None).
    One person with the default coefficients is looked up in a small cache (a slider
    that moves a cause does not change the body); the dict returned is always a new one.
    """
    if (p is None or p is _DEFAULTS) and nx.is_scalar(height_m, mass_kg, hip_width_mm, age_years):
        return _one_person(bool(is_female), height_m, mass_kg, hip_width_mm, age_years).copy()
    return _anthropometry(is_female, height_m, mass_kg, hip_width_mm, age_years, defaults() if p is None else p)


def _anthropometry(is_female, height_m, mass_kg, hip_width_mm, age_years, p):
    H = height_m * 1000.0
    bmi = mass_kg / (height_m * height_m)
    extra_bmi = bmi - nx.interp(age_years, REFERENCE_BMI_AGE_YEARS, REFERENCE_BMI)
    inter_asis = hip_width_mm / HIP_CENTRES_PER_INTER_ASIS_BELL1989
    return {
        "height_mm": H,
        "bmi": bmi,
        "thigh_mm": THIGH_PER_HEIGHT * H,
        "shank_mm": SHANK_PER_HEIGHT * H,
        "foot_length_mm": FOOT_LENGTH_PER_HEIGHT * H,
        "foot_width_mm": FOOT_WIDTH_PER_HEIGHT * H,
        "ankle_height_mm": ANKLE_HEIGHT_PER_HEIGHT * H,
        "hip_half_mm": 0.5 * hip_width_mm,
        "asis_half_mm": 0.5 * inter_asis,
        "asis_ap_mm": ASIS_FORWARD_PER_PW_BELL1989 * inter_asis,
        "asis_up_mm": ASIS_UP_PER_PW_BELL1989 * inter_asis,
        "patella_ap_mm": PATELLA_FORWARD_PER_HEIGHT * H,
        "tubercle_lat_mm": nx.where(
            is_female, p["tubercle_lateral_female_per_height"], p["tubercle_lateral_male_per_height"]
        )
        * H,
        "tubercle_ap_mm": TUBERCLE_FORWARD_PER_HEIGHT * H,
        "tubercle_down_mm": TUBERCLE_DOWN_PER_HEIGHT * H,
        "plateau_width_mm": by_sex(is_female, PLATEAU_WIDTH_PER_HEIGHT) * H,
        "knee_half_width_mm": _half_width(
            H,
            KNEE_HALF_WIDTH_PER_HEIGHT + nx.where(is_female, p["knee_soft_tissue_female_extra_per_height"], 0.0),
            p["knee_soft_tissue_mm_per_bmi"],
            extra_bmi,
            KNEE_HALF_WIDTH_MIN_PER_HEIGHT,
        ),
        "ankle_half_width_mm": _half_width(
            H,
            ANKLE_HALF_WIDTH_PER_HEIGHT,
            p["ankle_soft_tissue_mm_per_bmi"],
            extra_bmi,
            ANKLE_HALF_WIDTH_MIN_PER_HEIGHT,
        ),
        "abductor_arm_mm": p["abductor_arm_per_height"] * H,
        "patellar_tendon_arm_mm": p["patellar_tendon_arm_per_height"] * H,
        "ama_deg": FEMORAL_AMA_DEG_JAMALI2017,
        "ama_sincos": _AMA_SINCOS,
    }
