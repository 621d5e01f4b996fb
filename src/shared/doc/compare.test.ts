import { describe, expect, it } from 'vitest'
import { compareReports } from './compare'
import { emptyReport, paragraph, section, type Report } from './model'

function base(): Report {
  const r = emptyReport({ title: '2024年工作总结' })
  r.preamble = [paragraph('今年以来，我局认真工作。')]
  r.sections = [section(1, '主要做法', [paragraph('培训教师700余名。')]), section(1, '存在问题', [paragraph('经费不足。')])]
  return r
}

describe('comparing two versions section by section', () => {
  it('shows added and removed text inside a changed section, and leaves the rest unchanged', () => {
    const a = base()
    const b = structuredClone(a)
    b.sections[0].blocks = [paragraph('培训教师850余名。')]
    const d = compareReports(a, b)
    expect(d.map((s) => [s.heading, s.status])).toEqual([
      ['标题与开头', 'unchanged'],
      ['一、主要做法', 'changed'],
      ['二、存在问题', 'unchanged']
    ])
    const changed = d[1].parts
    expect(changed.filter((p) => p.removed).map((p) => p.text).join('')).toBe('70')
    expect(changed.filter((p) => p.added).map((p) => p.text).join('')).toBe('85')
  })

  it('matches a moved section by its id, and reports added and removed sections', () => {
    const a = base()
    const b = structuredClone(a)
    b.sections.reverse()
    b.sections.push(section(1, '下一步打算', [paragraph('继续努力。')]))
    const c = structuredClone(b)
    c.sections = c.sections.filter((s) => s.title !== '存在问题')
    const moved = compareReports(a, b)
    expect(moved.filter((s) => s.status !== 'unchanged').map((s) => [s.heading, s.status])).toEqual([['三、下一步打算', 'added']])
    const removed = compareReports(b, c)
    expect(removed.filter((s) => s.status !== 'unchanged').map((s) => [s.heading, s.status])).toEqual([['一、存在问题', 'removed']])
  })
})
