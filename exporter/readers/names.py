"""Chinese personal names in credits: surnames, and where two names printed without a
space between them meet."""

from __future__ import annotations

COMPOUND_SURNAMES = (
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 长孙 宇文 司徒 独孤 端木 "
    "南宫 西门 呼延 轩辕 万俟 澹台 申屠 钟离"
).split()

# Common single-character surnames: enough to see where two glued names meet.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)


def split_glued(token: str) -> list[str]:
    """`曲韵高梓航` -> two names where exactly one split gives two names that each start
    with a surname (2+3, 3+2, 2+2 or 3+3 characters); else the token as printed.

    >>> split_glued("曲韵高梓航")
    ['曲韵', '高梓航']
    >>> split_glued("欧阳明")
    ['欧阳明']
    """
    if not 4 <= len(token) <= 6 or token[:2] in COMPOUND_SURNAMES:
        return [token]
    cuts = [
        k
        for k in (2, 3)
        if 2 <= len(token) - k <= 3 and token[0] in SURNAMES and token[k] in SURNAMES
    ]
    return [token[: cuts[0]], token[cuts[0] :]] if len(cuts) == 1 else [token]
