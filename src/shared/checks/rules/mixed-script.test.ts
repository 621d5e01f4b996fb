import { describe, expect, it } from 'vitest'
import { paragraph, section } from '../../doc/model'
import { findingsOf, reportOf, selected } from '../testing'

// Corpus 002, a traditional page, as it would sit in a report marked simplified.
const TRAD = '2006年，我局緊緊圍繞縣委、縣政府的中心工作和教育局年度總體工作安排，全面貫徹落實“科教興縣”戰略。'

describe('mixed-script', () => {
  it('reports traditional text in a simplified report once per paragraph, with a count', () => {
    const r = reportOf([TRAD, '现将有关情况总结如下：'], [section(1, '工作完成情況', [paragraph(TRAD)])], { script: 'simplified' })
    const fs = findingsOf(r, 'mixed-script')
    expect(fs.map((f) => f.anchor.part)).toEqual([0, 'title', 0])
    expect(fs[0].message).toMatch(/有\d+个繁体字：緊、圍、繞/)
    expect(selected(r, fs[0])).toBe('緊')
    expect(fs[1].message).toContain('1个繁体字：況')
  })

  it('counts the traditional characters', () => {
    const r = reportOf(['加強理論學習'], [], { script: 'simplified' })
    expect(findingsOf(r, 'mixed-script')[0].message).toContain('4个繁体字：強、論、學、習')
  })

  it('leaves simplified text and shared characters alone', () => {
    const r = reportOf(['教育质量显著提升，著名教育专家到我市讲学。', '乾隆年间的书院旧址得到保护。', '的是在了和有'], [], { script: 'simplified' })
    expect(findingsOf(r, 'mixed-script')).toEqual([])
  })

  it('decides characters valid in both scripts by their words', () => {
    const simp = reportOf(['要著重抓好安全工作。'], [], { script: 'simplified' })
    expect(findingsOf(simp, 'mixed-script').map((f) => selected(simp, f))).toEqual(['著'])
    const trad = reportOf(['胡錦濤書記“八榮八恥”發表后，我們及時組織學習。', '皇后鎮的學校。'], [], { script: 'traditional' })
    const fs = findingsOf(trad, 'mixed-script')
    expect(fs.map((f) => selected(trad, f))).toEqual(['后'])
    expect(fs[0].message).toContain('1个简体字：后')
  })

  it('reports simplified text in a traditional report', () => {
    const r = reportOf(['加强理论学习，推进学习型系统建设'], [], { script: 'traditional' })
    expect(findingsOf(r, 'mixed-script')[0].message).toMatch(/文档设定为繁体，此处有\d+个简体字/)
  })
})
