"""Read fetched repositories (stdlib + the git command).

A snapshot fetched by the search tool lives at ``<mirror>/<owner>+<name>/repo``
(a bare git directory). ``Repo.read(path, commit)`` returns a file's bytes.
"""
from __future__ import annotations

import subprocess
from pathlib import Path


class MissingSource(Exception):
    """The snapshot (or a tool needed to read it) is not on this machine."""


class Repo:
    def __init__(self, mirror: Path, name: str):
        self.name = name
        base = Path(mirror) / name.replace("/", "+")
        self.git_dir = base / "repo" if (base / "repo").is_dir() else base
        if not (self.git_dir / "HEAD").exists():
            raise MissingSource(f"no snapshot of {name} under {mirror} (fetch github:{name} first)")

    def _git(self, *args: str) -> bytes:
        return subprocess.run(["git", f"--git-dir={self.git_dir}", *args],
                              check=True, capture_output=True).stdout

    def head(self) -> str:
        return self._git("rev-parse", "HEAD").decode().strip()

    def read(self, path: str, commit: str = "HEAD") -> bytes:
        try:
            return self._git("show", f"{commit}:{path}")
        except subprocess.CalledProcessError as e:
            raise MissingSource(f"{self.name}@{commit}:{path}: {e.stderr.decode().strip()}") from e

    def text(self, path: str, commit: str = "HEAD") -> str:
        return self.read(path, commit).decode("utf-8")

    def ls(self, commit: str = "HEAD", under: str = "") -> list[str]:
        args = ["ls-tree", "-r", "--name-only", commit]
        if under:
            args += ["--", under]
        return self._git("-c", "core.quotepath=off", *args).decode().splitlines()
