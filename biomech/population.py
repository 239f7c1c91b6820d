"""Populations for the growing-up lesson: typical children's size by age, the spread of
knee alignment around the developmental curve, and how common an ankle gap is.

The spread is the developmental curve's standard deviation (:mod:`biomech.subject`,
after [SaleniusVankka1975; Yoo2008; Oyewole2013]), drawn as a normal distribution around
the age's mean; body size follows median growth. Draws use a seeded generator, so every
run gives the same numbers.
"""

from __future__ import annotations

import numpy as np

from . import growth, subject
from .model import simulate_many


def typical_size(age_years, sex="female"):
    """Median height [m] and mass [kg] at ``age_years`` from the growth charts
    (:mod:`biomech.growth`); from 18 years the 18-year medians."""
    return growth.body_at(sex == "female", np.asarray(age_years, dtype=float))


def developmental_band(age_years):
    """Mean and SD [deg, + valgus] of the tibiofemoral angle at each age (the curve)."""
    return subject.developmental_tfa_deg(age_years), subject.developmental_sd_deg(age_years)


def sample_alignment(age_years, n, seed=0, sex="female"):
    """``n`` bone alignments [deg HKA, + valgus] per age: the sex/age default plus a
    normal spread with the curve's SD. Returns an array of shape ``(len(ages), n)``."""
    ages = np.atleast_1d(np.asarray(age_years, dtype=float))
    rng = np.random.default_rng(seed)
    mean = subject.default_hka_deg(sex == "female", ages)[:, None]
    sd = subject.developmental_sd_deg(ages)[:, None]
    return mean + sd * rng.standard_normal((ages.size, n))


def ankle_gap_prevalence(age_years, threshold_mm=50.0, n=2000, seed=0, sex="female"):
    """Share of children of each age whose ankles stay more than ``threshold_mm`` apart
    with the knees together (the self-check), at median size for the age.

    Returns ``(share, gaps_mm)``: share per age (0..1) and the simulated intermalleolar
    distances, shape ``(len(ages), n)``.
    """
    ages = np.atleast_1d(np.asarray(age_years, dtype=float))
    hka = sample_alignment(ages, n, seed, sex)
    height, mass = typical_size(ages, sex)
    table = {
        "task": "knees_together",
        "sex": sex,
        "constitutional_hka_deg": np.clip(hka, -30.0, 30.0),
        "age_years": ages[:, None],
        "height_m": height[:, None],
        "mass_kg": mass[:, None],
    }
    gaps = simulate_many(table)["intermalleolar_distance_mm"]
    return (gaps > threshold_mm).mean(axis=1), gaps


#: Spread of young adults' bone alignment [deg HKA]: 2.2 deg in 120 volunteers [Nicolella2012].
ADULT_HKA_SD_DEG = 2.2
#: Spread of adult height [m] and body-mass index [kg/m^2] for adult populations
#: (teaching choice, about what adult surveys show).
ADULT_HEIGHT_SD_M = 0.07
ADULT_BMI_MEAN, ADULT_BMI_SD, ADULT_BMI_RANGE = 22.0, 3.0, (16.0, 40.0)


def adult_self_check(sex="female", n=4000, seed=0):
    """Knees-together gaps [mm] of ``n`` young adults of one sex: the typical adult's size
    and bone alignment with the published spread of alignment, height and BMI. Returns a
    dict with ``intermalleolar_distance_mm`` and ``intercondylar_distance_mm`` arrays."""
    rng = np.random.default_rng(seed)
    person = subject.TYPICAL_ADULT[sex]
    hka = subject.default_hka_deg(sex == "female", person.age_years) + ADULT_HKA_SD_DEG * rng.standard_normal(n)
    height = person.height_m + ADULT_HEIGHT_SD_M * rng.standard_normal(n)
    bmi = np.clip(ADULT_BMI_MEAN + ADULT_BMI_SD * rng.standard_normal(n), *ADULT_BMI_RANGE)
    out = simulate_many(
        {
            "sex": sex,
            "task": "knees_together",
            "age_years": person.age_years,
            "height_m": height,
            "mass_kg": bmi * height**2,
            "constitutional_hka_deg": np.clip(hka, -30.0, 30.0),
        }
    )
    return {k: out[k] for k in ("intermalleolar_distance_mm", "intercondylar_distance_mm")}
