"""A made-up snapshot of a source repository, laid out as `fetch` leaves one, for the corpus assemblers' tests."""

from __future__ import annotations

import subprocess
from pathlib import Path


def snapshot_mirror(work: Path, *, mirror: Path, repo: str) -> str:
    """Commit the files under work and move the repository to <mirror>/<owner+name>/repo; returns the commit."""
    git = ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "fixture"], check=True)
    commit = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    home = mirror / repo.replace("/", "+")
    home.mkdir(parents=True)
    (work / ".git").rename(home / "repo")
    return commit
