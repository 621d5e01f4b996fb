import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emptyReport, paragraph, section, type Report } from '../doc/model'
import { foldText } from './normalize'
import { SearchIndex } from './searchIndex'
import type { SearchFacets, SearchHit } from './types'

const FACETS: SearchFacets = { year: 2024, kind: 'annual', status: 'draft', unit: '城关镇中心校' }

function facets(partial: Partial<SearchFacets> = {}): SearchFacets {
  return { ...FACETS, ...partial }
}

/** A one-paragraph report under 一、 主要做法. */
function simple(title: string, text: string): Report {
  const r = emptyReport({ title })
  r.sections = [section(1, '主要做法', [paragraph(text)])]
  return r
}

/** Every highlight covers text that folds to one of the terms. */
function expectHighlightsOn(hit: SearchHit, terms: string[]): void {
  expect(hit.highlights.length).toBeGreaterThan(0)
  for (const [s, e] of hit.highlights) expect(terms.map(foldText)).toContain(foldText(hit.snippet.slice(s, e)))
}

describe('phrases, not scattered characters', () => {
  it('finds 教师培训 only where it is contiguous', () => {
    const index = new SearchIndex()
    index.upsert('apart', simple('甲', '今年教师参加了各类培训三百余人次。'), FACETS)
    index.upsert('apart2', simple('乙', '加强教师队伍建设，开展岗位培训。'), FACETS)
    index.upsert('phrase', simple('丙', '全年组织教师培训12期。'), FACETS)
    expect(index.search('教师培训').map((h) => h.docId)).toEqual(['phrase'])
  })

  it('matches across a run boundary inside a paragraph but not across paragraphs', () => {
    const index = new SearchIndex()
    const runs = emptyReport({ title: '甲' })
    runs.sections = [section(1, '主要做法', [{ type: 'paragraph', runs: [{ text: '组织教师' }, { text: '培训', bold: true }, { text: '十二期。' }] }])]
    index.upsert('runs', runs, FACETS)
    const paras = emptyReport({ title: '乙' })
    paras.sections = [section(1, '主要做法', [paragraph('组织教师'), paragraph('培训十二期。')])]
    index.upsert('paras', paras, FACETS)
    const hits = index.search('教师培训')
    expect(hits.map((h) => h.docId)).toEqual(['runs'])
    expectHighlightsOn(hits[0], ['教师培训'])
  })

  it('a one-character query works', () => {
    const index = new SearchIndex()
    index.upsert('a', simple('甲', '校园安全无事故。'), FACETS)
    index.upsert('b', simple('乙', '课程改革稳步推进。'), FACETS)
    const hits = index.search('安')
    expect(hits.map((h) => h.docId)).toEqual(['a'])
    expect(hits[0].snippet.slice(...hits[0].highlights[0])).toBe('安')
  })

  it('an empty or blank query finds nothing and does not throw', () => {
    const index = new SearchIndex()
    index.upsert('a', simple('甲', '工作开展顺利。'), FACETS)
    for (const q of ['', ' ', '\u3000\u3000', '\n\t ']) expect(index.search(q)).toEqual([])
    expect(index.search('不存在的短语')).toEqual([])
  })
})

describe('section paths and snippets', () => {
  it('gives the computed markers and titles of the passage', () => {
    const r = emptyReport({ title: '2024年教育工作总结' })
    r.preamble = [paragraph('现将有关情况总结如下：')]
    r.sections = [
      section(1, '基本情况', [paragraph('全县共有学校52所。')]),
      section(1, '主要做法', [], [
        section(2, '加强领导', [paragraph('成立了领导小组。')]),
        section(2, '狠抓落实', [], [section(3, '科学管理，质量提升明显', [paragraph('全年组织教师培训12期。')], [], true)])
      ])
    ]
    const index = new SearchIndex()
    index.upsert('r', r, FACETS)
    expect(index.search('教师培训')[0].path).toEqual(['二、主要做法', '（二）狠抓落实', '1.科学管理，质量提升明显'])
    expect(index.search('领导小组')[0].path).toEqual(['二、主要做法', '（一）加强领导'])
    expect(index.search('总结如下')[0].path).toEqual([])
    expect(index.search('教育工作总结')[0].path).toEqual([])
  })

  it('centres a short snippet on the match with … at the cut ends', () => {
    const before = '这是前面的铺垫文字'.repeat(10)
    const after = '这是后面的补充说明'.repeat(10)
    const index = new SearchIndex()
    index.upsert('r', simple('甲', `${before}义务教育均衡发展${after}`), FACETS)
    const [hit] = index.search('均衡发展')
    expect(hit.snippet.startsWith('…')).toBe(true)
    expect(hit.snippet.endsWith('…')).toBe(true)
    expect(hit.snippet.length).toBeGreaterThanOrEqual(60)
    expect(hit.snippet.length).toBeLessThanOrEqual(80)
    const [s, e] = hit.highlights[0]
    expect(hit.snippet.slice(s, e)).toBe('均衡发展')
    // Roughly centred.
    expect(Math.abs(s - (hit.snippet.length - e))).toBeLessThanOrEqual(4)
  })

  it('leaves the heading out of the snippet when the match is in the body, and keeps it when the match is in it', () => {
    const r = emptyReport({ title: '甲' })
    r.sections = [section(1, '主要做法', [paragraph('开展教师培训。')]), section(1, '教师培训', [paragraph('成效明显。')], [], true)]
    const index = new SearchIndex()
    index.upsert('r', r, FACETS)
    expect(index.search('开展')[0].snippet).toBe('开展教师培训。')
    const [hit] = index.search('成效明显')
    expect(hit.path).toEqual(['二、教师培训'])
    expect(hit.snippet).toBe('成效明显。')
    expect(index.search('主要做法')[0].snippet).toBe('主要做法 开展教师培训。')
  })

  it('highlights every occurrence of every term in the snippet', () => {
    const index = new SearchIndex()
    index.upsert('r', simple('甲', '学区建设稳步推进，学区建设经费到位，入园率达93%。'), FACETS)
    const [hit] = index.search('学区建设 入园率')
    expect(hit.highlights).toHaveLength(3)
    expectHighlightsOn(hit, ['学区建设', '入园率'])
  })

  it('prefers the passage holding all the terms for the snippet', () => {
    const r = emptyReport({ title: '甲' })
    r.sections = [section(1, '基本情况', [paragraph('学区建设开局良好。')]), section(1, '主要做法', [paragraph('学区建设与控辍保学同步推进。')])]
    const index = new SearchIndex()
    index.upsert('r', r, FACETS)
    expect(index.search('学区建设 控辍保学')[0].path).toEqual(['二、主要做法'])
  })
})

describe('ranking and AND', () => {
  it('needs every term in the same report', () => {
    const index = new SearchIndex()
    index.upsert('both', simple('甲', '学区建设和教师培训并重。'), FACETS)
    index.upsert('one', simple('乙', '学区建设成效明显。'), FACETS)
    expect(index.search('学区建设 教师培训').map((h) => h.docId)).toEqual(['both'])
    expect(index.query('学区建设').total).toBe(2)
  })

  it('ranks a title match first, then more passages with the term', () => {
    const index = new SearchIndex()
    index.upsert('once', simple('一篇总结', '开展教师培训。'), FACETS)
    const thrice = emptyReport({ title: '二篇总结' })
    thrice.preamble = [paragraph('教师培训是重点。')]
    thrice.sections = [section(1, '基本情况', [paragraph('完成教师培训。')]), section(1, '主要做法', [paragraph('创新教师培训。')])]
    index.upsert('thrice', thrice, FACETS)
    index.upsert('title', simple('教师培训专项总结', '其他内容。'), FACETS)
    expect(index.search('教师培训').map((h) => h.docId)).toEqual(['title', 'thrice', 'once'])
  })

  it('respects the limit and reports the total', () => {
    const index = new SearchIndex()
    for (let i = 0; i < 30; i++) index.upsert(`d${i}`, simple(`总结${i}`, '工作顺利。'), FACETS)
    const r = index.query('工作', { limit: 5 })
    expect(r.hits).toHaveLength(5)
    expect(r.total).toBe(30)
  })
})

describe('library filters', () => {
  const index = new SearchIndex()
  index.upsert('a', simple('甲', '教师培训。'), facets({ year: 2023, kind: 'annual', status: 'final', unit: '一中' }))
  index.upsert('b', simple('乙', '教师培训。'), facets({ year: 2024, kind: 'half-year', status: 'draft', unit: '一中' }))
  index.upsert('c', simple('丙', '教师培训。'), facets({ year: 2024, kind: 'annual', status: 'final', unit: '二中' }))
  index.upsert('d', simple('丁', '教师培训。'), facets({ year: null, kind: 'annual', status: 'draft', unit: '二中' }))
  const ids = (filter: object): string[] => index.search('教师培训', { filter }).map((h) => h.docId).sort()

  it('filters by year, kind, status and unit, together', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd'])
    expect(ids({ year: 2024 })).toEqual(['b', 'c'])
    expect(ids({ kind: 'annual' })).toEqual(['a', 'c', 'd'])
    expect(ids({ status: 'final' })).toEqual(['a', 'c'])
    expect(ids({ unit: '二中' })).toEqual(['c', 'd'])
    expect(ids({ year: 2024, kind: 'annual', unit: '二中' })).toEqual(['c'])
    expect(ids({ kind: '' })).toEqual(['a', 'b', 'c', 'd'])
  })
})

describe('updates', () => {
  it('upsert replaces the old text', () => {
    const index = new SearchIndex()
    index.upsert('r', simple('甲', '开展教师培训。'), FACETS)
    index.upsert('r', simple('甲', '推进学区建设。'), FACETS)
    expect(index.search('教师培训')).toEqual([])
    expect(index.search('学区建设').map((h) => h.docId)).toEqual(['r'])
    expect(index.size).toBe(1)
  })

  it('upsert keeps unchanged passages and updates facets and paths', () => {
    const r = emptyReport({ title: '甲' })
    r.sections = [section(1, '基本情况', [paragraph('入园率达93%。')]), section(1, '主要做法', [paragraph('开展教师培训。')])]
    const index = new SearchIndex()
    index.upsert('r', r, FACETS)
    const moved: Report = { ...r, sections: [r.sections[1], r.sections[0]] }
    index.upsert('r', moved, facets({ year: 2025 }))
    expect(index.search('入园率')[0].path).toEqual(['二、基本情况'])
    expect(index.search('入园率', { filter: { year: 2024 } })).toEqual([])
    expect(index.search('入园率', { filter: { year: 2025 } })).toHaveLength(1)
  })

  it('a passage pasted twice is dropped twice', () => {
    const index = new SearchIndex()
    index.upsert('r', simple('甲', '重复段落。'), FACETS)
    const twice = emptyReport({ title: '甲' })
    twice.sections = [section(1, '主要做法', [paragraph('重复段落。')]), section(1, '主要做法', [paragraph('重复段落。')])]
    index.upsert('r', twice, FACETS)
    index.upsert('r', simple('甲', '新的内容。'), FACETS)
    expect(index.search('重复段落')).toEqual([])
  })

  it('remove takes a report out', () => {
    const index = new SearchIndex()
    index.upsert('a', simple('甲', '教师培训。'), FACETS)
    index.upsert('b', simple('乙', '教师培训。'), FACETS)
    index.remove('a')
    index.remove('nope')
    expect(index.search('教师培训').map((h) => h.docId)).toEqual(['b'])
    expect(index.has('a')).toBe(false)
  })

  it('many edits sweep dead postings without losing live ones', () => {
    const index = new SearchIndex({ mergeAfter: 10 })
    const long = '推进义务教育均衡发展，'.repeat(40)
    index.upsert('keep', simple('甲', `${long}保留短语。`), FACETS)
    for (let i = 0; i < 60; i++) index.upsert('edit', simple('乙', `${long}第${i}版。`), FACETS)
    expect(index.stats().deadPostings).toBeLessThanOrEqual(index.stats().postings / 4)
    expect(index.search('保留短语').map((h) => h.docId)).toEqual(['keep'])
    expect(index.search('第59版').map((h) => h.docId)).toEqual(['edit'])
    expect(index.search('第58版')).toEqual([])
    expect(index.search('均衡发展')).toHaveLength(2)
  })
})

describe('folding', () => {
  it('full-width and half-width ASCII, and case, match each other', () => {
    const index = new SearchIndex()
    index.upsert('wide', simple('甲', '推广ＷＰＳ办公软件，２０２４年完成。'), FACETS)
    index.upsert('narrow', simple('乙', '推广wps办公软件，2024年完成。'), FACETS)
    for (const q of ['WPS', 'ＷＰＳ', 'wps', '2024年', '２０２４']) expect(index.search(q).map((h) => h.docId).sort()).toEqual(['narrow', 'wide'])
    const wide = index.search('wps').find((h) => h.docId === 'wide')!
    expect(wide.snippet.slice(...wide.highlights[0])).toBe('ＷＰＳ')
  })

  it('Latin words and numbers match from their start', () => {
    const index = new SearchIndex()
    index.upsert('r', simple('甲', '使用WPS软件，经费12024元。'), FACETS)
    expect(index.search('ps')).toEqual([])
    expect(index.search('2024')).toEqual([])
    expect(index.search('WP')).toHaveLength(1)
    expect(index.search('12024')).toHaveLength(1)
  })
})

describe('persistence', () => {
  it('a snapshot, saved and loaded (structured clone, as IndexedDB stores it), gives identical results', () => {
    const index = new SearchIndex()
    index.upsert('a', simple('教师培训总结', '开展教师培训，入园率达93%。'), facets({ year: 2023 }))
    index.upsert('b', simple('乙', '学区建设、教师培训两手抓。'), FACETS)
    index.upsert('c', simple('丙', '旧内容'), FACETS)
    index.upsert('c', simple('丙', '教师培训新内容'), facets({ kind: 'special' }))
    index.upsert('d', simple('丁', '教师培训'), FACETS)
    index.remove('d')
    const copy = SearchIndex.fromSnapshot(structuredClone(index.toSnapshot()))
    for (const q of ['教师培训', '培', '学区建设 教师培训', '入园率', '旧内容', '93%']) {
      expect(copy.query(q)).toEqual(index.query(q))
      expect(copy.query(q, { filter: { kind: 'special' } })).toEqual(index.query(q, { filter: { kind: 'special' } }))
    }
  })
})

describe('property: any substring of a report finds that report', () => {
  const CHARS = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严'
  // A small alphabet on purpose: repeated bigrams are what could trip the postings.
  const small = fc.string({ unit: fc.constantFrom(...CHARS.slice(0, 12).split('')), minLength: 1, maxLength: 120 })
  const wide = fc.string({ unit: fc.constantFrom(...CHARS.split('')), minLength: 1, maxLength: 300 })

  for (const [name, text] of [['small alphabet', small], ['common characters', wide]] as const) {
    it(name, () => {
      fc.assert(
        fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 8 }), (texts, pick, from, len) => {
          const index = new SearchIndex()
          texts.forEach((t, i) => index.upsert(`d${i}`, { ...emptyReport(), preamble: [paragraph(t)] }, FACETS))
          const target = pick % texts.length
          const text = texts[target]
          const start = from % text.length
          const query = text.slice(start, start + len)
          const hits = index.search(query, { limit: texts.length })
          const hit = hits.find((h) => h.docId === `d${target}`)
          expect(hit).toBeDefined()
          expect(hit!.highlights.length).toBeGreaterThan(0)
          for (const [s, e] of hit!.highlights) expect(hit!.snippet.slice(s, e)).toBe(query)
          // Every report found really contains the phrase.
          for (const h of hits) expect(texts[Number(h.docId.slice(1))]).toContain(query)
        }),
        { numRuns: 300 }
      )
    })
  }
})

describe('property: updates and merges agree with a plain scan', () => {
  const ALPHABET = '教师培训学区建设工作'.split('')
  const text = fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 0, maxLength: 40 })
  const op = fc.oneof(
    fc.record({ kind: fc.constant('upsert' as const), doc: fc.nat(5), texts: fc.array(text, { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('remove' as const), doc: fc.nat(5) })
  )

  it('finds exactly the reports whose text holds the phrase, through bulk load, upserts, removes and merges', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { maxLength: 3 }), { maxLength: 4 }), fc.array(op, { maxLength: 25 }), fc.array(text, { minLength: 1, maxLength: 5 }), (initial, ops, queries) => {
        const model = new Map<string, string[]>()
        const index = new SearchIndex({ mergeAfter: 8 })
        const report = (texts: string[]): Report => {
          const r = emptyReport()
          r.sections = texts.map((t) => section(1, '', [paragraph(t)]))
          return r
        }
        index.load(initial.map((texts, i) => ({ id: `d${i}`, report: report(texts), facets: FACETS })))
        initial.forEach((texts, i) => model.set(`d${i}`, texts))
        for (const o of ops) {
          const id = `d${o.doc}`
          if (o.kind === 'upsert') {
            index.upsert(id, report(o.texts), FACETS)
            model.set(id, o.texts)
          } else {
            index.remove(id)
            model.delete(id)
          }
        }
        const copy = SearchIndex.fromSnapshot(structuredClone(index.toSnapshot()), { mergeAfter: 8 })
        for (const q of queries) {
          if (!q) continue
          const expected = [...model].filter(([, texts]) => texts.some((t) => t.includes(q))).map(([id]) => id).sort()
          expect(index.search(q, { limit: 100 }).map((h) => h.docId).sort()).toEqual(expected)
          expect(copy.query(q, { limit: 100 })).toEqual(index.query(q, { limit: 100 }))
          // The top few come out the same as the head of the full ranking.
          expect(index.query(q, { limit: 2 }).hits).toEqual(index.query(q, { limit: 100 }).hits.slice(0, 2))
        }
      }),
      { numRuns: 300 }
    )
  })
})

describe('bulk load from batches', () => {
  it('builds the same index as one load, batch by batch', async () => {
    const docs = Array.from({ length: 23 }, (_, i) => ({ id: `r${i}`, report: simple(`${2000 + i}年工作总结`, `第${i}项：教师培训${i % 3 ? '和学区建设' : ''}，完成率${i * 4}%。`), facets: facets({ year: 2000 + i }), rev: i }))
    const whole = new SearchIndex()
    whole.load(docs)
    async function* batches() {
      for (let i = 0; i < docs.length; i += 5) {
        await Promise.resolve()
        yield docs.slice(i, i + 5)
      }
    }
    const batched = new SearchIndex()
    await batched.loadBatches(batches())
    expect(batched.toSnapshot()).toEqual(whole.toSnapshot())
    expect(batched.query('学区建设').total).toBe(15)
  })
})
