"""Partners (EXTRACTION.md section 4): the bodies and groups working with a station.

Two sources of candidates, both matched over a *key text*: ``clean.simp`` with
quote marks, white space and pinyin glosses skipped (so 村“两委” and 鎮(zhèn)
政府 match), full-width ASCII folded, and a map back to clean offsets.

1. The lexicon ``lexicons/partners.tsv``: generic partner types with their
   surface variants, matched leftmost-longest with a character trie. A place
   prefix is never part of a variant, so 某某镇司法所 yields 司法所 and
   某某镇政府 yields 镇政府 (the level word stays where the type needs it).
   A variant is its own name as written (平安志愿者, 治保会主任) unless the
   lexicon maps it (驻所律师>律师); joint mentions split (镇党委政府 ->
   镇党委 + 镇政府, 九村一社区党支部 -> 村党支部 + 社区党支部). ``weak`` types (学校,
   企业, 医院 ...) count only in a clause with a cooperation cue; ``list`` types
   (bare 司法, 综治) only as items of an enumeration next to another partner.
2. A pattern for bodies outside the lexicon: ``联合/会同/协调… X、Y`` or
   ``与 X 共同/联合…`` where an item ends with a body suffix (所, 局, 办,
   站, 中心, 部门 ...), minus place prefixes and minus the station's own units.

Each distinct name is one :class:`Partner` (first sentence as evidence); it is
tied to the mechanisms mentioned in its sentence, or in its paragraph's lead
sentence, and those mechanisms list it in ``Mechanism.partners``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from .document import CleanDoc
from .model import Extraction, Mechanism, Partner
from .normalize import PINYIN_GLOSS, QUOTES, compiled as _rx, find_all, fullwidth_to_halfwidth, normalize_name, read_lexicon

# Characters that end a clause (cue words and list context are looked for inside one).
CLAUSE_END = set("，,；;。！？!?：:\n")
# Separators between the items of an enumeration.
LIST_SEP = set("、/+")
LIST_TAIL = set("等和及与，,。；;)）")
# Verbs ending in a conjunction character (参与, 给与): the character joins no list.
NOT_CONJUNCTION = ("参与", "给与", "授与", "赋与", "温和", "缓和", "调和", "总和", "涉及", "普及", "危及", "波及", "顾及", "遍及")
# A count (3, 十二, 两) and the words that say what an area holds (辖, 辖区内有, 覆盖 ...).
_COUNT = r"[0-9一二三四五六七八九十百两]+"
_AREA_HOLDS = r"(?:辖(?!区)|辖区内?(?:有|共有|现有)|涵盖|覆盖|辐射|包括|包含|共有|下设|设有)[^，,。；;：:]{0,16}?"
# 管辖2个居委会: a count of the units of the area after a jurisdiction word is profile, not partnership.
JURISDICTION_COUNT = re.compile(rf"{_AREA_HOLDS}{_COUNT}(?:个|家|所)?$")
# 辖13个行政村，1个居委会: the counts of a profile run on across commas (each item a count and a unit).
JURISDICTION_RUN = re.compile(
    rf"{_AREA_HOLDS}(?:{_COUNT}(?:个|家|所)?[\u4e00-\u9fff]{{1,6}}[，,、])+{_COUNT}(?:个|家|所)?$")
# 有村委会4个: the count written after the unit.
COUNT_AFTER = re.compile(rf"^{_COUNT}个(?![\u4e00-\u9fff])")
COUNT_BEFORE_HAS = re.compile(r"(?:辖区?内?|共|现|下辖|设)?有$|辖$")
# 在某某村村委会一起纠纷, 某某村委会是以前的镇中心: a village committee named at the start of its clause,
# with nothing said of working together, is the village as a place.
VILLAGE_BODY = ("村委会", "居委会", "村委", "居委")
NAMED_AT_CLAUSE_START = re.compile(r"^(?:在|于)?[\u4e00-\u9fff]{2,8}$")
PLACE_LEVEL = re.compile(r"[村乡镇县区市]|街道|社区")
DESCRIBED_AFTER = re.compile(r"^(?:是|位于|地处|距|离)")
# 社区委员会“两委”, 社区居委会两委: a bare 两委 right after the committee of its level.
TWO_COMMITTEES_OF = re.compile(r"(社区|村)(?:居民委员会|村民委员会|委员会|居委会|村委会|委会)?$")
# 一起纠纷, 一起因地界产生的纠纷: 一起 counting a case, not doing something together.
CASE_COUNT = re.compile(
    r"一起(?!调解|化解|参与|开展|走访|处理|处置|协商|商量|研究|排查|巡逻|劝|做|去|来|到|帮|解决|入户|上门)"
    r"(?=[^，,。；;]{0,12}?(?:纠纷|案|事件|事故|矛盾|警情|冲突|争执|纷争))"
)
# 将6个村委会划分为6块责任田, 警力下沉到每个村委会: the units the area is cut into or reached, not partners.
REACHED_BEFORE = re.compile(r"(?:下沉|延伸|覆盖|落实)(?:到|至)(?:每个|各个|全部|所有)?$")
COUNTED_BEFORE = re.compile(rf"(?:{_COUNT}|每)个$")
DIVIDED_AFTER = re.compile(r"^(?:划分|分为|分成|分别划)")
# 等, 等14个, 等多个 right before a collective name: it closes a list (its items are the partners).
# (等各界社会群防群治力量: words for "of every kind" may stand between)
SUMMARY_BEFORE = re.compile(r"等(?:[0-9一二三四五六七八九十百两多数]+[个家支类]|多个|多家|相关|有关|各)?(?:行业|各界|社会|各方|多方){0,2}$")
# Other police units, schools, deputies and the media, mass organisations: named in a policing story
# for many reasons (交警 on the road, 人大 at a meeting), partners only where the clause says they work with it.
CUE_ONLY_CATEGORIES = frozenset({"police", "education", "representative_media", "mass_org"})
# 交警部门也在派出所设置了服务点, 法庭进驻派出所: a body that sets up inside the station works with it.
_AT_STATION = r"(?:派出所|该所|所里|警务室|警务站)"  # the station or its post, as a clause names it
AT_STATION_AFTER = re.compile(r"^[^，,。；;]{0,4}(?:在|到|进驻|入驻|派驻)" + _AT_STATION)
# 人民调解员进驻基层派出所, 司法人员、人民调解员驻所轮流值班: people stationed in the station work with it
# (any partner type; the later items of the list are stationed with it).
STATIONED_AFTER = re.compile(
    r"^(?:[、和及与][^，,。；;、]{1,8}?)*[^，,。；;、]{0,4}"
    r"(?:(?:进驻|入驻|派驻|常驻)(?:基层|辖区)?" + _AT_STATION + r"|驻所)"
)
# 与乡镇沟通, 邀请乡镇领导: a bare level word is a body only right after a word of working with it.
LEVEL_LEAD = re.compile(r"(?:与|和|同|向|联合|会同|协调|邀请|对接|联系|配合|协助|依托|携手|争取|动员|发动)$")
# Words telling that the clause is about working together.
CUES = (
    "联合", "会同", "协调", "携手", "联动", "协同", "共同", "一起", "一道", "配合", "协助",
    "参与", "合作", "共建", "联建", "签订", "依托", "借助", "整合", "汇集", "集结", "组织",
    "发动", "动员", "吸纳", "吸收", "聘请", "邀请", "聘任", "对接", "联系", "沟通", "支持",
    "力量", "队伍", "组成", "组建", "成立", "加入", "联防", "联调", "联勤", "联手", "牵头",
    "结对", "共商", "共治", "会商", "协作", "联席", "联络", "帮助", "指导", "争取", "依靠",
    "选聘", "聘为", "选派", "推选", "招募", "集合", "主导", "统筹", "见面", "签约",
    "为一体", "通报", "协查", "副校长", "融合", "议事", "叫来", "请来", "纳入", "聘用", "配备", "出面",
    "征集", "物色", "招聘", "培育", "引入",  # 征集治安积极分子1300余人, 引入人民调解员: people brought into the work
)
# 参观纪念馆, 游览景区, 走访商户: a place or people visited, not a body at work.
VISIT_BEFORE = re.compile(r"(?:参观|瞻仰|祭扫|游览|游玩|打卡|走访)了?$")
# A weak type right after one of these is a place in an anecdote (送到医院, 冲进村委会).
LOCATIVE = ("到", "进", "去", "往", "在", "至", "于", "推向", "走向", "延伸")
# 在某某社区党群服务中心完成点名, 在某某镇便民服务中心大楼里: the body of a named place is where it happens.
AT_NAMED_PLACE = re.compile(r"(?:^|[^所])在[\u4e00-\u9fff]{1,8}?(?:村|社区|镇|乡|街道)$")
# 在乡党委政府的大力支持下: after 在, the body whose support something came with (no place).
SUPPORT_AFTER = re.compile(r"^[^，,。；;]{0,4}?的?(?:大力|全力|积极|鼎力)?(?:支持|帮助|指导|领导|推动|协调|协助|配合|关心)(?:下|之下)")
# 在村委会活动室, 某某开发区花山街道: the body names a room or an address, not a partner at work.
ROOM_AFTER = re.compile(r"^(?:活动室|会议室|办公室|活动中心|大院|院内|院子|广场|门前|门口|楼下)")
ADDRESS_PLACE_AFTER = re.compile(
    r"^(?!以及|和|及|与)[\u4e00-\u9fff]{2,4}?(?:街道|镇|乡)(?![\u4e00-\u9fff]{0,2}(?:党委|政府|办|所|站|中心)|贤|村|亲)")
# 一家企业因债务问题…, 在处理一起企业内…: one body in an anecdote, not a partner at work.
ANECDOTE_BEFORE = re.compile(r"(?:一家|一所|一起|这家|某家|某)$")
# 乡政府所在地, 记者从市政法委召开的发布会上获悉, 以人民调解员的身份: a place, a news source, a role taken.
NOT_AT_WORK_AFTER = re.compile(
    r"^(?:所在地|驻地|[^，。；]{0,2}(?:召开|举行|举办)的?[^，。；]{0,8}(?:发布会|新闻)|最新的?[^，。；]{0,8}(?:调查|数据|统计)|的身份)"
)
# 为开发区的经济发展保驾护航: a place the work serves.
SERVED_AFTER = re.compile(r"^(?:的(?:经济|发展|建设|安全|安宁|稳定|治安)|发展的|(?:安全|治安|秩序)(?!员|队|部))")
# 这座5A级景区, 这片园区: a place pointed at, not a body at work.
PLACE_POINTED_BEFORE = re.compile(r"(?:这座|那座|这片|那片)[^，,。；;、]{0,6}$")
# After a partner word these mean the station's own people (党员民警).
OWN_STAFF_AFTER = ("民警", "辅警", "干警", "警察", "警员")
# Before a party/police unit these mean it is the station's own (派出所党支部).
# 政府主导、综治统筹、人民调解参与: a list item may be a body and its role.
ROLE_VERB = re.compile(r"(?:主导|统筹|参与|预警|配合|协同|联动|牵头|负责|支持|指导|协助|调解|把关|兜底)[、，,。；;的]")
# Words that may stand beside a bare list word in an enumeration (民警+部门+乡贤, 警格+网格).
LIST_NEIGHBOUR = re.compile(r"派出所|民警|辅警|警格|公安|警务")
# 九村一社区党支部 -> 村党支部 + 社区党支部 (numbers of villages and communities before a body).
VILLAGE_AND_COMMUNITY = re.compile(
    r"(?:[一二三四五六七八九十百\d]+个?)?村[、和及与]?(?:[一二三四五六七八九十百\d]+个?)?社区"
    r"(党支部|党总支|党组织|党委|两委|居委会)"
)
# 从景区、保安、民宿中招募义警: the pools a team is drawn from are not partners themselves.
POOL = re.compile(r"从([^，,。；;：:]{2,40}?)中(?:招募|吸纳|吸收|选拔|挑选|选聘|遴选|发展|招聘|选派|选出|物色)"
                  # 面向共青团员、驻街单位员工等公开招募志愿者: those a call for recruits is addressed to
                  r"|面向([^，,。；;：:]{2,40}?)(?:等|中)?(?:公开|广泛|定向)?(?:招募|招聘|征集|招收|选拔|选聘)")
# 将外卖员、环卫工人等群体纳入平安志愿者, 将环卫工人…等力量组织起来，成立平安信息员队伍, 吸收商户、
# 快递员等群体中的志愿者: the trades a team's members come from (the team or role after them is the partner).
DRAWN_INTO = re.compile(
    r"将([^，,。；;：:]{2,60}?)等(?:群体|力量|人员|人群|行业)?(?:纳入|吸纳进?|吸收进?|组织起来|发展为|发展成|培养成|编入)"
    r"[^。；;]{0,12}?(?:志愿者|义警|信息员|队伍|队|巡防|巡逻|联防)"
)
IN_GROUP_OF = re.compile(r"(?:吸收|吸纳|招募|发动|发展|动员)([^，,。；;：:]{2,60}?)等(?:群体|行业)中的")
# 由网格长、楼院长等852名治安积极分子组成: the items are where the group's members come from;
# the group named after 等 is the partner (其余: 由景区、导游、志愿者等组成 lists the partners).
MADE_OF = re.compile(
    r"由(?:[^，,。；;、等]{0,12}的)?((?:(?!组成)[^，,。；;等的]){2,60}?)等"
    r"(?:[0-9一二三四五六七八九十百千两多余近约]+[名个位人支类])?((?:(?!组成)[^，,。；;]){2,16}?)组成"
)
ETC_MEMBERS = re.compile(
    r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8})等(?:[0-9一二三四五六七八九十百千两多余近约]+[名个位人支类])?([\u4e00-\u9fff]{2,8})"
)
# 组建一支巡逻队, 成立调解委员会: a team the station forms is its own unit. A count of many
# teams (组建100支义务巡逻队) is residents' teams, so only 一支 or no count qualifies.
FORMED_BEFORE = re.compile(
    r"(?:一支[^、，,；;由与和及]{0,10}|(?:组建|成立|建立|设立|牵头成立|打造|培育|组织成立)了?[^、，,；;由与和及\d多数百千支个]{0,8})$"
)
# 成为村民信赖的老娘舅, 由所长担任网格指导员: a role the officer plays, not a partner.
ROLE_OF_OFFICER = re.compile(r"(?:[既也又更还]是|成为|当好|争当|化身|被誉为|被称为|誉为|称为|担任|兼任|当起|充当|扮演)[^、，,。；;]{0,8}$")
# 被某部和某会联合命名为…: the bodies handing out an honour are not partners.
HONOUR = re.compile(r"命名|授予|评为|评选为|表彰|授牌|荣获|获评|称号|荣誉|表扬信|记功|记(?:集体|个人)?[一二三]等功|嘉奖")
# 组建由专职调解员组成的调解队伍: the team is the station's own (its members may still be partners).
FORMED_OF = re.compile(r"(?:组建|成立|建立|设立)了?(?:一支)?由[^，,。；;]{0,30}组成的[^、，,；;]{0,6}$")
# 兴安边境管理支队某某派出所: the parent unit in a station's full name.
# (边境管理支队某某边境管理大队某某派出所: a unit in between belongs to the name too)
PARENT_OF_STATION = re.compile(r"^(?:[\u4e00-\u9fff]{2,8}?(?:大队|支队))?[\u4e00-\u9fff]{2,8}?派出所")
# 交警部门也在派出所设置: a verb or particle between them means a clause, not a full name.
NOT_IN_NAME = re.compile(r"[也在到向对为把被将的了是给还又都均和与及同]")
# 兼任村党总支副书记: the body is named, the post is the officer's.
POST_AFTER = re.compile(r"^[^，,。；;]{0,12}?副?(?:书记|主任|委员|成员|组长|队长|会长|主席|校长)")
# 壮大群防群治力量, 激活了群防群治力量: a collective the station builds up is its aim, not a body.
BUILD_UP_BEFORE = re.compile(r"(?:壮大|激活|强化|建强|建优|凝聚|激发|充实|扩充|发挥)(?:了|好|起)?[^，,。；;、“”]{0,4}$")
# 司法所调解员, 律师事务所律师: a person of a body named right before is that body's staff.
STAFF_BODY_END = re.compile(r"(?:所|院|局|庭|支队|大队|中队|中心|委员会|公司)$")
STAFF_ROLE_END = re.compile(r"[员师官]$")
# 律师 beside 律师事务所, 交警 beside 交警支队: a bare role word inside another partner's name.
BARE_ROLE = re.compile(r"[\u4e00-\u9fff]{1,2}[员师官警]")
# “某某”多维调处中心: a quoted name, then up to four characters of modifier, ends right before a word.
QUOTED_BEFORE = re.compile(r"[“「]([^“”「」\n]{1,30})[”」][\u4e00-\u9fff]{0,4}$")
# 驻地高校较多: a description of the area, not cooperation.
DESCRIPTIVE_AFTER = re.compile(r"^(?:较多|众多|很多|越来越多|日益增多|密集|集中|云集|林立|遍布|数量|分布)")
# 党员调解网络: the word qualifies one of the station's own structures.
MODIFIER_AFTER = re.compile(r"^[^、，,。；;和与及等]{0,4}?(?:网络|机制|模式|平台|体系|阵地|品牌)")
# 党员互学, 强化党员日常教育: the station's own party members at their party life.
OWN_PARTY_AFTER = re.compile(r"^(?:日常)?(?:教育|管理|互学|领学|学习|示范岗|先锋岗|责任区|亮身份|积分|政治生日)")
# 为每家民宿配备民警: whom the station serves, not who works with it.
BENEFICIARY_BEFORE = re.compile(r"(?:(?<![以成作认称视聘选])为|面向|走进|深入)(?:每家|每个|每所|各|辖区|全部|所有)?$")
# 学校周边, 企业门口: a place next to the body, where an event happens.
# 消除景区安全隐患: the place where the hazard is.
PLACE_AFTER = re.compile(r"^(?:周边|附近|门口|周围|一带|沿线|门前|四周|内外|上下学|(?:安全|消防|治安)?隐患|治安秩序|交通秩序)")
# 小区、学校等关键区域: every item of a list closed by a place noun is a place.
PLACE_LIST_END = re.compile(
    r"^[^，,。；;：:、等]{0,4}(?:[、和及与/][^，,。；;：:、]{1,12}?)*等[^，,。；;、]{0,4}?"
    r"(?:区域|部位|场所|地段|点位|位置|地方|路段|地带|地区|处所)"
)
# 校园、卫生院等重点单位的防控: the places protected, unless the clause says they work together.
TARGET_LIST_END = re.compile(r"^[^，,。；;：:、等]{0,4}(?:[、和及与/][^，,。；;：:、]{1,12}?)*等(?:重点|要害|治安重点)单位")
# 某某街道办事处某某社区居民: an address before a resident, not a body at work.
ADDRESS_AFTER = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:社区|村|组|小区)(?:的)?(?:居民|村民|群众|住户|业主)")
# 媒体大型采访活动: the press covering the story, not working with the station.
COVERAGE_AFTER = re.compile(r"^[^，,。；;]{0,6}?(?:采访|报道|记者)")
# 边防部队转隶, 隶属于某分局: the station's own organisational history or parent.
ORG_HISTORY = re.compile(r"转隶|改隶|隶属|划归|划转|毕业")  # 从某某学院毕业: an officer's school
# 上世纪七八十年代…设立多家工厂、林场, 抗日战争时期的边区政府: the place's history, no partner at work.
PAST_ERA = re.compile(r"上世纪|[五六七八九]十年代|解放前|解放初|建国初|抗日战争|解放战争|土地革命|革命时期")
# 民警与调解员分头入户, 社区民警和网格员: people paired with the station's officers work with them.
WITH_POLICE_BEFORE = re.compile(r"(?:民警|辅警|干警|警员|所长)(?:与|和|及|同|、|\+)$")
WITH_POLICE_AFTER = re.compile(r"^(?:与|和|及|同|、|\+)(?:社区|驻村|责任区)?(?:民警|辅警|干警|警员)")
# 社区民警+警务助理+N个治安积极分子: an item of a "+" formula that names the police is a working part.
PLUS_BEFORE = re.compile(r"\+(?:[0-9A-Za-z一二三四五六七八九十两多]*[个名支位])?$")
PLUS_RUN = re.compile(r"[\u4e00-\u9fff0-9A-Za-z+]{0,40}$")
PLUS_RUN_AFTER = re.compile(r"[\u4e00-\u9fff0-9A-Za-z+]{0,40}")
POLICE_WORD = re.compile(r"民警|辅警|警长|警员|派出所")
LIST_JOIN = re.compile(r"[、和及与/]")
# · 推动某某助力就业: a line of a related-headlines list (a bullet and no sentence punctuation).
HEADLINE_LINE = re.compile(r"^[·•▪●][^，,。；;！？!?\n]*$")
# 打造平安海岛景区, 建设平安医院: the place is the goal of the work, not a partner.
GOAL_BEFORE = re.compile(r"(?:打造|建设|创建|争创|建成|创成)[^，,。；;、]{0,6}$")
# 前身是某某边防派出所: the station's own former name.
FORMER_NAME = re.compile(r"前身|原名|原为|原称|更名|改名|改称|撤并|合并")
# 以村委会为片区: an organising unit of the station's own map.
UNIT_FRAME = re.compile(r"^为(?:片区|单元|单位|点|网格|区域|板块|范围|基本单元|责任区)")
# A role word after a business or place: 商场保安, 网吧酒吧经营者, 企业业主, 学校保卫处, 物业负责人,
# 行业场所工作人员 stay whole (the people named with their body, as written).
ROLE_SUFFIX = re.compile(r"^(?:协会|商会|联合会|经营者|业主|老板|店主|店员|导游|负责人|工作人员|安全员|从业人员|从业者|管理人员|管理者|队长|保卫处|保卫科|保卫部|安保人员|保安员|保安|安保(?!部))")
PEOPLE_OF_BODY = ("负责人", "工作人员", "安全员")
COMPOUND_HEAD_CATS = {"enterprise", "education", "health", "other"}
# A party body right after a business, school or unit is that body's own party organisation.
PARTY_OF_BODY = ("党组织", "党支部", "党总支", "党委")
# 政法委书记某某表示, 县委宣传部常务副部长某某、…参加揭牌仪式: an official's title and name after the
# body, then a verb of speaking or the next name of a list of officials.
SPEAKER_AFTER = re.compile(r"(?:常务)?(?:副?书记|副?主任|副?局长|副?部长|常委|副?主席|负责人)[\u4e00-\u9fff]{2,3}?"
                           r"(?:表示|说|介绍|指出|强调|告诉|[、，,及和等])")
# A team member word right after its body (治保会联防队员): the body is the partner.
MEMBER_END = ("队员", "成员", "会员")
# A named other station (附近某某派出所通报): counts as a neighbouring 派出所.
NAMED_STATION = re.compile(r"([\u4e00-\u9fff]{2,8}?)派出所")
NEIGHBOUR_WORDS = re.compile(r"附近|相邻|邻近|周边|毗邻|友邻|兄弟|边界|接壤|通报|协查|协助|配合|联合|会同|协同|联动|支援|共同|共建|协作|联勤")
# 与相邻边境派出所: a bare station kind after these is another station.
OTHER_STATION_BEFORE = re.compile(r"(?:附近|相邻|邻近|周边|毗邻|友邻|兄弟|其他|其它|各|多个|邻)的?$")
# Station kinds a named station of the article is one of (其余: 火车站派出所, a railway unit working with it).
GENERIC_STATION = ("派出所", "边境派出所")
_STATION_WORD_AFTER = re.compile(r"(?:治安|边境|边防|水上|旅游|交通)?(?:派出所|警务室|警务站|公安)")
# X、Y、Z等部门: every item of a list closed by 等部门 is a body, even a bare field (平安建设).
CLOSED_LIST = re.compile(
    r"((?:[\u4e00-\u9fff]{2,10}[、/])+[\u4e00-\u9fff]{2,10})等(?:多个|多家|多|相关|有关)?(?:职能部门|部门|单位|力量|机构)"
)
# A quoted group name: “银发小管家”, “夕阳红巡逻队”, “晚霞”调解队.
QUOTED_GROUP = re.compile(r"[“「]([\u4e00-\u9fff]{1,8})[”」]([\u4e00-\u9fff]{0,4})")
GROUP_SUFFIX = re.compile(
    r"(?:小管家|管家|志愿者|志愿队|服务队|巡逻队|巡防队|宣讲团|调解队|帮帮团|大妈|大爷|阿姨|妈妈|姐妹|红袖章|红袖标|义工|调解员|信息员|管理员|协管员)$"
)
# A character that cannot end a place name, so the 派出所 word after it is generic (与兄弟派出所).
NOT_A_NAME_END = set("与和及同跟向对为在到的、等各其该本我全附邻周兄相毗友")
OWN_UNIT_BEFORE = re.compile(r"(派出所|本所|该所|我所|全所|所内|警务室|警务站|公安机关)(综合|机关|全体|的)?$")
# 分局党委的支持: the party body of a police unit above the station is the police's own
# (分局巡特警 is still a police partner: only party bodies are meant).
POLICE_PARTY_BEFORE = re.compile(r"(公安局|分局|支队|大队|公安处)(机关)?$")

# The pattern rule: a cue verb and the list of bodies that follows it.
PATTERN_CUE = re.compile(
    r"(?:联合|会同|协调|携手|联动|协同|依托|邀请|对接|联系|汇集|集结|整合|联手|会商|"
    r"协助|配合|组织|动员|聘请)"
)
PATTERN_WITH = re.compile(r"与|同(?!步|时|样|比|期|意|行|事|学|志|类|等|一)|和(?!谐)")
PATTERN_WITH_VERB = re.compile(r"(?:共同|联合|合作|签订|建立|携手|协作|联手|一道|一起|开展联合|组建|成立)")
BODY_SUFFIX = re.compile(
    r"(?:部门|单位|中心|公司|协会|组织|机构|委员会|管委会|法庭|所|局|委|办|站|院|队|会|庭|处|科|厅|团|联|社|行|馆|校|部|组)$"
)
# An enumeration of short items (网格员、楼栋长、单元长等): list-neighbour partners (_list_neighbours).
ENUMERATION = re.compile(
    r"[\u4e00-\u9fff]{2,12}(?:、[\u4e00-\u9fff]{2,10})+(?:(?:以及|和|及|与)[\u4e00-\u9fff]{2,10})?"
)
# The verb or word before the first item of an enumeration (组织网格员、…).
ITEM_LEAD = re.compile(
    r"组织|动员|发动|吸纳|吸收|联合|邀请|依托|整合|带领|招募|聘请|发挥|会同|协调|联动|携手|汇聚|集结|"
    r"由|将|把|让|请|和|与|同(?!步|时|样|比|期|意|行|事|学|志|类|等|一)|及|对|向|为|的|是|有|了|在|包括|涵盖|成员|力量|"
    r"(?<!下沉)(?<!延伸)(?<!覆盖)(?<!落实)至"  # 同步至司法所、…: sent to them (not 下沉至: the places reached)
)
# Words for people in a role (楼栋长, 保洁员, 社会贤达人士): an item of a partner list.
_ROLE_WORDS = r"(?:员|长|人士|骨干|代表|能人|贤达|明白人|积极分子|志愿者|律师|医生|干部|乡贤|管家|人物|专干|书记)"
ROLE_END = re.compile(_ROLE_WORDS + "$")
# 民警、义警、保安、平安小管家多方联动: the role word that starts a last item running on into its verb.
ROLE_HEAD = re.compile(r"[\u4e00-\u9fff]{0,8}?" + _ROLE_WORDS)
# A kind word before a person's role that is part of the role's name (退休法官, 司法调解员, 治安户长).
ROLE_MODIFIER = re.compile(r"(?:专职|兼职|人民|司法|退休|离退休|公益|治安|义务|特邀|金牌|执业|资深|心理)$")
# Words of a body's level or kind written before a partner word, kept with it as written (社区网格员,
# 社会志愿者, 街道人民调解委员会): not for 司法所-like bodies whose level goes without saying (镇司法所 ->
# 司法所), nor words that start with a level already (村居, 社区干部).
TYPE_MODIFIER = re.compile(r"(?:社会|群众|社区|街道|驻地|驻村|村)$")
LEVEL_START = re.compile(r"村|社区|镇|乡|街道|居")
QUANTITY_CHARS = "各每全本该一两三四五六七八九十多个"
PERSON_END = re.compile(r"(?:员|官|师|长|者|干部)$")
# Items that are the station itself, its staff or its units, or not bodies at all.
NOT_PARTNER = re.compile(
    r"^(?:此|该|这|那|其|时)|(?:多|各|等|相关|有关)(?:部门|单位)$|介入|生活会|座谈会|例会|会议|大会|派出所|公安局|分局|民警|辅警|所长|教导员|警长|警务|指挥室|指挥部|办案|所领导|本所|该所|"
    r"群众|居民|村民|当事人|双方|家属|嫌疑人|受害人|被害人|老人|学生|儿童|未成年人|患者|"
    r"专班|专案组|工作组|调研组|小组|领导小组|检查组|班子|团伙|工作室|调解室|驿站|联盟|平台|机制|模式|格局|布局|局面|大局|"
    r"^以|强化|深化|优化|提升|加强"  # 以小阵地深化矛盾调处: a means and a verb of improving, no body
)
LEAD_STRIP = re.compile(r"^(?:辖区|当地|属地|驻地|周边|乡镇|镇村|全镇|全县|全区|全市|该镇|本镇|该县|相关|有关|各级|各|多个|多家|\d+[个家所名支])+")
PLACE_PREFIX = re.compile(r"^[\u4e00-\u9fff]{2,5}?(?:省|自治区|市|州|盟|县|旗)")


@dataclass(frozen=True)
class LexType:
    """One line of the lexicon: the name(s) a variant stands for."""

    names: tuple[str, ...]
    categories: tuple[str, ...]
    weak: bool = False
    list_only: bool = False
    sep_only: bool = False
    team: bool = False
    block: bool = False
    summary: bool = False
    prefix: bool = False


@dataclass
class Occurrence:
    start: int  # clean offsets, end exclusive
    end: int
    names: tuple[str, ...]
    categories: tuple[str, ...]
    kind: str  # lexicon | pattern
    cue: bool = True  # its clause says they work together (preferred as evidence)
    own: bool = False  # the station formed it (组建一支巡逻队): its name is no partner anywhere


@dataclass
class KeyText:
    """``clean.simp`` without quotes, white space and pinyin glosses; ``idx[i]`` is a clean offset."""

    text: str
    idx: list[int] = field(default_factory=list)

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.idx[a], self.idx[b - 1] + 1


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict, dict[str, LexType]]:
    """The variant trie (built once per process) and what each variant stands for."""
    rows = [ln.split("\t") for ln in read_lexicon("partners.tsv")]
    rows = [r for r in rows if len(r) >= 3]
    category: dict[str, str] = {}
    for r in rows:
        for v in [r[0], *r[2].split("|")]:
            if ">" not in v:
                category.setdefault(v, r[1])
    types: dict[str, LexType] = {}
    for r in rows:
        flags = set(r[3].split(",")) if len(r) > 3 else set()
        for v in r[2].split("|"):
            surface, _, target = v.partition(">")
            names = tuple(target.split("+")) if target else (surface,)
            cats = tuple(category.get(n, r[1]) for n in names)
            key = _key_text(surface).text
            if key:
                types.setdefault(
                    key, LexType(
                        names, cats, "weak" in flags, "list" in flags, "sep" in flags, "team" in flags,
                        "block" in flags, "summary" in flags, "prefix" in flags,
                    )
                )
    trie: dict = {}
    for v in types:
        node = trie
        for ch in v:
            node = node.setdefault(ch, {})
        node[""] = v
    return trie, types


# Characters the key text drops: quotes, and white space except a line break (it still ends a clause).
# A comma doubled or right before 、 (网格员,、楼栋长: a reprint's noise) is dropped too, so the list holds.
_KEY_DROP = re.compile("[" + re.escape(QUOTES) + r"]+|[^\S\n]+|[,，](?=[,，、])")


def _key_text(s: str) -> KeyText:
    # dropped spans (pinyin glosses, quotes, white space), then the text between them, a slice at a time
    drops = sorted([m.span() for m in PINYIN_GLOSS.finditer(s)] + [m.span() for m in _KEY_DROP.finditer(s)])
    parts: list[str] = []
    idx: list[int] = []
    pos = 0
    for a, b in drops:
        if a > pos:
            parts.append(s[pos:a])
            idx.extend(range(pos, a))
        pos = max(pos, b)
    if pos < len(s):
        parts.append(s[pos:])
        idx.extend(range(pos, len(s)))
    return KeyText(fullwidth_to_halfwidth("".join(parts)), idx)


@lru_cache(maxsize=1)
def _first_chars() -> re.Pattern[str]:
    """A character class of the variants' first characters: the regex engine finds where a
    variant may start, instead of a Python loop over every character of the article."""
    trie, _ = lexicon()
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(k for k in trie if k)) + "]")


def _trie_matches(text: str) -> list[tuple[int, int, str]]:
    """Leftmost-longest, non-overlapping variant matches: (start, end, variant)."""
    trie, _ = lexicon()
    out = []
    n = len(text)
    i = 0  # the scan goes on after the end of the last match
    for fm in _first_chars().finditer(text):  # where a variant may start
        start = fm.start()
        if start < i:
            continue
        node, best, j = trie, None, start
        while j < n and text[j] in node:
            node = node[text[j]]
            j += 1
            if "" in node:
                best = (start, j, node[""])
        if best:
            out.append(best)
            i = best[1]
    return out


SENTENCE_END = "。！？!?\n"


_SENTENCE_END_RE = re.compile("[" + re.escape(SENTENCE_END) + "]")
_CLAUSE_END_RE = re.compile("[" + re.escape("".join(sorted(CLAUSE_END))) + "]")
_CUE_RE = re.compile("|".join(re.escape(c) for c in CUES))


class _TextFacts:
    """Where one text's sentences and clauses end, and its cue answers, found once per text.

    The rules ask for the clause or sentence around a match thousands of times per
    article; a bisect over the end marks found once replaces a scan per question.
    """

    def __init__(self, text: str) -> None:
        self.sentence_ends = [m.start() for m in _SENTENCE_END_RE.finditer(text)]
        self.clause_ends = [m.start() for m in _CLAUSE_END_RE.finditer(text)]
        self.cues: dict[tuple[int, int], bool] = {}


@lru_cache(maxsize=4)
def _facts(text: str) -> _TextFacts:
    """The :class:`_TextFacts` of a text (the few asked about last: the article's key text among them)."""
    return _TextFacts(text)


def _around(ends: list[int], n: int, a: int, b: int) -> tuple[int, int]:
    """From after the last end mark before ``a`` to the first one at or after ``b`` (else ``n``)."""
    i = bisect.bisect_left(ends, a)
    j = bisect.bisect_left(ends, b)
    return (ends[i - 1] + 1 if i else 0), (ends[j] if j < len(ends) else max(b, n))


def _sentence(key: str, a: int, b: int) -> tuple[int, int]:
    """The sentence around ``key[a:b]`` (ends at 。！？ or a line break)."""
    s, e = _around(_facts(key).sentence_ends, len(key), a, b)
    return s, (e if e < len(key) else len(key))


def _clause(key: str, a: int, b: int) -> tuple[int, int]:
    return _around(_facts(key).clause_ends, len(key), a, b)


def _has_cue(key: str, a: int, b: int) -> bool:
    memo = _facts(key).cues
    hit = memo.get((a, b))
    if hit is None:
        hit = memo[(a, b)] = _find_cue(key, a, b)
    return hit


def _find_cue(key: str, a: int, b: int) -> bool:
    s, e = _clause(key, a, b)
    text = key[s:a] + "|" + key[b:e]
    if "一起" in text:
        text = CASE_COUNT.sub("", text)
    return _CUE_RE.search(text) is not None or DEVELOP_BEFORE.search(key, s, a) is not None \
        or SUMMONED.search(text) is not None


# 对商铺、民宿酒店的经营行为进行检查: what the station inspects is no partner in the work.
INSPECTED_BEFORE = re.compile(r"对[^，,。；;对]{0,20}$")
INSPECTED_AFTER = re.compile(r"[^，,。；;]{0,20}?(?:进行|开展)?(?:安全|全面|集中)?(?:检查|排查|整治|清查|巡查|督查|查处)")
# 环卫、城管、安全、治安等工作: a list of fields of work, the office's name as a field.
WORK_LIST_END = re.compile(r"^(?:[、和及][^，,。；;：:、]{1,8}){1,8}等(?:各项|各类|方面)?工作")


def _inspected(key: str, a: int, b: int) -> bool:
    """The body is the object of the clause's inspection (对…进行检查)."""
    s, e = _clause(key, a, b)
    return INSPECTED_BEFORE.search(key, s, a) is not None and INSPECTED_AFTER.match(key, b, e) is not None


def _named_place(key: str, a: int, b: int) -> bool:
    """A village committee named at the start of its clause (某某乡某某村委会…, 在某某村村委会…)
    that is placed (a level word in its name) or described (…是, 位于), in a clause with no word
    of working together: the village as a place, as in an address or a story."""
    s, _ = _clause(key, a, b)
    name = key[s:a]
    if not NAMED_AT_CLAUSE_START.match(name) or _has_cue(key, a, b):
        return False
    return PLACE_LEVEL.search(name.lstrip("在于")) is not None or DESCRIBED_AFTER.match(key[b : b + 2]) is not None


# 主动向党委、政府汇报, 向当地政府作了汇报: the station reports its work to the body (a police unit
# it reports to is its superior, not a partner; residents 反映 to a body: no cooperation).
REPORT_TO_BEFORE = re.compile(r"向[^，,。；;向]{0,8}$")
REPORT_TO_AFTER = re.compile(r"[^，,。；;]{0,8}?汇报")


def _reported_to(key: str, a: int, b: int) -> bool:
    """The body is the one the clause's 向…汇报 reports to."""
    s, e = _clause(key, a, b)
    return REPORT_TO_BEFORE.search(key, s, a) is not None and REPORT_TO_AFTER.match(key, b, e) is not None


# 把村干部和司法所的同志都叫上, 通知村支书、组长赶到现场: people the station calls in to act with it.
SUMMONED = re.compile(r"叫上|喊上|通知[^，,。；;|]{0,30}?[|][^，,。；;]{0,30}?(?:赶到|到场|赶来|前来)")


# 发展义警, 发展了一批信息员: 发展 recruits the people after it (not 景区高质量发展, 发展成为).
DEVELOP_BEFORE = re.compile(r"发展(?!成|为)[^，,。；;]{0,12}$")


def _compounds(key: str, matches: list[tuple[int, int, str]]) -> tuple[list[tuple[int, int, str]], dict[int, str]]:
    """Join a business or place with the role word after it (商场保安, 网吧酒吧经营者, 学校保卫处).

    Returns the matches with each compound as one ``(a, b, last variant)`` and, per
    compound start, the name as written. A member word after its body (治保会联防队员)
    is dropped so the body alone remains.
    """
    _, types = lexicon()
    out: list[tuple[int, int, str]] = []
    written: dict[int, str] = {}
    i = 0
    while i < len(matches):
        j = i
        while j + 1 < len(matches) and matches[j + 1][0] == matches[j][1]:
            j += 1
        chain = matches[i : j + 1]
        if len(chain) >= 2 and chain[-1][2].endswith(MEMBER_END):
            out.extend(chain[:-1])
            i = j + 1
            continue
        heads_ok = all(set(types[v].categories) <= COMPOUND_HEAD_CATS for _, _, v in chain[:-1])
        last_a, last_b, last_v = chain[-1]
        tail = ROLE_SUFFIX.match(key[last_b:])
        if len(chain) >= 2 and heads_ok and last_v in PARTY_OF_BODY:
            # 企事业单位党组织, 学校党支部: the party body of the organisation, named as written
            written[chain[0][0]] = key[chain[0][0] : last_b]
            out.append((chain[0][0], last_b, last_v))
        elif len(chain) >= 2 and tail and tail.group() in PEOPLE_OF_BODY:
            out.extend(chain)  # 学校幼儿园负责人: the people of two bodies, each body a partner
        elif heads_ok and set(types[last_v].categories) <= COMPOUND_HEAD_CATS and tail:
            written[chain[0][0]] = key[chain[0][0] : last_b + tail.end()]
            out.append((chain[0][0], last_b + tail.end(), last_v))
        elif len(chain) >= 2 and heads_ok and ROLE_SUFFIX.fullmatch(last_v):
            written[chain[0][0]] = key[chain[0][0] : last_b]
            out.append((chain[0][0], last_b, last_v if last_v.startswith("保安") else chain[0][2]))
        else:
            out.extend(chain)
        i = j + 1
    return out, written


def _pool_spans(key: str) -> list[tuple[int, int]]:
    """Lists of the pools a group is drawn from (从景区、保安中招募; 由老党员、老干部等五老人员组成)."""
    out = [m.span(1) if m.group(1) else m.span(2) for m in POOL.finditer(key)]
    out += [m.span(1) for m in DRAWN_INTO.finditer(key)] + [m.span(1) for m in IN_GROUP_OF.finditer(key)]
    _, types = lexicon()
    for m in MADE_OF.finditer(key):
        # only where the group after 等 is a partner of its own (not 等力量, 等人员: there the items are;
        # nor 等部门, 等单位: bodies that make up a joint group are partners themselves)
        group = [v for _, _, v in _trie_matches(m.group(2)) if not (types[v].summary or types[v].block or types[v].list_only)]
        if group:
            out.append(m.span(1))
    for m in ETC_MEMBERS.finditer(key):
        # 与村书记、治保主任等村干部见面: the items are members of the group of people named after 等
        group = _trie_matches(m.group(2))
        if group and group[0][0] == 0 and not (types[group[0][2]].summary or types[group[0][2]].block) \
                and ROLE_END.search(types[group[0][2]].names[0]):
            out.append(m.span(1))
    return out


_PLACE_OF_VILLAGE = re.compile(r"(?:(?<![存现实])在[\u4e00-\u9fff]{1,8}?[村镇乡]|[0-9一二三四五六七八九十百]+个)$")


def _lexicon_occurrences(kt: KeyText, stations: tuple[str, ...] = (), own: tuple[str, ...] | None = None) -> list[Occurrence]:
    """Lexicon matches that pass the context rules. ``stations``: every known station name;
    ``own``: the subject's own names (subject and former), by default all of ``stations``."""
    own = stations if own is None else own
    _, types = lexicon()
    key = kt.text
    matches = [m for m in _trie_matches(key) if not types[m[2]].block]  # 带头人, 大学生: no partner
    matches, written = _compounds(key, matches)
    normal = [(a, b) for a, b, v in matches if not types[v].list_only]
    starts = {a for a, _, _ in matches}
    pools = _pool_spans(key) + _member_lists(key, matches)
    out: list[Occurrence] = []
    for m in VILLAGE_AND_COMMUNITY.finditer(key):
        body = m.group(1)
        names = ("村" + body, "社区" + body)
        cats = ("party",) * 2 if "党" in body else ("grassroots",) * 2
        start, end = kt.span(m.start(), m.end())
        out.append(Occurrence(start, end, names, cats, "lexicon", _has_cue(key, m.start(), m.end())))
    covered = [(m.start(), m.end()) for m in VILLAGE_AND_COMMUNITY.finditer(key)]
    # 大学路派出所, 园区派出所: a word inside a known station's name names no body that works with it
    named = [(i, i + len(st)) for st in stations if len(st) > 3 for i in find_all(st, key)]
    for i, (a, b, v) in enumerate(matches):
        if any(x <= a and b <= y for x, y in covered + pools):
            continue
        if "police" not in types[v].categories and any(x <= a and b <= y for x, y in named):
            continue
        if "grassroots" in types[v].categories and _PLACE_OF_VILLAGE.search(key, max(0, a - 12), a) \
                and not _has_cue(key, a, b):
            continue  # 在新田村村委会吃过早饭, 辖18个村委会: the village office as a place or a count, no work together
        if i + 1 < len(matches) and _bureau_of_next(key, v, b, matches[i + 1]):
            continue  # 某区司法局某某司法所: the bureau only locates the unit that works with the station
        t = types[v]
        prev = key[a - 1] if a > 0 else ""
        nxt = key[b] if b < len(key) else ""
        before12 = key[max(0, a - 12) : a]
        if v[0].isdigit() and prev.isdigit() or v[-1].isdigit() and (nxt.isdigit() or nxt in "%.万"):
            continue
        if _ends_a_place_name(key, a):
            continue  # 上海警方, 珠海警方: 海警 read across a place name
        if "party" in t.categories and (PARTY_ROLE_AFTER.match(key, b) or key.startswith(("民警", "辅警", "民辅警"), b)
                                         or key.endswith(("发挥", "发挥了"), 0, a)):
            continue  # 发挥党组织的战斗堡垒作用和党员先锋模范作用, 党员民辅警: party rhetoric, the station's own
        if "police" not in t.categories and key.startswith(OWN_STAFF_AFTER, b):
            continue
        if "police" not in t.categories and _STATION_WORD_AFTER.match(key, b):
            continue  # 开发区派出所, 景区治安派出所: part of a station's name
        if "police" in t.categories and t.weak and t.names == ("派出所",) \
                and not NEIGHBOUR_WORDS.search(key[slice(*_clause(key, a, b))]):
            continue  # 第一批农村派出所: a kind of station in a story, no partner
        if ("party" in t.categories or "police" in t.categories) and OWN_UNIT_BEFORE.search(before12):
            continue
        if "party" in t.categories and POLICE_PARTY_BEFORE.search(before12):
            continue
        if v.endswith("派出所") and prev and "\u4e00" <= prev <= "\u9fff" and (
            _names_a_station(key, b, v, own) or t.names[0] in GENERIC_STATION and _names_a_station(key, b, v, stations)
        ):
            continue  # 某某边境派出所 is the station itself (or, with no station known, any named one)
        if v.endswith("派出所") and (not "\u4e00" <= prev <= "\u9fff" or prev in NOT_A_NAME_END) and any(
            len(st) >= len(v) and st.endswith(v) for st in own
        ) and not OTHER_STATION_BEFORE.search(key, max(0, a - 4), a):
            continue  # 司法所、村委、边境派出所: the subject's own kind of station, unnamed, is the station itself
        if t.names[0] != "派出所" and v.endswith("派出所") and prev and "\u4e00" <= prev <= "\u9fff" and prev not in NOT_A_NAME_END:
            clause = key[slice(*_clause(key, a, b))]
            if FORMER_NAME.search(clause) or not NEIGHBOUR_WORDS.search(clause):
                continue  # 前身是某某边防派出所, or another named station only mentioned
        if t.sep_only and "\u4e00" <= nxt <= "\u9fff" and nxt not in LIST_TAIL:
            continue
        if t.prefix and (b in starts or not LEVEL_LEAD.search(key, max(0, a - 4), a)):
            continue  # 乡镇综治中心 (the level of the body after it), “平安乡镇” (a name)
        joined = t.weak and t.list_only and _joined_to_station(key, a, b)
        if t.list_only and not joined and not _in_list(key, a, b, normal, types, strict=t.weak):
            continue
        before = _rx(r"(辖区|当地|属地|本地|各|附近的?|一[家所个])$").sub("", key[max(0, a - 8) : a])
        if (before.endswith(LOCATIVE) and not before.endswith("所在") or AT_NAMED_PLACE.search(key, max(0, a - 12), a)) \
                and not SUPPORT_AFTER.match(key[b:]):
            continue  # (在乡党委政府的大力支持下: with its support, not a place)
        if t.weak and VISIT_BEFORE.search(before):
            continue  # 参观纪念馆, 游览景区: a place visited
        if t.weak and key.startswith(("分局", "公安", "派出所"), b):
            continue  # 常州市公安局高新区分局: the name of a police unit, not the zone as a partner
        if NOT_AT_WORK_AFTER.match(key[b:]) or _in_anecdote(key, a, b):
            continue
        if ROOM_AFTER.match(key[b:]) and "在" in key[max(0, a - 10) : a]:
            continue  # 在某村村委会活动室: where something happens
        if t.weak and (ADDRESS_PLACE_AFTER.match(key[b:]) or SERVED_AFTER.match(key[b:])
                       or PLACE_POINTED_BEFORE.search(key, max(0, a - 10), a)):
            continue  # 某某开发区花山街道 (an address), 为开发区的经济发展保驾护航, 景区安全 (a place served), 这座景区
        if t.names[0] in GENERIC_STATION and key.startswith(OWN_STAFF_AFTER, b) and not (
                OTHER_STATION_BEFORE.search(key, max(0, a - 4), a) or NEIGHBOUR_WORDS.search(key, max(0, a - 4), a)):
            continue  # 由边境派出所民警、民兵组成: the station's own officers
        if _rx(r"向[^、，,。；;]{0,6}$").search(before) and key.startswith("学", b):
            continue  # 向老党员学: whom the station learns from
        clause = key[slice(*_clause(key, a, b))]
        if HONOUR.search(clause) or ORG_HISTORY.search(clause) or PAST_ERA.search(key, *_sentence(key, a, b)):
            continue
        if "police" not in t.categories and ADDRESS_AFTER.match(key[b:]):
            continue
        if _headline_line(key, a) or _named_person_after(key, b):
            continue  # a headline list; 调解员老刘说: a private person by name
        if {"party", "government"} & set(t.categories) and SPEAKER_AFTER.match(key, b) and not _has_cue(key, a, b):
            continue  # 政法委书记某某表示, 宣传部副部长某某、…: whom an official works for, not a body at work
        if t.summary and BUILD_UP_BEFORE.search(key[max(0, a - 8) : a]):
            continue
        closer = SUMMARY_BEFORE.search(key, max(0, a - 8), a) if t.summary else None
        if closer and _closes_list(key, closer.start() + 1, matches):
            continue  # 网格员、楼栋长等群防群治力量, 城管、市场监管所等14个职能部门: the items are the partners
        parent = PARENT_OF_STATION.match(key[b:])
        if "police" in t.categories and parent and not NOT_IN_NAME.search(parent.group(0)[:-3]) and not re.search(
            r"与|和|及|同|联合|协|配合", parent.group(0)
        ):
            continue
        if t.team and (FORMED_BEFORE.search(before12) or FORMED_OF.search(key[max(0, a - 50) : a])):
            start, end = kt.span(a, b)
            out.append(Occurrence(start, end, t.names, t.categories, "lexicon", False, own=True))
            continue
        if key.startswith("队", b) and FORMED_OF.search(key[max(0, a - 50) : a]):
            continue  # 组建由五老人员组成的调解员队伍: the name of the station's own team
        role = ROLE_OF_OFFICER.search(before12)
        if role and not t.list_only and not POST_AFTER.match(key[b:]) \
                and not _residents_roles(key, a - len(before12) + role.start()):
            continue
        if DESCRIPTIVE_AFTER.match(key[b:]) or key.startswith("以", a - 1) and UNIT_FRAME.match(key[b:]):
            continue
        if "police" not in t.categories and JURISDICTION_COUNT.search(key[_clause(key, a, b)[0] : a]) \
                and not _has_cue(key, a, b):
            continue  # 管辖2个居委会、15个行政村: the area's profile
        if "police" not in t.categories and not _has_cue(key, a, b) and (
                JURISDICTION_RUN.search(key, _sentence(key, a, b)[0], a)
                or COUNT_AFTER.match(key[b:]) and COUNT_BEFORE_HAS.search(key, max(0, a - 4), a)):
            continue  # 辖13个行政村，1个居委会; 有村委会4个: the area's profile
        if t.names[0] in VILLAGE_BODY and _named_place(key, a, b):
            continue  # 在某某村村委会一起纠纷得以化解, 某某村委会是以前的镇中心: a place
        if REACHED_BEFORE.search(key[max(0, a - 8):a]) or (
                COUNTED_BEFORE.search(key[max(0, a - 8):a]) and DIVIDED_AFTER.match(key[b:])):
            continue
        # (the last item of 社区民警+…+治安积极分子的责任体系 qualifies nothing by itself)
        modifier = MODIFIER_AFTER.match(key[b:]) and not _beside_police(key, a, b)
        goal = GOAL_BEFORE.search(key[max(0, a - 8) : a])
        if t.weak and (modifier or goal or BENEFICIARY_BEFORE.search(before) or PLACE_AFTER.match(key[b:])
                       or _inspected(key, a, b)):
            continue
        if WORK_LIST_END.match(key[b:]):
            continue  # 参与到环卫、城管、安全…等工作中: fields of work, not the bodies
        if "party" in t.categories and t.weak and OWN_PARTY_AFTER.match(key[b:]):
            continue
        if "police" not in t.categories and PLACE_LIST_END.match(key[b:]):
            continue  # 小区、学校等关键区域: places, not bodies
        if "representative_media" in t.categories and COVERAGE_AFTER.match(key[b:]):
            continue
        cue = joined or _has_cue(key, a, b) or _beside_police(key, a, b) or STATIONED_AFTER.match(key[b:]) is not None \
            or "police" not in t.categories and _reported_to(key, a, b)
        if TARGET_LIST_END.match(key[b:]) and not cue:
            continue  # 校园、卫生院等重点单位的防控: the places protected
        if key.endswith(("无", "没有", "缺少", "缺乏"), 0, a) or (v.startswith("物业") and key.startswith("小区", b)):
            continue  # 在无物业小区, 强物业小区: a kind of housing estate, no body at work
        if key.startswith("群", b) and not key.startswith(("群众", "群防", "群体", "群团"), b):
            continue  # 商户群、保安群等微信群: chat groups, not the people in them
        if not cue and (t.weak or (set(t.categories) <= CUE_ONLY_CATEGORIES and not AT_STATION_AFTER.match(key[b:]))):
            continue
        names, cats = t.names, t.categories
        level = TWO_COMMITTEES_OF.search(key, max(0, a - 7), a) if v == "两委" else None
        if level:  # 社区委员会“两委”班子成员: the 两委 of the level named before it
            names = (level.group(1) + "两委",)
        if t.names == ("部门",):
            lead = _department_lead(key, a) if v == "部门" else "" if not SUMMARY_WORD.match(v) else None
            if lead and NOT_PARTNER.search(lead + v):
                lead = ""
            if lead is None:
                continue  # 多部门, 各部门, 等部门: a summary of the bodies around it
            if lead:  # 工商管理部门: the office as written
                a, names = a - len(lead), (lead + v,)
        mod = ROLE_MODIFIER.search(key, max(0, a - 3), a) if t.names == (v,) and PERSON_END.search(v) else None
        if not mod and t.names == (v,) and not v.endswith("所") and not LEVEL_START.match(v):
            mod = TYPE_MODIFIER.search(key, max(0, a - 2), a)  # 社会志愿者, 社区党员, 村综治中心: as written
            if mod and mod.start() > 0 and key[mod.start() - 1] in QUANTITY_CHARS:
                mod = None  # 各村网格员, 每个社区: every one of them, no modifier
        if a in written:
            names, cats = (written[a],), (types[v].categories[0],)
        elif mod:  # 退休法官, 司法调解员, 治安户长: the role named as written, with its kind
            a, names = mod.start(), (key[mod.start() : b],)
        start, end = kt.span(a, b)
        out.append(Occurrence(start, end, names, cats, "lexicon", cue))
    return out


# (让党员发挥作用“活”起来, 强化基层党组织的政治功能: the party's role, said of no body at work)
PARTY_ROLE_AFTER = re.compile(
    r"[^，,。；;]{0,4}?(?:战斗堡垒|先锋模范|先锋作用|模范作用|先锋|示范作用|亮党徽|亮身份|发挥作用|政治功能|组织功能)"
)
_QUOTE_RUN = re.compile(r"(?:[“「][^”」]{1,10}[”」][、，,]?\s*){3,}")
SUMMARY_WORD = re.compile(r"^(?:多|各|等|相关|有关|其他)")


# 选拔一批热心村民，既是警民联络员，又是网格员: roles residents take on (not an officer's)
_RESIDENTS = re.compile(r"村民|居民|群众|乡贤|能人|志愿者|党员|退休[\u4e00-\u9fff]{0,2}|老干部|积极分子")
_OFFICERS = re.compile(r"民警|辅警|警察|所长|警长|教导员|[他她]")


def _residents_roles(key: str, a: int) -> bool:
    """The nearest person word before ``a`` (where 既是, 成为 … stand, in the sentence) names residents."""
    s0, _ = _sentence(key, a, a)
    last = {"res": -1, "off": -1}
    for kind, rx in (("res", _RESIDENTS), ("off", _OFFICERS)):
        for m in rx.finditer(key, s0, a):
            last[kind] = m.end()
    return last["res"] > last["off"]


def _department_lead(key: str, a: int) -> str | None:
    """The field words written right before 部门 at ``a`` (工商管理部门 -> 工商管理): "" when there
    are none, None when a quantity or summary word stands there (多部门, 各部门, 等部门)."""
    j = a
    while j > 0 and a - j < 6 and "\u4e00" <= key[j - 1] <= "\u9fff" and key[j - 1] not in "、和及与同等":
        j -= 1
    lead = key[j:a]
    cut = max([c.end() for c in PATTERN_CUE.finditer(lead)] + [0])
    lead = lead[cut:]
    # 镇综治部门 -> 综治部门: the level of the office is a place prefix (not 市场, 乡村: words of the field)
    lead = _rx(r"^(?:[省县区镇]|市(?!场)|乡(?!村)|街道)(?=[\u4e00-\u9fff]{2})").sub("", lead)
    if _rx(r"(?:多|各|等|相关|有关|个|些|其他|职能|政府|行业|主管|责任|成员)$").search(lead):
        return None if _rx(r"(?:多|各|等|相关|有关|个|些|其他)$").search(lead) else ""
    return lead if 2 <= len(lead) <= 6 else ""


_LOCAL_UNIT_END = ("所", "站", "中心", "室", "队")
_PLACE_LEVEL_END = ("镇", "乡", "街道", "区", "县", "市")


def _bureau_of_next(key: str, v: str, b: int, nxt: tuple[int, int, str]) -> bool:
    """A bureau (某局) written right before one of its local units, with at most a place name
    between them (司法局新民司法所, 民政局城关救助站): one body, named by the unit."""
    from .gazetteer import is_place_stem

    if not v.endswith("局") or not nxt[2].endswith(_LOCAL_UNIT_END):
        return False
    between = key[b:nxt[0]]
    if not between:
        return True
    if len(between) > 4 or not all("\u4e00" <= c <= "\u9fff" for c in between):
        return False
    return between.endswith(_PLACE_LEVEL_END) or is_place_stem(between)


def _ends_a_place_name(key: str, a: int) -> bool:
    """The match starts inside a province's or prefecture's short name (上|海警, 珠|海警)."""
    from .gazetteer import gazetteer

    shorts = gazetteer().by_short
    return any(
        a - k >= 0 and key[a - k : a + 1] in shorts[level]
        for k in (1, 2) for level in ("province", "prefecture")
    )


def _in_anecdote(key: str, a: int, b: int) -> bool:
    """一家企业因债务问题…: one body in a story, in a clause that says nothing of working together
    (the 一起 of 一起纠纷 and the 合作方 of a deal are no cooperation cues)."""
    m = ANECDOTE_BEFORE.search(key, max(0, a - 2), a)
    if not m:
        return False
    s, e = _clause(key, a, b)
    text = (key[s : m.start()] + "|" + key[b:e]).replace("合作方", "")
    return not any(c in text for c in CUES)


def _role_slogans(simp: str) -> list[tuple[int, int]]:
    """Quoted lists of three or more four-character items (“党政主导、综治协调、公安指导、部门联动”):
    a slogan sharing out roles, whose words name no body working with the station."""
    out = []
    for m in _ROLE_SLOGAN.finditer(simp):
        items = [x.strip() for x in m.group(1).split("、")]
        if len(items) >= 3 and all(len(x) == 4 for x in items):
            out.append(m.span())
    return out


_ROLE_SLOGAN = re.compile(r"“([^“”]{14,80})”")


def _beside_police(key: str, a: int, b: int) -> bool:
    """The word is paired with the station's officers (民警与调解员) or is an item of a "+"
    formula that names them (社区民警+警务助理+村社明白人): it works with the station."""
    s, e = _clause(key, a, b)
    if WITH_POLICE_BEFORE.search(key[s:a]) or WITH_POLICE_AFTER.match(key[b:e]):
        return True
    if not (PLUS_BEFORE.search(key[s:a]) or key.startswith("+", b)):
        return False
    run = PLUS_RUN.search(key[s:a]).group(0) + key[a:b] + PLUS_RUN_AFTER.match(key, b, e).group(0)
    return "+" in run and POLICE_WORD.search(run) is not None


@lru_cache(maxsize=1)
def _person_name() -> re.Pattern[str]:
    """老刘, 小王, 张某: a person named right after a role word (built once)."""
    from .clean import surnames

    family = "|".join(sorted(set().union(*surnames()), key=len, reverse=True))
    # (小程序, 小康, 小于: common words, not a name)
    return re.compile(rf"^(?:(?:老|小)(?!程序|康|于)(?:{family})|(?:{family})某)")


def _named_person_after(key: str, b: int) -> bool:
    """调解员老刘说, 退休民警、调解员老刘说: role words before a person's name describe that person."""
    role = _ROLE_THEN_NAME.match(key, b)
    at = role.end() if role else b
    return _person_name().match(key[at : at + 4]) is not None


_ROLE_THEN_NAME = re.compile(r"、[\u4e00-\u9fff]{1,4}?(?:员|长|师|官|者)")


def _closes_list(key: str, a: int, matches: list[tuple[int, int, str]]) -> bool:
    """True when another partner word is an item of the enumeration that ``等`` at ``a - 1`` closes."""
    s, _ = _clause(key, a, a)
    return any(s <= x and y < a - 1 and LIST_JOIN.search(key, y, a - 1) for x, y, _v in matches) or any(
        s <= x and y == a - 1 for x, y, _v in matches
    )


def _headline_line(key: str, a: int) -> bool:
    """True when the line holding ``a`` is an item of a bulleted headline list (boilerplate)."""
    s = key.rfind("\n", 0, a) + 1
    e = key.find("\n", a)
    return HEADLINE_LINE.match(key[s : e if e >= 0 else len(key)]) is not None


def _member_lists(key: str, matches: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Spans of a bracketed list right after a group: 五老工作者(老干部、老党员) names its members."""
    out = []
    for _, b, _v in matches:
        if b < len(key) and key[b] in "(（":
            close = min((i for i in (key.find(")", b, b + 60), key.find("）", b, b + 60)) if i >= 0), default=-1)
            if close > 0 and _rx(r"[、，,和及]").search(key[b:close]):
                out.append((b + 1, close))
    return out


def _names_a_station(key: str, b: int, v: str, stations: tuple[str, ...]) -> bool:
    """True when the 派出所 type word ending at ``b`` closes the name of a known station."""
    if not stations:
        return True
    return any(len(st) > len(v) and st.endswith(v[-3:]) and key[:b].endswith(st) for st in stations)


def _in_list(
    key: str, a: int, b: int, normal: list[tuple[int, int]], types: dict | None = None, strict: bool = False
) -> bool:
    """A bare word counts as an item of an enumeration that also names another partner.

    Two bare words side by side (综治、司法) count too when the clause says they work together.
    A ``strict`` word (社区, 街道: also plain places) needs a partner beside it, not a
    police word, and no ``+`` formula (社区+警务室 is a structure of the station's own).
    """
    prev = key[a - 1] if a > 0 else ""
    nxt = key[b] if b < len(key) else ""
    if strict and "+" in (prev, nxt):
        return False
    if _after_joint_verb(key, a, b):
        return True  # 联合街道、社区开展…: bare words listed right after a verb of working together
    if prev in "与和及" and key[max(0, a - 2) : a] in NOT_CONJUNCTION:
        prev = " "  # 参与平安建设: the 与 of a verb joins nothing
    if not (nxt in LIST_SEP or (nxt in LIST_TAIL and prev in LIST_SEP) or nxt in LIST_TAIL and prev in "与和及"):
        # 政府主导、综治统筹、人民调解参与: items of a word and a two-character verb
        if not (nxt and prev in LIST_SEP and re.match(ROLE_VERB, key[b:])):
            return False
    # the enumeration: items joined by 、 / + around [a, b), each short
    s = a
    while s > 0 and key[s - 1] not in CLAUSE_END and a - s < 40:
        s -= 1
    e = b
    while e < len(key) and key[e] not in CLAUSE_END and e - b < 40:
        e += 1
    items = list(normal)
    if types is not None and _has_cue(key, a, b):
        # another bare word counts only as an item itself: 人民调解、行政调解和司法调解 lists activities
        items += [
            (x, y) for x, y, v in _trie_matches(key[s:e]) for x, y in [(x + s, y + s)]
            if types[v].list_only and (y >= len(key) or key[y] in LIST_SEP or key[y] in LIST_TAIL)
        ]
    for x, y in items:
        if s <= x and y <= e and (x, y) != (a, b) and (y <= a or x >= b):
            between = key[y:a] if y <= a else key[b:x]
            if len(between) <= 12 and any(c in LIST_SEP or c in "和及与" for c in between):
                return True
    for m in LIST_NEIGHBOUR.finditer(key, s, e) if not strict else ():
        between = key[m.end() : a] if m.end() <= a else key[b : m.start()]
        if (m.end() <= a or m.start() >= b) and len(between) <= 3 and any(c in LIST_SEP for c in between):
            return True
    return False


# 联合街道、社区: a verb of working together right before a list of short bare words.
_JOINT_VERB = r"(?:联合|会同|联动|协同|携手|协调|依托|动员|发动)"
_JOINT_LIST = re.compile(_JOINT_VERB + r"((?:[\u4e00-\u9fff]{2,4}、)+)$")
_JOINT_VERB_END = re.compile(_JOINT_VERB + "$")


# 派出所联合某某街道建设…, 派出所和社区成立…, 在派出所和某某社区的培育下, 某某社区联合派出所成立…:
# a place word (社区, 街道) joined to the station itself in a joint act is a body at work. The station's
# side may be its officers or post (民警与某某社区一起组建…, 由警务室与社区共同成立); 共同/一起 before any verb is one act.
_JOINT_LINK = r"(?:联合|会同|携手|与|和(?!谐)|同(?!时|步|样|期|比))"
_JOINT_ACT = r"(?:(?:共同|一起|一道|联合)?(?:成立|建立|组建|建设|开展|设立|打造|签订|举办|召开|推出|创建|搭建)|(?:共同|一起|一道)(?=[\u4e00-\u9fff])" \
    r"|持续|合力|协作|会商|研究|商讨|进行|组织|走访|排查|调解|化解)"  # 派出所和社区持续关注…, 分局和某某社区经会商研究…
STATION_JOINS_BEFORE = re.compile(r"(?:派出所|该所|公安|民警|警务室|警方)[^，,。；;、]{0,8}?" + _JOINT_LINK + r"[\u4e00-\u9fff]{0,6}$")
JOINT_ACT_AFTER = re.compile(  # used with .match(key, b): no ^ (it would not anchor at b)
    "(?:" + _JOINT_ACT + r"|的[^，,。；;]{0,4}?(?:支持|帮助|指导|培育|推动)(?:下|之下))"
)
JOINS_STATION_AFTER = re.compile(
    r"[^。；;！？!?]{0,14}?" + _JOINT_LINK + r"[\u4e00-\u9fff]{0,8}?派出所" + _JOINT_ACT
)


def _joined_to_station(key: str, a: int, b: int) -> bool:
    """The place word stands beside the station as the other party of one joint act."""
    if STATION_JOINS_BEFORE.search(key, max(0, a - 24), a) and JOINT_ACT_AFTER.match(key, b):
        return True
    return JOINS_STATION_AFTER.match(key, b) is not None


def _after_joint_verb(key: str, a: int, b: int) -> bool:
    """The word is an item of a 、-list that opens right after a verb of working together, as its
    last item (…、社区开展) or before the next (联合街道、社区)."""
    if _JOINT_LIST.search(key, max(0, a - 30), a):
        return True  # earlier items after the verb, this one next
    if key.startswith("、", b) and _JOINT_VERB_END.search(key, max(0, a - 4), a):
        return True  # the first item, more after it
    return False


def _places(ext: Extraction) -> list[str]:
    """Place names known for the article's stations, longest first (for prefix stripping)."""
    names: set[str] = set()
    for st in ext.stations:
        for p in (st.province, st.prefecture, st.county, st.town, st.name.replace("派出所", "") if st.name else None):
            if p:
                names.add(p)
                stem = _rx(r"(省|市|州|县|区|镇|乡|街道|自治区)$").sub("", p)
                if len(stem) >= 2:
                    names.add(stem)
    return sorted(names, key=len, reverse=True)


def _strip_place(item: str, places: list[str]) -> str:
    changed = True
    while changed:
        changed = False
        m = LEAD_STRIP.match(item)
        if m and m.end() < len(item):
            item, changed = item[m.end() :], True
        for p in places:
            if item.startswith(p) and len(item) > len(p) + 1:
                item, changed = item[len(p) :], True
                break
        m = PLACE_PREFIX.match(item)
        if m and len(item) - m.end() >= 2 and not BODY_SUFFIX.search(item[: m.end()][:-1] or "x"):
            item, changed = item[m.end() :], True
    # 县土地资源管理局 -> 土地资源管理局: a bare level word before a named body goes like a place
    # (not 市场监管局, 区域…, 县委…: there the character belongs to the word); so does the bureau
    # of that level (市局新质战斗力科创中心 -> 新质战斗力科创中心).
    m = _rx(r"^[县市区]局?(?![场政民域级直属委])(.{3,}(?:局|所|院|中心|站|办|队|庭))$").match(item)
    if m:
        item = m.group(1)
    # A township-level body keeps its level word only when the rest is ambiguous.
    m = _rx(r"^[\u4e00-\u9fff]{1,4}?(镇|乡|街道)(.+)$").match(item) \
        or _rx(r"^(镇|乡(?!镇)|街道)(.+部门)$").match(item)  # 镇综治部门 -> 综治部门 (a field's office)
    if m and len(m.group(2)) >= 3:
        item = m.group(2)
    return item


def _guess_category(name: str) -> str:
    for pat, cat in (
        (r"党", "party"), (r"法|律|检察|司法|调解|仲裁|公证", "judicial"),
        (r"医|卫生|健康|疾控", "health"), (r"学|校|教育|幼儿", "education"),
        (r"公司|企业|银行|厂|集团|商会|物业|酒店|超市|市场", "enterprise"),
        (r"警|公安|边检|边境", "police"), (r"团委|妇|工会|残联|关工委|科协", "mass_org"),
        (r"志愿|公益|义工|救援", "volunteer"), (r"人大|政协|媒体|电视|报社", "representative_media"),
        (r"所|局|办|站|委|中心|部门|政府|厅|处|科", "government"),
    ):
        if re.search(pat, name):
            return cat
    return "other"


ROOM_CHARS = "室站队组岗点"


# Verbs of handling a matter written right after a body (行业部门调处, 职能部门联动处置).
_HANDLED = re.compile(r"(?:联动|共同|协同)?(?:调处|查处|处置|处理|化解|解决)$")


def _pattern_occurrences(kt: KeyText, places: list[str], taken: list[tuple[int, int]]) -> list[Occurrence]:
    """Bodies named after a cooperation verb that the lexicon does not know."""
    key = kt.text
    spans: list[tuple[int, int]] = []
    for m in PATTERN_CUE.finditer(key):
        s = m.end()
        if key[s:s + 1] in ROOM_CHARS:
            continue  # 警调联动室举行: the cue word is inside a room's or team's name
        e = s
        while e < len(key) and key[e] not in CLAUSE_END and e - s < 40:
            e += 1
        stop = _rx(r"共同|一起|一道|开展|成立|建立|打造|召开|组建|参与|签订|等|的|进行|对|到|为|在|或").search(key[s:e])
        spans.append((s, s + stop.start() if stop else e))
    for m in PATTERN_WITH.finditer(key):
        s = m.end()
        e = s
        while e < len(key) and key[e] not in CLAUSE_END and e - s < 30:
            e += 1
        v = PATTERN_WITH_VERB.search(key[s:e])
        if v:
            spans.append((s, s + v.start()))
    out: list[Occurrence] = []
    seen: set[int] = set()
    for s, e in spans:
        pos = s
        for item in _rx(r"(、|和(?!谐)|及(?!时)|以及|与|/)").split(key[s:e]):  # not 及时, 和谐
            a, b = pos, pos + len(item)
            pos = b
            if not item or item in ("、", "和", "及", "以及", "与", "/") or a in seen:
                continue
            seen.add(a)
            if any(x < b and a < y for x, y in taken):
                continue  # the lexicon already named it
            done = _HANDLED.search(item)
            if done and BODY_SUFFIX.search(item[: done.start()]):
                item = item[: done.start()]  # 协调行业部门调处: the body, then what it does
                b = a + len(item)
            if NOT_PARTNER.search(item) or not BODY_SUFFIX.search(item):
                continue
            if _rx(r"[0-9]+(?:\.[0-9]+)?[余多]?[起处个件名人次户条家支]").search(item):
                continue  # 协助处置…3起、烟头隐患点2处: a count of things done, no body
            if HONOUR.search(key[slice(*_clause(key, a, b))]):
                continue
            name = _strip_place(item, places)
            if name in ("单位", "机构", "组织", "部门"):
                continue  # 相关单位: too vague to compare stations by
            if len(name) <= 2:
                continue  # 联动调处: a two-character activity ending like a body; two-character bodies are in the lexicon
            if not (3 <= len(name) <= 10) or not _rx(r"[\u4e00-\u9fff0-9A-Za-z()（）]+").fullmatch(name):
                continue
            start, end = kt.span(a, b)
            out.append(Occurrence(start, end, (name,), (_guess_category(name),), "pattern", True))
    return out


def _closed_list_occurrences(kt: KeyText, places: list[str], taken: list[tuple[int, int]]) -> list[Occurrence]:
    """Items of ``X、Y、Z等部门`` after a cooperation cue: each is a body, as written (平安建设)."""
    key = kt.text
    _, types = lexicon()
    out: list[Occurrence] = []
    for m in CLOSED_LIST.finditer(key):
        first = m.group(1)[:10]
        if not (_has_cue(key, m.start(), m.end()) or any(c in first for c in CUES)):
            continue  # (联合景区管委会、海事…等部门: the cue may open the list's first item)
        # 教体、文广等部门: a field word in a list of departments names a government office
        fallback = "government" if _rx(r"部门|机构$").search(m.group(0)) else "other"
        pos = m.start(1)
        parts = _rx(r"([、/])").split(m.group(1))
        for k, item in enumerate(parts):
            a, b = pos, pos + len(item)
            pos = b
            if item in ("、", "/"):
                continue
            if k == 0:  # the first item may carry the verb before it: 会同乡镇平安建设
                cut = max((c.end() for c in PATTERN_CUE.finditer(item)), default=0)
                cut = max([cut] + [w.end() for w in _rx(r"与|和|同|定期|积极|主动|^由|^在").finditer(item)])
                a, item = a + cut, item[cut:]
            if any(x < b and a < y for x, y in taken) or NOT_PARTNER.search(item) or "公安" in item:
                continue
            if HONOUR.search(key[slice(*_clause(key, a, b))]):
                continue
            name = _strip_place(item, places)
            if 2 <= len(name) <= 6:
                start, end = kt.span(a, b)
                known = types.get(name)
                if known:  # 村居干部: a word the lexicon knows, named (and split) as it says
                    out.append(Occurrence(start, end, known.names, known.categories, "pattern", True))
                    continue
                cat = _guess_category(name)
                out.append(Occurrence(start, end, (name,), (fallback if cat == "other" else cat,), "pattern", True))
    return out


def _list_neighbours(kt: KeyText, places: list[str], taken: list[tuple[int, int]], known: list[Occurrence]) -> list[Occurrence]:
    """Items of an enumeration that also names a known partner (网格员、楼栋长、单元长等):
    a role or body word beside a partner word is one more partner, even where the lexicon
    does not know it. Only items that end like a role or a body count (小区、学校 are places)."""
    key = kt.text
    starts = {bisect.bisect_left(kt.idx, o.start) for o in known if o.cue and not o.own}
    if not starts:
        return []
    out: list[Occurrence] = []
    clauses = sorted({_clause(key, a, a + 1) for a in starts})  # only clauses that name a partner
    matches = [m for cs, ce in clauses if not HONOUR.search(key, cs, ce) for m in ENUMERATION.finditer(key, cs, ce)]
    for m in matches:
        if not any(m.start() <= a < m.end() for a in starts):
            continue
        parts = _rx(r"(、|以及|和(?!谐)|及(?!时)|与)").split(m.group(0))
        if any(_rx(r"^(?:走?进|到|入|在|去|赴)").match(item) for item in parts[2::2]):
            continue  # 进学校、进企业、进医院: places a campaign goes to
        pos = m.start()
        for k, item in enumerate(parts):
            a, b = pos, pos + len(item)
            pos = b
            if k % 2:  # a separator
                continue
            if k == 0:  # the first item may carry the verb before it: 动员网格员
                cut = max((c.end() for c in ITEM_LEAD.finditer(item)), default=0)
                a, item = a + cut, item[cut:]
            if k == len(parts) - 1:
                cut = item.find("等")
                if cut >= 0:
                    b, item = a + cut, item[:cut]
                elif not (ROLE_END.search(item) or BODY_SUFFIX.search(item)):
                    # 民警、义警、保安、平安小管家多方联动: the last item runs on into the verb after it
                    head = ROLE_HEAD.match(item)
                    if head:
                        b, item = a + head.end(), head.group(0)
            of = _rx(r"^([\u4e00-\u9fff]{2,8}?)的(?:干部|工作人员|人员|同志|代表|负责人)$").match(item)
            if of:  # 居委会的干部: the people of a body stand for the body
                b, item = a + of.end(1), of.group(1)
            if any(x < b and a < y for x, y in taken) or a in starts:
                continue
            if NOT_PARTNER.search(item) or not (ROLE_END.search(item) or BODY_SUFFIX.search(item)):
                continue
            if _rx(r"^(?:相关|有关|其他|其它|各类?)").match(item):
                continue  # 相关部门人员: a vague group, no particular partner
            name = _strip_place(item, places)
            if not 2 <= len(name) <= 6 or name in ("单位", "机构", "组织", "部门"):
                continue
            start, end = kt.span(a, b)
            cat = _guess_category(name)
            if cat == "other" and _rx(r"村|社区|网格|楼|小区|单元|居|治安|调解").search(name):
                cat = "grassroots"
            out.append(Occurrence(start, end, (name,), (cat,), "pattern", True))
    return out


# 整合“警民联防”“红袖标”“黄马甲”等群防群治组织, 培育“红袖章”、“楼栋长”等社会治安力量: each quoted
# item of a list that a collective of residents' groups closes is one of those groups.
QUOTED_LIST = re.compile(
    r"(?:[“「][\u4e00-\u9fff]{2,6}[”」][、，,]?){2,}(等[^，,。；;“”「」]{0,6}?(?:群防|群治|治安|志愿|巡防|社会)[^，,。；;“”「」]{0,4}?(?:组织|力量|队伍))"
)
QUOTED_ITEM = re.compile(r"[“「]([\u4e00-\u9fff]{2,6})[”」]")


def _quoted_groups(clean: CleanDoc, kt: KeyText, ext: Extraction) -> list[Occurrence]:
    """Named residents' groups in quotes (“银发小管家”, “晚霞”巡逻队), named as written,
    where the clause says they work with the station (联合“银发小管家”).

    A name that is one of the article's mechanisms, or that also names something other
    than the group (“某某”调解工作法 beside “某某”调解队), is the station's own brand.
    """
    text = clean.simp
    mech = {normalize_name(t) for m in ext.mechanisms for t in [m.name, *m.aliases] if t}
    out: list[Occurrence] = []
    for m in QUOTED_GROUP.finditer(text):
        q, after = m.group(1), m.group(2)
        name = q if GROUP_SUFFIX.search(q) else next(
            (q + after[:k] for k in range(len(after), 0, -1) if GROUP_SUFFIX.search(q + after[:k])), None
        )
        if not name or len(name) < 3 or _rx(r"警|公安|派出所|民警").search(name):
            continue
        if any(t and (name.startswith(t) or t.startswith(q)) for t in mech):
            continue  # “某某调解员” beside the mechanism 某某调解: the station's own brand
        if q != name and (normalize_name(q) in mech or any(
            not text.startswith(name[len(q):], o.end() + 1) for o in re.finditer("[“「]" + re.escape(q) + "[”」]", text)
        )):
            continue
        end = m.end(1) + 1 + (len(name) - len(q)) if q != name else m.end(1) + 1
        if FORMED_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) or FORMED_OF.search(text[max(0, m.start() - 50) : m.start()]):
            continue
        if ROLE_OF_OFFICER.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # 既是邻里的“金牌调解员”: a description of people already named
        if HONOUR.search(text[max(0, m.start() - 8) : m.end() + 4]):
            continue  # 授予“某某志愿者”称号: a title
        if not _has_cue(text, m.start(), m.end()):
            continue  # “某某”团队带头人说: a named group, but nothing says it works with the station
        # “双协管理员”: a staff role of the grid is grassroots; other named groups are volunteers
        cat = "grassroots" if _rx(r"(?:管理员|协管员|信息员)$").search(name) else "volunteer"
        out.append(Occurrence(m.start(1), end if q != name else m.end(1), (name,), (cat,), "pattern", True))
    for m in QUOTED_LIST.finditer(text):
        # (the closing collective may carry the cue itself: 等社会治安力量)
        if not _has_cue(text, m.start(), m.start(1)) or HONOUR.search(text, *_clause(text, m.start(), m.end())):
            continue
        for item in QUOTED_ITEM.finditer(text, m.start(), m.start(1)):
            if normalize_name(item.group(1)) not in mech:
                out.append(Occurrence(item.start(1), item.end(1), (item.group(1),), ("volunteer",), "pattern", True))
    return out


# 甲、乙和丙派出所: names listed before one shared 派出所 (the text right before the last one)
_SHARED_HEAD_LIST = re.compile(r"(?:[\u4e00-\u9fff]{2,8}[、和与及])+$")


# 与祥符派出所相邻的汽车北站派出所: adjacency alone is no work together; 附近某某派出所通报, 联防协作 is
_WORK_TOGETHER = re.compile(r"通报|协查|协助|配合|联合|会同|协同|联动|支援|共同|共建|协作|联勤|联系|联防|同盟|携手|合作")
# the subject's side of the work: the station itself, named or referred to
_OWN_STATION = re.compile(r"该所|本所|我所|我们")


def _other_stations(kt: KeyText, ext: Extraction, lex: list[Occurrence] | None = None) -> list[Occurrence]:
    """A mentioned neighbouring station that works with the subject (附近某某派出所通报) is a 派出所 partner,
    unless the lexicon names its kind already (某某火车站派出所 -> 火车站派出所)."""
    key = kt.text
    out: list[Occurrence] = []
    kinds = [(o.start, o.end) for o in lex or () if "police" in o.categories]
    subjects = [normalize_name(st.name).removesuffix("派出所") for st in ext.stations if st.role == "subject" and st.name]
    for st in ext.stations:
        if st.role != "mentioned" or not st.name:
            continue
        for hit in re.finditer(re.escape(normalize_name(st.name)), key):
            s, e = _sentence(key, hit.start(), hit.end())  # 来自甲派出所…负责人…，就警务协作进行商讨
            shared = _SHARED_HEAD_LIST.search(key, max(s, hit.start() - 24), hit.start())
            if shared and any(c and c in shared.group(0) for c in subjects):
                continue  # 西街、海角和海西派出所…共同…: stations named together as one subject, not partners
            sentence = key[s:e]
            if NEIGHBOUR_WORDS.search(sentence) and _WORK_TOGETHER.search(sentence) \
                    and (_OWN_STATION.search(sentence) or any(c and c in sentence for c in subjects)):
                start, end = kt.span(hit.start(), hit.end())
                if any(start <= x and y <= end for x, y in kinds):
                    break
                out.append(Occurrence(start, end, ("派出所",), ("police",), "pattern", True))
                break
    return out


def _is_team(o: Occurrence) -> bool:
    return "volunteer" in o.categories or o.names in _team_names()


@lru_cache(maxsize=1)
def _team_names() -> frozenset[tuple[str, ...]]:
    """The names of every lexicon type flagged as a team."""
    _, types = lexicon()
    return frozenset(t.names for t in types.values() if t.team)


def _team_of_mechanism(name: str, mechanisms: list[Mechanism]) -> bool:
    """平安义警 is the station's own named team (a mechanism), not a partner; nor is its 义警. So are
    the 义警 of its named post or squad (某某义警站, 某某义警队)."""
    n = normalize_name(name)
    post = _rx(rf"{re.escape(n)}(?:站|岗|队|队伍|[中小分]队|联防队|服务队)$")
    for m in mechanisms:
        for t in [m.name, *m.aliases]:
            term = normalize_name(t)
            if term and not _rx(r"[+、/＋]").search(term) and (term.endswith(n) or post.search(term)):
                return True
    return False


def _subject_station(clean: CleanDoc, ext: Extraction) -> str | None:
    for st in ext.stations:
        if st.role == "subject":
            return st.name
    if ext.stations:
        return ext.stations[0].name
    # Fallback while no station step ran: the most frequent named station.
    after_bureau = _rx(r"(?:公安局|分局|管理支队)([\u4e00-\u9fff]{2,6}?派出所)").search(clean.simp)
    if after_bureau:
        return after_bureau.group(1)
    found = Counter(m.group(0) for m in _rx(r"[\u4e00-\u9fff]{2,4}派出所").finditer(clean.simp))
    for name, _ in found.most_common():
        if not _rx(r"^(该|本|我|各|辖区|一个|公安|农村|城区|边境)").search(name):
            return name
    return None


# 成立了“某某”联盟, 探索构建“3+N”模式: a verb creating the mechanism named right after it.
CREATED_BEFORE = re.compile(r"(?:成立|构建|建立|打造|组建|形成|搭建|探索|推出|创建|创新|建成)了?起?[“「\"]?$")


def _mechanism_sentences(clean: CleanDoc, kt: KeyText, mechanisms: list[Mechanism]) -> dict[int, dict[int, list[int]]]:
    """For each mechanism (by index): the sentences (by start offset) that mention it, each with
    the clean offsets of the mentions (its evidence sentence counts, mentioned at its start)."""
    out: dict[int, dict[int, list[int]]] = {}
    for i, m in enumerate(mechanisms):
        sents: dict[int, list[int]] = {}
        terms = {normalize_name(t) for t in [m.name, *m.aliases] if t}
        terms |= {normalize_name(c) for c in m.components if c and len(normalize_name(c)) >= 3}
        for term in terms:
            if not term:
                continue
            for hs in find_all(term, kt.text):
                pos = kt.idx[hs]
                sent = clean.sentence_at(pos)
                if sent is not None:
                    sents.setdefault(sent.start, []).append(pos)
        if m.evidence is not None and clean.offsets:
            pos = bisect.bisect_left(clean.offsets, m.evidence.start)
            sent = clean.sentence_at(min(pos, len(clean.text) - 1)) if clean.text else None
            if sent is not None:
                sents.setdefault(sent.start, []).append(min(pos, len(clean.text) - 1))
        out[i] = sents
    return out


def _linked(clean: CleanDoc, pos: int, mech_sents: dict[int, dict[int, list[int]]]) -> list[int]:
    """Mechanisms tied to a partner at clean offset ``pos``: those its sentence names, else its
    paragraph's lead names. Where the sentence names several, the partner goes with the one in
    its clause, else the nearest named before it (依托X模式，联合A、B), else the nearest after."""
    sent = clean.sentence_at(pos)
    if sent is None:
        return []
    same = {i: ss[sent.start] for i, ss in mech_sents.items() if sent.start in ss}
    if len(same) > 1:
        s, e = _clause(clean.simp, pos, pos + 1)
        in_clause = [i for i, ps in same.items() if any(s <= p < e for p in ps)]
        if in_clause:
            return in_clause
        # 联合A、B，成立X联盟: the mechanism the clause after it creates
        made = [i for i, ps in same.items() if any(p > pos and CREATED_BEFORE.search(clean.simp, max(pos, p - 10), p) for p in ps)]
        if made:
            return made
        before = {i: max(p for p in ps if p < pos) for i, ps in same.items() if any(p < pos for p in ps)}
        if before:
            near = max(before.values())
            return [i for i, p in before.items() if p == near]
        after = {i: min(ps) for i, ps in same.items()}
        near = min(after.values())
        return [i for i, p in after.items() if p == near]
    if same:
        return list(same)
    lead = next((s for s in clean.sentences if s.paragraph == sent.paragraph), None)
    if lead is not None and lead.start != sent.start:
        found = [i for i, ss in mech_sents.items() if lead.start in ss]
        if found:
            return found
    # the one mechanism its paragraph names (这是该所推行“某某”联盟工作的一个缩影), else its section's heading
    para = clean.paragraphs[sent.paragraph]
    in_para = [i for i, ss in mech_sents.items() if any(para.start <= x < para.end for x in ss)]
    if len(in_para) == 1:
        return in_para
    if not in_para and sent.section is not None:
        sec = clean.sections[sent.section]
        return [i for i, ss in mech_sents.items() if any(sec.heading_start <= x < sec.heading_end for x in ss)]
    return []


def _inside_mechanism_name(kt: KeyText, mechanisms: list[Mechanism]) -> list[tuple[int, int]]:
    """Clean spans of mechanism names: a partner word inside one (某某义警) is not a partner."""
    spans = []
    for m in mechanisms:
        for t in [m.name, *m.aliases]:
            term = normalize_name(t)
            if len(term) < 3:
                continue
            for hs in find_all(term, kt.text):
                spans.append(kt.span(hs, hs + len(term)))
    return spans


JOINED_COUNT = re.compile(r"[+、/＋][0-9A-Za-zＡ-Ｚａ-ｚ０-９一二三四五六七八九十两多]*[个名支位]?$")


def _part_of_name(clean: CleanDoc, x: int, y: int, o: Occurrence) -> bool:
    """The occurrence is a piece of the mechanism name at [x, y) (某某义警), not an item of it (警格+网格)."""
    if not (x < o.end and o.start < y) or (o.start <= x and y <= o.end):
        return False
    joined = "+、/＋"
    # an item may carry a count (+N个治安积极分子): the join sign sits before the count
    before = JOINED_COUNT.search(clean.simp, max(x, o.start - 6), o.start) if o.start > x else None
    return not (before is not None or o.end < y and clean.simp[o.end] in joined)


def _head_of_practice(clean: CleanDoc, a: int, practices: set[str]) -> bool:
    """“某某”多维调处中心: the body word after a practice's quoted name is that practice's head
    (the station's own centre), not a partner."""
    m = QUOTED_BEFORE.search(clean.simp, max(0, a - 40), a)
    return m is not None and normalize_name(m.group(1)) in practices


HEADLINE = re.compile(r"[^。！？!?；;：:\n]{1,40}")


def _wholly_quoted(clean: CleanDoc, o: Occurrence) -> bool:
    """The partner word is the whole of a quotation (“老娘舅”, “心理咨询师”) in a headline
    (a line with no sentence end): the headline's name for the station's officers."""
    text = clean.simp
    if not (o.start > 0 and o.end < len(text) and text[o.start - 1] in "“「" and text[o.end] in "”」"):
        return False
    s = text.rfind("\n", 0, o.start) + 1
    e = text.find("\n", o.end)
    return HEADLINE.fullmatch(text, s, e if e >= 0 else len(text)) is not None


def _inside_quoted_name(clean: CleanDoc, a: int, b: int) -> bool:
    """True when [a, b) sits inside a short quoted proper name longer than it (“东沟义警”)."""
    text = clean.simp
    lo = max(0, a - 10)
    open_at = max(text.rfind("“", lo, a), text.rfind("「", lo, a))
    if open_at < 0 or any(c in text[open_at + 1 : a] for c in "”」，。,"):
        return False
    close_at = min([i for i in (text.find("”", b, b + 10), text.find("」", b, b + 10)) if i >= 0], default=-1)
    if close_at < 0 or any(c in text[b:close_at] for c in "“「，。,"):
        return False
    return (close_at - open_at - 1) > (b - a)


def extract_partners(clean: CleanDoc, ext: Extraction, doc: Doc | None = None) -> None:
    """Add the article's partners to ``ext`` and tie them to its mechanisms."""
    kt = _key_text(clean.simp)
    if not kt.text:
        return
    station = _subject_station(clean, ext)
    known = tuple(normalize_name(n) for n in {station, *(s.name for s in ext.stations)} if n)
    own = tuple(normalize_name(n) for n in {station, *(s.name for s in ext.stations if s.role != "mentioned")} if n)
    lex = _lexicon_occurrences(kt, known, own)
    groups = _quoted_groups(clean, kt, ext)
    slogans = _role_slogans(clean.simp)
    lex = [o for o in lex if not any(g.start <= o.start and o.end <= g.end for g in groups)
           and not any(a <= o.start < b for a, b in slogans)]
    taken = [(bisect.bisect_left(kt.idx, o.start), bisect.bisect_left(kt.idx, o.end - 1) + 1) for o in lex + groups]
    places = _places(ext)
    pools = _pool_spans(kt.text)
    pattern = _pattern_occurrences(kt, places, taken) + _closed_list_occurrences(kt, places, taken)
    taken += [(bisect.bisect_left(kt.idx, o.start), bisect.bisect_left(kt.idx, o.end - 1) + 1) for o in pattern]
    pattern += _list_neighbours(kt, places, taken, lex)
    pattern = [o for o in pattern if not any(kt.span(x, y)[0] <= o.start < kt.span(x, y)[1] for x, y in pools)]
    occ = lex + groups + pattern + _other_stations(kt, ext, lex)
    occ.sort(key=lambda o: o.start)
    own = {n for o in occ if o.own for n in o.names}
    occ = [o for o in occ if not any(x.endswith(n) for n in o.names for x in own)]
    occ = [o for o in occ if not _staff_of_body(o, occ)]

    mech_spans = _inside_mechanism_name(kt, ext.mechanisms)
    practices = {normalize_name(n) for m in ext.mechanisms for n in [m.name, *m.aliases]}
    mech_sents = _mechanism_sentences(clean, kt, ext.mechanisms)
    by_name: dict[str, Partner] = {n: p for p in ext.partners for n in [normalize_name(p.name)]}
    weak_evidence: set[str] = set()  # names whose evidence sentence has no cooperation cue yet
    name_lists = [(m.start(), m.end()) for m in _QUOTE_RUN.finditer(clean.simp)]
    for o in occ:
        if any(_part_of_name(clean, x, y, o) for x, y in mech_spans):
            continue
        if o.kind == "lexicon" and any(a <= o.start and o.end <= b for a, b in name_lists):
            continue  # “村民自治”“房东房客”“超市采购”等微信群: words inside a run of quoted names
        if o.kind == "lexicon" and _inside_quoted_name(clean, o.start, o.end) and "volunteer" in o.categories:
            continue
        if o.kind == "lexicon" and o.start > 0 and clean.simp[o.start - 1] in "”」" and _is_team(o):
            continue  # “某某”调解队: a named group, kept or dropped by _quoted_groups
        if o.kind == "lexicon" and _head_of_practice(clean, o.start, practices):
            continue
        if o.kind == "lexicon" and not o.cue and _wholly_quoted(clean, o):
            continue  # 中轴线上的“心理咨询师”: a name given to someone, in a clause of no work together
        links = [ext.mechanisms[i] for i in _linked(clean, o.start, mech_sents)]
        for name, cat in zip(o.names, o.categories):
            if (cat == "volunteer" or _is_team(o)) and _team_of_mechanism(name, ext.mechanisms):
                continue
            key = normalize_name(name)
            p = by_name.get(key)
            if p is None:
                p = Partner(
                    name=name,
                    category=cat,
                    surface=clean.text[o.start : o.end],
                    station=station,
                    evidence=clean.evidence(o.start, o.end),
                )
                by_name[key] = p
                ext.partners.append(p)
                if not o.cue:
                    weak_evidence.add(key)
            elif key in weak_evidence and o.cue:
                p.surface = clean.text[o.start : o.end]
                p.evidence = clean.evidence(o.start, o.end)
                weak_evidence.discard(key)
            for m in links:
                if m.name not in p.mechanisms:
                    p.mechanisms.append(m.name)
                if p.name not in m.partners:
                    m.partners.append(p.name)
    _into_station(clean, ext, station, by_name)
    _merge_bare_fields(ext)
    _drop_bare_roles(ext)
    _drop_mechanism_names(ext)


# 律师进所, 民调入所, 律师驻所工作机制: a practice named for the people it brings into the station names them
# as its partners, though the words stand inside the practice's name.
_INTO_STATION = re.compile(r"(律师|人民调解员|调解员|法官|人民调解|民调)(?:进所|入所|驻所|进驻派出所|入驻派出所)")
_INTO_STATION_NAMES = {"人民调解": "人民调解员", "民调": "人民调解员"}


def _into_station(clean: CleanDoc, ext: Extraction, station: str | None, by_name: dict[str, Partner]) -> None:
    """Add the partners that a practice's name brings into the station (see ``_INTO_STATION``)."""
    for m in _INTO_STATION.finditer(clean.simp):
        name = _INTO_STATION_NAMES.get(m.group(1), m.group(1))
        if any(k.startswith(name[:4]) for k in by_name):
            continue  # named already, or by a body of the same words (人民调解委员会, 律师事务所)
        t = lexicon()[1].get(name)
        cat = t.categories[t.names.index(name)] if t and name in t.names else _guess_category(name)
        p = Partner(name=name, category=cat, surface=clean.text[m.start(1):m.end(1)],
                    station=station, evidence=clean.evidence(m.start(1), m.end(1)))
        by_name[normalize_name(name)] = p
        ext.partners.append(p)
        for mech in ext.mechanisms:
            if any(normalize_name(n) in normalize_name(m.group()) or normalize_name(m.group()) in normalize_name(n)
                   for n in [mech.name, *mech.aliases]):
                p.mechanisms.append(mech.name)
                mech.partners.append(p.name)


def _staff_of_body(o: Occurrence, occ: list[Occurrence]) -> bool:
    """司法所调解员, 律师事务所律师: the role right after a body names that body's staff,
    and the body is the partner (one entry per partner, EXTRACTION.md section 4)."""
    if len(o.names) != 1 or not STAFF_ROLE_END.search(o.names[0]):
        return False
    return any(b is not o and b.end == o.start and len(b.names) == 1 and STAFF_BODY_END.search(b.names[0])
               for b in occ)


def _drop_bare_roles(ext: Extraction) -> None:
    """A bare role word (律师, 交警) where the article names the partner more fully elsewhere
    (律师事务所, 公益律师, 交警支队): one partner, the fuller name, keeping its links."""
    for p in list(ext.partners):
        if not BARE_ROLE.fullmatch(p.name):
            continue
        full = next((q for q in ext.partners if q is not p and p.name in q.name), None)
        if full is not None:
            _fold_into(ext, p, full)


def _fold_into(ext: Extraction, p: Partner, into: Partner) -> None:
    """One partner under two names: drop ``p``; its mechanisms link to ``into`` instead."""
    ext.partners.remove(p)
    for m in ext.mechanisms:
        if p.name in m.partners:
            m.partners.remove(p.name)
            if into.name not in m.partners:
                m.partners.append(into.name)
            if m.name not in into.mechanisms:
                into.mechanisms.append(m.name)


def _drop_mechanism_names(ext: Extraction) -> None:
    """A body the article presents as a practice (依托调处中心, where 调处中心 is a mechanism's
    name or alias) is that mechanism, not also a partner."""
    practice = {normalize_name(n) for m in ext.mechanisms for n in [m.name, *m.aliases]}
    for p in [p for p in ext.partners if normalize_name(p.name) in practice]:
        ext.partners.remove(p)
        for m in ext.mechanisms:
            if p.name in m.partners:
                m.partners.remove(p.name)


# 民政局 … 联合民政、妇联: the bare field word names the body already found (one partner per article).
FIELD_BODY = re.compile(r"局|所|办|站|厅|委|中心|部门|办公室")


@lru_cache(maxsize=1)
def _bare_words() -> frozenset[str]:
    """Names of the ``list`` lexicon types (bare field words: 民政, 司法, 综治)."""
    _, types = lexicon()
    return frozenset(n for t in types.values() if t.list_only for n in t.names)


def _merge_bare_fields(ext: Extraction) -> None:
    """Fold a bare field word into the article's body of that field (民政 into 民政局), keeping its links;
    a person of the field (综治专干) is no body, so 综治 beside it stays. Likewise 党员群众 beside
    党员 in one article are the same people: one partner, the shorter name."""
    bare = _bare_words()
    for p in list(ext.partners):
        body = None
        if p.name in bare:
            body = next(
                (q for q in ext.partners if q is not p and q.name.startswith(p.name) and FIELD_BODY.fullmatch(q.name[len(p.name):])),
                None,
            )
        elif p.name.endswith("群众") and len(p.name) >= 4:
            body = next((q for q in ext.partners if q.name == p.name[:-2]), None)
        if body is not None:
            _fold_into(ext, p, body)
