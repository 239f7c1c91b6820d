"""Lessons as teaching material (issue 10): a learner predicts before any answer is on the
page, reads at most about 1,200 words per lesson, meets no undefined term, no code names in
printed tables and no test markers, and every lesson ends with a summary and a way on.

The stored notebooks are what a learner opens: their outputs and markdown must not give a
prediction away. The predictions themselves are pressed here too (in this process, with
the lesson's own code): the model's answer must be computable, the reveal must show it
without an error, and every claim a reveal makes about the model must still hold.

``python tests/test_lessons.py --write-references`` rewrites notebooks/references.md from
biomech/references.py.
"""

from __future__ import annotations

import ast
import functools
import os
import re
import sys
from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
GLOSSARY = NOTEBOOKS / "glossary.md"
REFERENCES_MD = NOTEBOOKS / "references.md"
LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))

#: "About 1,200 words of prose at most" (notebooks/AUTHORING.md): the test allows that "about".
MAX_PROSE_WORDS = 1250
#: Sentences "under about 25 words": at most this share may run longer, none past LONGEST.
LONG_SENTENCE_WORDS, MAX_LONG_SHARE, LONGEST = 25, 0.12, 40
READING_WORDS_PER_MINUTE = 150

WORD = re.compile(r"[A-Za-z0-9]+(?:['’\-.][A-Za-z0-9]+)*")
LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
SNAKE = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")


def ids(path):
    return path.stem


@functools.cache
def notebook(path):
    return jupytext.read(path)


def tags(cell):
    return cell.metadata.get("tags", [])


def markdown(path):
    """All markdown cells of a lesson, joined."""
    return "\n\n".join(c.source for c in notebook(path).cells if c.cell_type == "markdown")


def prose(text):
    """Markdown as read: link targets, code, maths, HTML and table rules removed."""
    text = LINK.sub(r"\1", text)
    text = re.sub(r"\$\$.*?\$\$|\$[^$\n]*\$", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`|<[^>]+>", " ", text)
    text = re.sub(r"^\s*\|?\s*-{3,}.*$", " ", text, flags=re.M)
    return text.replace("**", "").replace("*", "")


def prose_words(path):
    return len(WORD.findall(prose(markdown(path))))


def sentences(path):
    """Sentences of the body text (headings and table rows left out), each as its words."""
    body = "\n".join(line for line in prose(markdown(path)).splitlines() if not line.lstrip().startswith(("#", "|")))
    parts = re.split(r"(?<=[.!?:;])\s+(?=[A-Z(\"'*-])|\n\s*\n|\n\s*-\s", body)
    return [WORD.findall(p) for p in parts if WORD.findall(p)]


def stored_outputs(path):
    """(cell index, text) of every stored output of the committed notebook."""
    out = []
    for i, cell in enumerate(notebook(path).cells):
        for output in cell.get("outputs", []):
            text = "".join(output.get("text", "")) + "".join(
                "".join(v) if isinstance(v, list) else str(v) for v in output.get("data", {}).values()
            )
            out.append((i, text))
    return out


def normal(text):
    return re.sub(r"\s+", " ", text).strip().lower()


# ---------------------------------------------------------------- the Predict cells as written


def predict_calls(path):
    """(cell index, keyword arguments given as literals) of every ``Predict(...)`` call; the
    question (its first argument) is under the key "question"."""
    calls = []
    for i, cell in enumerate(notebook(path).cells):
        if cell.cell_type != "code" or "Predict(" not in cell.source:
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Predict":
                literals = {"question": ast.literal_eval(node.args[0]) if node.args else None}
                for keyword in node.keywords:
                    try:
                        literals[keyword.arg] = ast.literal_eval(keyword.value)
                    except ValueError:
                        literals[keyword.arg] = None  # computed (a function): checked when pressed
                calls.append((i, literals))
    return calls


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_each_lesson_predicts_twice_and_ends_with_a_summary_and_a_next_link(path):
    calls = predict_calls(path)
    assert len(calls) >= 2, f"{path.name}: {len(calls)} Predict cells; a lesson needs at least two"
    for i, _ in calls:
        cell = notebook(path).cells[i]
        assert "predict" in tags(cell), f"{path.name} cell {i}: tag a Predict cell 'predict'"
        assert cell.metadata.get("jupyter", {}).get("source_hidden"), (
            f"{path.name} cell {i}: the Predict cell's code holds the answer; hide it (source_hidden)"
        )
    text = markdown(path)
    assert re.search(r"^## Summary\s*$", text, re.M), f"{path.name}: no '## Summary' section"
    summary = text.split("## Summary", 1)[1].split("**Next:**", 1)[0]
    lines = [line for line in summary.strip().splitlines() if line.strip()]
    assert 1 <= len(lines) <= 3, f"{path.name}: the summary should be two lines, found {lines}"
    nxt = re.search(r"\*\*Next:\*\*.*?\]\(([^)#]+)", text)
    assert nxt, f"{path.name}: no '**Next:**' link"
    assert (NOTEBOOKS / nxt.group(1)).exists(), f"{path.name}: the Next link points at a missing {nxt.group(1)}"
    assert "explain in your own words" in text.lower(), f"{path.name}: no 'explain in your own words' box"
    assert "learning goals" in text.lower()


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_stored_notebooks_show_questions_never_answers(path):
    """Nothing stored (outputs, markdown) gives a prediction's answer or explanation away."""
    outputs = stored_outputs(path)
    all_outputs = normal(" ".join(text for _, text in outputs))
    md = normal(markdown(path))
    for i, literals in predict_calls(path):
        assert not notebook(path).cells[i].get("outputs"), f"{path.name} cell {i}: a Predict cell stores output"
        secrets = [literals.get("explanation")] + list((literals.get("why_tempting") or {}).values())
        for secret in filter(None, secrets):
            probe = normal(secret)[:70]
            assert probe not in all_outputs, f"{path.name}: a stored output shows the reveal text {probe!r}"
            assert probe not in md, f"{path.name}: the markdown shows the reveal text {probe!r}"
        answer = literals.get("answer")
        if isinstance(answer, str) and not literals.get("number"):
            assert normal(answer) not in all_outputs, f"{path.name}: a stored output shows the answer {answer!r}"
        if literals.get("number"):
            # The model's number, as a table would print it, appears in no output after the question.
            _, widgets = lesson_widgets(path)
            value = next(p for p in widgets if p.question == literals["question"]).expected()
            shown = re.compile(rf"(?<![\d.]){abs(value):.1f}(?!\d)")
            later = " ".join(text for j, text in outputs if j > i)
            assert not shown.search(later), f"{path.name}: a stored output after the question shows {value:.1f}"


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_no_test_markers_no_code_names_and_hidden_helpers(path):
    cells = notebook(path).cells
    code = [c for c in cells if c.cell_type == "code"]
    assert "setup" in tags(code[0]) and code[0].metadata.get("jupyter", {}).get("source_hidden"), (
        f"{path.name}: the first code cell is the collapsed set-up cell (tag 'setup', source hidden)"
    )
    assert any("nbval-check-output" in tags(c) for c in code), f"{path.name}: no number is checked by nbval"
    for i, cell in enumerate(cells):
        assert "NBVAL_" not in cell.source, f"{path.name} cell {i}: an nbval marker is visible; use a cell tag"
        if cell.cell_type == "code" and re.search(r"\b(ChoiceCheck|NumberCheck|StateCheck)\(", cell.source):
            assert cell.metadata.get("jupyter", {}).get("source_hidden"), (
                f"{path.name} cell {i}: a self-check's code holds its answer; hide it"
            )
        if "code-names" in tags(cell):
            continue  # lesson 00 shows, once, how the readouts are named in code
        for output in cell.get("outputs", []):
            found = SNAKE.findall("".join(output.get("text", "")))
            assert not found, f"{path.name} cell {i}: code names in a printed table {found}; print plain labels"
    text = markdown(path)
    for name in ("ABDUCTOR_GIVE_WAY_USE", "report.compare", "biomech.causes", "PMC"):
        assert name not in prose(text), f"{path.name}: internal name or bare id {name!r} in the prose"


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_prose_is_short_and_the_time_is_realistic(path):
    words = prose_words(path)
    assert words <= MAX_PROSE_WORDS, f"{path.name}: {words} words of prose (at most about 1,200)"
    lengths = [len(s) for s in sentences(path)]
    long = [n for n in lengths if n > LONG_SENTENCE_WORDS]
    assert max(lengths) <= LONGEST, f"{path.name}: a sentence of {max(lengths)} words"
    assert len(long) <= MAX_LONG_SHARE * len(lengths), (
        f"{path.name}: {len(long)} of {len(lengths)} sentences run over {LONG_SENTENCE_WORDS} words"
    )
    label = re.search(r"\*About (\d+) minutes", markdown(path))
    assert label, f"{path.name}: no time label ('*About N minutes')"
    minutes = int(label.group(1))
    tasks = len(predict_calls(path))
    assert minutes >= words / READING_WORDS_PER_MINUTE + tasks, (
        f"{path.name}: {minutes} min for {words} words and {tasks} predictions is not realistic"
    )


# ---------------------------------------------------------------- glossary


def anchor(heading):
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@functools.cache
def glossary():
    """{anchor: (names, definition)}: the heading and its "Also:" names."""
    entries = {}
    for block in re.split(r"^### ", GLOSSARY.read_text(), flags=re.M)[1:]:
        heading, _, body = block.partition("\n")
        names = [heading.strip()]
        also = re.match(r"\s*Also: ([^.]+)\.", body)
        if also:
            names += [n.strip() for n in also.group(1).split(",")]
        entries[anchor(heading)] = (names, body.strip())
    return entries


def test_every_glossary_term_is_defined():
    assert len(glossary()) >= 40
    for key, (_names, definition) in glossary().items():
        assert len(WORD.findall(definition)) >= 8, f"glossary entry {key!r} has no real definition"


def _spans(text, pattern):
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_terms_are_defined_or_linked_at_first_use(path):
    """The first time a lesson uses a glossary term (outside headings) it links the glossary
    entry, or defines the term in place in bold."""
    # Headings and the "Next" line are navigation, not prose where a term is first used.
    text = "\n".join(
        "" if line.lstrip().startswith(("#", "**Next:**")) else line for line in markdown(path).splitlines()
    )
    links = [(m.span(), m.group(2)) for m in LINK.finditer(text)]
    for target in (t for _, t in links if t.startswith("glossary.md#")):
        assert target.partition("#")[2] in glossary(), f"{path.name}: glossary link {target} has no entry"
    bold = _spans(text, BOLD)
    # Search the words a reader sees: link targets blanked out, positions kept.
    visible = LINK.sub(lambda m: f"[{m.group(1)}]({' ' * len(m.group(2))})", text)
    undefined = []
    for key, (names, _) in glossary().items():
        hits = [
            m.span() for name in names for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", visible, re.I)
        ]
        if not hits:
            continue
        first, first_end = min(hits)
        linked = any(a <= first < b and target == f"glossary.md#{key}" for (a, b), target in links)
        in_bold = any(a <= first < b for a, b in bold)
        # "term (what it means)": a definition in brackets right after the term also counts.
        in_place = bool(re.match(r"\s?\(", visible[first_end:]))
        if not (linked or in_bold or in_place):
            undefined.append(f"{names[0]} (at ...{text[max(0, first - 30) : first + 30]!r}...)")
    assert not undefined, f"{path.name}: terms used before they are linked or defined: {undefined}"


# ---------------------------------------------------------------- references


def render_references():
    """notebooks/references.md: every source of biomech/references.py, by key."""
    from biomech import references

    lines = [
        "# References",
        "",
        "Every source the model and the lessons use, from `biomech/references.py`. Lessons cite them as",
        'author and year and link here. "Not fully verified" marks sources whose number or record the',
        "project's literature check could not confirm; treat their numbers as provisional.",
        "",
    ]
    for key, ref in references.REFERENCES.items():
        flag = "" if ref.verified else " *(not fully verified)*"
        lines += [
            f"### {key}",
            "",
            f"{references.full(key)}{flag}",
            "",
            f"What the course takes from it: {ref.note}",
            "",
        ]
    return "\n".join(lines)


def test_every_citation_resolves_to_a_current_reference():
    """Each ``references.md#key`` link names a key of biomech/references.py, and the page shows
    that reference as the module does now (other keys may be added to the module at any time;
    the page is rewritten with ``--write-references``)."""
    from biomech import references

    page = REFERENCES_MD.read_text()
    keys = {key.lower(): key for key in references.REFERENCES}
    for path in LESSONS:
        for _, target in LINK.findall(markdown(path)):
            if not target.startswith("references.md#"):
                continue
            key = keys.get(target.partition("#")[2])
            assert key, f"{path.name}: {target} names no reference in biomech/references.py"
            assert f"### {key}\n\n{references.full(key)}" in page, (
                f"notebooks/references.md is stale for {key}: run `python tests/test_lessons.py --write-references`"
            )


# ---------------------------------------------------------------- pressing every prediction


@functools.cache
def lesson_widgets(path):
    """Run a lesson's code in this process; return the Predict widgets it built, in order."""
    from biomech.app.checks import Predict

    before = set(map(id, Predict.instances))
    namespace = {"__name__": "__lesson__"}
    cwd = os.getcwd()
    os.chdir(NOTEBOOKS)
    try:
        for i, cell in enumerate(notebook(path).cells):
            if cell.cell_type == "code":
                exec(compile(cell.source, f"{path.name}:cell{i}", "exec"), namespace)  # noqa: S102 - our lessons
    finally:
        os.chdir(cwd)
    built = [p for p in Predict.instances if id(p) not in before]
    namespace["__built__"] = built  # keep them alive with the namespace
    return namespace, sorted(built, key=lambda p: p.model_id)


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_every_prediction_reveals_the_models_answer(path):
    _, predicts = lesson_widgets(path)
    assert len(predicts) == len(predict_calls(path))
    for p in predicts:
        assert not p.revealed and p.revealed_text == "", "a prediction is revealed before it is made"
        expected = p.expected()
        if not p.number:
            wrong = set(p.options) - {expected}
            assert set(p.why_tempting) == wrong, f"{p.question!r}: every wrong option needs its 'why tempting'"
        assert p.submit(expected) is True, f"{p.question!r}: the model's own answer is not judged correct"
        assert p.revealed and p.prediction is not None
        assert not p.problems, f"{p.question!r}: {p.problems}"
        assert normal(p.explanation)[:60] in normal(p.revealed_text)


if __name__ == "__main__":
    if sys.argv[1:] == ["--write-references"]:
        REFERENCES_MD.write_text(render_references())
        print(f"wrote {REFERENCES_MD.relative_to(ROOT)}")
    else:
        print(__doc__)
