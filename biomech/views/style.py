"""Colours, fonts and number formats shared by every view (one place to restyle)."""

from __future__ import annotations

BONE = "#8d7b68"
BONE_3D = "#e8dcc8"
XRAY_BACKGROUND = "#15181c"
XRAY_BONE = "rgb(190, 192, 186)"
#: The pelvis lies over the femoral heads on a film: drawn see-through, so the heads show.
XRAY_PELVIS = "rgba(200, 202, 196, 0.62)"
#: Kneecap and fibula overlap the femur and tibia: drawn see-through and brighter.
XRAY_OVERLAY = "rgba(245, 245, 238, 0.38)"
XRAY_JOINT_LINE = "#f4f6f7"
MLDFA = "#f5b041"
MPTA = "#58d68d"
OSTEOTOMY = "#ff5fd2"
XRAY_GRID = "#2b3036"
XRAY_TEXT = "#e6e6e6"
BONE_LIGHT = "#d8cbb8"
JOINT = "#3b3b3b"
PATELLA = "#b08850"
GHOST = "rgba(120, 120, 160, 0.35)"
LOAD_LINE = "#e07b00"
#: Valgus and varus: Okabe and Ito's colour-blind-safe vermillion and blue, darkened so
#: that white text on them and they as text on white reach 5:1 (WCAG AA).
VALGUS = "#b8410a"
VARUS = "#0072b2"
#: Brighter versions for the dark front ("X-ray") view (Okabe-Ito vermillion and sky blue).
VALGUS_BRIGHT = "#ff7f3f"
VARUS_BRIGHT = "#56b4e9"
AXIS = "#2c3e50"
TRUNK = "#a0826d"
TRUNK_BRIGHT = "#d7c4a8"
CENTRE_OF_MASS = "#8e44ad"
FLOOR = "rgba(200, 200, 200, 0.25)"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

#: Readout colour of each verdict of :meth:`biomech.norms.NormalRange.status`: bluish
#: green, amber-brown and vermillion (colour-blind-safe hues), each 5:1 or more on white;
#: the verdict is always written beside it too.
STATUS_COLOURS = {"normal": "#006c4f", "borderline": "#8a5a00", "outside": "#b8410a", None: "#5d6d6e"}
#: Secondary text (help lines, units, bands): 5:1 on white.
MUTED = "#5d6d6e"
#: Keyboard focus ring: 6:1 on white.
FOCUS = "#1a5fb4"
STATUS_WORDS = {"normal": "normal", "borderline": "borderline", "outside": "outside", None: ""}


def signed(value, unit, digits=1):
    """``+3.2 mm`` / ``+3.2°`` style text: the sign is always written, as the conventions
    need (a minus sign, not a hyphen)."""
    space = "" if unit in ("°", "%") else " "
    return f"{value:+.{digits}f}{space}{unit}".rstrip().replace("-", "\u2212", 1)


def valgus_word(angle_deg, straight_within=0.5):
    """Plain word for a frontal-plane angle with + = valgus."""
    if abs(angle_deg) < straight_within:
        return "straight"
    return "valgus (knock-knee side)" if angle_deg > 0 else "varus (bow-leg side)"
