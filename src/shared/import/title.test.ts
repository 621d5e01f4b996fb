import { describe, expect, it } from 'vitest'
import { textToLines } from './lines'
import { bodyStart, chooseTitle, cleanTitle } from './title'

const lines = (text: string) => textToLines(text).filter((l) => l.text)

describe('cleanTitle', () => {
  it.each([
    ['市教育局2023年工作总结及2024年工作思路(20240111).docx', '市教育局2023年工作总结及2024年工作思路'],
    ['教育局2022年上半年工作总结范文.docx_第1页', '教育局2022年上半年工作总结范文'],
    ['【精品】小学学校工作总结', '小学学校工作总结'],
    ['2022年县教育局工作总结及2023年工作安排【精选推荐】', '2022年县教育局工作总结及2023年工作安排'],
    ['[达川区教育局局长]某区教育局局长2009年度述职报告', '某区教育局局长2009年度述职报告'],
    ['城关小学2024年工作总结(全文)', '城关小学2024年工作总结'],
    ['城关小学2024年工作总结 - 第一范文网', '城关小学2024年工作总结'],
    ['城关小学2024年工作总结', '城关小学2024年工作总结'],
    ['《城关二小2023年度工作总结》', '城关二小2023年度工作总结'],
    ['《教育法》学习体会', '《教育法》学习体会']
  ])('%s → %s', (raw, title) => {
    expect(cleanTitle(raw).title).toBe(title)
  })
})

describe('bodyStart', () => {
  it('is the first prose, salutation, numbered heading or table', () => {
    expect(bodyStart(lines('首页\n下载文档\n2024年工作总结\n尊敬的各位领导：\n正文。'))).toBe(3)
    expect(bodyStart(lines('2024年工作总结\n一、基本情况\n正文。'))).toBe(1)
    expect(bodyStart(lines('2024年工作总结\n今年以来，我局认真贯彻落实上级部署。'))).toBe(1)
  })
})

describe('chooseTitle', () => {
  it('takes the title nearest the text when a page repeats it, and removes the page above it', () => {
    const r = chooseTitle(lines('当前位置：首页 > 工作总结\n2024年度教育局上半年工作总结\n分享\n2023年度教育局上半年工作总结\n2023年是政治大年，我局始终以人民为中心。'))
    expect(r.title).toBe('2023年度教育局上半年工作总结')
    expect(r.removed).toEqual(['当前位置：首页 > 工作总结', '2024年度教育局上半年工作总结', '分享'])
    expect(r.lines.map((l) => l.text)).toEqual(['2023年是政治大年，我局始终以人民为中心。'])
  })

  it('prefers a report title to a file name, a collection title or site text', () => {
    expect(chooseTitle(lines('2023年局长述职报告.docx\n下载文档\n【精品】述职报告集锦四篇\n某县教育局局长2023年述职报告\n尊敬的各位领导：')).title).toBe('某县教育局局长2023年述职报告')
  })

  it('cuts a title off the front of the first paragraph when a space sets it apart', () => {
    const r = chooseTitle(lines('分享\n教育体育局局长个人述职报告 尊敬的兰主任及各位委员：现将工作情况述职如下。'))
    expect(r.title).toBe('教育体育局局长个人述职报告')
    expect(r.lines[0].text).toBe('尊敬的兰主任及各位委员：现将工作情况述职如下。')
  })

  it('cuts a glued title off the first paragraph when the page shows the same title elsewhere, or it names a year, a subject and a kind', () => {
    const glued = '某区教育局局长、党委书记2009年度述职报告一年多来，在上级党委的领导下，本人做了一定工作。'
    expect(chooseTitle(lines(`[某某]某区教育局局长、党委书记2009年度述职报告\n${glued}`)).title).toBe('某区教育局局长、党委书记2009年度述职报告')
    expect(chooseTitle(lines('市教育局工作总结及工作思路今年以来，市教育局在市委的领导下取得了新进展。')).title).toBe('')
    const plain = chooseTitle(lines('2009年小学工作总结明德小学是一个团结奋进的集体，人际关系和谐。'))
    expect([plain.title, plain.lines[0].text]).toEqual(['2009年小学工作总结', '明德小学是一个团结奋进的集体，人际关系和谐。'])
    expect(chooseTitle(lines('工作总结是对过去一个时期工作的回顾，要实事求是。')).title).toBe('')
  })

  it('rejoins a title broken over two lines, and a subtitle', () => {
    expect(chooseTitle(lines('XX县教育局2024年上半年工作总结\n及下半年工作计划\n正文。')).title).toBe('XX县教育局2024年上半年工作总结及下半年工作计划')
    expect(chooseTitle(lines('XX县教育局\n2024年工作总结\n正文。')).title).toBe('XX县教育局2024年工作总结')
    expect(chooseTitle(lines('深化集团化办学 促进城乡教育均衡\n——XX区教育局经验交流材料\n近年来，我区推动城乡教育均衡发展。')).title).toBe('深化集团化办学 促进城乡教育均衡——XX区教育局经验交流材料')
  })

  it('does not glue an article title onto a numbered collection title', () => {
    const r = chooseTitle(lines('学校工作总结1\n2024年城关小学安全工作总结\n正文。'))
    expect(r.title).toBe('2024年城关小学安全工作总结')
  })

  it('drops a repeated title line and a bare category label above the title', () => {
    const r = chooseTitle(lines('工作总结\n城关小学2024年安全工作总结\n城关小学2024年安全工作总结\n正文。'))
    expect(r.title).toBe('城关小学2024年安全工作总结')
    expect(r.removed).toEqual(['工作总结', '城关小学2024年安全工作总结'])
  })

  it('looks past the red header of an official document and keeps it', () => {
    const r = chooseTitle(lines('某某县教育局文件\n某教发〔2024〕5号\n关于2024年上半年教育工作情况的报告\n县人民政府：'))
    expect(r.title).toBe('关于2024年上半年教育工作情况的报告')
    expect(r.header.map((l) => l.text)).toEqual(['某某县教育局文件', '某教发〔2024〕5号'])
  })

  it('does not take a salutation or a sentence as the title', () => {
    expect(chooseTitle(lines('尊敬的各位领导：\n正文。')).title).toBe('')
    expect(chooseTitle(lines('今年以来，我局认真贯彻落实上级部署。')).title).toBe('')
  })

  it('keeps prose above a doubtful title', () => {
    const r = chooseTitle(lines('今年以来，我局认真贯彻落实上级部署，取得了新进展。\n加强管理\n我们做了很多工作，取得了成绩。'))
    expect(r.lines.map((l) => l.text)).toContain('今年以来，我局认真贯彻落实上级部署，取得了新进展。')
  })
})
