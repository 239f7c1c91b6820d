"""The explorer's controls: plain-words labels with units, grouped, each cause slider
with its clinical equivalent written beside it.

Control values are the explorer's "UI state". The three causes that are properties of
the person (hip width, pelvic tilt, bone alignment) are offsets from the person's
typical value, so a preset such as "wide hips" means the same for a woman, a man or a
child; :func:`model_inputs` turns the UI state into :func:`biomech.simulate` inputs.
"""

from __future__ import annotations

import math

import ipywidgets as widgets

from .. import causes, growth, norms, subject
from ..assumptions import defaults
from ..inputs import INPUT_RANGES, hip_width_range_mm
from ..model import DEFAULTS as MODEL_DEFAULTS
from ..tasks import TASKS

SLIDER_STYLE = {"description_width": "132px"}
#: Fits the explorer's control column (345 px) inside its tabs.
WIDE = widgets.Layout(width="312px")
#: Sliders send their value while being dragged; the explorer coalesces the updates.
CONTINUOUS = True

CAUSE_CONTROLS = (
    "adductor_tightness",
    "abductor_weakness",
    "arch_collapse",
    "hip_width_offset_mm",
    "pelvic_tilt_offset_deg",
    "bone_offset_deg",
)
#: The trunk: a sideways lean, and what the body does on one leg when the abductors are too weak.
TRUNK_CONTROLS = ("trunk_lean_deg", "compensation")
PERSON_CONTROLS = ("sex", "height_m", "mass_kg", "age_years")
TASK_CONTROLS = ("task", "knee_flexion_deg", "side")
#: Offset controls: the model input each one shifts away from the person's typical value.
OFFSETS = {
    "hip_width_offset_mm": "hip_width_mm",
    "pelvic_tilt_offset_deg": "pelvic_tilt_deg",
    "bone_offset_deg": "constitutional_hka_deg",
}

#: UI state of the explorer when it starts: the model's defaults (the typical adult woman,
#: standing), every offset at zero.
DEFAULT_UI = {
    **{k: MODEL_DEFAULTS[k] for k in PERSON_CONTROLS + TASK_CONTROLS + CAUSE_CONTROLS[:3] + TRUNK_CONTROLS},
    "knee_flexion_deg": TASKS[MODEL_DEFAULTS["task"]].knee_flexion_default_deg,
    **dict.fromkeys(OFFSETS, 0.0),
}


def typical(ui):
    """The person's typical hip width [mm], pelvic tilt [deg] and bone HKA [deg]
    (:func:`biomech.subject.typical_values`)."""
    values = subject.typical_values(ui["sex"] == "female", ui["height_m"], ui["age_years"])
    return {name: float(value) for name, value in values.items()}


def model_inputs(ui):
    """:func:`biomech.simulate` keywords for a UI state (offsets of zero mean "typical")."""
    base = typical(ui)
    out = {k: ui[k] for k in PERSON_CONTROLS + TASK_CONTROLS + CAUSE_CONTROLS[:3] + TRUNK_CONTROLS}
    for ui_name, name in OFFSETS.items():
        out[name] = None if ui[ui_name] == 0 else base[name] + ui[ui_name]
    return out


def ui_values_from_inputs(inputs, ui):
    """UI control values for :func:`biomech.simulate` keywords (absolute -> offsets).

    A new task without a knee flexion brings the task's own default flexion. The values
    must already be valid model inputs (the explorer checks them with the model first).
    """
    values = {k: v for k, v in inputs.items() if k in DEFAULT_UI}
    if "task" in values and "knee_flexion_deg" not in values and values["task"] in TASKS:
        values["knee_flexion_deg"] = TASKS[values["task"]].knee_flexion_default_deg
    base = typical({**ui, **values})
    for ui_name, name in OFFSETS.items():
        if name in inputs:
            values[ui_name] = 0.0 if inputs[name] is None else float(inputs[name]) - base[name]
    return values


def typical_body(sex, age_years):
    """Height [m] and mass [kg] of a typical person of this sex and age: the model's
    typical adult from 18 years, the median child of the growth charts before."""
    if age_years >= subject.ADULT_AGE_YEARS:
        person = subject.TYPICAL_ADULT[sex]
        return person.height_m, person.mass_kg
    height, mass = growth.body_at(sex == "female", float(age_years))
    return round(float(height), 2), round(float(mass), 1)


def body_following_person(ui, previous):
    """Height and mass after the sex or age changed from ``previous`` to ``ui``: a body that
    was typical for the previous sex and age becomes typical for the new ones, and so does
    one that no child of the new age could have; any other body stays. Returns the
    changed values (possibly none)."""
    old = typical_body(previous["sex"], previous["age_years"])
    typical = abs(ui["height_m"] - old[0]) < 0.005 and abs(ui["mass_kg"] - old[1]) < 0.05
    impossible = (
        growth.first_impossible_child(ui["sex"] == "female", ui["age_years"], ui["height_m"], ui["mass_kg"]) is not None
    )
    if not (typical or impossible):
        return {}
    height, mass = typical_body(ui["sex"], ui["age_years"])
    return {"height_m": height, "mass_kg": mass}


def control_range(name, ui):
    """(min, max) of control ``name`` for a UI state: the model's own allowed range
    (:data:`biomech.INPUT_RANGES`, the task's knee flexion range, the hip width a body of
    this height allows), expressed as an offset from typical for the offset controls."""
    if name == "knee_flexion_deg":
        return TASKS[ui["task"]].knee_flexion_range_deg
    if name == "hip_width_offset_mm":
        low, high = hip_width_range_mm(ui["height_m"])
    elif name in OFFSETS:
        rng = INPUT_RANGES[OFFSETS[name]]
        low, high = rng.low, rng.high
    else:
        return INPUT_RANGES[name].low, INPUT_RANGES[name].high
    base = typical(ui)[OFFSETS[name]]
    return float(low) - base, float(high) - base


def on_grid(low, high, step, through=0.0):
    """``(low, high)`` moved inward onto the grid of ``step`` that passes through
    ``through`` (the value shown; zero, the typical value, by default). The browser's
    slider snaps its value to ``min + k * step`` when it draws, so limits off that grid
    would move the value shown and send the moved value back to the model."""
    below = math.ceil((low - through) / step - 1e-9) * step
    above = math.floor((high - through) / step + 1e-9) * step
    return round(through + below, 10), round(through + above, 10)


def clinical_text(name, ui):
    """What a cause slider means clinically, in words and units."""
    v = ui[name]
    base = typical(ui)
    p = defaults()
    if name == "adductor_tightness":
        lost = causes.adductor_tightness(v, p)["lost_abduction_deg"]
        return f"hip abduction range lost: {lost:.0f}° (of about {causes.NORMAL_HIP_ABDUCTION_RANGE_DEG:.0f}°)"
    if name == "abductor_weakness":
        return f"{100 * v:.0f} % of hip abductor and external-rotator strength lost"
    if name == "arch_collapse":
        upper = norms.find("navicular_drop_mm").high
        return f"navicular drop {causes.navicular_drop_mm(v, p):.0f} mm (healthy up to about {upper:.0f} mm)"
    if name == "hip_width_offset_mm":
        return f"hip centres {base['hip_width_mm'] + v:.0f} mm apart (typical {base['hip_width_mm']:.0f} mm)"
    if name == "pelvic_tilt_offset_deg":
        return f"anterior pelvic tilt {base['pelvic_tilt_deg'] + v:.0f}° (typical {base['pelvic_tilt_deg']:.0f}°)"
    if name == "bone_offset_deg":
        total = base["constitutional_hka_deg"] + v
        return (
            f"bone alignment {total:+.1f}° HKA (typical for sex and age {base['constitutional_hka_deg']:+.1f}°;"
            f" + valgus)"
        )
    if name == "trunk_lean_deg":
        if abs(v) < 0.5:
            return "trunk upright"
        toward = "toward" if v > 0 else "away from"
        return f"trunk leaning {abs(v):.0f}° {toward} the measured (standing) leg"
    if name == "knee_flexion_deg":
        state = "hyperextended" if v < 0 else "straight" if v < 3 else "bent"
        low, high = TASKS[ui["task"]].knee_flexion_range_deg
        return f"{state}; range for this task {low:.0f}° to {high:.0f}°"
    return ""


def _slider(description, low, high, step, fmt, tooltip):
    low, high = on_grid(low, high, step)
    return widgets.FloatSlider(
        min=low,
        max=high,
        step=step,
        description=description,
        readout_format=fmt,
        continuous_update=CONTINUOUS,
        style=SLIDER_STYLE,
        layout=WIDE,
        description_allow_html=False,
        tooltip=tooltip,
    )


def build():
    """All controls as ``{name: widget}``, values unset (the explorer fills them and keeps
    each slider's limits at :func:`control_range`)."""
    task_options = [(t.label, name) for name, t in TASKS.items()]
    p = defaults()
    drop = causes.navicular_drop_mm(1.0, p)
    lost = causes.adductor_tightness(1.0, p)["lost_abduction_deg"]

    def slider(name, description, step, fmt, tooltip):
        return _slider(description, *control_range(name, DEFAULT_UI), step, fmt, tooltip)

    return {
        "adductor_tightness": slider(
            "adductor_tightness",
            "Adductor tightness",
            0.05,
            ".2f",
            f"0 = none, 1 = severe ({lost:.0f}° of hip abduction lost)",
        ),
        "abductor_weakness": slider(
            "abductor_weakness",
            "Abductor weakness",
            0.05,
            ".2f",
            "fraction of hip abductor and external-rotator strength lost",
        ),
        "arch_collapse": slider(
            "arch_collapse",
            "Arch collapse",
            0.05,
            ".2f",
            f"0 = healthy arch, 1 = flat foot (navicular drop {drop:.0f} mm)",
        ),
        "hip_width_offset_mm": slider(
            "hip_width_offset_mm",
            "Hip width (±mm)",
            1.0,
            "+.0f",
            "distance between the hip joint centres, relative to typical",
        ),
        "pelvic_tilt_offset_deg": slider(
            "pelvic_tilt_offset_deg",
            "Pelvic tilt (±°)",
            0.5,
            "+.1f",
            "anterior pelvic tilt relative to typical (+ = front of pelvis down)",
        ),
        "bone_offset_deg": slider(
            "bone_offset_deg",
            "Bone shape (±°)",
            0.5,
            "+.1f",
            "structural alignment of the bones (+ = valgus), e.g. rickets, Blount's, or after an osteotomy",
        ),
        "sex": widgets.ToggleButtons(
            options=[("female", "female"), ("male", "male")],
            description="Sex",
            style={"description_width": "60px", "button_width": "90px"},
        ),
        "height_m": slider("height_m", "Height (m)", 0.01, ".2f", "standing height"),
        "mass_kg": slider("mass_kg", "Body mass (kg)", 0.5, ".1f", "body mass: forces scale with it"),
        "age_years": slider(
            "age_years", "Age (years)", 0.25, ".2f", "children follow the developmental curve of knee alignment"
        ),
        "trunk_lean_deg": slider(
            "trunk_lean_deg",
            "Trunk lean (°)",
            1.0,
            "+.0f",
            "sideways lean of the trunk, + toward the measured (standing) leg",
        ),
        "compensation": widgets.ToggleButtons(
            options=[("pelvis drops", "pelvic_drop"), ("trunk leans", "trunk_lean")],
            description="Weak hips:",
            tooltip="what the body does on one leg when the abductors cannot hold the "
            "pelvis: let it drop (Trendelenburg) or lean the trunk over the hip (Duchenne)",
            style={"description_width": "70px", "button_width": "110px"},
        ),
        "task": widgets.Dropdown(options=task_options, description="Task", style=SLIDER_STYLE, layout=WIDE),
        "knee_flexion_deg": slider(
            "knee_flexion_deg",
            "Knee flexion (°)",
            1.0,
            ".0f",
            "+ = bent, - = hyperextended (range depends on the task)",
        ),
        "side": widgets.ToggleButtons(
            options=[("right leg", "right"), ("left leg", "left")],
            description="Measured",
            style={"description_width": "60px", "button_width": "90px"},
        ),
    }
