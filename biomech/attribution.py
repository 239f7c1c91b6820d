"""Why is the knee where it is? Each cause's share of a measure, computed by the model.

Causes interact (a rotated femur matters more in a deep squat; a dropped pelvis adds to a
tight adductor), so "switch one cause off and see" gives shares that do not add up. This
module uses Shapley values instead: every cause's effect is averaged over all orders in
which the causes could be switched on, starting from the same person with every factor
at its typical value. The shares then add up exactly to the difference between the
typical person and the current one, which is what a waterfall chart needs.

With the six factors below that is 2^6 = 64 model runs, done in one
:func:`biomech.simulate_many` call (about 2 ms).

References
----------
Shapley LS (1953). A value for n-person games. In: Contributions to the Theory of Games
II, Annals of Mathematics Studies 28:307-317.
"""

from __future__ import annotations

from functools import cache
from itertools import product
from math import factorial

import numpy as np

from . import deformity, subject
from .model import simulate_many

#: Factors whose shares are reported, with plain-words labels, in teaching order.
FACTORS = {
    "adductor_tightness": "Tight adductors",
    "abductor_weakness": "Weak abductors / rotators",
    "arch_collapse": "Arch collapse",
    "hip_width_mm": "Hip width",
    "pelvic_tilt_deg": "Pelvic tilt",
    "constitutional_hka_deg": "Bone shape",
}
#: Model inputs each factor sets: bone shape is the three segment angles together (its
#: whole-limb angle is their sum, :mod:`biomech.deformity`).
FACTOR_COLUMNS = {name: (name,) for name in FACTORS} | {"constitutional_hka_deg": deformity.SEGMENT_NAMES}


def typical_values(inputs):
    """Each factor at its typical value for this person (sex, height, age) [model units]:
    no tightness, weakness or arch collapse, and the person's typical hip width, pelvic
    tilt and bone alignment (:func:`biomech.subject.typical_values`), with the bone
    alignment's segment angles (:func:`biomech.deformity.typical_segments`)."""
    female = inputs["sex"] == "female"
    person = subject.typical_values(female, inputs["height_m"], inputs["age_years"])
    segments = deformity.typical_segments(female, inputs["age_years"])
    return {
        "adductor_tightness": 0.0,
        "abductor_weakness": 0.0,
        "arch_collapse": 0.0,
        **{name: float(value) for name, value in (person | segments).items()},
    }


@cache
def _coalitions(n):
    """All 2^n on/off patterns (row j has factor i on when bit n-1-i of j is set) and
    each row's Shapley weight |S|! (n - |S| - 1)! / n! as a coalition without one factor."""
    masks = np.array(list(product((False, True), repeat=n)))
    sizes = masks.sum(axis=1)
    weights = np.array([factorial(k) * factorial(n - k - 1) / factorial(n) if k < n else 0.0 for k in sizes])
    return masks, weights


def coalition_table(inputs):
    """The 2^n rows of a Shapley analysis as a :func:`biomech.simulate_many` table: the
    person of ``inputs`` (complete model inputs, e.g. ``Result.inputs``) with every factor
    either at its current value or at its typical one. Row 0 is the typical person, the
    last row the current one."""
    names = list(FACTORS)
    typical = typical_values(inputs)
    masks, _ = _coalitions(len(names))
    columns = [c for name in names for c in FACTOR_COLUMNS[name]]
    table = {k: v for k, v in inputs.items() if k not in names and k not in columns}
    for i, name in enumerate(names):
        for column in FACTOR_COLUMNS[name]:
            table[column] = np.where(masks[:, i], float(inputs[column]), typical[column])
    return table


def shares(outputs, measures=("fppa_deg",)):
    """Each factor's share of the change of ``measures`` from the typical person, from the
    outputs of :func:`coalition_table`'s rows (see :func:`cause_contributions`)."""
    names = list(FACTORS)
    n = len(names)
    masks, weights = _coalitions(n)
    result = {}
    for measure in measures:
        values = np.asarray(outputs[measure])
        contribution = {}
        for i, name in enumerate(names):
            without = np.flatnonzero(~masks[:, i])
            with_i = without + (1 << (n - 1 - i))
            contribution[name] = float(np.sum(weights[without] * (values[with_i] - values[without])))
        result[measure] = {"typical": float(values[0]), "current": float(values[-1]), "shares": contribution}
    return result


def cause_contributions(inputs, measures=("fppa_deg",)):
    """Share of each factor in the change of ``measures`` from the typical person.

    Parameters
    ----------
    inputs : dict
        Complete model inputs, e.g. ``Result.inputs`` (every value resolved).
    measures : sequence of str
        Output names of :func:`biomech.simulate` to explain.

    Returns
    -------
    dict
        ``{measure: {"typical": value, "current": value, "shares": {factor: share}}}``
        in the measure's own unit; the shares add up to ``current - typical``.
    """
    return shares(simulate_many(coalition_table(inputs)), measures)
