"""Ready-made people and cause settings for lessons and demonstrations.

A preset is a whole starting point: a person plus the causes switched on; every control
it does not name returns to its typical value. Presets leave the task alone, so a
teacher can show "flat feet" in standing and then in a single-leg squat. Cause settings
are in the explorer's control units (0..1 severities; offsets from the person's typical
hip width, pelvic tilt and bone alignment).
"""
from __future__ import annotations

from dataclasses import dataclass, field

#: The typical adult woman and man of the model (REFERENCE_VALUES s.10 sizes).
ADULT_FEMALE = {"sex": "female", "height_m": 1.65, "mass_kg": 60.0, "age_years": 25.0}
ADULT_MALE = {"sex": "male", "height_m": 1.78, "mass_kg": 75.0, "age_years": 25.0}

#: Every cause control at its typical value.
NO_CAUSES = {"adductor_tightness": 0.0, "abductor_weakness": 0.0, "arch_collapse": 0.0,
             "hip_width_offset_mm": 0.0, "pelvic_tilt_offset_deg": 0.0, "bone_offset_deg": 0.0}


@dataclass(frozen=True)
class Preset:
    """A named starting point: who, and which causes, with a line saying why."""

    label: str
    note: str
    person: dict = field(default_factory=lambda: dict(ADULT_FEMALE))
    causes: dict = field(default_factory=dict)

    def values(self):
        """Control values of this preset (person and all six cause controls)."""
        return {**self.person, **NO_CAUSES, **self.causes}


PRESETS = {
    "normal_female": Preset("Normal adult woman", "25 years, 1.65 m, 60 kg, every cause at its typical value."),
    "normal_male": Preset("Normal adult man", "25 years, 1.78 m, 75 kg, every cause at its typical value.",
                          person=dict(ADULT_MALE)),
    "flat_feet": Preset("Flat feet", "Arch collapse with a navicular drop of about 16 mm (normal up to 10 mm).",
                        causes={"arch_collapse": 0.8}),
    "weak_gluteals": Preset("Weak gluteals", "60 % of hip abductor and external-rotator strength lost; "
                            "try it on one leg.", causes={"abductor_weakness": 0.6}),
    "desk_worker": Preset("Desk-worker pelvic tilt", "Pelvis tipped 12° further forward than typical, "
                          "with mildly tight adductors.",
                          causes={"pelvic_tilt_offset_deg": 12.0, "adductor_tightness": 0.2}),
    "wide_hips": Preset("Wide hips", "Hip joint centres 35 mm further apart than typical for her height.",
                        causes={"hip_width_offset_mm": 35.0}),
    "child_3": Preset("Child aged 3", "Around the valgus peak of normal development (0.95 m, 14 kg).",
                      person={"sex": "female", "height_m": 0.95, "mass_kg": 14.0, "age_years": 3.0}),
    "toddler_1": Preset("Toddler aged 1", "Bow legs are normal at this age (0.75 m, 9.5 kg).",
                        person={"sex": "male", "height_m": 0.75, "mass_kg": 9.5, "age_years": 1.0}),
    "everything_a_little": Preset("Everything a little", "Every cause slightly raised: none alone is dramatic.",
                                  causes={"adductor_tightness": 0.25, "abductor_weakness": 0.25,
                                          "arch_collapse": 0.25, "hip_width_offset_mm": 10.0,
                                          "pelvic_tilt_offset_deg": 5.0}),
}
