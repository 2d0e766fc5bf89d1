// The event day of an item (issue 10 §3): ranges take their first day (3月8、9日, 5月10日至12日,
// 7月31日至8月1日), 号 for 日, a bare day (23日) takes its month from the dateline, 昨天/昨日 count back
// from the dateline or the publication date; a dateline (7月24日讯, 4月16日电), a calendar line
// (北京时间…(农历…)) and an announced future day (将于3月25日) are not the event day; no month → null.
import { describe, expect, it } from 'vitest';
import { extractText, type ExtractMeta } from '../../../ingest/extract/index.ts';

const HOME = { province: '湖南省', city: '常德市', county: '澧县' };
const day = (text: string, meta: ExtractMeta = {}) =>
  extractText(text, 'x.txt', { home: HOME, ...meta }).articles[0]!.events[0]?.date ?? null;

describe('event dates', () => {
  it('a range takes its first day', () => {
    expect(day('3月8、9日,县政协组织委员视察民生实事项目。')).toBe('--03-08');
    expect(day('5月10日至12日,县人大常委会副主任王华先后到梦溪镇、盐井镇调研。')).toBe('--05-10');
    expect(day('7月31日至8月1日,省政协调研组一行到我县调研。')).toBe('--07-31');
  });

  it('reads 号 as 日 and spaces inside the date', () => {
    expect(day('7月9号晚上,县委书记深入垸区一线督战防汛。')).toBe('--07-09');
    expect(day('2月 2日,县委常委、组织部长刘剑深入乡镇看望困难群众。')).toBe('--02-02');
  });

  it('a bare day takes the month of the dateline, and the dateline is not the event day', () => {
    expect(day('本网7月24日讯(周晓) 23日,市人大常委会召开第十三次会议。')).toBe('--07-23');
    expect(day('新华网伊宁4月16日电(记者 李明)16日,霍城县召开第一次人民代表大会。')).toBe('--04-16');
    expect(day('本网7月24日讯 市人大常委会召开第十三次会议,审议了有关报告。')).toBeNull();
  });

  it('昨天/昨日 counts back from the dateline or the publication date', () => {
    expect(day('中国网3月16日讯(通讯员 路雨)昨日上午,市委常委王立到海州区调研。')).toBe('--03-15');
    expect(day('本报讯 昨天下午,县人大常委会召开第二十四次会议。', { date: '2022-03-01' })).toBe(
      '2022-02-28',
    );
  });

  it('昨天 without a dateline or publication date, and a day without a month, stay null', () => {
    expect(day('本报讯 昨天下午,县人大常委会召开第二十四次会议。会议决定于3月25日召开大会。')).toBeNull();
    expect(day('本报讯 昨天(22日),县人大常委会召开会议。')).toBeNull();
    expect(day('13日,县人大常委会召开第二十七次会议。')).toBeNull();
  });

  it('an announced day (将于…) and a calendar line are not the event day', () => {
    expect(day('自治区人大会议将于1月19日上午在乌鲁木齐市开幕。1月18日上午,代表团召开全体会议。')).toBe(
      '--01-18',
    );
    expect(
      day(
        '北京时间2022年8月7日(农历2022年7月10日),星期日,县人大常委会决定任命张勇同志。\n8月3日下午,县十三届人大常委会第四次会议召开。',
      ),
    ).toBe('2022-08-03');
  });

  it('a first line that opens with a date is body, not a headline', () => {
    const text =
      '县人大会议举行第三次全体会议\n4月28日下午,县十六届人大二次会议举行第三次全体会议.\n县领导王华出席会议。';
    expect(day(text)).toBe('--04-28');
  });
});
