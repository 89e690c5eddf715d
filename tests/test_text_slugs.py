import jieba

from articles.parsing import parse_page, read_page
from tests.seedpages import seed_and_dev_pages
from text import slugs
from text.slugs import pinyin_slug


def _jieba_slug(text: str, max_length: int = 60) -> str:
    """The slug as it was made with jieba's own cut: a headline's URL must not change."""
    spelled = [w for w in (slugs._word_slug(t) for t in jieba.lcut(text) if t.strip()) if w]
    slug = ""
    for word in spelled:
        if len(f"{slug}-{word}" if slug else word) > max_length:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or (spelled[0][:max_length] if spelled else slugs.FALLBACK)


def test_every_seed_and_corpus_headline_keeps_its_slug():
    for path in seed_and_dev_pages():
        for record in parse_page(read_page(path)).articles:
            for text in (record.title, record.kicker, record.subtitle, record.body[:30]):
                assert pinyin_slug(text) == _jieba_slug(text), (path.name, text)


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
