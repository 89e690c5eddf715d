from search.highlight import highlight, snippet


def test_hits_are_marked_and_everything_escaped():
    html = highlight("<b>青岛</b> & 电商", ["青岛"])
    assert html == "&lt;b&gt;<mark>青岛</mark>&lt;/b&gt; &amp; 电商"


def test_longest_word_marked_whole_and_case_ignored():
    assert highlight("跨境电商 TIR", ["电商", "跨境电商", "tir"]) == "<mark>跨境电商</mark> <mark>TIR</mark>"


def test_a_word_never_matches_inside_an_entity():
    assert highlight("a & b", ["amp"]) == "a &amp; b"


def test_no_words_is_just_escaped():
    assert highlight("<i>", []) == "&lt;i&gt;"


def test_snippet_is_around_the_first_hit():
    text = "开头。" * 100 + "青岛电商" + "结尾。" * 100
    excerpt = snippet(text, ["电商"], length=60)
    assert "青岛电商" in excerpt
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert snippet("## 小标题\n\n正文", []) == "小标题 正文"
