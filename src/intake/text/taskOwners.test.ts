// Owners in the forms the ninth and tenth labelled sets showed: no role word, sector abbreviations, support by
// 配合/协同, long project names, collectives of bodies that are no places; each with sentences that must give no owner.
import { describe, expect, it } from 'vitest';
import { findDue } from './due.ts';
import { extract } from './extract.ts';

const owners = (text: string) => extract(text).tasks.map(({ lead, support }) => ({ lead, support }));
const leads = (text: string) => extract(text).tasks.flatMap((t) => t.lead);

describe('finding owners a sentence names without a role word', () => {
  it('reads a unit at the head of its clause acting at once, regularly or in earnest', () => {
    expect(owners('海洋局认真抓紧整改，市督查室搞好配合。')).toEqual([
      { lead: ['海洋局'], support: ['市督查室'] },
    ]);
    expect(leads('各方商定，公路部门定期向交管部门通报施工计划，交管部门及时反馈路况信息。')).toEqual([
      '公路部门',
      '交管部门',
    ]);
    expect(leads('刘宗伟要求，区创城办和督导组立即把问题反馈给各单位。')).toEqual(['区创城办', '区督导组']);
    expect(leads('会议要求，各乡镇、各部门做到统一思想。')).toEqual(['各乡镇', '各部门']);
    expect(leads('要优化线路，公交公司与教育部门深入对接，确保学生出行安全。')).toEqual([
      '公交公司',
      '教育部门',
    ]);
  });

  it('reads a second clause without 要: "；公安部门对…进行处置"', () => {
    expect(leads('电力部门要对关停企业实施断电；公安部门对阻碍执法的行为进行及时处置。')).toEqual([
      '电力部门',
      '公安部门',
    ]);
  });

  it('takes no owner from work a unit did or does of its own accord, or from a phrase read as a name', () => {
    expect(owners('县财政局及时拨付资金2000万元，保障项目建设需要。')).toEqual([]);
    expect(owners('今年以来，县林业局认真贯彻落实上级决策部署，全面推进林长制工作。')).toEqual([]);
    expect(owners('会议要求，区市场监管局对辖区内餐饮单位进行了全面检查。')).toEqual([]);
    expect(owners('市政府认真落实中央决策部署，确保经济平稳运行。')).toEqual([]);
    expect(owners('各镇要积极配合，确保按时完成。')).toEqual([]);
    expect(owners('根据市委统一部署，今年市政府工作总体要求是稳中求进。')).toEqual([]);
    expect(owners('健全部门主动沟通、协调配合机制，确保重点工作落实。')).toEqual([]);
    expect(leads('四是县政府督查室要加强督查，尤其是对落后乡镇重点督。')).toEqual(['县政府督查室']);
  });
});

describe('finding owners named by sector, in lists, and by long names', () => {
  it('reads sectors named without their bureau word (交警, 建设, 水务, 电力, 规划, 民政)', () => {
    expect(leads('交警、交通、建设等部门要加强联合执法。')).toEqual(['交警', '交通', '建设']);
    expect(leads('交通、水务、电力及乡镇等部门要加强沟通协调。')).toEqual(['交通', '水务', '电力', '乡镇']);
    expect(leads('各区和住建、规划、民政等部门之间要加强沟通协调。')).toEqual([
      '各区',
      '住建',
      '规划',
      '民政',
    ]);
    expect(leads('三是由交警、交通、公路段组成专项整治工作组。')).toEqual(['交警', '交通', '公路段']);
  });

  it('takes no sector from the end of a word, and no section from a stretch of road', () => {
    expect(owners('项目建设要加快推进。')).toEqual([]);
    expect(owners('城市规划要科学合理。')).toEqual([]);
    expect(owners('重点路段要加强巡查。')).toEqual([]);
    expect(leads('市自然资源和规划局要加快审批。')).toEqual(['市自然资源和规划局']);
    expect(leads('水务和财政部门要用好资金。')).toEqual(['水务', '财政部门']);
  });

  it('splits a name from the names after 和, and drops a contract party (施工方)', () => {
    expect(leads('区人大城环工委和区监察、审计等部门要全程监管。')).toEqual([
      '区人大城环工委',
      '区监察',
      '区审计',
    ]);
    expect(leads('施工方和供电公司要加快项目建设进度。')).toEqual(['供电公司']);
  });

  it('reads a project department carrying the project’s whole name, and every province’s named department', () => {
    expect(leads('二是贵溪洋溪沙溪汇合口河段抢险工程项目部要加班加点完成治理。')).toEqual([
      '贵溪洋溪沙溪汇合口河段抢险工程项目部',
    ]);
    expect(leads('各省级住房城乡建设主管部门负责组织信息报送工作。')).toEqual(['各省级住房城乡建设主管部门']);
    expect(leads('市城市交通研究小组主要负责研究重点交通问题。')).toEqual(['市城市交通研究小组']);
    expect(owners('各级住房城乡建设主管部门要加强指导。')).toEqual([]);
    expect(owners('全力保障国道改扩建工程施工环境，确保项目部按期进场。')).toEqual([]);
  });

  it('reads the unit that proposed a plan in minutes, the revision asked with 要求', () => {
    expect(
      leads('会议原则同意区发改局提出的《整改工作方案》，要求根据会议审议意见作进一步修改完善后，印发实施。'),
    ).toEqual(['区发改局']);
  });
});

describe('finding who supports (配合, 协同, 协助) and who works together', () => {
  it('makes the one helped the lead, after 要 or in a duty list’s field', () => {
    expect(owners('各镇街要配合区农委及承担单位，认真做好调查工作。')).toEqual([
      { lead: ['区农委'], support: ['各镇街'] },
    ]);
    expect(owners('（一）南康镇政府：一是负责配合市土地整理中心推进土地开垦项目工作。')).toEqual([
      { lead: ['市土地整理中心'], support: ['南康镇政府'] },
    ]);
  });

  it('reads a lead working with a partner it names (要协同…), and several units told to work together', () => {
    expect(owners('公安局要协同地方派出所，联合办案。')).toEqual([
      { lead: ['公安局'], support: ['地方派出所'] },
    ]);
    expect(leads('县自然资源局、林业中心、投资集团要通力配合，尽快摸清项目底数。')).toEqual([
      '县自然资源局',
      '县林业中心',
      '县投资集团',
    ]);
  });

  it('takes no support from whoever is concerned, and no task from a unit’s report of its own help', () => {
    expect(owners('经开区管委会要牵头抓好考核评价工作，各相关部门通力配合。')).toEqual([
      { lead: ['经开区管委会'], support: [] },
    ]);
    expect(owners('各乡镇要根据情况拿出方案，县相关部门要全力配合。')).toEqual([
      { lead: ['各乡镇'], support: [] },
    ]);
    expect(owners('各部门要协同配合，形成合力。')).toEqual([]);
    expect(owners('我局积极配合市发改委做好项目申报工作。')).toEqual([]);
    expect(owners('一是各相关业务处室要配合计财处尽快编制申报指南。')).toEqual([
      { lead: ['计财处'], support: [] },
    ]);
  });
});

describe('finding owners in the forms the tenth set showed', () => {
  it('reads 各 and a kind of body or institution as every one of them, leading', () => {
    expect(leads('区政府要求各涉农镇(办)加强秸秆禁烧宣传。')).toEqual(['各涉农镇(办)']);
    expect(leads('要强化要素保障，各工作专班迅速下沉一线。')).toEqual(['各工作专班']);
    expect(leads('各成员单位要加强沟通联动。')).toEqual(['各成员单位']);
    expect(leads('各景区要制定切实可行的流量管控方案。')).toEqual(['各景区']);
    expect(leads('会议要求，全区各学校、幼儿园要加强巡防守护。')).toEqual(['各学校', '幼儿园']);
    expect(leads('会议要求该镇辖区各村强化巡查机制。')).toEqual(['各村']);
    expect(leads('各村落实包保制度，实现责任到人。')).toEqual(['各村']);
  });

  it('takes no owner from work done, a look back, persons, firms in general or 各级', () => {
    expect(owners('各学校已完成校舍安全排查。')).toEqual([]);
    expect(owners('今年以来，各村落实包保制度，实现责任到人。')).toEqual([]);
    expect(owners('请各位委员提出意见和建议。')).toEqual([]);
    expect(owners('各企业要落实安全生产主体责任。')).toEqual([]);
    expect(owners('各级各部门要协同配合，形成合力。')).toEqual([]);
    expect(owners('农村要发展，农民要增收。')).toEqual([]);
    expect(owners('解决好群众的烦心事，是政府一定要办好的实事。')).toEqual([]);
  });

  it('reads villages, forest farms and administered areas as units, and two new sectors', () => {
    expect(leads('东山村和西岭村要立行立改。')).toEqual(['东山村', '西岭村']);
    expect(leads('要求各乡镇和国有林场切实履行森林防火责任。')).toEqual(['各乡镇', '国有林场']);
    expect(leads('各县政府、农垦管理区、各开发区的主要领导要负总责。')).toEqual([
      '各县政府',
      '农垦管理区',
      '各开发区',
    ]);
    expect(leads('交通运输、城市管理、消防救援等部门要形成合力。')).toEqual([
      '交通运输',
      '城市管理',
      '消防救援',
    ]);
  });

  it('reads the words between a unit and its 要 or 将: 一定要, 负责人, 对…等, 表示，将', () => {
    expect(leads('县直有关部门和相关镇街，一定要全力支持驻村工作队。')).toEqual(['县直有关部门']);
    expect(leads('张明要求，有关部门、乡镇(街道)负责人要研究解决方案。')).toEqual(['乡镇(街道)']);
    expect(leads('各县水务局对各自的整改材料等要及时上报。')).toEqual(['各县水务局']);
    expect(leads('区征补办表示，将尽快进行现场踏勘。')).toEqual(['区征补办']);
    // A place's whole government promising in its own report hands no one a task.
    expect(owners('市政府表示，将加快推进城市更新。')).toEqual([]);
  });

  it('makes the one helped the lead after the helpers say how, and reads units told to work together', () => {
    expect(owners('各部门要以最高的标准，配合东山村完成考核。')).toEqual([
      { lead: ['东山村'], support: ['各部门'] },
    ]);
    expect(owners('各部门多措并举、协调配合交通运输局推进工作。')).toEqual([
      { lead: ['交通运输局'], support: ['各部门'] },
    ]);
    expect(leads('各市县政府、各有关部门要协同配合，落实监管任务。')).toEqual(['各市县政府', '各有关部门']);
  });

  it('reads those acting of their own will or sending staff beside a 牵头 lead as its supports', () => {
    expect(owners('县投促中心牵头汇总，三大园区主动共享信息。')).toEqual([
      { lead: ['县投促中心'], support: ['三大园区'] },
    ]);
    expect(owners('由省文旅厅牵头，省公安厅、省卫健委等单位派人员参加督导组。')).toEqual([
      { lead: ['省文旅厅'], support: ['省公安厅', '省卫健委'] },
    ]);
    expect(leads('三大园区要主动共享信息。')).toEqual(['三大园区']);
  });

  it('reads a weekday of this or next week as a due date, and a bare weekday as none', () => {
    expect(findDue('对争议区域在下周三前进行划分')).toBe('下周三前');
    expect(findDue('下周三召开会议')).toBeNull();
  });

  it('reads every body of a kind (各派出所, 各中队), a unit told how or where before its 要, and two sectors as one force', () => {
    expect(leads('各派出所要加强巡逻防控。')).toEqual(['各派出所']);
    expect(leads('各中队、各站所要落实值班制度。')).toEqual(['各中队', '各站所']);
    expect(leads('会议强调，县住建局在项目审批中要压缩办理时限。')).toEqual(['县住建局']);
    expect(leads('各村在排查过程中要建立台账。')).toEqual(['各村']);
    expect(leads('会议要求，全市公安交警要加强路面管控。')).toEqual(['公安交警']);
    // Firms and banks are no collective that leads, as 各企业 is none.
    expect(owners('各金融机构要加大信贷投放。')).toEqual([]);
    expect(owners('各银行要落实政策。')).toEqual([]);
  });

  it('reads a placed unit or a collective heading its clause with a verb of doing, never a title or a done deed', () => {
    expect(leads('会议要求，县应急局开展一次全面排查；各乡镇排查辖区隐患。')).toEqual(['县应急局', '各乡镇']);
    // 宣传 begins a department's name here, and 常委 are persons.
    expect(owners('市委常委、市委宣传部部长张三强调，要加强宣传。')).toEqual([]);
    expect(owners('县应急管理局开展了安全检查。')).toEqual([]);
    expect(owners('今年以来，县应急局开展安全检查，确保安全。')).toEqual([]);
    // A word before the verb that only ends like a unit is none: "将举办推进…", "协调督导供热公司组织…".
    expect(owners('5月上旬，将举办推进产业园区高质量发展签约会。')).toEqual([]);
  });

  it('reads units a named person requires something of, a unit heading a task list item, and 由 with more verbs', () => {
    expect(leads('赵男男要求各乡镇加强值守。')).toEqual(['各乡镇']);
    expect(leads('张书记要求县应急局立即开展排查。')).toEqual(['县应急局']);
    // 要求 as a noun names no one: "工作要求县级层面…".
    expect(owners('这是工作要求县级层面统筹。')).toEqual([]);
    expect(leads('2.县财政局：一是保障资金。')).toEqual(['县财政局']);
    expect(leads('会议决定，由县财政局筹措资金。')).toEqual(['县财政局']);
    expect(leads('由县市场监管局督促企业整改。')).toEqual(['县市场监管局']);
  });

  it('reads one department of every place, persons after the units, a bare 单位 or 镇 in a list, and an area shared', () => {
    expect(leads('会议要求，各县(市、区)工信主管部门要理性看待经济形势。')).toEqual([
      '各县(市、区)工信主管部门',
    ]);
    expect(leads('通知要求各县(市、区)统计局要采取重点调查方式。')).toEqual(['各县(市、区)统计局']);
    expect(leads('各乡镇财政所要加强资金监管。')).toEqual(['各乡镇财政所']);
    expect(leads('各行业协会(促进会)要强化行业运行监测。')).toEqual(['各行业协会(促进会)']);
    expect(leads('示范区各部门、领导小组办公室及全体项目专员要树立导向。')).toEqual([
      '示范区各部门',
      '示范区领导小组办公室',
    ]);
    expect(leads('区直相关部门、单位及镇要高度重视。')).toEqual(['区直相关部门', '区直相关单位', '镇']);
    // 镇街 is every town and street: 社区 takes no 镇 from it.
    expect(leads('镇街统计部门和社区要积极谋划。')).toEqual(['镇街统计部门', '社区']);
    // A half-width semicolon ends a clause as the full-width one does.
    expect(leads('一是各单位会后抓紧将意见报县发改局汇总;二是县发改局要及时修改完善。')).toEqual([
      '县发改局',
    ]);
  });

  it("reads those a meeting urges (督促), villages of a jurisdiction, a town's own departments, and numbered 要", () => {
    expect(leads('会议督促各镇各单位严密排查隐患，认真落实整改。')).toEqual(['各镇各单位']);
    // A purpose names no one: "为了…督促各地各部门…".
    expect(owners('为了加大落实力度，督促各地各部门履行职责。')).toEqual([]);
    expect(leads('宝盖镇要求辖区各村居要加强宣传引导。')).toEqual(['各村居']);
    expect(leads('要求各村、乡直各单位务必统一思想。')).toEqual(['各村', '乡直各单位']);
    expect(leads('会议强调，各县(市、区)局要落实好属地监管责任。')).toEqual(['各县(市、区)局']);
    expect(leads('刘智平强调 各成员单位一要提高政治站位，二要组成考核小组。')).toEqual(['各成员单位']);
    // Those singled out are among those named: no unit of their own.
    expect(leads('要求各镇各部门特别是职能部门要针对每一起事故进行复盘。')).toEqual(['各镇各部门']);
    // 就 (about) before a place names no one who acts.
    expect(owners('会议就各镇落实属地管理提出具体要求。')).toEqual([]);
  });

  it('reads every one of a kind it does not know when 要 follows at the head of a clause, never persons or everyone', () => {
    expect(leads('林彬强调，各板块要广泛动员、凝聚合力。')).toEqual(['各板块']);
    expect(leads('各片区要加强安全巡查。')).toEqual(['各片区']);
    expect(owners('各分管区长要亲自督办。')).toEqual([]);
    expect(owners('各网格员要深入走访。')).toEqual([]);
    expect(owners('各责任单位要按时完成。')).toEqual([]);
    expect(owners('各位要提高认识。')).toEqual([]);
    expect(owners('各项工作要抓紧推进。')).toEqual([]);
  });

  it("reads minutes' 由… after how (根据…, 按程序), those invited to take part, and helpers of a 牵头 that 配合", () => {
    expect(leads('由县农业农村局根据会议讨论意见修改完善后印发。')).toEqual(['县农业农村局']);
    expect(leads('由兴东集团按程序组织实施。')).toEqual(['兴东集团']);
    expect(owners('由住房城乡建设部牵头，邀请环境保护部、水利部等部门参加。')).toEqual([
      { lead: ['住房城乡建设部'], support: ['环境保护部', '水利部'] },
    ]);
    expect(owners('筹备工作由区人大常委会牵头，区委组织部、区委宣传部要及早介入、全力配合。')).toEqual([
      { lead: ['区人大常委会'], support: ['区委组织部', '区委宣传部'] },
    ]);
    expect(leads('会议要求，县委办、县政府办组成联合督查组，不定期明查暗访。')).toEqual([
      '县委办',
      '县政府办',
    ]);
  });

  it('reads a name with a quoted word, 各村(居)委会 and 村建, and no name across an adverb of haste', () => {
    expect(leads('县深化“放管服”改革领导小组办公室要全力安排部署。')).toEqual([
      '县深化“放管服”改革领导小组办公室',
    ]);
    expect(leads('各村(居)委会、村建、国土等相关部门要高度重视。')).toEqual(['各村(居)委会', '村建', '国土']);
    expect(leads('会议要求财务部尽快联系第三方评估公司进行评估。')).toEqual(['财务部']);
    expect(owners('会议要求按预算出台资产公司文件。')).toEqual([]);
    expect(owners('要全力配合指导棉湖镇做好各项工作。')).toEqual([]);
  });

  it('reads an hour on a due day, and a month heading its clause as when the work is done', () => {
    expect(findDue('并于2月9日晚19:00时前报县政府常务会议')).toBe('2月9日晚19:00时前');
    expect(findDue('9月，由省级住房城乡建设主管部门组织自查')).toBe('9月');
    // A month inside a clause is when something happened or a period reported on.
    expect(findDue('今年5月，全市规上工业增加值增长')).toBeNull();
    expect(findDue('我市5月份数据')).toBeNull();
  });

  it('reads 委会, 网信 and 电视台, 小组, a bare 街道 before its verb in a list, and no name across 落实', () => {
    expect(leads('对逾期未整改的，区安委会将进行通报约谈。')).toEqual(['区安委会']);
    expect(leads('要联勤联动，交警、网信、电视台要加强沟通。')).toEqual(['交警', '网信', '电视台']);
    expect(leads('刘永强强调，各下设工作小组要各司其职。')).toEqual(['各下设工作小组']);
    expect(leads('请各乡镇、街道落实属地监管责任，各责任单位落实企业整改主体责任。')).toEqual([
      '各乡镇',
      '街道',
    ]);
    expect(leads('会议要求，各村(社区)提前掌握秸秆存量。')).toEqual(['各村(社区)']);
  });

  it("reads places along a road, 希望, 机关, names ending in 社区 or 片区, 对…实施, a numbered item, and a notice's fields", () => {
    expect(leads('会议要求，一是沿线镇街要按照责任分工强化责任落实。')).toEqual(['沿线镇街']);
    expect(leads('会议要求，三是沿线镇街和区直相关部门要密切配合，全力以赴完成征迁安置工作。')).toEqual([
      '沿线镇街',
      '区直相关部门',
    ]);
    expect(leads('希望各村继续加大人居环境整治力度。')).toEqual(['各村']);
    expect(leads('希望12个社区共同学习借鉴。')).toEqual(['12个社区']);
    expect(owners('希望大家继续努力。')).toEqual([]);
    expect(leads('公安机关要对标对表新标准新要求。')).toEqual(['公安机关']);
    expect(leads('要求各村、锦华社区加大宣传力度。')).toEqual(['各村', '锦华社区']);
    expect(leads('赵聪要求，相关部门、联建片区、村要提高政治站位。')).toEqual(['联建片区', '村']);
    expect(leads('要加大督查力度，纪检监察部门对村秸秆禁烧责任落实情况实施监察。')).toEqual(['纪检监察部门']);
    expect(leads('市场外存在占道经营现象。(主体责任:白茶村委会,监督责任:市工商局)')).toEqual([
      '白茶村委会',
      '市工商局',
    ]);
  });

  it("reads a district named bare, 以及, a bureau's own units (局属各单位, 各校, 总站), and 各有关市直单位", () => {
    expect(leads('郑家齐强调，宜秀区要切实增强政治自觉。')).toEqual(['宜秀区']);
    expect(leads('新城区、碑林区要竞相打造示范区。')).toEqual(['新城区', '碑林区']);
    // Areas that are no county or district: no owner.
    expect(owners('会议强调，城区要加快改造。')).toEqual([]);
    expect(owners('示范区要发挥引领作用。')).toEqual([]);
    expect(leads('成绩来之不易，环保局以及各街道办事处要继续巩固成绩。')).toEqual(['环保局', '各街道办事处']);
    expect(leads('一是局属各单位、机关各科室要统一思想。')).toEqual(['局属各单位', '机关各科室']);
    expect(leads('会后各校要立即组织召开领导班子会议。')).toEqual(['各校']);
    expect(leads('各有关市直单位要进一步提高站位。')).toEqual(['各有关市直单位']);
    expect(leads('各重点区县(市)要进一步主动作为。')).toEqual(['各重点区县(市)']);
    expect(leads('会议指出，总站和各流域(海域)生态环境监督管理局要坚决贯彻讲话精神。')).toEqual([
      '总站',
      '各流域(海域)生态环境监督管理局',
    ]);
  });
});
