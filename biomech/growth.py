"""Children's height and mass by age, to refuse a child no one is (a 2-year-old of 1.65 m).

The table holds the 3rd, 50th and 97th percentiles of length/height [cm] and weight [kg]
by sex and age: the WHO Child Growth Standards up to 5 years [WHO2006] and the CDC 2000
growth charts from 8 to 18 years [Kuczmarski2002]. A child is refused when its
height-for-age lies more than 6 SD from the median, or its weight-for-age more than 6 SD
below or 5 SD above it: the limits the WHO uses to flag impossible records
(discussed by [Freedman2015]). From 20 years on there is no check by age; between 18 and
20 the 18-year table applies.
"""

from __future__ import annotations

import numpy as np

from . import numeric as nx

#: (age [years], height P3, P50, P97 [cm], weight P3, P50, P97 [kg]) by sex.
GROWTH_TABLE = {
    "female": (
        (0, 45.6, 49.1, 52.7, 2.4, 3.2, 4.2),
        (1, 69.2, 74.0, 78.9, 7.1, 8.9, 11.3),
        (2, 80.3, 86.4, 92.5, 9.2, 11.5, 14.6),
        (3, 87.9, 95.1, 102.2, 11.0, 13.9, 17.8),
        (5, 100.5, 109.4, 118.4, 14.0, 18.2, 24.4),
        (8, 117.3, 127.8, 139.4, 19.5, 25.8, 38.5),
        (12, 137.4, 151.5, 165.2, 30.0, 41.8, 65.9),
        (15, 149.7, 161.9, 174.2, 39.6, 52.1, 81.6),
        (18, 150.9, 163.1, 175.3, 44.2, 56.2, 87.4),
    ),
    "male": (
        (0, 46.3, 49.9, 53.4, 2.5, 3.3, 4.4),
        (1, 71.3, 75.7, 80.2, 7.8, 9.6, 11.8),
        (2, 82.1, 87.8, 93.6, 9.8, 12.2, 15.1),
        (3, 89.1, 96.1, 103.1, 11.4, 14.3, 18.0),
        (5, 101.2, 110.0, 118.7, 14.3, 18.3, 23.8),
        (8, 117.5, 128.1, 139.3, 20.1, 25.8, 37.4),
        (12, 135.7, 149.3, 163.7, 29.5, 40.7, 63.3),
        (15, 154.6, 170.1, 184.1, 41.5, 56.5, 83.2),
        (18, 162.5, 176.2, 189.5, 51.7, 67.3, 97.2),
    ),
}
#: z-score of the 97th percentile.
Z_P97 = 1.881
#: Age from which height and mass are not checked against the children's table [years].
CHECKED_BELOW_AGE_YEARS = 20.0
#: z-score limits of a possible child (WHO data-cleaning limits).
HEIGHT_Z_LIMIT = 6.0
WEIGHT_Z_LIMITS = (-6.0, 5.0)

_COLUMNS = {sex: tuple(zip(*rows)) for sex, rows in GROWTH_TABLE.items()}


def percentiles(is_female, age_years):
    """Height P3, P50, P97 [m] and weight P3, P50, P97 [kg] at ``age_years`` (linear between
    the table's ages; floats or arrays that broadcast)."""

    def column(i):
        female = nx.interp(age_years, _COLUMNS["female"][0], _COLUMNS["female"][i])
        male = nx.interp(age_years, _COLUMNS["male"][0], _COLUMNS["male"][i])
        return nx.where(is_female, female, male)

    h3, h50, h97, w3, w50, w97 = (column(i) for i in range(1, 7))
    return (h3 / 100.0, h50 / 100.0, h97 / 100.0), (w3, w50, w97)


def z_scores(is_female, age_years, height_m, mass_kg):
    """Height-for-age and weight-for-age z-scores (floats or arrays that broadcast).

    Height is taken as normal around the median (SD from the P3-P97 spread); weight on a
    log scale with separate spreads above and below the median (it is skewed to heavy).
    """
    (h3, h50, h97), (w3, w50, w97) = percentiles(is_female, age_years)
    hz = (height_m - h50) / ((h97 - h3) / (2.0 * Z_P97))
    spread = nx.log(nx.where(mass_kg >= w50, w97 / w50, w50 / w3))
    return hz, nx.log(mass_kg / w50) / spread * Z_P97


def body_at(is_female, age_years, height_z=0.0, weight_z=0.0):
    """Height [m] and mass [kg] of a child at the given height-for-age and weight-for-age
    z-scores (0, 0: the median child); ages from 18 take the 18-year values."""
    (h3, h50, h97), (w3, w50, w97) = percentiles(is_female, nx.minimum(age_years, 18.0))
    height = h50 + height_z * (h97 - h3) / (2.0 * Z_P97)
    spread = nx.log(nx.where(weight_z >= 0.0, w97 / w50, w50 / w3))
    return height, w50 * nx.exp(weight_z * spread / Z_P97)


def possible_ranges(is_female, age_years):
    """``((height low, high) [m], (mass low, high) [kg])`` of a possible child of this age."""
    return tuple(
        zip(
            body_at(is_female, age_years, -HEIGHT_Z_LIMIT, WEIGHT_Z_LIMITS[0]),
            body_at(is_female, age_years, HEIGHT_Z_LIMIT, WEIGHT_Z_LIMITS[1]),
            strict=True,
        )
    )


def first_impossible_child(is_female, age_years, height_m, mass_kg):
    """``None`` when every row is a possible person, else the index of the first row (in
    the inputs' broadcast shape, flattened) that is not."""
    if nx.is_scalar(age_years) and age_years >= CHECKED_BELOW_AGE_YEARS:
        return None
    hz, wz = z_scores(is_female, age_years, height_m, mass_kg)
    bad = (np.asarray(age_years) < CHECKED_BELOW_AGE_YEARS) & (
        (np.abs(hz) > HEIGHT_Z_LIMIT) | (wz < WEIGHT_Z_LIMITS[0]) | (wz > WEIGHT_Z_LIMITS[1])
    )
    return int(np.flatnonzero(np.ravel(bad))[0]) if np.any(bad) else None
