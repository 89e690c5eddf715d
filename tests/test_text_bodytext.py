from articles.parsing.records import CAPTION, PARAGRAPH, SUBHEAD, Block
from text.bodytext import blocks_to_text, text_to_blocks

BLOCKS = [
    Block(PARAGRAPH, "青岛的线上消费表现出极强的拉动作用。"),
    Block(SUBHEAD, "集聚发展"),
    Block(PARAGRAPH, "第二段。"),
    Block(CAPTION, "图为电商直播基地。记者 摄"),
]
TEXT = "青岛的线上消费表现出极强的拉动作用。\n\n## 集聚发展\n\n第二段。\n\n■ 图为电商直播基地。记者 摄"


def test_blocks_to_text_format():
    assert blocks_to_text(BLOCKS) == TEXT


def test_round_trip():
    assert text_to_blocks(blocks_to_text(BLOCKS)) == BLOCKS
    assert blocks_to_text(text_to_blocks(TEXT)) == TEXT


def test_empty():
    assert blocks_to_text([]) == ""
    assert text_to_blocks("") == []
    assert text_to_blocks("  \n\n ") == []


def test_editor_input_is_tolerated():
    # Windows line ends and extra blank lines from a textarea.
    assert text_to_blocks("甲。\r\n\r\n\r\n## 乙\r\n\r\n丙。") == [
        Block(PARAGRAPH, "甲。"), Block(SUBHEAD, "乙"), Block(PARAGRAPH, "丙。"),
    ]


def test_block_with_inner_line_break_stays_one_block():
    assert text_to_blocks("第一行\n第二行") == [Block(PARAGRAPH, "第一行\n第二行")]


def test_blank_line_inside_a_block_does_not_split_it():
    blocks = [Block(PARAGRAPH, "甲\n\n乙")]
    assert text_to_blocks(blocks_to_text(blocks)) == [Block(PARAGRAPH, "甲\n乙")]


def test_empty_blocks_dropped():
    assert blocks_to_text([Block(PARAGRAPH, "  "), Block(PARAGRAPH, "甲")]) == "甲"


def test_pure_modules_import_no_django():
    # The parser side and benchmarks use these without Django settings.
    import subprocess
    import sys

    code = "import sys, text.bodytext, text.textstats; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
