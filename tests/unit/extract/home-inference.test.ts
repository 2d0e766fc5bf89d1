// Home jurisdiction (issue 10 §3): from the masthead, 我县/我市/我旗 and the most mentioned county, a
// folder manifest or the file path; never from a word inside an ordinary phrase (乡村振兴 is no 振兴区,
// 主席台前 no 台前县, 党和政府 no 和政县, 公安局 no 公安县), nor from a visiting delegation's county.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFiles, extractText } from '../../../ingest/extract/index.ts';

const home = (text: string) => extractText(text, 'x.txt').home;

describe('home jurisdiction', () => {
  it('no county from a short form inside an ordinary phrase', () => {
    expect(home('会议审议了区政府关于落实乡村振兴战略的报告。')).toEqual({});
    expect(home('县领导王华、李明在主席台前排就座。')).toEqual({});
    expect(home('感谢党和政府的关怀,把党和政府的温暖送到群众心坎上。')).toEqual({});
    expect(home('副县长、县公安局局长张强,公安局政委庞强陪同检查。')).toEqual({});
    expect(home('人大工作座谈会召开。(南海生/摄)')).toEqual({});
  });

  it('the county of a visiting delegation is not home', () => {
    const text =
      '5月14日,河北省深泽县县委书记王德庆率党政领导70余人来我县考察工业、文化、旅游等建设发展情况。';
    expect(home(text).county).not.toBe('深泽县');
  });

  it('我旗 and the towns named give the banner', () => {
    const text = '5月10日,旗人大常委会副主任宝龙先后到坤都镇、巴彦花镇、绍根镇调研。我旗将持续推进牧区振兴。';
    expect(home(text)).toEqual({ province: '内蒙古自治区', city: '赤峰市', county: '阿鲁科尔沁旗' });
  });

  it('a page that only names its province gets the province', () => {
    const text =
      '会议表决通过了《黑龙江省人大常委会关于接受辞职的决定》,黑龙江省人民政府有关负责人列席会议。';
    expect(home(text)).toEqual({ province: '黑龙江省' });
  });

  it('a folder named after the paper or the county gives home when there is no manifest', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cadre-home-'));
    const dir = path.join(root, '潢川县', '2023');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'a.txt'), '7月28日上午,县长李明深入我镇检查指导防汛工作。');
    const out = await extractFiles([root]);
    expect(out.documents[0]!.home).toEqual({ province: '河南省', city: '信阳市', county: '潢川县' });
  });
});
