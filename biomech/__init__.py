"""biomech: a transparent kinematic model of knee valgus for teaching.

Public API::

    import biomech
    r = biomech.simulate(task="single_leg_squat", arch_collapse=0.5)
    r.fppa_deg, r.load_axis_shift_mm, r.medial_load_fraction
    biomech.simulate_many({"arch_collapse": np.linspace(0, 1, 11)})
    biomech.forward_kinematics(hip_internal_rotation_deg=10, knee_flexion_deg=45)
    biomech.uncertainty(task="single_leg_squat")["fppa_deg"]   # value and 5-95 % band
    biomech.sensitivity("fppa_deg", task="single_leg_squat")  # which assumptions matter
    biomech.malalignment_test(biomech.simulate(mpta_deg=80))  # femur, tibia or joint line?
    biomech.surgery.plan_osteotomy(biomech.simulate(mpta_deg=80))  # wedge for a target load line
    biomech.ASSUMPTIONS                       # every uncertain coefficient with its range
    biomech.explorer(task="single_leg_squat")   # the interactive explorer (a widget)

Sign conventions (+ = valgus) and frames: :mod:`biomech.conventions`. Sources:
:mod:`biomech.references`.
"""

from . import surgery
from .assumptions import REGISTRY as ASSUMPTIONS
from .bands import sensitivity, uncertainty
from .conventions import GROUND_FRAME, OUTPUT_BOUNDS, SIGN_CONVENTIONS
from .inputs import INPUT_RANGES, InputError
from .malalignment import malalignment_test
from .model import INPUT_NAMES, OUTPUT_NAMES, Result, forward_kinematics, pose, simulate, simulate_many
from .tasks import TASK_NAMES, TASKS

__version__ = "0.1.0"


def __getattr__(name):
    # The explorer pulls in ipywidgets (a few tenths of a second): load it on first use so
    # that scripts using only the model start fast.
    if name in ("explorer", "Explorer"):
        from . import app

        return getattr(app, name)
    raise AttributeError(f"module 'biomech' has no attribute {name!r}")


__all__ = [
    "simulate",
    "simulate_many",
    "forward_kinematics",
    "pose",
    "uncertainty",
    "sensitivity",
    "Result",
    "OUTPUT_NAMES",
    "INPUT_NAMES",
    "INPUT_RANGES",
    "InputError",
    "ASSUMPTIONS",
    "SIGN_CONVENTIONS",
    "OUTPUT_BOUNDS",
    "GROUND_FRAME",
    "TASKS",
    "TASK_NAMES",
    "explorer",
    "malalignment_test",
    "surgery",
]
