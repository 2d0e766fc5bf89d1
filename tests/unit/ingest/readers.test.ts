// The readers of ingest/source/: e-paper and saved news pages (charset, headline, date, page, URL, body
// without navigation), PDF pages (text by page, paragraphs rebuilt), and mostly valid UTF-8.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../ingest/extract/index.ts';
import { decodeBuffer } from '../../../ingest/source/encoding.ts';
import { dateFromPath, readHtml } from '../../../ingest/source/html.ts';
import { readPdf } from '../../../ingest/source/pdf.ts';
import { makePdf, PDF_PAGES } from '../../fixtures/make-pdf.ts';

const fixture = (p: string) => fs.readFileSync(path.resolve('tests/fixtures', p));

describe('e-paper and news pages', () => {
  it('reads a Founder item page: headline, body, page from the markup, date from the URL path', () => {
    const rel = 'html/2021-01/13/content_1001.htm';
    const read = readHtml(fixture(`epaper/${rel}`), rel);
    expect(read.encoding).toBe('UTF-8');
    expect(read.meta).toMatchObject({
      headline: '吴舜泽来柯城蹲点调研 基层治理“四平台”建设工作',
      date: '2021-01-13',
      page: '第02版',
      paper: '衢州日报',
    });
    expect(read.text.startsWith('# 吴舜泽来柯城蹲点调研')).toBe(true);
    expect(read.text).toContain('市委副书记、政法委书记吴舜泽');
    for (const furniture of ['上一版', '版权所有', 'npm:article-content'])
      expect(read.text).not.toContain(furniture);

    const doc = extractText(read.text, 'content_1001.htm', { date: read.meta.date });
    expect(doc.articles[0]!.headline).toBe(read.meta.headline);
    expect(doc.articles[0]!.people.map((p) => p.name)).toContain('吴舜泽');
    expect(doc.articles[0]!.events[0]!.date).toBe('2021-01-12');
  });

  it('decodes the charset the page declares (GB2312) and reads the enpproperty headline and date', () => {
    const read = readHtml(fixture('epaper/gb2312/content_1002.htm'), 'gb2312/content_1002.htm');
    expect(read.encoding).toBe('GB18030');
    expect(read.replaced).toBe(0);
    expect(read.meta).toMatchObject({ headline: '省经信厅领导来柯城开展“三服务”活动', date: '2021-01-13' });
    expect(read.text).toContain('省经信厅党组书记、厅长徐旭');
    expect(read.text).not.toContain('往期回顾');
  });

  it('finds the body of a saved news page with Readability, and its address and date', () => {
    const read = readHtml(fixture('news/xinxin-jiedao.html'), 'xinxin-jiedao.html');
    expect(read.meta).toMatchObject({
      date: '2021-01-13',
      paper: '衢州日报',
      url: 'https://www.qz.gov.cn.example/art/2021/1/13/art_1229_2021011300123.html',
    });
    expect(read.meta.headline).toBe('分级分类议事 “星级评优”激励 新新街道选优培强小区“领头雁”');
    expect(read.text).toContain('新新街道成立于上世纪九十年代');
    for (const clutter of ['相关新闻', '当前位置', '主办：衢州日报社'])
      expect(read.text).not.toContain(clutter);
  });

  it('reads GBK bytes without a declared charset', () => {
    const html =
      '<html><head><title>永康日报</title></head><body><h1>市委常委会召开会议</h1><p>4月1日下午,市委书记章旭升主持召开市委常委会会议。</p></body></html>';
    const gbk = readHtml(iconv.encode(html, 'gbk'), '20220402/a.html');
    expect(gbk.encoding).toBe('GB18030');
    expect(gbk.text).toContain('市委书记章旭升');
    expect(gbk.meta.date).toBe('2022-04-02');
  });

  it('takes the date from e-paper paths and file names', () => {
    expect(dateFromPath('html/2021-03/15/content_123456.htm')).toBe('2021-03-15');
    expect(dateFromPath('paper/202103/15/node_2.htm')).toBe('2021-03-15');
    expect(dateFromPath('20210315_page02.pdf')).toBe('2021-03-15');
    expect(dateFromPath('content_123456.htm')).toBeNull();
  });
});

describe('PDF pages', () => {
  it('gives the text page by page with headlines and paragraphs apart, ready for the page segmentation', async () => {
    const read = await readPdf(await makePdf(PDF_PAGES), 'page.pdf');
    const [first, second] = read.text.split('\f');
    expect(first).toContain(
      '吴舜泽来柯城蹲点调研 基层治理“四平台”建设工作\n\n本报讯(记者 陈蓉蓉)1月12日上午',
    );
    expect(second).toContain('省经信厅领导来柯城开展“三服务”活动\n\n本报讯(记者 严嘉慧)');
    const doc = extractText(read.text, 'page.pdf', { date: '2021-01-13' });
    expect(doc.articles.map((a) => a.headline)).toEqual([
      PDF_PAGES[0]![0]!.headline,
      PDF_PAGES[1]![0]!.headline,
    ]);
    expect(doc.articles[1]!.people.map((p) => p.name)).toContain('徐旭');
  });

  it('says so when a file is not a PDF', async () => {
    await expect(readPdf(Buffer.from('not a pdf at all'), 'broken.pdf')).rejects.toThrow(
      /broken\.pdf: not a readable PDF/,
    );
  });
});

describe('mostly valid UTF-8', () => {
  it('keeps the text, replaces the bad bytes and counts them', () => {
    const text = '本报讯 4月1日下午,市委书记章旭升主持召开市委常委会会议。'.repeat(20);
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, 100)),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(text.slice(100)),
    ]);
    const decoded = decodeBuffer(bytes, 'page.txt');
    expect(decoded.encoding).toBe('UTF-8');
    expect(decoded.replaced).toBe(2);
    expect(decoded.text).toBe(`${text.slice(0, 100)}\ufffd\ufffd${text.slice(100)}`);
  });

  it('still reads a GB18030 page as GB18030', () => {
    const text = '本报讯 4月1日下午,市委书记章旭升主持召开市委常委会会议。'.repeat(5);
    expect(decodeBuffer(iconv.encode(text, 'gb18030'), 'gb.txt')).toEqual({
      text,
      encoding: 'GB18030',
      replaced: 0,
    });
  });
});
