import random
from pathlib import Path

import jieba
import jieba.posseg

from articles.parsing import read_page
from tests.seedpages import seed_and_dev_pages
from text import words

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _jieba_cut(text: str) -> list[str]:
    words.ensure_ready()
    return [w for w in jieba.lcut(text) if w.strip()]


def _jieba_tagged(text: str) -> list[tuple[str, str]]:
    """jieba.posseg's own tagging, whitespace dropped as words.tagged() drops it."""
    words.ensure_ready()  # the same dictionaries
    return [(pair.word, pair.flag) for pair in jieba.posseg.lcut(text) if pair.word.strip()]


def test_cutting_the_seed_and_corpus_pages_is_exactly_jieba_s_line_by_line_and_whole():
    lines: dict[str, str] = {}
    for path in seed_and_dev_pages():
        text = read_page(path).text
        assert words.cut(text) == _jieba_cut(text), path.name
        for line in text.splitlines():
            lines.setdefault(line, path.name)
    # Each distinct line once: more than half the lines recur (blank lines, datelines,
    # page furniture), and a cut depends on nothing but the line.
    for line, name in lines.items():
        assert words.cut(line) == _jieba_cut(line), (name, line)


def test_cutting_any_mix_of_words_figures_latin_and_punctuation_is_exactly_jieba_s():
    rng = random.Random(7)
    pieces = [
        "青岛", "西海岸新区", "王海诺", "上合", "聚力", "将", "个", "的", "年", "医共体", "跨境电商", "赋能", "AI", "5G",
        "2020", "44.55", "-", "%", "A", "I", "iPhone", "B超", "，", "。", "“", "”", "、", "·", "——", "+", "#", "&", "_",
        " ", "\n", "\r\n", "\t", "\u3000", "\xa0", "\u200b", "龘", "㐀", "\u9fd6", "ｱ", "１２",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert words.cut(text) == _jieba_cut(text), repr(text)


def test_tagging_the_seed_pages_is_exactly_jieba_s():
    for path in sorted(SEEDS.rglob("*.txt")):
        text = read_page(path).text
        assert words.tagged(text) == _jieba_tagged(text), path.name


def test_tagging_any_mix_of_words_figures_latin_and_punctuation_is_exactly_jieba_s():
    rng = random.Random(5)
    pieces = [
        "青岛", "西海岸新区", "王海诺", "上合", "聚力", "将", "个", "的", "年", "医共体", "跨境电商", "赋能",
        "2020", "44.55", "-", "%", "A", "iPhone", "B超", "，", "。", "“", "”", "、", "·", "——", "+", "#", "&", "_",
        " ", "\n", "\r\n", "\t", "\u3000", "\xa0", "龘", "㐀",
    ]
    for _ in range(1000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert words.tagged(text) == _jieba_tagged(text), repr(text)


def test_the_fast_viterbi_finds_jieba_s_path_and_probability_for_any_run_of_characters():
    words.ensure_ready()
    model = (jieba.posseg.char_state_tab_P, jieba.posseg.start_P, jieba.posseg.trans_P, jieba.posseg.emit_P)
    rng = random.Random(3)
    # Characters the model knows, and two it never saw, in runs as an unknown word would be.
    chars = [*list(jieba.posseg.char_state_tab_P)[:5000], "龘", "\u9fa5"]
    for _ in range(2000):
        run = "".join(rng.choice(chars) for _ in range(rng.randint(1, 12)))
        assert words._viterbi(run) == jieba.posseg.viterbi(run, *model), run


def test_a_run_is_searched_once_per_process(monkeypatch):
    words.ensure_ready()
    words._run_tagged.cache_clear()
    searched = []
    search = words._viterbi._search
    monkeypatch.setattr(words._viterbi, "_search", lambda obs, *model: searched.append(obs) or search(obs, *model))
    text = "上合示范区迎来上合组织客商。上合峰会后，上合元素随处可见。"
    first = words.tagged(text)
    assert searched and len(searched) == len(set(searched))
    runs = len(searched)
    # Another text with the same runs searches none of them again, with the same result.
    assert words.tagged(text) == first and len(searched) == runs


def test_a_latin_dictionary_word_is_cut_as_jieba_cuts_it(monkeypatch):
    # No dictionary shipped today holds a Latin word of two or more letters; a
    # user dictionary may. rjieba joins Latin letters on its own (QXZA), where
    # jieba's route steps through the word (QXZ, A).
    words.ensure_ready()
    assert words._latin_words is False
    text = "我们的QXZA团队和QX小组"
    jieba.add_word("QXZ", freq=100000)
    monkeypatch.setattr(words, "_latin_words", True)  # as ensure_ready finds it with such a dictionary
    try:
        assert words.cut(text) == [w for w in jieba.lcut(text) if w.strip()]
        assert "QXZ" in words.cut(text)
        assert words.tagged(text) == [(w.word, w.flag) for w in jieba.posseg.cut(text) if w.word.strip()]
    finally:
        jieba.del_word("QXZ")
