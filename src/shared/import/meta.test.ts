import { describe, expect, it } from 'vitest'
import { textToLines } from './lines'
import { extractAttachments, extractSignature, guessKind, guessPeriod, isDateLine } from './meta'
import { detectScript } from './script'

const lines = (text: string) => textToLines(text).filter((l) => l.text)

describe('guessKind', () => {
  it.each([
    ['2024年度教育局工作总结', 'annual'],
    ['2006年教育局工作總結', 'annual'],
    ['XX局年终工作总结', 'annual'],
    ['2024年上半年工作总结及下半年工作计划', 'half-year'],
    ['2024年第三季度工作总结', 'quarterly'],
    ['2024年3月份工作总结', 'monthly'],
    ['2024年校园安全专项整治工作总结', 'special'],
    ['教育局关于教师资格认定工作总结', 'special'],
    ['2023年度个人述职报告', 'duty'],
    ['推进集团化办学经验交流材料', 'experience'],
    ['体育教育专业教育实习总结', 'other']
  ])('%s → %s', (title, kind) => {
    expect(guessKind(title)).toBe(kind)
  })
})

describe('guessPeriod', () => {
  it('reads the period from the title, else from the opening text', () => {
    expect(guessPeriod('2024年上半年教育工作总结')).toBe('2024年上半年')
    expect(guessPeriod('2024年第三季度工作总结')).toBe('2024年第三季度')
    expect(guessPeriod('2023年度述职报告')).toBe('2023年度')
    expect(guessPeriod('2015年教育局上半年工作总结')).toBe('2015年上半年')
    expect(guessPeriod('20xx年工作总结')).toBe('20xx年')
    expect(guessPeriod('教育局工作总结', '2006年，我局紧紧围绕县委的中心工作')).toBe('2006年')
    expect(guessPeriod('教育局工作总结')).toBe('')
  })
})

describe('extractSignature', () => {
  it('takes unit and date off the end', () => {
    const t = extractSignature(lines('正文最后一段。\nXX县教育局\n2024年7月10日'))
    expect(t.signature).toEqual({ unit: 'XX县教育局', date: '2024年7月10日' })
    expect(t.lines.map((l) => l.text)).toEqual(['正文最后一段。'])
  })

  it('reads the person of a 述职报告 and a date in Chinese numerals', () => {
    const t = extractSignature(lines('今后我将继续努力。\n述职人：张三\n二〇二四年一月十日'))
    expect(t.author).toBe('张三')
    expect(t.signature).toEqual({ unit: '述职人：张三', date: '二〇二四年一月十日' })
  })

  it('splits unit and date written on one line', () => {
    expect(extractSignature(lines('正文。\n某某县教育局 2024年1月10日')).signature).toEqual({ unit: '某某县教育局', date: '2024年1月10日' })
  })

  it('leaves a report without a signature alone', () => {
    const src = lines('一、基本情况\n今年完成了各项任务。')
    const t = extractSignature(src)
    expect(t.signature).toBeNull()
    expect(t.lines).toEqual(src)
  })

  it('recognizes date lines', () => {
    expect(['2026年11月22日', '2024年1月', '2024-03-12', '20XX年X月X日', '二〇二六年十一月二十二日'].every(isDateLine)).toBe(true)
    expect(isDateLine('2024年1月10日，我局召开了会议')).toBe(false)
  })
})

describe('extractAttachments', () => {
  it('takes the 附件 note and its numbered items off the end', () => {
    const r = extractAttachments(lines('正文。\n附件：1. 经费统计表\n2. 项目清单'))
    expect(r.attachments).toEqual(['经费统计表', '项目清单'])
    expect(r.lines.map((l) => l.text)).toEqual(['正文。'])
  })

  it('ignores 附件 that is followed by more body text', () => {
    const src = lines('附件：见下表\n一、基本情况\n正文。')
    expect(extractAttachments(src).attachments).toEqual([])
  })
})

describe('detectScript', () => {
  it('tells traditional from simplified text', () => {
    expect(detectScript('加強師資隊伍建設，提高隊伍素質，實行人事制度改革')).toBe('traditional')
    expect(detectScript('加强师资队伍建设，提高队伍素质，实行人事制度改革')).toBe('simplified')
    expect(detectScript('加强师资队伍建设，提高隊伍素质')).toBe('simplified')
  })
})
