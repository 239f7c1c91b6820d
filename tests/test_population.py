"""Population helpers of the growing-up lesson, against the developmental curve [SaleniusVankka1975; Yoo2008]."""
from __future__ import annotations

import numpy as np

from biomech import population, subject


def test_growth_medians_are_monotonic_and_adult_sized():
    height, mass = population.typical_size(population.GROWTH_AGE_YEARS)
    assert np.all(np.diff(height) > 0) and np.all(np.diff(mass) > 0)
    assert 1.6 < height[-1] < 1.8 and 55 < mass[-1] < 70


def test_sampled_alignment_has_the_curves_mean_and_spread():
    ages = np.array([1.0, 3.0, 8.0])
    draws = population.sample_alignment(ages, 20000, seed=1)
    np.testing.assert_allclose(draws.mean(axis=1), subject.default_hka_deg(True, ages), atol=0.1)
    np.testing.assert_allclose(draws.std(axis=1), subject.developmental_sd_deg(ages), rtol=0.03)


def test_ankle_gaps_peak_in_early_childhood_and_are_deterministic():
    """A gap is commonest around the valgus peak at 3-4 y (s.4: Yoo 2008 peak at 4 y)
    and rare in toddlers, who are bow-legged or straight."""
    ages = np.array([1.0, 4.0, 10.0])
    share, gaps = population.ankle_gap_prevalence(ages, threshold_mm=40.0, n=3000, seed=3)
    again, _ = population.ankle_gap_prevalence(ages, threshold_mm=40.0, n=3000, seed=3)
    np.testing.assert_array_equal(share, again)
    assert share[1] > share[2] > share[0] - 1e-12
    assert share[0] < 0.01 and share[1] > 0.1
    # Iranian children 8-11 y: intermalleolar distance 7.5 +- 11.2 mm standing (s.4,
    # HeshmatiPour & Karimi): the model's 10-year-olds have a mean gap of the same order.
    assert 2.0 < gaps[2].mean() < 15.0
