"""Which script a page is set in: traditional characters (繁体) or simplified.

Pages in traditional characters are, in a Chinese newspaper archive, the
historical ones (民国 papers, set in vertical columns) or those of Hong Kong
and Taiwan, and their headlines follow the vertical page's conventions
(segment.py). The test counts the commonest characters of news text whose two
scripts differ; no converter is needed, and a page is read once.
"""

from __future__ import annotations

import re

# Pairs of one character in each script (tests/test_articles_parsing_script.py
# checks them against OpenCC): 國/国, 會/会, 報/报 …
TRADITIONAL = "國會們這說來時對與為發過還開關經長門問題報電訊書東將區員實現當動體從應黨進聯軍總統議準備據稱話轉張風戲滿園裏處爲隊觀戰辦場舉謂"
SIMPLIFIED = "国会们这说来时对与为发过还开关经长门问题报电讯书东将区员实现当动体从应党进联军总统议准备据称话转张风戏满园里处为队观战办场举谓"
_TRADITIONAL_RE = re.compile(f"[{TRADITIONAL}]")
_SIMPLIFIED_RE = re.compile(f"[{SIMPLIFIED}]")
# Enough text to tell: a page's first few thousand characters decide.
SAMPLE = 4000
MIN_EVIDENCE = 5


def is_traditional(text: str) -> bool:
    """More of the sample's telling characters are traditional than simplified."""
    sample = text[:SAMPLE]
    traditional = len(_TRADITIONAL_RE.findall(sample))
    simplified = len(_SIMPLIFIED_RE.findall(sample))
    return traditional >= MIN_EVIDENCE and traditional > simplified
