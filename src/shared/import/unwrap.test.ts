import { describe, expect, it } from 'vitest'
import { textToLines } from './lines'
import { detectWrapWidth, unwrapLines } from './unwrap'

const paras = (text: string): string[] => unwrapLines(textToLines(text)).map((l) => l.text)

describe('unwrapLines', () => {
  it('joins a line cut after a comma, even across a blank line', () => {
    expect(paras('“教师论道”包括“新锐问道”、“名家传道”,\n\n  目的在于整体提升教师队伍专业化水平。')).toEqual([
      '“教师论道”包括“新锐问道”、“名家传道”,目的在于整体提升教师队伍专业化水平。'
    ])
  })

  it('keeps a heading apart from the body that follows', () => {
    expect(paras('一、基本情况\n今年我局完成了各项任务。\n（一）加强领导\n成立了领导小组。')).toEqual([
      '一、基本情况',
      '今年我局完成了各项任务。',
      '（一）加强领导',
      '成立了领导小组。'
    ])
  })

  it('keeps paragraphs that end a sentence apart', () => {
    expect(paras('第一段结束了。\n第二段也结束了！\n现将有关情况总结如下：\n一、主要做法')).toHaveLength(4)
  })

  it('rejoins text hard-wrapped at a fixed width, also where a line has no comma', () => {
    const body = '全县教育系统在县委县政府的坚强领导下深入贯彻落实党的二十大精神坚持立德树人根本任务推动全县教育事业高质量发展取得了显著成效。'
    const wrapped = body.match(/.{1,20}/g)!.join('\n')
    const text = `2023年教育工作总结\n${wrapped}\n一、主要成效\n${wrapped}`
    expect(detectWrapWidth(textToLines(text))).toBe(20)
    expect(paras(text)).toEqual(['2023年教育工作总结', body, '一、主要成效', body])
  })

  it('joins a line when the next one starts with punctuation that cannot open a paragraph', () => {
    expect(paras('我们完成了校舍改造\n，新增学位900个。')).toEqual(['我们完成了校舍改造，新增学位900个。'])
  })

  it('does not join a paragraph that forgot its full stop onto a section heading', () => {
    expect(paras('20__年是规划的收官年,也是谋划发展大计的关键一年,现形成__年工作事务报告\n\n一、今年工作总结')).toHaveLength(2)
  })

  it('treats blank lines as paragraph boundaries when the file uses them that way', () => {
    const text = '第一段的第一行写到这里，\n第一段的第二行写完了\n\n第二段开始的这一行，内容很长很长很长很长很长很长很长\n第二段结束。'
    expect(paras(text)).toEqual(['第一段的第一行写到这里，第一段的第二行写完了', '第二段开始的这一行，内容很长很长很长很长很长很长很长第二段结束。'])
  })

  it('puts the space back between Latin words split across lines', () => {
    expect(paras('为提高办公效率，我们在全县中小学校统一引入了正版的 Microsoft\nOffice 办公软件。')).toEqual([
      '为提高办公效率，我们在全县中小学校统一引入了正版的 Microsoft Office 办公软件。'
    ])
  })
})
