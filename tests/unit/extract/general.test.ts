// General rules found on texts from other provinces (county and city papers of 江西, 山东 ...):
// organisation names, zones and far-away gazetteer hits are no places; acting titles and
// organisation names with 和; role runs and activity verbs; further dated visits; the contract's
// holds / parentCode / ancestorsOf / participation evidence; dotted names and OCR breaks.
import { describe, expect, it } from 'vitest';
import { ancestorsOf } from '../../../ingest/extract/places/gazetteer.ts';
import { extractText } from '../../../ingest/extract/index.ts';
import { buildView } from '../../../ingest/extract/normalise.ts';
import type { Home } from '../../../ingest/extract/types.ts';

const NINGDU: Home = { province: '江西省', city: '赣州市', county: '宁都县' };
const QUFU: Home = { province: '山东省', city: '济宁市', county: '曲阜市' };
const KECHENG: Home = { province: '浙江省', city: '衢州市', county: '柯城区' };
const YONGKANG: Home = { province: '浙江省', city: '金华市', county: '永康市' };

const article = (text: string, home: Home, k = 0) => extractText(text, 'x.txt', { home }).articles[k]!;
const placeNames = (text: string, home: Home) => article(text, home).places.map((p) => p.name);
const roles = (text: string, home: Home, k = 0) =>
  article(text, home).events[k]!.participants.map((p) => [p.name, p.role]);

describe('places inside organisation names', () => {
  it('a province or city that starts a company name is no place', () => {
    const p = placeNames('3月15日,李春华一行来到社岗村和江西绿源食品有限公司调研。', NINGDU);
    expect(p).toContain('社岗村');
    expect(p).not.toContain('江西省');
    expect(placeNames('6月7日,孔令军来到济宁鲁南化工有限公司检查。', QUFU)).not.toContain('济宁市');
  });

  it('a county that starts an institution name is no place and no event place', () => {
    const a = article('6月7日,孔令军深入曲阜市三孔景区管理服务中心检查安全生产。', QUFU);
    expect(a.places.map((p) => p.name)).not.toContain('曲阜市');
    expect(a.events[0]!.places).not.toContain('曲阜市');
    expect(placeNames('6月7日,孔令军到宁都县人民医院看望医护人员。', NINGDU)).not.toContain('宁都县');
  });

  it('the jurisdiction’s own government and party bodies keep the place', () => {
    expect(placeNames('4月1日,永康市融媒体中心举办开放日活动。', YONGKANG)).toContain('永康市');
    expect(placeNames('1月5日,柯城区人民政府召开常务会议。', KECHENG)).toContain('柯城区');
  });

  it('a village or town before a facility locates it (not a registered company)', () => {
    expect(placeNames('3月15日,村民在坎田村文化广场观看演出。', NINGDU)).toContain('坎田村');
    expect(placeNames('3月15日,李春华到青塘镇卫生院看望医护人员。', NINGDU)).toContain('青塘镇');
  });
});

describe('zones, roads and far-away gazetteer hits', () => {
  it('an industrial park is no place, its town is', () => {
    const p = article('3月14日,会议要求加快长胜镇工业园区建设。', NINGDU).places;
    expect(p.map((x) => [x.name, x.code])).toEqual([['长胜镇', '360730102']]);
  });

  it('a road crossing names no place', () => {
    expect(placeNames('6月6日,在人民路与静轩路交叉口,调研组察看了城市更新项目。', QUFU)).toEqual([]);
  });

  it('a town of another province keeps no code without context, and its code with it', () => {
    const alone = article('6月6日,我市考察团学习借鉴天荒坪镇的经验。', QUFU).places;
    expect(alone.map((x) => [x.name, x.code])).toEqual([['天荒坪镇', null]]);
    const placed = article('6月6日,考察团来到浙江省安吉县天荒坪镇学习。', QUFU).places;
    expect(placed.find((x) => x.name === '天荒坪镇')?.code).toBe('330523108');
  });

  it('a town name spread over many provinces, none of them home, is a generic word', () => {
    expect(placeNames('6月6日,考察团来到城关镇学习。', QUFU)).toEqual([]);
  });
});

describe('positions', () => {
  it('an acting head is the government’s, titled 代市长', () => {
    const p = article('6月7日,市委副书记、代市长孔令军带队检查。', QUFU).people[0]!;
    expect(p.positions).toEqual(['市委副书记', '代市长']);
    expect(p.offices).toEqual(['曲阜市委', '曲阜市人民政府']);
    expect(p.holds!.map((h) => [h.position, h.title, h.office])).toEqual([
      ['市委副书记', '副书记', '曲阜市委'],
      ['代市长', '代市长', '曲阜市人民政府'],
    ]);
    expect(article('1月3日,县委副书记、代县长罗小兵主持会议。', NINGDU).people[0]!.offices).toEqual([
      '宁都县委',
      '宁都县人民政府',
    ]);
  });

  it('keeps 和 inside organisation names', () => {
    const p = article('6月6日,省文化和旅游厅副厅长王磊一行来曲阜调研。', QUFU).people[0]!;
    expect(p.positions).toEqual(['省文化和旅游厅副厅长']);
    expect(p.offices).toEqual(['山东省文化和旅游厅']);
    const q = article('3月2日,县住房和城乡建设局局长温平参加会议。', NINGDU).people[0]!;
    expect(q.positions).toEqual(['县住房和城乡建设局局长']);
    expect(q.offices).toEqual(['宁都县住房和城乡建设局']);
  });

  it('does not join a name or another jurisdiction’s body over 和', () => {
    const a = article('3月2日,县长罗小兵和县应急管理局局长温平参加会议。', NINGDU);
    expect(a.people.map((p) => [p.name, p.positions])).toEqual([
      ['罗小兵', ['县长']],
      ['温平', ['县应急管理局局长']],
    ]);
  });
});

describe('participants and roles', () => {
  it('a comma-separated run of titled names takes the verb that ends it', () => {
    const text = '6月7日,代市长孔令军到鲁城街道检查安全生产。副市长刘庆华,市应急管理局局长周涛陪同督导。';
    expect(roles(text, QUFU)).toEqual([
      ['孔令军', '检查'],
      ['刘庆华', '陪同'],
      ['周涛', '陪同'],
    ]);
  });

  it('a name with its own verb keeps it inside a run', () => {
    const text = '6月7日,安全生产会议召开。副市长刘庆华主持会议,市应急管理局局长周涛讲话。';
    expect(roles(text, QUFU)).toEqual([
      ['刘庆华', '主持'],
      ['周涛', '讲话'],
    ]);
  });

  it('prefers the activity verb the text uses over 出席', () => {
    expect(roles('3月15日上午,县委书记李春华深入青塘镇坎田村、社岗村,调研乡村振兴工作。', NINGDU)).toEqual([
      ['李春华', '调研'],
    ]);
    expect(roles('6月7日,代市长孔令军带队到鲁城街道、时庄街道督导检查安全生产工作。', QUFU)).toEqual([
      ['孔令军', '督导检查'],
    ]);
    expect(roles('6月6日,省文化和旅游厅副厅长王磊一行来曲阜调研。', QUFU)).toEqual([['王磊', '调研']]);
  });

  it('keeps 出席 / 带队 when the sentence names no activity of the person', () => {
    expect(roles('3月15日,县委书记李春华来到青塘镇,镇党委的调研报告受到肯定。', NINGDU)).toEqual([
      ['李春华', '出席'],
    ]);
    expect(roles('6月7日,代市长孔令军带队,全市安全生产大会召开。', QUFU)).toEqual([['孔令军', '带队']]);
  });

  it('gives every participant the evidence sentence of the participation', () => {
    const text = '6月7日,代市长孔令军到鲁城街道检查。\n\n副市长刘庆华,市应急管理局局长周涛陪同督导。';
    for (const p of article(text, QUFU).events[0]!.participants) {
      expect(p.evidence?.length).toBe(1);
      expect(text.slice(p.evidence![0]!.start, p.evidence![0]!.end)).toBe(p.evidence![0]!.sentence);
      expect(p.evidence![0]!.sentence).toContain(p.name);
    }
  });
});

describe('further dated visits', () => {
  const text =
    '李春华调研乡村振兴\n\n本报讯 1月10日,县委书记李春华到青塘镇调研乡村振兴工作。副县长钟海燕陪同。\n\n' +
    '1月12日,李春华到梅江镇走访慰问困难群众。他叮嘱要把温暖送到群众心坎上。';

  it('makes each dated activity its own event, the main one first', () => {
    const a = article(text, NINGDU);
    expect(a.events.map((e) => [e.date?.slice(-5), e.places, e.participants.map((p) => p.name)])).toEqual([
      ['01-10', ['青塘镇'], ['李春华', '钟海燕']],
      ['01-12', ['梅江镇'], ['李春华']],
    ]);
    expect(a.events[1]!.participants[0]!.role).toBe('走访慰问');
  });

  it('lets a pronoun stand for the main person', () => {
    const t = text.replace('1月12日,李春华到梅江镇', '1月12日,他又到梅江镇');
    const ev = article(t, NINGDU).events[1]!;
    expect(ev.participants.map((p) => [p.name, p.role])).toEqual([['李春华', '走访慰问']]);
  });

  it('ignores dates of background facts and periods', () => {
    const t =
      '李春华调研\n\n本报讯 1月10日,县委书记李春华到青塘镇调研。\n\n3月10日以来,全镇新建大棚200个。12月5日,合作社成立。';
    expect(article(t, NINGDU).events).toHaveLength(1);
  });
});

describe('contract additions', () => {
  it('fills parentCode whenever the code is known, and ancestorsOf walks up to the province', () => {
    const places = article('3月15日,李春华到青塘镇坎田村调研。', NINGDU).places;
    for (const p of places) if (p.code && p.level !== 'province') expect(p.parentCode).toBeTruthy();
    const village = places.find((p) => p.name === '坎田村')!;
    expect(ancestorsOf(village.code!).map((a) => [a.name, a.level])).toEqual([
      ['青塘镇', 'town'],
      ['宁都县', 'county'],
      ['赣州市', 'city'],
      ['江西省', 'province'],
    ]);
    expect(ancestorsOf('36')).toEqual([]);
    expect(ancestorsOf('nonsense')).toEqual([]);
  });
});

describe('names and noise', () => {
  const XJ: Home = { province: '新疆维吾尔自治区', city: '喀什地区', county: '疏附县' };

  it('reads dotted names of ethnic-minority officials, dots normalised to ·', () => {
    const text =
      '5月9日,县委副书记、县长艾尔肯•吐尼亚孜主持召开县政府常务会议。副县长阿依努尔·买买提、王军参加。\n\n艾尔肯·吐尼亚孜强调,要抓好春耕。';
    const a = article(text, XJ);
    expect(a.people.map((p) => [p.name, p.positions])).toEqual([
      ['艾尔肯·吐尼亚孜', ['县委副书记', '县长']],
      ['阿依努尔·买买提', ['副县长']],
      ['王军', ['副县长']],
    ]);
    expect(a.events[0]!.participants.map((p) => p.role)).toEqual(['主持', '参加', '参加']);
  });

  it('does not read a dot list of words as a name', () => {
    expect(article('5月9日,会议强调“产业·生态·文化”融合发展。', XJ).people).toEqual([]);
  });

  it('joins a name broken by an OCR line break and mixes full- and half-width punctuation', () => {
    const text =
      '3月15日上午，县委书记李春\n\n华深入青塘镇坎田村调研乡村振兴工作,县委常委、县委办主任张伟陪同（记者 王小平）。';
    expect(buildView(text).text).toContain('李春华深入');
    const a = article(text, NINGDU);
    expect(a.people.map((p) => p.name)).toEqual(['李春华', '张伟']);
    const e = a.people[0]!.evidence[0]!;
    expect(text.slice(e.start, e.end)).toBe(e.sentence);
  });
});
