"""The score of a submitted case: one rating per cause against the true level.

Points per cause (then summed, floored at 0, and scaled so that all six right is 100):

* the right level: +1;
* the cause found but its severity misjudged (mild for marked or the reverse): +0.5;
* a missed cause or a false alarm one step away (none for mild, mild for none): -0.5;
* two steps away (none for marked, marked for none): -1.

The penalties make guessing pay nothing on average: a random rating of every cause
scores about 10 out of 100 on the clinic's cases (tests/test_clinic.py checks it stays
low), while a careful "none" where nothing is wrong earns as much as a found cause.
"""

from __future__ import annotations

from .causes import CAUSES, LEVELS

POINTS = {0: 1.0, 1: -0.5, 2: -1.0}
#: A found cause whose severity is off by one (mild <-> marked).
SEVERITY_OFF_POINTS = 0.5


def cause_points(rating, truth):
    """Points for one cause (see the module docstring)."""
    if rating not in LEVELS or truth not in LEVELS:
        raise ValueError(f"ratings are one of {LEVELS}; got {rating!r} for a true {truth!r}")
    steps = abs(LEVELS.index(rating) - LEVELS.index(truth))
    if steps == 1 and "none" not in (rating, truth):
        return SEVERITY_OFF_POINTS
    return POINTS[steps]


def missing_ratings(ratings):
    """Labels of the causes not yet rated (None or absent), in teaching order."""
    return [cause.label for key, cause in CAUSES.items() if ratings.get(key) not in LEVELS]


def score(ratings, truth):
    """``(score 0-100, {cause: points})`` of ``ratings`` against the true ``truth`` levels.

    Raises ``ValueError`` naming the causes still unrated."""
    missing = missing_ratings(ratings)
    if missing:
        raise ValueError("rate every cause before submitting; still unrated: " + ", ".join(missing))
    points = {key: cause_points(ratings[key], truth[key]) for key in CAUSES}
    return 100.0 * max(0.0, sum(points.values())) / len(CAUSES), points
