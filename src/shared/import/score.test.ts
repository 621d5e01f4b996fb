import { describe, expect, it } from 'vitest'
import { normTitle, parseScoreMarker, scoreOutline, type GoldOutline } from './score'

describe('the TypeScript port of outline_score.py', () => {
  it('parses markers as the reference script does', () => {
    expect(parseScoreMarker('(一)、')).toEqual({ kind: 'cn-paren', ordinal: 1 })
    expect(parseScoreMarker('二十一、')).toEqual({ kind: 'cn', ordinal: 21 })
    expect(parseScoreMarker('十二、')).toEqual({ kind: 'cn', ordinal: 12 })
    expect(parseScoreMarker('3．')).toEqual({ kind: 'num', ordinal: 3 })
    expect(parseScoreMarker('（12）')).toEqual({ kind: 'num-paren', ordinal: 12 })
    expect(parseScoreMarker('')).toEqual({ kind: null, ordinal: null })
  })

  it('normalizes titles to their first six meaningful characters', () => {
    expect(normTitle('以《纲领》为统揽,注重凝心聚力')).toBe('以纲领为统揽')
    expect(normTitle('“校长亮剑”')).toBe('校长亮剑')
  })

  it('scores by LCS, report titles, leaks and losses', () => {
    const gold: GoldOutline = {
      source: 'x',
      reports: [{ title: '2024年工作总结', headings: [{ depth: 1, kind: 'cn', ordinal: 1, title: '基本情况' }, { depth: 1, kind: 'cn', ordinal: 2, title: '主要做法' }] }],
      must_remove: ['小编'],
      must_keep: ['93%']
    }
    const pred = {
      reports: [{ title: '2024年工作总结', headings: [{ depth: 1, marker: '一、', source_marker: '一、', title: '基本情况' }], text: '入园率93%' }],
      removed: []
    }
    const s = scoreOutline(gold, pred)
    expect(s.f1).toBeCloseTo(2 / 3)
    expect([s.titlesFound, s.leaks, s.lost, s.ok]).toEqual([1, [], [], false])
    pred.reports[0].headings.push({ depth: 1, marker: '二、', source_marker: '二、', title: '主要做法' })
    expect(scoreOutline(gold, pred).ok).toBe(true)
    pred.reports[0].text += '小编'
    expect(scoreOutline(gold, pred).leaks).toEqual(['小编'])
  })
})
