// The sentence patterns that name who must act in a task sentence (tasks.ts uses them): role words (牵头, 负责),
// a unit before its 要, a meeting's 要求, task-list fields, the helpers (配合, 协助). Units and lists: owners.ts.
import { UNIT, UNIT_LIST } from './owners.ts';

const FIELD_LIST = `${UNIT}(?:[、，,和及与]${UNIT})*(?:等(?:单位|部门))?`;
/** Task lists write the roles as fields: "牵头单位：市发改委；配合单位：市财政局；完成时限：6月底前". */
// In a bracketed note a field may end in a stray semicolon: "（责任单位；住建局、畜牧局）".
export const LEAD_FIELD = new RegExp(
  `(牵头单位|责任单位|主责单位|牵头部门|责任部门|主体责任|监督责任|监管责任)(?:[：:]|(?<=[（(][^（()）]{4})[；;])\\s*(${FIELD_LIST})`,
  'g',
);
export const SUPPORT_FIELD = new RegExp(
  `(?:配合单位|协办单位|配合部门|参与单位|协同单位|协助单位)[：:]\\s*(${FIELD_LIST})`,
  'g',
);
export const DUE_FIELD = /(?:完成时限|时限要求|办结时限|完成时间)[：:]\s*([^；;。，,\s]+)/;
/** The people of a unit who answer for it: "县自然资源局全体班子成员要…" is the bureau's task, and so is
 * "…、领导小组办公室及全体项目专员要": the persons named after the units own nothing of their own. */
const PEOPLE =
  '的?(?:全体)?(?:班子成员|主要负责人|主要负责同志|主要领导|负责人|负责同志|分管领导|[及和、](?:全体|广大)?[\\u4e00-\\u9fa5]{0,4}?(?:委员|干部|党员|职工|专员|工作人员))(?:都)?';
/** How eagerly a unit supports: "积极配合", "加强配合协调". */
export const EAGERLY = '(?:积极|密切|通力|全力|主动|加强|做好|搞好|紧密|全面)?';
/** Adverbs a unit's clause opens with when it writes no 要 or role word. */
const DOING =
  '(?:认真|抓紧|立即|马上|迅速|尽快|及时|定期|提前|切实|全力|加快|严格|积极|主动|深入|进一步|重点|全面|统一|共同|分别|坚决|持续|尽早|着力|加紧|按时|按期)';
/** Verbs a directive gives a unit with no adverb: "县应急局开展…", "各村排查…" (not 组织, 宣传, 统计, 研究, 监督,
 * 检查, 培训, 协调: they begin the names of departments, "市委宣传部"). */
const DOES =
  '组成|加强|加快|开展|制定|督促|指导|推进|推动|完善|建立|健全|排查|整治|清理|核查|摸排|汇总|上报|报送|收集|梳理|对接|巡查|提供|部署|启动|起草|拟定|出台|印发|强化|压实|谋划|申报|解决|化解|处置|整改|查处|召开|举办|成立|配备|筹措|跟进|跟踪|履行';
/** A place-wide prefix before the units, dropped: "全区各学校", "该镇辖区各村". */
const PLACE_WIDE = '(?:(?:全|该|本)[省市州县区镇乡](?:辖区|范围内)?|(?:本)?辖区)?';
/** A unit's 要, however firmly said: 要, 一定要, 务必要, 必须. */
// "各成员单位一要…二要…": the first of several 要 numbered.
const MUST = '(?:(?:一定|务必|必须|[一二三四五六七八九十])?要(?!素|求|点|件|闻|害|务)|必须|务必)';
/** "由市发改委、市商务局共同管理，发改委牵头": the others of the shared list support the one heading. */
export const SHARED = new RegExp(`由(${UNIT_LIST})(?:共同|联合)`, 'g');
/** "由州财政局牵头", "县发改局、财政局负责", "各县市区政府按职责分工负责" (not 负责人: a person). */
export const LEAD = new RegExp(
  `(?:由)?(${UNIT_LIST})(?:要)?(?:分别|共同)?(?:按职责(?:分工)?|分工|具体|共同|主要)?(牵头|负责(?!人|同志|领导)|主抓|抓总)`,
  'g',
);
/** Where a unit's will must be first: "各乡镇、各部门思想上要高度重视". */
const MINDSET = '思想上|认识上|行动上|政治上|工作上';
/** How, where or about what a unit must act, written between it and its 要: "县住建局对…等要", "各村在…中要". */
const CIRCUMSTANCE = '(?:在|对|就|针对|围绕|按照|根据|结合|从|于|把)[^，,。；;要]{1,24}?';
/** An actor of the sentence: "，县招商局要…", also after a due date ("8月7日前金元村、石宝沟村要"); a collective
 * anywhere ("无法承接地各县市、州直各部门要").
 * "各镇要积极配合" only supports: no task of its own; "公安局要协同地方派出所" leads with a partner it names. */
export const ACTOR = new RegExp(
  `(?:^|[，。；：,;:\\s（(—]|(?<=[一二三四五六七八九十]是)|(?=各|[省市州县区][直级])|(?<=\\d{1,2}日前|月底前|年底前|\\d{1,2}日起))${PLACE_WIDE}(${UNIT_LIST})(?:${PEOPLE})?(?:之间)?(?:${MINDSET})?(?:${CIRCUMSTANCE})?(?:${MUST}|应(?:当)?(?![急用对收届])|(?:表示[，,：:]?)?将(?!来|近|要|其|此|这))(?!${EAGERLY}(?:配合|协助|参与|协同(?!${UNIT})))`,
  'g',
);
export const OWN_GOVERNMENT = /^(?:[省市州县区]|自治区)(?:人民)?政府$/;
/** A list set off by a comma before its 要: "市直相关部门、各乡镇，对以上各项工作，要主动认领". */
export const COMMA_ACTOR = new RegExp(
  `(?:^|[，。；：,;:\\s]|\\d[.、．])(${UNIT_LIST})[，,](?:(?:对|就|针对)[^，,。；;]{1,14}[，,])?${MUST}(?!${EAGERLY}(?:配合|协助|参与|协同))`,
  'g',
);
/** Every one of a kind the lexicon does not know, told with 要 at the head of its clause: "各板块要…", "各专业公司要…"
 * — never everyone in general (各级, 各类, 各有关, 各部门, 各责任单位, 各处室), persons (各位, 各族群众, 各分管区长,
 * 各网格员) or firms and institutions (各企业, 各金融机构, 各银行); one that only 配合s is no lead ("各镇要积极配合"). */
export const EACH_ACTOR = new RegExp(
  `(?:^|[，。；：,;:\\s]|[一二三四五六七八九十]是)(各(?!级|类|项|位|方|环节|自|族|个|种|届|界|有关|相关|部门|单位|企业|市场主体|地各部门|责任|职能|处室|科室|金融|分管|主管)[\\u4e00-\\u9fa5]{1,5}?)(?<![员长书官师手者]|干部|同志|群众|党员|企业|代表|成员|领导|主体|方面|领域|环节|工作|项目|机构|银行|公司)${MUST}(?!${EAGERLY}(?:配合|协助|参与|协同))`,
  'g',
);
/** An item of an enumeration whose unit acts at once: "二是县公安交通警察大队立即起草…". */
export const ITEM_ACTOR = new RegExp(
  `(?:^|[，。；：,;:\\s])[一二三四五六七八九十]+是(${UNIT_LIST})(?:立即|迅速|尽快|抓紧|及时|继续|进一步|切实|全力|加快)`,
  'g',
);
/** Units a meeting requires something of: "要求各乡镇，各有关单位进一步明确…", also after the one who requires it
 * when a collective or placed unit follows ("赵男男要求各乡镇加强值守", "督促各镇各单位严密排查"; not in a purpose,
 * "为了…督促各地各部门…履行职责") (not the noun: "目标要求高的"; not persons:
 * "请市政协委员提出意见"). */
export const REQUIRED = new RegExp(
  `(?:(?:^|[，,；;：:。\\s]|会议|并|还|同时|明确|强调|[一二三四五六七八九十]是|(?<=[省市州县区镇乡]|政府|党委))(?:要求|责成|请)${PLACE_WIDE}|(?<!的|目标|工作|任务)(?<!(?:为了|以便)[^。；;]{0,40})(?:要求|督促|希望)${PLACE_WIDE}(?=各|[省市州县区]|[一二三四五六七八九十两\\d]+个))(${UNIT_LIST})(?=[\\u4e00-\\u9fa5])(?!委员|代表|同志|人员|成员|干部|职工)(?!${EAGERLY}(?:配合|协助|参与|协同))`,
  'g',
);
/** A unit heading an item of a task list or notice with a colon, then its work: "县住建局：加快推进…",
 * "2.县财政局：一是…". */
export const ITEM_HEAD = new RegExp(
  `^\\s*(?:\\d+[.、．]|[（(]?[一二三四五六七八九十]+[）)、])?\\s*(${UNIT_LIST})[：:]\\s*(?=[一二三四五六七八九十]是|要|负责|牵头|${DOING}|${DOES})`,
  'g',
);
/** Units given work by a verb of doing: "由统筹办、新农办组织…", "由综合办公室根据会议精神修改完善后发文", "，九重镇落实；",
 * "市属国企扛主责". */
export const BY = new RegExp(
  `由(${UNIT_LIST})(?:(?:根据|按照|按|结合|依据)[^，,。；;]{1,20}?)?(?:修改完善|修改|完善|发文|组织|组成|统筹|承办|实施|开展|制定|起草|梳理|提出|报(?!道)|将|向|督促|筹措|指导|推进|推动|建立|完善|排查|整治|清理|核查|编制|拟定|出台|印发|召开|举办|成立|配备|处置|整改|查处|跟踪)(?!的)`,
  'g',
);
/** Funds a unit (a finance bureau) sets aside: "县财政安排县卫计局迎复审工作经费50万元". */
export const FUNDS = new RegExp(
  `(?:^|[，,；;：:。\\s])(${UNIT_LIST})(?:统筹|另行)?安排(?=[^，,。；;]{0,30}(?:经费|资金))`,
  'g',
);
export const CARRIES_OUT = new RegExp(
  `(?:^|[，,；;：:。\\s])(${UNIT_LIST})(?:具体)?(?:落实|实施|承办)(?=[；;。，,]|$)`,
  'g',
);
export const MAIN_DUTY = new RegExp(`(${UNIT_LIST})(?:${PEOPLE})?要?(?:扛主责|负总责|负主责|担主责)`, 'g');
/** "市发改委作为牵头部门打头阵". */
export const HEADS_AS = new RegExp(`(${UNIT_LIST})作为(牵头|责任|主责)(?:部门|单位)`, 'g');
/** Minutes: "会议同意区发改局提出的《…》，作进一步修改完善后提请…审议": the unit that proposed revises it. */
export const PROPOSER = new RegExp(
  `同意(${UNIT_LIST})(?:提出|提交|起草|报送|报来)的[^。；]{0,60}?[，,](?:请|由|要求)?(?:其|该单位)?[^，,。；]{0,14}?(?:修改完善|修改|完善|按程序报|按程序提交|报请|提请)`,
  'g',
);
/** "区财政局协助区经信局做好…", "各镇街要配合区农委…", "南康镇政府：一是负责配合市土地整理中心…": the one helped
 * leads. */
export const ASSISTED = new RegExp(
  `(${UNIT_LIST})(?:[：:]\\s*(?:[一二三四五六七八九十]+是)?)?(?:要|应|须|负责)?${EAGERLY}(?:协助|配合)(${UNIT_LIST})(?=[\\u4e00-\\u9fa5])`,
  'g',
);
/** The one helped leads also when the helpers' clause says how first: "各部门要以最高的标准、最严的要求，配合新化村…",
 * "各部门多措并举、协调配合交通运输局…". */
export const ASSISTED_AFTER = new RegExp(
  `(?:^|[，,；;：:。\\s])(${UNIT_LIST})(?:要|应|须)?[^。；;，,]{1,20}[，,、](?:${EAGERLY}|协调)(?:协助|配合)(${UNIT_LIST})(?=[\\u4e00-\\u9fa5])`,
  'g',
);
/** Several units told to work together, with no one else to support: "县自然资源局、林业中心、投资集团要通力配合，…". */
export const MUTUAL = new RegExp(
  `(?:^|[，,；;：:。\\s]|(?<=[一二三四五六七八九十]是))(${UNIT_LIST})要(?:通力|密切|相互|紧密|协同|协调)配合(?=[，,])`,
  'g',
);
/** A unit at the head of its clause acting with no 要 or role word: "海洋局认真抓紧整改", "；公安部门对…进行处置",
 * "公交公司与教育部门深入对接", "各乡镇、各部门做到统一思想" — only in a sentence that directs, never in a clause that
 * tells what was done (DIRECTS, DONE). */
export const ACTING = new RegExp(
  `(?:^|[，,；;：:。\\s]|\\d[.、．]|[一二三四五六七八九十]是|其中[，,]?)(${UNIT_LIST})(?:${DOING}{1,3}(?=[\\u4e00-\\u9fa5])|(?=做好|搞好|抓好|做到|落实)|(?=对[^，,。；;]{2,40}?(?:进行|实施|开展)))(?!${EAGERLY}(?:配合|协助|参与|协同))`,
  'g',
);
/** A unit named by its place or as a collective, at the head of its clause, with a verb of DOES: "；县应急局组织…".
 * Only such names: a bare word before a verb is too often no unit at all ("协调督导供热公司组织…"). */
export const ACTING_VERB = new RegExp(
  `(?:^|[，,；;：:。\\s]|\\d[.、．]|[一二三四五六七八九十]是|其中[，,]?)(?=[省市州县区镇乡]|各)(${UNIT_LIST})(?=${DOES})`,
  'g',
);
export const DIRECTS =
  /要求|强调|指出|商定|议定|明确|批示|务必|必须|确保|负责|牵头|配合|(?<![主重需只想必])要(?![求素点件闻害务])/;
/** Words of a clause that tells what was done, and of a sentence that looks back ("今年以来，…"). */
export const DONE = /了|已|曾|均已|均能|都能|都已|先后|累计|荣获|获评|获得/;
export const LOOKS_BACK = /以来|近年|去年|上半年|前期/;
export const SUPPORT = new RegExp(
  // A supporter heads its clause: "各街道要与相关部门加强协同" names partners, not supporters.
  `(?:会同|配合|协同|联合|协助)(${UNIT_LIST})|邀请(${UNIT_LIST})(?=(?:等(?:部门|单位))?参加)|(?:^|(?<=[，,；;：:\\s（(])|(?=各))(${UNIT_LIST})${EAGERLY}(?:配合|协助|参与|协同)|(?:^|(?<=[，,；;：:\\s]))(${UNIT_LIST})派(?:出)?(?:专人|人员|员|人)参加`,
  'g',
);
