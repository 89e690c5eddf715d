from text.textstats import char_count


def test_cjk_characters_count_one_each():
    assert char_count("青岛电商") == 4


def test_mixed_text():
    # 青岛市网络零售额(8) 1581.1(1) 亿元(2) 同比增长(4) 24.2(1) Hello world(2)
    assert char_count("青岛市网络零售额1581.1亿元，同比增长24.2%, Hello world!") == 18


def test_whitespace_and_punctuation_ignored():
    assert char_count(" ，。“”！？—— \n\t·") == 0
    assert char_count("") == 0


def test_full_width_digits_are_a_word():
    assert char_count("增长１２％") == 3


def test_body_char_count_counts_paragraphs_and_subheads_not_captions():
    from text.bodytext import text_to_blocks
    from text.textstats import body_char_count

    blocks = text_to_blocks("青岛电商。\n\n## 集聚发展\n\n■ 图为直播间")
    assert body_char_count(blocks) == 4 + 4


def test_counting_in_runs_counts_each_character_and_word_as_one_token_would():
    # char_count counts CJK runs and words apart; a token at a time (a CJK
    # character or a word) must give the same figure on any mix of the two.
    import random
    import re

    from text.textstats import _CJK, _WORD

    token = re.compile(rf"[{_CJK}]|{_WORD}+(?:[.,'\-]{_WORD}+)*")
    rng = random.Random(0)
    alphabet = "青岛a1.,'-Ａ１éあ한𠀀 \n，。“”x9"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert char_count(text) == len(token.findall(text)), text
