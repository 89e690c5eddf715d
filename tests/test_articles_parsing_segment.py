"""Cutting a page into stories (articles/parsing/segment.py): the conventions of
the old vertical pages (民国 papers, traditional characters), on invented pages."""

from __future__ import annotations

from articles.parsing import decode_page, parse_page

REPORT = "甲城商會昨日開會、議决籌設平民工廠一所、收容失業工人、經費由各業分担、定下月開工云、"
OTHER = "乙城近日新開戲園一所、座客常滿、每晚演至十二時始散、園主張三頗爲得意、"


def parse(text: str):
    return parse_page(decode_page("old.txt", text.encode("utf-8"))).articles


def test_a_single_column_after_a_report_closed_by_yun_heads_the_next_story():
    first, second = parse(f"甲城商會開會\n籌設平民工廠\n\n{REPORT}\n\n戲園新開\n\n{OTHER}\n")
    assert first.title == "甲城商會開會 籌設平民工廠"
    assert (second.title, second.paragraphs) == ("戲園新開", [OTHER])


def test_single_columns_between_paragraphs_of_a_story_are_its_subheads():
    text = (
        "甲城竊案\n手段雖巧終被拘獲\n\n"
        "甲城某錢莊、爲張三所開、本月十二號晚間八時、\n\n"
        "兩人叩門\n\n"
        "自稱送貨、並附致張三一函、時張三適外出、由其弟收下、兩人卽去、\n\n"
        "巡捕到塲\n\n"
        "不料其時、又有三人闖入、自稱爲捕房探員、將該錢莊帳簿取去、\n"
    )
    [article] = parse(text)
    assert article.subheads == ["兩人叩門", "巡捕到塲"]
    assert len(article.paragraphs) == 3


def test_each_item_of_a_news_column_is_a_brief_of_its_own():
    text = (
        "商界消息\n\n"
        "▲甲城商會會長張三、定於下星期赴乙城考察、約需一月始返云、\n\n"
        "▲昨日下午、丙業公會舉行年會、選舉李四爲會長、到會者甚眾、\n\n"
        "▲丁業同人、前晚假座某酒樓、舉行聚餐、到來賓百餘人、\n"
    )
    articles = parse(text)
    assert [a.title for a in articles] == ["商界消息", "", ""]
    assert [a.paragraphs[0][:3] for a in articles] == ["▲甲城", "▲昨日", "▲丁業"]


def test_a_headline_counting_its_incidents_keeps_its_items_one_story():
    text = (
        "火警兩起\n\n"
        "▲甲路某號木器店、昨晚十時、不戒於火、焚去樓房兩幢、當卽報吿救火會、\n\n"
        "▲乙路某號、今晨三時、亦告失愼、內有住戶四家、損失達三千餘元、\n"
    )
    [article] = parse(text)
    assert len(article.paragraphs) == 2


def test_a_signed_column_of_items_is_one_piece():
    text = (
        "梨園瑣記\n（某甲）\n\n"
        "▲某舞臺的老生、唱工甚好、愛聽他的人很多、據說這囘另有高就、\n\n"
        "▲某戲園近來生意不佳、日前改演新戲、從此門前更冷落了、\n"
    )
    [article] = parse(text)
    assert [(p.name, p.role) for p in article.bylines] == [("某甲", "")]
    assert len(article.paragraphs) == 2


def test_a_phrase_between_ornaments_heads_a_story():
    first, second = parse(f"戲園新開\n乙城觀眾甚多\n\n{OTHER}\n\n◇李壽◇\n\n李四夫人今欣値五秩榮慶、諸友好定今日舉行堂會、\n")
    assert first.paragraphs == [OTHER]
    assert second.title == "◇李壽◇"


def test_a_phrase_between_ornaments_naming_the_storys_subject_is_her_portraits_caption():
    body = "甲城名伶、向推數人、而王五小姐、色藝俱佳、近自乙城來滬、"
    [article] = parse(f"名伶來滬記\n（某甲）\n\n{body}\n\n◘王五小姐◘\n")
    assert article.captions == ["◘王五小姐◘"]
    assert article.paragraphs == [body]


def test_a_serials_deck_with_marked_columns_opens_a_story():
    text = (
        f"戲園新開\n乙城觀眾甚多\n\n{OTHER}\n\n"
        "滬濱舊聞\n△歸鄉\n（十二）\n某某譔\n\n"
        "張生，甲城人，賣茶爲業。少時家貧，設攤於城隍廟前，若干年後，積資漸豐。\n"
    )
    first, second = parse(text)
    assert first.paragraphs == [OTHER]
    assert second.title == "滬濱舊聞 △歸鄉 （十二） 某某譔"
    assert second.captions == []


def test_a_deck_column_of_brackets_alone_belongs_to_the_title():
    text = f"戲園新開\n））\n張三\n自乙城寄\n（（\n\n{OTHER}\n"
    [article] = parse(text)
    assert article.title == "戲園新開 ）） 張三 自乙城寄 （（"
    assert article.paragraphs == [OTHER]


def test_a_punctuated_short_line_under_a_subhead_is_a_cut_paragraph_piece():
    text = (
        "甲輪被阻\n乙輪仍開航\n\n"
        "某國洋行之甲輪、於本月十日由滬駛丙城、昨晨電滬向公司報吿、該輪中途被阻、\n\n"
        "乙輪返滬\n\n"
        "據某公司消息、停泊在丙城之外輪、爲某洋行之乙輪、自\n\n"
        "甲輪被阻消息到滬後、公司卽電乙輪詢問、定明日由丙城駛囘上海、\n"
    )
    [article] = parse(text)
    assert article.subheads == ["乙輪返滬"]
    assert len(article.paragraphs) == 2


def test_a_headline_column_after_a_brief_opens_the_next_story():
    brief = "◘某君之妾、近日控告遺棄、昨日開庭審理、兩造均到、"
    story = "某洋行經理張三、與李四女士、過從甚密、近已訂婚、不日當可成禮、"
    articles = parse(f"戲園新開\n（某甲）\n\n{OTHER}\n\n{brief}\n甲乙有緣記\n\n\n{story}\n\n（某乙）\n")
    assert [(a.title, a.paragraphs) for a in articles[1:]] == [("", [brief]), ("甲乙有緣記", [story])]
    assert [p.name for p in articles[2].bylines] == ["某乙"]


def test_a_piece_signed_under_its_text_begins_at_its_own_headline():
    first = "近日城中各校、均添設女生班、學生甚為踴躍、"
    rest = ["凡是一種議論、必有一種理由、有了理由、方能稱得起議論。", "若拿陳腐的見解來批評新起的風氣、未免失之偏頗。"]
    text = f"女學漸興\n（某甲）\n\n{first}\n\n何必！\n\n{rest[0]}\n\n{rest[1]}\n\n（某乙）\n"
    one, two = parse(text)
    assert (one.title, one.paragraphs, [p.name for p in one.bylines]) == ("女學漸興", [first], ["某甲"])
    assert (two.title, two.paragraphs, [p.name for p in two.bylines]) == ("何必！", rest, ["某乙"])


def test_photo_news_under_a_story_with_subheads_is_its_caption_and_credit():
    text = (
        "某镇茶园越种越大\n本报记者 张三\n\n这两年，某镇的茶园越种越大，茶农的日子越过越红火。\n\n"
        "技术员进村\n\n镇里请来农技员，手把手教大家修剪、施肥和采摘。\n\n"
        + "".join(f"第{n}批茶农结业后回到茶园，收成比往年好了不少。\n\n" for n in "一二三四五")
        + "镇上新建的茶叶加工厂日前投产，每天可加工鲜叶十吨。\n\n李四摄\n"
    )
    story, photo = parse_page(decode_page("new.txt", text.encode("utf-8"))).articles
    assert story.subheads == ["技术员进村"]
    assert [p.name for p in story.bylines] == ["张三"]
    assert (photo.title, [p.name for p in photo.bylines]) == ("", ["李四"])
    assert photo.paragraphs == ["镇上新建的茶叶加工厂日前投产，每天可加工鲜叶十吨。"]


PARA_A = "全市今年计划新建改建道路一百公里，目前已完成过半。有关部门表示，将加快推进剩余工程。"
PARA_B = "据介绍，新建道路将连通多个新建小区，方便居民出行。施工期间，交警部门将做好交通疏导。"


def test_a_column_end_piece_longer_than_a_display_line_heads_no_story():
    piece = "某区园林部门将对全区主要道路两侧的行道树、绿化带和街心花园进行修"
    text = f"全市道路建设提速\n\n本报某地3月4日电  {PARA_A}\n\n{PARA_B}\n{piece}\n\n剪养护。{PARA_B}\n\n{PARA_A}\n"
    [article] = parse_page(decode_page("new.txt", text.encode("utf-8"))).articles
    assert article.title == "全市道路建设提速"


def test_a_lone_line_of_clauses_is_a_subhead_not_the_next_storys_headline():
    text = f"全市道路建设提速\n\n{PARA_A}\n\n{PARA_B}\n\n坚持规划先行，统筹推进新老城区道路建设\n\n{PARA_A}\n\n{PARA_B}\n"
    [article] = parse_page(decode_page("new.txt", text.encode("utf-8"))).articles
    assert article.subheads == ["坚持规划先行，统筹推进新老城区道路建设"]


# --- modern pages: what closes a story, and a feature's sections ------------

LONG = "某市近日召开专题会议，研究部署今年重点工作，会议要求各部门抓好落实，确保各项任务按期完成。"
MORE = "与会人员围绕产业升级、城市更新和民生保障等议题深入交流，提出了不少具体建议。"


def test_a_reprinted_speech_ends_with_its_source_note_and_the_next_line_heads_a_story():
    articles = parse(
        f"让改革成果惠及更多群众\n\n{LONG}\n\n{MORE}\n\n（摘自某月某日在某论坛上的讲话）\n\n"
        f"推动基层治理走深走实\n\n{MORE}\n\n{LONG}\n\n（摘自某月某日在某论坛上的讲话）\n"
    )
    assert [a.title for a in articles] == ["让改革成果惠及更多群众", "推动基层治理走深走实"]
    # the note is printed as the piece's last line: it stays in the text
    assert articles[0].paragraphs[-1] == "（摘自某月某日在某论坛上的讲话）"


def test_a_dateline_printed_after_the_text_is_the_reports_and_closes_it():
    articles = parse(
        f"某国议会通过新预算案\n\n{LONG}\n\n{MORE}\n\n（本报某城1月1日电）\n\n"
        f"某地举办国际博览会\n\n{MORE}\n\n{LONG}\n\n（本报某地1月2日电）\n"
    )
    assert [a.title for a in articles] == ["某国议会通过新预算案", "某地举办国际博览会"]
    assert [(a.dateline, a.dateline_month, a.dateline_day) for a in articles] == [
        ("本报某城1月1日电", 1, 1), ("本报某地1月2日电", 1, 2)]
    assert articles[0].paragraphs[-1] == MORE


def test_a_feature_opening_with_a_reading_box_heads_its_sections_with_a_speaker_and_his_words():
    articles = parse(
        f"某项改革为何进展缓慢（国际视点）\n\n核心阅读\n\n{LONG}\n\n{MORE}\n\n"
        f"某国官员——\n我们不会独自承担这一负担\n\n{LONG}\n\n{MORE}\n\n"
        f"某机构学者——\n分歧在短期内难以弥合\n\n{MORE}\n\n{LONG}\n"
    )
    assert len(articles) == 1
    assert "某国官员——" in articles[0].subheads and "某机构学者——" in articles[0].subheads
    assert "我们不会独自承担这一负担" not in articles[0].subheads  # the words are the section's text


# --- the old pages' pictures and signatures, moved about by PDF/OCR text -------

SALON = "甲里某寓之老大、年雖越花信、而淸雅宜人、其妹老三、尤負盛名、每夕座客常滿、"
SALON_END = "近日老三另擇新居、門庭若市、一時傳爲佳話、"


def test_a_portrait_caption_dropped_between_the_pieces_of_a_cut_sentence_stays_with_its_story():
    cut = SALON.index("負盛")  # mid-word: the piece above ends on no stop
    articles = parse(
        f"某寓姊妹花\n\n{SALON[:cut]}\n\n◘某寓老三◘\n\n{SALON[cut:]}\n\n{SALON_END}\n（某生）\n\n"
        f"戲園新開\n\n{OTHER}\n"
    )
    assert [a.title for a in articles] == ["某寓姊妹花", "戲園新開"]
    assert articles[0].captions == ["◘某寓老三◘"]


def test_a_caption_trailing_off_dropped_into_a_cut_sentence_stays_with_its_story():
    cut = SALON.index("負盛")
    articles = parse(
        f"某寓姊妹花\n\n{SALON[:cut]}\n\n◘某寓老三⋯◘\n\n{SALON[cut:]}\n\n{SALON_END}\n（某生）\n\n"
        f"戲園新開\n\n{OTHER}\n"
    )
    assert [a.title for a in articles] == ["某寓姊妹花", "戲園新開"]
    assert articles[0].captions == ["◘某寓老三⋯◘"]


def test_a_phrase_ending_with_the_photographers_credit_in_brackets_is_a_caption():
    [article] = parse(f"某寓姊妹花\n\n{SALON}\n\n◘某寓三姊妹（某某攝）\n\n{SALON_END}\n")
    assert article.captions == ["◘某寓三姊妹（某某攝）"]
    assert article.paragraphs[-1].endswith(SALON_END)


def test_a_verse_over_its_writers_signature_moved_under_it_is_text_not_a_headline():
    verse = "春風何處不相思明月樓頭照客衣一曲琵琶彈未了三更燈火夢猶歸舊時王謝今何在"  # longer than display type
    articles = parse(
        f"戲成俳詩\n\n{SALON}\n\n{verse}\n\n（某生）\n交際新聞\n\n{OTHER}\n（某甲）\n"
    )
    assert [a.title for a in articles] == ["戲成俳詩", "交際新聞"]
    assert articles[0].paragraphs[-1].endswith(verse)  # the text, whatever piece it joins
    assert [(p.name, p.role) for p in articles[0].bylines] == [("某生", "")]


def test_each_item_under_a_column_of_briefs_is_a_brief_of_its_own():
    articles = parse(
        "經濟簡訊\n米市\n\n昨日河下來源寥落、僅到貨數百石、市價續漲、\n\n"
        "金市\n\n昨日金市暗盤、盤旋於二千元左右、交易清淡、\n\n"
        "公債\n反動下跌\n\n昨日公債市况忽起反動、空頭乘機抛售、\n"
    )
    assert [a.title for a in articles] == ["經濟簡訊 米市", "金市", "公債 反動下跌"]
    assert all(not a.subheads for a in articles)


def test_a_title_tagged_with_its_series_heads_a_story_even_with_a_summary_line_under_it():
    articles = parse(
        f"某区建设社区服务站\n\n{LONG}\n\n措施更精细\n\n{MORE}\n\n{LONG}\n\n"
        f"方便群众更贴心（民生观）\n\n体谅群众的难处，把好事办到心坎上\n\n{MORE}\n\n{LONG}\n"
    )
    assert [a.title for a in articles] == ["某区建设社区服务站", "方便群众更贴心（民生观）"]


def test_an_exclaiming_headline_under_the_signature_that_closes_the_piece_above_heads_the_next():
    articles = parse(f"男女平權\n\n{SALON}\n（某生）\n不必！\n\n{OTHER}\n\n{SALON_END}\n（某甲）\n")
    assert [a.title for a in articles] == ["男女平權", "不必！"]
    assert [[p.name for p in a.bylines] for a in articles] == [["某生"], ["某甲"]]


def test_the_summary_under_a_commentarys_tagged_title_opens_its_text():
    summary = "只有因势而谋、应势而动、顺势而为，才能把各项工作做深做实做细，让群众真正满意"
    articles = parse(f"某某评论\n\n{LONG}\n\n{MORE}\n\n做好基层治理大文章（评论员观察）\n\n{summary}\n\n{MORE}\n\n{LONG}\n")
    second = articles[-1]
    assert (second.title, second.subtitle) == ("做好基层治理大文章（评论员观察）", "")
    assert second.paragraphs[0].startswith(summary)  # the text opens with it (joined to the next piece: it ends on no stop)


def test_short_lines_of_clauses_under_a_dash_subtitle_are_the_texts_first_pieces():
    articles = parse(
        f"某区新闻\n\n{LONG}\n\n{MORE}\n\n"
        "迎接挑战再创佳绩（体坛观澜）\n——建设体育强市的思考之三\n\n"
        "精心备战赛事的同时，某市体育也需要努力探索\n\n发展的新模式，以更为务实、开放的态度推进改革\n\n"
        f"{LONG}\n"
    )
    last = articles[-1]
    assert (last.title, last.subtitle) == ("迎接挑战再创佳绩（体坛观澜）", "建设体育强市的思考之三")
    assert last.paragraphs[0].startswith("精心备战赛事的同时")


def test_the_picture_and_words_credit_under_photo_news_closes_it():
    articles = parse(
        f"图片报道\n\n{MORE}\n\n这正是：\n\n市场焕新颜，\n\n群众笑开颜。\n\n张\u3000\u3000三图\u3000\u3000李\u3000\u3000四文\n\n"
        f"涵养干部的浩然之气\n\n{LONG}\n\n{MORE}\n"
    )
    assert [a.title for a in articles] == ["图片报道", "涵养干部的浩然之气"]
    assert all("李" not in p for p in articles[0].paragraphs)


STORY = "甲市昨天开通了第三条地铁线路，全长二十公里，设站十五座。\n\n市民张先生说，以后上班能少花半小时。\n"


def test_lone_notice_headings_are_items_of_their_own_with_no_text():
    """A results box set as a picture leaves only its heading in PDF text."""
    text = f"地铁三号线今天开通\n\n记者 王五\n\n{STORY}\n乐透彩票开奖公告\n\n足球彩票开奖公告\n"
    story, first, second = parse(text)
    assert story.paragraphs[-1] == "市民张先生说，以后上班能少花半小时。"
    assert (first.title, first.paragraphs) == ("乐透彩票开奖公告", [])
    assert (second.title, second.paragraphs) == ("足球彩票开奖公告", [])


def test_a_notice_heading_keeps_the_text_under_it():
    text = f"地铁三号线今天开通\n\n记者 王五\n\n{STORY}\n寻物启事\n\n本人于昨日在地铁站遗失黑色背包一个，请拾到者与我联系。\n"
    story, notice = parse(text)
    assert (notice.title, notice.paragraphs) == ("寻物启事", ["本人于昨日在地铁站遗失黑色背包一个，请拾到者与我联系。"])


def test_a_stacked_title_ending_in_a_notice_word_stays_one_headline():
    text = f"甲市发布\n限行公告\n\n记者 王五\n\n{STORY}"
    [story] = parse(text)
    assert story.title == "甲市发布限行公告"
    assert len(story.paragraphs) == 2


def test_the_papers_own_box_heads_an_item_apart_from_the_story_above():
    text = (
        f"地铁三号线今天开通\n\n记者 王五\n\n{STORY}\n本报信息\n\n年订价300元\n\n邮发代号：11—22\n\n"
        "欢迎订阅\n\n印刷：甲市印务有限公司\n"
    )
    story, box = parse(text)
    assert story.paragraphs[-1] == "市民张先生说，以后上班能少花半小时。"
    assert box.title == "本报信息"
    assert "欢迎订阅" not in story.paragraphs + story.subheads


def test_letters_signed_under_their_titles_are_pieces_of_their_own():
    text = (
        "写给远方的家人\n\n记者 王五\n\n读者来信讲述他们的思念，本报选登两封。\n\n"
        "爷爷，春天又来了\n\n寄语人：张小明\n\n院子里的桃树开花了，您种下的那棵长得最高。\n\n我们都很想念您。\n\n"
        "妈妈，谢谢您\n\n寄语人：李华\n\n您教会我做人要诚实，我一直记在心里。\n"
    )
    intro, first, second = parse(text)
    assert intro.paragraphs == ["读者来信讲述他们的思念，本报选登两封。"]
    # the signature opens the text, run into its first piece as any line ending on no stop
    assert first.title == "爷爷，春天又来了" and first.paragraphs[0].startswith("寄语人：张小明院子里")
    assert not first.subheads and first.paragraphs[-1] == "我们都很想念您。"
    assert second.title == "妈妈，谢谢您" and second.paragraphs[0].startswith("寄语人：李华")


def test_a_contact_line_under_a_subhead_stays_in_the_story():
    text = (
        "甲市招募志愿者\n\n记者 王五\n\n甲市图书馆即日起招募周末志愿者，负责图书整理和读者引导。\n\n"
        "报名方式\n\n联系人：张小明\n\n报名者请于本月底前发送简历至图书馆邮箱。\n"
    )
    [story] = parse(text)
    assert story.title == "甲市招募志愿者" and "报名方式" in story.subheads


def test_a_subhead_ending_in_a_notice_word_stays_in_its_story():
    text = (
        "两市签署合作协议\n\n记者 王五\n\n两市代表昨天在甲市会面，就多个领域的合作交换意见。\n\n"
        "发表联合声明\n\n双方一致同意加强交流，共同推动区域发展。\n\n"
        "签署合作文件\n\n会后，双方签署了五份合作文件，涉及交通和旅游。\n"
    )
    [story] = parse(text)
    assert story.subheads == ["发表联合声明", "签署合作文件"]
    assert story.paragraphs[-1] == "会后，双方签署了五份合作文件，涉及交通和旅游。"


def test_a_speaker_named_under_a_subhead_does_not_open_a_piece():
    text = (
        "甲市召开新闻发布会\n\n记者 王五\n\n甲市昨天召开新闻发布会，介绍今年的民生工程。\n\n"
        "回应关切\n\n发言人：张小明\n\n今年将新建学校十所，改造老旧小区一百个。\n"
    )
    [story] = parse(text)
    assert story.title == "甲市召开新闻发布会" and "回应关切" in story.subheads


def test_questions_set_solid_over_a_headline_at_the_page_top_are_its_kicker():
    text = (
        "公交车要等多久？你身边的驿站在哪里？\n某某区还有哪些便民设施？\n"
        "便民服务就藏在一件件小事中\n某某区便民设施案例继续征集中\n\n"
        "记者 王五\n\n某某区便民设施案例征集活动正在进行，市民可推荐身边的便民细节。\n\n"
        "征集活动推出后，大量案例涌来，热心市民纷纷推荐。\n\n"
        "征集仍在进行\n期待你的便民故事\n\n案例征集将于本月底截止，市民可通过客户端参与。\n"
    )
    first, second = parse(text)
    assert first.kicker.startswith("公交车要等多久？你身边的驿站在哪里？某某区还有哪些便民设施？")
    assert first.title == "某某区便民设施案例继续征集中"
    assert first.paragraphs[0].startswith("某某区便民设施案例征集活动")
    assert second.paragraphs == ["案例征集将于本月底截止，市民可通过客户端参与。"]


def test_a_line_set_solid_over_the_title_is_its_top_line_not_a_piece_of_its_own():
    text = (
        "第二届某某案例评选开始投票\n第一天投票，这几家单位排前十\n\n"
        "扫码投票\n\n记者 王五\n\n第二届某某案例评选昨天开始投票，市民可每天点赞。\n\n"
        "投票规则：每人每天可点赞十票。\n"
    )
    [story] = parse(text)
    assert story.kicker == "第二届某某案例评选开始投票"
    assert story.paragraphs[-1] == "投票规则：每人每天可点赞十票。"


def test_a_name_and_colon_set_solid_over_a_title_is_the_next_storys_kicker():
    text = (
        "张某某：\n从警为民  援救生命\n\n据新华社电  （记者王五）张某某生于1986年，是一名民警。\n\n"
        "他多次参与山中救援，救出被困游客数十人。\n\n"
        "李某某：\n坚守岗位  托举战鹰\n\n据新华社电  （记者赵六）李某某是一名机务兵。\n\n"
        "他带领中队创造了多项安全纪录。\n"
    )
    first, second = parse(text)
    assert (first.kicker, first.title) == ("张某某：", "从警为民  援救生命")
    assert (second.kicker, second.title) == ("李某某：", "坚守岗位  托举战鹰")
    assert first.paragraphs[-1] == "他多次参与山中救援，救出被困游客数十人。"


def test_photo_news_over_a_paragraph_piece_set_directly_under_its_headline_is_its_own():
    # A column end cut the caption's sentence; PDF text set its first piece
    # directly under the headline (no blank line), as printed pages do.
    text = (
        "某某企业积极支持复工复产\n科技助力显威力\n\n某某企业近日全面复工，产能恢复九成。\n\n"
        "企业负责人表示，将继续做好防控。\n\n"
        "春游 乐悠悠\n某某市各景区在做好防控、保障服务质量的前提下，推出多项惠民措施和旅游套餐，并\n\n"
        "对周末假期“短途游”进行策划，吸引游客参与。\n\n图为游客在某某公园游玩。\n\n王五摄\n\n"
        "某某银行发布新规\n\n本报北京5月11日电  （记者钱七）某某银行近日发布新规，规范贷款业务。\n"
    )
    first, photo, last = parse(text)
    assert first.paragraphs[-1] == "企业负责人表示，将继续做好防控。"
    assert photo.title == "春游 乐悠悠" and photo.paragraphs[0].startswith("某某市各景区")
    assert last.title == "某某银行发布新规"


def test_a_headline_over_a_lead_in_and_the_writers_byline_opens_a_story():
    text = (
        "周末好天气，抓紧赏花\n今年首场降雨即将来袭\n\n网友“某某小舟” 摄\n\n记者 王五\n\n"
        "本周末全市以晴为主，正是赏花的好时候。\n\n下周起气温将略有回落，请市民注意添衣。\n\n"
        "跟着这本书重新认识某某湖，积分兑换《某某湖》\n\n登录某某客户端，参与兑换商品。\n\n"
        "记者 赵六 钱七\n\n去年三月，本报推出某某栏目，带读者发现城市之美。\n"
    )
    first, second = parse(text)
    assert first.paragraphs[-1] == "下周起气温将略有回落，请市民注意添衣。"
    assert second.title == "跟着这本书重新认识某某湖，积分兑换《某某湖》"
    assert second.paragraphs[0] == "登录某某客户端，参与兑换商品。"
    assert [b.name for b in second.bylines] == ["赵六", "钱七"]


def test_a_long_piece_of_a_cut_paragraph_set_under_a_subhead_is_text_not_a_headline():
    text = (
        "一人在岗 事事通办（基层治理新实践）\n\n本报记者 王五\n\n核心阅读\n\n"
        "某某市推行全岗通工作法，社区干部一专多能。\n\n"
        "去年以来，某某市推动社区服务改革，取得初步成效。\n\n"
        "打破条线壁垒\n\n培训社区干部一专多能，具备全方位服务群众的能力\n"
        "为保障社区干部做到一专多能，某某市建立了基本准入机制，组织社区工作者开展专题培\n\n\n"
        "训和笔试测验，通过考试方可从事对应岗位工作。\n\n"
        "服务站点下沉\n\n实现从街道到小区的三站通服务延伸\n\n家住某某小区的赵六说，现在办事方便多了。\n"
    )
    [story] = parse(text)
    assert "打破条线壁垒" in story.subheads
    assert any(p.startswith("为保障社区干部") for p in story.paragraphs)


def test_reported_speech_cut_at_a_column_end_does_not_head_a_story():
    text = (
        "向某某伸手必重判\n\n本报北京5月18日电  （记者王五）某某法院18日发布七起典型案例。\n\n"
        "据介绍，近年来，法院更加重视对某某权益的保护。\n\n"
        "七起案例中，既有刑事案件，也有民事案件。\n\n"
        "某某法院相关负责人表示，集中发布这些典\n\n"
        "型案例，是要正告那些潜在的违法犯罪者。\n\n"
        "法院将继续依法严惩此类犯罪。\n"
    )
    [story] = parse(text)
    assert story.paragraphs[-1] == "法院将继续依法严惩此类犯罪。"


def test_the_same_notice_heading_set_solid_under_another_is_a_box_of_its_own():
    text = (
        f"地铁三号线今天开通\n\n记者 王五\n\n{STORY}\n\n"
        "某某彩票开奖公告\n\n某某彩票开奖公告\n某某彩票开奖公告\n\n某某彩票开奖公告\n"
    )
    story, *notices = parse(text)
    assert story.title == "地铁三号线今天开通"
    assert [(n.title, n.paragraphs) for n in notices] == [("某某彩票开奖公告", [])] * 4


def test_the_papers_box_set_solid_under_a_storys_last_sentence_is_apart_from_it():
    text = (
        f"地铁三号线今天开通\n\n记者 王五\n\n{STORY}"
        "本报地址\n\n2026年订价396元\n\n邮发代号：31—81\n\n全国各地邮局均可订阅\n"
    )
    story, box = parse(text)
    assert story.paragraphs[-1] == "市民张先生说，以后上班能少花半小时。"
    assert box.title == "本报地址"


def test_dispatches_under_a_headline_that_names_several_parties_stay_one_story():
    text = (
        "某某分别同甲国、乙国外长通电话\n\n"
        "本报北京5月11日电  5月11日，某某同甲国外长通电话。\n\n甲国外长表示感谢。\n\n"
        "本报北京5月11日电  5月11日，某某同乙国外长通电话。\n\n乙国外长表示赞同。\n\n"
        "某市举办科技周\n\n本报北京5月11日电  某市科技周昨天开幕。\n"
    )
    first, second = parse(text)
    assert first.paragraphs[-1] == "乙国外长表示赞同。"
    assert second.title == "某市举办科技周"


def test_briefs_under_the_same_dateline_are_still_items_of_their_own():
    text = (
        "某某同甲国外长通电话\n\n本报北京5月11日电  5月11日，某某同甲国外长通电话。\n\n甲国外长表示感谢。\n\n"
        "本报北京5月11日电  某市科技周昨天开幕，展出项目百余个。\n"
    )
    first, second = parse(text)
    assert first.paragraphs[-1] == "甲国外长表示感谢。"
    assert second.dateline == "本报北京5月11日电"


def test_a_long_subtitle_of_two_balanced_phrases_set_under_the_title_stays_the_subtitle():
    text = (
        "某某区稳就业取得新成效\n今年以来某某区新增就业岗位十二万个，城镇登记失业率控制在百分之三以内\n\n"
        "某某区上下认真落实各项政策，就业形势总体稳定。\n\n下一步将继续加大帮扶力度。\n"
    )
    [story] = parse(text)
    assert story.subtitle == "今年以来某某区新增就业岗位十二万个，城镇登记失业率控制在百分之三以内"
    assert story.paragraphs[0] == "某某区上下认真落实各项政策，就业形势总体稳定。"


def test_a_storys_closing_exclamation_over_the_next_headline_stays_its_last_paragraph():
    text = (
        "某某公园举办菊花展\n\n记者 王五\n\n某某公园菊花展昨天开幕，展出菊花三百余种。\n\n"
        "展览将持续到本月底。\n\n欢迎广大市民踊跃参与！\n某某区新开通3条公交线路\n\n记者 赵六\n\n"
        "某某公交公司昨天起新开通3条公交线路，方便市民出行。\n"
    )
    first, second = parse(text)
    assert first.paragraphs[-1] == "欢迎广大市民踊跃参与！"
    assert (second.kicker, second.title) == ("", "某某区新开通3条公交线路")


def test_a_closing_quote_over_the_next_headline_stays_the_storys_last_paragraph():
    text = (
        "某某村迎来丰收季\n\n记者 王五\n\n某某村的稻谷进入收割期，村民忙着收割。\n\n"
        "村民张某某说，今年雨水充足。\n\n“我们对今年的收成很有信心！”\n某某区新开通3条公交线路\n\n"
        "记者 赵六\n\n某某公交公司昨天起新开通3条公交线路，方便市民出行。\n"
    )
    first, second = parse(text)
    assert first.paragraphs[-1] == "“我们对今年的收成很有信心！”"
    assert second.kicker == ""


def test_briefs_under_a_fenbie_headline_without_a_dated_dateline_stay_apart():
    text = (
        "两所某某高校分别获评文明校园\n\n本报讯（记者 王五）某某大学日前获评文明校园。\n\n"
        "学校多年来坚持立德树人。\n\n本报讯（记者 李某）某某学院日前获评文明校园。\n\n"
        "学院注重校园文化建设。\n\n本报讯（记者 赵六）某某区图书馆昨天开放夜间阅览。\n"
    )
    first, second, third = parse(text)
    assert first.paragraphs[-1] == "学校多年来坚持立德树人。"
    assert [b.name for b in second.bylines] == ["李某"] and second.paragraphs[0] == "某某学院日前获评文明校园。"
    assert [b.name for b in third.bylines] == ["赵六"]


def test_a_subhead_opening_with_a_noun_ending_in_shuo_is_no_reported_speech():
    text = (
        "某某文学研讨会举行\n\n本报北京5月18日电  （记者王五）某某文学研讨会18日在京举行。\n\n"
        "与会专家认为，网络文学发展迅速。\n\n某某小说，何以走红海外\n\n"
        "某某平台数据显示，海外读者数量逐年增长。\n\n专家建议加强翻译人才培养。\n"
    )
    stories = parse(text)
    assert stories[-1].paragraphs[0] == "某某平台数据显示，海外读者数量逐年增长。"
    assert all("某某小说，何以走红海外" not in p for story in stories for p in story.paragraphs)


def test_a_two_line_subhead_set_solid_by_a_lost_blank_line_stays_in_its_story():
    # PDF text lost the blank line between the two lines of the first subhead;
    # the story's next subhead, further down, keeps its own.
    text = (
        "某某新区建设提速\n\n记者 王五\n\n某某新区今年开工项目一百余个，总投资超过千亿元。\n\n"
        "项目推进更快\n一批重点工程提前完工\n\n"
        "某某大道今年提前两个月通车，沿线企业纷纷入驻。\n\n新区还建成了多所学校。\n\n"
        "服务保障更优\n\n企业办事不出园区\n\n"
        "新区设立企业服务中心，提供一站式服务。\n"
    )
    (story,) = parse(text)
    assert story.title == "某某新区建设提速"
    assert "项目推进更快" in story.subheads and "企业办事不出园区" in story.subheads


def test_a_solid_headline_after_a_story_with_two_line_subheads_heads_the_next_story():
    # The story above set its subheads apart; the box under it runs on with
    # text and none of them: its solid headline is its own.
    text = (
        "某某新区建设提速\n\n记者 王五\n\n某某新区今年开工项目一百余个，总投资超过千亿元。\n\n"
        "项目推进更快\n\n一批重点工程提前完工\n\n某某大道今年提前两个月通车，沿线企业纷纷入驻。\n\n"
        "征集活动正在进行\n期待你的建设故事\n\n"
        "欢迎市民讲述身边的变化，来稿请注明联系方式。\n\n来稿将择优刊登。\n"
    )
    first, second = parse(text)
    assert (second.kicker, second.title) == ("征集活动正在进行", "期待你的建设故事")


def test_a_signature_moved_under_the_text_makes_the_column_above_a_headline():
    # The next piece's signature, printed under its headline, came out under
    # its text: the single column between the two pieces heads the signed one.
    first_text = "甲城近日米價大漲、每石售至十五元、貧民叫苦不迭、商會擬設平糶局、以資救濟、"
    second_text = "乙君新自北平來、談及該地戲園近況、謂各園座客寥落、伶人多有南下之意、"
    first, second = parse(
        f"甲城米價大漲\n\n{first_text}\n\n{first_text}\n\n乙君談北平戲園\n\n{second_text}\n\n{second_text}\n\n（丁某）\n"
    )
    assert first.title == "甲城米價大漲" and "乙君談北平戲園" not in first.subheads
    assert second.title == "乙君談北平戲園"
    assert [(b.name, b.role) for b in second.bylines] == [("丁某", "")]


def test_a_picture_caption_between_marks_heads_no_signed_piece():
    text = "甲城近日米價大漲、每石售至十五元、貧民叫苦不迭、商會擬設平糶局、以資救濟、"
    (story,) = parse(f"甲城米價大漲\n\n{text}\n\n◀某某小影▶\n\n{text}\n\n（丁某）\n")
    assert story.title == "甲城米價大漲"


def test_the_first_paragraph_cut_at_a_column_end_under_the_headline_is_no_subtitle():
    # PDF text cut the first paragraph mid-sentence, a blank line between the
    # pieces; its first piece stands apart under the headline like a 副题.
    first = "今年3月5日，某某市委书记率市委常委来到某某区某某街道，就基层治理和民生实事开展"
    text = f"某某街道基层治理见实效\n\n{first}\n\n专题调研，听取居民代表意见建议。\n\n座谈会上，居民代表踊跃发言。\n"
    (story,) = parse(text)
    assert (story.title, story.subtitle) == ("某某街道基层治理见实效", "")
    assert story.paragraphs[0].startswith("今年3月5日")


def test_an_interviews_question_set_solid_under_a_subhead_is_no_headline():
    # PDF text lost the blank line under the subhead; 问：…？ opens the
    # interview's text all the same, and the subhead stays in the story.
    text = (
        "某某改革再出发\n\n本报记者  王五\n\n某某部门日前发布《意见》，记者专访了有关负责人。\n\n"
        "以改革破除体制机制障碍\n问：《意见》出台的背景是什么？\n\n"
        "答：这是推动高质量发展的需要。\n\n问：下一步如何落实？\n\n答：我们将抓紧制定配套措施。\n"
    )
    (story,) = parse(text)
    assert story.title == "某某改革再出发" and "以改革破除体制机制障碍" in story.subheads


def test_a_kicker_set_solid_under_the_story_above_by_a_lost_blank_line_heads_the_next_story():
    # A series names each hero over his story (某某：); PDF text lost the blank
    # line between the story above and that 引题.
    text = (
        "某某：\n坚守岗位  托举战鹰（英雄谱）\n\n本报记者  王五\n\n某某生前是某部机务人员。\n\n"
        "他的画像至今还挂在史馆内。\n某某：\n殊死搏斗  写就忠诚（英雄谱）\n\n本报记者  李四\n\n某某生前是某地缉毒民警。\n"
    )
    first, second = parse(text)
    assert first.paragraphs[-1] == "他的画像至今还挂在史馆内。"
    assert (second.kicker, second.title) == ("某某：", "殊死搏斗  写就忠诚（英雄谱）")


def test_a_piece_set_solid_under_a_dated_reports_paragraph_heads_no_story():
    # PDF text cut the report's second paragraph at a column end and lost the
    # blank line above it: its short first piece stands alone, set solid.
    text = (
        "某国使馆向某校捐赠设备\n\n新华社某城12月31日电  （记者王五）某国驻某国大使馆31日向当地一所学校捐赠教学设备。\n"
        "某国教育、文化、青年和体育事务部部长某某·某\n\n"
        "某某、大使某某以及学校师生代表出席了捐赠仪式。\n\n据介绍，这批设备将用于学校的信息化教学。\n"
    )
    (story,) = parse(text)
    assert story.title == "某国使馆向某校捐赠设备"


def test_a_decks_bracket_column_set_solid_over_the_text_stays_in_the_deck():
    # The writer and his place in brackets close the deck; PDF text lost the
    # blank line between the deck and the first paragraph.
    articles = parse(f"某公過西湖記\n））\n某甲\n自杭\n州寄\n（（\n{REPORT}\n\n{OTHER}\n")
    assert articles[0].title.endswith("（（")
    assert articles[0].paragraphs[0].startswith("甲城商會")


def test_a_series_end_note_set_solid_over_the_next_headline_closes_the_text_above():
    # A series of commentaries closes its last piece with a note in brackets;
    # PDF text lost the blank line between it and the next piece's title.
    text = (
        "把优势转化为效能（某某观点）\n\n某某观点认为，制度优势是最大的优势。\n\n"
        "只有坚持不懈，才能把优势转化为效能。\n\n（本系列评论到此结束）\n做好融合大文章（某某观察）\n\n"
        "拥抱新时代，如何加强融合，是一道必答题。\n"
    )
    first, second = parse(text)
    assert (second.kicker, second.title) == ("", "做好融合大文章（某某观察）")
    assert first.paragraphs[-1].endswith("（本系列评论到此结束）")


def test_a_long_subtitle_with_commas_set_apart_under_the_headline_stays_the_subtitle():
    # A speaker's words or parallel phrases make a 副题 of clauses; set apart by a
    # blank line with no byline under it, it is no first paragraph cut at a column end.
    lead = "国家移民管理局近日公布数据，去年全国边检机关共查验出入境人员6.7亿人次。"
    for subtitle in ("全国人大代表某某某：以科技创新引领产业升级，推动高质量发展再上新台阶",
                     "从某某村到某某镇，从田间地头到生产车间，某某人用汗水书写着奋斗的故事"):
        (story,) = parse(f"奋力谱写地方篇章\n\n{subtitle}\n\n{lead}\n\n{lead}\n\n（某甲）\n")
        assert (story.subtitle, story.paragraphs[0]) == (subtitle, lead)


def test_a_signed_commentary_with_plain_subheads_is_one_piece_with_its_signature():
    p = "推进基层治理现代化，关键在于把群众的事当成自己的事，把群众的小事当成大事来办。"
    q = "只有这样，才能让基层治理真正落地见效，让群众有更多获得感、幸福感、安全感。"
    (story,) = parse(f"让基层治理更有温度\n\n{p}\n\n{q}\n\n坚持问题导向\n\n{p}{q}\n\n坚持群众路线\n\n{q}{p}\n\n（某甲）\n")
    assert [b.name for b in story.bylines] == ["某甲"]


def test_a_piece_running_past_a_question_into_a_cut_word_is_the_first_paragraph():
    # PDF text cut the first paragraph at a column end, mid-word: the piece
    # under the headline closes one sentence (……？) and opens the next, and the
    # line below begins with the cut word's last character and a pause.
    head = "某某企业运用新技术助力防控\n科技防控显身手\n\n"
    rest = "\n\n如何减轻一线人员压力？某公司研制出巡检机器人，可代替人工完成巡查。\n"
    for first, gap in (("如何快速筛查安全隐患？依托人工智能技", "\n\n"), ("如何快速筛查安全隐患？依托人工智能技术，某公司研制出高精度、远距", "\n")):
        following = "离、大范围的监测方案，误差不超0.3摄氏度。" if gap == "\n" else "术，某公司研制出高精度监测方案，误差不超0.3摄氏度。"
        (story,) = parse(head + first + gap + following + rest)
        assert (story.title, story.subtitle) == ("科技防控显身手", "")
        assert story.paragraphs[0].startswith("如何快速筛查安全隐患？")


def test_a_headline_line_asking_and_answering_stays_in_the_headline():
    # A question and its answer on one headline line (某某怎么办？某某请收好) run
    # past a sentence's end too; the text under them opens on no cut word.
    text = "某地春节消费指南\n年夜饭怎么订？这份攻略请收好\n\n春节将至，某地各大饭店的年夜饭预订火爆。\n\n记者走访发现，多家饭店已经订满。\n"
    (story,) = parse(text)
    assert "年夜饭怎么订？这份攻略请收好" in (story.kicker, story.title, story.subtitle)
    assert story.paragraphs[0].startswith("春节将至")


def test_a_line_opening_with_a_pronoun_is_text_not_the_tail_of_a_cut_word():
    # 她，一个……: a feature's first sentence; the 副题 above it asks and answers whole.
    subtitle = "三十年守护一片林，图什么？乡村教师某某的答案"
    (story,) = parse(f"大山深处的坚守\n{subtitle}\n\n她，一个普通的乡村教师，在大山里一待就是三十年。\n\n如今，她的学生有的当了医生。\n")
    assert story.subtitle == subtitle and story.paragraphs[0].startswith("她，")
