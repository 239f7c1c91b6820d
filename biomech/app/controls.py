"""The explorer's controls: plain-words labels with units, grouped, each cause slider
with its clinical equivalent written beside it.

Control values are the explorer's "UI state". The three causes that are properties of
the person (hip width, pelvic tilt, bone alignment) are offsets from the person's
typical value, so a preset such as "wide hips" means the same for a woman, a man or a
child; :func:`model_inputs` turns the UI state into :func:`biomech.simulate` inputs.
"""
from __future__ import annotations

import ipywidgets as widgets

from .. import causes, subject
from ..tasks import TASKS

SLIDER_STYLE = {"description_width": "150px"}
WIDE = widgets.Layout(width="330px")
#: Sliders send their value while being dragged; the explorer coalesces the updates.
CONTINUOUS = True

#: UI state of the explorer when it starts (the typical adult woman, standing).
DEFAULT_UI = {
    "sex": "female", "height_m": 1.65, "mass_kg": 60.0, "age_years": 25.0,
    "task": "stand", "knee_flexion_deg": TASKS["stand"].knee_flexion_default_deg, "side": "right",
    "adductor_tightness": 0.0, "abductor_weakness": 0.0, "arch_collapse": 0.0,
    "hip_width_offset_mm": 0.0, "pelvic_tilt_offset_deg": 0.0, "bone_offset_deg": 0.0,
}

CAUSE_CONTROLS = ("adductor_tightness", "abductor_weakness", "arch_collapse", "hip_width_offset_mm",
                  "pelvic_tilt_offset_deg", "bone_offset_deg")
PERSON_CONTROLS = ("sex", "height_m", "mass_kg", "age_years")
TASK_CONTROLS = ("task", "knee_flexion_deg", "side")


def typical(ui):
    """The person's typical hip width [mm], pelvic tilt [deg] and bone HKA [deg]."""
    is_female = ui["sex"] == "female"
    return {
        "hip_width_mm": float(subject.default_hip_width_mm(is_female, ui["height_m"])),
        "pelvic_tilt_deg": float(subject.default_pelvic_tilt_deg(is_female)),
        "constitutional_hka_deg": float(subject.default_hka_deg(is_female, ui["age_years"])),
    }


def model_inputs(ui):
    """:func:`biomech.simulate` keywords for a UI state (offsets of zero mean "typical")."""
    base = typical(ui)
    out = {k: ui[k] for k in PERSON_CONTROLS + TASK_CONTROLS + ("adductor_tightness", "abductor_weakness",
                                                                "arch_collapse")}
    for ui_name, name in (("hip_width_offset_mm", "hip_width_mm"), ("pelvic_tilt_offset_deg", "pelvic_tilt_deg"),
                          ("bone_offset_deg", "constitutional_hka_deg")):
        out[name] = None if ui[ui_name] == 0 else base[name] + ui[ui_name]
    return out


def ui_values_from_inputs(inputs, ui):
    """UI control values for :func:`biomech.simulate` keywords (absolute -> offsets).

    A new task without a knee flexion brings the task's own default flexion.
    """
    values = {k: v for k, v in inputs.items() if k in DEFAULT_UI}
    if "task" in values and "knee_flexion_deg" not in values and values["task"] in TASKS:
        values["knee_flexion_deg"] = TASKS[values["task"]].knee_flexion_default_deg
    merged = {**ui, **values}
    base = typical(merged)
    for ui_name, name in (("hip_width_offset_mm", "hip_width_mm"), ("pelvic_tilt_offset_deg", "pelvic_tilt_deg"),
                          ("bone_offset_deg", "constitutional_hka_deg")):
        if name in inputs:
            values[ui_name] = 0.0 if inputs[name] is None else float(inputs[name]) - base[name]
    return values


def clinical_text(name, ui):
    """What a cause slider means clinically, in words and units."""
    v = ui[name]
    base = typical(ui)
    if name == "adductor_tightness":
        return f"hip abduction range lost: {causes.LOST_ABDUCTION_AT_SEVERE_DEG * v:.0f}° (of about 45°)"
    if name == "abductor_weakness":
        return f"{100 * v:.0f} % of hip abductor and external-rotator strength lost"
    if name == "arch_collapse":
        drop = causes.NAVICULAR_DROP_NORMAL_MM + (causes.NAVICULAR_DROP_SEVERE_MM - causes.NAVICULAR_DROP_NORMAL_MM) * v
        return f"navicular drop {drop:.0f} mm (healthy up to about 10 mm)"
    if name == "hip_width_offset_mm":
        return f"hip centres {base['hip_width_mm'] + v:.0f} mm apart (typical {base['hip_width_mm']:.0f} mm)"
    if name == "pelvic_tilt_offset_deg":
        return f"anterior pelvic tilt {base['pelvic_tilt_deg'] + v:.0f}° (typical {base['pelvic_tilt_deg']:.0f}°)"
    if name == "bone_offset_deg":
        total = base["constitutional_hka_deg"] + v
        return (f"bone alignment {total:+.1f}° HKA (typical for sex and age {base['constitutional_hka_deg']:+.1f}°;"
                f" + valgus)")
    if name == "knee_flexion_deg":
        state = "hyperextended" if v < 0 else "straight" if v < 3 else "bent"
        return f"{state}; range for this task {TASKS[ui['task']].knee_flexion_range_deg[0]:.0f}° to " \
               f"{TASKS[ui['task']].knee_flexion_range_deg[1]:.0f}°"
    return ""


def _slider(description, low, high, step, fmt, tooltip):
    return widgets.FloatSlider(min=low, max=high, step=step, description=description, readout_format=fmt,
                               continuous_update=CONTINUOUS, style=SLIDER_STYLE, layout=WIDE,
                               description_allow_html=False, tooltip=tooltip)


def build():
    """All controls as ``{name: widget}``, values unset (the explorer fills them)."""
    task_options = [(t.label, name) for name, t in TASKS.items()]
    return {
        "adductor_tightness": _slider("Adductor tightness", 0.0, 1.0, 0.05, ".2f",
                                      "0 = none, 1 = severe (25° of hip abduction lost)"),
        "abductor_weakness": _slider("Abductor weakness", 0.0, 1.0, 0.05, ".2f",
                                     "fraction of hip abductor and external-rotator strength lost"),
        "arch_collapse": _slider("Arch collapse", 0.0, 1.0, 0.05, ".2f",
                                 "0 = healthy arch, 1 = flat foot (navicular drop 18 mm)"),
        "hip_width_offset_mm": _slider("Hip width (±mm)", -40.0, 60.0, 1.0, "+.0f",
                                       "distance between the hip joint centres, relative to typical"),
        "pelvic_tilt_offset_deg": _slider("Pelvic tilt (±°)", -20.0, 20.0, 0.5, "+.1f",
                                          "anterior pelvic tilt relative to typical (+ = front of pelvis down)"),
        "bone_offset_deg": _slider("Bone shape (±°)", -15.0, 15.0, 0.5, "+.1f",
                                   "structural alignment of the bones (+ = valgus), e.g. rickets, Blount's, "
                                   "or after an osteotomy"),
        "sex": widgets.ToggleButtons(options=[("female", "female"), ("male", "male")], description="Sex",
                                     style={"description_width": "60px", "button_width": "90px"}),
        "height_m": _slider("Height (m)", 0.5, 2.1, 0.01, ".2f", "standing height"),
        "mass_kg": _slider("Body mass (kg)", 3.0, 200.0, 0.5, ".1f", "body mass: forces scale with it"),
        "age_years": _slider("Age (years)", 0.0, 80.0, 0.25, ".2f",
                             "children follow the developmental curve of knee alignment"),
        "task": widgets.Dropdown(options=task_options, description="Task", style=SLIDER_STYLE, layout=WIDE),
        "knee_flexion_deg": _slider("Knee flexion (°)", -10.0, 30.0, 1.0, ".0f",
                                    "+ = bent, - = hyperextended (range depends on the task)"),
        "side": widgets.ToggleButtons(options=[("right leg", "right"), ("left leg", "left")],
                                      description="Measured", style={"description_width": "60px",
                                                                     "button_width": "90px"}),
    }
