"""Virtual patients: a person, a short story, and hidden cause values.

:func:`make_cases` draws patients the way a clinic might meet them (the numbers below are
teaching choices, not a survey):

* one to three causes are active (how many depends on the difficulty), some patients
  have none (their knees look knocked in but every cause is in its normal band);
* causes that are described together in clinics come together more often: they are
  picked from correlated normal scores (:data:`CO_OCCURRENCE`, a teaching assumption; no
  published table of co-occurrence was found) and from how common each cause is
  (:data:`PREVALENCE`, also a teaching assumption);
* children (8-16 years) have height and mass drawn from the growth charts
  (:func:`biomech.growth.body_at`) and bone alignment and hip width typical for their age
  and size: a child's knock-knee shape is never a cause here, because at that age it is
  normal development;
* weak hip abductors are compensated by a dropped pelvis or, in about one case in three,
  by leaning the trunk over the standing leg.

**Cases that could not be told apart are not generated.** Every cause has one test that
only it moves (:data:`biomech.clinic.causes.OWN_TEST`), so the full battery without noise
tells every cause from every other. And a case is drawn again until the model's largest
per-cause share of the valgus (the Shapley breakdown of the projection angle in the
single-leg squat, :func:`biomech.attribution.cause_contributions`) belongs to an active
cause and beats the next share by at least :data:`DOMINANCE_MARGIN_DEG`, so every case has
one dominant cause. Same seed, same cases.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from .. import growth
from ..attribution import cause_contributions
from ..model import simulate
from ..subject import TYPICAL_ADULT
from . import stories
from .causes import CAUSES, typical_inputs
from .examinations import task_inputs

#: Smallest lead of the dominant cause's share of the projection angle over any other
#: cause's share [deg]: about a third of the angle's measurement error [Munro2012], so
#: the breakdown of a case never hinges on a near tie.
DOMINANCE_MARGIN_DEG = 1.0
#: Causes a child may have (bone shape and hip width stay typical for age and size).
CHILD_CAUSES = ("adductor_tightness", "abductor_weakness", "arch_collapse")
#: Share of patients who are children, and their ages [years].
CHILD_SHARE = 0.15
CHILD_AGES_YEARS = (8.0, 16.0)
ADULT_AGES_YEARS = (18.0, 55.0)
#: Adult size: typical height by sex +- this SD [m], body-mass index range [kg/m^2].
ADULT_HEIGHT_SD_M = 0.07
ADULT_BMI_RANGE = (19.0, 29.0)
#: Share of weak-abductor patients who lean the trunk instead of dropping the pelvis.
TRUNK_LEAN_SHARE = 0.3

#: How common each cause is among people sent with knee valgus (relative weights).
#: Teaching assumption: foot and hip-muscle causes are the ones most often described.
PREVALENCE = {
    "adductor_tightness": 0.6,
    "abductor_weakness": 1.0,
    "arch_collapse": 1.0,
    "hip_width_mm": 0.3,
    "pelvic_tilt_deg": 0.6,
    "constitutional_hka_deg": 0.6,
}
#: Correlations of the scores that pick causes (order of :data:`biomech.clinic.causes.CAUSES`).
#: Teaching assumption: weak abductors with tight adductors (a hip muscle imbalance) and
#: with a forward-tipped pelvis, flat feet with weak hips ("proximal and distal"), and
#: wide hips with valgus bones are described together.
CO_OCCURRENCE = np.array(
    [
        # add   abd   arch  width tilt  bone
        [1.0, 0.6, 0.0, 0.0, 0.1, 0.0],
        [0.6, 1.0, 0.3, 0.0, 0.4, 0.0],
        [0.0, 0.3, 1.0, 0.0, 0.0, 0.1],
        [0.0, 0.0, 0.0, 1.0, 0.0, 0.4],
        [0.1, 0.4, 0.0, 0.0, 1.0, 0.0],
        [0.0, 0.0, 0.1, 0.4, 0.0, 1.0],
    ]
)


@dataclass(frozen=True)
class Difficulty:
    """How a set of cases is drawn: number of active causes (low, high), chance that an
    active cause is mild rather than marked, chance of a healthy patient, share of
    active causes the story hints at, chance of a misleading remark, and the time
    budget for examinations [min]."""

    active: tuple
    mild_chance: float
    healthy_chance: float
    hint_share: float
    red_herring_chance: float
    budget_minutes: int


DIFFICULTIES = {
    "easy": Difficulty((1, 1), 0.0, 0.10, 1.0, 0.0, 30),
    "standard": Difficulty((1, 2), 0.5, 0.15, 0.6, 0.3, 25),
    "hard": Difficulty((2, 3), 0.7, 0.10, 0.3, 0.6, 20),
}


@dataclass(frozen=True)
class Patient:
    """One virtual patient. ``inputs`` are the complete :func:`biomech.simulate` keywords
    except the task (the person, the six cause inputs, the compensation, the right leg);
    ``levels`` the true level of each cause; the rest is the story the student reads."""

    case_id: str
    difficulty: str
    name: str
    activity: str
    complaint: str
    remarks: tuple
    inputs: dict
    levels: dict
    budget_minutes: int
    seed: int = field(default=0)
    index: int = field(default=0)

    @property
    def sex(self):
        return self.inputs["sex"]

    @property
    def age_years(self):
        return self.inputs["age_years"]

    @property
    def is_child(self):
        return self.age_years < 18.0

    @property
    def active_causes(self):
        """Keys of the causes that are not "none", in teaching order."""
        return tuple(key for key in CAUSES if self.levels[key] != "none")

    @cached_property
    def breakdown(self):
        """The model's per-cause breakdown of this patient's projection angle in the
        single-leg squat: ``{"typical": deg, "current": deg, "shares": {cause: deg}}``
        (Shapley shares that add up to current - typical)."""
        result = cause_contributions(simulate(**task_inputs(self.inputs, "single_leg_squat")).inputs)
        return result["fppa_deg"]

    @property
    def dominant_cause(self):
        """The cause with the largest share of the valgus, or None for a patient with no
        active cause."""
        if not self.active_causes:
            return None
        shares = self.breakdown["shares"]
        return max(shares, key=shares.get)

    def story(self):
        """The case as the student first reads it (plain text)."""
        who = "girl" if self.sex == "female" else "boy"
        if not self.is_child:
            who = "woman" if self.sex == "female" else "man"
        lines = [
            f"{self.name}, a {self.age_years:.0f}-year-old {who} "
            f"({self.inputs['height_m']:.2f} m, {self.inputs['mass_kg']:.0f} kg), {self.activity}.",
            f"Comes with {self.complaint}. The right knee is examined.",
        ]
        lines += list(self.remarks)
        return "\n".join(lines)


def case_seed(seed, index):
    """A 64-bit seed for case ``index`` of the set ``seed`` (any text or number), the same
    on every computer (hashlib, not Python's salted hash)."""
    digest = hashlib.sha256(f"biomech-clinic:{seed}:{index}".encode()).digest()
    return int.from_bytes(digest[:8], "little")


def _person(rng, child):
    sex = "female" if rng.random() < 0.5 else "male"
    if child:
        age = float(rng.uniform(*CHILD_AGES_YEARS))
        height, mass = growth.body_at(
            sex == "female", age, float(rng.uniform(-1.2, 1.2)), float(rng.uniform(-1.2, 1.2))
        )
        return {
            "sex": sex,
            "age_years": round(age, 1),
            "height_m": round(float(height), 3),
            "mass_kg": round(float(mass), 1),
        }
    typical = TYPICAL_ADULT[sex]
    height = typical.height_m + ADULT_HEIGHT_SD_M * float(np.clip(rng.standard_normal(), -2.0, 2.0))
    bmi = float(rng.uniform(*ADULT_BMI_RANGE))
    return {
        "sex": sex,
        "age_years": float(rng.integers(ADULT_AGES_YEARS[0], ADULT_AGES_YEARS[1] + 1)),
        "height_m": round(height, 3),
        "mass_kg": round(bmi * height * height, 1),
    }


def _pick_active(rng, how_many, allowed):
    """``how_many`` causes among ``allowed``: the largest correlated scores, shifted by
    each cause's prevalence."""
    keys = list(CAUSES)
    scores = rng.multivariate_normal(np.zeros(len(keys)), CO_OCCURRENCE)
    scores += np.log([PREVALENCE[k] for k in keys])
    ranked = [keys[i] for i in np.argsort(-scores) if keys[i] in allowed]
    return ranked[:how_many]


def _draw(rng, settings, difficulty, case_id, seed, index):
    child = rng.random() < CHILD_SHARE
    person = _person(rng, child)
    allowed = CHILD_CAUSES if child else tuple(CAUSES)
    low, high = settings.active
    how_many = 0 if rng.random() < settings.healthy_chance else int(rng.integers(low, min(high, len(allowed)) + 1))
    active = _pick_active(rng, how_many, allowed)
    levels = {
        key: ("none" if key not in active else "mild" if rng.random() < settings.mild_chance else "marked")
        for key in CAUSES
    }
    typical = typical_inputs(person["sex"], person["height_m"], person["age_years"])
    causes = {}
    for key, cause in CAUSES.items():
        # A child's alignment and hip width stay close to typical for age and size.
        u = 0.25 + 0.5 * rng.random() if child and key in ("hip_width_mm", "constitutional_hka_deg") else rng.random()
        causes[key] = round(float(cause.value(levels[key], u, typical[key])), 3)
    lean = "abductor_weakness" in active and rng.random() < TRUNK_LEAN_SHARE
    inputs = {
        **person,
        **causes,
        "side": "right",
        "trunk_lean_deg": 0.0,
        "compensation": "trunk_lean" if lean else "pelvic_drop",
    }
    hinted = [key for key in active if rng.random() < settings.hint_share]
    name, activity, complaint, remarks = stories.tell(
        rng,
        sex=person["sex"],
        child=child,
        hinted_causes=hinted,
        red_herring=rng.random() < settings.red_herring_chance,
    )
    return Patient(
        case_id=case_id,
        difficulty=difficulty,
        name=name,
        activity=activity,
        complaint=complaint,
        remarks=remarks,
        inputs=inputs,
        levels=levels,
        budget_minutes=settings.budget_minutes,
        seed=seed,
        index=index,
    )


def has_clear_dominant_cause(patient):
    """True when the patient has no active cause, or when the largest share of the
    projection angle belongs to an active cause, is positive (toward valgus) and leads
    every other share by at least :data:`DOMINANCE_MARGIN_DEG`."""
    if not patient.active_causes:
        return True
    shares = sorted(patient.breakdown["shares"].items(), key=lambda kv: kv[1], reverse=True)
    (top, first), (_, second) = shares[0], shares[1]
    return top in patient.active_causes and first > 0.0 and first - second >= DOMINANCE_MARGIN_DEG


#: Draws tried per case before giving up (never reached in the tests: a few are enough).
MAX_DRAWS = 200


def make_case(seed=0, index=0, difficulty="standard"):
    """Case ``index`` of the set ``seed``: drawn until it is a possible person with a clear
    dominant cause (see the module docstring). Same arguments, same case."""
    if difficulty not in DIFFICULTIES:
        raise ValueError(f"difficulty = {difficulty!r}; choose one of {', '.join(DIFFICULTIES)}")
    settings = DIFFICULTIES[difficulty]
    rng = np.random.default_rng(case_seed(seed, index))
    case_id = f"{seed}-{index + 1:03d}"
    for _ in range(MAX_DRAWS):
        try:
            patient = _draw(rng, settings, difficulty, case_id, seed, index)
            if has_clear_dominant_cause(patient):
                return patient
        except ValueError:
            continue  # a body the growth charts refuse: draw again
    raise RuntimeError(f"no clear case found for seed {seed!r}, case {index} in {MAX_DRAWS} draws")


def make_cases(n, seed=0, difficulty="standard"):
    """``n`` virtual patients of one difficulty ("easy", "standard", "hard"), reproducible
    by ``seed`` (a number or a text such as a class code)."""
    if not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError(f"n = {n!r}: give the number of cases as a whole number, 0 or more")
    return [make_case(seed, i, difficulty) for i in range(int(n))]


__all__ = [
    "Patient",
    "Difficulty",
    "DIFFICULTIES",
    "make_case",
    "make_cases",
    "case_seed",
    "has_clear_dominant_cause",
    "DOMINANCE_MARGIN_DEG",
]
