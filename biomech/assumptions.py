"""The model's uncertain coefficients, each with a plausible low and high value.

A coefficient is declared once, in the module whose mechanism it belongs to, with
:func:`assumption`::

    LOST_ABDUCTION_AT_SEVERE_DEG = assumption(
        "lost_abduction_at_severe_deg", 25.0, low=20.0, high=30.0, unit="deg",
        reason="normal passive abduction is about 40-45 deg; severe tightness leaves about 20")

The call records the coefficient in :data:`REGISTRY` (shown to learners as
``biomech.ASSUMPTIONS``) and returns its value, so the module constant and the registry
are one number. The model's stages read coefficients from a parameter mapping (``p``);
:func:`defaults` gives the mapping of every value, and :func:`biomech.uncertainty` swaps
in sampled arrays to show how sure each output is.

``source`` names a key of :mod:`biomech.references` when the value and its range come from
a publication; without one the coefficient is a teaching assumption and ``reason`` says
why the value and the range are plausible.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Assumption:
    """One uncertain coefficient of the model."""

    name: str
    value: float
    low: float
    high: float
    unit: str
    reason: str
    source: str = ""

    @property
    def kind(self) -> str:
        """ "published" when a reference gives the value, else "teaching assumption"."""
        return "published" if self.source else "teaching assumption"


_REGISTRY: dict[str, Assumption] = {}
#: Every coefficient by name (read-only view).
REGISTRY = MappingProxyType(_REGISTRY)
_defaults: dict[str, float] = {}


def assumption(name, value, *, low, high, unit, reason, source=""):
    """Register a coefficient and return its value (a float)."""
    if name in _REGISTRY:
        raise ValueError(f"assumption {name!r} is declared twice")
    if not low <= value <= high:
        raise ValueError(f"assumption {name!r}: value {value} lies outside its range {low} to {high}")
    _REGISTRY[name] = Assumption(name, float(value), float(low), float(high), unit, reason, source)
    _defaults[name] = float(value)
    return float(value)


def defaults():
    """``{name: value}`` of every coefficient: the parameter mapping the model uses unless
    it is told otherwise. The same dict each call; do not modify it."""
    return _defaults
