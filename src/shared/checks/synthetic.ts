/**
 * A long synthetic report for the checks' size test and benchmark: the shape of a real annual
 * summary (four heading levels, 一是/二是 runs, figures, tables) at about 600 characters a page,
 * with a known sprinkling of problems. Deterministic, so runs compare.
 */
import { emptyReport, paragraph, section, type Block, type Report, type Section } from '../doc/model'
import { markerFor } from '../doc/numbering'
import { seededRandom as rng } from '../random'

const SUBJECTS = ['全县教育系统', '局机关各科室', '各中小学校', '教研室', '县职教中心', '各乡镇中心校', '学区管理办公室', '县教师发展中心']
const ACTIONS = ['认真贯彻落实', '扎实推进', '持续深化', '全面加强', '统筹做好', '稳步实施', '切实抓好', '大力开展']
const OBJECTS = ['义务教育均衡发展', '教师队伍建设', '校园安全管理', '课程改革工作', '学前教育普及', '教育信息化建设', '控辍保学工作', '职业教育招生']
const RESULTS = ['取得了明显成效', '得到了群众的普遍认可', '各项指标均达到或超过目标任务', '形成了一批可复制的经验', '办学条件得到进一步改善']
const FIGURES = ['入园率达93.5%', '投入资金6267.4万元', '新建校舍3.3万平方米', '培训教师1200余人次', '巩固率保持在99%以上', '比去年增长4.8%']


function sentence(next: () => number, k: number): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(next() * a.length)]
  return `${pick(SUBJECTS)}${pick(ACTIONS)}${pick(OBJECTS)}，${pick(FIGURES)}，${pick(RESULTS)}（第${k}项）。`
}

function body(next: () => number, counter: { n: number }, sentences: number): string {
  let s = ''
  for (let i = 0; i < sentences; i++) s += sentence(next, ++counter.n)
  return s
}

/**
 * About `pages` pages of text (600 characters each). Problems planted: one `__` placeholder,
 * one half-width comma, one `2024-03-12` date and one repeated paragraph per top-level section.
 */
export function syntheticReport(pages = 100): Report {
  const next = rng(20240312)
  const counter = { n: 0 }
  const report = emptyReport({ title: '2024年教育工作总结', period: '2024年', kind: 'annual' })
  report.preamble = [paragraph(`2024年，${body(next, counter, 2)}现将有关情况总结如下：`)]
  const target = pages * 600
  let size = 0
  const tops: Section[] = []
  for (let i = 1; size < target; i++) {
    const shi = ['一', '二', '三', '四'].map((c) => `${c}是${body(next, counter, 2)}`).join('')
    const repeated = body(next, counter, 2)
    const blocks: Block[] = [
      paragraph(`${body(next, counter, 3)}全年有__所学校参与,成效明显。`),
      paragraph(shi),
      paragraph(repeated),
      paragraph(`2024-03-12召开专题会议，${body(next, counter, 2)}`),
      { type: 'table', rows: [['项目', '数量', '比例'], ['学校', '348所', '93%']], header: true },
      paragraph(repeated)
    ]
    const children: Section[] = []
    for (let j = 1; j <= 3; j++) {
      const grand = [1, 2].map((k) => {
        const s = section(3, `落实第${k}项重点任务`, [paragraph(body(next, counter, 4))], [], true)
        s.sourceMarker = markerFor(3, k)
        return s
      })
      const child = section(2, `${OBJECTS[(i + j) % OBJECTS.length]}`, [paragraph(body(next, counter, 5))], grand)
      child.sourceMarker = markerFor(2, j)
      children.push(child)
    }
    const top = section(1, `以改革为动力推进第${i}方面工作`, blocks, children)
    top.sourceMarker = markerFor(1, i)
    tops.push(top)
    size += sectionChars(top)
  }
  report.sections = tops
  return report
}

function sectionChars(s: Section): number {
  const own = s.title.length + s.blocks.reduce((n, b) => n + (b.type === 'paragraph' ? b.runs.reduce((m, r) => m + r.text.length, 0) : 0), 0)
  return own + s.children.reduce((n, c) => n + sectionChars(c), 0)
}
