"""Print the links a course needs: the Binder badge and links, and a JupyterHub nbgitpuller link.

Usage (from a clone of the repository)::

    python tools/classroom_links.py                       # GitHub path from `git remote get-url origin`
    python tools/classroom_links.py https://github.com/OWNER/REPO     # or named explicitly
    python tools/classroom_links.py --hub https://hub.example.edu     # adds the hub's course link
    python tools/classroom_links.py --write-readme        # puts the Binder badge into README.md

The GitHub path comes from the argument, else from the clone's ``origin`` remote; with
neither (a repository that has no GitHub home yet) the command stops with a message
rather than print links to a placeholder that would lead nowhere.

Binder builds the repository from environment.yml (+ postBuild) and opens the start lesson in
JupyterLab; the app link opens the explorer without code (Voila). The nbgitpuller link copies
the repository into each student's home on a hub and opens the start lesson; the hub's image
must have the project installed (README, "Run a class"; deploy/).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
START = "notebooks/00_start_here.ipynb"
APP = "notebooks/explorer_app.ipynb"
BADGE_IMAGE = "https://mybinder.org/badge_logo.svg"
# README.md holds the badge between these two lines (--write-readme fills them in).
BADGE_BEGIN = "<!-- binder-badge: python tools/classroom_links.py --write-readme -->"
BADGE_END = "<!-- /binder-badge -->"

# https://github.com/o/r(.git), git@github.com:o/r(.git), ssh://git@github.com/o/r(.git)
_GITHUB = re.compile(
    r"^(?:https?://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com/)"
    r"(?P<owner>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/(?P<name>[A-Za-z0-9._-]+?)(?:\.git)?/?$"
)
# Words that mean someone copied an example instead of naming the repository.
_PLACEHOLDERS = {"owner", "repo", "user", "username", "org", "name", "example"}


class NoRepository(ValueError):
    """The GitHub repository cannot be known (no argument, no usable remote)."""


def github_path(repo_url: str) -> str:
    """``owner/name`` of a GitHub repository URL (https or ssh form); ValueError otherwise."""
    match = _GITHUB.match(repo_url.strip())
    if not match:
        raise NoRepository(
            f"{repo_url!r} is not a GitHub repository URL "
            "(expected https://github.com/OWNER/REPO or git@github.com:OWNER/REPO.git)"
        )
    owner, name = match["owner"], match["name"]
    if owner.lower() in _PLACEHOLDERS or name.lower() in _PLACEHOLDERS:
        raise NoRepository(f"{repo_url!r} looks like a placeholder, not a repository: name the real one")
    return f"{owner}/{name}"


def origin_url(cwd: Path = ROOT) -> str:
    """The URL of the clone's ``origin`` remote; NoRepository when there is none."""
    try:
        out = subprocess.run(["git", "remote", "get-url", "origin"], cwd=cwd, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise NoRepository("git is not installed, so the repository's remote cannot be read") from exc
    if out.returncode != 0 or not out.stdout.strip():
        raise NoRepository("this clone has no 'origin' remote (`git remote get-url origin` failed)")
    return out.stdout.strip()


def repository(repo_url: str | None, cwd: Path = ROOT) -> str:
    """``https://github.com/owner/name`` from the argument, else from the origin remote."""
    return "https://github.com/" + github_path(repo_url if repo_url else origin_url(cwd))


def binder_links(repo_url: str, branch: str = "HEAD") -> dict[str, str]:
    """Binder launch links for a GitHub repository URL."""
    base = f"https://mybinder.org/v2/gh/{github_path(repo_url)}/{branch}"
    return {
        "lessons": f"{base}?urlpath={quote('lab/tree/' + START, safe='')}",
        "app": f"{base}?urlpath={quote('voila/render/' + APP, safe='')}",
    }


def badge_markdown(repo_url: str, branch: str = "HEAD") -> str:
    """The README badge: Binder's logo, linking to the start lesson."""
    return f"[![Binder]({BADGE_IMAGE})]({binder_links(repo_url, branch)['lessons']})"


def nbgitpuller_link(hub: str, repo_url: str, branch: str = "main") -> str:
    """A JupyterHub link that pulls the repository and opens the start lesson.

    ``repo_url`` is what the hub's servers clone: a GitHub URL, any git URL, or a path
    on the hub's machine. nbgitpuller puts it in a folder named after its last part.
    """
    folder = repo_url.rstrip("/").removesuffix(".git").split("/")[-1]
    query = urlencode({"repo": repo_url, "branch": branch, "urlpath": f"lab/tree/{folder}/{START}"})
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def write_readme_badge(badge: str, readme: Path = README) -> bool:
    """Put ``badge`` between the README's badge markers; True when the file changed."""
    text = readme.read_text()
    pattern = re.compile(re.escape(BADGE_BEGIN) + r"\n.*?" + re.escape(BADGE_END), flags=re.S)
    if not pattern.search(text):
        raise SystemExit(f"{readme}: the lines {BADGE_BEGIN!r} ... {BADGE_END!r} are missing")
    new = pattern.sub(lambda _: f"{BADGE_BEGIN}\n{badge}\n{BADGE_END}", text, count=1)
    if new != text:
        readme.write_text(new)
    return new != text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", nargs="?", help="https://github.com/OWNER/REPO (default: the origin remote)")
    parser.add_argument("--hub", help="a JupyterHub's address, for its nbgitpuller course link")
    parser.add_argument("--branch", default="main", help="the branch students pull on a hub (default: main)")
    parser.add_argument("--write-readme", action="store_true", help="put the Binder badge into README.md")
    args = parser.parse_args(argv)
    try:
        repo = repository(args.repo)
    except NoRepository as exc:
        print(
            f"classroom_links: {exc}.\n  Name the repository: python tools/classroom_links.py "
            "https://github.com/OWNER/REPO (its real owner and name), or add the remote first:\n"
            "  git remote add origin https://github.com/OWNER/REPO.git",
            file=sys.stderr,
        )
        return 2
    badge = badge_markdown(repo)
    print(f"Repository: {repo}")
    print(f"README badge (Markdown): {badge}")
    for name, link in binder_links(repo).items():
        print(f"Binder, {name}: {link}")
    print(f'Hub image: pip install "biomech @ git+{repo}"')
    if args.hub:
        print(f"JupyterHub course link (nbgitpuller): {nbgitpuller_link(args.hub, repo, args.branch)}")
    else:
        print("JupyterHub course link: add --hub https://your-hub.example.edu")
    if args.write_readme:
        changed = write_readme_badge(badge)
        print(f"README.md: badge {'written' if changed else 'already up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
