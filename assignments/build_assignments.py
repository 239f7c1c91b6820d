"""Build the nbgrader assignment sources (assignments/source/lesson_NN/checks.ipynb) from the
questions below: each lesson's predictions and self-checks as autograded questions.

Every question is three cells: the question (locked markdown), the student's answer cell
(an nbgrader solution cell: the solution is removed when the assignment is released) and
a test cell (autograded, with points). Visible tests check the *form* of the answer; the
hidden tests, removed on release, compare it with the model itself, so a change to the
model moves the expected answer with it.

Usage: ``python assignments/build_assignments.py`` rewrites the sources;
``tests/test_lessons_nbgrader.py`` checks they are current and runs nbgrader on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent
SOURCE = ROOT / "source"
NOTEBOOK = "checks.ipynb"

SETUP = """import numpy as np

import biomech
from biomech import population

WOMAN = dict(sex="female", height_m=1.65, mass_kg=60.0, age_years=25.0)"""


@dataclass(frozen=True)
class Question:
    """One autograded question: the text, the solution code, the form check students see,
    the hidden check against the model, and its points."""

    text: str
    solution: str
    visible: str
    hidden: str
    points: int = 1


def choice(name, allowed):
    """Visible test: the answer is one of the allowed words."""
    return f"assert {name} in {allowed!r}, 'set {name} to one of {', '.join(allowed)}'"


def number(name):
    """Visible test: the answer is a number."""
    return f"assert isinstance({name}, (int, float)) and np.isfinite({name}), '{name} must be a number'"


LESSONS = {
    "lesson_00": (
        "00 · Start here",
        [
            Question(
                "A woman does a single-leg squat to 45°. Her arch flattens completely (arch collapse 1.0). Which way "
                "does the load line move relative to her knee centre? Set `q1` to `'medial'`, `'lateral'` or "
                "`'none'`.",
                "q1 = 'lateral'",
                choice("q1", ["medial", "lateral", "none"]),
                "_base = biomech.simulate(**WOMAN, task='single_leg_squat', knee_flexion_deg=45.0)\n"
                "_flat = biomech.simulate(**WOMAN, task='single_leg_squat', knee_flexion_deg=45.0, arch_collapse=1.0)\n"
                "assert q1 == ('lateral' if _flat.load_axis_shift_mm > _base.load_axis_shift_mm else 'medial')",
            ),
            Question(
                "Use `biomech.simulate` to compute the frontal-plane projection angle (FPPA) of the course's typical "
                "woman (`WOMAN`) in a single-leg squat at 45°. Store it in `q2`, in degrees.",
                "q2 = biomech.simulate(**WOMAN, task='single_leg_squat', knee_flexion_deg=45.0).fppa_deg",
                number("q2"),
                "assert abs(q2 - biomech.simulate(**WOMAN, task='single_leg_squat', knee_flexion_deg=45.0).fppa_deg)"
                " < 0.2",
            ),
            Question(
                "A readout says: load-axis shift +12 mm. Where does the load line pass the knee centre? Set `q3` to "
                "`'lateral'`, `'medial'` or `'through'`.",
                "q3 = 'lateral'",
                choice("q3", ["lateral", "medial", "through"]),
                "assert q3 == ('lateral' if '+ load line lateral' in biomech.SIGN_CONVENTIONS['load_axis_shift_mm'] "
                "else 'medial')",
            ),
        ],
    ),
    "lesson_01": (
        "01 · Alignment and axes",
        [
            Question(
                "Standing on both legs, how far does the load line move at the knee when the typical woman's bones "
                "go 5° further into valgus? Compute it with `biomech.simulate_many` (vary `constitutional_hka_deg`) "
                "and store the distance in `q1`, in mm (a positive number).",
                "_out = biomech.simulate_many({**WOMAN, 'task': 'stand', 'constitutional_hka_deg': np.array([-0.5, 4.5])})\n"
                "q1 = float(_out['load_axis_shift_mm'][1] - _out['load_axis_shift_mm'][0])",
                number("q1"),
                "_o = biomech.simulate_many({**WOMAN, 'task': 'stand', 'constitutional_hka_deg': np.array([-0.5, 4.5])})\n"
                "assert abs(q1 - (_o['load_axis_shift_mm'][1] - _o['load_axis_shift_mm'][0])) < 1.0",
            ),
            Question(
                "Standing with straight knees, her femur turns 10° inward about its own long axis. What happens to "
                "her hip-knee-ankle angle? Set `q2` to `'valgus'`, `'unchanged'` or `'varus'`.",
                "q2 = 'unchanged'",
                choice("q2", ["valgus", "unchanged", "varus"]),
                "_fk = biomech.forward_kinematics(hip_internal_rotation_deg=10.0, knee_flexion_deg=0.0)\n"
                "_side = float(_fk['ankle_center'][0] - _fk['knee_center'][0])\n"
                "assert q2 == ('unchanged' if abs(_side) < 0.5 else 'valgus')",
            ),
            Question(
                "A woman's standing X-ray shows HKA +3.0°. What anatomic tibiofemoral angle does the model give her? "
                "Store it in `q3`, in degrees.",
                "q3 = biomech.simulate(**WOMAN, task='stand', constitutional_hka_deg=3.0).atfa_deg",
                number("q3"),
                "assert abs(q3 - biomech.simulate(**WOMAN, task='stand', constitutional_hka_deg=3.0).atfa_deg) < 0.6",
            ),
        ],
    ),
    "lesson_02": (
        "02 · The five causes",
        [
            Question(
                "In a single-leg squat at 45°, which cause alone raises the FPPA most: adductor tightness 0.6, "
                "abductor weakness 0.6, arch collapse 1.0? Set `q1` to `'adductors'`, `'abductors'` or `'arch'`.",
                "q1 = 'abductors'",
                choice("q1", ["adductors", "abductors", "arch"]),
                "_t = dict(task='single_leg_squat', knee_flexion_deg=45.0)\n"
                "_f = {k: biomech.simulate(**WOMAN, **_t, **c).fppa_deg for k, c in {'adductors': {'adductor_tightness': 0.6},"
                " 'abductors': {'abductor_weakness': 0.6}, 'arch': {'arch_collapse': 1.0}}.items()}\n"
                "assert q1 == max(_f, key=_f.get)",
            ),
            Question(
                "Standing on one leg with all abductor strength lost (`abductor_weakness=1.0`), what share of the "
                "remaining strength do her abductors use, between 0 and 1? Compute it and store it in `q2`.",
                "q2 = biomech.simulate(**WOMAN, task='single_leg_stance', abductor_weakness=1.0).abductor_use",
                number("q2"),
                "assert abs(q2 - biomech.simulate(**WOMAN, task='single_leg_stance', abductor_weakness=1.0).abductor_use)"
                " < 0.01 and q2 <= 1.0",
            ),
            Question(
                "Abductor weakness 0.5 alone, and hips 40 mm wider alone, each leave her pelvis level in the squat. "
                "With both, does the pelvis drop further? Set `q3` to `True` or `False`.",
                "q3 = True",
                "assert isinstance(q3, bool), 'q3 must be True or False'",
                "_t = dict(task='single_leg_squat', knee_flexion_deg=45.0)\n"
                "_w = biomech.simulate(**WOMAN, **_t).hip_width_mm\n"
                "_d = biomech.simulate_many({**WOMAN, **_t, 'abductor_weakness': np.array([0.0, 0.5, 0.0, 0.5]), "
                "'hip_width_mm': _w + np.array([0.0, 0.0, 40.0, 40.0])})['pelvic_drop_deg']\n"
                "assert q3 == bool(_d[3] - _d[0] > (_d[1] - _d[0]) + (_d[2] - _d[0]) + 1.0)",
            ),
        ],
    ),
    "lesson_03": (
        "03 · Which end started it?",
        [
            Question(
                "In a single-leg squat at 45°, which can raise the FPPA further: the flattest foot (arch collapse "
                "1.0) or the weakest hip (abductor weakness 1.0)? Set `q1` to `'foot'` or `'hip'`.",
                "q1 = 'hip'",
                choice("q1", ["foot", "hip"]),
                "_t = dict(task='single_leg_squat', knee_flexion_deg=45.0)\n"
                "_foot = biomech.simulate(**WOMAN, **_t, arch_collapse=1.0).fppa_deg\n"
                "_hip = biomech.simulate(**WOMAN, **_t, abductor_weakness=1.0).fppa_deg\n"
                "assert q1 == ('hip' if _hip > _foot else 'foot')",
            ),
            Question(
                "A flat foot (arch collapse 1.0) in the same squat: compute the shin's rotation relative to the thigh "
                "(`tibial_internal_rotation_deg`) when the thigh takes 0.8 of the shin's turn. Use "
                "`biomech.simulate_many(..., assumptions={'femur_share_of_shin_rotation': 0.8})` and store the "
                "value in `q2`, in degrees.",
                "q2 = float(biomech.simulate_many({**WOMAN, 'task': 'single_leg_squat', 'knee_flexion_deg': 45.0, "
                "'arch_collapse': 1.0}, assumptions={'femur_share_of_shin_rotation': 0.8})"
                "['tibial_internal_rotation_deg'])",
                number("q2"),
                "_r = biomech.simulate_many({**WOMAN, 'task': 'single_leg_squat', 'knee_flexion_deg': 45.0, "
                "'arch_collapse': 1.0}, assumptions={'femur_share_of_shin_rotation': 0.8})\n"
                "assert abs(q2 - float(_r['tibial_internal_rotation_deg'])) < 0.1",
            ),
            Question(
                "Across the plausible ranges of the two rotation-sharing assumptions, does the sign of the shin's "
                "rotation relative to the thigh still separate the foot-driven from the hip-driven knee? Set `q3` "
                "to `True` or `False`.",
                "q3 = True",
                "assert isinstance(q3, bool), 'q3 must be True or False'",
                "_a = {'femur_share_of_shin_rotation': np.array([0.3, 0.3, 0.8, 0.8]), "
                "'shin_share_of_femur_rotation': np.array([0.1, 0.5, 0.1, 0.5])}\n"
                "_t = {**WOMAN, 'task': 'single_leg_squat', 'knee_flexion_deg': 45.0}\n"
                "_foot = biomech.simulate_many({**_t, 'arch_collapse': 1.0}, assumptions=_a)['tibial_internal_rotation_deg']\n"
                "_hip = biomech.simulate_many({**_t, 'abductor_weakness': 0.4}, assumptions=_a)['tibial_internal_rotation_deg']\n"
                "assert q3 == bool(np.all(_foot > 0) and np.all(_hip < 0))",
            ),
        ],
    ),
    "lesson_04": (
        "04 · Load and the joint",
        [
            Question(
                "A load line passes 7 mm lateral of the knee centre on a 68.8 mm plateau. Compute its weight-bearing "
                "line ratio (0 % at the medial edge, 100 % at the lateral edge) and store it in `q1`, in %.",
                "q1 = 50.0 + 100.0 * 7.0 / 68.8",
                number("q1"),
                "from biomech import measures\nassert abs(q1 - measures.wbl_ratio_pct(7.0, 68.8)) < 0.5",
            ),
            Question(
                "Standing, as her bones go into valgus, does the medial compartment's share of the knee load rise or "
                "fall? Set `q2` to `'rises'` or `'falls'`.",
                "q2 = 'falls'",
                choice("q2", ["rises", "falls"]),
                "_m = biomech.simulate_many({**WOMAN, 'task': 'stand', 'constitutional_hka_deg': np.array([-3.0, 3.0])})"
                "['medial_load_fraction']\nassert q2 == ('falls' if _m[1] < _m[0] else 'rises')",
            ),
            Question(
                "The same woman weighs 90 kg. Compute her knee contact force standing on one leg, in newtons "
                "(g = 9.81 m/s²), and store it in `q3`.",
                "q3 = biomech.simulate(**{**WOMAN, 'mass_kg': 90.0}, task='single_leg_stance').knee_contact_force_bw"
                " * 90.0 * 9.81",
                number("q3"),
                "_f = biomech.simulate(**{**WOMAN, 'mass_kg': 90.0}, task='single_leg_stance').knee_contact_force_bw\n"
                "assert abs(q3 - _f * 90.0 * 9.81) < 30.0",
            ),
            Question(
                "On one leg she leans her trunk 12° over the stance leg. Does her knee adduction moment rise or fall? "
                "Set `q4` to `'rises'` or `'falls'`.",
                "q4 = 'falls'",
                choice("q4", ["rises", "falls"]),
                "_k = biomech.simulate_many({**WOMAN, 'task': 'single_leg_stance', 'trunk_lean_deg': np.array([0.0, 12.0])})"
                "['knee_adduction_moment_nm']\nassert q4 == ('falls' if _k[1] < _k[0] else 'rises')",
            ),
        ],
    ),
    "lesson_05": (
        "05 · Dynamic valgus",
        [
            Question(
                "Her femur is turned inward by weak rotators (`abductor_weakness=1.0`) in a squat on both legs. Does "
                "the difference in FPPA from a typical woman grow with knee flexion, starting from zero when straight? "
                "Set `q1` to `True` or `False`.",
                "q1 = True",
                "assert isinstance(q1, bool), 'q1 must be True or False'",
                "_k = np.array([0.0, 30.0, 60.0, 90.0])\n"
                "_a = biomech.simulate_many({**WOMAN, 'task': 'squat', 'knee_flexion_deg': _k})['fppa_deg']\n"
                "_b = biomech.simulate_many({**WOMAN, 'task': 'squat', 'knee_flexion_deg': _k, 'abductor_weakness': 1.0})"
                "['fppa_deg']\n_d = _b - _a\nassert q1 == bool(abs(_d[0]) < 0.2 and np.all(np.diff(_d) > 0))",
            ),
            Question(
                "In a lunge to 60° with abductor weakness 0.6, how far is the front knee inside the line of the foot? "
                "Compute it and store it in `q2`, in mm.",
                "q2 = biomech.simulate(**WOMAN, task='lunge', knee_flexion_deg=60.0, abductor_weakness=0.6)"
                ".knee_medial_of_foot_line_mm",
                number("q2"),
                "assert abs(q2 - biomech.simulate(**WOMAN, task='lunge', knee_flexion_deg=60.0, abductor_weakness=0.6)"
                ".knee_medial_of_foot_line_mm) < 0.5",
            ),
            Question(
                "Knees locked back 10° (`knee_flexion_deg=-10`) with the thighs turned inward (`abductor_weakness=1.0`, "
                "`pelvic_tilt_deg=32`): from the front, do her knees look more `'valgus'` or more `'varus'`? Set `q3`.",
                "q3 = 'varus'",
                choice("q3", ["valgus", "varus"]),
                "_h = biomech.simulate(**WOMAN, task='stand', knee_flexion_deg=-10.0, abductor_weakness=1.0, "
                "pelvic_tilt_deg=32.0).hka_deg\n_n = biomech.simulate(**WOMAN, task='stand', knee_flexion_deg=-10.0).hka_deg\n"
                "assert q3 == ('varus' if _h < _n else 'valgus')",
            ),
        ],
    ),
    "lesson_06": (
        "06 · Correction and prevention",
        [
            Question(
                "Her case: single-leg squat at 45°, adductor tightness 0.4, abductor weakness 0.6, arch collapse 0.5, "
                "pelvic tilt 18°. Which single change lowers her FPPA most: adductor tightness 0.2, abductor weakness "
                "0.3, arch collapse 0.33, or pelvic tilt 13°? Set `q1` to `'stretch'`, `'strengthen'`, `'insole'` or "
                "`'tilt'`.",
                "q1 = 'strengthen'",
                choice("q1", ["stretch", "strengthen", "insole", "tilt"]),
                "_c = dict(task='single_leg_squat', knee_flexion_deg=45.0, adductor_tightness=0.4, abductor_weakness=0.6,"
                " arch_collapse=0.5, pelvic_tilt_deg=18.0)\n"
                "_w = {'stretch': {'adductor_tightness': 0.2}, 'strengthen': {'abductor_weakness': 0.3}, "
                "'insole': {'arch_collapse': 0.33}, 'tilt': {'pelvic_tilt_deg': 13.0}}\n"
                "_f = {k: biomech.simulate(**WOMAN, **{**_c, **v}).fppa_deg for k, v in _w.items()}\n"
                "assert q1 == min(_f, key=_f.get)",
            ),
            Question(
                "Standing on both legs with straight knees, how much do all four changes together move her "
                "hip-knee-ankle angle? Compute the change and store it in `q2`, in degrees.",
                "_c = dict(task='stand', knee_flexion_deg=0.0, adductor_tightness=0.4, abductor_weakness=0.6, "
                "arch_collapse=0.5, pelvic_tilt_deg=18.0)\n"
                "_n = dict(_c, adductor_tightness=0.2, abductor_weakness=0.3, arch_collapse=0.33, pelvic_tilt_deg=13.0)\n"
                "q2 = biomech.simulate(**WOMAN, **_n).hka_deg - biomech.simulate(**WOMAN, **_c).hka_deg",
                number("q2"),
                "assert abs(q2) < 0.1",
            ),
            Question(
                "After five weeks of side-lying leg raises her hip strength is clearly higher. According to the "
                "trial discussed in the lesson (Palmer et al. 2015), does dynamic knee valgus reliably fall? Set `q3` "
                "to `True` or `False`.",
                "q3 = False",
                "assert isinstance(q3, bool), 'q3 must be True or False'",
                "assert q3 is False",
            ),
        ],
    ),
    "lesson_07": (
        "07 · Growing up",
        [
            Question(
                "At what age (in years) is the model's average child most knock-kneed? Use "
                "`population.developmental_band` on a grid of ages and store the age in `q1`.",
                "_ages = np.linspace(0.0, 12.0, 121)\n_mean, _sd = population.developmental_band(_ages)\n"
                "q1 = float(_ages[np.argmax(_mean)])",
                number("q1"),
                "import biomech.population as _p\n_g = np.linspace(0.0, 12.0, 121)\n"
                "assert abs(q1 - _g[np.argmax(_p.developmental_band(_g)[0])]) < 0.3",
            ),
            Question(
                "What share of simulated 7-year-old girls of median size have an ankle gap of 1 cm or more? Use "
                "`population.ankle_gap_prevalence(np.array([7.0]), threshold_mm=10.0, n=2000, seed=0)` and "
                "store the share in `q2`, in %.",
                "q2 = 100.0 * float(population.ankle_gap_prevalence(np.array([7.0]), threshold_mm=10.0, n=2000, "
                "seed=0)[0][0])",
                number("q2"),
                "import biomech.population as _p\n"
                "assert abs(q2 - 100.0 * float(_p.ankle_gap_prevalence(np.array([7.0]), threshold_mm=10.0, n=2000, "
                "seed=0)[0][0])) < 1.0",
            ),
            Question(
                "Two women of 1.65 m with the same bones weigh 55 kg and 100 kg. Who has the larger ankle gap with the "
                "knees together? Set `q3` to `'lighter'`, `'heavier'` or `'same'`.",
                "q3 = 'heavier'",
                choice("q3", ["lighter", "heavier", "same"]),
                "_g = biomech.simulate_many({'task': 'knees_together', 'height_m': 1.65, 'mass_kg': np.array([55.0, 100.0])})"
                "['intermalleolar_distance_mm']\n"
                "assert q3 == ('heavier' if _g[1] > _g[0] + 1 else ('lighter' if _g[0] > _g[1] + 1 else 'same'))",
            ),
        ],
    ),
}


def _meta(grade_id, *, solution=False, grade=False, locked=False, points=None):
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": False,
    }
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def build_notebook(lesson, title, questions):
    """One nbgrader source notebook for a lesson."""
    cells = [
        nbformat.v4.new_markdown_cell(
            f"# {title}: lesson checks\n\nAnswer each question in the cell below it, then run every cell "
            "(*Run → Run All Cells*). The test cells check the form of your answers; the grader compares them with "
            "the model. Do not change or delete the test cells.",
            metadata=_meta(f"{lesson}-intro", locked=True),
        ),
        nbformat.v4.new_code_cell(SETUP, metadata=_meta(f"{lesson}-setup", locked=True)),
    ]
    for number_, q in enumerate(questions, start=1):
        cells.append(
            nbformat.v4.new_markdown_cell(
                f"**Question {number_}.** {q.text}", metadata=_meta(f"{lesson}-q{number_}-text", locked=True)
            )
        )
        cells.append(
            nbformat.v4.new_code_cell(
                f"### BEGIN SOLUTION\n{q.solution}\n### END SOLUTION",
                metadata=_meta(f"{lesson}-q{number_}-answer", solution=True),
            )
        )
        cells.append(
            nbformat.v4.new_code_cell(
                f"{q.visible}\n### BEGIN HIDDEN TESTS\n{q.hidden}\n### END HIDDEN TESTS",
                metadata=_meta(f"{lesson}-q{number_}-test", grade=True, locked=True, points=q.points),
            )
        )
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    for number_, cell in enumerate(notebook.cells):
        cell.id = f"{lesson}-{number_:02d}"  # stable ids: a rebuild diffs cleanly
    return notebook


def render(lesson):
    """The source notebook of one lesson as JSON text."""
    title, questions = LESSONS[lesson]
    return nbformat.writes(build_notebook(lesson, title, questions)) + "\n"


def main():
    for lesson in LESSONS:
        path = SOURCE / lesson / NOTEBOOK
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(lesson))
        print(f"wrote {path.relative_to(ROOT.parent)}")


if __name__ == "__main__":
    main()
