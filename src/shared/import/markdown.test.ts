import { describe, expect, it } from 'vitest'
import { importMarkdown, markdownToLines } from './markdown'

describe('markdownToLines', () => {
  it('keeps heading levels, tables and placeholders; drops emphasis and link syntax', () => {
    const lines = markdownToLines('# 2024年工作总结\n\n**一、基本情况**\n\n投入[资金](http://x.cn)**万元，完成率__%。\n\n| 项目 | 金额 |\n|---|---:|\n| 校舍 | 2亿元 |\n\n- 1、加强领导\n- 普通条目')
    expect(lines.filter((l) => l.text || l.table)).toEqual([
      { text: '2024年工作总结', heading: 1 },
      { text: '一、基本情况' },
      { text: '投入资金**万元，完成率__%。' },
      { text: '', table: [['项目', '金额'], ['校舍', '2亿元']], tableHeader: true },
      { text: '- 1、加强领导' },
      { text: '普通条目' }
    ])
  })

  it('imports a Markdown report', () => {
    const r = importMarkdown('# 2024年工作总结\n\n今年完成了各项任务，现总结如下：\n\n## 一、基本情况\n\n- 1、加强领导。成立了领导小组。\n- 2、完善制度。')
    expect(r.reports[0].meta.title).toBe('2024年工作总结')
    expect(r.reports[0].sections[0].children.map((s) => [s.sourceMarker, s.title])).toEqual([
      ['1、', '加强领导'],
      ['2、', '完善制度']
    ])
  })
})
