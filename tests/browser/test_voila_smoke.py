"""The start notebook renders as a Voila app, in a real browser, with no internet.

Voila's stock "lab" template (0.5.13) makes the page request two stylesheets from the
jsDelivr CDN, Font Awesome 5's all.min.css and v4-shims.min.css (measured: the only
non-local requests of the page). Voila's own bundle already carries
Font Awesome, so the project serves notebooks with its own template
(tools/jupyter/voila/templates/biomech), which leaves those two links out. Hence the strict
check below: no request may leave the machine.
"""

from __future__ import annotations

import pytest

from .helpers import collect_error_outputs, open_voila_page, output_texts, wait_until_page_idle

pytestmark = pytest.mark.browser


def test_start_notebook_renders_in_voila(voila_server, new_page, screenshot):
    voila = voila_server("notebooks/00_start_here.ipynb")
    recorded = new_page()
    page = recorded.page

    open_voila_page(page, voila)
    # Let late requests (fonts, widget bundles) and widget scripts finish before judging.
    wait_until_page_idle(page)
    screenshot(page, "rendered")

    errors = collect_error_outputs(page)
    assert errors == [], "error outputs on the Voila page:\n" + "\n".join(errors)
    outputs = "\n".join(output_texts(page))
    assert "hka_deg" in outputs, f"the report table is not on the page; outputs:\n{outputs}"
    assert "fppa_deg" in outputs and "->" in outputs, "the 'switch on a cause' comparison is missing"
    record = recorded.record
    assert record.blocked == [], (
        "the Voila page asked for resources outside this machine (see this module's docstring):\n" + record.summary()
    )
    assert record.page_errors == [] and record.console_errors == [], (
        "JavaScript errors on the Voila page:\n" + record.summary()
    )
    assert record.failed_requests == [] and record.http_errors == [], record.summary()
