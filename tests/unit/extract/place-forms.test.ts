// Places the gazetteer lacks or spells differently (issue 10 §3): 苏木/嘎查, 街 for 街道, renamed
// towns, 办事处 and 居委会, villages in 、 lists, towns written without 镇, bare names before 等乡镇/
// 两条村; forms as written with the division code. Negatives: a verb or preposition plus a suffix,
// a title (代县长), media, company, project and interchange names.
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../ingest/extract/index.ts';
import type { Home } from '../../../ingest/extract/types.ts';

const XIXIANG: Home = { province: '陕西省', city: '汉中市', county: '西乡县' };
const ARUKORQIN: Home = { province: '内蒙古自治区', city: '赤峰市', county: '阿鲁科尔沁旗' };
const HUANGCHUAN: Home = { province: '河南省', city: '信阳市', county: '潢川县' };
const LIWAN: Home = { province: '广东省', city: '广州市' };
const SHANXI_DAIXIAN_PROVINCE: Home = { province: '山西省', city: '忻州市' };

const places = (text: string, home: Home = {}) =>
  extractText(text, 'x.txt', { home }).articles.flatMap((a) =>
    a.places.map((p) => [p.name, p.level, p.code]),
  );
const names = (text: string, home: Home = {}) => places(text, home).map((p) => p[0]);

describe('places the gazetteer spells differently', () => {
  it('苏木 is a town and 嘎查 a village (the gazetteer writes 嘎查村)', () => {
    expect(places('5月10日,旗领导到巴拉奇如德苏木萨如拉塔拉嘎查调研。', ARUKORQIN)).toEqual([
      ['巴拉奇如德苏木', 'town', '150421204'],
      ['萨如拉塔拉嘎查', 'village', '150421204206'],
    ]);
  });

  it('街 written for a 街道 keeps the written form and the code', () => {
    expect(places('昨日,市领导到荔湾区多宝街调研。', LIWAN)).toContainEqual(['多宝街', 'town', '440103004']);
  });

  it('a village written X村 for the gazetteer’s X村村', () => {
    expect(places('县长先后到付店镇凡村、桃林铺镇全集村调研。', HUANGCHUAN)).toEqual([
      ['付店镇', 'town', '411526106'],
      ['凡村', 'village', '411526106207'],
      ['桃林铺镇', 'town', '411526108'],
      ['全集村', 'village', '411526108202'],
    ]);
  });

  it('a town written without 镇 before its village', () => {
    expect(places('视察组先后前往城南街道、杨河中雨村等地。', XIXIANG)).toEqual([
      ['城南街道', 'town', '610724002'],
      ['杨河', 'town', '610724101'],
      ['中雨村', 'village', expect.stringMatching(/^610724101/)],
    ]);
  });

  it('bare names before 等乡镇 / 等村 / 两条村 are places of that level', () => {
    const towns = places('县领导分别深入杨河、柳树、沙河等乡镇看望慰问困难群众。', XIXIANG);
    expect(towns).toEqual([
      ['杨河', 'town', '610724101'],
      ['柳树', 'town', '610724102'],
      ['沙河', 'town', '610724103'],
    ]);
    expect(names('陶常委来到外坡、新屋两条村的新时代文明实践站。', XIXIANG)).toEqual(['外坡', '新屋']);
  });

  it('a bare name already written in full is that place, not a second one', () => {
    const text = '县领导首先来到石东村调研。随后,县领导一行前往石东、隔背等村,调研产业发展。';
    expect(names(text, XIXIANG)).toEqual(['石东村', '隔背']);
  });

  it('villages in a 、 list after a movement verb, where the gazetteer lacks them', () => {
    expect(places('7月28日,县长先后来到桃园村、杨家庄村、西坡村检查防汛。')).toEqual([
      ['桃园村', 'village', null],
      ['杨家庄村', 'village', null],
      ['西坡村', 'village', null],
    ]);
  });

  it('a 3-character 办事处 and a 居委会 after a marker', () => {
    expect(names('县委书记先后来到漕溪港办事处白泥湖堤段察看险情。')).toEqual(['漕溪港办事处']);
    expect(places('在筠门岭镇东西街居委会三送精品点,他察看了台账。')).toContainEqual([
      '东西街居委会',
      'community',
      null,
    ]);
  });

  it('stems starting with 新 (新屋村, 溪头新村)', () => {
    expect(names('先后来到新屋村、溪头新村和沧滩社区看望群众。')).toEqual(['新屋村', '溪头新村', '沧滩社区']);
  });

  it('a long banner name by its usual abbreviation (深入西乌旗), in the home city', () => {
    const xilin = { province: '内蒙古自治区', city: '锡林郭勒盟' };
    expect(places('8月12日,盟政协副主席一行深入西乌旗调研。', xilin)).toEqual([
      ['西乌旗', 'county', '152526'],
    ]);
  });

  it('a village of four characters right after its town, where the gazetteer lacks it', () => {
    expect(names('调研组先后深入杨河镇扎嘎斯台嘎查、三交镇枣圪公式村。', XIXIANG)).toEqual([
      '杨河镇',
      '扎嘎斯台嘎查',
      '三交镇',
      '枣圪公式村',
    ]);
  });

  it('keeps the written form of an autonomous prefecture, with its code', () => {
    expect(places('黔东南州委督查室负责人陪同。', { province: '贵州省' })).toEqual([
      ['黔东南州', 'city', '5226'],
    ]);
    expect(places('他在新疆工作多年。', { province: '新疆维吾尔自治区' })).toEqual([
      ['新疆', 'province', '65'],
    ]);
  });
});

describe('places of the headline', () => {
  it('a place written only in the headline is the item’s, with the headline line as evidence', () => {
    const text = '援藏干部深入各乡镇调研\n深入杨河镇调研\n近日,援藏干部王华深入西乡县五个乡镇开展调研。';
    const a = extractText(text, 'x.txt', { home: XIXIANG }).articles[0]!;
    const town = a.places.find((p) => p.name === '杨河镇');
    expect(town?.evidence[0]?.sentence).toBe('深入杨河镇调研');
    expect(a.events[0]!.places).not.toContain('杨河镇');
  });
});

describe('which division a short form names', () => {
  it('the organ after a short form shared by a prefecture and a county decides (阿勒泰地委)', () => {
    const p = places('阿勒泰地委书记谢少迪主持会议。', { province: '新疆维吾尔自治区', city: '阿勒泰地区' });
    expect(p).toEqual([['阿勒泰', 'city', '6543']]);
  });
});

describe('words that are no places', () => {
  it('a verb or preposition plus a suffix', () => {
    expect(
      names('他表示,将团结带领全体干部,围绕镇党代会提出的目标,深入走访农村,在全乡开展排查。', XIXIANG),
    ).toEqual([]);
    expect(names('调研组对农工党陕西省委新农村建设联系点进行调研。', XIXIANG)).toEqual(['陕西省']);
  });

  it('a generic word reaching into the stem (使城乡, 委新农村), and no generic ending of a real name (凤山村)', () => {
    expect(names('此举使城乡面貌焕然一新。', XIXIANG)).toEqual([]);
    expect(names('朱民一行参观了城南街道凤山村。', XIXIANG)).toEqual(['城南街道', '凤山村']);
  });

  it('代县 inside 代县长 is a title', () => {
    expect(names('该县县委副书记、代县长王玲到城区走访。', SHANXI_DAIXIAN_PROVINCE)).toEqual([]);
  });

  it('a province or city inside a media name', () => {
    expect(names('中国江苏网讯 江苏在线报道,新华社湖北分社记者到场。', { province: '陕西省' })).toEqual([]);
    expect(names('宁夏人大网讯 诏安新闻网报道。', { province: '陕西省' })).toEqual([]);
  });

  it('a place inside a company, project or interchange name', () => {
    const text = '他先后察看了辽宁利筑新材有限公司、沈阳某某通航产业基地、辽宁联航飞机制造项目。';
    expect(names(text, { province: '辽宁省', city: '沈阳市', county: '法库县' })).toEqual([]);
    const road = '会议听取了沙厦高速尤溪西互通及接线工程推进情况。';
    expect(names(road, { province: '福建省', city: '三明市', county: '尤溪县' })).toEqual([]);
  });

  it('a far town name that is the start of 乡村 or the end of 部分乡镇', () => {
    expect(names('汇报了东方红乡村发展情况,深入部分乡镇农村观摩。', XIXIANG)).toEqual([]);
  });
});
