"""Print the links a course needs: Binder (lessons and app) and a JupyterHub nbgitpuller link.

Usage::

    python tools/classroom_links.py https://github.com/OWNER/REPO [--hub https://hub.example.edu] [--branch main]

Binder builds the repository from environment.yml (+ postBuild) and opens the start lesson in
JupyterLab; the app link opens the explorer without code (Voila). The nbgitpuller link copies
the repository into each student's home on a hub and opens the start lesson; the hub's image
must have the project installed (see README, "For course staff").
"""
from __future__ import annotations

import argparse
from urllib.parse import quote, urlencode

START = "notebooks/00_start_here.ipynb"
APP = "notebooks/explorer_app.ipynb"


def binder_links(repo_url: str, branch: str = "HEAD") -> dict[str, str]:
    """Binder launch links for a GitHub repository URL."""
    path = repo_url.rstrip("/").removesuffix(".git").split("github.com/")[-1]
    base = f"https://mybinder.org/v2/gh/{path}/{branch}"
    return {"lessons": f"{base}?urlpath={quote('lab/tree/' + START, safe='')}",
            "app": f"{base}?urlpath={quote('voila/render/' + APP, safe='')}"}


def nbgitpuller_link(hub: str, repo_url: str, branch: str = "main") -> str:
    """A JupyterHub link that pulls the repository and opens the start lesson."""
    folder = repo_url.rstrip("/").removesuffix(".git").split("/")[-1]
    query = urlencode({"repo": repo_url, "branch": branch, "urlpath": f"lab/tree/{folder}/{START}"})
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", help="https://github.com/OWNER/REPO")
    parser.add_argument("--hub", default="https://hub.example.edu")
    parser.add_argument("--branch", default="main")
    args = parser.parse_args()
    for name, link in binder_links(args.repo).items():
        print(f"Binder, {name}: {link}")
    print(f"JupyterHub (nbgitpuller): {nbgitpuller_link(args.hub, args.repo, args.branch)}")


if __name__ == "__main__":
    main()
