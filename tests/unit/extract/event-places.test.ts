// Event places of visits (issue 10 §3): every stop of a multi-stop visit whatever its subject (a
// group, a pronoun, a sentence opening with 在…), stops after non-place items of a 、 list, the
// destination county or city (来我县, an abbreviation, 对X进行调研, 视察了X县重点项目), chains at every
// level. Negatives: the unit that only accompanies, 在…陪同下, a home county the text never writes.
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../ingest/extract/index.ts';
import type { Home } from '../../../ingest/extract/types.ts';

const LIXIAN: Home = { province: '湖南省', city: '常德市', county: '澧县' };
const HUANGCHUAN: Home = { province: '河南省', city: '信阳市', county: '潢川县' };
const XIXIANG: Home = { province: '陕西省', city: '汉中市', county: '西乡县' };
const ARUKORQIN: Home = { province: '内蒙古自治区', city: '赤峰市', county: '阿鲁科尔沁旗' };

const mainPlaces = (text: string, home: Home) =>
  extractText(text, 'x.txt', { home }).articles[0]!.events[0]!.places;

describe('multi-stop visits', () => {
  it('a group subject (调研组一行) visits every stop, over several sentences', () => {
    const text =
      '3月5日,市人大常委会副主任李国平带领调研组到澧县调研农村人居环境整治工作。\n' +
      '调研组一行先后来到小渡口镇仁和村、梦溪镇,实地察看村庄环境。\n' +
      '随后,调研组前往盐井镇,听取工作汇报。';
    const p = mainPlaces(text, LIXIAN);
    for (const name of ['澧县', '小渡口镇', '仁和村', '梦溪镇', '盐井镇']) expect(p).toContain(name);
  });

  it('keeps the stops after a non-place item of a 、 list', () => {
    const text =
      '8月26日下午,市政协考察团来我县参观考察。\n' +
      '考察团一行参观了城市规划展览馆、城头山遗址公园、王家厂镇、官垸镇,每到一处都认真听取介绍。';
    const p = mainPlaces(text, { ...LIXIAN });
    expect(p).toContain('王家厂镇');
    expect(p).toContain('官垸镇');
  });

  it('a sentence opening with 在X镇Y村 is a stop of the visitor', () => {
    const text =
      '5月10日至12日,县人大常委会副主任王华先后到杨河镇、桑园镇调研。\n' +
      '在杨河镇中雨村实地调研时,王华详细了解产业发展情况。\n' +
      '在桑园镇,他先后到八一村、堰口镇韩岭村,察看项目建设。';
    const p = mainPlaces(text, XIXIANG);
    for (const name of ['杨河镇', '桑园镇', '中雨村', '八一村', '堰口镇', '韩岭村'])
      expect(p).toContain(name);
  });

  it('嘎查 and 苏木 stops of a group, with their codes', () => {
    const text =
      '9月1日下午,旗委常委、统战部部长张宏伟一行到坤都镇调研。\n' +
      '调研组一行先后到坤都镇中心小学、扬子嘎查、登根嘎查,详细了解工作开展情况。';
    const a = extractText(text, 'x.txt', { home: ARUKORQIN }).articles[0]!;
    expect(a.events[0]!.places).toEqual(expect.arrayContaining(['坤都镇', '扬子嘎查', '登根嘎查']));
    expect(a.places.find((x) => x.name === '扬子嘎查')?.code).toBe('150421103204');
  });
});

describe('destinations', () => {
  it('来我县 gives the home county in the form the text writes it', () => {
    const text =
      '5月14日,外地党政代表团一行来我县考察。\n' + '代表团一行对澧县近年来的发展成就给予高度评价。';
    expect(mainPlaces(text, LIXIAN)).toContain('澧县');
  });

  it('来我县 adds nothing when the text never writes the home county', () => {
    const text = '5月14日,外地党政代表团一行来我县考察工业、文化、旅游等建设发展情况。';
    expect(mainPlaces(text, LIXIAN)).toEqual([]);
  });

  it('a one-character abbreviation of the home county (来潢考察) is the county', () => {
    const text =
      '8月3日,市政协考察团来潢考察产业发展。考察团一行先后来到双柳树镇、伞陂镇。\n' +
      '考察团对潢川县的发展给予充分肯定。';
    const a = extractText(text, 'x.txt', { home: HUANGCHUAN }).articles[0]!;
    expect(a.events[0]!.places).toEqual(expect.arrayContaining(['潢川县', '双柳树镇', '伞陂镇']));
    expect(a.places.map((p) => p.name)).not.toContain('潢');
  });

  it('对X县进行考察调研 and 视察了X县重点项目 name the county', () => {
    const one = '3月22日,两县考察团分别对西乡县进行了考察调研。';
    expect(mainPlaces(one, XIXIANG)).toContain('西乡县');
    const two = '4月2日,市委书记刘勇视察了西乡县重点项目建设情况。';
    expect(mainPlaces(two, XIXIANG)).toContain('西乡县');
  });

  it('a chain 赴X市Y县Z镇 contributes every level', () => {
    const text = '10月18日,省委调研组一行赴汉中市西乡县杨河镇中雨村调研。';
    expect(mainPlaces(text, { province: '陕西省' })).toEqual(['汉中市', '西乡县', '杨河镇', '中雨村']);
  });
});

describe('places that are not stops', () => {
  it('the unit that only accompanies is no event place', () => {
    const text = '9月1日,县委书记李明到杨河镇调研。\n' + '柳树镇党委书记王强、沙河镇镇长赵刚陪同调研。';
    const p = mainPlaces(text, XIXIANG);
    expect(p).toContain('杨河镇');
    expect(p).not.toContain('柳树镇');
    expect(p).not.toContain('沙河镇');
  });

  it('在…陪同下 names the companions, not the venue', () => {
    const text = '10月23日上午,市长卓明在汉中市委常委、副市长陈强的陪同下到杨河镇调研。';
    expect(mainPlaces(text, XIXIANG)).toEqual(['杨河镇']);
  });

  it('a visit verb inside a noun (考察团, 调研组) opens no list of stops', () => {
    const text = '3月22日,市考察团,及城固县委书记李明带队对西乡县进行了考察调研。';
    const p = mainPlaces(text, XIXIANG);
    expect(p).toContain('西乡县');
    expect(p).not.toContain('城固县');
  });

  it('the place of another event in a relative clause (在X举办的…) is no event place', () => {
    const text = '6月5日,座谈会上,县委书记李明传达了在汉中市举办的全市培训班精神。';
    expect(mainPlaces(text, XIXIANG)).not.toContain('汉中市');
  });

  it('the place of a meeting announced for another day is no event place', () => {
    const text =
      '自治区人大会议各项准备工作已经就绪,将于1月19日上午在乌鲁木齐市开幕。1月18日上午,代表团召开全体会议。';
    expect(mainPlaces(text, { province: '新疆维吾尔自治区', city: '阿勒泰地区' })).not.toContain(
      '乌鲁木齐市',
    );
  });
});
