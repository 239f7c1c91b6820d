"""The project carries its own references: every citation key used in code, tests and
lessons is in :mod:`biomech.references`, every coefficient and normal range names known
sources, and nothing points at a file outside the repository."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from biomech import references
from biomech.assumptions import REGISTRY
from biomech.norms import NORMAL_RANGES

ROOT = Path(__file__).resolve().parents[1]
#: A citation in text: one key or several separated by "; " in square brackets, e.g.
#: "[Bagwell2016]" or "[Yoo2008; Oyewole2013]". Keys start with a capital letter and hold
#: a year or a PMC/PMID number.
CITATION = re.compile(r"\[((?:[A-Z][A-Za-z]*\d{4}[a-z]?|PMC\d+|PMID\d+|[A-Z][A-Za-z]+)(?:; *[A-Za-z][A-Za-z0-9]*)*)\]")
KEY_LIKE = re.compile(r"^(?:[A-Z][A-Za-z]*\d{4}[a-z]?|PMC\d+|PMID\d+)$")


def _tracked(*patterns):
    out = subprocess.run(["git", "ls-files", *patterns], cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / line for line in out.stdout.splitlines() if (ROOT / line).is_file()]


def cited_keys(text):
    """Reference keys cited in square brackets in ``text`` (only tokens shaped like keys)."""
    keys = set()
    for group in CITATION.findall(text):
        for key in (k.strip() for k in group.split(";")):
            if KEY_LIKE.match(key) or key in references.REFERENCES:
                keys.add(key)
    return keys


def test_the_citation_pattern_finds_keys():
    """Guard the scanner: it finds single and grouped keys and ignores code indexing."""
    text = "as [Bagwell2016] and [Yoo2008; Oyewole2013] show; x[0], d['a'], [PMC7274868]"
    assert cited_keys(text) == {"Bagwell2016", "Yoo2008", "Oyewole2013", "PMC7274868"}


@pytest.mark.parametrize(
    "path",
    _tracked("biomech/*.py", "biomech/**/*.py", "tests/*.py", "notebooks/src/*.py"),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_every_cited_key_is_in_the_references(path):
    unknown = sorted(k for k in cited_keys(path.read_text()) if k not in references.REFERENCES)
    assert not unknown, f"{path.relative_to(ROOT)} cites keys missing from biomech.references: {unknown}"


def test_coefficients_and_ranges_name_known_sources():
    for a in REGISTRY.values():
        assert not a.source or a.source in references.REFERENCES, (a.name, a.source)
        assert a.reason, f"{a.name} has no reason"
    for name, group in NORMAL_RANGES.items():
        for key in (key for rng in group for key in rng.sources):
            assert key in references.REFERENCES, (name, key)


def test_unverified_sources_are_listed_in_one_place():
    assert set(references.UNVERIFIED) == {k for k, r in references.REFERENCES.items() if not r.verified}
    for key, ref in references.REFERENCES.items():
        assert ref.key == key and ref.note, key
        assert references.full(key) and references.cite(key)
    with pytest.raises(KeyError):
        references.cite("Nobody1900")


def test_nothing_points_outside_the_repository():
    """No tracked file names the design brief's files or the folder beside the project."""
    # Written in pieces so that this file does not match itself.
    pattern = re.compile(
        "|".join(("REFERENCE" + "_VALUES", "DESIGN" + r"\.md", "STACK" + "_NOTES", r"\.\./" + "shared"))
    )
    offenders = []
    for path in _tracked():
        if path.name == "CHANGELOG.md" or path.suffix in (".png", ".ico"):
            continue
        try:
            text = path.read_text()
        except UnicodeDecodeError:
            continue
        offenders += [
            f"{path.relative_to(ROOT)}:{n}" for n, line in enumerate(text.splitlines(), 1) if pattern.search(line)
        ]
    assert not offenders, offenders
