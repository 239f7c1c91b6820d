"""The person: body size and bone alignment from sex, height, mass and age.

Every function takes numpy arrays (or floats) and broadcasts. Lengths in mm.

References
----------
Winter DA. Biomechanics and Motor Control of Human Movement, Table 4.1 (segment
lengths as fractions of height H) - REFERENCE_VALUES.md section 10.
Bell AL, Brand RA, Pedersen DR (1989). Prediction of hip joint centre location from
external landmarks. Hum Mov Sci 8:3-16 (inter-hip-centre = 0.72 x inter-ASIS) - section 3.
Jamali AA et al. (2017). J Orthop Surg Res 12:77 (anatomic-mechanical angle 5.4 deg) - section 1.
Table 2 of Biol Sex Differ 2012;3:28 (PMC3560206): adult HKA men -1.5, women -0.5 deg - section 1.
Yoo et al. 2008 (PMC2526399), J Child Orthop 2013 (PMC3593025), Salenius & Vankka 1975:
the developmental curve - section 4.
Tibial plateau widths, Table 5 of PMC9703208 - section 10.
"""
from __future__ import annotations

import numpy as np

# --- segment lengths, Winter (REFERENCE_VALUES section 10) -------------------------
THIGH_PER_HEIGHT = 0.245
SHANK_PER_HEIGHT = 0.246
FOOT_LENGTH_PER_HEIGHT = 0.152
FOOT_WIDTH_PER_HEIGHT = 0.055
ANKLE_HEIGHT_PER_HEIGHT = 0.039
#: Mass of one thigh + shank + foot as a fraction of body mass (Winter 0.100 + 0.0465 + 0.0145).
LEG_MASS_FRACTION = 0.161

# --- pelvis ----------------------------------------------------------------------
#: Inter-ASIS distance per height. Teaching assumption chosen so that a 1.65 m woman has
#: 251 mm and a 1.78 m man 249 mm, inside the typical adult 230-270 mm (section 3).
INTER_ASIS_PER_HEIGHT = {"female": 0.152, "male": 0.140}
#: Inter-hip-centre distance / inter-ASIS distance (Bell 1989, Visual3D form: +-0.36 PW).
HIP_CENTRES_PER_INTER_ASIS_BELL1989 = 0.72
#: ASIS relative to the mid-hip point, as fractions of inter-ASIS width PW (Bell 1989:
#: hip centre 0.36 PW medial, 0.19 PW posterior, 0.30 PW distal of the mid-ASIS point).
ASIS_FORWARD_PER_PW_BELL1989 = 0.19
ASIS_UP_PER_PW_BELL1989 = 0.30

# --- knee ------------------------------------------------------------------------
#: Tibial plateau width per height: 68.8 mm (F, 1.65 m) and 76.4 mm (M, 1.745 m) as in the
#: Chinese CT means of PMC9703208 Table 5.
PLATEAU_WIDTH_PER_HEIGHT = {"female": 0.0417, "male": 0.0438}
#: Knee and ankle soft-tissue half-widths (medial surface to joint centre). Teaching
#: assumption: a bony part scaling with height plus a soft-tissue part growing with BMI,
#: so that body fat changes the "ankle gap" self-check (DESIGN.md content map).
KNEE_HALF_WIDTH_PER_HEIGHT = 0.036
KNEE_SOFT_TISSUE_MM_PER_BMI = 1.2
ANKLE_HALF_WIDTH_PER_HEIGHT = 0.021
ANKLE_SOFT_TISSUE_MM_PER_BMI = 0.3
#: BMI of a typical lean person by age (children are leaner than adults: about 16 at
#: 2-8 years). Soft tissue is added for BMI above this. RECALLED WHO growth-chart medians.
REFERENCE_BMI_AGE_YEARS = np.array([0.0, 2.0, 5.0, 8.0, 12.0, 18.0, 25.0])
REFERENCE_BMI = np.array([17.0, 16.5, 15.5, 16.0, 18.0, 21.0, 22.0])
#: Patella centre ahead of the knee centre; tibial tubercle below, ahead of and lateral
#: to it. Teaching geometry, with the lateral offset set so that the standing Q-angle of
#: the default adults falls in the published ranges (REFERENCE_VALUES section 3).
PATELLA_FORWARD_PER_HEIGHT = 0.030
TUBERCLE_FORWARD_PER_HEIGHT = 0.022
TUBERCLE_DOWN_PER_HEIGHT = 0.025
TUBERCLE_LATERAL_PER_HEIGHT = 0.004
#: Anatomic-mechanical angle of the femur (Jamali 2017, 5.4 +- 0.7 deg).
FEMORAL_AMA_DEG_JAMALI2017 = 5.4
_AMA_SINCOS = (np.sin(np.radians(FEMORAL_AMA_DEG_JAMALI2017)), np.cos(np.radians(FEMORAL_AMA_DEG_JAMALI2017)))

# --- muscles ---------------------------------------------------------------------
#: Hip abductor moment arm: 51 mm at 1.65 m, inside the textbook 5-7 cm (section 5).
ABDUCTOR_ARM_PER_HEIGHT = 0.031
#: Patellar tendon moment arm about the knee (about 4-5 cm, RECALLED textbook value).
PATELLAR_TENDON_ARM_PER_HEIGHT = 0.026

# --- joint ranges -----------------------------------------------------------------
#: Passive hip range in the frontal plane, deg: adduction about 30, abduction about 45
#: (AAOS normal values, RECALLED). A pose never takes the hip beyond them: the feet
#: slide instead.
HIP_ADDUCTION_LIMIT_DEG = 30.0
HIP_ABDUCTION_LIMIT_DEG = 45.0


def soft_limit(x, low, high, knee=0.7):
    """``x`` unchanged between ``knee*low`` and ``knee*high``, then bending smoothly
    (continuous slope) toward ``low`` / ``high``, which it never passes."""
    lo, hi = knee * low, knee * high
    above = hi + (high - hi) * np.tanh((x - hi) / (high - hi))
    below = lo + (low - lo) * np.tanh((x - lo) / (low - lo))
    return np.where(x > hi, above, np.where(x < lo, below, x))


# --- alignment -------------------------------------------------------------------
#: Adult mechanical HKA by sex, + valgus (PMC3560206 Table 2: men -1.5, women -0.5 deg).
ADULT_HKA_DEG = {"female": -0.5, "male": -1.5}
#: Anterior pelvic tilt in standing, deg (Herrington 2011: about 11 deg; women about 12,
#: men about 10 - RECALLED means, section 8).
ADULT_PELVIC_TILT_DEG = {"female": 12.0, "male": 10.0}

#: Smoothed developmental curve of the clinical tibiofemoral angle, deg, + valgus:
#: a synthesis of the READ rows of REFERENCE_VALUES section 4 (Nigerian longitudinal
#: 0-3 y, Yoo 2008 Korean radiographs, Salenius & Vankka), not a single source.
DEVELOPMENT_AGE_YEARS = np.array([0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 18.0])
DEVELOPMENT_TFA_DEG = np.array([-12.0, -8.0, -5.0, 0.0, 3.0, 9.0, 10.0, 8.0, 6.0, 5.5, 5.5])
#: Population standard deviation of that angle, deg (Nigerian 0-3 wk 3.8; 2-3 y about 2.5;
#: adults 2.6 from Jamali 2017).
DEVELOPMENT_SD_DEG = np.array([3.8, 2.5, 2.2, 2.1, 2.5, 2.3, 2.5, 2.2, 2.2, 2.5, 2.6])
ADULT_AGE_YEARS = 18.0


def developmental_tfa_deg(age_years):
    """Population mean clinical tibiofemoral angle [deg, + valgus] at ``age_years``."""
    return np.interp(age_years, DEVELOPMENT_AGE_YEARS, DEVELOPMENT_TFA_DEG)


def developmental_sd_deg(age_years):
    """Population standard deviation of the clinical tibiofemoral angle [deg]."""
    return np.interp(age_years, DEVELOPMENT_AGE_YEARS, DEVELOPMENT_SD_DEG)


def _by_sex(is_female, table):
    if np.ndim(is_female) == 0:  # one person: skip the array machinery
        return table["female"] if is_female else table["male"]
    return np.where(is_female, table["female"], table["male"])


def default_hka_deg(is_female, age_years):
    """Constitutional mechanical HKA [deg, + valgus] for sex and age.

    Adults keep their sex's mean (PMC3560206); children are offset from it by the
    developmental curve, so a 3-year-old is in valgus and an infant in varus.
    """
    offset = developmental_tfa_deg(age_years) - developmental_tfa_deg(ADULT_AGE_YEARS)
    return _by_sex(is_female, ADULT_HKA_DEG) + offset


def default_pelvic_tilt_deg(is_female):
    """Typical standing anterior pelvic tilt [deg] (Herrington 2011, RECALLED means)."""
    return _by_sex(is_female, ADULT_PELVIC_TILT_DEG)


def default_hip_width_mm(is_female, height_m):
    """Default inter-hip-centre distance [mm]: 0.72 x inter-ASIS (Bell 1989)."""
    return HIP_CENTRES_PER_INTER_ASIS_BELL1989 * _by_sex(is_female, INTER_ASIS_PER_HEIGHT) * height_m * 1000.0


def _soft_floor(x, floor):
    """Smooth max(x, floor), so soft-tissue widths never go negative for thin children."""
    d = x - floor
    return floor + 0.5 * (d + np.sqrt(d * d + 4.0))


def anthropometry(is_female, height_m, mass_kg, hip_width_mm, age_years=25.0):
    """Segment lengths and widths [mm] for the kinematic chain and the measures.

    ``hip_width_mm`` is the inter-hip-centre distance actually used (default or cause).
    The pelvis landmarks scale with it, so wider hips also move the ASIS (Q-angle).
    """
    H = np.asarray(height_m, dtype=float) * 1000.0
    bmi = mass_kg / np.square(height_m)
    extra_bmi = bmi - np.interp(age_years, REFERENCE_BMI_AGE_YEARS, REFERENCE_BMI)
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
        "tubercle_lat_mm": TUBERCLE_LATERAL_PER_HEIGHT * H,
        "tubercle_ap_mm": TUBERCLE_FORWARD_PER_HEIGHT * H,
        "tubercle_down_mm": TUBERCLE_DOWN_PER_HEIGHT * H,
        "plateau_width_mm": _by_sex(is_female, PLATEAU_WIDTH_PER_HEIGHT) * H,
        "knee_half_width_mm": _soft_floor(
            KNEE_HALF_WIDTH_PER_HEIGHT * H + KNEE_SOFT_TISSUE_MM_PER_BMI * extra_bmi, 0.022 * H),
        "ankle_half_width_mm": _soft_floor(
            ANKLE_HALF_WIDTH_PER_HEIGHT * H + ANKLE_SOFT_TISSUE_MM_PER_BMI * extra_bmi, 0.016 * H),
        "abductor_arm_mm": ABDUCTOR_ARM_PER_HEIGHT * H,
        "patellar_tendon_arm_mm": PATELLAR_TENDON_ARM_PER_HEIGHT * H,
        "ama_deg": FEMORAL_AMA_DEG_JAMALI2017,
        "ama_sincos": _AMA_SINCOS,
    }
