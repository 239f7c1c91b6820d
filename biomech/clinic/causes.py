"""The six causes a student rates in the clinic, and what "none", "mild" and "marked" mean
for each one in model inputs.

Each cause is one input of :func:`biomech.simulate` (the five causes of the explorer and
bone shape). A level is a band of that input, chosen so that the cause's own test (the
one examination that only it moves, :data:`OWN_TEST`) reads inside its normal range for
"none", a little beyond it for "mild" and well beyond it for "marked". The bands leave
gaps between levels, so the level of a noise-free reading is never in doubt; measurement
noise can still blur it, as in a real clinic.

The band edges are teaching choices tied to the normal ranges of
:mod:`biomech.clinic.examinations`; the comments give the readings they produce for a
typical adult (1.65 m woman).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import subject

#: The ratings a student gives, from none to marked.
LEVELS = ("none", "mild", "marked")


@dataclass(frozen=True)
class Band:
    """One level of a cause as a band of its model input: ``low``..``high`` either as the
    input itself (``kind="absolute"``), as an offset from the person's typical value
    (``"offset"``, in the input's unit) or in units of the typical hip width's spread
    (``"hip_sd"``, :data:`HIP_WIDTH_SD_FRACTION` of the typical value)."""

    low: float
    high: float
    kind: str = "absolute"

    def value(self, u, typical):
        """The input at position ``u`` (0..1) of the band, for a person whose typical value
        of this input is ``typical``."""
        x = self.low + u * (self.high - self.low)
        if self.kind == "absolute":
            return x
        if self.kind == "offset":
            return typical + x
        return typical * (1.0 + HIP_WIDTH_SD_FRACTION * x)


@dataclass(frozen=True)
class Cause:
    """One rated cause: ``key`` is the model input it changes; ``label`` and ``plain`` are
    what the student reads; ``bands`` maps each level to its :class:`Band`."""

    key: str
    label: str
    plain: str
    bands: dict

    def value(self, level, u, typical):
        """The model input at position ``u`` (0..1) within ``level``'s band."""
        return self.bands[level].value(u, typical)


#: Spread of the distance between the hip centres among adults of one sex and height, as a
#: share of its typical value. Teaching assumption: about 11 mm for a 1.65 m woman, the
#: order of the spread of inter-ASIS width in adult samples; no single source was verified.
HIP_WIDTH_SD_FRACTION = 0.06

B = Band
CAUSES = {
    c.key: c
    for c in (
        Cause(
            "adductor_tightness",
            "Tight adductors",
            "the inner-thigh muscles are short, so the hip cannot open out",
            # Hip abduction range 45-43 deg (none), 32.5-28.5 (mild), 24.5-20 (marked); normal >= 35 deg.
            {"none": B(0.0, 0.08), "mild": B(0.50, 0.66), "marked": B(0.82, 1.0)},
        ),
        Cause(
            "abductor_weakness",
            "Weak hip abductors",
            "the muscles at the side of the hip are weak",
            # Hand-held dynamometer 16.9-15.6 %BW (none), 10.1-8.5 (mild), 6.9-4.4 (marked); normal >= 10.9.
            {"none": B(0.0, 0.08), "mild": B(0.42, 0.52), "marked": B(0.62, 0.78)},
        ),
        Cause(
            "arch_collapse",
            "Arch collapse",
            "the arch of the foot flattens under load",
            # Navicular drop 6.0-7.4 mm (none), 12.1-13.4 (mild), 15.1-17.4 (marked); normal <= 10 mm. A mild
            # drop still exceeds a healthy one by the test's MDC95 (6.0 mm): the test is noisy.
            {"none": B(0.0, 0.12), "mild": B(0.51, 0.62), "marked": B(0.76, 0.95)},
        ),
        Cause(
            "hip_width_mm",
            "Wide hips",
            "the hip joints sit far apart for the person's size",
            # In SDs of the typical width: normal within +-2 SD.
            {"none": B(-0.6, 0.6, "hip_sd"), "mild": B(2.3, 2.8, "hip_sd"), "marked": B(3.3, 4.0, "hip_sd")},
        ),
        Cause(
            "pelvic_tilt_deg",
            "Anterior pelvic tilt",
            "the pelvis is tipped forward more than usual",
            # Standing tilt: typical +-2.5 deg (none), 21.5-24 (mild), 26.5-31 (marked); normal 3-19 deg.
            {"none": B(-2.5, 2.5, "offset"), "mild": B(21.5, 24.0), "marked": B(26.5, 31.0)},
        ),
        Cause(
            "constitutional_hka_deg",
            "Bone shape (valgus bones)",
            "the thigh and shin bones meet at a knock-knee angle",
            # Typical +-1 deg (none), HKA 3.6-4.8 (mild), 6-8 (marked); the standing X-ray reads a few tenths
            # more (the loaded knee gives); adult normal up to 3.2 deg.
            {"none": B(-1.0, 1.0, "offset"), "mild": B(3.6, 4.8), "marked": B(6.0, 8.0)},
        ),
    )
}
del B

#: Plain-words label of each cause key, in teaching order.
LABELS = {key: cause.label for key, cause in CAUSES.items()}

#: The one examination reading that only this cause moves: (examination, reading).
OWN_TEST = {
    "adductor_tightness": ("hip_abduction_range", "hip_abduction_range_deg"),
    "abductor_weakness": ("hip_abductor_strength", "hip_abductor_strength_pct_bw"),
    "arch_collapse": ("navicular_drop", "navicular_drop_mm"),
    "hip_width_mm": ("xray", "hip_width_mm"),
    "pelvic_tilt_deg": ("pelvic_tilt", "pelvic_tilt_deg"),
    "constitutional_hka_deg": ("xray", "hka_deg"),
}


def typical_inputs(sex, height_m, age_years):
    """The six cause inputs at their typical values for this person (none of the
    severity causes; typical hip width, pelvic tilt and bone alignment for sex, height
    and age) [model units]."""
    person = subject.typical_values(sex == "female", height_m, age_years)
    return {
        "adductor_tightness": 0.0,
        "abductor_weakness": 0.0,
        "arch_collapse": 0.0,
        **{name: float(value) for name, value in person.items()},
    }
