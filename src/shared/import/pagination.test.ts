import { describe, expect, it } from 'vitest'
import { joinChunkCounters } from './counters'
import { stripGlosses } from './glosses'
import { textToLines } from './lines'
import { stripNoise } from './noise'

const texts = (lines: { text: string; table?: unknown }[]) => lines.filter((l) => l.text).map((l) => l.text)

describe('page-chunk numbers', () => {
  const chunk = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n)
  it('joins chunks a sharing site cut mid-word, and drops their numbers', () => {
    const a = `1、${chunk('今年以来，我局认真贯彻落实上级部署，', 98)}第二届“`
    const b = `2、十佳”党建品牌评选活动${chunk('，将中心工作与党建工作深度融合', 88)}`
    const r = joinChunkCounters(textToLines(`${a}\n${b}\n3、6所,评选20所。`))
    expect(r.removed).toEqual(['1、', '2、', '3、'])
    expect(texts(r.lines)).toHaveLength(1)
    expect(texts(r.lines)[0]).toContain('第二届“十佳”党建品牌评选活动')
    expect(texts(r.lines)[0]).toMatch(/6所,评选20所。$/)
  })

  it('keeps numbered paragraphs that end their sentences, even long ones', () => {
    const para = (n: number) => `${n}、加强领导。${'成立了领导小组，明确了责任分工，'.repeat(4 + n)}。`
    const r = joinChunkCounters(textToLines([para(1), para(2), para(3)].join('\n')))
    expect(r.removed).toEqual([])
  })

  it('takes three lines of exactly the same length as a chunker’s, sentence breaks or not', () => {
    const line = (n: number) => `${n}、${'全年完成各项任务。'.repeat(20)}`
    const r = joinChunkCounters(textToLines([line(1), line(2), `3、${'结束。'.repeat(5)}`].join('\n')))
    expect(r.removed).toEqual(['1、', '2、', '3、'])
  })
})

describe('pinyin glosses', () => {
  it('removes one or a few syllables after characters, and leaves Latin words in brackets', () => {
    const r = stripGlosses(textToLines('規(guī)范工作\n规范(guī fàn)管理\n使用Chrome(浏览器)\n子图(a)与打印(Chrome)'))
    expect(texts(r.lines)).toEqual(['規范工作', '规范管理', '使用Chrome(浏览器)', '子图(a)与打印(Chrome)'])
    expect(r.removed).toEqual(['(guī)', '(guī fàn)'])
  })
})

describe('the page around a document', () => {
  it('drops a platform notice list with its label, and the page below the text', () => {
    const text = [
      '温馨提示：',
      '1. 部分包含数学公式或PPT动画的文件，查看预览时可能会显示错乱或异常，文件下载后无此问题，请放心下载。',
      '2. 本文档由用户上传，版权归属用户，某某网负责整理代发布。',
      '某县教育局2024年工作总结',
      '今年以来，我局认真贯彻落实上级部署，各项工作取得新进展。',
      '某县教育局',
      '2024年12月30日',
      '扫一扫在手机打开当前页',
      '分享 收藏 点赞 在看',
      'END'
    ].join('\n')
    const r = stripNoise(textToLines(text))
    expect(texts(r.lines)).toEqual(['某县教育局2024年工作总结', '今年以来，我局认真贯彻落实上级部署，各项工作取得新进展。', '某县教育局', '2024年12月30日'])
  })

  it('keeps a report’s own short last lines', () => {
    const text = ['今年以来，我局认真贯彻落实上级部署，各项工作取得新进展。', '特此报告', '某县教育局', '2024年12月30日'].join('\n')
    expect(texts(stripNoise(textToLines(text)).lines)).toEqual(text.split('\n'))
  })
})
