from text.scripts import fold_to_simplified, to_simplified, to_traditional


def test_traditional_to_simplified():
    assert to_simplified("青島嶗山區") == "青岛崂山区"


def test_simplified_text_is_unchanged_by_to_simplified():
    text = "青岛西海岸新区发展迅速，2024年GDP增长5.1%。"
    assert to_simplified(text) == text


def test_simplified_to_traditional_by_phrase():
    assert to_traditional("青岛的头发和发展") == "青島的頭髮和發展"


def test_empty_text():
    assert to_simplified("") == "" and to_traditional("") == ""


def test_spellings_give_every_script_of_a_word():
    from text.scripts import spellings

    assert {"发展", "發展"} <= spellings("发展") and spellings("發展") >= {"发展", "發展"}


def test_folding_to_simplified_keeps_every_offset():
    from text.scripts import fold_to_simplified

    text = "本報記者　張三攝，（下轉第二版）髮 ABC，１２３"
    folded = fold_to_simplified(text)
    assert folded == "本报记者　张三摄，（下转第二版）发 ABC，１２３"
    assert len(folded) == len(text)
    simplified = "本报讯 某某市3月4日召开会议。"
    assert fold_to_simplified(simplified) is simplified  # nothing to fold: the text itself


def test_folding_takes_what_opencc_leaves_on_a_traditional_page():
    # Taiwan's particle 著 and the old forms 衞, 吿, 靑: folded on a traditional page.
    assert fold_to_simplified("他看著報紙，衞兵吿訴靑年") == "他看着报纸，卫兵告诉青年"
    # A simplified page prints 著 too (著名): nothing on it is folded.
    assert fold_to_simplified("著名作家") == "著名作家"


def test_folding_keeps_every_offset_outside_the_basic_plane():
    # A character outside the BMP (Extension B, two UTF-16 units) stays one character.
    text = "𠀋某書報𪚥"
    folded = fold_to_simplified(text)
    assert folded == "𠀋某书报𪚥" and len(folded) == len(text)
