"""The virtual clinic without widgets: cases, examinations and their noise, the answer key,
scoring, the 2-D FPPA geometry and class sets (issue 11, "Must show")."""

from __future__ import annotations

import math
import struct

import numpy as np
import pytest

from biomech import growth, references, subject
from biomech.clinic import (
    CAUSES,
    EXAMS,
    LEVELS,
    OWN_TEST,
    RELIABILITY,
    TEACHING_ASSUMPTIONS,
    class_set,
    class_summary,
    dominant_from_readings,
    examine,
    fppa_from_points,
    image_info,
    make_cases,
    mdc95,
    rate_from_readings,
    read_records,
    render_squat,
    run_battery,
    save_record,
    score,
    true_readings,
)
from biomech.clinic.classroom import FIELDS, record_row
from biomech.clinic.examinations import normal_band, sem
from biomech.clinic.patients import DIFFICULTIES, DOMINANCE_MARGIN_DEG, has_clear_dominant_cause
from biomech.clinic.reasoning import informativeness
from biomech.clinic.rendering import MARKERS, MAX_MARKER_EFFECT_DEG

PERSON = ("sex", "height_m", "mass_kg", "age_years")


@pytest.fixture(scope="module")
def cases():
    """Cases of every difficulty, three seeds each (about 1 s to draw)."""
    return [c for difficulty in DIFFICULTIES for seed in (1, "class-A", 99) for c in make_cases(12, seed, difficulty)]


def readings_of(battery):
    out = {}
    for result in battery.values():
        out.update(result.values)
    return out


# --- cases ---------------------------------------------------------------------------


def test_cases_are_reproducible_by_seed():
    first, again, other = make_cases(6, seed=5), make_cases(6, seed=5), make_cases(6, seed=6)
    assert [c.inputs for c in first] == [c.inputs for c in again]
    assert [c.story() for c in first] == [c.story() for c in again]
    assert [c.inputs for c in first] != [c.inputs for c in other]


def test_cases_are_plausible(cases):
    for c in cases:
        assert len(c.active_causes) <= 3
        assert set(c.levels) == set(CAUSES) and set(c.levels.values()) <= set(LEVELS)
        assert has_clear_dominant_cause(c), c.case_id
    assert any(not c.active_causes for c in cases), "some patients are healthy"
    assert any(len(c.active_causes) >= 2 for c in cases) and any(c.is_child for c in cases)
    counts = {k: sum(c.levels[k] != "none" for c in cases) for k in CAUSES}
    assert all(counts.values()), counts  # every cause occurs


def test_causes_described_together_come_together(monkeypatch):
    """Weak abductors come with tight adductors more often than when the causes are picked
    with no correlation (the co-occurrence table is a teaching assumption)."""
    from biomech.clinic import patients

    def together_share():
        rng = np.random.default_rng(11)
        picks = [set(patients._pick_active(rng, 2, tuple(CAUSES))) for _ in range(4000)]
        return np.mean([{"abductor_weakness", "adductor_tightness"} <= p for p in picks])

    correlated = together_share()
    monkeypatch.setattr(patients, "CO_OCCURRENCE", np.eye(len(CAUSES)))
    assert correlated > 1.3 * together_share()


def test_children_have_age_appropriate_alignment_and_size(cases):
    children = [c for c in cases if c.is_child]
    assert children
    for c in children:
        i = c.inputs
        assert c.levels["constitutional_hka_deg"] == "none" and c.levels["hip_width_mm"] == "none"
        mean = subject.default_hka_deg(i["sex"] == "female", i["age_years"])
        assert abs(i["constitutional_hka_deg"] - mean) <= 2 * subject.developmental_sd_deg(i["age_years"])
        assert growth.first_impossible_child(i["sex"] == "female", i["age_years"], i["height_m"], i["mass_kg"]) is None


def test_the_dominant_cause_leads_clearly(cases):
    for c in cases:
        if c.dominant_cause is None:
            continue
        shares = sorted(c.breakdown["shares"].values(), reverse=True)
        assert c.dominant_cause in c.active_causes
        assert shares[0] - shares[1] >= DOMINANCE_MARGIN_DEG


# --- examinations ----------------------------------------------------------------------


def wilson_hilferty_z(sample_var, sigma, n):
    """z of (n-1) s^2 / sigma^2 under chi-square with n-1 degrees of freedom."""
    k = n - 1
    ratio = sample_var / sigma**2
    return (ratio ** (1 / 3) - (1 - 2 / (9 * k))) / math.sqrt(2 / (9 * k))


@pytest.mark.parametrize("exam", list(EXAMS))
def test_each_examinations_noise_matches_its_sem(exam):
    """Over 3000 draws (fixed seed) the readings' SD matches the stated SEM (chi-square
    test, |z| < 3.29, i.e. p > 0.001) and their mean the true value (z test)."""
    patient = make_cases(1, seed="noise", difficulty="hard")[0]
    # Away from the floors at zero (a knees-together gap and a navicular drop of a few mm).
    inputs = {**patient.inputs, "constitutional_hka_deg": 9.0, "arch_collapse": 0.8}
    truth = true_readings(inputs)
    rng = np.random.default_rng(20251)
    n = 3000
    draws = [examine(inputs, exam, rng) for _ in range(n)]
    for reading in EXAMS[exam].readings:
        values = np.array([d.values[reading] for d in draws])
        sigma = sem(reading, truth[reading], truth["plateau_width_mm"])
        if RELIABILITY.get(reading) is not None and RELIABILITY[reading].relative:
            sigma = RELIABILITY[reading].sem * truth[reading]
        z_var = wilson_hilferty_z(values.var(ddof=1), sigma, n)
        z_mean = (values.mean() - truth[reading]) / (sigma / math.sqrt(n))
        assert abs(z_var) < 3.29, (reading, values.std(ddof=1), sigma)
        assert abs(z_mean) < 3.29, (reading, values.mean(), truth[reading])


def test_every_error_has_a_source_or_is_a_listed_assumption():
    for name, r in RELIABILITY.items():
        if r.source is None:
            assert r.assumption and name in TEACHING_ASSUMPTIONS
        else:
            assert r.source in references.REFERENCES and name not in TEACHING_ASSUMPTIONS
    assert set(TEACHING_ASSUMPTIONS) == {"trunk_lean_deg", "hip_width_mm", "intermalleolar_distance_mm"}
    # Published values as the studies give them (SEM95 / 1.96 where they give a 95 % band).
    assert RELIABILITY["fppa_deg"].sem == 3.0 and RELIABILITY["pelvic_drop_deg"].sem == 2.0
    assert RELIABILITY["hka_deg"].sem == pytest.approx(1.39 / 1.96)


def test_every_reading_has_a_normal_range_and_a_unit():
    patient = make_cases(1, seed=3)[0]
    truth = true_readings(patient.inputs)
    for exam in EXAMS.values():
        assert exam.minutes > 0 and exam.how
        for reading in exam.readings:
            band = normal_band(reading, patient.inputs)
            assert band.low < band.high and band.basis
            assert np.isfinite(truth[reading])


def test_no_two_causes_are_indistinguishable():
    """Every cause moves its own test by more than that test's minimal detectable change,
    even when mild, and moves no other cause's own test by as much."""
    person = make_cases(1, seed="signature", difficulty="easy")[0].inputs
    base = {
        **person,
        "adductor_tightness": 0.0,
        "abductor_weakness": 0.0,
        "arch_collapse": 0.0,
        "compensation": "pelvic_drop",
    }
    from biomech.clinic.causes import typical_inputs

    base.update(typical_inputs(person["sex"], person["height_m"], person["age_years"]))
    healthy = true_readings(base)
    for cause in CAUSES:
        band = CAUSES[cause].bands["mild"]
        mild = true_readings({**base, cause: band.value(0.0, base[cause])})
        for other, (_, reading) in OWN_TEST.items():
            change = abs(mild[reading] - healthy[reading])
            limit = mdc95(sem(reading, healthy[reading], healthy["plateau_width_mm"]))
            if other == cause:
                assert change > limit, (cause, reading, change, limit)
            else:
                assert change < limit, (cause, "moves", reading, change, limit)


def test_noise_free_battery_identifies_each_cases_level_and_dominant_cause(cases):
    for c in cases:
        readings = readings_of(run_battery(c.inputs))
        assert rate_from_readings(readings, c.inputs) == c.levels, c.case_id
        compensation = "trunk_lean" if readings["trunk_lean_deg"] > 4.0 else "pelvic_drop"
        person = {k: c.inputs[k] for k in PERSON}
        assert dominant_from_readings(readings, person, compensation) == c.dominant_cause, c.case_id


def test_informative_tests_and_tests_within_noise():
    patient = next(c for c in make_cases(20, seed=4, difficulty="easy") if c.levels["arch_collapse"] == "marked")
    rows = informativeness(
        patient.inputs, [examine(patient.inputs, "navicular_drop"), examine(patient.inputs, "q_angle")]
    )
    verdicts = {r["reading"]: r["verdict"] for r in rows}
    assert verdicts["navicular_drop_mm"] == "finding"
    assert verdicts["q_angle_deg"] in ("hidden", "normal")


# --- scoring -----------------------------------------------------------------------------


def test_a_perfect_answer_scores_full_marks_and_random_answers_score_low(cases):
    rng = np.random.default_rng(0)
    for c in cases:
        assert score(c.levels, c.levels)[0] == 100.0
    random_scores = [score({k: LEVELS[rng.integers(3)] for k in CAUSES}, c.levels)[0] for c in cases for _ in range(5)]
    assert np.mean(random_scores) < 20.0
    all_none = [score({k: "none" for k in CAUSES}, c.levels)[0] for c in cases if c.active_causes]
    assert np.mean(all_none) < 75.0  # saying "nothing" is never full marks when something is there


def test_an_unrated_cause_is_named():
    with pytest.raises(ValueError, match="still unrated: Tight adductors"):
        score({k: "none" for k in list(CAUSES)[1:]}, {k: "none" for k in CAUSES})


# --- the FPPA tool ------------------------------------------------------------------------


def test_fppa_geometry_is_exact_for_given_points():
    # Knee 10 px toward the viewer's right (medial for a right leg seen from the front).
    expected = 2 * math.degrees(math.atan2(10, 100))
    assert fppa_from_points((0, 0), (10, 100), (0, 200)) == pytest.approx(expected, abs=1e-12)
    assert fppa_from_points((0, 0), (10, 100), (0, 200), side="left") == pytest.approx(-expected, abs=1e-12)
    assert fppa_from_points((0, 0), (10, 100), (0, 200), mirrored=True) == pytest.approx(-expected, abs=1e-12)
    assert fppa_from_points((5, 5), (5, 105), (5, 205)) == 0.0
    with pytest.raises(ValueError, match="same"):
        fppa_from_points((0, 0), (0, 0), (0, 10))


def test_clicking_the_rendered_markers_gives_the_models_fppa(cases):
    for c in cases[::4]:
        frame = render_squat(c.inputs, seed=7)
        on_bone = fppa_from_points(*(frame.landmarks[m] for m in MARKERS))
        assert on_bone == pytest.approx(frame.fppa_deg, abs=1e-6)
        assert abs(frame.marker_fppa() - frame.fppa_deg) <= MAX_MARKER_EFFECT_DEG + 1e-9 < 1.0
        # Pixel-rounded clicks (what a mouse gives) stay within 1 deg too.
        rounded = [tuple(round(x) for x in frame.markers[m]) for m in MARKERS]
        assert abs(fppa_from_points(*rounded) - frame.fppa_deg) < 1.0
        assert frame.svg.startswith("<svg") and "http://www.w3.org/2000/svg" in frame.svg


def test_image_types_are_read_from_their_headers():
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">II", 640, 480) + b"\x08\x02\0\0\0"
    gif = b"GIF89a" + struct.pack("<HH", 30, 20) + b"\0" * 10
    jpeg = (
        b"\xff\xd8\xff\xe0"
        + struct.pack(">H", 16)
        + b"JFIF\0"
        + b"\0" * 9
        + b"\xff\xc0"
        + struct.pack(">HBHHB", 17, 8, 300, 200, 3)
        + b"\0" * 9
    )
    webp = b"RIFF" + b"\0" * 4 + b"WEBPVP8X" + b"\0" * 8 + (99).to_bytes(3, "little") + (49).to_bytes(3, "little")
    assert image_info(png) == ("image/png", 640, 480)
    assert image_info(gif) == ("image/gif", 30, 20)
    assert image_info(jpeg) == ("image/jpeg", 200, 300)
    assert image_info(webp) == ("image/webp", 100, 50)
    for bad in (b"", b"hello, this is a text file", b"%PDF-1.7" + b"\0" * 40, None):
        with pytest.raises(ValueError, match="not a picture"):
            image_info(bad)


# --- class sets ----------------------------------------------------------------------------


def test_class_sets_give_each_student_different_reproducible_patients():
    sets = class_set(["Ana", "Ben", "Chen"], cases_each=3, seed="physio-2025")
    ids = [c.case_id for cases in sets.values() for c in cases]
    inputs = [tuple(sorted(c.inputs.items())) for cases in sets.values() for c in cases]
    assert len(set(inputs)) == len(inputs) == 9 and len(set(ids)) == 9
    again = class_set(["Ana", "Ben", "Chen"], cases_each=3, seed="physio-2025")
    assert [c.inputs for c in again["Ben"]] == [c.inputs for c in sets["Ben"]]
    for bad in ([], ["Ana", "Ana"], ["Ana", " "]):
        with pytest.raises(ValueError):
            class_set(bad, 2, seed=1)


def test_records_csv_and_class_summary(tmp_path):
    path = tmp_path / "records" / "answers.csv"
    patients = make_cases(6, seed="summary", difficulty="standard")
    for i, p in enumerate(patients):
        ratings = dict(p.levels) if i % 2 else {k: "none" for k in CAUSES}
        total, _ = score(ratings, p.levels)
        save_record(
            path,
            record_row(
                patient=p,
                ratings=ratings,
                score=total,
                student=f"S{i % 2}",
                reasoning="=HYPERLINK('x')" if i == 0 else "flat feet, weak hips",
            ),
        )
    rows = read_records(path)
    assert len(rows) == 6 and list(rows[0]) == list(FIELDS)
    assert rows[0]["reasoning"].startswith("'=")  # never a spreadsheet formula
    summary = class_summary(rows)
    assert summary["cases"] == 6 and summary["students"]["S1"] == 100.0
    missed = [c["missed_share"] for c in summary["causes"]]
    assert missed == sorted(missed, reverse=True)
    assert sum(c["missed"] for c in summary["causes"]) == sum(len(p.active_causes) for p in patients[::2])


# --- serving -----------------------------------------------------------------------------


def test_make_clinic_serves_like_make_app():
    """`make clinic` starts Voila exactly as `make app` does (loopback, token, the project's
    template and kernel options), on the clinic page and its own port."""
    import os
    import re
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}

    def dry_run(target):
        out = subprocess.run(
            ["make", "-n", "-o", ".venv/.installed-stamp", target],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return out.replace("\\\n", " ").split()

    app, clinic = dry_run("app"), dry_run("clinic")
    assert "notebooks/clinic_app.ipynb" in clinic and "--Voila.ip=127.0.0.1" in clinic and "--token" in clinic
    differ = [(a, c) for a, c in zip(app, clinic) if a != c]
    assert len(app) == len(clinic) and len(differ) == 2, differ  # the notebook and the port only
    assert differ[0] == ("notebooks/explorer_app.ipynb", "notebooks/clinic_app.ipynb")
    assert re.fullmatch(r"--port=\d+", differ[1][1]) and differ[1][0] != differ[1][1]
