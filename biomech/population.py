"""Populations for the growing-up lesson: typical children's size by age, the spread of
knee alignment around the developmental curve, and how common an ankle gap is.

The spread is the developmental curve's standard deviation (:mod:`biomech.subject`,
after [SaleniusVankka1975; Yoo2008; Oyewole2013]), drawn as a normal distribution around
the age's mean; body size follows median growth. Draws use a seeded generator, so every
run gives the same numbers.
"""
from __future__ import annotations

import numpy as np

from . import subject
from .model import simulate_many

#: Median standing height [m] and body mass [kg] by age [years], sexes averaged and
#: rounded, from the growth charts [WHO2006] (0-5 y) and [Kuczmarski2002] (5-18 y).
GROWTH_AGE_YEARS = np.array([0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 14.0, 16.0, 18.0])
GROWTH_HEIGHT_M = np.array([0.50, 0.66, 0.75, 0.81, 0.87, 0.96, 1.03, 1.10, 1.16, 1.27, 1.38, 1.50, 1.62, 1.68, 1.70])
GROWTH_MASS_KG = np.array([3.3, 7.6, 9.4, 10.6, 12.0, 14.1, 16.1, 18.2, 20.5, 25.6, 31.5, 40.0, 50.0, 57.0, 62.0])


def typical_size(age_years):
    """Median height [m] and mass [kg] at ``age_years`` (adults keep the 18-year values)."""
    return (np.interp(age_years, GROWTH_AGE_YEARS, GROWTH_HEIGHT_M),
            np.interp(age_years, GROWTH_AGE_YEARS, GROWTH_MASS_KG))


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
    height, mass = typical_size(ages)
    table = {"task": "knees_together", "sex": sex, "constitutional_hka_deg": np.clip(hka, -30.0, 30.0),
             "age_years": ages[:, None], "height_m": height[:, None], "mass_kg": mass[:, None]}
    gaps = simulate_many(table)["intermalleolar_distance_mm"]
    return (gaps > threshold_mm).mean(axis=1), gaps
