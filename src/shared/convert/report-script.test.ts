import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { anchorText } from '../checks'
import { emptyReport, paragraph, section, walkSections, type Report } from '../doc/model'
import { reportLines } from '../doc/stats'
import { importText } from '../import'
import { convertReportScript, convertText, diffSpans } from './report-script'
import { foreignChars } from './script'

const corpus = (name: string): Report[] => importText(readFileSync(`${process.env.CORPUS_DIR}/${name}.txt`, 'utf8')).reports

describe('convertText', () => {
  it('converts by words, to Taiwan-standard traditional and from either variant to simplified', () => {
    expect(convertText('发展头发，后来皇后', 'traditional')).toBe('發展頭髮，後來皇后')
    expect(convertText('为了里面群众', 'traditional')).toBe('為了裡面群眾')
    expect(convertText('學習型系統', 'simplified')).toBe('学习型系统')
    // Hong Kong 衞 and Taiwan 著手 both fold.
    expect(convertText('衞生著手', 'simplified')).toBe('卫生着手')
    expect(convertText('2024年，GDP增长4.8%', 'traditional')).toBe('2024年，GDP增長4.8%')
    expect(convertText('', 'simplified')).toBe('')
  })
})

describe('convertReportScript', () => {
  it('converts corpus 002 to simplified with no traditional character left', () => {
    const source = corpus('002_c4cd4b13c976cb24')[0]
    const { report, changes } = convertReportScript(source, 'simplified')
    expect(report.meta.script).toBe('simplified')
    expect(report.meta.title).toBe('2006年教育局工作总结')
    for (const line of reportLines(report)) expect(foreignChars(line, 'simplified'), line).toEqual([])
    // The structure is untouched and the input is not mutated.
    expect(report.sections.map((s) => s.id)).toEqual(source.sections.map((s) => s.id))
    expect(source.meta.title).toBe('2006年教育局工作總結')
    // Each change points at its text in the report before conversion.
    expect(changes.length).toBeGreaterThan(100)
    for (const c of changes.filter((x) => x.anchor)) expect(anchorText(source, c.anchor!)!.slice(c.anchor!.start, c.anchor!.end)).toBe(c.before)
    expect(changes[0]).toMatchObject({ anchor: { sectionId: null, part: 'title' }, before: '總結', after: '总结' })
  })

  it('round-trips the simplified corpus through traditional unchanged', () => {
    for (const source of [...corpus('000_6ed1b8db470e6e1e'), ...corpus('004_97398b577f92e038')]) {
      const there = convertReportScript(source, 'traditional').report
      expect(there.meta.script).toBe('traditional')
      const back = convertReportScript(there, 'simplified').report
      expect(reportLines(back)).toEqual(reportLines(source))
    }
  })

  it('documents the known round-trip exceptions: variant simplified forms OpenCC normalises', () => {
    // 17 of the BMP's simplified-or-shared characters do not come back (found by trying all of
    // 4E00–9FFF one by one); all are rare variant forms, none occurs in the corpus.
    const roundTrip = (t: string): string => convertText(convertText(t, 'traditional'), 'simplified')
    expect(roundTrip('馀')).toBe('余')
    expect(roundTrip('锺')).toBe('钟')
    expect(roundTrip('谘询')).toBe('咨询')
    expect(roundTrip('昵称')).toBe('暱称')
    expect(roundTrip('下颚')).toBe('下腭')
    expect(roundTrip('干部干燥树干，头发发展，皇后后来，里面公里，余额，制度制造')).toBe('干部干燥树干，头发发展，皇后后来，里面公里，余额，制度制造')
  })

  it('keeps runs apart but converts words across them', () => {
    const r = emptyReport({ title: '工作总结' })
    r.preamble = [{ type: 'paragraph', runs: [{ text: '理' }, { text: '头', bold: true }, { text: '发' }] }]
    const out = convertReportScript(r, 'traditional').report
    expect(out.preamble[0]).toEqual({ type: 'paragraph', runs: [{ text: '理' }, { text: '頭', bold: true }, { text: '髮' }] })
  })

  it('converts tables, attachments, signature and metadata, listing each change', () => {
    const r = emptyReport({ title: '工作總結', unit: '某縣教育局', author: '張明' })
    r.sections = [section(1, '基本情況', [{ type: 'table', header: true, rows: [['指標', '數值'], ['入園率', '93%']] }])]
    r.attachments = ['統計表']
    r.signature = { unit: '某縣教育局', date: '2024年12月30日' }
    const { report, changes } = convertReportScript(r, 'simplified')
    expect(report.sections[0].blocks[0]).toEqual({ type: 'table', header: true, rows: [['指标', '数值'], ['入园率', '93%']] })
    expect(report.attachments).toEqual(['统计表'])
    expect(report.signature).toEqual({ unit: '某县教育局', date: '2024年12月30日' })
    expect(report.meta).toMatchObject({ title: '工作总结', unit: '某县教育局', author: '张明', script: 'simplified' })
    expect(changes.map((c) => c.place)).toEqual(['text', 'text', 'text', 'text', 'text', 'attachment', 'signature-unit', 'meta-unit', 'meta-author'])
    const table = changes.filter((c) => c.anchor?.part === 0)
    // A tab is not a shared character between words: cells change separately.
    expect(table.map((c) => [c.before, c.after, c.anchor!.start])).toEqual([
      ['標', '标', 1],
      ['數', '数', 3],
      ['園', '园', 7]
    ])
  })

  it('converts only the chosen sections (with their subsections) and leaves the script setting', () => {
    const r = emptyReport({ title: '工作总结' })
    const inner = section(2, '加強領導', [paragraph('學習型系統')])
    r.sections = [section(1, '主要做法', [], [inner]), section(1, '存在問題', [paragraph('問題')])]
    const { report, changes } = convertReportScript(r, 'simplified', { sectionIds: [r.sections[0].id] })
    const titles = [...walkSections(report.sections)].map(({ section: s }) => s.title)
    expect(titles).toEqual(['主要做法', '加强领导', '存在問題'])
    expect(report.sections[1].blocks).toEqual([paragraph('問題')])
    expect(report.meta.script).toBe('simplified')
    expect(changes.every((c) => c.anchor?.sectionId === inner.id)).toBe(true)
    expect(convertReportScript(r, 'traditional', { sectionIds: [] }).changes).toEqual([])
  })
})

describe('diffSpans', () => {
  it('merges changes one shared character apart and never splits a surrogate pair', () => {
    expect(diffSpans('學習型統計', '学习型统计')).toEqual([{ start: 0, end: 5, before: '學習型統計', after: '学习型统计' }])
    expect(diffSpans('學習型系統', '学习型系统').map((s) => s.before)).toEqual(['學習', '統'])
    expect(diffSpans('學習，總結', '学习，总结').map((s) => s.before)).toEqual(['學習', '總結'])
    expect(diffSpans('abc', 'abcd')).toEqual([{ start: 0, end: 3, before: 'abc', after: 'abcd' }])
    expect(diffSpans('same', 'same')).toEqual([])
    expect(diffSpans('a\ud840\udc0b', 'a\ud840\udc0c')).toEqual([{ start: 1, end: 3, before: '\ud840\udc0b', after: '\ud840\udc0c' }])
  })
})
