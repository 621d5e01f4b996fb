import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { markerFor, numberSections } from '../doc/numbering'
import type { HeadingLevel } from '../doc/model'
import { importText } from './import'
import { outlineJson } from './outline-json'

/** Each report as its title and `depth source title` lines: what a reader checks in an outline. */
function shape(text: string): { title: string; headings: string[] }[] {
  return importText(text).reports.map((r) => ({
    title: r.meta.title,
    headings: numberSections(r.sections).map((n) => `${n.depth} ${n.section.sourceMarker} ${n.section.title}`)
  }))
}

describe('importText on reports written for these tests', () => {
  it('a half-year summary: 1. under （一）, （1） under 1., a gap （二）→（四）, attachments and signature', () => {
    const text = `XX县教育局2024年上半年工作总结
及下半年工作计划

2024年上半年，在县委、县政府的正确领导下，我局各项工作取得了新进展。现将有关情况总结如下：

一、上半年工作完成情况
（一）教育教学质量稳步提升
1. 学前教育普及普惠。全县学前三年毛入园率达93%，比去年同期提高2.1个百分点。
2. 义务教育均衡发展。投入资金6267.4万元。一是加强师资配备；二是推进集团化办学。
（1）课后服务全覆盖。参与率达98%。
（2）作业管理规范。
（二）教师队伍建设不断加强
组织开展各类培训42期，培训教师3200余人次。
（四）教育保障能力持续增强
全年投入教育经费2亿元，同比增长4.8%。
二、存在的问题
一是城乡教育发展仍不均衡；二是教师结构性缺编问题突出。
三、下半年工作打算
（一）抓好秋季开学工作。
（二）推进校舍安全工程。确保9月1日前完工交付使用。

附件：1. 2024年上半年教育经费统计表
2. 学校建设项目清单

XX县教育局
2024年7月10日`
    expect(shape(text)).toEqual([
      {
        title: 'XX县教育局2024年上半年工作总结及下半年工作计划',
        headings: [
          '1 一、 上半年工作完成情况',
          '2 （一） 教育教学质量稳步提升',
          '3 1. 学前教育普及普惠',
          '3 2. 义务教育均衡发展',
          '4 （1） 课后服务全覆盖',
          '4 （2） 作业管理规范',
          '2 （二） 教师队伍建设不断加强',
          '2 （四） 教育保障能力持续增强',
          '1 二、 存在的问题',
          '1 三、 下半年工作打算',
          '2 （一） 抓好秋季开学工作',
          '2 （二） 推进校舍安全工程'
        ]
      }
    ])
    const r = importText(text).reports[0]
    expect(r.meta).toMatchObject({ kind: 'half-year', period: '2024年上半年', unit: 'XX县教育局', date: '2024年7月10日' })
    expect(r.attachments).toEqual(['2024年上半年教育经费统计表', '学校建设项目清单'])
    const printed = outlineJson(importText(text)).reports[0].text
    expect(printed).toContain('（三）教育保障能力持续增强')
    expect(printed).toContain('1.学前教育普及普惠。全县学前三年毛入园率达93%')
    expect(printed.endsWith('XX县教育局\n2024年7月10日')).toBe(true)
  })

  it('a 述职报告 with salutation, 1、 directly under 一、, and 述职人', () => {
    const text = `2023年度个人述职报告\n\n尊敬的各位领导、同志们：\n\n根据组织安排，现将本人2023年度履职情况报告如下：\n\n一、加强学习，提高政治素养\n本人始终把学习放在首位。\n二、履职尽责，推动工作落实\n1、抓好日常管理。建立健全各项制度20余项。\n2、抓好安全稳定。全年未发生安全责任事故。\n三、存在的不足\n主要是理论学习不够深入。\n\n述职人：李四\n2024年1月10日`
    expect(shape(text)[0].headings).toEqual([
      '1 一、 加强学习，提高政治素养',
      '1 二、 履职尽责，推动工作落实',
      '2 1、 抓好日常管理',
      '2 2、 抓好安全稳定',
      '1 三、 存在的不足'
    ])
    const r = importText(text).reports[0]
    expect(r.meta).toMatchObject({ kind: 'duty', author: '李四', date: '2024年1月10日' })
    expect(r.preamble.length).toBe(2)
  })

  it('an experience report: run-in （一） headings, inline （1）（2） and 一是 runs stay in the body', () => {
    const text = `深化集团化办学 促进城乡教育均衡\n——XX区教育局经验交流材料\n\n近年来，我区以集团化办学为抓手，推动城乡教育均衡发展。\n\n一、坚持规划引领\n（一）科学编制规划。我区制定了集团化办学三年行动计划，（1）明确目标；（2）细化任务；（3）压实责任。\n（二）完善配套政策。一是出台经费保障办法；二是建立教师交流制度；三是完善考核评价机制。\n二、坚持机制创新\n1．管理一体化。集团内实行统一管理。\n2．教学一体化。集团内统一教学进度。\n三、取得的成效\n全区集团化办学覆盖率达100%。`
    const [r] = shape(text)
    expect(r.title).toBe('深化集团化办学 促进城乡教育均衡——XX区教育局经验交流材料')
    expect(r.headings).toEqual([
      '1 一、 坚持规划引领',
      '2 （一） 科学编制规划',
      '2 （二） 完善配套政策',
      '1 二、 坚持机制创新',
      '2 1． 管理一体化',
      '2 2． 教学一体化',
      '1 三、 取得的成效'
    ])
    expect(importText(text).reports[0].meta.kind).toBe('experience')
  })

  it('a monthly summary numbered only with 1. and （1）', () => {
    const text = `城关中学2024年3月份工作总结\n\n1.教学工作\n（1）开展公开课12节。\n（2）组织月考一次。\n2.德育工作\n开展学雷锋主题活动。\n3.安全工作\n组织应急疏散演练1次。\n\n城关中学\n2024年3月31日`
    expect(shape(text)[0].headings).toEqual(['1 1. 教学工作', '2 （1） 开展公开课12节', '2 （2） 组织月考一次', '1 2. 德育工作', '1 3. 安全工作'])
    expect(importText(text).reports[0].meta).toMatchObject({ kind: 'monthly', unit: '城关中学' })
  })

  it('a web page with noise around and inside the article', () => {
    const text = `首页 > 范文大全 > 工作总结 > 学校总结\n\n城关小学2024年安全工作总结\n\n发布时间：2024-12-30 09:12:45  来源：原创  浏览：1234\n\n下面是小编为大家整理的城关小学2024年安全工作总结，欢迎阅读。\n\n本年度，我校始终把安全工作放在首位，现总结如下：\n\n一、领导重视，责任落实\n\n成立了以校长为组长的安全工作领导小组，签订安全责任书120份。www.FanWenKu.cn学校还建立了安全隐患排查台账。\n\n二、强化教育，提高意识\n\n开展安全教育活动12次，覆盖学生2300人。\n\n标签：安全工作总结 学校总结\n\n相关推荐：\n\n2024年学校安全工作总结5篇\n\n学校安全工作总结范文\n\n Copyright © 2024 范文库 版权所有`
    const r = importText(text)
    expect(shape(text)).toEqual([{ title: '城关小学2024年安全工作总结', headings: ['1 一、 领导重视，责任落实', '1 二、 强化教育，提高意识'] }])
    const body = outlineJson(r).reports[0].text
    expect(body).toContain('签订安全责任书120份。学校还建立了安全隐患排查台账。')
    for (const noise of ['首页', '发布时间', '小编', 'FanWenKu', '标签', '相关推荐', '5篇', 'Copyright']) expect(body).not.toContain(noise)
    expect(r.removed).toContain('www.FanWenKu.cn')
  })

  it('several reports marked 【篇一】…【篇三】 in one file', () => {
    const rep = (t: string) => `本年度，我校${t}工作取得了明显成效，现总结如下：\n一、主要做法\n扎实推进${t}工作。\n二、存在问题\n${t}工作仍有不足。`
    const text = `学校工作总结范文3篇\n\n【篇一】2023年学校安全工作总结\n${rep('安全')}\n【篇二】2023年学校德育工作总结\n${rep('德育')}\n【篇三】2023年学校教学工作总结\n${rep('教学')}`
    const r = shape(text)
    expect(r.map((x) => x.title)).toEqual(['2023年学校安全工作总结', '2023年学校德育工作总结', '2023年学校教学工作总结'])
    expect(r.every((x) => x.headings.length === 2)).toBe(true)
  })

  it('a traditional-script report is marked traditional', () => {
    const r = importText('2019年學校工作總結\n\n一、加強師資隊伍建設\n全縣開展教師培訓，提高隊伍素質。\n二、實行人事制度改革\n選拔優秀管理人才。').reports[0]
    expect(r.meta.script).toBe('traditional')
    expect(r.sections).toHaveLength(2)
  })

  it('a 述职报告 page: run-in （一）（二） glued after a heading, 一是 and 1. 2. runs inside paragraphs stay text', () => {
    const text = readFileSync(new URL('./testdata/duty-page.txt', import.meta.url), 'utf8')
    const [r] = shape(text)
    expect(r).toEqual({
      title: '2023年度学校校长述职报告',
      headings: ['1 一、 加强学习，提高自身素质', '1 二、 依法治校，规范学校管理', '2 （一） 健全制度', '2 （二） 民主管理', '1 三、 狠抓质量，提升办学水平', '1 四、 存在的不足']
    })
    const body = outlineJson(importText(text)).reports[0].text
    for (const noise of ['首页 >', '浏览：512次', '相关文章', '校长述职报告范文']) expect(body).not.toContain(noise)
    expect(body).toContain('1.理论学习还不够深入。2.工作创新还不够。')
  })

  it('a teacher’s page numbered 1. and (1), with a （1）（2）（3） list inside a sentence and a related list below', () => {
    const [r] = shape(readFileSync(new URL('./testdata/teacher-page.txt', import.meta.url), 'utf8'))
    expect(r).toEqual({
      title: '2024年初中数学教师个人工作总结',
      headings: ['1 1. 认真备课，上好每一节课', '1 2. 加强辅导，关注后进生', '2 (1) 建立学困生档案', '2 (2) 开展结对帮扶', '1 3. 积极参加教研活动']
    })
  })

  it('a document-sharing page with the whole document on one line', () => {
    const text = readFileSync(new URL('./testdata/flattened-page.txt', import.meta.url), 'utf8')
    const [r] = shape(text)
    expect(r.title).toBe('2023年县教育局工作总结及2024年工作计划')
    expect(r.headings.map((h) => h.slice(0, 12))).toEqual(['1 一、 2023年工作', '2 (一) 基础教育均衡', '2 (二) 教师队伍建设', '1 二、 2024年工作', '2 (一) 推进教育优质', '2 (二) 深化教育综合'])
    const result = importText(text)
    expect(result.removed).toEqual(expect.arrayContaining(['某某文库 下载 VIP 登录 注册', '预览 下载积分：5 页数：8页', '还剩5页未读，继续阅读']))
  })

  it('returns no report for text that is only noise', () => {
    expect(importText('首页 > 工作总结 > 正文\n\nCopyright © 2024 范文网').reports).toEqual([])
    expect(importText('').reports).toEqual([])
  })
})

// ---------------------------------------------------------------------------
// Generated reports: a random section tree written out in random marker styles,
// run-in or not, with bodies full of 一是/（1） enumerations and figures, must be read
// back with the same tree. This is what "general, not tuned to the corpus" means.

const TITLES = ['加强组织领导', '完善工作机制', '推进均衡发展', '提升教育质量', '强化安全管理', '深化课程改革', '优化资源配置', '加强队伍建设', '规范办学行为', '做好宣传工作', '狠抓工作落实', '健全考核制度']
const SENTENCES = [
  '全年投入资金6267.4万元，同比增长4.8%。',
  '一是加强师资配备；二是推进集团化办学；三是落实“双减”政策。',
  '（1）明确目标；（2）细化任务；（3）压实责任。',
  '全县学前三年毛入园率达93%，比去年提高2.1个百分点。',
  '组织开展各类培训42期，培训教师3200余人次。',
  '新建改扩建校舍3.3万平方米，新增学位900个。',
  '我们坚持问题导向，逐项研究解决办法，取得了良好效果。'
]
const STYLES: Record<HeadingLevel, ((n: number) => string)[]> = {
  1: [(n) => markerFor(1, n), (n) => `${markerFor(1, n).slice(0, -1)}．`],
  2: [(n) => markerFor(2, n), (n) => `(${markerFor(1, n).slice(0, -1)})`, (n) => `(${markerFor(1, n).slice(0, -1)})、`],
  3: [(n) => `${n}.`, (n) => `${n}、`, (n) => `${n}．`],
  4: [(n) => `（${n}）`, (n) => `(${n})`]
}

interface GenSection {
  level: HeadingLevel
  title: string
  runIn: boolean
  body: string[]
  children: GenSection[]
}

const genTree = (parentLevel: number, depth: number): fc.Arbitrary<GenSection[]> => {
  if (parentLevel >= 4 || depth > 3) return fc.constant([])
  const childLevel = fc.integer({ min: parentLevel + 1, max: Math.min(4, parentLevel + 2) }) as fc.Arbitrary<HeadingLevel>
  return childLevel.chain((level) =>
    fc.array(
      fc.record({
        level: fc.constant(level),
        title: fc.constantFrom(...TITLES),
        runIn: level >= 3 ? fc.boolean() : fc.constant(false),
        body: fc.array(fc.constantFrom(...SENTENCES), { minLength: 0, maxLength: 2 }),
        children: genTree(level, depth + 1)
      }),
      { minLength: 1, maxLength: 3 }
    )
  )
}

function render(sections: GenSection[], styles: number[], out: string[], expected: string[], depth: number): void {
  const counters = new Map<number, number>()
  for (const s of sections) {
    const n = (counters.get(s.level) ?? 0) + 1
    counters.set(s.level, n)
    const variants = STYLES[s.level]
    const marker = variants[styles[s.level - 1] % variants.length](n)
    expected.push(`${depth} ${marker} ${s.title}`)
    if (s.runIn) out.push(`${marker}${s.title}。${s.body.join('') || '各项工作有序推进。'}`)
    else {
      out.push(`${marker}${s.title}`)
      if (s.body.length) out.push(s.body.join(''))
    }
    render(s.children, styles, out, expected, depth + 1)
  }
}

describe('generated reports', () => {
  it('are read back with the tree they were written from', () => {
    fc.assert(
      fc.property(genTree(0, 0), fc.array(fc.nat(5), { minLength: 4, maxLength: 4 }), fc.boolean(), (tree, styles, blankLines) => {
        const out = ['城关镇中心学校2024年工作总结', '今年以来，我校认真贯彻上级部署，各项工作取得新进展。现将有关情况总结如下：']
        const expected: string[] = []
        render(tree, styles, out, expected, 1)
        out.push('城关镇中心学校', '2024年12月30日')
        const text = out.join(blankLines ? '\n\n' : '\n')
        const [report] = shape(text)
        expect(report.title).toBe('城关镇中心学校2024年工作总结')
        expect(report.headings).toEqual(expected)
      }),
      { numRuns: 300 }
    )
  })

  it('are read back the same when copied from a web page (noise, watermark) or a PDF (hard-wrapped lines)', () => {
    const wrap = (line: string, width: number): string[] => line.match(new RegExp(`.{1,${width}}`, 'g')) ?? ['']
    fc.assert(
      fc.property(genTree(0, 0), fc.array(fc.nat(5), { minLength: 4, maxLength: 4 }), fc.integer({ min: 24, max: 40 }), fc.boolean(), (tree, styles, width, indent) => {
        const out = ['城关镇中心学校2024年工作总结', '今年以来，我校认真贯彻上级部署，各项工作取得新进展。现将有关情况总结如下：']
        const expected: string[] = []
        render(tree, styles, out, expected, 1)
        const page = ['首页 > 工作总结 > 学校工作总结', '时间:2024-12-30 08:16:00', ...out, '城关镇中心学校', '2024年12月30日', '学校工作总结相关文章:', '学校工作总结范文5篇', 'From:https://www.example.com/a/1.html']
        const pdf = page.flatMap((l) => wrap(l, width)).map((l) => (indent ? `　　${l}` : l))
        // A watermark glued after a sentence inside a body line, as scraped pages have them.
        const i = pdf.findIndex((l, k) => k > 4 && /。./.test(l))
        if (i > 0) pdf[i] = pdf[i].replace('。', '。wWw.ExAmPle.CoM')
        const [report] = shape(pdf.join('\n'))
        expect(report.title).toBe('城关镇中心学校2024年工作总结')
        expect(report.headings).toEqual(expected)
      }),
      { numRuns: 300 }
    )
  })

  it('never throws on arbitrary text and keeps removed noise a part of the input', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...SENTENCES, '一、', '（二）', '篇一', '相关文章：', 'www.a.com', '2024年1月1日', '附件：1.表')), { maxLength: 30 }), (parts) => {
        const text = parts.join('\n')
        const r = importText(text)
        for (const rem of r.removed) expect(text.replace(/\s+/g, '')).toContain(rem.replace(/\s+/g, ''))
      }),
      { numRuns: 300 }
    )
  })
})
