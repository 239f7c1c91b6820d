"""Where a bone deformity sits: the distal femur, the proximal tibia or the joint line.

Angles are in degrees, measured on a standing front (long-leg) radiograph:

* **mLDFA** (mechanical lateral distal femoral angle): the lateral angle between the
  femur's mechanical axis (hip centre to knee centre) and the line along the bottom of the
  two femoral condyles. Below 90 the distal femur is in valgus.
* **MPTA** (medial proximal tibial angle): the medial angle between the tibia's mechanical
  axis (knee centre to ankle centre) and the line across the tibial plateau. Below 90 the
  proximal tibia is in varus.
* **JLCA** (joint-line convergence angle): the angle between those two joint lines,
  + when they converge medially (the lateral side of the joint gapes: varus), - when they
  converge laterally.

The limb's bone alignment is their sum, as a hip-knee-ankle angle (+ valgus)::

    constitutional_hka_deg = mpta_deg - mldfa_deg - jlca_deg

which is MacDessi's arithmetic HKA (MPTA - LDFA) with the joint line's own angle added
[MacDessi2021]. In the kinematic chain a distal femur that differs from the typical one
tilts the knee's flexion axis and the rest acts after flexion
(:mod:`biomech.kinematics.derivation`, :func:`femoral_valgus_deg`), so the segment a
deformity sits in changes what a bent knee shows. Citations in square brackets
are keys of :mod:`biomech.references`.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import numeric as nx
from . import subject

#: Proximal tibia of a typical adult [deg]: MPTA 86.1 (CT of 87 adults, [Jamali2017]).
ADULT_MPTA_DEG = 86.1
#: Joint-line convergence of a typical adult [deg, + medial]: the measured HKA of normal
#: knees is 0.46 deg more varus than MPTA - LDFA [MacDessi2021].
ADULT_JLCA_DEG = 0.5
#: The distal femur takes the rest of each sex's adult HKA (:data:`subject.ADULT_HKA_DEG`):
#: 86.1 women, 87.1 men, against 85.6 +- 2.3 for both sexes together [Jamali2017]. No
#: published split by sex was found, so where the sexes differ is a teaching assumption.
ADULT_SEGMENTS_DEG = {
    sex: {"mldfa_deg": ADULT_MPTA_DEG - ADULT_JLCA_DEG - hka, "mpta_deg": ADULT_MPTA_DEG, "jlca_deg": ADULT_JLCA_DEG}
    for sex, hka in subject.ADULT_HKA_DEG.items()
}
SEGMENT_NAMES = ("mldfa_deg", "mpta_deg", "jlca_deg")
#: Share of a whole-limb alignment change that sits in the distal femur when only the
#: whole-limb angle is given (the rest sits in the proximal tibia; the joint line keeps
#: its typical angle). Half and half keeps MacDessi's joint-line obliquity, MPTA + LDFA,
#: unchanged [MacDessi2021]; a stated rule, not a measured share.
FEMORAL_SHARE = 0.5
#: Where a child's developmental alignment sits. The toddler's varus is in the distal
#: femur (LDFA 95 deg at 1-2 years [Sabharwal2008]); the valgus of 3-8 years is split
#: half and half, a teaching assumption (no source gave the split in normal children;
#: in idiopathic genu valgum the tibia leads when young, the femur later [Moon2021]).
DEVELOPMENTAL_FEMORAL_SHARE = {"varus": 1.0, "valgus": 0.5}


def bone_alignment_deg(mldfa_deg, mpta_deg, jlca_deg):
    """The limb's bone alignment as an HKA angle [deg, + valgus] from the segment angles."""
    return mpta_deg - mldfa_deg - jlca_deg


#: :data:`ADULT_SEGMENTS_DEG` by segment angle, then sex.
_ADULT_BY_SEGMENT = {name: {sex: v[name] for sex, v in ADULT_SEGMENTS_DEG.items()} for name in SEGMENT_NAMES}


def _adult(name, is_female):
    return subject.by_sex(is_female, _ADULT_BY_SEGMENT[name])


def typical_segments(is_female, age_years):
    """mLDFA, MPTA and JLCA [deg] of a typical person of that sex and age: the adult
    values, with a child's developmental offset from the adult alignment
    (:func:`biomech.subject.default_hka_deg`) placed per
    :data:`DEVELOPMENTAL_FEMORAL_SHARE`."""
    offset = subject.default_hka_deg(is_female, age_years) - subject.by_sex(is_female, subject.ADULT_HKA_DEG)
    share = nx.where(offset < 0.0, DEVELOPMENTAL_FEMORAL_SHARE["varus"], DEVELOPMENTAL_FEMORAL_SHARE["valgus"])
    return {
        "mldfa_deg": _adult("mldfa_deg", is_female) - share * offset,
        "mpta_deg": _adult("mpta_deg", is_female) + (1.0 - share) * offset,
        "jlca_deg": _adult("jlca_deg", is_female) + 0.0 * offset,
    }


def split_alignment(hka_deg, is_female, age_years):
    """Segment angles [deg] that give the bone alignment ``hka_deg`` (+ valgus): the
    change from the typical alignment for sex and age goes :data:`FEMORAL_SHARE` into
    the distal femur and the rest into the proximal tibia; the joint line keeps its
    typical angle."""
    typical = typical_segments(is_female, age_years)
    change = hka_deg - bone_alignment_deg(typical["mldfa_deg"], typical["mpta_deg"], typical["jlca_deg"])
    return {
        "mldfa_deg": typical["mldfa_deg"] - FEMORAL_SHARE * change,
        "mpta_deg": typical["mpta_deg"] + (1.0 - FEMORAL_SHARE) * change,
        "jlca_deg": typical["jlca_deg"] + 0.0 * change,
    }


def femoral_valgus_deg(mldfa_deg, is_female):
    """Tilt of the knee's flexion axis on the femur [deg, + valgus]: how far the distal
    femur's angle lies from the typical adult one of that sex.

    In a normal knee the flexion (transepicondylar) axis is close to square to the femur's
    mechanical axis [Stiehl1995] while the distal condylar line sits about 3 deg off it
    [Lustig2008]: the typical mLDFA belongs to the condyles' shape, not to the axis. A
    deformity of the distal femur carries the condyles and epicondyles with it, so the
    axis tilts by the change.
    """
    return _adult("mldfa_deg", is_female) - mldfa_deg


def knee_bone_abduction_deg(mldfa_deg, mpta_deg, jlca_deg, is_female):
    """The rest of the bone alignment [deg, + valgus], acting after flexion: bone
    alignment minus :func:`femoral_valgus_deg` (the tibia, the joint line and the typical
    distal femur's shape)."""
    return bone_alignment_deg(mldfa_deg, mpta_deg, jlca_deg) - femoral_valgus_deg(mldfa_deg, is_female)


@dataclass(frozen=True)
class Condition:
    """A bone deformity as the literature places it: who (``person``, keywords of
    :func:`biomech.simulate`), the segment angles that differ from typical
    (``segments``), where it sits in words (``site``), and the sources for the site
    (keys of :mod:`biomech.references`). The magnitudes are teaching assumptions, chosen
    inside the published ranges where those were found."""

    label: str
    person: dict
    segments: dict
    site: str
    sources: tuple

    def inputs(self):
        """:func:`biomech.simulate` keywords of this condition."""
        return {**self.person, **self.segments}


def _child(sex, age_years):
    from .growth import body_at

    height, mass = body_at(sex == "female", age_years)
    return {"sex": sex, "age_years": age_years, "height_m": round(float(height), 2), "mass_kg": round(float(mass), 1)}


#: Bone conditions for lessons and the surgery planner, each with its deformity where it
#: is published to sit.
CONDITIONS = {
    "typical_adult": Condition(
        "Typical adult woman",
        {"sex": "female", "age_years": 25.0, "height_m": 1.65, "mass_kg": 60.0},
        {},
        "no deformity: every angle at the model's typical value",
        ("Jamali2017", "MacDessi2021"),
    ),
    "toddler_varus": Condition(
        "Bow legs of a toddler (normal)",
        _child("male", 1.5),
        {},
        "the distal femur: a normal toddler's varus sits there (LDFA about 95 deg at 1-2 years)",
        ("Sabharwal2008",),
    ),
    "developmental_valgus": Condition(
        "Knock knees at 3-4 years (normal)",
        _child("female", 3.5),
        {},
        "femur and tibia about equally (the split in normal children is not published; a teaching assumption)",
        ("Yoo2008", "Moon2021"),
    ),
    "rickets": Condition(
        "Hypophosphataemic rickets (bow legs)",
        _child("female", 6.0),
        {"mldfa_deg": 94.0, "mpta_deg": 80.0},
        "both: the femur bowed into varus and the proximal tibia in varus (tibia vara), the commonest pattern",
        ("AlKaissi2013",),
    ),
    "blount_infantile": Condition(
        "Infantile Blount's disease",
        _child("female", 3.0),
        {"mpta_deg": 74.0},
        "the proximal tibia only: the medial growth plate of the tibia fails",
        ("ShirleyDavidson",),
    ),
    "blount_late_onset": Condition(
        "Late-onset Blount's disease",
        _child("male", 13.0),
        {"mpta_deg": 78.0, "mldfa_deg": 93.0},
        "the proximal tibia, and in about 4 of 10 knees the distal femur too",
        ("ShirleyDavidson", "White2012"),
    ),
    "adolescent_valgus": Condition(
        "Idiopathic knock knees, age 12",
        _child("female", 12.0),
        {"mldfa_deg": 80.0},
        "mostly the distal femur at this age (the tibia and joint line lead in younger children)",
        ("Moon2021",),
    ),
    "varus_arthritis": Condition(
        "Varus knee with medial arthritis",
        {"sex": "male", "age_years": 55.0, "height_m": 1.78, "mass_kg": 85.0},
        {"mpta_deg": 82.0, "jlca_deg": 3.0},
        "the proximal tibia, with the joint line opening laterally as medial cartilage wears; the tibia is the "
        "most common single site in varus legs",
        ("Feucht2021",),
    ),
    "valgus_femoral": Condition(
        "Valgus knee from the femur",
        {"sex": "female", "age_years": 45.0, "height_m": 1.65, "mass_kg": 65.0},
        {"mldfa_deg": 81.0},
        "the distal femur (a small lateral femoral condyle)",
        ("Paley2002",),
    ),
}
