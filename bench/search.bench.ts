/**
 * Full-text search over an office's lifetime of reports: 5,000 synthetic reports of about 5,000
 * characters each (25 million characters), deterministic. Measures building the index, ~200
 * queries of the kinds clerks type (phrases taken from the texts, rare and very common words,
 * two-term queries, queries with library filters), and the autosave upsert of one report.
 * Goal: p95 query ≤ 50 ms. Collected by the bench runner; never part of the tests' pass/fail.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { emptyReport, paragraph, section, REPORT_KINDS, type Report, type Section } from '../src/shared/doc/model'
import { reportPassages } from '../src/shared/search/passages'
import { SearchIndex } from '../src/shared/search/searchIndex'
import type { SearchFacets, SearchFilter } from '../src/shared/search/types'
import { seededRandom as rng } from '../src/shared/random'
import { benchFlexSearch } from './flexsearch.bench'

const REPORTS = 5000
const CHARS_PER_REPORT = 5000


// Report vocabulary, most common first: picked with a skewed distribution so 工作 and 教育 are
// everywhere and 控辍保学 is not, as in real summaries.
const PHRASES = (
  '工作 教育 学校 开展 加强 推进 教师 学生 发展 建设 管理 质量 落实 提升 全面 进一步 积极 组织 完成 ' +
  '安全 课程 教学 服务 制度 活动 领导 重点 问题 措施 工作总结 教育教学 义务教育 教师培训 入园率 学区建设 ' +
  '校园安全 家校共育 立德树人 素质教育 课堂教学 教研活动 学前教育 职业教育 高中阶段 控辍保学 双减 ' +
  '课后服务 营养改善计划 校舍改造 薄弱学校 均衡发展 信息化建设 智慧校园 教师队伍 师德师风 绩效考核 ' +
  '资金投入 专项资金 办学条件 标准化建设 督导评估 巩固率 升学率 合格率 普及率 覆盖率 同比增长 ' +
  '比去年 上半年 下半年 全县 全镇 各中小学 局机关 党支部 主题教育 意识形态 安全生产 防溺水 ' +
  '食品安全 疫情防控 留守儿童 特殊教育 资助政策 贫困学生 乡村振兴 劳动教育 体育锻炼 艺术教育 ' +
  '心理健康 近视防控 读书活动 青年教师 骨干教师 名师工作室 集体备课 听评课 教学质量 质量监测 ' +
  '考试成绩 中考 高考 招生工作 学籍管理 档案管理 财务管理 后勤保障 基础设施 维修改造 ' +
  '存在的问题 下一步工作打算 主要做法 基本情况 取得的成效 努力方向 总结如下 有关情况'
).split(' ')

const COMMON_CHARS =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严'

const UNITS = ['城关镇中心校', '县第一中学', '县第二中学', '实验小学', '县教育局', '职教中心', '第三幼儿园', '教师发展中心', '西街小学', '东湖初级中学']
const TOP_TITLES = ['基本情况', '主要做法', '取得的成效', '存在的问题', '下一步工作打算']
const SUB_TITLES = ['加强组织领导', '狠抓教学质量', '强化队伍建设', '保障校园安全', '推进均衡发展', '完善制度建设', '深化课程改革', '做好后勤保障']

function pick<T>(next: () => number, items: ArrayLike<T>): T {
  return items[Math.floor(next() * items.length)]
}

/** Skewed toward the start of the list: the cube of a uniform number. */
function pickCommon<T>(next: () => number, items: readonly T[]): T {
  const u = next()
  return items[Math.floor(u * u * u * items.length)]
}

function sentence(next: () => number): string {
  const parts: string[] = []
  const tokens = 6 + Math.floor(next() * 8)
  for (let i = 0; i < tokens; i++) {
    const r = next()
    if (r < 0.55) parts.push(pickCommon(next, PHRASES))
    else if (r < 0.93) for (let k = 1 + Math.floor(next() * 3); k > 0; k--) parts.push(pick(next, COMMON_CHARS))
    else if (r < 0.97) parts.push(`${Math.floor(next() * 1000)}${pick(next, ['%', '万元', '所', '名', '人次', '平方米'])}`)
    else parts.push(pick(next, ['WPS', 'PPT', 'Excel', '２０２４年', 'ＱＱ群']))
    if (i < tokens - 1 && next() < 0.2) parts.push('，')
  }
  parts.push('。')
  return parts.join('')
}

/** Joined, not concatenated: a `+=` string is a rope of tiny pieces, far bigger than the text. */
function paragraphText(next: () => number, chars: number): string {
  const parts: string[] = []
  let length = 0
  while (length < chars) {
    const s = sentence(next)
    parts.push(s)
    length += s.length
  }
  return parts.join('')
}

export function syntheticArchive(count = REPORTS, charsPerReport = CHARS_PER_REPORT, seed = 20241122): { id: string; report: Report; facets: SearchFacets }[] {
  const next = rng(seed)
  const docs: { id: string; report: Report; facets: SearchFacets }[] = []
  for (let n = 0; n < count; n++) {
    const year = 2010 + Math.floor(next() * 16)
    const unit = pick(next, UNITS)
    const kind = pick(next, REPORT_KINDS)
    const report = emptyReport({ title: `${year}年${unit}${pick(next, ['', '上半年', '年度', '专项'])}工作总结`, kind, unit })
    report.preamble = [paragraph(`${paragraphText(next, 150)}现将有关情况总结如下：`)]
    // Twelve subsections of two paragraphs share what is left of the budget.
    const perPara = Math.floor((charsPerReport - 250) / 24)
    const tops: Section[] = []
    for (let t = 0; t < 4; t++) {
      const subs: Section[] = []
      for (let c = 0; c < 3; c++) {
        const runIn = next() < 0.3
        const blocks = [paragraph(paragraphText(next, perPara)), paragraph(paragraphText(next, perPara))]
        subs.push(runIn ? section(3, pick(next, SUB_TITLES), blocks, [], true) : section(2, pick(next, SUB_TITLES), blocks))
      }
      tops.push(section(1, TOP_TITLES[t], [], subs))
    }
    report.sections = tops
    report.signature = { unit, date: `${year}年${1 + Math.floor(next() * 12)}月${1 + Math.floor(next() * 28)}日` }
    docs.push({ id: `r${String(n).padStart(5, '0')}`, report, facets: { year, kind, status: next() < 0.7 ? 'final' : 'draft', unit } })
  }
  return docs
}

/** The query mix: phrases cut from the texts, very common words, rare strings, two terms, filters. */
function queries(docs: ReturnType<typeof syntheticArchive>, next: () => number): { q: string; filter?: SearchFilter }[] {
  const texts = docs.map((d) => reportPassages(d.report).map((p) => p.text))
  const phrase = (min: number, max: number): string => {
    for (;;) {
      const passages = pick(next, texts)
      const text = pick(next, passages)
      const len = min + Math.floor(next() * (max - min + 1))
      const at = Math.floor(next() * Math.max(1, text.length - len))
      const s = text.slice(at, at + len)
      if (s.length === len && !/[\s，。：、]/.test(s)) return s
    }
  }
  const out: { q: string; filter?: SearchFilter }[] = []
  for (let i = 0; i < 110; i++) out.push({ q: phrase(2, 6) })
  for (const w of ['工作', '教育', '学校', '开展', '加强', '推进', '教师', '发展', '建设', '管理', '的', '学', '工作总结', '教育教学', '义务教育', '教师培训', '入园率', '学区建设', '控辍保学', 'WPS', '2024年', '营养改善计划', '下一步工作打算', '名师工作室', '比去年']) out.push({ q: w })
  for (let i = 0; i < 25; i++) out.push({ q: phrase(6, 6) })
  for (let i = 0; i < 20; i++) out.push({ q: `${pickCommon(next, PHRASES)} ${phrase(2, 4)}` })
  const filters: SearchFilter[] = [{ year: 2024 }, { kind: 'annual' }, { unit: '县第一中学' }, { year: 2020, status: 'final' }, { kind: 'half-year', unit: '实验小学' }]
  for (let i = 0; i < 20; i++) out.push({ q: i % 2 ? pickCommon(next, PHRASES) : phrase(2, 4), filter: filters[i % filters.length] })
  return out
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`
}

/** A full GC before reading memory, so the figures are live data, not garbage not yet collected. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}

/**
 * The JS heap plus ArrayBuffers (the postings live in typed arrays, outside the heap proper).
 * Freed buffers are released off the main thread: collect, let that happen, collect again.
 */
export async function liveBytes(): Promise<number> {
  collectGarbage()
  await new Promise((resolve) => setTimeout(resolve, 100))
  collectGarbage()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

export async function benchSearch(): Promise<{ name: string; samples: number[]; goal?: string; note?: string }[]> {
  const docs = syntheticArchive()
  const chars = docs.reduce((sum, d) => sum + reportPassages(d.report).reduce((s, p) => s + p.text.length, 0), 0)
  const before = await liveBytes()

  const t0 = performance.now()
  const index = new SearchIndex()
  index.load(docs)
  const buildMs = performance.now() - t0
  const indexBytes = (await liveBytes()) - before
  const mem = process.memoryUsage()
  const stats = index.stats()

  const next = rng(7)
  const mix = queries(docs, next)
  for (const { q, filter } of mix.slice(0, 10)) index.search(q, { filter, limit: 50 }) // warm-up
  const querySamples: number[] = []
  let totalHits = 0
  for (const { q, filter } of mix) {
    const t = performance.now()
    totalHits += index.query(q, { filter, limit: 50 }).total
    querySamples.push(performance.now() - t)
  }
  const worst = mix.map((m, i) => ({ ...m, ms: querySamples[i] })).sort((a, b) => b.ms - a.ms)[0]
  // Beside ours, on the same reports and queries, before the edits below change the index (BENCH_FLEX=0 to leave it out).
  const flex = process.env.BENCH_FLEX === '0' ? [] : await benchFlexSearch(docs, mix, index)

  // Autosave: the same report with one paragraph edited, and a report whose every word changed.
  const editSamples: number[] = []
  const rewriteSamples: number[] = []
  for (let i = 0; i < 20; i++) {
    const d = docs[(i * 97) % docs.length]
    const edited: Report = structuredClone(d.report)
    edited.sections[1].children[0].blocks[0] = paragraph(`第${i}次修改：${paragraphText(next, 200)}`)
    let t = performance.now()
    index.upsert(d.id, edited, d.facets)
    editSamples.push(performance.now() - t)
    const other = docs[(i * 131 + 7) % docs.length].report
    t = performance.now()
    index.upsert(d.id, other, d.facets)
    rewriteSamples.push(performance.now() - t)
  }

  // What an update costs once in a long while: folding the updates above into the compact base.
  const tc = performance.now()
  index.compact()
  const compactMs = performance.now() - tc

  const n = docs.length
  return [
    ...flex,
    {
      name: `search index build, ${n} reports × ~${Math.round(chars / n)} chars (ms)`,
      samples: [buildMs],
      note: `${(chars / 1e6).toFixed(1)}M chars; ${stats.passages} passages, ${stats.keys} keys, ${(stats.postings / 1e6).toFixed(1)}M postings; index ${mb(indexBytes)}; process rss ${mb(mem.rss)} with the reports in memory too, peak ${mb(process.resourceUsage().maxRSS * 1024)}`
    },
    {
      name: `search query over ${n} reports, limit 50 (ms)`,
      samples: querySamples,
      goal: '≤ 50 ms',
      note: `${mix.length} queries, ${Math.round(totalHits / mix.length)} matching reports on average; slowest: ${worst.q}${worst.filter ? ' (filtered)' : ''} ${worst.ms.toFixed(1)} ms`
    },
    { name: 'search upsert, one paragraph edited (ms)', samples: editSamples },
    { name: 'search upsert, whole report rewritten (ms)', samples: rewriteSamples },
    {
      name: 'search compact (updates folded into the base) (ms)',
      samples: [compactMs],
      note: 'runs by itself once updates reach a quarter of the index, about every 1,200 rewritten reports at this size'
    }
  ]
}
