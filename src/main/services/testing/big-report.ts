/**
 * A large report for the crash tests: about a megabyte as .docx (random CJK text does not
 * compress), the same text in every generation apart from its title and last line, which say
 * which generation it is — so a file read back tells which write it came from, and whether
 * that write got to its end.
 */
import { emptyReport, paragraph, section, type Report } from '../../../shared/doc/model'
import { seededRandom } from './crash-harness'

export const generationTitle = (n: number): string => `第${n}代工作总结`
export const generationEnd = (n: number): string => `全文完（第${n}代）`

export function bigReport(generation: number, sections = 80): Report {
  const random = seededRandom(20240101)
  const text = (n: number) => Array.from({ length: n }, () => String.fromCharCode(0x4e00 + Math.floor(random() * 0x5000))).join('')
  const report = emptyReport({ title: generationTitle(generation), kind: 'annual', unit: '某县教育局' })
  report.sections = Array.from({ length: sections }, (_, i) => section(1, `第${i + 1}部分`, Array.from({ length: 20 }, () => paragraph(text(300)))))
  report.sections[sections - 1].blocks.push(paragraph(generationEnd(generation)))
  return report
}
