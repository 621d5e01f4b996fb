import { describe, expect, it } from 'vitest'
import { charScript, countScript, detectScript, foreignChars } from './script'

describe('script detection', () => {
  it('classifies characters by OpenCC, leaving shared ones neutral', () => {
    expect(charScript('體')).toBe('traditional')
    expect(charScript('体')).toBe('simplified')
    expect(charScript('為')).toBe('traditional') // Taiwan form
    expect(charScript('爲')).toBe('traditional') // OpenCC standard form
    expect(charScript('的')).toBeNull()
    expect(charScript('a')).toBeNull()
  })

  it('counts and detects the script of a text', () => {
    expect(countScript('學習型系統')).toEqual({ traditional: 3, simplified: 0 })
    expect(detectScript('首頁>心得體會>學習心得>2006年教育局工作總結')).toBe('traditional')
    expect(detectScript('年度教育局工作总结')).toBe('simplified')
    expect(detectScript('2006年')).toBeNull()
  })

  it('confirms characters valid in both scripts from their words', () => {
    expect(foreignChars('教育质量显著提升', 'simplified')).toEqual([])
    expect(foreignChars('著重抓好', 'simplified')).toEqual([{ index: 0, char: '著' }])
    expect(foreignChars('乾隆年间；天气乾燥', 'simplified').map((c) => c.index)).toEqual([7])
    expect(foreignChars('皇后鎮', 'traditional')).toEqual([])
    expect(foreignChars('發表后', 'traditional')).toEqual([{ index: 2, char: '后' }])
  })

  it('reports UTF-16 offsets past supplementary-plane characters', () => {
    const text = '𠀋學'
    expect(foreignChars(text, 'simplified')).toEqual([{ index: 2, char: '學' }])
  })
})
