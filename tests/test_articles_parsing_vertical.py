"""articles.parsing.vertical: a historical vertical page is told by its numerals and pauses, not its script."""

from __future__ import annotations

from articles.parsing.vertical import MIN_HAN, set_vertically
from text.scripts import fold_to_simplified

MODERN = "某某市政府3月4日召开会议，部署2024年重点工作，会议要求，全年新增就业12万人，各项措施落实到位。"
OLD_DATED = "甲城商会昨日开会、议决筹设工厂、定廿六日开工、另于三日后召集各业、商议经费云、"
OLD_PAUSES = "甲城近日新开戏园一所、座客常满、每晚演至十二时始散、园主张三颇为得意、"


def test_a_modern_page_in_traditional_characters_is_horizontal():
    traditional = "某某市政府3月4日召開會議，部署2024年重點工作，會議要求，全年新增就業12萬人，各項措施落實到位。"
    assert fold_to_simplified(traditional) == MODERN
    assert not set_vertically(MODERN * 10, traditional=True)


def test_an_old_page_in_simplified_characters_is_vertical():
    assert set_vertically(OLD_DATED * 5, traditional=False)  # 廿六日, 三日: dates in Chinese numerals
    assert set_vertically(OLD_PAUSES * 2, traditional=False)  # 句读: 、 at every pause


def test_a_long_page_without_arabic_figures_is_vertical():
    text = "某某论事，谓今之世，人心不古，风俗日偷，为之奈何。" * (MIN_HAN // 20)
    assert set_vertically(text, traditional=False)
    assert not set_vertically(text + "2024年3月4日，12万人，3000亿元" * 2, traditional=False)


def test_one_phrase_with_a_day_decides_nothing():
    assert not set_vertically("十年如一日，守护山村学校", traditional=False)
