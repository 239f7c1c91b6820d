"""The surgery planner widget (biomech.app.planner) and the films it draws."""

from __future__ import annotations

import numpy as np
import pytest

import biomech
from biomech import surgery
from biomech.app.planner import planner
from biomech.views import films, xray


def _trace(fig, name, film):
    return next(t for t in fig.data if t["name"] == f"{name} ({film})")


def _angle(u, v):
    return float(np.degrees(np.arccos(np.dot(u, v) / np.linalg.norm(u) / np.linalg.norm(v))))


def drawn_angles(fig, film, side="right"):
    """mLDFA, MPTA and HKA read off the drawn lines of one film (frontal plane)."""
    axes = _trace(fig, "mechanical axes (hip-knee, knee-ankle)", film)
    hip, knee, ankle = (np.array([axes["x"][i], axes["y"][i]]) for i in (0, 1, 4))
    femoral = _trace(fig, "femoral joint line", film)
    tibial = _trace(fig, "tibial plateau (medial to lateral edge)", film)
    f = np.array([femoral["x"][1] - femoral["x"][0], femoral["y"][1] - femoral["y"][0]])
    t = np.array([tibial["x"][1] - tibial["x"][0], tibial["y"][1] - tibial["y"][0]])
    lateral = 1.0 if side == "right" else -1.0
    u, v = knee - hip, ankle - knee
    hka = lateral * np.degrees(np.arctan2(u[0] * v[1] - u[1] * v[0], np.dot(u, v)))
    return _angle(hip - knee, f), _angle(ankle - knee, -t), float(hka)


def test_planner_builds_and_its_films_show_the_model_numbers():
    app = planner("varus_arthritis")
    assert len(app.figure.data) == 2 * len(xray.STATIC)
    for film, result in (("before", app.before), ("after", app.after)):
        mldfa, mpta, hka = drawn_angles(app.figure, film)
        assert mldfa == pytest.approx(result.mldfa_deg, abs=0.05)
        assert mpta == pytest.approx(result.mpta_deg, abs=0.05)
        assert hka == pytest.approx(result.hka_deg, abs=0.05)


def test_plan_button_reaches_the_target_and_redraws():
    app = planner("varus_arthritis")
    app.plan(target_wbl_pct=62.5)
    assert app.after.wbl_ratio_pct == pytest.approx(62.5, abs=1.0)
    assert app.controls["angle_deg"].value == pytest.approx(app.osteotomy.angle_deg)
    mldfa, mpta, hka = drawn_angles(app.figure, "after")
    assert mpta == pytest.approx(app.after.mpta_deg, abs=0.05) and hka == pytest.approx(app.after.hka_deg, abs=0.05)
    wedge = _trace(app.figure, "osteotomy", "after")
    assert wedge["visible"] and len(wedge["x"]) == 4
    assert "Miniaci" in app.notes.value and "Malalignment test before" in app.notes.value
    assert "Inner (medial) compartment, one leg" in app.table.value


def test_bad_plans_show_a_message_and_keep_the_last_valid_plan():
    app = planner("varus_arthritis")
    app.set(angle_deg=8.0)
    kept = (app.after.as_dict(), [dict(t) for t in app.figure.data])
    with pytest.raises(ValueError):
        app.set(angle_deg=19.5)
    assert "outside the 80 to 95 deg" in app.message.value and "last valid plan" in app.message.value
    assert app.after.as_dict() == kept[0] and app.controls["angle_deg"].value == 8.0
    with pytest.raises(ValueError):
        app.plan(target_wbl_pct=140.0)
    assert "target outside the plateau" in app.message.value
    # A widget event (a slider moved by hand) shows the message instead of raising.
    app.controls["angle_deg"].value = 19.5
    assert "outside the 80 to 95 deg" in app.message.value
    app.controls["angle_deg"].value = 6.0
    assert app.message.value == "" and app.osteotomy.angle_deg == 6.0


def test_guided_growth_for_a_child_and_refused_for_an_adult():
    app = planner("blount_infantile")
    assert app.controls["procedure"].value == "guided growth"
    app.months_to_typical()
    typical = float(biomech.subject.default_hka_deg(True, app.before.inputs["age_years"]))
    assert app.after.constitutional_hka_deg == pytest.approx(typical, abs=1e-6)
    assert app.growth.months == pytest.approx(abs(app.growth.correction_deg) / app.growth.rate_deg_per_month)
    assert "as long as the plates are in" in app.notes.value
    app.set(condition="varus_arthritis")
    app.controls["procedure"].value = "guided growth"
    assert "growth plates" in app.message.value


def test_every_condition_draws():
    for key in biomech.deformity.CONDITIONS:
        app = planner(key)
        for trace in app.figure.data:
            for axis in ("x", "y"):
                values = [v for v in trace.get(axis, []) or [] if v is not None]
                assert all(np.isfinite(values)), (key, trace["name"])


def test_film_wedge_sits_on_the_cut_bone():
    before = biomech.pose(mpta_deg=82.0)
    plan = surgery.osteotomy(before["result"], bone="tibia", wedge="opening", angle_deg=8.0)
    after = biomech.pose(**plan.after.inputs)
    wedge = films.wedge_outline(after, plan)
    knee = after["right"]["knee_center"]
    assert all(p[2] < knee[2] for p in wedge)  # below the knee on the tibia
    gap = np.linalg.norm(wedge[2] - wedge[1])
    assert gap == pytest.approx(plan.wedge_mm, rel=1e-6)
