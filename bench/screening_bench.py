"""Sensitive-word benchmark: build the automaton for a large list, check a long article.

The list is 10,000+ real words (jieba's dictionary, 2–4 characters, drawn at
random), half banned and half notices; the article is 10,000 characters of
the seed pages' text with a few listed words planted in it. Three timings:
the automaton alone (build, then check: screening.matching), the check as 签发
runs it in a database (generation read, screening, override lookup:
screening.services.publish_check, on a throw-away database as the other
benchmarks use), and a naive baseline (`word in text` for every word) that
shows why the check uses an automaton.
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from bench.table import print_table

GOAL_MS = 10
ROOT = Path(__file__).resolve().parent.parent


def run(*, words: int = 10_000, chars: int = 10_000, checks: int = 200) -> None:
    from screening.matching import BANNED, NOTICE, Entry, Matcher, article_passages

    rng = random.Random(10)
    listed = _dictionary_words(rng, words)
    entries = [Entry(word, "bench", BANNED if i % 2 else NOTICE) for i, word in enumerate(listed)]
    body = _article_body(rng, listed, chars)
    passages = article_passages(kicker="", title="基准测试稿件", subtitle="", body=body)

    started = time.perf_counter()
    matcher = Matcher(entries)
    build_ms = (time.perf_counter() - started) * 1000
    hits = matcher.find(passages)
    rows = [("automaton (matching.Matcher)", f"{build_ms:.1f}", *_percentiles(lambda: matcher.find(passages), checks), str(len(hits)))]
    rows.append(("publish_check (database)", *_database_row(listed, entries, body, checks)))
    naive = [e.word for e in entries]
    text = "\n".join(p.text for p in passages)
    rows.append(("naive `word in text` loop", "0.0", *_percentiles(lambda: [w for w in naive if w in text], max(10, checks // 20)), "—"))
    print(f"\nSensitive words: {len(entries):,} words, an article of {len(body):,} characters, {checks} checks\n")
    print_table(("check", "build ms", "p50 ms", "p95 ms", "hits"), rows)
    print(f"\ngoal: a check under {GOAL_MS} ms (p95)")


def _dictionary_words(rng: random.Random, count: int) -> list[str]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    candidates = [line.split(" ", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()]
    candidates = sorted({w for w in candidates if 2 <= len(w) <= 4})
    return rng.sample(candidates, count)


def _article_body(rng: random.Random, listed: list[str], chars: int) -> str:
    """Seed paragraphs up to `chars` characters, with twenty listed words planted at random places."""
    paragraphs = [
        block for path in sorted((ROOT / "seeds").rglob("*.txt"))
        for block in path.read_text(encoding="utf-8").split("\n\n") if len(block) > 40
    ]
    text = ""
    while len(text) < chars:
        text += rng.choice(paragraphs).strip() + "\n\n"
    text = text[:chars]
    for word in rng.sample(listed, 20):
        at = rng.randrange(len(text))
        text = text[:at] + word + text[at + len(word):]
    return text


def _percentiles(work, times: int) -> tuple[str, str]:
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(samples, n=20)
    return f"{statistics.median(samples):.2f}", f"{cuts[18]:.2f}"


def _database_row(listed: list[str], entries, body: str, checks: int) -> tuple[str, ...]:
    from bench.import_bench import throwaway_database

    with throwaway_database():
        from articles.models import Article, SourcePage
        from screening.errors import BannedWordsStand
        from screening.services import publish_check, words_import
        from screening.wordlist import current_matcher

        words_import(lines=[f"{e.word},{e.category},{e.severity}" for e in entries])
        started = time.perf_counter()
        current_matcher()  # the first check in a process builds from the stored list
        build_ms = (time.perf_counter() - started) * 1000
        page = SourcePage.objects.create(file_name="bench.txt", sha256="0" * 64, raw_text=body)
        article = Article.objects.create(source_page=page, position=1, span_start=0, span_end=len(body), title="基准", body=body)

        def check() -> None:
            try:
                publish_check(article=article)
            except BannedWordsStand:
                pass

        return f"{build_ms:.1f}", *_percentiles(check, checks), "—"
