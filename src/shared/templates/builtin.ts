/**
 * The built-in templates: the usual structure of each kind of report, with field tokens in the
 * title, opening and signature, and a guidance paragraph wherever the clerk has to write.
 * The wording is ours; it follows the conventions of 机关 work summaries, not any one source.
 */
import { emptyMeta, paragraph, section, type HeadingLevel, type Report, type ReportKind, type Section } from '../doc/model'
import { TOKENS } from './tokens'

export interface TemplateInfo {
  id: string
  name: string
  kind: ReportKind
  description: string
}

export interface ReportTemplate extends TemplateInfo {
  builtIn: boolean
  /** The report with tokens in place of the fields; guidance paragraphs mark what to write. */
  report: Report
}

interface SpecSection {
  title: string
  /** Guidance and, rarely, fixed text: one paragraph each. */
  text?: string[]
  children?: SpecSection[]
}

interface Spec extends TemplateInfo {
  title: string
  period: string
  preamble: string[]
  sections: SpecSection[]
  signatureUnit: string
}

const { unit: U, year: Y, nextYear: NY, period: P, author: A, date: D, subject: W } = TOKENS

const SPECS: Spec[] = [
  {
    id: 'annual',
    name: '年度工作总结',
    kind: 'annual',
    description: '全年工作的总结：主要工作及成效、存在的问题、下一年度工作打算。',
    title: `${U}${Y}年工作总结`,
    period: `${Y}年`,
    preamble: [
      '（简要概述本年度工作的总体情况：贯彻落实上级决策部署的主要举措、取得的突出成绩和几项关键数据，一般不超过一段。）',
      `现将${Y}年工作情况总结如下：`
    ],
    sections: [
      {
        title: '主要工作及成效',
        children: [
          { title: '重点目标任务完成情况', text: ['（逐项列出年初确定的目标任务及完成情况，写明主要指标的实际数值和同比变化，数据应与统计报表一致。）'] },
          { title: '主要做法和特色亮点', text: ['（归纳本年度在改革创新、制度建设、服务群众等方面的具体做法，每项先写措施、再写成效，可配一两个典型事例。）'] },
          { title: '党建和队伍建设情况', text: ['（说明党的建设、干部队伍建设、作风建设和党风廉政建设等方面开展的工作。）'] }
        ]
      },
      { title: '存在的问题和不足', text: ['（实事求是地分析工作中的短板和薄弱环节，一般列出二至四条，问题要具体，并简要说明原因。）'] },
      { title: `${NY}年工作打算`, text: ['（围绕上级部署和本单位发展目标，提出下一年度的总体思路、重点任务和主要措施，做到目标明确、措施可行。）'] }
    ],
    signatureUnit: U
  },
  {
    id: 'half-year',
    name: '上半年工作总结及下半年工作计划',
    kind: 'half-year',
    description: '年中的总结和计划：上半年工作开展情况、存在的问题、下半年工作计划。',
    title: `${U}${Y}年上半年工作总结及下半年工作计划`,
    period: `${Y}年上半年`,
    preamble: ['（简要概述上半年工作的总体进展，对任务完成进度作出总体判断，点明主要成绩。）', '现将上半年工作总结及下半年工作计划报告如下：'],
    sections: [
      {
        title: '上半年工作开展情况',
        children: [
          { title: '重点工作推进情况', text: ['（对照年度工作要点，逐项说明重点任务的推进进度和阶段性成果，尽量用数据说话。）'] },
          { title: '主要亮点和成效', text: ['（概括上半年工作中的创新做法和突出成效，可列举受到上级肯定或推广的事项。）'] }
        ]
      },
      { title: '存在的主要问题', text: ['（分析上半年工作中进度滞后、效果不够明显的方面，并说明原因。）'] },
      {
        title: '下半年工作计划',
        children: [
          { title: '工作目标', text: ['（写明下半年要完成的主要目标和关键指标，与年度目标任务相衔接。）'] },
          { title: '重点任务和保障措施', text: ['（列出下半年的重点任务，逐项明确推进措施、责任部门和完成时限。）'] }
        ]
      }
    ],
    signatureUnit: U
  },
  {
    id: 'quarterly',
    name: '季度工作总结',
    kind: 'quarterly',
    description: '一个季度的总结：本季度工作完成情况、存在的问题、下季度工作安排。',
    title: `${U}${P}工作总结`,
    period: P,
    preamble: ['（简要说明本季度工作的总体情况和完成进度。）', `现将${P}工作情况总结如下：`],
    sections: [
      { title: '本季度主要工作完成情况', text: ['（按工作条线逐项写明本季度完成的主要工作、关键数据和取得的效果。）'] },
      { title: '存在的问题', text: ['（列出本季度工作中遇到的困难和问题，简要分析原因。）'] },
      { title: '下季度工作安排', text: ['（提出下一季度的重点工作和时间节点，做到可检查、可落实。）'] }
    ],
    signatureUnit: U
  },
  {
    id: 'monthly',
    name: '月度工作总结',
    kind: 'monthly',
    description: '一个月的总结：本月主要工作、存在的问题及改进措施、下月工作计划。',
    title: `${U}${P}工作总结`,
    period: P,
    preamble: ['（简要说明本月工作的总体情况。）', `现将${P}工作情况总结如下：`],
    sections: [
      { title: '本月主要工作', text: ['（逐条列出本月完成的主要工作，写明时间、事项和结果。）'] },
      { title: '存在的问题及改进措施', text: ['（说明本月工作中的不足，提出具体的改进办法。）'] },
      { title: '下月工作计划', text: ['（列出下月的重点工作安排和完成时限。）'] }
    ],
    signatureUnit: U
  },
  {
    id: 'special',
    name: '专项工作总结',
    kind: 'special',
    description: '一项具体工作的总结：基本情况、主要做法、工作成效、存在的问题、下一步建议。',
    title: `${U}${Y}年${W}专项工作总结`,
    period: `${Y}年`,
    preamble: ['（简要说明开展本项工作的背景和依据，如上级文件的名称和文号，以及工作的总体目标。）', `现将${W}专项工作开展情况总结如下：`],
    sections: [
      { title: '基本情况', text: ['（概述工作范围、参与对象、时间安排和总体完成情况，写明关键数据。）'] },
      {
        title: '主要做法',
        children: [
          { title: '加强组织领导', text: ['（说明成立工作机构、明确责任分工、制定实施方案等情况。）'] },
          { title: '强化措施落实', text: ['（写明推进工作采取的具体措施，如宣传发动、督导检查、培训指导等。）'] },
          { title: '注重建章立制', text: ['（介绍工作中形成的制度规范和长效机制。）'] }
        ]
      },
      { title: '工作成效', text: ['（用数据和事例说明本项工作取得的实际效果。）'] },
      { title: '存在的问题', text: ['（如实列出工作中暴露出的问题和薄弱环节。）'] },
      { title: '下一步工作建议', text: ['（针对存在的问题，提出巩固成果、改进工作的具体打算和建议。）'] }
    ],
    signatureUnit: U
  },
  {
    id: 'duty',
    name: '述职报告',
    kind: 'duty',
    description: '个人向上级和群众的述职：学习提高、履职尽责、廉洁自律、不足和努力方向，末尾署述职人和日期。',
    title: `${Y}年度述职报告`,
    period: `${Y}年`,
    preamble: ['尊敬的各位领导、同志们：', '（简要介绍本人现任职务、分管工作和任职时间，说明述职的范围。）', `现将${Y}年度履职情况报告如下，请予评议。`],
    sections: [
      { title: '加强学习，提高政治素质和履职能力', text: ['（写明参加理论学习、业务培训的情况，以及学以致用、提升能力的具体体现。）'] },
      { title: '履职尽责，推动分管工作落实', text: ['（按分管的工作逐项说明完成情况和取得的成绩，突出本人发挥的作用，写实事、用数据。）'] },
      { title: '廉洁自律，落实党风廉政建设责任', text: ['（说明遵守廉洁从政各项规定、落实“一岗双责”和改进工作作风的情况。）'] },
      {
        title: '存在的不足和今后努力方向',
        text: ['（坦诚剖析本人在思想、能力、作风等方面的不足，提出今后改进的措施。）', '以上述职，不妥之处，请各位领导和同志们批评指正。']
      }
    ],
    signatureUnit: `述职人：${A}`
  },
  {
    id: 'experience',
    name: '经验交流材料',
    kind: 'experience',
    description: '在会议上交流的典型经验：每个一级标题提炼一条做法，末尾谈体会。',
    title: `${U}${W}经验交流材料`,
    period: `${Y}年`,
    preamble: ['（简要介绍本单位的基本情况和开展这项工作的背景，用一两个数据点明取得的主要成效。）', '我们的主要做法是：'],
    sections: [
      { title: '强化组织领导，构建工作格局', text: ['（提炼第一条经验作为标题，正文写清具体做法、采取的措施和产生的效果，最好配有说服力的数据或事例。）'] },
      { title: '创新工作机制，激发内生动力', text: ['（提炼第二条经验，侧重制度创新和机制建设，说明解决了什么问题。）'] },
      { title: '注重示范引领，提升工作实效', text: ['（提炼第三条经验，可介绍典型单位或个人的做法和成效。）'] },
      { title: '几点体会', text: ['（总结开展这项工作的认识和启示，提出今后的努力方向，篇幅宜短。）'] }
    ],
    signatureUnit: U
  }
]

function buildSections(specs: SpecSection[], level: HeadingLevel): Section[] {
  const next = Math.min(level + 1, 4) as HeadingLevel
  return specs.map((s) => section(level, s.title, (s.text ?? []).map(paragraph), buildSections(s.children ?? [], next)))
}

function build(spec: Spec): ReportTemplate {
  const { title, period, preamble, sections, signatureUnit, ...info } = spec
  const report: Report = {
    meta: emptyMeta({ title, kind: spec.kind, period, unit: U, author: A, date: D }),
    preamble: preamble.map(paragraph),
    sections: buildSections(sections, 1),
    attachments: [],
    signature: { unit: signatureUnit, date: D }
  }
  return { ...info, builtIn: true, report }
}

export function listBuiltInTemplates(): TemplateInfo[] {
  return SPECS.map(({ id, name, kind, description }) => ({ id, name, kind, description }))
}

/** A fresh copy (new section ids) of a built-in template, or null for an unknown id. */
export function getBuiltInTemplate(id: string): ReportTemplate | null {
  const spec = SPECS.find((s) => s.id === id)
  return spec ? build(spec) : null
}

/** The built-in template for a kind of report, falling back to the annual one. */
export function builtInTemplateFor(kind: ReportKind): ReportTemplate {
  return getBuiltInTemplate(SPECS.some((s) => s.id === kind) ? kind : 'annual')!
}
