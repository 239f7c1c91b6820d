"""Ready-made people and cause settings for lessons and demonstrations.

A preset is a whole starting point: a person plus the causes switched on; every control
it does not name returns to its typical value. Presets leave the task alone, so a
teacher can show "flat feet" in standing and then in a single-leg squat. Cause settings
are in the explorer's control units (0..1 severities; offsets from the person's typical
hip width, pelvic tilt and bone alignment). The numbers in each note are worked out from
the preset's own values and the model's constants, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import causes, norms
from ..assumptions import defaults
from ..subject import TYPICAL_ADULT
from .controls import OFFSETS

#: The typical adult woman and man of the model.
ADULT_FEMALE = TYPICAL_ADULT["female"].as_inputs()
ADULT_MALE = TYPICAL_ADULT["male"].as_inputs()

#: Every cause control at its typical value.
NO_CAUSES = {"adductor_tightness": 0.0, "abductor_weakness": 0.0, "arch_collapse": 0.0, **dict.fromkeys(OFFSETS, 0.0)}


@dataclass(frozen=True)
class Preset:
    """A named starting point: who, and which causes, with a line saying why.

    ``why`` may name any of these fields, filled from the preset's values: ``age``,
    ``height``, ``mass``, ``weakness_pct``, ``navicular_drop_mm``, ``navicular_upper_mm``,
    ``tilt_offset_deg``, ``hip_offset_mm``.
    """

    label: str
    why: str
    person: dict = field(default_factory=lambda: dict(ADULT_FEMALE))
    causes: dict = field(default_factory=dict)

    def values(self):
        """Control values of this preset (person and all six cause controls)."""
        return {**self.person, **NO_CAUSES, **self.causes}

    @property
    def note(self):
        """The line shown under the preset menu, its numbers worked out from the values."""
        v = self.values()
        facts = {
            "age": v["age_years"],
            "height": v["height_m"],
            "mass": v["mass_kg"],
            "weakness_pct": 100.0 * v["abductor_weakness"],
            "navicular_drop_mm": causes.navicular_drop_mm(v["arch_collapse"], defaults()),
            "navicular_upper_mm": norms.find("navicular_drop_mm").high,
            "tilt_offset_deg": v["pelvic_tilt_offset_deg"],
            "hip_offset_mm": v["hip_width_offset_mm"],
        }
        return self.why.format(**facts)


PRESETS = {
    "normal_female": Preset(
        "Normal adult woman", "{age:.0f} years, {height:.2f} m, {mass:.0f} kg, every cause at its typical value."
    ),
    "normal_male": Preset(
        "Normal adult man",
        "{age:.0f} years, {height:.2f} m, {mass:.0f} kg, every cause at its typical value.",
        person=dict(ADULT_MALE),
    ),
    "flat_feet": Preset(
        "Flat feet",
        "Arch collapse with a navicular drop of about {navicular_drop_mm:.0f} mm "
        "(normal up to {navicular_upper_mm:.0f} mm).",
        causes={"arch_collapse": 0.8},
    ),
    "weak_gluteals": Preset(
        "Weak gluteals",
        "{weakness_pct:.0f} % of hip abductor and external-rotator strength lost; try it on one leg.",
        causes={"abductor_weakness": 0.6},
    ),
    "desk_worker": Preset(
        "Desk-worker pelvic tilt",
        "Pelvis tipped {tilt_offset_deg:.0f}° further forward than typical, with mildly tight adductors.",
        causes={"pelvic_tilt_offset_deg": 12.0, "adductor_tightness": 0.2},
    ),
    "wide_hips": Preset(
        "Wide hips",
        "Hip joint centres {hip_offset_mm:.0f} mm further apart than typical for her height.",
        causes={"hip_width_offset_mm": 35.0},
    ),
    "child_3": Preset(
        "Child aged 3",
        "Around the valgus peak of normal development ({height:.2f} m, {mass:.0f} kg).",
        person={"sex": "female", "height_m": 0.95, "mass_kg": 14.0, "age_years": 3.0},
    ),
    "toddler_1": Preset(
        "Toddler aged 1",
        "Bow legs are normal at this age ({height:.2f} m, {mass:.1f} kg).",
        person={"sex": "male", "height_m": 0.75, "mass_kg": 9.5, "age_years": 1.0},
    ),
    "everything_a_little": Preset(
        "Everything a little",
        "Every cause slightly raised: none alone is dramatic.",
        causes={
            "adductor_tightness": 0.25,
            "abductor_weakness": 0.25,
            "arch_collapse": 0.25,
            "hip_width_offset_mm": 10.0,
            "pelvic_tilt_offset_deg": 5.0,
        },
    ),
}
