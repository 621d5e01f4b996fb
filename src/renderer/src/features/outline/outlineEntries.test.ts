import { describe, expect, it } from 'vitest'
import { emptyReport, paragraph, section, walkSections, type Report } from '@shared/doc/model'
import { outlineEntries } from './outlineEntries'

function info(second: string, child = '加强教师培训。'): { report: Report; headingKeys: string[] } {
  const report = emptyReport({ title: '工作总结' })
  report.sections = [
    section(1, '基本情况', [paragraph('全年招生7052人。')]),
    section(1, '主要做法', [paragraph(second)], [section(2, '队伍建设', [paragraph(child)]), section(2, '教学管理', [paragraph('规范课程。')])])
  ]
  // A section keeps its id across edits, as in the editor.
  for (const [i, { section: s }] of [...walkSections(report.sections)].entries()) s.id = `s${i}`
  return { report, headingKeys: ['h1', 'h2', 'h3', 'h4'] }
}

describe('outline entries', () => {
  it('numbers and counts the sections as a tree', () => {
    const entries = outlineEntries(info('推进改革。'))
    expect(entries.map((e) => `${e.marker}${e.title} ${e.characters}`)).toEqual(['一、基本情况 11', '二、主要做法 29'])
    expect(entries[1].children.map((e) => `${e.marker}${e.title}`)).toEqual(['（一）队伍建设', '（二）教学管理'])
  })

  it('keeps the objects of sections the edit did not touch, and replaces those it did', () => {
    const first = outlineEntries(info('推进改革。'))
    expect(outlineEntries(info('推进改革。'), first)).toBe(first)

    const edited = outlineEntries(info('推进改革。', '加强教师培训工作。'), first)
    expect(edited).not.toBe(first)
    expect(edited[0]).toBe(first[0])
    // The edited child, and its parent whose count includes it, are new; the sibling is not.
    expect(edited[1]).not.toBe(first[1])
    expect(edited[1].characters).toBe(first[1].characters + 2)
    expect(edited[1].children[0]).not.toBe(first[1].children[0])
    expect(edited[1].children[1]).toBe(first[1].children[1])
  })
})
