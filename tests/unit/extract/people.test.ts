// People and positions: names after titles, enumerations, names before titles, bare mentions,
// split positions; negatives: common nouns after a title, referenced leaders, bylines.
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../ingest/extract/index.ts';
import { findPeople, isReferenced, nameAt, validName } from '../../../ingest/extract/people.ts';

const never = () => false;
function people(s: string) {
  return findPeople(s, 0, s.length, never).map((m) => [m.name, m.positions]);
}

describe('names', () => {
  it('validates with the surname list, single and compound', () => {
    expect(validName('章旭升')).toBe(true);
    expect(validName('欧阳明华')).toBe(true);
    expect(validName('方明')).toBe(true);
    expect(validName('全市')).toBe(false);
    expect(validName('本报讯')).toBe(false);
  });

  it('picks the name length from what follows', () => {
    expect(nameAt('徐旭来我区走访', 0)?.name).toBe('徐旭');
    expect(nameAt('吴舜泽已经出现在', 0)?.name).toBe('吴舜泽');
    expect(nameAt('丁鸿收到租金', 0)?.name).toBe('丁鸿');
    expect(nameAt('汪平点赞道', 0)?.name).toBe('汪平');
  });
});

describe('findPeople', () => {
  it('splits several positions of one person', () => {
    expect(people('市委副书记、政法委书记吴舜泽已经出现在石梁镇。')).toEqual([
      ['吴舜泽', ['市委副书记', '政法委书记']],
    ]);
    expect(people('省经信厅党组书记、厅长徐旭来我区走访慰问。')).toEqual([
      ['徐旭', ['省经信厅党组书记', '厅长']],
    ]);
  });

  it('reads enumerations after a title', () => {
    expect(people('县领导毛献明、汪黎云、郑胜军、方明参加。').map((p) => p[0])).toEqual([
      '毛献明',
      '汪黎云',
      '郑胜军',
      '方明',
    ]);
    expect(people('区委副书记、区长蒋国强,区人大常委会主任徐登富参加。')).toEqual([
      ['蒋国强', ['区委副书记', '区长']],
      ['徐登富', ['区人大常委会主任']],
    ]);
  });

  it('reads names before a title', () => {
    expect(people('传达学习习近平总书记重要讲话精神。')).toEqual([['习近平', ['总书记']]]);
    expect(people('贯彻落实好省委袁家军书记重要讲话精神。')).toEqual([['袁家军', ['省委书记']]]);
  });

  it('reads speakers after a quotation', () => {
    expect(people('“排名结果是对我工作最大的肯定。”朱福存说。')).toEqual([['朱福存', []]]);
    expect(people('1月12日,居亚平一行来我区视察。')).toEqual([['居亚平', []]]);
  });

  it('does not take common nouns after a title for names', () => {
    expect(people('以小区发案率、居民满意度等为指标。')).toEqual([]);
    expect(people('村党支部书记聚在一起商讨。')).toEqual([]);
    expect(people('区委书记高度重视此项工作。')).toEqual([]);
    expect(people('企业家胸佩民营企业企业家纪念章,登船起航。')).toEqual([]);
  });

  it('keeps company roles as people but not as officials', () => {
    const doc = extractText('仪式上,乡伴文旅集团董事长朱胜萱发布品牌。', 'x.txt');
    expect(doc.articles[0]!.people[0]).toMatchObject({
      name: '朱胜萱',
      positions: ['乡伴文旅集团董事长'],
      official: false,
    });
  });
});

describe('bare mentions and references', () => {
  it('finds later mentions of a found name', () => {
    const doc = extractText('1月12日,副市长王良春到航埠镇调研。\n\n王良春强调,要抓好落实。', 'x.txt');
    const p = doc.articles[0]!.people.find((x) => x.name === '王良春')!;
    expect(p.evidence.length).toBeGreaterThanOrEqual(1);
  });

  it('marks leaders whose speeches are studied as referenced', () => {
    const s = '会议指出,习近平总书记在参加首都义务植树活动时强调,要推动生态文明建设。';
    const m = findPeople(s, 0, s.length, never)[0]!;
    expect(isReferenced(s, m)).toBe(true);
    const t = '市委书记章旭升主持会议。';
    expect(isReferenced(t, findPeople(t, 0, t.length, never)[0]!)).toBe(false);
  });
});

describe('names with word-like characters, closed by the text', () => {
  it('a list item closed by 、 or a verb word keeps a given name with 年, 本, 来, 团, 和', () => {
    expect(people('县人大常委会副主任张德年、刘本立、沈义和、朱团结出席会议。').map((p) => p[0])).toEqual([
      '张德年',
      '刘本立',
      '沈义和',
      '朱团结',
    ]);
    expect(people('县政协秘书长何家本参加调研。')).toEqual([['何家本', ['县政协秘书长']]]);
    expect(people('副县长、县公安局局长杨光来,县政府办主任方敏陪同。').map((p) => p[0])).toEqual([
      '杨光来',
      '方敏',
    ]);
  });

  it('new verb words close a name: 列席, 一同, 受', () => {
    expect(people('区委常委、统战部部长罗海峰列席会议。').map((p) => p[0])).toEqual(['罗海峰']);
    expect(people('县人大常委会副主任吴国庆一同调研。').map((p) => p[0])).toEqual(['吴国庆']);
    expect(people('县委副书记宋明华受县委书记委托讲话。').map((p) => p[0])).toEqual(['宋明华']);
  });

  it('no name from a function word or an organisation word, nor two characters closed by a verb', () => {
    expect(people('市领导曾在讲话中提出要求。')).toEqual([]);
    expect(people('作为基层党员干部,要敢于担当。')).toEqual([]);
    expect(people('县委书记充分肯定了全县的工作。')).toEqual([]);
    expect(people('副县长李明来调研。')).toEqual([['李明', ['副县长']]]);
  });
});

describe('one item of a 、 list that is no Han name', () => {
  it('a name without a surname inside the list is read, and the rest of the list too', () => {
    expect(people('旗领导张华、额尔敦巴雅尔、刘建国、陈晓光参加调研。').map((p) => p[0])).toEqual([
      '张华',
      '额尔敦巴雅尔',
      '刘建国',
      '陈晓光',
    ]);
    // an item that is no name at all is passed over, the list goes on
    expect(people('县领导张华、各有关部门、刘建国参加调研。').map((p) => p[0])).toEqual(['张华', '刘建国']);
  });

  it('an item with a title of its own is read from its title', () => {
    expect(people('县人大常委会主任沈立和、副主任何秋月、陈应国出席。')).toEqual([
      ['沈立和', ['县人大常委会主任']],
      ['何秋月', ['副主任']],
      ['陈应国', ['副主任']],
    ]);
  });
});

describe('lists of names without a title before them', () => {
  it('a title after the list goes to every name (等区领导, 等16位原市级领导)', () => {
    expect(people('韩立新、高峻松、任小燕等县领导在主席台就座。')).toEqual([
      ['韩立新', ['县领导']],
      ['高峻松', ['县领导']],
      ['任小燕', ['县领导']],
    ]);
    expect(people('郑文华、钱玉兰、孙振等12位老领导参观了新区。').map((p) => p[1])).toEqual([
      ['老领导'],
      ['老领导'],
      ['老领导'],
    ]);
  });

  it('X由A、B担任 and 担任X的是:A、B give X', () => {
    expect(people('大会执行主席由邱建国、梁红、彭立新担任。')).toEqual([
      ['邱建国', ['大会执行主席']],
      ['梁红', ['大会执行主席']],
      ['彭立新', ['大会执行主席']],
    ]);
  });

  it('担任X的是:A、B gives X', () => {
    expect(people('担任本次大会执行主席的是:覃振华、黎明、韦国强。').map((p) => p[1])).toEqual([
      ['本次大会执行主席'],
      ['本次大会执行主席'],
      ['本次大会执行主席'],
    ]);
  });

  it('携 after a name is the verb, not the name’s last character', () => {
    expect(people('县委常委、副县长罗敏携调研组到城关镇调研。').map((p) => p[0])).toEqual(['罗敏']);
  });

  it('named people without a title (等困难群众) are people with no position', () => {
    expect(people('看望慰问了李桂英、何长春、冯秀珍等困难群众。')).toEqual([
      ['李桂英', []],
      ['何长春', []],
      ['冯秀珍', []],
    ]);
  });

  it('lists of places and words are no people', () => {
    expect(people('调研组先后到城关、石门、高桥等乡镇调研。')).toEqual([]);
    expect(people('做好防汛、抗旱、救灾等工作。')).toEqual([]);
    expect(people('外坡、新屋两条村的文明实践站')).toEqual([]);
  });
});

describe('a name before a studied work', () => {
  it('is a person, referenced (贯彻习近平新时代…思想, 学习王明重要讲话精神)', () => {
    expect(people('深入学习贯彻习近平新时代中国特色社会主义思想,认真落实各项部署。')).toEqual([
      ['习近平', []],
    ]);
    expect(people('会议传达学习了王振国重要讲话精神。')).toEqual([['王振国', []]]);
  });

  it('not a phrase before 重要 (推动共同富裕重要论述)', () => {
    expect(people('深入学习推动共同富裕重要论述。')).toEqual([]);
  });
});

describe('words for people before a name (descriptors, person-nouns.tsv)', () => {
  it('a villager, a veteran or a family in need is a person with no position', () => {
    expect(people('县委书记李建国先后看望了老退伍军人韩守成、特困职工邵丽娟和低保户蒋国华。')).toEqual([
      ['李建国', ['县委书记']],
      ['韩守成', []],
      ['邵丽娟', []],
      ['蒋国华', []],
    ]);
    expect(people('慰问组来到残疾人潘德旺家中,又看望了困难教师葛秀兰,')).toEqual([
      ['潘德旺', []],
      ['葛秀兰', []],
    ]);
  });

  it('a descriptor in a 、 list of positions is dropped, the office kept', () => {
    expect(people('走访了村党支部书记、老党员钱福生家中。')).toEqual([['钱福生', ['村党支部书记']]]);
  });

  it('is not an official in the extracted article', () => {
    const doc = extractText('1月20日,副县长孙立平走访慰问了困难群众杜秀梅、老党员严振东等人。', 'p.txt');
    const byName = new Map(doc.articles[0]!.people.map((p) => [p.name, p]));
    expect(byName.get('孙立平')?.official).toBe(true);
    expect(byName.get('杜秀梅')).toMatchObject({ positions: [], official: false });
    expect(byName.get('严振东')).toMatchObject({ positions: [], official: false });
  });

  it('a bare word for people is often an object, not a name’s title', () => {
    expect(people('要倾听群众呼声,回应群众关切,维护群众利益。')).toEqual([]);
    expect(people('合理引导牧民储草,做好春季休牧。')).toEqual([]);
    expect(people('他来到困难老人家中。')).toEqual([]);
  });
});

describe('names without a Han surname after a title (transliteration-chars.tsv)', () => {
  it('a Mongolian name after a title, in a list or before a verb word', () => {
    expect(people('苏木党委副书记宝音德力格尔、副苏木达那顺陪同调研。')[0]).toEqual([
      '宝音德力格尔',
      ['苏木党委副书记'],
    ]);
    expect(people('5月8日,旗政协副主席额尔敦先后到三个嘎查走访。')).toEqual([['额尔敦', ['旗政协副主席']]]);
  });

  it('after a word for people, closed by 家', () => {
    expect(people('随后来到牧户敖日格勒家查看棚圈。')).toEqual([['敖日格勒', []]]);
  });

  it('no name from a follower word or a place after the title', () => {
    expect(people('旗委书记多次深入嘎查调研。')).toEqual([]);
    expect(people('副主任和副主任助理出席。')).toEqual([]);
  });
});

describe('names before a title or 同志', () => {
  it('同志 after a name closes it: a person with no position', () => {
    expect(people('会议表决通过了关于接受周守己同志辞职请求的决定。')).toEqual([['周守己', []]]);
  });

  it('no name begins inside a word that ends with a surname character', () => {
    expect(people('随后孟书记一行察看了项目现场。')).toEqual([]);
    expect(people('有关负责同志参加会议。')).toEqual([]);
  });
});

describe('full names closed by a conjunction or 的', () => {
  it('王大为及 is 王大为, 陈其泉的 is 陈其泉', () => {
    expect(people('县领导孔庆元、刘大为及有关部门负责人参加调研。').map((p) => p[0])).toEqual([
      '孔庆元',
      '刘大为',
    ]);
    expect(people('受到了市领导郑海、陈其泉的热情接待。').map((p) => p[0])).toEqual(['郑海', '陈其泉']);
    expect(people('党委委员何泉玉及相关村干部陪同。')).toEqual([['何泉玉', ['党委委员']]]);
  });

  it('a name never ends with the conjunction itself', () => {
    expect(people('市长李明和与会人员合影。').map((p) => p[0])).toEqual(['李明']);
  });
});

describe('a name before a title of its own, after a verb or another title', () => {
  it('决定X副县长代理…, 所长X研究员 (the title before it kept too)', () => {
    expect(people('会议决定李春明副县长代理县长职务。')).toContainEqual(['李春明', ['副县长']]);
    expect(people('市农科院水稻研究所所长钱伟民研究员等一行来到基地。')).toEqual([
      ['钱伟民', ['市农科院水稻研究所所长', '研究员']],
    ]);
  });

  it('no name from the words of an organisation before its title (区人大常委会)', () => {
    expect(people('区人大常委会主任王立新主持会议。')).toEqual([['王立新', ['区人大常委会主任']]]);
  });
});

describe('what a position phrase does not hold', () => {
  it('a verb whose object is the person (听取, 会同) is no part of the position', () => {
    expect(people('认真听取县委副书记、县长钱国华关于全县经济运行的汇报。')).toEqual([
      ['钱国华', ['县委副书记', '县长']],
    ]);
    expect(people('秘书长周立会同市委副主委吴长庚一同调研。')).toEqual([
      ['周立', ['秘书长']],
      ['吴长庚', ['市委副主委']],
    ]);
  });

  it('... unless it begins an organisation name (慰问组组长)', () => {
    expect(people('县慰问组组长孙志平一行来到敬老院。')).toEqual([['孙志平', ['县慰问组组长']]]);
  });

  it('a position never reaches back over an earlier name; the one who delegates is referenced', () => {
    const s = '县委副书记、政法委书记徐海峰受县委书记汪建明委托作工作报告。';
    const found = findPeople(s, 0, s.length, never);
    expect(found.map((m) => [m.name, m.positions])).toEqual([
      ['徐海峰', ['县委副书记', '政法委书记']],
      ['汪建明', ['县委书记']],
    ]);
    expect(found.map((m) => isReferenced(s, m))).toEqual([false, true]);
  });
});

describe('more names closed by what follows', () => {
  it('a full name before a one-character word when nothing shorter fits (林社华向…)', () => {
    expect(people('区委常委林社华向获奖者颁发证书。')).toEqual([['林社华', ['区委常委']]]);
  });

  it('关于, 创办 after a name', () => {
    expect(people('参观了由市政协委员苏明远创办的农业合作社。')).toEqual([['苏明远', ['市政协委员']]]);
  });

  it('a list of names joined to a titled group (A、B和大会主席团成员…) names people', () => {
    expect(people('会上,王国强、陈立新和大会主席团成员在主席台就座。')).toEqual([
      ['王国强', []],
      ['陈立新', []],
    ]);
  });
});
