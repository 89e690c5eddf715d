import random
from pathlib import Path

import jieba.posseg

from articles.parsing import read_page
from text import words

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _jieba_tagged(text: str) -> list[tuple[str, str]]:
    """words.tagged() as jieba's own Viterbi would tag it."""
    fast, jieba.posseg.viterbi = jieba.posseg.viterbi, words._jieba_viterbi
    try:
        return words.tagged(text)
    finally:
        jieba.posseg.viterbi = fast


def test_tagging_the_seed_pages_is_exactly_jieba_s():
    words.ensure_ready()
    for path in sorted(SEEDS.rglob("*.txt")):
        text = read_page(path).text
        assert words.tagged(text) == _jieba_tagged(text), path.name


def test_the_fast_viterbi_finds_jieba_s_path_and_probability_for_any_run_of_characters():
    words.ensure_ready()
    model = (jieba.posseg.char_state_tab_P, jieba.posseg.start_P, jieba.posseg.trans_P, jieba.posseg.emit_P)
    rng = random.Random(3)
    # Characters the model knows, and two it never saw, in runs as an unknown word would be.
    chars = [*list(jieba.posseg.char_state_tab_P)[:5000], "龘", "\u9fa5"]
    for _ in range(2000):
        run = "".join(rng.choice(chars) for _ in range(rng.randint(1, 12)))
        assert jieba.posseg.viterbi(run, *model) == words._jieba_viterbi(run, *model), run


def test_a_run_met_again_in_the_same_text_is_searched_once(monkeypatch):
    words.ensure_ready()
    searched = []
    search = words._fast_viterbi._search
    monkeypatch.setattr(words._fast_viterbi, "_search", lambda obs, *model: searched.append(obs) or search(obs, *model))
    text = "上合示范区迎来上合组织客商。上合峰会后，上合元素随处可见。"
    first = words.tagged(text)
    assert searched and len(searched) == len(set(searched))
    runs = len(searched)
    # The memory is one text's: the next text searches its runs afresh, with the same result.
    assert words.tagged(text) == first and len(searched) == 2 * runs
