"""Made-up sources for the corpus tools' tests: a snapshot laid out as `fetch` leaves one, and a copy of
corpus/tools whose one source module builds invented pages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent / "corpus" / "tools"

# Three invented pages of a paper "fake": two editions, three articles each
# (heading, byline above the body, dateline lead, a caption between two long paragraphs).
FAKE_SOURCE = '''
from model import Article, Block, Page, Reporter

SOURCE = {"repo": "example/fake", "licence": "CC0"}


def _page(date, n):
    body = "本报讯　这是一段编造的正文，用来检验重新渲染时的切分，长度要超过六十个字才会被切成两半，所以再写几句话，让它足够长，再长一点点。"
    articles = [Article(title_lines=[f"编造的标题{i}"], byline_lines=["本报记者　张三"],
                        reporters=[Reporter("张三", "记者")], dateline="本报讯",
                        blocks=[Block("para", body), Block("caption", "编造的图片说明　李四摄"), Block("para", body)],
                        lead="本报讯　")
                for i in range(3)]
    return Page("假报", "fake", date, n, articles, "example/fake", "0" * 40, ["x.txt"], "CC0")


def build(mirror):
    return [_page("2024-01-01", 1), _page("2024-01-01", 2), _page("2024-01-02", 1)]
'''


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


def fake_tools(corpus: Path) -> Path:
    """corpus/tools copied to <corpus>/tools, its sources replaced by FAKE_SOURCE; returns the copy."""
    copy = corpus / "tools"
    shutil.copytree(TOOLS, copy, ignore=shutil.ignore_patterns("__pycache__", "sources"))
    (copy / "sources").mkdir()
    (copy / "sources" / "fake.py").write_text(FAKE_SOURCE, encoding="utf-8")
    return copy
