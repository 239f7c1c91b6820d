"""The comparisons of biomech.validation: every published value the model is compared with,
calibration (tuned to) apart from validation (not tuned to). Each comparison agrees, or
is recorded as a disagreement with its reason; every source is in the references."""

from __future__ import annotations

import math

import pytest

from biomech import references, validation


@pytest.mark.parametrize("comparison", validation.COMPARISONS, ids=lambda c: f"{c.kind}-{c.key}")
def test_comparison(comparison):
    value, agrees = comparison.evaluate()
    assert math.isfinite(value)
    assert comparison.kind in ("calibration", "validation")
    assert comparison.sources and all(key in references.REFERENCES for key in comparison.sources)
    assert comparison.low < comparison.high
    if comparison.agrees_expected:
        assert agrees, (
            f"{comparison.quantity}: model {value:.4g} outside {comparison.low:g} to {comparison.high:g} "
            f"({comparison.published}); fix the model or record the disagreement with its reason"
        )
    else:
        assert not agrees, f"{comparison.key} now agrees: mark it agrees_expected=True and remove its reason"
        assert comparison.key in validation.DISAGREEMENTS
    assert comparison.how, "say how the model's number is obtained (and, for calibration, what was tuned)"


def test_both_kinds_present_and_keys_unique():
    keys = [c.key for c in validation.COMPARISONS]
    assert len(keys) == len(set(keys))
    kinds = {c.kind for c in validation.COMPARISONS}
    assert kinds == {"calibration", "validation"}
    assert set(validation.DISAGREEMENTS) == {c.key for c in validation.COMPARISONS if not c.agrees_expected}
