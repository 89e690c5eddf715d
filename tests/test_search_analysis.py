from search.analysis import MAX_QUERY_LENGTH, index_text, index_tokens, query_tokens


def test_index_holds_the_shorter_words_inside_long_ones():
    tokens = set(index_tokens("青岛市崂山区和西海岸新区、平度市的跨境电商与直播电商"))
    assert {"青岛", "青岛市", "崂山区", "西海岸新区", "平度", "跨境电商", "电商", "直播"} <= tokens


def test_index_leaves_out_single_characters_and_punctuation():
    tokens = index_tokens("“青岛”的电商！")
    assert tokens == ["青岛", "电商"]


def test_index_text_is_padded_so_whole_words_match():
    assert index_text("青岛", "电商") == " 青岛 电商 "


def test_query_is_lower_cased_deduplicated_and_bounded():
    assert query_tokens("TIR tir B2B") == ["tir", "b2b"]
    assert len("".join(query_tokens("青岛" * 5000))) <= MAX_QUERY_LENGTH
    assert query_tokens("\"*:&|'") == []


def test_no_word_across_word_boundaries():
    assert "京东" not in index_tokens("北京东路")
