"""Vocabulary and weights of the summary enricher: what opens, frames, pads or carries a clause.

General news-genre wording only (no place, person or case names). The weights were set on the
seed and real-text gold summaries and kept where neighbouring values score alike.
"""

from __future__ import annotations

import re

from exporter.vocab import ACTION_RE, CJK

TARGET = 84
# Clause-selection weights, set by coordinate search on the 69 on-topic gold summaries of the
# seeds and of ../shared/realdev (each half of each set gained or held: no weight fits one
# file). A figure counts, its size does not; relevance to the headings added nothing there
# (0 switches it off).
W = {
    "figure": 3.0,
    "figure_size": 0.0,
    "quote": 0.3,
    "action_start": 0.75,
    "action": 1.0,
    "fluff": 1.2,
    "position": 0.045,
    "background": 1.0,
    "relevance": 0.0,
    "centrality": 1.0,
}

OPENER = re.compile(
    r"^(?:近年来|近期|近日|今年以来|去年以来|\d{4}年以来|自\S{0,12}以来|目前|同时|此外|另外|与此同时|"
    r"截至\S{0,10}|\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日(?:[-—–~～至到]\d{1,2}日)?|\d{4}年|在此基础上|为此|对此|"
    r"这[几些两半一]?个?(?:年|月|天|周|段时间)(?:来|以来)?|"
    r"然而|但是|可是|因此|所以|于是|其实|"
    r"据(?:了解|介绍|悉|统计)|记者[^，,。“”]{0,24}?(?:了解到|获悉)|其中)[，,：:]?"
)
PURPOSE = re.compile(r"^(?:为了?|面对|面临|针对|随着|按照|根据|围绕|对标|聚焦于|立足)[^，,]*[，,]")
FLUFF = re.compile(
    r"充分发挥|积极探索|大胆创新|抢抓机遇|科学谋划|狠抓落实|深入学习贯彻|认真贯彻|以人民为中心|"
    r"习近平|总书记|重要论述|重要指示|二十大|十九大|十八大|战斗堡垒作用|先锋模范作用|"
    r"高质量发展|提质增效|新征程|新时代|不断增强|不断提升|全力以赴|一以贯之|"
    r"重大现实意义|重要意义|深远意义|必然要求|题中应有之义"
)
# A metaphor for the outcome (绘就…新图景, 谱写…新篇章): a clause of it states no fact, so
# it leaves the main statement (unlike FLUFF, it does not count against the sentence).
METAPHOR = re.compile(
    r"绘就[^，。；]{0,12}(?:图景|画卷|蓝图)|谱写[^，。；]{0,12}(?:篇章|华章|乐章)|"
    r"奏响[^，。；]{0,10}(?:乐章|强音|旋律)|跑出[^，。；]{0,6}加速度"
)
# Adverbs that open a clause without adding content (着力构建… → 构建…).
ADVERB = re.compile(
    r"^(?:着力|持续|不断|切实|扎实|积极|进一步|深入|全面|大力|充分|始终|努力|认真|常态化)+(?=\S{2})"
)
PURPOSE_ONLY = re.compile(
    r"^为了?(?:加强|推动|推进|进一步|庆祝|深入|贯彻|落实|提升|切实|更好|确保|让|使|解决|满足|营造)"
)
FRAME_GOAL = re.compile(r"为(?:核心|重点|关键|抓手|主线|引领|目标|导向|指导|宗旨|统领|载体)$")
# What a summary's main clause needs: the acting body did something (exporter.vocab).
ACTION = ACTION_RE
# `县委组织部有关负责人介绍`: who is speaking, not what was done; the clause after it is kept.
ATTRIBUTION = re.compile(
    r"^[^，,“”]{0,30}(?:负责人|负责同志|书记|主任|部长|局长|站长|社长|有关人士)"
    r"(?:介绍|表示|说|谈到|告诉记者)[，,：:]?$"
)
# A line without a predicate (`中共某区委组织部`, `某某供稿`): a unit or dateline, not a sentence.
FRAGMENT = re.compile(
    r"^[^，,。！？；]{2,40}(?:委|部|局|办|厅|院|校|会|中心|公司|集团|社区|村|街道|镇|乡|组|支部|"
    r"申报|供稿|供图|来源|报道|提供)$"
)
FRAGMENT_MAX = 42  # the longest text FRAGMENT can match (40 characters and a 2-character end)
SPEECH = re.compile(r"(?:说|表示|介绍|谈到|感慨|笑着)[，,：:。]?$|^“|”$|：“")
# `\d\d*`, not `\d+`: a pattern that opens with a class lets the search skip to the digits.
FIGURE = re.compile(
    r"\d\d*(?:\.\d+)?(?:余|多)?(?:万|亿)?(?:个|名|人|家|户|亩|%|元|条|处|次|项|支|件|座|位|场|所)"
)
NUMBERED = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．是要])"
)
ANECDOTE = re.compile(r"^(?:走进|来到|步入|漫步|在[^，,]{0,12}(?:现场|门口|家中|里))")
TRAIL_CONNECTIVE = re.compile(
    r"^(?:并|还(?!是)|也(?!是)|便|就(?!是)|又|则|而|但|却|且|同时|此外|另外|进而|从而|目前|通过|"
    r"不仅|不但)(?=\S{3})"
)
DANGLING = re.compile(
    r"^(?:在|从|当|自|随着).*(?:上|中|下|里|时|后|前|间|之际)$|^(?:这|该|此|其|他|她|他们)"
)
FRAME = re.compile(
    r"(?:始终|坚持|紧紧|立足)?(?:以[^，,]{1,40}?为"
    r"(?:核心|重点|关键|抓手|主线|引领|目标|导向|指导|宗旨|统领|载体|突破口|切入点|出发点)|"
    r"(?:紧紧)?围绕[^，,]{2,40}(?:思路|要求|总要求|目标|主线|部署|战略|任务)|"
    r"把[^，,]{1,30}?作为[^，,]{0,30}?(?:抓手|着力点|突破口|切入点)|"
    r"针对[^，,]{2,24}(?:特点|问题|难题|现状)|面对[^，,]{2,24}|不断探索尝试|积极探索|大胆创新)$"
)
SCENE = re.compile(r"现有|位于|地处|坐落|是一个|是一座|不足|曾经|过去|原来|如今|映入眼帘|一片")
NOT_UNIT = re.compile(
    r"^[以在为把将对从由与和及向]|加强|推进|建设|坚持|围绕|聚焦|抓|紧紧|不断|着力"
)
UNIT_TAIL = re.compile(rf"^[{CJK}]{{0,10}}?(?:党委|党工委|党支部|党总支|党组织|街道|社区|镇|乡|村)")
