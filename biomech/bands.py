"""How sure is each number? Bands from the model's uncertain coefficients, and which
coefficients matter most.

Every coefficient declared with :func:`biomech.assumptions.assumption` has a plausible
low and high value. :func:`uncertainty` draws all of them at once, uniformly and
independently within their ranges, runs the whole model for every draw (one vectorised
pass) and reports each output's 5th-95th percentile band beside its value at the
coefficients' own values. :func:`sensitivity` ranks the coefficients by how much of an
output's spread each one causes (Sobol indices with Saltelli's sampling scheme
[Saltelli2010]).

A band is the spread that the model's own assumptions allow for this person; it is not
the spread between people, and it says nothing about what the model leaves out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .assumptions import REGISTRY
from .inputs import check_known
from .model import INPUT_NAMES, OUTPUT_NAMES, simulate, simulate_many


@dataclass(frozen=True)
class Band:
    """An output's value (at the coefficients' own values) and its 5-95 % band."""

    value: float
    low: float
    high: float

    def __str__(self):
        return f"{self.value:.3g} ({self.low:.3g} to {self.high:.3g})"


@dataclass(frozen=True)
class Influence:
    """How much one coefficient moves an output: first-order and total Sobol indices
    (shares of the output's variance, 0 to 1)."""

    name: str
    first_order: float
    total: float


def draw_assumptions(n, seed=0):
    """``n`` independent uniform draws of every coefficient within its range:
    ``{name: array}`` (for :func:`biomech.simulate_many`'s ``assumptions``)."""
    return _draws(n, np.random.default_rng(seed))


def _draws(n, rng):
    return {name: rng.uniform(a.low, a.high, n) for name, a in REGISTRY.items()}


def summarize(nominal, drawn):
    """Bands from outputs at the coefficients' own values (``nominal``: one value per
    output) and over the draws (``drawn``: an array per output)."""
    low, high = np.percentile(
        np.stack([np.asarray(drawn[name], dtype=float) for name in OUTPUT_NAMES]), (5.0, 95.0), axis=1
    )
    return {
        name: Band(float(nominal[name]), float(lo), float(hi))
        for name, lo, hi in zip(OUTPUT_NAMES, low, high, strict=True)
    }


def uncertainty(*, n=1000, seed=0, **inputs):
    """Each output of :func:`biomech.simulate` with the band the model's assumptions allow.

    Parameters
    ----------
    n : int
        Number of draws of the coefficients (1000 gives stable 5-95 % bands).
    seed : int
        Seed of the random draws: the same seed gives the same bands.
    **inputs
        The inputs of :func:`biomech.simulate` (one person, one task).

    Returns
    -------
    dict
        ``{output name: Band(value, low, high)}``: the value at the coefficients' own
        values and the 5th and 95th percentiles over the draws, in the output's unit.
    """
    check_known(inputs, INPUT_NAMES, "uncertainty()")
    if not isinstance(n, int) or n < 2:
        raise ValueError(f"n = {n!r} is not a number of draws; use a whole number from 2 (1000 recommended)")
    nominal = simulate(**inputs).as_dict()
    return summarize(nominal, simulate_many(inputs, assumptions=draw_assumptions(n, seed)))


def sensitivity(output, *, n=256, seed=0, **inputs):
    """Which assumptions move ``output`` most, for this person and task.

    Sobol indices estimated with Saltelli's scheme: two independent sets of ``n`` draws
    A and B, and for each coefficient a set equal to A with that coefficient taken from
    B; ``n * (k + 2)`` model runs for ``k`` coefficients, in one vectorised pass. The
    first-order index is the share of the output's variance due to the coefficient
    alone, the total index adds its interactions with the others [Saltelli2010].

    Returns a list of :class:`Influence`, largest total index first.
    """
    if output not in OUTPUT_NAMES:
        raise ValueError(
            f"output = {output!r} is not an output of simulate(); expected one of {', '.join(OUTPUT_NAMES)}"
        )
    check_known(inputs, INPUT_NAMES, "sensitivity()")
    rng = np.random.default_rng(seed)
    names = list(REGISTRY)
    a, b = _draws(n, rng), _draws(n, rng)
    blocks = [a, b] + [{**a, name: b[name]} for name in names]
    stacked = {name: np.concatenate([block[name] for block in blocks]) for name in names}
    y = simulate_many(inputs, assumptions=stacked)[output].reshape(len(blocks), n)
    f_a, f_b, f_ab = y[0], y[1], y[2:]
    variance = np.var(np.concatenate([f_a, f_b]))
    if variance <= 1e-24:
        return [Influence(name, 0.0, 0.0) for name in names]
    first = np.mean(f_b * (f_ab - f_a), axis=1) / variance
    total = 0.5 * np.mean((f_a - f_ab) ** 2, axis=1) / variance
    ranked = sorted(zip(names, first, total, strict=True), key=lambda x: -x[2])
    return [Influence(name, float(s1), float(st)) for name, s1, st in ranked]
