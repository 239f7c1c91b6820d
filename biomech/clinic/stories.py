"""The words of a case: a first name, an activity, a complaint and the small remarks
("shoes wear out on the inner side") a clinician hears while taking a history.

Remarks hint at a cause without naming it. Every name and story is made up. Pure text,
drawn with the case's own random generator so that the same seed tells the same story.
"""

from __future__ import annotations

NAMES = {
    "female": ("Ana", "Mia", "Leila", "Sofia", "Grace", "Yuki", "Amara", "Elena", "Priya", "Hannah", "Zoe", "Ines"),
    "male": ("Tom", "Ravi", "Jonas", "Kofi", "Luca", "Sam", "Diego", "Ben", "Omar", "Felix", "Kenji", "Noah"),
}

ADULT_ACTIVITIES = (
    "runs about 30 km a week",
    "plays netball twice a week",
    "plays five-a-side football",
    "dances (contemporary)",
    "is a nurse, on their feet all day",
    "has just started CrossFit classes",
    "plays club basketball",
    "hikes most weekends",
    "works at a desk and has taken up running",
    "plays volleyball at university",
)
CHILD_ACTIVITIES = (
    "plays football at school and in a club",
    "does gymnastics three times a week",
    "runs cross-country for the school",
    "plays basketball in a youth team",
    "dances ballet",
    "swims and plays tennis",
)
COMPLAINTS = (
    "aching at the front of the knee on stairs and after sitting",
    "a coach who says the knee 'caves in' when landing and squatting",
    "knee soreness after longer runs",
    "a check before starting a new sport, after noticing the knees look knocked in a video",
    "pain around the kneecap after training",
)

#: Remarks that point at each cause (one is picked when the story gives a hint).
HINTS = {
    "adductor_tightness": (
        "Has strained a groin muscle twice in the last season.",
        "Finds it uncomfortable to sit cross-legged.",
    ),
    "abductor_weakness": (
        "The side of the hip tires on long walks.",
        "Was off sport for months after an ankle injury and has not trained the hips since.",
    ),
    "arch_collapse": ("Shoes wear out on the inner side first.", "Has 'always had flat feet', a parent says."),
    "hip_width_mm": (
        "Says the hips have always been wide for their build.",
        "Trousers fit the hips long before the waist.",
    ),
    "pelvic_tilt_deg": (
        "Stands with a hollow lower back; a teacher once called it 'sway back'.",
        "Sits for long hours; the lower back arches when standing.",
    ),
    "constitutional_hka_deg": (
        "The knees have touched while the ankles stayed apart since childhood.",
        "A parent also has 'knock knees'.",
    ),
}
#: Remarks that point at nothing (the hard cases carry one).
RED_HERRINGS = (
    "Sprained a wrist last year; it healed well.",
    "Wears new trainers bought last month.",
    "Sleeps badly before exams.",
    "Had a cold last week.",
)


def pick(rng, options):
    """One of ``options``, drawn with ``rng`` (a numpy Generator)."""
    return options[int(rng.integers(len(options)))]


def tell(rng, *, sex, child, hinted_causes, red_herring):
    """``(name, activity, complaint, remarks)`` of one case."""
    name = pick(rng, NAMES[sex])
    activity = pick(rng, CHILD_ACTIVITIES if child else ADULT_ACTIVITIES)
    complaint = pick(rng, COMPLAINTS)
    remarks = [pick(rng, HINTS[key]) for key in hinted_causes]
    if red_herring:
        remarks.append(pick(rng, RED_HERRINGS))
    order = rng.permutation(len(remarks))
    return name, activity, complaint, tuple(remarks[i] for i in order)
