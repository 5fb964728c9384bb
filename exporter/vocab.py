"""Shared vocabulary: the concepts several stages test text against, declared once.

Readers and enrichers used to carry their own copies of these lists with different contents
(three CJK ranges, two action-verb lists …). Everything here is general news-genre wording
of Chinese party-building texts — no place, person or case names.
"""

from __future__ import annotations

import re

# ---- characters ------------------------------------------------------------------------
# Han ideographs: Extension A, the URO and the supplementary planes (Ext B–H).
CJK = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
HAN = f"[{CJK}]"

# ---- places ------------------------------------------------------------------------------
# Province-level units by their short name → full official name.
PROVINCES: dict[str, str] = {
    **{
        p: p + "省"
        for p in (
            "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 "
            "四川 贵州 云南 陕西 甘肃 青海 台湾"
        ).split()
    },
    **{p: p + "市" for p in ("北京", "天津", "上海", "重庆")},
    "内蒙古": "内蒙古自治区",
    "广西": "广西壮族自治区",
    "西藏": "西藏自治区",
    "宁夏": "宁夏回族自治区",
    "新疆": "新疆维吾尔自治区",
    "香港": "香港特别行政区",
    "澳门": "澳门特别行政区",
}

# ---- verbs -------------------------------------------------------------------------------
# What an event report says was done (a visit, a lecture, an oath renewed).
EVENT_VERBS: tuple[str, ...] = ("参观", "讲授", "重温", "宣讲", "慰问", "看望", "颁发", "赴")
# Verbs that open a measure someone took (建立“两张清单”减负机制, 组建小区党支部147个).
MEASURE_VERBS: tuple[str, ...] = (
    tuple(
        (
            "建立 推行 组建 打造 创建 构建 实施 开展 成立 设立 培育 健全 完善 出台 推出 设置 "
            "搭建 开设 建成 整合 选派 选聘 选拔 配备 招募 组织 举办 召开 编制 制定 划分 "
            "推广 探索 引进 吸纳 发放 筹建 开通 改造 整治 实行 落实 培训 评选 选树 签订 "
            "聘请 开辟 配强 优化 规范 织密 下沉 派驻 联建 共建 结对 认领 认定 梳理 摸排 走访 "
            "上门 开发 发动 提供 举行 组织开展 成立了 组建了 建立了"
        ).split()
    )
    + EVENT_VERBS
)
MEASURE_VERB_RE = re.compile("|".join(sorted(MEASURE_VERBS, key=len, reverse=True)))
# Verbs of results and reported actions that are not measures themselves (解决…问题, 覆盖…).
RESULT_VERBS: tuple[str, ...] = tuple(
    (
        "解决 帮扶 覆盖 储备 完成 实现 带动 推进 引导 颁发 授予 调研 践行 坚持 聚焦 围绕 "
        "深化 推动 建设 创新 签约 启动"
    ).split()
)
# Any verb that says the acting body did something: what a summary's main clause needs.
# Event verbs (参观, 看望…) head a practice of an event report, not a summary's statement.
ACTION_VERBS: tuple[str, ...] = tuple(
    dict.fromkeys(v for v in MEASURE_VERBS + RESULT_VERBS if v not in EVENT_VERBS)
)
ACTION_RE = re.compile("|".join(sorted(ACTION_VERBS, key=len, reverse=True)))

# Verbs that state a goal or an effect rather than a measure (推动…融合, 提升…水平).
GOAL_VERBS: tuple[str, ...] = tuple(
    (
        "推动 推进 促进 提升 提高 增强 加强 助力 激发 激活 实现 确保 深化 强化 凝聚 引领 带动 让 使"
    ).split()
)

# ---- clause openers ----------------------------------------------------------------------
# A leader's exhortation: what should be done, not what was done.
# `应从…` `应把…`: 应 with a preposition after it demands (应对、应用 are verbs of their own).
EXHORTATION = re.compile(r"^(?:要|必须|务必|应当|应该|应(?=[从把将以在向对为])|需要|一定要)")
# Time adverbials and datelines that open a clause (自今年开展…以来, 近年来, 3月5日).
TIME_OPENER = re.compile(
    r"^(?:自[^，,。]{0,30}?以来|(?:今年|去年|近年|近期|近几年|多年)以来|近年来|近期|近日|目前|"
    r"日前|当前|截至[^，,。]{0,12}|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来)?|"
    r"\d{1,2}月\d{1,2}日(?:[至到—-](?:\d{1,2}月)?\d{1,2}日)?)"
)
# Connectives that tie a clause to the one before it (it cannot stand alone).
CONNECTIVE = re.compile(
    r"^(?:并且?|同时|此外|另外|其中|还|也|且|而且?|却|可|便|就|又|则|但|进而|从而|与此同时|来自)"
)
# Pronouns and demonstratives that need an antecedent in the text before them.
DEMONSTRATIVE = re.compile(r"^(?:这|该|此(?!外)|其(?!中|他|实)|他|她|它)|(?<![其吉])[他她它]们?")
# Results and evaluations, not measures (石马村换了新颜, 满意度明显提升).
RESULT = re.compile(
    r"(?:新颜|初步形成|明显提升|显著提升|焕然一新|摸得着|生动体现|重中之重|处处可见|来自组织|"
    r"蔚然成风|持续提升|不断增强|日益完善|成效明显|成效显著)$"
)

# ---- themes ------------------------------------------------------------------------------
THEMES: tuple[str, ...] = (
    "基层治理",
    "乡村振兴",
    "新兴领域",
    "民生服务",
    "机关企事业",
    "队伍建设",
    "综合",
)

# ---- page furniture ------------------------------------------------------------------------
# Labels of an editor's note that introduces a page or an article (a container, never a case).
EDITORS_NOTE_WORDS = r"编者按|编者的话|编后语?|编辑部的话"
