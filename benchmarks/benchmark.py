"""Speed figures for the knee-valgus model.

Run from the repository root::

    python benchmarks/benchmark.py              # every section
    python benchmarks/benchmark.py --only simulate_many sympy

Prints figures with units and the goals beside them; it never fails on a slow result
(timings depend on the machine, so this is a report, not a test).

Sections are plain functions registered in ``SECTIONS``; each returns a list of
``Figure`` rows. To add one (for example the explorer's slider-to-views time), write a
function ``bench_<name>() -> list[Figure]`` and append it to ``SECTIONS``.
"""

from __future__ import annotations

import os

# One core: keep any threaded numpy back end to one thread (set before numpy loads).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

import biomech  # noqa: E402
from biomech import TASKS  # noqa: E402

COLD_START_RUNS = 5
SIMULATE_CALLS = 2000
MANY_ROWS = 100_000
MANY_RUNS = 7
SYMPY_ROWS = 20

FK_CALLS = 2000
UNCERTAINTY_DRAWS = 1000
UNCERTAINTY_RUNS = 15

GOAL_COLD_START_S = 1.0
GOAL_SIMULATE_MS = 0.1
GOAL_FK_MS = 0.03
GOAL_ROWS_PER_S = 1_000_000
GOAL_UNCERTAINTY_MS = 50.0


@dataclass
class Figure:
    """One printed line: label, value, unit, and optionally a goal ("<=" or ">=" a number)."""

    label: str
    value: float
    unit: str
    goal: float | None = None
    better: str = "<="  # "<=": lower is better; ">=": higher is better
    note: str = ""

    def line(self) -> str:
        value = f"{self.value:,.4g}" if abs(self.value) < 1000 else f"{self.value:,.0f}"
        text = f"  {self.label:<66s} {value:>11s} {self.unit:<6s}"
        if self.goal is not None:
            met = self.value <= self.goal if self.better == "<=" else self.value >= self.goal
            goal = f"{self.goal:,.4g}" if abs(self.goal) < 1000 else f"{self.goal:,.0f}"
            text += f" goal {self.better} {goal} {self.unit}: {'met' if met else 'NOT met'}"
        if self.note:
            text += f"  ({self.note})"
        return text


def pin_to_one_core():
    """Pin this process to one CPU where the OS allows it (Linux); return a description."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity on this OS)"


# --- (a) cold start ------------------------------------------------------------------------


def bench_cold_start() -> list[Figure]:
    """New Python process: import biomech and get the first answer, wall time."""
    cmd = [sys.executable, "-c", "import biomech; biomech.simulate()"]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)  # warm the OS file cache and .pyc files
    times = []
    for _ in range(COLD_START_RUNS):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, env=env, check=True)
        times.append(time.perf_counter() - t0)
    bare = []
    for _ in range(COLD_START_RUNS):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], cwd=ROOT, env=env, check=True)
        bare.append(time.perf_counter() - t0)
    return [
        Figure(
            f"cold start to first answer (median of {COLD_START_RUNS} processes)",
            statistics.median(times),
            "s",
            GOAL_COLD_START_S,
            "<=",
            f"min {min(times):.3f} s, max {max(times):.3f} s",
        ),
        Figure("  of which a bare Python start-up", statistics.median(bare), "s"),
    ]


# --- (b) one simulate call -----------------------------------------------------------------


def bench_simulate() -> list[Figure]:
    """Median time of one ``simulate`` call (a slider move: a single-leg squat with causes,
    one input changing between calls)."""
    kwargs = dict(
        sex="female",
        height_m=1.65,
        mass_kg=60.0,
        age_years=25.0,
        task="single_leg_squat",
        knee_flexion_deg=45.0,
        adductor_tightness=0.2,
        abductor_weakness=0.3,
        pelvic_tilt_deg=15.0,
    )
    return [
        _one_call_figure(
            "simulate(): one call",
            lambda v: biomech.simulate(**kwargs, arch_collapse=v),
            np.linspace(0.0, 1.0, 101),
            SIMULATE_CALLS,
            GOAL_SIMULATE_MS,
            digits=3,
        )
    ]


def _one_call_figure(label, call, values, calls, goal_ms, digits) -> Figure:
    """Median time [ms] of ``call(v)``, ``v`` cycling through ``values`` (a slider moving),
    after a warm-up over half of them; p10 and p90 beside it."""
    for v in values[: len(values) // 2]:
        call(float(v))
    times = []
    for i in range(calls):
        v = float(values[i % len(values)])
        t0 = time.perf_counter()
        call(v)
        times.append(time.perf_counter() - t0)
    times_ms = np.array(times) * 1e3
    p10, p90 = np.percentile(times_ms, 10), np.percentile(times_ms, 90)
    return Figure(
        f"{label} (median of {calls})",
        float(np.median(times_ms)),
        "ms",
        goal_ms,
        "<=",
        f"p10 {p10:.{digits}f}, p90 {p90:.{digits}f} ms",
    )


# --- (c) simulate_many throughput ----------------------------------------------------------


def squat_table(n, seed=1):
    """n rows of single-leg squats: all five causes and knee flexion random (seeded)."""
    rng = np.random.default_rng(seed)
    return {
        "task": "single_leg_squat",
        "knee_flexion_deg": rng.uniform(*TASKS["single_leg_squat"].knee_flexion_range_deg, n),
        "adductor_tightness": rng.uniform(0.0, 1.0, n),
        "abductor_weakness": rng.uniform(0.0, 1.0, n),
        "arch_collapse": rng.uniform(0.0, 1.0, n),
        "hip_width_mm": rng.uniform(150.0, 230.0, n),
        "pelvic_tilt_deg": rng.uniform(0.0, 30.0, n),
    }


def mixed_table(n, seed=2):
    """The same causes over all six tasks, knee flexion inside each row's task range."""
    rng = np.random.default_rng(seed)
    table = squat_table(n, seed)
    tasks = np.array(biomech.TASK_NAMES)[rng.integers(0, len(biomech.TASK_NAMES), n)]
    low = np.array([TASKS[t].knee_flexion_range_deg[0] for t in tasks])
    high = np.array([TASKS[t].knee_flexion_range_deg[1] for t in tasks])
    table.update(task=tasks, knee_flexion_deg=low + rng.random(n) * (high - low))
    return table


def _rows_per_second(table, n, runs=MANY_RUNS):
    biomech.simulate_many(table)  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        biomech.simulate_many(table)
        times.append(time.perf_counter() - t0)
    return n / statistics.median(times)


def bench_simulate_many() -> list[Figure]:
    squat = _rows_per_second(squat_table(MANY_ROWS), MANY_ROWS)
    mixed = _rows_per_second(mixed_table(MANY_ROWS), MANY_ROWS)
    return [
        Figure(
            f"simulate_many(): {MANY_ROWS:,} single-leg-squat rows, 5 causes + flexion",
            squat,
            "rows/s",
            GOAL_ROWS_PER_S,
            ">=",
            f"median of {MANY_RUNS} runs",
        ),
        Figure(
            f"simulate_many(): {MANY_ROWS:,} rows mixing all six tasks",
            mixed,
            "rows/s",
            GOAL_ROWS_PER_S,
            ">=",
            f"median of {MANY_RUNS} runs",
        ),
    ]


# --- (c2) one forward_kinematics pose and uncertainty(n=1000) -----------------------------


def bench_forward_kinematics() -> list[Figure]:
    """Median time of one ``forward_kinematics`` pose (plain numbers in, one knee flexion
    changing between calls)."""
    kwargs = dict(
        pelvic_tilt_deg=12.0,
        hip_flexion_deg=30.0,
        hip_adduction_deg=5.0,
        hip_internal_rotation_deg=4.0,
        knee_abduction_deg=3.0,
        tibial_internal_rotation_deg=2.0,
        sex="female",
        height_m=1.65,
    )
    return [
        _one_call_figure(
            "forward_kinematics(): one pose",
            lambda v: biomech.forward_kinematics(**kwargs, knee_flexion_deg=v),
            np.linspace(0.0, 90.0, 101),
            FK_CALLS,
            GOAL_FK_MS,
            digits=4,
        )
    ]


def bench_uncertainty() -> list[Figure]:
    """Median time of ``uncertainty(n=1000)`` for one person (a single-leg squat with
    causes): one simulate() and one simulate_many() over the coefficient draws."""
    kwargs = dict(task="single_leg_squat", knee_flexion_deg=45.0, abductor_weakness=0.3, arch_collapse=0.4)
    biomech.uncertainty(n=UNCERTAINTY_DRAWS, **kwargs)  # warm-up
    times = []
    for seed in range(UNCERTAINTY_RUNS):
        t0 = time.perf_counter()
        biomech.uncertainty(n=UNCERTAINTY_DRAWS, seed=seed, **kwargs)
        times.append(time.perf_counter() - t0)
    times_ms = np.array(times) * 1e3
    return [
        Figure(
            f"uncertainty(n={UNCERTAINTY_DRAWS}): one call (median of {UNCERTAINTY_RUNS})",
            float(np.median(times_ms)),
            "ms",
            GOAL_UNCERTAINTY_MS,
            "<=",
            f"min {times_ms.min():.1f}, max {times_ms.max():.1f} ms",
        )
    ]


# --- (d) generated code vs naive sympy substitution ----------------------------------------

CHAIN_POINTS = ("hip_center", "knee_center", "ankle_center", "asis", "patella", "tibial_tubercle", "femoral_shaft_top")


def _chain_inputs(n, seed=3):
    """n random joint-angle sets [deg] and the default woman's geometry."""
    from biomech import subject
    from biomech.kinematics import chain

    rng = np.random.default_rng(seed)
    angles = {k: rng.uniform(-30.0, 30.0, n) for k in chain.ANGLE_KEYS}
    angles["knee_flexion"] = rng.uniform(0.0, 90.0, n)
    geom = subject.anthropometry(True, 1.65, 60.0, float(subject.default_hip_width_mm(True, 1.65)), 25.0)
    return angles, geom


def bench_sympy() -> list[Figure]:
    """The chain's landmark coordinates (7 points x 3) for the same poses: naive sympy
    ``subs`` + ``evalf`` per row, against the generated numpy functions on whole arrays."""
    from biomech.kinematics import chain, derivation

    exprs = [derivation.landmarks()[p][i] for p in CHAIN_POINTS for i in range(3)]  # build (cached) first
    angles, geom = _chain_inputs(SYMPY_ROWS)
    sym_geom = {
        s: (np.radians(geom["ama_deg"]) if s is derivation.ama else float(geom[s.name]))
        for s in derivation.GEOMETRY_SYMBOLS
    }
    t0 = time.perf_counter()
    naive = []
    for j in range(SYMPY_ROWS):
        subs = dict(sym_geom)
        subs.update({s: float(np.radians(angles[s.name][j])) for s in derivation.ANGLE_SYMBOLS})
        naive.append([float(e.subs(subs).evalf()) for e in exprs])
    per_row = (time.perf_counter() - t0) / SYMPY_ROWS
    naive_rate = 1.0 / per_row

    # Same poses through the generated code: check agreement, then time a large table.
    pts = chain.evaluate(chain.sincos(angles), geom)
    generated = np.array([np.broadcast_to(pts[p][i], (SYMPY_ROWS,)) for p in CHAIN_POINTS for i in range(3)]).T
    worst = float(np.max(np.abs(generated - np.array(naive))))

    big_angles, _ = _chain_inputs(MANY_ROWS, seed=4)
    chain.evaluate(chain.sincos(big_angles), geom)  # warm-up
    times = []
    for _ in range(MANY_RUNS):
        t0 = time.perf_counter()
        chain.evaluate(chain.sincos(big_angles), geom)
        times.append(time.perf_counter() - t0)
    gen_rate = MANY_ROWS / statistics.median(times)
    return [
        Figure(f"sympy subs+evalf: chain landmarks, per row (mean of {SYMPY_ROWS})", per_row * 1e3, "ms"),
        Figure("sympy subs+evalf: extrapolated throughput", naive_rate, "rows/s"),
        Figure(
            f"generated numpy code: same landmarks, {MANY_ROWS:,} rows",
            gen_rate,
            "rows/s",
            note=f"incl. sines/cosines; max difference from sympy {worst:.1e} mm",
        ),
        Figure("speed-up of the generated code over sympy substitution", gen_rate / naive_rate, "x"),
    ]


EXPLORER_CHANGES = 100
GOAL_SLIDER_MS = 20.0
GOAL_NOTEBOOKS_S = 60.0


def bench_explorer() -> list[Figure]:
    """Slider change -> every view updated, on the Python side (model run, attribution,
    3-D, front view, waterfall and readouts), median over 100 changes of cause sliders."""
    from biomech.app import explorer

    t0 = time.perf_counter()
    app = explorer(task="single_leg_squat")
    build_s = time.perf_counter() - t0
    sliders = ("arch_collapse", "abductor_weakness", "adductor_tightness", "pelvic_tilt_offset_deg")
    times = []
    for i in range(EXPLORER_CHANGES):
        slider = app.controls[sliders[i % len(sliders)]]
        value = slider.min + (slider.max - slider.min) * ((i * 0.137) % 1.0)
        t0 = time.perf_counter()
        slider.value = value
        times.append(time.perf_counter() - t0)
    times_ms = np.array(times) * 1e3
    return [
        Figure("explorer: build (first one in the process, incl. plotly widgets)", build_s, "s"),
        Figure(
            f"explorer: slider change -> all views updated (median of {EXPLORER_CHANGES})",
            float(np.median(times_ms)),
            "ms",
            GOAL_SLIDER_MS,
            note=f"p90 {np.percentile(times_ms, 90):.1f} ms",
        ),
    ]


def bench_notebooks() -> list[Figure]:
    """Every lesson executed top to bottom in a fresh kernel, as `make notebooks` does
    (nothing is written)."""
    import jupytext
    from nbclient import NotebookClient

    figures, total = [], 0.0
    for source in sorted((ROOT / "notebooks" / "src").glob("[0-9][0-9]_*.py")):
        nb = jupytext.read(source)
        t0 = time.perf_counter()
        NotebookClient(
            nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
        ).execute()
        seconds = time.perf_counter() - t0
        total += seconds
        figures.append(Figure(f"notebook {source.stem}", seconds, "s"))
    figures.append(Figure("all lesson notebooks together (kernel start-up included)", total, "s", GOAL_NOTEBOOKS_S))
    return figures


#: (name, title, function) in run order. Append new sections here.
SECTIONS = [
    ("cold_start", "(a) Cold start", bench_cold_start),
    ("simulate", "(b) One simulate() call", bench_simulate),
    ("simulate_many", "(c) simulate_many() throughput", bench_simulate_many),
    ("forward_kinematics", "(c2) One forward_kinematics() pose", bench_forward_kinematics),
    ("uncertainty", "(c3) uncertainty(n=1000)", bench_uncertainty),
    ("sympy", "(d) Generated code vs naive sympy substitution", bench_sympy),
    ("explorer", "(e) Explorer, Python side", bench_explorer),
    ("notebooks", "(f) Lesson notebooks", bench_notebooks),
]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=[name for name, _, _ in SECTIONS], help="run only these sections")
    args = parser.parse_args(argv)
    pinned = pin_to_one_core()
    print(
        f"biomech {biomech.__version__} benchmark | Python {sys.version.split()[0]}, numpy {np.__version__} | "
        f"{os.cpu_count()} CPUs, {pinned}"
    )
    for name, title, func in SECTIONS:
        if args.only and name not in args.only:
            continue
        print(title)
        for fig in func():
            print(fig.line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
