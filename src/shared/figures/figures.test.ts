import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anchorText } from '../checks'
import { emptyReport, paragraph, section, type Report } from '../doc/model'
import { importText } from '../import'
import { changeInOwnUnit, compareFigures, extractFigures, figuresInText, type Figure } from './index'
import { corpusPath, haveCorpus } from '../../main/services/testing/corpus'

const corpus = (name: string): Report[] => importText(readFileSync(corpusPath(`${name}.txt`), 'utf8')).reports
const HAVE_CORPUS = haveCorpus('figures.test')
const C000 = HAVE_CORPUS ? corpus('000_6ed1b8db470e6e1e') : []
const C002 = HAVE_CORPUS ? corpus('002_c4cd4b13c976cb24') : []
const C004 = HAVE_CORPUS ? corpus('004_97398b577f92e038') : []

const find = (figs: Figure[], text: string): Figure => {
  const f = figs.find((g) => g.text === text)
  if (!f) throw new Error(`no figure ${text} in ${figs.map((g) => g.text).join(' ')}`)
  return f
}
const one = (sentence: string): Figure[] => figuresInText(sentence)
const brief = (sentence: string): [string, string][] => one(sentence).map((f) => [f.text, f.measure])

function reportOf(paragraphs: string[], title = ''): Report {
  const r = emptyReport({ title })
  r.sections = [section(1, '主要工作', paragraphs.map(paragraph))]
  return r
}

describe.skipIf(!HAVE_CORPUS)('extractFigures on the corpus', () => {
  it('000: rates, money, counts and areas with what they measure', () => {
    const figs = extractFigures(C000[0])
    expect(figs.length).toBe(42)
    const ruyuan = find(figs, '93%')
    expect(ruyuan).toMatchObject({ value: 93, unit: '%', kind: 'rate', isComparison: false })
    expect(ruyuan.measure).toMatch(/入园率$/)
    expect(ruyuan.path).toEqual(['一、今年工作总结', '（一）目标完成情况'])
    const money = find(figs, '6267.4万元')
    expect(money.measure).toContain('资助金额')
    expect(money.normalized).toEqual({ value: 62674000, unit: '元' })
    expect(find(figs, '700余名')).toMatchObject({ value: 700, unit: '名', kind: 'people', approx: true, normalized: { value: 700, unit: '人' } })
    expect(find(figs, '7052人').measure).toBe('普高招生数')
    expect(find(figs, '3.3万平方米')).toMatchObject({ unit: '万平方米', normalized: { value: 33000, unit: '平方米' } })
    expect(find(figs, '234.4万元').measure).toBe('资助金额')
    expect(find(figs, '12.2万人次').normalized).toEqual({ value: 122000, unit: '人次' })
    expect(find(figs, '10亿元').approx).toBe(true) // 近10亿元
  })

  it('000: comparisons inherit the measure they compare, and 个亿 is money', () => {
    const second = extractFigures(C000[1])
    expect(second.length).toBe(37)
    expect(find(second, '134.6亩')).toMatchObject({ isComparison: true, change: 'increase', measure: '学校用地' })
    expect(find(second, '98.7%').measure).toBe('3-5岁幼儿入园率')
    expect(find(second, '99.5%').measure).toMatch(/巩固率$/)
    const third = extractFigures(C000[2])
    expect(find(third, '2个亿')).toMatchObject({ kind: 'money', normalized: { value: 2e8, unit: '元' } })
    expect(find(third, '60栋').measure).toBe('加固数')
  })

  it('002 (traditional): measures stay in the document’s script', () => {
    const figs = extractFigures(C002[0])
    expect(figs.length).toBe(22)
    expect(find(figs, '7.7%')).toMatchObject({ measure: '上線率', value: 7.7 })
    expect(find(figs, '29人')).toMatchObject({ measure: '上線人數', isComparison: true, change: 'increase', comparedWith: '去年' })
    expect(find(figs, '65個')).toMatchObject({ unit: '個', kind: 'count', normalized: { value: 65, unit: '个' } })
  })

  it('004: counts measured by the noun after them', () => {
    const figs = extractFigures(C004[0])
    expect(figs.length).toBe(41)
    expect(find(figs, '12个').measure).toContain('学区')
    expect(find(figs, '502个').measure).toBe('行政村')
    expect(find(figs, '4-5名')).toMatchObject({ value: 4, upper: 5 })
    expect(find(figs, '1%')).toMatchObject({ measure: '辍学率', approx: true })
    expect(extractFigures(C004[1]).map((f) => f.text)).toEqual(['82人', '12人', '22人', '3人', '5人', '42人', '82人', '42人'])
  })

  it('never takes a year, a date, a marker or an ordinal, and every anchor selects the figure', () => {
    for (const r of [...C000, ...C002, ...C004]) {
      for (const f of extractFigures(r)) {
        expect(anchorText(r, f.anchor)?.slice(f.anchor.start, f.anchor.end)).toBe(f.text)
        expect(f.text).not.toMatch(/年|月|日|号|第/)
        expect(f.measure).not.toBe('')
      }
    }
  })
})

describe('figuresInText', () => {
  it('reads the measure before the number, without 达/为/是/共/约/累计/实现', () => {
    expect(brief('其中，城乡学前三年幼儿入园率93%。')).toEqual([['93%', '城乡学前三年幼儿入园率']])
    expect(brief('非文盲率及脱盲人员巩固率达99.5%；')).toEqual([['99.5%', '非文盲率及脱盲人员巩固率']])
    expect(brief('上线率为7.7%，排在各县首位。')).toEqual([['7.7%', '上线率']])
    expect(brief('全县累计实现财政收入约12亿元。')).toEqual([['12亿元', '财政收入']])
    expect(brief('全县中小学校舍总面积是103万平方米。')).toEqual([['103万平方米', '中小学校舍总面积']])
    expect(brief('我县招生7052人。')).toEqual([['7052人', '招生数']])
    expect(brief('共投入资金2亿元。')).toEqual([['2亿元', '投入资金']])
  })

  it('reads a count’s noun after it', () => {
    expect(brief('在全市设立了12个学区。')).toEqual([['12个', '设立学区']])
    expect(brief('辖22个乡镇、502个行政村。')).toEqual([
      ['22个', '乡镇'],
      ['502个', '行政村']
    ])
    expect(brief('组织开展各类竞赛16项3000余名教师参加活动。').map((x) => x[1])).toEqual(['组织开展各类竞赛', '教师参加活动'])
  })

  it('marks comparisons, with their direction and base', () => {
    const [f] = one('2022年，全县GDP比去年增长4.8%，财政收入同比上升。')
    expect(f).toMatchObject({ text: '4.8%', measure: 'GDP', isComparison: true, change: 'increase', comparedWith: '去年' })
    expect(one('财政收入12亿元，同比增长4.8%。')[1]).toMatchObject({ measure: '财政收入', isComparison: true })
    expect(one('在校生较上年减少300人。')[0]).toMatchObject({ measure: '在校生', isComparison: true, change: 'decrease', comparedWith: '上年' })
    expect(one('入学率提高3个百分点。')[0]).toMatchObject({ measure: '入学率', isComparison: true, unit: '个百分点' })
    expect(one('资金投入是去年的2倍。')[0]).toMatchObject({ isComparison: true, kind: 'multiple' })
    // A new level is not a change: 提高到98%.
    expect(one('巩固率提高到98%。')[0]).toMatchObject({ measure: '巩固率', isComparison: false })
    // 新增 adds, it does not compare.
    expect(one('新增学位3000个。')[0]).toMatchObject({ measure: '新增学位', isComparison: false })
  })

  it('ignores years, dates, times, markers, ordinals, codes, ages and bare numbers', () => {
    for (const s of [
      '2022年，我局认真工作。',
      '一、主要成绩',
      '第三，加强领导。',
      '（1）全力推进重点工程建设。',
      '1.加强组织领导',
      '2、3月份召开会议。',
      '会议于2024年3月12日召开，2024-03-12，时间:2022-08-15 08:16:00。',
      '按照州教师通[2011]44号文件精神。',
      '第1周见习，第2—7周实习。',
      '与110联网的报警装置。',
      '3星级普通高中，4轨制小学，一节40分钟的课。',
      '元旦期间，3部门联合检查。',
      'From:https://www.example.com/Article/201209/26325.html'
    ]) {
      expect(one(s).map((f) => f.text), s).toEqual([])
    }
    expect(brief('3-5岁幼儿入园率达98.7%。')).toEqual([['98.7%', '3-5岁幼儿入园率']])
  })

  it('reads full-width digits and thousands separators', () => {
    expect(one('资助金额１２３．５万元')[0]).toMatchObject({ value: 123.5, normalized: { value: 1235000, unit: '元' } })
    expect(one('投入1,200,000元')[0]).toMatchObject({ value: 1200000, unit: '元' })
  })

  it('measures a table cell by its row and column', () => {
    const r = emptyReport()
    r.sections = [section(1, '主要指标', [{ type: 'table', header: true, rows: [['指标', '2023年', '2024年'], ['入园率', '92%', '93%'], ['资助金额', '6000万元', '6267.4万元']] }])]
    const figs = extractFigures(r)
    expect(figs.map((f) => [f.text, f.measure])).toEqual([
      ['92%', '入园率'],
      ['93%', '入园率'],
      ['6000万元', '资助金额'],
      ['6267.4万元', '资助金额']
    ])
    expect(anchorText(r, figs[3].anchor)!.slice(figs[3].anchor.start, figs[3].anchor.end)).toBe('6267.4万元')
  })

  it('keeps anchors inside the text on any input', () => {
    const alphabet = [...'率达为共约余多万亿元人名所个%年月日第（）()、，。比去年增长0123456789.-入园学校']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => {
        const text = chars.join('')
        for (const f of figuresInText(text)) {
          expect(text.slice(f.anchor.start, f.anchor.end)).toBe(f.text)
          expect(Number.isFinite(f.value)).toBe(true)
        }
      })
    )
  })
})

describe('compareFigures', () => {
  const prev = extractFigures(reportOf(['全县幼儿入园率93%，资助金额6267.4万元，组建帮扶集团11个。'], '2024年工作总结'))

  it('matches measures by key and containment and gives the change', () => {
    const cur = extractFigures(reportOf(['全市学前三年幼儿入园率95%，资助金额6267.4万元，新建学校3所。']))
    const cmp = compareFigures(cur, prev)
    expect(cmp.map((c) => [c.current.text, c.previous?.text ?? null, c.sameAsPrevious])).toEqual([
      ['95%', '93%', false],
      ['6267.4万元', '6267.4万元', true],
      ['3所', null, false]
    ])
    expect(cmp[0].change).toEqual({ absolute: 2, percent: expect.closeTo(2.1505, 3) })
    expect(cmp[1].change).toEqual({ absolute: 0, percent: 0 })
    expect(cmp[2].change).toBeNull()
  })

  it('folds 简繁 and unit magnitudes', () => {
    const cur = extractFigures(reportOf(['全縣幼兒入園率96%，資助金額0.7億元。']))
    const cmp = compareFigures(cur, prev)
    expect(cmp[0].previous?.text).toBe('93%')
    expect(cmp[1].previous?.text).toBe('6267.4万元')
    expect(cmp[1].change?.absolute).toBe(7326000)
  })

  it('never pairs different units or a change with a level', () => {
    const cur = extractFigures(reportOf(['资助金额7000人，入园率比去年提高2%。']))
    expect(compareFigures(cur, prev).map((c) => c.previous)).toEqual([null, null])
  })

  it('pairs repeated measures in order, each previous figure once', () => {
    const a = extractFigures(reportOf(['小学入学率99%。', '初中入学率98%。']))
    const b = extractFigures(reportOf(['小学入学率97%。', '初中入学率96%。']))
    expect(compareFigures(a, b).map((c) => c.previous?.text)).toEqual(['97%', '96%'])
    const same = extractFigures(reportOf(['入学率99%。', '入学率98%。']))
    expect(compareFigures(same, same).every((c) => c.sameAsPrevious)).toBe(true)
  })
})

describe('changeInOwnUnit', () => {
  const change = (before: string, after: string) => {
    const [c] = compareFigures(figuresInText(after), figuresInText(before))
    return changeInOwnUnit(c)
  }
  it('gives the change in the figure’s own unit, magnitude included', () => {
    expect(change('资助金额6267.4万元。', '资助金额7120.8万元。')).toMatchObject({ value: 853.4, unit: '万元' })
    expect(change('总投资2亿元。', '总投资1.5亿元。')).toMatchObject({ value: -0.5, unit: '亿元' })
    expect(change('建筑面积3.3万平方米。', '建筑面积3.5万平方米。')).toMatchObject({ value: 0.2, unit: '万平方米' })
    expect(change('教师700余名。', '教师712名。')).toMatchObject({ value: 12, unit: '名' })
  })
  it('gives rates in percentage points, and nothing for an unchanged figure', () => {
    expect(change('入园率93%。', '入园率95%。')).toEqual({ value: 2, unit: '个百分点', percent: null })
    expect(change('入园率93%。', '入园率93%。')).toBeNull()
  })
})
