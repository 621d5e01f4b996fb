/**
 * A plausible 教育局 work summary of any length, built in code: the fixture for export tests,
 * the LibreOffice page-count checks and the export benchmark. Deterministic for a given seed.
 */
import { emptyReport, paragraph, section, type Block, type Report, type Section } from '../doc/model'
import { seededRandom as rng } from '../random'

const SUBJECTS = ['全县教育系统', '局党组', '各中小学校', '教研室', '基础教育股', '督导室', '各乡镇中心校', '县职业中学', '学前教育中心', '教师发展中心']
const ACTIONS = [
  '坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针',
  '紧紧围绕立德树人根本任务，深入推进素质教育',
  '持续深化教育领域综合改革，着力破解制约发展的体制机制障碍',
  '扎实开展课堂教学改革，推广小组合作学习模式',
  '严格落实“双减”政策要求，规范校外培训机构管理',
  '加大财政投入力度，改善农村学校办学条件',
  '强化师德师风建设，开展师德师风专题教育活动',
  '完善控辍保学工作机制，建立辍学学生动态监测台账',
  '推进义务教育优质均衡发展，缩小城乡校际差距',
  '加强校园安全管理，开展安全隐患大排查大整治'
]
const RESULTS = [
  '全年共投入资金6267.4万元，新建改建校舍3.3万平方米',
  '学前三年毛入园率达到93%，比去年提高4.8个百分点',
  '培训教师700余名，其中骨干教师126名',
  '义务教育巩固率达到99.2%，高中阶段毛入学率达到95.6%',
  '全县中考平均分比去年增长12.3分，优秀率同比上升2.1%',
  '新增省级示范学校2所、市级特色学校5所',
  '资助家庭经济困难学生3862人次，发放资助资金1125万元',
  '完成校舍安全鉴定48栋，排除安全隐患132处',
  '组织开展教学开放周活动14场，参与教师达1600人次',
  '城乡学校结对帮扶实现全覆盖，共派出支教教师58名'
]
const CLOSINGS = [
  '有力推动了全县教育事业持续健康发展。',
  '群众对教育的满意度进一步提升。',
  '为下一步工作打下了坚实基础。',
  '受到上级主管部门的充分肯定。',
  '取得了明显成效。',
  '形成了一批可复制可推广的经验做法。'
]
const TOPICS = [
  ['基本情况', ['目标任务完成情况', '重点项目推进情况', '教育质量稳步提升']],
  ['主要做法', ['加强组织领导，压实工作责任', '深化教学改革，提升育人质量', '强化队伍建设，激发办学活力', '改善办学条件，促进均衡发展']],
  ['存在的问题', ['城乡教育资源配置仍不均衡', '教师队伍结构性矛盾依然突出']],
  ['下一步工作打算', ['持续推进教育优质均衡发展', '全面加强教师队伍建设', '切实维护校园安全稳定']]
] as const
const POINTS = ['科学管理，质量提升明显', '德育工作亮点纷呈', '帮困助学，关注民生', '各类教育整体协调发展', '校园文化建设成效显著', '信息化建设稳步推进']


export interface SampleOptions {
  /** About how many pages of body text (22 lines × 28 characters) to produce. */
  pages?: number
  seed?: number
  table?: boolean
}

/** A report with all four heading levels, run-in levels 3–4, a table, an attachment note and a signature. */
export function sampleReport(opts: SampleOptions = {}): Report {
  const random = rng(opts.seed ?? 2025)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  const sentence = (): string => `${pick(SUBJECTS)}${pick(ACTIONS)}，${pick(RESULTS)}，${pick(CLOSINGS)}`
  const body = (sentences: number): Block => paragraph(Array.from({ length: sentences }, sentence).join(''))

  const report = emptyReport({ title: '某县教育局2025年度教育工作总结', kind: 'annual', period: '2025年', unit: '某县教育局', date: '2026年1月10日' })
  report.preamble = [
    paragraph('县委、县政府：'),
    paragraph(`2025年，${pick(SUBJECTS)}${pick(ACTIONS)}，${pick(RESULTS)}，${pick(CLOSINGS)}现将有关情况总结如下：`)
  ]
  // A page holds 616 grid characters; with headings, blank space and run-in overhead about six
  // 60-character sentences of body text land on a page.
  const budget = Math.max(3, Math.round((opts.pages ?? 4) * 6.8) - 6)
  let written = 0
  const sections: Section[] = []
  for (let round = 0; written < budget; round++) {
    for (const [topic, subs] of TOPICS) {
      if (written >= budget) break
      const children: Section[] = []
      for (const [i, sub] of subs.entries()) {
        if (written >= budget) break
        const n = 1 + Math.floor(random() * 3)
        written += n
        const grandchildren: Section[] = []
        if (i % 2 === 0) {
          for (let k = 0; k < 2 && written < budget; k++) {
            const m = 1 + Math.floor(random() * 2)
            const points = k === 0 ? [section(4, pick(POINTS), [body(1)], [], true)] : []
            written += m + points.length
            grandchildren.push(section(3, pick(POINTS), [body(m)], points, true))
          }
        }
        children.push(section(2, sub, [body(n)], grandchildren))
      }
      sections.push(section(1, round ? `${topic}（续${round}）` : topic, [], children))
    }
  }
  if (opts.table !== false) {
    sections[0].blocks.push({
      type: 'table',
      header: true,
      rows: [
        ['指标', '2024年', '2025年', '增减'],
        ['学前三年毛入园率', '88.2%', '93%', '+4.8'],
        ['义务教育巩固率', '98.7%', '99.2%', '+0.5'],
        ['教育经费投入（万元）', '5891.0', '6267.4', '+376.4']
      ]
    })
  }
  report.sections = sections
  report.attachments = ['2025年教育重点项目完成情况统计表', '2025年教师培训情况一览表']
  report.signature = { unit: '某县教育局', date: '2026年1月10日' }
  return report
}
