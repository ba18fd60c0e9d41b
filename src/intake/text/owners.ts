// How speeches name the units that own a task: full names (县发改局, 州政府金融办, 经开区管委会, 体育中心),
// sector abbreviations (区经信, 发改、工信、财政), and collective subjects (各乡镇（街道）, 市直各单位, 各地各部门),
// alone or in lists joined by 、 和 及 与.

const CJK = '\\u4e00-\\u9fa5';
/** A place prefix a list shares: 县发改局、财政局 → 县财政局. */
const PLACE = '(?:[省市州县区盟旗镇乡]|市区|县市|自治[州县])';
/** Sectors a speech names without their bureau word: 区经信, 市发改, "发改、工信、财政要". */
const SECTOR =
  '(?:经信|发改|工信|财政|住建|建设|村建|网信|规划|国土|商务|统计|人社|自然资源|资规|交通运输|交通|交警|农业农村|信访|水利|水务|电力|应急管理|应急|市场监管|生态环境|环保|文旅|文广旅|教育|教体|卫健|民政|司法|税务|审计|监察|科技|城管|综合执法|行政审批|审批|营商|招商|投促|公安|国资|金融|大数据|数据|医保|林业|林草|城市管理|消防救援)';
/** Words that end a unit's name. 部门 before 部, so that 市财政部门 is whole; a sector's 系统 (全市水利系统, not 新型电力系统) is all its units. */
const UNIT_END = `(?:(?<=(?:^|[^${CJK}]|[省市州县区全])${SECTOR})系统|人大常委会|常委会|人大(?!代表)|成员单位|街道办事处|街道|人民政府|政府|管委会|(?:领导小组|指挥部|委员会)办公室|委员会|委会|办公室|领导小组|工作专班|专班|指挥部|中心|银行|公司|集团|国企|分局|部门|开发区|高新区|经开区|管理区|园区|林场|学校|党校|医院|协会|商会|联合会|工会|(?<![重改机编])组|局|委|办|室|厅|部|院|站|所|队|社区|社|处|(?<=[总分])站|科|联|协|镇|乡|(?<![农乡城渔牧边])村(?![民级干组委集庄落居务])|(?<=公路|养护|工务|车务|电务|机务)段|(?<=公安|检察|审判|司法)机关|片区|(?<=电视|广播|气象|水文)台)`;
/** Words that never stand inside a unit's name: roles, connectives, 要. A name runs up to the last unit word. */
// 由 and 已明确 start a clause: "办公厅已明确由市政府督查室负责" (自由贸易区 keeps its 由); an adverb of haste
// (尽快, 立即) starts the work: "会议要求财务部尽快联系…公司" names 财务部.
const STOP =
  '(?!要|会同|牵头|负责|配合|协同|协助|参与|联合|做好|抓好|等|和各|及各|向[省市州县区上]|已|明确|由(?!贸)|尽快|立即|及时|抓紧|迅速|马上|落实)';
// 部 of 部署 and 干部 is no unit word; a unit word before 员 names a person (委员, 队员).
// A quoted word may stand inside a name: 县深化“放管服”改革领导小组办公室.
const FULL = `${PLACE}?(?:${STOP}(?:[${CJK}]|“[${CJK}]{1,8}”|(?<=[${CJK}])[（(][${CJK}、]{1,8}[)）](?=[${CJK}]))){1,12}(?<!干)${UNIT_END}(?<!城乡|城镇)(?!署|员)(?:[（(][^（()）]{1,8}[)）])?`;
/** A project's own department or headquarters may carry the project's whole name: "…河段抢险工程项目部". */
const PROJECT_BODY = `(?:${STOP}[${CJK}]){13,24}(?:项目部|项目指挥部|工程指挥部|建设指挥部)(?!署|员)`;
// A sector stands alone, not at the end of a word: "交通、水务、电力及乡镇等部门要", never "项目建设要".
// Two sectors glued are one force: 公安交警.
const ABBR = `(?:(?<![${CJK}])|(?<=[、和及与由请是]|会同|配合|协同|联合|协助|要求|责成|明确|同意|强调|全[省市州县区]))${PLACE}?${SECTOR}(?:(?<=公安)交警)?(?=[^${CJK}]|$|要|等|和|及|与|牵头|负责|配合|协同|协助|参与|会同|联合|按|安排)`;
/** Places of a kind: every town, every street, every county of the region. */
// Or one department of each: 各县(市、区)统计局, 各县(市、区)工信主管部门, 各乡镇财政所, 各县(市、区)局.
const PLACES_OF_KIND = `各(?:重点|试点|涉农|受灾)?(?:地级以上市|地级市|乡镇|镇街|街镇|镇|乡|街道|街办|县市区|县市|县区|县|区|市|地|园区|开发区|村居|村社|村|社区)(?:镇|乡|街|办|区|县|市|(?<=镇)场)*(?:[（(][^（()）]{1,8}[)）])?(?:人民政府|政府|党委|管委会|委会|办事处|${SECTOR}(?:主管)?(?:部门|局|委|办)|(?:财政|统计|司法|国土|林业|水利|农技|畜牧|兽医|卫生|派出)(?:所|站)|局(?![势面长]))?`;
/** Every body or institution of a kind, not only places: 各涉农镇(办), 各工作专班, 各成员单位, 各景区, 各学校. */
const KIND_COLLECTIVE = `各(?!级|类|个|有关|相关|部门|单位)(?:[${CJK}]{0,6}?(?:成员单位|工作专班|专班|工作组|工作小组|小组|工作队|专责组|居民区|景区|学校|校|医院|幼儿园|林场|管理区|协会|商会|站所|派出所|中队|大队|分局|中心|合作社|支部|网格|片区|园区|社区|企业|镇|乡|办|村))(?:[（(][^（()）]{1,8}[)）])?`;
/** A count of places: "七个街道", "5个乡镇". */
/** Places along a road or river, or where a project lies: 沿线镇街, 沿途乡镇, 项目所在镇村, 属地乡镇. */
const ALONG = '(?:沿线|沿途|沿河|属地|项目所在地?)(?:各)?(?:乡镇|镇街|街镇|镇村|街道|村居|社区|镇|乡|村)';
const COUNTED = '[一二三四五六七八九十两\\d]+个(?:乡镇|镇|乡|街道|村|社区)';
/** Departments under a level: 市直各单位, 区直各部门, 市级各有关部门. */
// Also 各有关市直单位, and a bureau's own: 局属各单位.
const UNDER_LEVEL =
  '(?:各(?:有关|相关)?)?(?:(?:[省市州县区]|乡|镇)(?:直|级|属)|(?:局|委|厅)属)(?:各有关|各相关|各|有关|相关)?(?:部门|单位)';
/** Everyone in general: may support, never leads alone. */
const GENERAL =
  '(?:各有关|各相关|各|相关|有关)(?:部门|单位)|(?:相关|有关)(?:镇街|街镇|乡镇|街道|镇|乡)(?=[^\\u4e00-\\u9fa5]|$|要|和|及|与|等)|相关[镇乡街][^，,；;。]{0,3}部门|各?(?:相关|有关)[\\u4e00-\\u9fa5]{0,6}?(?:企业|机构|单位|部门)|各个[\\u4e00-\\u9fa5]{0,8}?(?:企业|机构|单位|部门)|各类?企业';
/** Kinds of places named bare in a list after 各: "各村、社区". */
const BARE_KIND =
  '(?:乡镇|镇街|街道|社区|村居|园区|开发区)(?:[（(][^（()）]{1,8}[)）])?(?=[^\\u4e00-\\u9fa5]|$|要|和|及|与|等|牵头|负责|配合|协同|协助|参与|落实|做好|抓好|切实|认真|加强|加快|立即|及时|严格|全力|提前)|(?<=、)(?:部门|幼儿园|学校|医院)(?=要|应|必须|务必)';
/** A town or village told to act in its own minutes, named bare at the head of a clause: "镇要…", "镇、村、…公司应…". */
const BARE_LEVEL = '(?<=^|[，。；：,:\\s、])(?:镇|乡|村|街道|社区)(?=要|应|[、，,和及与])';
const COLLECTIVE = `(?:${ALONG}|${PLACES_OF_KIND}|${KIND_COLLECTIVE}|${COUNTED}|${BARE_KIND}|${UNDER_LEVEL}|${GENERAL}|${BARE_LEVEL})+`;

/** A county or district a city tells by its name, heading a clause: "宜秀区要…" (not 城区, 辖区, 示范区, 我县…). */
const NOT_PLACE =
  '主城|示范|开发|试验|保护|功能|先行|核心|中心|重点|贫困|边远|偏远|农村|城市|城镇|乡村|[城辖园景社新片山矿灾疫老湖林牧港小校厂市郊全本我该各每分商街库]';
const PLACE_NAME = `(?<![${CJK}])(?!(?:${NOT_PLACE})[区县])[${CJK}]{2,3}[区县](?=要|务必|必须|应|[、和及与])`;
export const UNIT = `(?:${COLLECTIVE}|${PROJECT_BODY}|${FULL}|${ABBR}|${PLACE_NAME})`;
/** 等 closes a list, which may go on after it: "…、能源局等省有关部门和各地级以上市人民政府". */
const ETC = '等(?:其他|其它)?(?:[省市州县区]?(?:有关|相关|职能)?(?:单位|部门))';
/** Several units: 县政府办、招商局、发改局、政务服务中心. */
export const UNIT_LIST = `${UNIT}(?:(?:以及|[、和及与]|，(?=各)|${ETC}[和及与])${UNIT})*(?:${ETC})?`;

/** A whole name on its own (not an abbreviation): 市自然资源和规划局 is one unit, not 市自然资源 + 规划局. */
const IS_NAME = new RegExp(`^(?:${COLLECTIVE}|${PROJECT_BODY}|${FULL})$`);
const IS_SECTOR = new RegExp(`^${PLACE}?${SECTOR}$`);
const IS_FULL = new RegExp(`^${FULL}$`);
/** A party to a contract (施工方, 建设方) is no unit: "施工方和供电公司要…" names the power company alone. */
const PARTY = /^[\u4e00-\u9fa5]{1,4}方$/;
const IS_GENERAL = new RegExp(`^(?:${GENERAL})+$`);
const IS_UNDER_LEVEL = new RegExp(`^${UNDER_LEVEL}$`);
/** Words glued before a name that are not part of it. */
const FILLER =
  /^(?:[一二三四五六七八九十]+是|同时|其中|另外|此外|下一步|下步|今年|明年|今后|(?:从|自)(?:今天|今日|即日|现在|本周|下周|本月|下月)(?:开始|起)|即日起|并|指由|由|请|责成|明确|会议要求|要求|求|会议明确)+/;
/** A unit's role in the work written before its name ("由陈家坝沿线包片单位县职教中心…负责" is 县职教中心's), and
 * the 我 a unit names itself with in its own news ("我第十督导组将…"; 我局 and 我市 stay no one's). */
const APPOSITIVE =
  /^[\u4e00-\u9fa5]{0,8}?(?:包片|包联|挂点|挂钩|帮扶|联系|结对|责任|牵头|配合)单位(?=[省市州县区镇乡])|^我(?=[\u4e00-\u9fa5]{3})/;
/** Names that look like units but are not owners: bodies everyone answers to, or words of the sentence. */
const NOT_OWNER =
  /各级|^(?:[和与及]|全|本|我|这|该|其|一|两|是|党委$|政府$|党中央|国务院|省委|市委$|县委$|区委$|省(?:人民)?政府$|[市州县区]委[市州县区](?:人民)?政府$)|^(?:办公室|办公厅)$|^(?:就|向|把|给|按|紧|快(?!递)|对(?!外))|[就对向把给]各|^(?:按照|根据|依据|结合|通过|紧紧围绕|围绕|贯彻|落实|认真|坚决|推进|抓紧|切实|支持|指导|帮助|加快|推动|确保|健全|完善|建立|加强|强化|深化|优化|提升|压实)|领导$|常委$/;

/** Every collective subject: a set of units, not one. */
export const isCollective = (name: string) => /^各|[省市州县区乡镇](?:直|级|属)|^(?:局|委|厅)属/.test(name);
const PLACE_COLLECTIVE = new RegExp(
  `^(?:${ALONG}|${PLACES_OF_KIND}|${KIND_COLLECTIVE}$|${COUNTED}|${BARE_KIND}|${UNDER_LEVEL})`,
);
/** Every level's department of a named sector: 各省级住房城乡建设主管部门, 各县级财政部门. */
const LEVEL_DEPARTMENTS =
  /^各[省市州县区]级(?!各|相关|有关|职能|责任)[\u4e00-\u9fa5]{2,14}(?:部门|局|厅|委)$/;
/** Everyone in general (各相关部门, 相关单位, 各处室, 相关乡镇): a support, never a lead of its own. */
export const isGeneral = (name: string) =>
  (!IS_UNDER_LEVEL.test(name) && IS_GENERAL.test(name)) ||
  /^(?:相关|有关|部门$|单位$)/.test(name) ||
  // Departments of a kind, not named: 涉农部门, 职能部门, 行业主管部门.
  /^(?:涉[\u4e00-\u9fa5]|(?:行业|业务)?主管|职能|责任)(?:部门|单位)$/.test(name) ||
  (name.startsWith('各') && !PLACE_COLLECTIVE.test(name) && !LEVEL_DEPARTMENTS.test(name));

/** Whoever is concerned (相关部门, 各有关责任单位, 县相关部门): names no unit, so supports nothing. */
export const isVague = (name: string) =>
  /^(?:各|[省市州县区])?(?:相关|有关)/.test(name) && !/^[省市州县区乡镇](?:直|级)/.test(name);

/**
 * The units of a list as the text names them: "县发改局、财政局" → 县发改局, 县财政局 (a list shares its first
 * item's place prefix); 和 joins units only when both sides are units ("市自然资源和规划局" is one).
 */
export function unitsOf(list: string): string[] {
  const items = list
    // "各镇各部门特别是职能部门": the ones singled out are among those already named.
    .replace(/(?:特别是|尤其是)[\s\S]*$/, '')
    .replace(new RegExp(`${ETC}$`), '')
    .replace(new RegExp(`${ETC}[和及与]`, 'g'), '、')
    // 、 inside brackets belongs to a name: 各县（市、区）.
    .split(/[、，,](?![^（(]*[)）])/)
    .flatMap((whole) => {
      // "三是沿线镇街和区直相关部门": the words before the first name go before it is split at 和.
      const piece = whole.replace(FILLER, '');
      const parts = piece.split(/以及|[和及与]/);
      if (parts.length < 2) return [piece];
      // Names and sectors joined: "区人大城环工委和区监察", "电力及乡镇", "水务和财政部门"; but a sector before a
      // bureau's own name is part of it: "市自然资源和规划局".
      const unitLike = (p: string) =>
        IS_NAME.test(p) || IS_SECTOR.test(p) || /^(?:单位|部门|镇|乡|村|街道|社区)$/.test(p);
      const last = parts.at(-1) ?? '';
      const bureau = IS_FULL.test(last) && !PLACE_COLLECTIVE.test(last) && !last.endsWith('部门');
      const merged = IS_SECTOR.test(parts[0] ?? '') && bureau;
      if (parts.every(unitLike) && !merged) return parts;
      const named = parts.filter((p) => !PARTY.test(p));
      return named.length < parts.length && named.every((p) => IS_NAME.test(p)) ? named : [piece];
    })
    .map((u) => u.replace(FILLER, '').replace(APPOSITIVE, ''))
    // "区直相关部门、单位及镇": a bare 单位 or 部门 is the one before it of the other kind (区直相关单位).
    .map((u, i, all) => {
      const before = i > 0 ? /^(.+)(?:部门|单位)$/.exec(all[i - 1] ?? '') : null;
      return before && /^(?:单位|部门)$/.test(u) ? `${before[1]}${u}` : u;
    })
    .filter((u) => u !== '' && !NOT_OWNER.test(u));
  const placed = new RegExp(`^${PLACE}`);
  const first = items[0] ?? '';
  // 市级相关部门、钒钛高新区: a collective's 市 is no place the others share.
  // 镇街统计部门和社区: 镇街 is every town and street, no place the others share.
  const place = /^(?:镇街|街镇|乡镇)/.test(first) ? '' : (placed.exec(first)?.[0] ?? '');
  // A bare 镇 is a unit, not a prefix: "镇、村、中海公司".
  // A place's government is the whole place: "县政府与高速三大队" shares no 县.
  const whole = new RegExp(`^${PLACE}(?:人民)?政府$`).test(first);
  // "示范区各部门、领导小组办公室": the area whose departments are named first is the others' too.
  const area = /^([\u4e00-\u9fa5]{1,6}?(?:区|县|市|镇|乡))各(?:部门|单位)$/.exec(first)?.[1];
  const prefix = area ?? (isCollective(first) || isGeneral(first) || whole || place === first ? '' : place);
  // A collective or everyone in general names no place of its own: 各街道 stays 各街道.
  const takesPrefix = (u: string) =>
    prefix !== '' && !placed.test(u) && !isCollective(u) && !isGeneral(u) && !u.startsWith(prefix);
  return items.map((u) => (takesPrefix(u) ? prefix + u : u));
}

/** Units that can lead: general words ("各部门") only beside a definite unit or collective ("各镇、各部门"). */
export function leadsOf(list: string): string[] {
  const units = unitsOf(list);
  if (!units.some((u) => !isGeneral(u))) return [];
  // "相关投资开发企业" never names whom; "各部门" beside 各镇 names every department.
  return units.filter((u) => !/^(?:相关|有关)/.test(u));
}
