"""Drive JupyterLab 4.6 and Voila 0.5 pages the way a learner would, and read the results.

Selectors are those of JupyterLab 4.6.6 / Voila 0.5.13 (checked in a real browser):

* the kernel status is ``.jp-Notebook-ExecutionIndicator[data-status]`` in the notebook
  toolbar (``idle``, ``busy``, ``starting``, ...);
* menus are ``.lm-MenuBar-itemLabel`` (the bar) and ``.lm-Menu-itemLabel`` (the items);
* a code cell's prompt is ``.jp-InputArea-prompt``: ``[ ]:`` before it ran, ``[*]:``
  while it runs or waits, ``[3]:`` afterwards;
* cells out of view are skipped by the renderer (``content-visibility: auto``), so text is
  read with ``textContent``: ``innerText`` (Playwright's ``inner_text``) is empty there;
* errors (tracebacks) and stderr both render as
  ``.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]``;
* a widget that cannot be shown (ipywidgets 8) renders as ``.jupyter-widgets-error-widget``
  with the text "Click to show javascript error." and logs the error to the console;
  "Error displaying widget" is the older wording, also looked for.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page

from .servers import Server

# First kernel start plus a notebook's run on a 2-core machine.
KERNEL_TIMEOUT_MS = 90_000
RUN_TIMEOUT_MS = 180_000

# Collects the text of every output that shows a failure. Runs in the page.
# textContent, not innerText: JupyterLab 4 renders off-screen cells with
# "content-visibility: auto", and innerText of a cell scrolled out of view is empty.
# stderr outputs count when they look like an exception (tracebacks; SyntaxError has no
# "Traceback" line) so that plain warnings printed to stderr do not fail a test.
_ERRORS_JS = r"""
() => {
  const failure = /Traceback|\b\w*(Error|Exception)\b/;
  const found = [];
  const seen = new Set();
  const add = (kind, el) => {
    if (seen.has(el)) return;
    seen.add(el);
    found.push(kind + ": " + el.textContent.trim());
  };
  document.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    .forEach(el => { if (failure.test(el.textContent)) add("stderr", el); });
  document.querySelectorAll('.jp-RenderedText')
    .forEach(el => {
      if (el.textContent.includes("Traceback")) add("output", el.closest('.jp-OutputArea-output') || el);
    });
  // ipywidgets 8: a widget whose model or view fails renders this box ("Click to show
  // javascript error."; the error itself goes to the console). Older failures say
  // "Error displaying widget".
  document.querySelectorAll('.jupyter-widgets-error-widget')
    .forEach(el => add("widget", el));
  document.querySelectorAll('.jp-OutputArea-output')
    .forEach(el => { if (el.textContent.includes("Error displaying widget")) add("widget", el); });
  // Voila, when a cell raises and tracebacks are hidden.
  document.querySelectorAll('.jp-OutputArea-output, pre')
    .forEach(el => { if (el.textContent.includes("There was an error when executing cell")) add("voila", el); });
  return found;
}
"""


# ---------------------------------------------------------------- JupyterLab


def lab_notebook_url(lab: Server, name: str, folder: str = "notebooks") -> str:
    """URL that opens ``<folder>/<name>`` (relative to the repository root) in JupyterLab.

    ``?reset`` empties the workspace first: the server keeps the last page's layout (open
    tabs) and would otherwise reopen an earlier test's notebooks, maybe deleted ones.
    """
    return lab.url(f"/lab/tree/{folder}/{name}?reset")


def open_lab_notebook(page: Page, lab: Server, name: str, folder: str = "notebooks") -> None:
    """Open ``<folder>/<name>`` in JupyterLab and wait until its kernel is idle."""
    page.goto(lab_notebook_url(lab, name, folder))
    page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(state="visible", timeout=KERNEL_TIMEOUT_MS)
    wait_for_kernel_idle(page)


# The open notebook's panel (other panels are hidden with .lm-mod-hidden).
_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
_PROMPTS = f"{_PANEL} .jp-CodeCell .jp-InputArea-prompt"


def wait_for_kernel_idle(page: Page, timeout_ms: int = KERNEL_TIMEOUT_MS) -> None:
    """Wait until the open notebook has a kernel and that kernel is idle.

    The toolbar indicator alone is not enough: it says ``idle`` before the kernel exists
    (kernel name "No Kernel"), then ``initializing``, then ``idle`` for real.
    """
    page.wait_for_function(
        """(panel) => {
          const p = document.querySelector(panel);
          const indicator = p && p.querySelector('.jp-Notebook-ExecutionIndicator');
          const name = p && p.querySelector('.jp-Toolbar-kernelName');
          const kernel = name ? name.textContent.trim() : '';
          return indicator && indicator.dataset.status === 'idle' && kernel !== '' && kernel !== 'No Kernel';
        }""",
        arg=_PANEL,
        timeout=timeout_ms,
    )


def click_menu(page: Page, menu: str, item: str) -> None:
    """Click ``menu`` in the menu bar, then ``item`` in the menu that opens (exact labels)."""
    page.locator(".lm-MenuBar-itemLabel").filter(has_text=_exact(menu)).first.click()
    page.locator(".lm-Menu-itemLabel").filter(has_text=_exact(item)).first.click()


def _exact(text: str) -> re.Pattern:
    """A regular expression that matches ``text`` as the element's whole label."""
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def clear_all_outputs(page: Page) -> None:
    """Edit > Clear Outputs of All Cells, and wait until every prompt is empty (``[ ]:``).

    The committed notebooks carry stored outputs and execution counts, so numbered prompts
    prove nothing unless they were cleared first. The change is not saved (the test
    server has autosave off).
    """
    click_menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(
        r"""(sel) => [...document.querySelectorAll(sel)].every(p => /^\[\s*\]:?$/.test(p.textContent.trim()))""",
        arg=_PROMPTS,
    )


def run_all_cells(page: Page, timeout_ms: int = RUN_TIMEOUT_MS) -> None:
    """Clear all outputs, run Run > Run All Cells, and wait until the run is over.

    The run is over when every code cell's prompt shows an execution count, or when
    JupyterLab stopped at a failing cell (no ``[*]`` left, some prompts still empty) and
    the kernel is idle. In the second case this raises AssertionError with the prompts
    and the error outputs, instead of waiting for a time-out.
    """
    clear_all_outputs(page)
    click_menu(page, "Run", "Run All Cells")
    page.wait_for_function(
        r"""(sel) => {
          const texts = [...document.querySelectorAll(sel)].map(p => p.textContent.trim());
          const numbered = texts.filter(t => /^\[\d+\]:?$/.test(t)).length;
          const running = texts.some(t => t.includes('*'));
          return texts.length > 0 && (numbered === texts.length || (numbered > 0 && !running));
        }""",
        arg=_PROMPTS,
        timeout=timeout_ms,
    )
    wait_for_kernel_idle(page, timeout_ms)
    prompts = cell_prompts(page)
    if not all(re.fullmatch(r"\[\d+\]:?", p.strip()) for p in prompts):
        errors = "\n".join(collect_error_outputs(page)) or "(no error output on the page)"
        raise AssertionError(f"Run All Cells stopped early; prompts: {prompts}\nerrors:\n{errors}")


def wait_for_all_prompts_numbered(page: Page, timeout_ms: int = RUN_TIMEOUT_MS) -> None:
    """Wait until every code cell of the open notebook shows ``[n]:`` (not ``[*]:``, not empty)."""
    page.wait_for_function(
        r"""(sel) => {
          const prompts = [...document.querySelectorAll(sel)];
          return prompts.length > 0 && prompts.every(p => /^\[\d+\]:?$/.test(p.textContent.trim()));
        }""",
        arg=_PROMPTS,
        timeout=timeout_ms,
    )


def cell_prompts(page: Page) -> list[str]:
    """The prompt text of every code cell, e.g. ``['[1]:', '[2]:', '[*]:']``."""
    return [text.strip() for text in page.locator(_PROMPTS).all_text_contents()]


def output_texts(page: Page) -> list[str]:
    """The text of every rendered output on the page (notebook outputs, Voila cells)."""
    return page.locator(".jp-OutputArea-output").all_text_contents()


def collect_error_outputs(page: Page) -> list[str]:
    """Every output that shows a failure: tracebacks, errors on stderr, broken widgets.

    Returns ``"<kind>: <text>"`` strings (kind is ``stderr``, ``output``, ``widget`` or
    ``voila``); an empty list means no error is on the page. Warnings on stderr are not
    errors. For a broken widget the reason is in the page's console errors
    (:attr:`~.pages.PageRecord.console_errors`).
    """
    return page.evaluate(_ERRORS_JS)


# ---------------------------------------------------------------- Voila

VOILA_RENDER_TIMEOUT_MS = 180_000


def open_voila_page(page: Page, voila: Server, path: str = "/") -> None:
    """Open a Voila page and wait until the notebook has run and every cell is shown.

    Voila streams the page while the kernel runs the notebook, then ``voila_finish()``
    shows ``#rendered_cells`` and removes the ``#loading`` spinner. Widgets are drawn
    after that; a test of a widget should wait for the widget's own selector.
    """
    page.goto(voila.url(path), timeout=VOILA_RENDER_TIMEOUT_MS)
    page.locator("#rendered_cells").wait_for(state="visible", timeout=VOILA_RENDER_TIMEOUT_MS)
    page.locator("#loading").wait_for(state="hidden", timeout=VOILA_RENDER_TIMEOUT_MS)


def wait_until_page_idle(page: Page, timeout_ms: int = VOILA_RENDER_TIMEOUT_MS) -> None:
    """Wait until the page makes no requests and its main thread is free again.

    Widget front ends (plotly.js in particular) run long scripts after the last request;
    errors they raise, such as time-outs of their own, surface only once the thread is
    free. Checking the page's record before that would miss them.
    """
    page.wait_for_load_state("networkidle", timeout=timeout_ms)
    # Resolves only after a frame was drawn and queued tasks ran, i.e. after long tasks.
    page.evaluate("() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)))")
    page.wait_for_load_state("networkidle", timeout=timeout_ms)
