"""Recognise and parse bylines: who wrote or photographed an article, in which role.

Chinese papers print credits in a few conventional shapes, wherever they fall::

    □某某日报/某某新闻记者 孙八 通讯员 周九     (outlet, role, names; role, names)
    ■本报记者 张三                                (a bullet in place of the box)
    本报记者 张三  本报通讯员 王五 赵六       (本报 = this paper)
    记者 吴十 通讯员 郑一 报道                  (closing 报道)
    本报北京3月4日电（记者张三、李四）           (inside the dateline's brackets)
    (X新闻/X晚报 记者 张三)                      (closing the last paragraph)
    黄  娴                                         (a two-character name padded to three)
    钱七 摄影报道 / 钱七摄 / 本报记者 钱七摄 / 图/钱七 / 文/图 钱七 / 钱七供图

Role words are those of corpus/README.md: every staff-reporter variant
(本报记者, 新华社记者, 全媒体记者, 融媒体记者, 首席记者, 特派记者, 驻X记者)
is 记者; 特约记者, 见习记者, 实习生, 通讯员 (特约通讯员 too), 编译, 整理,
摄影 (X摄, 摄影 X, 摄影记者 X, 图/X) and 供图 (X供图) are kept apart.
"""

from __future__ import annotations

import re

from .records import BylineRecord

# Printed role -> recorded role: the trade's titles printed before a name (any
# paper's 首席记者, 见习记者, 特约通讯员 …), not the words of one page; a title
# rare in our corpus is still the profession's. Longest first in the pattern,
# so 见习记者 is not 见习 + 记者.
_ROLE_WORDS = {
    "特约通讯员": "通讯员",
    "通讯员": "通讯员",
    "全媒体记者": "记者",
    "融媒体记者": "记者",
    "首席记者": "记者",
    "特派记者": "记者",
    "特约记者": "特约记者",
    "见习记者": "见习记者",
    "摄影记者": "摄影",
    "记者": "记者",
    "实习生": "实习生",
    "编译": "编译",
    "编辑整理": "整理",
    "整理": "整理",
    "摄影": "摄影",
    "摄": "摄影",
}
ROLES = tuple(sorted(_ROLE_WORDS, key=len, reverse=True))
_ROLE_ALT = "|".join(r for r in ROLES if r != "摄")
# 驻X记者 (本报驻广西记者): a place of at most six characters between 驻 and 记者.
_ROLE_RE = re.compile(r"(?:本报)?((?:驻[\u4e00-\u9fff]{1,6}?)?(?:" + _ROLE_ALT + r"))")
_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff·]{1,12}$")
# An outlet is a short run of words such as X日报/X新闻, 新华社, X报.
_OUTLET_RE = re.compile(r"^[\u4e00-\u9fffA-Za-z·/]{2,20}$")
_OUTLET_SUFFIXES = ("报", "新闻", "社", "台", "网", "端", "刊", "中心", "客户端")
_INLINE_TAIL_RE = re.compile(r"[(（]([^()（）]{3,40})[)）]\s*$")
_LEADING_RE = re.compile(r"^\s*[(（]([^()（）]{3,60})[)）]\s*")
# 报道 / 摄影报道 closes a byline, sometimes twice over (记者 褚四 报道 报道).
_TRAILING_REPORT_RE = re.compile(r"(?:\s*报道)+$")
# A column tag printed after a photo credit: 钱七摄（影像中国）.
_TRAILING_TAG_RE = re.compile(r"\s*[(（][^()（）]{2,12}[)）]$")
_NAME_SEP_RE = re.compile(r"[、，,；;\s]+")
# Words of a byline that are never a person's name.
NOT_NAMES = frozenset(
    {"报道", "摄影", "摄影报道", "记者", "通讯员", "实习生", "本报", "编辑", "整理", "编译", "供图", "报道组", "新华社", "本报讯"}
)
# 图/钱七, 文/李四 图/钱七, 文/图 钱七, 文图/钱七
_SLASH_RE = re.compile(r"(文/图|文图)\s+|(文/图|文图|图文|文|图|摄影|摄)\s*[/／:：]\s*")
_PHOTO_TAIL_RE = re.compile(r"^(.*?)(?<![\u4e00-\u9fff]{5})\s*(摄影|摄|供图)$")


# The longest line a byline may be: 60 characters of credit, and the box,
# brackets, spaces and closing 报道 around them.
MAX_BYLINE_LINE = 80
# A byline may be set off by a box or a bullet: □本报记者 张三, ■本报记者 张三.
_BOX_MARKS = "□■"


def role_of(printed: str) -> str:
    """The recorded role for a printed role word (本报驻广西记者 -> 记者)."""
    if printed.startswith("驻"):
        return "记者"
    return _ROLE_WORDS.get(printed, printed)


def _clean(text: str) -> str:
    s = text.strip().replace("\u3000", " ")
    s = s.lstrip(_BOX_MARKS).strip()
    if s[:1] in "(（" and s[-1:] in ")）":
        s = s[1:-1].strip()
    return s


# A writer may sign with a pen name alone, in brackets, no role word: （丹翁）
# under the headline or closing the text, as papers of the 1920s–40s do;
# with where it was sent from: （某某自）（某地寄）. Brackets of a serial's
# marks, （完）, （待续）, （一）, （上）, name nobody.
# Pen names may use rare characters (CJK extensions A and B).
_PEN_NAMES_RE = re.compile(r"^(?:[（(][\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff]{1,5}[)）]\s*){1,3}$")
_BRACKET_RE = re.compile(r"[（(]([^（）()]+)[)）]")
_SENT_FROM_RE = re.compile(r"^[\u4e00-\u9fff]{1,6}寄$")
_NOT_PEN_NAMES_RE = re.compile(
    r"^(?:[完续上中下附注按图表又]|待续|未完|续完|全文完|再续|[一二三四五六七八九十〇百]+|(?:下|上|紧)?(?:转|接).*|第.+|.*(?:[完续]|版|记者|通讯员|编辑|来源|摄|供图|报道|报导|社|报|网|台|讯|电))$"
)


def _parse_pen_names(text: str) -> list[BylineRecord] | None:
    if not _PEN_NAMES_RE.match(text):
        return None
    names = []
    for inner in _BRACKET_RE.findall(text):
        if _SENT_FROM_RE.match(inner):
            continue  # （某地寄）: where it was posted
        inner = inner[:-1] if inner.endswith("自") and len(inner) > 1 else inner
        if _NOT_PEN_NAMES_RE.match(inner) or is_organisation(inner):
            return None
        names.append(inner)
    return [BylineRecord(name=n, role="") for n in names] or None


# The commonest Chinese surnames (about nine in ten people bear one of them),
# both scripts: a line of names alone can only be told by its surnames.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆冀郁胥栗燕楚鄢劳奚皮粟冼蔺楼闻厉伊仝郜阚权帅屠朴练廉禹井祖漆巴丰支卿狄计索宣晋初芮浦戈伏鹿薄邸雍辜裘亓修邰赫杭况宿逯茹诸慕危亢嵇湛戎勾茅揭尉冶束檀幸奉衡尧萧阎"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯")
MAX_NAMES_LINE = 4


# Characters that end words of news (黄金周, 高质量, 新时代, 石化), never given names.
_NOT_GIVEN_END = frozenset("周期节会区市省县路街站场馆院所局部厅业品价税费率量度性化们者家界代线号型式类法案网台报社")

# An organisation is named by what it is, its last word: 某某部, 某某会, 某某局,
# 某某处, 某某团 …; an army by its region or its number: 关东军, 东北军,
# 八路军, 新四军, where 军 ending a given name follows its wish (建军, 志军,
# 王军). A surname may open either (关, 东, 何 …): the ending tells them.
_ORGANISATION_END = frozenset("部会局厅处署委院所团队社府")
# A region an army is named by is a word of two (关东, 东北 …): a person's 东军 or
# 中军 is a given name (刘东军, 张中军), so one character is no region. A route
# army is numbered (八路军, 十九路军).
_ARMY_REGIONS = ("关东", "东北", "西北", "西南", "东南", "华北", "华东", "华南", "华中")
_ROUTE_ARMY_RE = re.compile(r"[一二三四五六七八九十百]+路军$")


def is_organisation(token: str) -> bool:
    """A name of three characters or more that an organisation bears, not a person: told
    only where no role word says the name is a person's (a signature, a names line, 供图)."""
    if len(token) < 3:
        return False
    if token[-1] == "军":
        return token[:-1].endswith(_ARMY_REGIONS) or bool(_ROUTE_ARMY_RE.search(token))
    return token[-1] in _ORGANISATION_END


def _looks_like_name(token: str) -> bool:
    if token[-1] in _NOT_GIVEN_END or token in NOT_NAMES or is_organisation(token):
        return False
    if token.startswith(COMPOUND_SURNAMES):
        return 3 <= len(token) <= 4
    return 2 <= len(token) <= 3 and token[0] in SURNAMES


def names_only(text: str) -> list[str] | None:
    """孟某某  俱某某: the paper's reporters named without a role word, as some
    papers set them under the headline; None unless every token reads as a name."""
    tokens = text.replace("\u3000", " ").split()
    if not 1 <= len(tokens) <= MAX_NAMES_LINE or not all(_looks_like_name(t) for t in tokens):
        return None
    return tokens


def parse_byline(text: str) -> list[BylineRecord] | None:
    """Return the people named by a whole-line byline, or None if it is not one."""
    if len(text) > MAX_BYLINE_LINE:
        return None  # a paragraph: the common case, answered before any pattern runs
    if (pen := _parse_pen_names(text.strip())) is not None:
        return pen
    boxed = text.strip().startswith(tuple(_BOX_MARKS))
    s = _clean(text)
    s = _TRAILING_REPORT_RE.sub("", s)
    if not s or len(s) > 60:
        return None
    people = _parse_slashed(s)
    if people is None:
        people = _parse_roles(s)
    if people is None:
        people = _parse_photo_tail(s)
    if not people:
        return None
    if not boxed and len(people) > 6:
        return None
    return people


def _names(text: str) -> list[str] | None:
    """Names separated by spaces or 、; single characters padded apart (黄  娴) joined again."""
    tokens = [t for t in _NAME_SEP_RE.split(text.strip()) if t]
    names: list[str] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if len(token) == 1 and k + 1 < len(tokens) and len(tokens[k + 1]) == 1:
            token += tokens[k + 1]
            k += 1
        names.append(token)
        k += 1
    if not names or not all(_is_name(n) for n in names):
        return None
    return names


def _parse_roles(s: str) -> list[BylineRecord] | None:
    parts = _ROLE_RE.split(s)
    # parts = [lead, role1, names1, role2, names2, ...]
    lead = parts[0].strip()
    pairs = list(zip(parts[1::2], parts[2::2]))
    if not pairs:
        return None
    outlet = ""
    if lead and _is_outlet(lead):
        outlet = lead
    elif lead:
        # "钱七 摄影": names first, role last.
        names = _names(lead)
        if len(pairs) == 1 and not pairs[0][1].strip() and names:
            return [BylineRecord(name=n, role=role_of(pairs[0][0]), outlet="") for n in names]
        return None
    people: list[BylineRecord] = []
    for k, (role, names_text) in enumerate(pairs):
        names_text = names_text.strip()
        role_name = role_of(role)
        # 本报记者 钱七摄: the reporter took the photograph.
        if names_text.endswith("摄") and not names_text.endswith("摄影"):
            names_text, role_name = names_text[:-1], "摄影"
        elif names_text.endswith("摄影") and k == len(pairs) - 1:
            names_text, role_name = names_text[:-2], "摄影"
        names = _names(names_text)
        if not names:
            return None
        people.extend(BylineRecord(name=n, role=role_name, outlet=outlet) for n in names)
    return people or None


def _parse_slashed(s: str) -> list[BylineRecord] | None:
    """文/李四 图/钱七, 图/钱七, 文/图 钱七."""
    if "/" not in s and "／" not in s and not re.match(r"^(文/图|文图)\s", s):
        return None
    marks = list(_SLASH_RE.finditer(s))
    if not marks or marks[0].start() != 0:
        return None
    people: list[BylineRecord] = []
    for k, mark in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(s)
        names = _names(s[mark.end(): end])
        if not names:
            return None
        word = mark.group(1) or mark.group(2)
        roles = {"文": ["记者"], "图": ["摄影"], "摄": ["摄影"], "摄影": ["摄影"]}.get(word, ["记者", "摄影"])
        for name in names:
            people.extend(BylineRecord(name=name, role=r) for r in roles)
    return people


# A reader's photo is credited by his screen name in quotes, after the word for
# who he is: 网友“某某” 摄, 读者“某某”供图 (the 都市报's readers' pictures).
_READER_RE = re.compile(r"^[\u4e00-\u9fff]{1,4}“([^“”\s]{1,16})”\s*$")


def _parse_photo_tail(s: str) -> list[BylineRecord] | None:
    """钱七摄, 钱七 摄影, X  Y  Z摄影报道（X中国）, 新华社记者 钱七摄, 钱七供图, 网友“某某” 摄."""
    s = _TRAILING_TAG_RE.sub("", s).strip()
    s = _TRAILING_REPORT_RE.sub("", s)
    for suffix, role in (("供图", "供图"), ("摄影", "摄影"), ("摄", "摄影")):
        if s.endswith(suffix):
            if reader := _READER_RE.match(s[: -len(suffix)]):
                return [BylineRecord(name=reader.group(1), role=role)]
            names = _names(s[: -len(suffix)])
            if names and role == "供图" and any(is_organisation(n) for n in names):
                return None  # an organisation supplies a picture (某某局供图); only a person takes one
            if names:
                return [BylineRecord(name=n, role=role) for n in names]
    return None


def split_inline_byline(paragraph: str) -> tuple[str, list[BylineRecord] | None]:
    """Take a parenthesised byline off the end of a paragraph, if there is one."""
    match = _INLINE_TAIL_RE.search(paragraph)
    if not match:
        return paragraph, None
    people = parse_byline(match.group(1))
    if not people:
        return paragraph, None
    return paragraph[: match.start()].rstrip(), people


# Role words and names run in after a dateline without brackets, a space closing
# them: 本报讯 记者 张三 通讯员 王五 昨天，……
_RUN_IN_BYLINE_RE = re.compile(
    r"^\s*((?:(?:本报)?(?:驻[\u4e00-\u9fff]{1,6}?)?(?:" + _ROLE_ALT + r")\s*[\u4e00-\u9fff]{2,4}(?:[\s、]+[\u4e00-\u9fff]{2,4})*\s+)+)"
)


def split_leading_byline(text: str, *, run_in: bool = False) -> tuple[str, list[BylineRecord] | None]:
    """Take the bracketed byline that follows a dateline: （记者张三、李四）正文……;
    with run_in, also one printed without brackets: 记者 张三 正文……"""
    match = _LEADING_RE.match(text) or (_RUN_IN_BYLINE_RE.match(text) if run_in else None)
    if not match:
        return text, None
    people = parse_byline(match.group(1))
    if not people:
        return text, None
    return text[match.end():], people


def split_photo_credit(text: str) -> tuple[str, list[BylineRecord] | None]:
    """A photo credit closing a caption: 图为……。  钱七摄 / （新华社记者 钱七摄）."""
    match = re.search(r"[(（]?([^()（）。！？]{2,30}?(?:摄影?|供图))[)）]?(?:\s*[(（][^()（）]{2,12}[)）])?\s*$", text)
    if not match or match.start() == 0:
        return text, None
    head = text[: match.start()]
    if not head.rstrip().endswith(("。", "！", "？", "”", "）", ")", " ")) and not re.search(r"\s$", head):
        return text, None
    candidate = match.group(1).strip()
    # The credit is what follows the last space or sentence end.
    candidate = re.split(r"[。！？]\s*", candidate)[-1].strip()
    people = parse_byline(candidate)
    if not people:
        return text, None
    return head.rstrip(), people


def _is_name(text: str) -> bool:
    return bool(_NAME_RE.match(text)) and text not in NOT_NAMES and not text.endswith(("记者", "通讯员"))


def _is_outlet(text: str) -> bool:
    return bool(_OUTLET_RE.match(text)) and (
        "/" in text or text.endswith(_OUTLET_SUFFIXES)
    )
