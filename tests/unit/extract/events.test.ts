// Dates, home inference, offices and events: participants with roles, event places, references.
import { describe, expect, it } from 'vitest';
import { findDates, formatDate, yearFromText } from '../../../ingest/extract/dates.ts';
import { extractText } from '../../../ingest/extract/index.ts';
import { officesOf } from '../../../ingest/extract/offices.ts';

describe('dates', () => {
  it('reads date, part of day and time', () => {
    const [d] = findDates('1月12日上午8点半,市委副书记吴舜泽已经出现在村办。', 0, 30);
    expect(d).toMatchObject({ month: 1, day: 12, partOfDay: '上午', year: null });
    expect(formatDate(null, 1, 12)).toBe('--01-12');
    expect(formatDate(2022, 4, 1)).toBe('2022-04-01');
  });

  it('takes the year from the masthead or statements about the current year only', () => {
    expect(yearFromText('', '2022年4月')).toBe(2022);
    expect(yearFromText('2022年是党的二十大召开之年。2018年以来,街道推出议事制。', null)).toBe(2022);
    expect(yearFromText('2018年以来,街道推出议事制。2020年5月,业委会成立。', null)).toBeNull();
  });
});

describe('offices', () => {
  it('qualifies positions by the paper’s jurisdiction', () => {
    expect(officesOf(['市委书记'], { province: '浙江省', city: '金华市', county: '永康市' })).toEqual([
      '永康市委',
    ]);
    const kecheng = { province: '浙江省', city: '衢州市', county: '柯城区' };
    expect(officesOf(['区长'], kecheng)).toEqual(['柯城区人民政府']);
    expect(officesOf(['市委副书记', '政法委书记'], kecheng)).toEqual(['衢州市委', '衢州市委政法委员会']);
    expect(officesOf(['省经信厅党组书记', '厅长'], kecheng)).toEqual(['浙江省经济和信息化厅']);
    expect(officesOf(['区领导'], kecheng)).toEqual([]);
  });
});

describe('home', () => {
  it('reads the masthead', () => {
    expect(extractText('中共永康市委主办\n\n## 永康日报\n\n市委书记章旭升主持会议。', 'x.txt').home).toEqual({
      province: '浙江省',
      city: '金华市',
      county: '永康市',
    });
  });

  it('infers the county from 我区 and the names mentioned', () => {
    const text =
      '吴舜泽来柯城蹲点调研\n\n1月12日上午,吴舜泽到石梁镇白云村调研。他希望柯城在基层治理上积极破题,我区要抓好落实。';
    expect(extractText(text, 'x.txt').home).toEqual({ province: '浙江省', city: '衢州市', county: '柯城区' });
  });
});

describe('events', () => {
  const kecheng = { province: '浙江省', city: '衢州市', county: '柯城区' };

  it('builds the main event with date, kind, places and participants', () => {
    const text =
      '省经信厅领导来柯城开展活动\n\n本报讯(记者 严嘉慧)1月12日下午,省经信厅党组书记、厅长徐旭来我区走访慰问生活困难群众。副市长王良春,区领导朱素芳、柴志强参加。\n\n在航埠镇严村村,徐旭看望慰问了6户困难群众。';
    const ev = extractText(text, 'x.txt', { home: kecheng, date: '2022-01-13' }).articles[0]!.events[0]!;
    expect(ev).toMatchObject({
      kind: '走访慰问',
      date: '2022-01-12',
      partOfDay: '下午',
      places: ['航埠镇', '严村村'],
    });
    expect(ev.participants.map((p) => [p.name, p.role])).toEqual([
      ['徐旭', '走访慰问'],
      ['王良春', '参加'],
      ['朱素芳', '参加'],
      ['柴志强', '参加'],
    ]);
  });

  it('leaves referenced people out of the participants', () => {
    const text =
      '市委常委会召开扩大会议\n\n本报讯(融媒首席记者 陈晓苏) 4月1日下午,市委常委会召开扩大会议,传达学习习近平总书记重要讲话精神。\n\n市委书记章旭升主持会议。\n\n会议指出,习近平总书记在参加首都义务植树活动时强调,要推动生态文明建设。';
    const doc = extractText(text, 'x.txt', {
      home: { province: '浙江省', city: '金华市', county: '永康市' },
    });
    const ev = doc.articles[0]!.events[0]!;
    expect(ev.date).toBe('--04-01');
    expect(ev.participants.map((p) => [p.name, p.role])).toEqual([['章旭升', '主持']]);
    expect(doc.articles[0]!.people.map((p) => p.name).sort()).toEqual(['习近平', '章旭升'].sort());
  });

  it('takes people at the event from 会上/仪式上 sentences', () => {
    const text =
      '11月3日上午,在开化县芹阳办事处,实验区启用仪式举行。县领导毛献明参加。\n\n仪式上,乡伴文旅集团董事长朱胜萱发布品牌。';
    const ev = extractText(text, 'x.txt').articles[0]!.events[0]!;
    expect(ev.places).toEqual(['开化县', '芹阳办事处']);
    expect(ev.participants.map((p) => p.name)).toEqual(['毛献明', '朱胜萱']);
  });
});

describe('participants of a plenary: long lists, 担任, 就座, 列席', () => {
  const text = [
    '6月28日上午,县第十八届人民代表大会第三次会议开幕。',
    '本次会议执行主席由邱建国、梁红、彭立新、汤志远、韦丽萍、顾长海、潘国栋、蒋文秀担任。',
    '聂远航、卢家骏等县领导在主席台前排就座。',
    '副县长柳明达,县法院院长殷爱华列席会议。',
    '会议听取了县人民政府工作报告。',
  ].join('\n');
  const roles = () => {
    const doc = extractText(text, 'page.txt', {
      home: { province: '广西壮族自治区', city: '桂林市', county: '阳朔县' },
    });
    return Object.fromEntries(doc.articles[0]!.events[0]!.participants.map((p) => [p.name, p.role]));
  };

  it('every name of a list of eight takes the verb that ends it', () => {
    const r = roles();
    for (const n of ['邱建国', '梁红', '彭立新', '汤志远', '韦丽萍', '顾长海', '潘国栋', '蒋文秀'])
      expect(r[n]).toBe('担任');
  });

  it('就座 and 列席 make people present', () => {
    expect(roles()).toMatchObject({ 聂远航: '就座', 卢家骏: '就座', 柳明达: '列席', 殷爱华: '列席' });
  });
});

describe('participants: circumstances, speeches and oaths', () => {
  const roles = (text: string) => {
    const doc = extractText(text, 'page.txt', {
      home: { province: '云南省', city: '大理白族自治州', county: '宾川县' },
    });
    return Object.fromEntries(doc.articles[0]!.events[0]!.participants.map((p) => [p.name, p.role]));
  };

  it('a name in 在…的陪同下 accompanies', () => {
    expect(
      roles('3月9日,州政协调研组来到宾川县调研。\n在县政协主席杨文彬的陪同下,调研组先后来到金牛镇、州城镇。'),
    ).toMatchObject({ 杨文彬: '陪同' });
  });

  it('在座谈会上发言 and 进行了宪法宣誓 make people present; 领导下 does not', () => {
    const r = roles(
      '5月6日,县人大常委会召开座谈会。\n县人大常委会副主任何光荣在座谈会上发言。\n会上,县人民政府副县长马志宏进行了宪法宣誓。\n在县委书记王德明的领导下,全县工作有序推进。',
    );
    expect(r).toMatchObject({ 何光荣: '发言', 马志宏: '宣誓' });
    expect(r.王德明).toBeUndefined();
  });
});
