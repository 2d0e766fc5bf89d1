// Personnel decisions (issue 10 §4): the four actions in each frame, a coordinated object that
// inherits the verb, one entry per person and position, 代理 kept with the position, one decision
// written twice merged, office and date, evidence offsets; negatives: careers (先后担任), 主任 and
// 担任, 当选证书, 任命书, a list of names without a decision. Sentences are new, in the style of
// county people's-congress reports, not copied from the scored items.
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../ingest/extract/index.ts';
import type { Appointment } from '../../../ingest/extract/types.ts';

const HOME = { province: '湖北省', city: '襄阳市', county: '谷城县' };

function decisions(text: string): [string, string, string][] {
  const doc = extractText(text, 'page.txt', { home: HOME, date: '2023-06-20' });
  return doc.articles.flatMap((a) =>
    (a.appointments ?? []).map((x): [string, string, string] => [x.name, x.action, x.position]),
  );
}

function first(text: string): {
  article: ReturnType<typeof extractText>['articles'][number];
  a: Appointment;
} {
  const doc = extractText(text, 'page.txt', { home: HOME, date: '2023-06-20' });
  const article = doc.articles[0]!;
  return { article, a: article.appointments![0]! };
}

describe('appointments: the four actions', () => {
  it('任命A为X (one entry per position, 代理 kept)', () => {
    expect(decisions('6月19日,县人大常委会召开会议,任命刘德明同志为县人民政府副县长、代理县长。')).toEqual([
      ['刘德明', 'appoint', '县人民政府副县长'],
      ['刘德明', 'appoint', '代理县长'],
    ]);
  });

  it('免去A(的)X职务, 免除A同志X一职, with a compound surname and a dotted name', () => {
    expect(decisions('会议决定免去欧阳春华的县人民政府副县长职务。')).toEqual([
      ['欧阳春华', 'remove', '县人民政府副县长'],
    ]);
    expect(decisions('会议免除周立新同志县水利局局长一职。')).toEqual([['周立新', 'remove', '县水利局局长']]);
    expect(decisions('决定免去买买提·吐尔逊的县人民政府副县长职务。')).toEqual([
      ['买买提·吐尔逊', 'remove', '县人民政府副县长'],
    ]);
  });

  it('A辞去X职务, a list of resignations, and 、 between two level prefixes kept whole', () => {
    expect(decisions('会议决定接受高建军同志辞去县人民政府县长职务的请求。')).toEqual([
      ['高建军', 'resign', '县人民政府县长'],
    ]);
    expect(decisions('会议接受孙海、陈丽辞去县第十八届人大代表职务。')).toEqual([
      ['孙海', 'resign', '县第十八届人大代表'],
      ['陈丽', 'resign', '县第十八届人大代表'],
    ]);
    expect(decisions('决定接受李国庆辞去市、县人大代表职务的请求。')).toEqual([
      ['李国庆', 'resign', '市、县人大代表'],
    ]);
  });

  it('A当选为X, 选举A为X, 推选A为X, and 分别当选 distributed in order', () => {
    expect(decisions('田志高当选为县人大常委会主任,贺兰、彭友军当选为县人大常委会副主任。')).toEqual([
      ['田志高', 'elect', '县人大常委会主任'],
      ['贺兰', 'elect', '县人大常委会副主任'],
      ['彭友军', 'elect', '县人大常委会副主任'],
    ]);
    expect(decisions('大会以无记名投票方式选举邹明为县监察委员会主任。')).toEqual([
      ['邹明', 'elect', '县监察委员会主任'],
    ]);
    expect(decisions('吴刚、黄晓燕分别当选为镇人大主席和副主席。')).toEqual([
      ['吴刚', 'elect', '镇人大主席'],
      ['黄晓燕', 'elect', '副主席'],
    ]);
  });

  it('given names with characters that elsewhere begin a word, where the list closes them', () => {
    // 有, 科 are no given-name characters in running text (王科学习); a list item before 当选 is closed
    expect(decisions('付有才、王科当选为县人民政府副县长。')).toEqual([
      ['付有才', 'elect', '县人民政府副县长'],
      ['王科', 'elect', '县人民政府副县长'],
    ]);
  });

  it('a bare 当选 takes the position of the 当选为 before it', () => {
    expect(
      decisions('120人当选为市第十七届人民代表大会代表。上级提名的代表候选人张立、何平同志当选。'),
    ).toEqual([
      ['张立', 'elect', '市第十七届人民代表大会代表'],
      ['何平', 'elect', '市第十七届人民代表大会代表'],
    ]);
  });
});

describe('appointments: coordination and repetition', () => {
  it('a coordinated object without a verb of its own inherits it, also after ;', () => {
    expect(
      decisions(
        '会议决定任命马骏、谢涛为县人民政府副县长,赵兰为县人民政府秘书长;免去钱勇县人民政府秘书长职务。',
      ),
    ).toEqual([
      ['马骏', 'appoint', '县人民政府副县长'],
      ['谢涛', 'appoint', '县人民政府副县长'],
      ['赵兰', 'appoint', '县人民政府秘书长'],
      ['钱勇', 'remove', '县人民政府秘书长'],
    ]);
    expect(
      decisions('会议推选县委书记黄建为代表团团长;县委副书记、县长林华,县人大常委会主任沈宏为代表团副团长。'),
    ).toEqual([
      ['黄建', 'elect', '代表团团长'],
      ['林华', 'elect', '代表团副团长'],
      ['沈宏', 'elect', '代表团副团长'],
    ]);
  });

  it('names with 等N人, a title after the name, and X任Y', () => {
    expect(decisions('会议任命宋佳、罗敏等12人为县人民法院审判员。')).toEqual([
      ['宋佳', 'appoint', '县人民法院审判员'],
      ['罗敏', 'appoint', '县人民法院审判员'],
    ]);
    expect(decisions('会议决定,曹文斌任县人民政府副县长。')).toEqual([
      ['曹文斌', 'appoint', '县人民政府副县长'],
    ]);
    expect(decisions('会议决定马立副县长代理县人民政府县长职务。')).toEqual([
      ['马立', 'appoint', '代理县人民政府县长'],
    ]);
  });

  it('one decision in the headline and the body, or restated by 代理…职务, is one entry (the body form)', () => {
    const text = [
      '何志远任谷城县代理县长',
      '6月19日,县人大常委会召开会议,任命何志远为县人民政府副县长、代理县长。',
      '县人民政府副县长何志远代理县人民政府县长职务。',
    ].join('\n');
    // in order of first mention: the headline's 代理县长 comes first
    expect(decisions(text)).toEqual([
      ['何志远', 'appoint', '代理县长'],
      ['何志远', 'appoint', '县人民政府副县长'],
    ]);
  });
});

describe('appointments: contract fields', () => {
  it('office qualified by the home, the main event day, evidence with source offsets', () => {
    const text = '6月19日,县人大常委会召开会议。\n会议任命刘德明为县人民政府副县长。';
    const { article, a } = first(text);
    expect(a).toMatchObject({
      name: '刘德明',
      action: 'appoint',
      position: '县人民政府副县长',
      office: '谷城县人民政府',
      date: '2023-06-19',
    });
    const ev = a.evidence[0]!;
    expect(text.slice(ev.start, ev.end)).toBe(ev.sentence);
    expect(ev.sentence).toBe('会议任命刘德明为县人民政府副县长。');
    // the appointee is a person of the item holding the position
    const person = article.people.find((p) => p.name === '刘德明')!;
    expect(person.positions).toEqual(['县人民政府副县长']);
    expect(person.official).toBe(true);
  });

  it('every article carries the array, empty when it reports no decision', () => {
    const doc = extractText('5月8日,县长王立新到城关镇调研。', 'page.txt', { home: HOME });
    expect(doc.articles[0]!.appointments).toEqual([]);
  });
});

describe('appointments: what is none', () => {
  it('careers, 担任 and 主任, 当选证书 and 任命书, 任务', () => {
    expect(decisions('李明先后担任县委副书记、县长,现任县委书记。')).toEqual([]);
    expect(decisions('担任本次大会执行主席的是:韩冰、秦岭。')).toEqual([]);
    expect(decisions('县人大常委会主任张平为新任命人员颁发任命书。')).toEqual([]);
    expect(decisions('镇人大主席吴刚向黄晓燕颁发当选证书。')).toEqual([]);
    expect(decisions('会议决定2023年7月召开县十九届人大二次会议,部署全年任务。')).toEqual([]);
    expect(decisions('县委书记王平为获奖代表颁奖。')).toEqual([]);
  });

  it('a verb without a name or a position reads nothing', () => {
    expect(decisions('会议选举产生了新一届县人大常委会领导班子。')).toEqual([]);
    expect(decisions('会议审议通过了有关人事任免事项。')).toEqual([]);
  });
});
