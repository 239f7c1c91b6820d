"""A page everyone can use: an axe-core audit of the app, the clinic and a lesson in Voila,
and the explorer used from the keyboard, in words, in projector mode and zoomed.

axe-core (Deque's accessibility engine, the copy bundled with ``axe-playwright-python``,
run inside the page: nothing is fetched) audits each page as served by `make app` /
`make clinic` / Voila on a lesson, in a viewport tall enough that every part of the page
is in view (Voila scrolls inside its own panel, and axe cannot judge the contrast of text
scrolled out of view). The explorer's panels that open on demand (all readouts, the
"why" chart, the scene in words) are opened first, so that they are audited too. No
violation of impact "critical" or "serious" may remain; the others are printed.

The explorer (1280 x 800, as a projector or a laptop shows it):

* the title once, no authoring note; controls, both views, the load bar and the key
  readouts on one screen without scrolling;
* every control reachable with Tab in reading order (the plotly toolbars are not), each
  with a name and a focus ring of 3:1 or more against the page;
* toggles say whether they are pressed (``aria-pressed``); every figure has a name and a
  description; the scene in words is a live region, shown on request, and follows a
  slider; the 3-D view turns from the keyboard;
* projector mode: larger type and thicker lines;
* at 200 % zoom (a 640 x 400 CSS-pixel viewport) a control and the front view are on
  screen together.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

import biomech
from biomech.views import readouts

from .explorer_view import explorer_in, slider, wait_until_drawn
from .helpers import collect_error_outputs, open_voila_page, wait_until_page_idle

pytestmark = pytest.mark.browser

#: Kernel pools are not under test here; without them the three servers start lighter.
NO_POOL = ("--preheat_kernel=False",)
TALL = {"width": 1280, "height": 2600}
SCREEN = {"width": 1280, "height": 800}
BLOCKING = ("critical", "serious")
BONE = "Bone shape (±°)"


def audit(page) -> tuple[list[dict], str]:
    """axe-core's violations on the page, and a one-line-each summary of all of them."""
    violations = Axe().run(page, options={"resultTypes": ["violations"]}).response["violations"]
    summary = "\n".join(
        f"  {v['id']} ({v['impact']}): {len(v['nodes'])} x {v['help']}; e.g. "
        f"{v['nodes'][0]['target']} {v['nodes'][0]['html'][:120]}"
        for v in violations
    )
    return violations, summary


def assert_no_blocking_violations(page, where: str) -> None:
    violations, summary = audit(page)
    print(f"axe-core on {where}:\n{summary or '  no violations'}")
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], f"{where}: critical or serious accessibility violations:\n{summary}"


def toggle(scope, name: str):
    return scope.locator("button.widget-toggle-button", has_text=re.compile(rf"^\s*{re.escape(name)}\s*$"))


def open_app(voila_server, new_page, viewport):
    voila = voila_server("notebooks/explorer_app.ipynb", *NO_POOL)
    recorded = new_page()
    page = recorded.page
    page.set_viewport_size(viewport)
    open_voila_page(page, voila)
    explorer = explorer_in(page)
    wait_until_drawn(explorer)
    wait_until_page_idle(page)
    return recorded, page, explorer


def test_app_audit(voila_server, new_page, screenshot):
    recorded, page, explorer = open_app(voila_server, new_page, TALL)
    for name in ("Describe the scene", "All readouts", "Why? Each cause's share"):
        toggle(explorer, name).click()
    page.wait_for_function("() => [...document.querySelectorAll('.bm-plot .js-plotly-plot')].length >= 3")
    wait_until_page_idle(page)
    screenshot(page, "opened")
    assert_no_blocking_violations(page, "the explorer app")
    assert collect_error_outputs(page) == [] and recorded.record.console_errors == []


def test_clinic_audit(voila_server, new_page, screenshot):
    voila = voila_server("notebooks/clinic_app.ipynb", *NO_POOL)
    recorded = new_page()
    page = recorded.page
    page.set_viewport_size(TALL)
    open_voila_page(page, voila)
    case = page.locator(".bm-case").first
    case.wait_for(state="visible")
    case.get_by_text("Navicular drop test (3 min)", exact=True).click()
    case.get_by_role("button", name="Do the chosen tests").click()
    case.locator(".bm-results").filter(has_text="Navicular drop").wait_for()
    wait_until_page_idle(page)
    screenshot(page, "audited")
    assert_no_blocking_violations(page, "the clinic page (after one test)")
    # The rating buttons (none / mild / marked) say which one is pressed.
    pressed = page.locator(".bm-case .widget-toggle-button").evaluate_all(
        "buttons => buttons.map(b => b.getAttribute('aria-pressed'))"
    )
    assert pressed and set(pressed) <= {"true", "false"}, pressed
    assert collect_error_outputs(page) == [] and recorded.record.console_errors == []


def test_lesson_audit(voila_server, new_page):
    voila = voila_server("notebooks/00_start_here.ipynb", *NO_POOL)
    recorded = new_page()
    page = recorded.page
    page.set_viewport_size(TALL)
    open_voila_page(page, voila)
    wait_until_drawn(explorer_in(page))
    wait_until_page_idle(page)
    assert page.title() != "00_start_here" and "Start here" in page.title()
    assert_no_blocking_violations(page, "lesson 00 in Voila")
    assert collect_error_outputs(page) == []


# Everything the keyboard reaches, in Tab order: what it is and what it is called.
_FOCUS_JS = r"""
() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const name = el.getAttribute('aria-label') || el.textContent.replace(/\s+/g, ' ').trim().slice(0, 40);
  return {tag: el.tagName, role: el.getAttribute('role') || '', name, modebar: !!el.closest('.modebar'),
          outline: style.outlineStyle !== 'none' ? style.outlineColor : '', outlineWidth: style.outlineWidth};
}
"""


def _luminance(css_colour: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"\d+", css_colour)[:3])
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def inside(box, viewport) -> bool:
    return (
        box is not None
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= viewport["width"] + 1
        and box["y"] + box["height"] <= viewport["height"] + 1
    )


def test_explorer_by_keyboard_in_words_and_on_one_screen(voila_server, new_page, screenshot):
    recorded, page, explorer = open_app(voila_server, new_page, SCREEN)
    screenshot(page, "1280x800")

    # One screen: the title once, no authoring note, the main parts all in view.
    text = page.locator("#rendered_cells").inner_text()
    assert text.count("Knee valgus explorer") == 1 and "In JupyterLab" not in text
    for selector in (
        ".bm-area-controls .noUi-handle >> nth=0",
        ".bm-area-3d",
        ".bm-area-front",
        ".bm-bar",
        ".bm-keys",
        ".bm-area-controls select",
    ):
        box = page.locator(selector).first.bounding_box()
        assert inside(box, SCREEN), f"{selector} is not on the 1280 x 800 screen: {box}"

    # Tab through the page: every stop named, in reading order, with a visible ring; no toolbar.
    page.locator("body").click(position={"x": 2, "y": 2})
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(_FOCUS_JS))
    names = [s["name"] for s in stops]
    assert not any(s["modebar"] for s in stops), stops
    assert all(s["name"] for s in stops), stops
    order = [
        "Describe the scene",
        "Projector mode",
        "Reset",
        "Compare",
        "Adductor tightness",
        "Bone shape (±°)",
        "3-D view",
        "All readouts",
    ]
    positions = [next((i for i, n in enumerate(names) if n.startswith(want)), None) for want in order]
    assert None not in positions and positions == sorted(positions), list(zip(order, positions, names))
    for stop in stops:
        if stop["role"] == "slider" or stop["tag"] == "BUTTON":
            assert stop["outline"] and contrast(stop["outline"], "rgb(255, 255, 255)") >= 3.0, stop

    # Toggles say their state; the scene in words is a live region, shown on request.
    describe = toggle(explorer, "Describe the scene")
    assert describe.get_attribute("aria-pressed") == "false"
    live = explorer.locator(".bm-live")
    assert live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status"
    assert live.bounding_box()["width"] <= 1  # read out, not shown
    describe.click()
    page.wait_for_function("el => el.getAttribute('aria-pressed') === 'true'", arg=describe.element_handle())
    assert live.bounding_box()["width"] > 100
    assert live.inner_text().strip() == readouts.scene_text(biomech.simulate())

    # Every figure has a name and says what it shows; the description follows a slider.
    handle = slider(explorer, BONE).locator(".noUi-handle")
    assert handle.get_attribute("aria-label") == BONE
    handle.focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    bone = biomech.simulate().inputs["constitutional_hka_deg"] + 2.0
    words = readouts.scene_text(biomech.simulate(constitutional_hka_deg=bone))
    page.wait_for_function("([el, text]) => el.textContent.trim() === text", arg=[live.element_handle(), words])
    for figure in explorer.locator(".bm-plot").all():
        label = figure.get_attribute("aria-label") or ""
        assert figure.get_attribute("role") == "figure" and len(label) > 40, label
    page.wait_for_function(
        "([el, text]) => el.getAttribute('aria-label').includes(text)",
        arg=[explorer.locator(".bm-area-3d").element_handle(), words],
    )

    # The 3-D view turns from the keyboard, and Home brings it back.
    view3d = explorer.locator(".bm-area-3d")
    eye = "el => JSON.stringify(el.querySelector('.js-plotly-plot').layout.scene.camera.eye)"
    start = view3d.evaluate(eye)
    view3d.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"([el, start]) => ({eye})(el) !== start", arg=[view3d.element_handle(), start])
    page.keyboard.press("Home")
    page.wait_for_function(f"([el, start]) => ({eye})(el) === start", arg=[view3d.element_handle(), start])

    # Projector mode: larger type and thicker lines.
    projector = toggle(explorer, "Projector mode")
    width = "el => el.querySelector('.js-plotly-plot').data.find(t => t.name.startsWith('load line')).line.width"
    thin = view3d.evaluate(width)
    projector.click()
    page.wait_for_function(f"([el, thin]) => ({width})(el) >= 2 * thin", arg=[view3d.element_handle(), thin])
    assert projector.get_attribute("aria-pressed") == "true"
    assert "bm-projector" in explorer.get_attribute("class")
    assert float(page.locator(".bm-keys").evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 18
    screenshot(page, "projector")
    assert collect_error_outputs(page) == [] and recorded.record.console_errors == []


def test_explorer_at_200_percent_zoom(voila_server, new_page, screenshot):
    # 200 % zoom of a 1280 x 800 screen lays the page out in 640 x 400 CSS pixels.
    view = {"width": 640, "height": 400}
    recorded, page, explorer = open_app(voila_server, new_page, view)
    screenshot(page, "zoom-200")
    front = page.locator(".bm-area-front").bounding_box()
    controls = [
        h.bounding_box() for h in page.locator(".bm-area-controls .noUi-handle, .bm-area-controls select").all()
    ]
    assert inside(front, view), f"front view not on screen: {front}"
    assert any(inside(box, view) for box in controls), f"no control on screen with the front view: {controls}"
    assert recorded.record.console_errors == []
