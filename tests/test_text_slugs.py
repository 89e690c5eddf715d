from text.slugs import pinyin_slug


def test_real_headline():
    assert pinyin_slug("青岛电商“聚变”") == "qingdao-dianshang-jubian"


def test_full_headline_words_joined_by_hyphen():
    slug = pinyin_slug("青岛电商“聚变”，澎湃消费强引擎")
    assert slug.startswith("qingdao-dianshang-jubian-")
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")


def test_ascii_lowercased_and_punctuation_dropped():
    assert pinyin_slug("iPhone 15 发布会：AI！") == "iphone-15-fabuhui-ai"


def test_cut_at_word_boundary():
    slug = pinyin_slug("青岛电商“聚变”，澎湃消费强引擎", max_length=20)
    assert len(slug) <= 20
    assert slug == "qingdao-dianshang"  # never a half word such as "qingdao-dianshang-ju"


def test_never_empty():
    assert pinyin_slug("") == "article"
    assert pinyin_slug("“！？”——") == "article"


def test_single_long_word_is_truncated_not_dropped():
    assert pinyin_slug("Supercalifragilistic", max_length=5) == "super"
