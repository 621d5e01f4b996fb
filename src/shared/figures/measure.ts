/**
 * What a figure measures, read from the words around it. Chinese reports put the measured thing
 * before the number (入园率93%, 普高招生数7052人) or, for counts, after it (设立了12个学区), and
 * wrap it in verbs and adverbs (达, 为, 共, 约, 累计, 全县…) that are trimmed off. Everything here
 * reads the analysis text (simplified, ASCII digits) and returns offsets, so the measure is shown
 * as the document writes it.
 */
import type { FigureKind } from './types'
import { KIND_LABEL } from './units'

const OPEN = new Set([...'（([【〔'])
const CLOSE = new Set([...'）)]】〕'])
/** Clause boundaries. 、 is not one: 毕业率、升学率均达98% measures both. */
const DELIM = new Set([...'，。；：！？,;:!?\n\t—…'])

/** A list written as space-separated words. */
const words = (list: string): string[] => list.split(/\s+/).filter(Boolean)
const byLength = (list: string): string[] => words(list).sort((x, y) => y.length - x.length)

/** Characters of a stretch of text, by index into the text (closed bracket groups leave gaps). */
type Piece = number[]

const str = (a: string, p: Piece): string => p.map((i) => a[i]).join('')

/**
 * The clause before `end`, back to a delimiter, an unclosed bracket (the figure is inside it)
 * or `floor`. A closed bracket group on the way is an aside — 就业率(含升学率)均达到98.1% — and
 * left out.
 */
export function clauseBefore(a: string, end: number, floor: number): Piece {
  const out: number[] = []
  let depth = 0
  for (let i = end - 1; i >= floor; i--) {
    const c = a[i]
    if (CLOSE.has(c)) {
      depth++
      continue
    }
    if (OPEN.has(c)) {
      if (depth === 0) break
      depth--
      continue
    }
    if (depth > 0) continue
    if (DELIM.has(c)) break
    if (/\s/.test(c)) continue
    out.push(i)
  }
  return out.reverse()
}

/**
 * Time words, subjects and connectives that open a clause and are not the measure. Anchored at
 * the start, so the first alternative wins: longer words go first.
 */
const LEAD = new RegExp(
  '^(?:' +
    [
      ...byLength(
        '其中 以及 和 及 与 现已 先后 由 从 自 另外 此外 同时 并且 而且 今年以来 今年 去年 本年度 本年 全年 年内 当年 目前 截至目前 截止目前 截至 截止 至今 现有 ' +
        '已有 已经 已 累计 共计 共有 总计 合计 预计 实际 需要 拟 全县 全市 全区 全省 全州 全镇 全乡 全校 全局 全系统 全国 我县 我市 我区 我局 我校 我省 我州 ' +
        '我镇 我乡 我们 本县 本市 本区 本局 本校 占 每年 每学期 每月 每周 一年来 几年来 近年来 多年来 上半年 下半年'
      ),
      '并(?![且列])',
      '而(?![且])',
      '为(?=\\S)',
      '在(?![校职岗编读])',
      '有(?![的些关效力])',
      '将(?![来军])',
      '需(?!求)',
      '共(?![青产同])',
      '完成了?',
      '实现了?',
      '取得了?',
      '达到了?',
      '[一二三四五六七八九十\\d]+年来',
      // 2024年, 2024年度, and the unfilled XX年 / __年 of a template.
      '(?:19|20)?[\\dXx×_＿]{2,4}年(?:度|底|末)?',
      '\\d{1,2}(?:[、,，\\-—至]\\d{1,2})*月份?',
      '\\d{1,2}日',
      '第?[一二三四]季度'
    ].join('|') +
    ')'
)

/** Verbs and adverbs between a measure and its number. Single characters are checked against GUARD. */
const TRAIL = new RegExp(
  '(?:' +
    [
      ...words(
        '达到了 达到 高达 多达 均达到 均达 均为 均在 都在 都达到 分别为 分别达到 分别 共计 合计 总计 累计 共有 约为 约有 大约 将近 接近 超过了 超过 突破了 突破 ' +
        '不足 不到 仅有 只有 已达 已有 保持在 控制在 稳定在 维持在 拥有 具有 实现'
      ),
      '[为是有达计在至到占了等均都共约近逾超仅已的则]'
    ].join('|') +
    ')$'
)

/** A single trailing character is a word's end, not a verb, after these (行为, 所有, 统计, 存在, 中等…). */
const GUARD: Record<string, string> = {
  为: '行作认成称因',
  有: '所没享含原',
  计: '统设会估预',
  在: '存现实正内',
  等: '平相对同初中高',
  到: '得受做遇收',
  至: '甚以乃',
  了: '为除',
  达: '表传发通',
  是: '但就总于',
  近: '最附邻',
  超: '高',
  约: '节制',
  共: '公',
  均: '平人',
  的: '目'
}

function trimLead(a: string, p: Piece): Piece {
  for (;;) {
    const s = str(a, p)
    const space = /^[\s、，,]+/.exec(s)
    if (space) {
      p = p.slice(space[0].length)
      continue
    }
    const m = LEAD.exec(s)
    if (!m || m[0].length === 0) return p
    const rest = s.slice(m[0].length)
    // 完成率, 占比: the word is part of the measure. One character left is no measure either.
    if (rest.length === 1 || /^[率数额量值比]/.test(rest)) return p
    p = p.slice(m[0].length)
  }
}

/** Both ends, until nothing more comes off (今年全县近 → 今年全县 → ''). */
function trim(a: string, p: Piece): Piece {
  for (;;) {
    const next = trimLead(a, trimTrail(a, p))
    if (next.length === p.length) return next
    p = next
  }
}

function trimTrail(a: string, p: Piece): Piece {
  for (;;) {
    const s = str(a, p)
    const space = /[\s、，,]+$/.exec(s)
    if (space) {
      p = p.slice(0, p.length - space[0].length)
      continue
    }
    const m = TRAIL.exec(s)
    if (!m) return p
    if (m[0].length === 1 && s.length > 1 && GUARD[m[0]]?.includes(s[s.length - 2])) return p
    p = p.slice(0, p.length - m[0].length)
  }
}

/** Verbs that name an action rather than a thing: a measure of one is completed by the unit's noun (招生 → 招生数). */
const VERBS = words(
  '招生 投入 投资 资助 培训 接收 新建 引进 减免 筹措 拨付 拔款 拨款 争取 安置 发放 下拨 设立 组建 创建 建成 选派 选排 聘请 招聘 录取 考上 辖 有 建 涉及 覆盖 辐射 组织 ' +
  '举办 开展 完成 实施 维修 加固 重建 改造 新增 追加 购置 配备 邀请 表彰 晋升 受益 参加 参与 办理 帮扶 救助 慰问 走访 培养 输送 评选 推荐 开设 建立 成立 落实 拆除 封闭 ' +
  '撤并 认定 审批 审核 检查 排查 整改 查处 受理 办结 接待 举行 召开 印发 下发 制定 出台 获得 荣获 获 报名 参考 毕业 就业 入学 上线 达标 合格 聘任 续聘 新聘 选拔 交流 轮岗 ' +
  '支教 竞聘 形成 平整 合并 调整'
).sort((x, y) => y.length - x.length)

const endsWithVerb = (s: string): string | undefined => VERBS.find((v) => s.endsWith(v))
const startsWithVerb = (s: string): string | undefined => VERBS.find((v) => s.startsWith(v))

/** The noun a verb-only measure is completed with: 招生数, 资助金额, 投入资金, 加固面积. */
function suffixFor(kind: FigureKind, unit: string, verb: string): string {
  switch (kind) {
    case 'money':
      return /投入|筹措|争取|拨付|拔款|拨款|下拨|追加|引进/.test(verb) ? '资金' : '金额'
    case 'people':
      if (unit.endsWith('人次')) return '人次'
      return verb.endsWith('生') ? '数' : '人数'
    case 'count':
      return '数'
    case 'area':
      return '面积'
    default:
      return ''
  }
}

/** Where a noun after a count ends: a verb, a particle or a preposition. */
const STOP_RIGHT = words(
  '的 在 到 参加 参与 获得 获 被 进行 开展 通过 已 均 为 和 与 及 以 等 就读 安装 配备 晋升 受益 达 完成 实现 是 有 将 对 于 由 从 向 取得 具备 合并 调整 全部 全面 ' +
  '共 分别 都 也 还 又 并 得到 计 了'
)
/** A count followed by its predicate rather than its noun: 12人具备小学教师资格. */
const RIGHT_VERBS = ['具备', '取得', '参加', '参与', '获得', '通过', '晋升', '受益', '考上', '达标', '就读', '被评为', '被确定为', '获']

const RIGHT_MAX = 10
const PREDICATE_MAX = 12

/** Skips a bracket group right after the unit: 63项(个)通过验收. */
function skipAside(a: string, from: number): number {
  if (!OPEN.has(a[from] ?? '')) return from
  const close = a.slice(from, from + 12).search(/[）)\]】〕]/)
  return close > 0 ? from + close + 1 : from
}

/**
 * The noun right after a figure's unit (12个学区, 64所农村中小学校), with where it ends; a
 * predicate that follows it is kept when it says what was counted (3000余名教师参加活动).
 */
function rightNoun(a: string, from: number): { start: number; end: number; predicateEnd: number } | null {
  let i = from
  while (i < a.length && i - from < RIGHT_MAX) {
    const c = a[i]
    if (!/[\u3400-\u9fff“”《》A-Za-z]/.test(c)) break
    const stop = STOP_RIGHT.find((w) => a.startsWith(w, i))
    // 中等职业学校: 等 inside a word.
    if (stop && !(stop === '等' && i > from && GUARD['等'].includes(a[i - 1]))) break
    i++
  }
  // 1200余名贫困生圆了大学梦: a 了 ends a verb that started one character earlier.
  if (a[i] === '了' && i - from > 1) i--
  if (i === from || !/[\u3400-\u9fff]/.test(a.slice(from, i))) return null
  return { start: from, end: i, predicateEnd: predicateEnd(a, i) ?? i }
}

/** The end of a predicate naming what was counted (参加活动, 被评为市一级一等园), or null. */
function predicateEnd(a: string, from: number): number | null {
  if (!RIGHT_VERBS.some((v) => a.startsWith(v, from))) return null
  let i = from
  while (i < a.length && i - from < PREDICATE_MAX && !DELIM.has(a[i]) && !OPEN.has(a[i]) && !/[0-9]/.test(a[i])) i++
  return i
}

/** Verbs that only say the count changed shape (合并为17所小学): the noun alone is the measure. */
const NO_PREPEND = ['合并', '调整', '形成', '达到']

/** A noun (and predicate) after the unit, in the document's own characters, without 了. */
function showRight(o: string, r: { start: number; end: number; predicateEnd: number }): string {
  return o.slice(r.start, r.predicateEnd).replace(/了/g, '')
}

/** Comparison wording at the end of the clause before a number: 比去年增长, 同比下降, 增加了. */
const COMPARISON =
  /(?:(?:比|较|与|同)(.{0,14}?)(?:同期)?(?:相比|相较)?[，,]?)?(同比|环比)?(增长|增加|提高|上升|提升|扩大|攀升|下降|减少|降低|回落|缩小|下滑|高出|低出|增|减|多|少|高|低)了?(?:约|近|达|为|幅度为|幅度达)?$/
const DOWN = /下降|减少|降低|回落|缩小|下滑|低|减|少/
/** 提高到98%: a new level, not an amount of change. */
const LEVEL = /(?:提高|上升|增长|增加|下降|降低|减少|提升|增|降|升)(?:到|至)$/

export interface MeasureResult {
  measure: string
  isComparison: boolean
  change?: 'increase' | 'decrease'
  comparedWith?: string
  /** Where the text this figure took for itself ends (a noun after the unit), so the next figure starts after it. */
  consumedTo: number
}

export interface MeasureInput {
  /** Analysis text and original text, the same length. */
  a: string
  o: string
  /** The number's start (an approximation word before it excluded) and the unit's end. */
  start: number
  end: number
  /** Nothing before this belongs to this figure (the previous figure and its noun). */
  floor: number
  /** `floor` is the previous figure's unit end, with no noun of its own taken after it. */
  afterFigure: boolean
  kind: FigureKind
  unit: string
  /** The measure of the figure before in the same sentence: a bare 比去年增长4.8% refers to it. */
  previous: string | null
}

export function measureOf(inp: MeasureInput): MeasureResult {
  const { a, o, start, end, floor, kind, unit } = inp
  const show = (p: Piece): string => str(o, p)
  let p = clauseBefore(a, start, floor)
  let raw = str(a, p)

  const level = LEVEL.exec(raw)
  if (level) {
    p = p.slice(0, p.length - level[0].length)
    raw = str(a, p)
  }
  const cmp = level ? null : COMPARISON.exec(raw)
  let strongCmp: RegExpExecArray | null = null
  if (cmp && !/^[例重率]/.test(cmp[1] ?? '')) {
    // 增/减/多/少/高/低 alone end many words (新增, 最多); they compare only after 比… or 同比.
    const single = cmp[3].length === 1
    if (cmp[1] !== undefined || cmp[2] !== undefined || !single) strongCmp = cmp
  }
  const byUnit = kind === 'multiple' ? /(?:去年|上年|同期|上一年)的?$/.exec(raw) : null
  const comparison = strongCmp ?? (unit.endsWith('百分点') ? /$/.exec(raw) : null) ?? byUnit
  if (comparison) {
    const before = trimTrail(a, trimLead(a, p.slice(0, comparison.index)))
    const result: MeasureResult = {
      measure: show(before) || inp.previous || '',
      isComparison: true,
      consumedTo: end
    }
    if (strongCmp) {
      result.change = DOWN.test(strongCmp[3]) ? 'decrease' : 'increase'
      const base = strongCmp[1]?.trim()
      if (base) result.comparedWith = base
    }
    if (!result.measure) result.measure = KIND_LABEL[kind]
    return result
  }

  // 16项竞赛3000余名: a noun glued to the previous figure is that figure's (a count's noun follows it).
  const counted = kind === 'count' || kind === 'people'
  if (counted && inp.afterFigure && p.length > 0 && p[0] === floor && !/[、\s]/.test(a[floor])) p = []
  // 锦官驿小学等14所学校: the names before 等 are examples; the noun after the unit is what is counted.
  const examples = /等(?:共|约|近|计|共计|累计)?$/.test(raw)
  p = trim(a, p)
  // 资助…的家庭经济困难大学生700余名: the noun after the last 的 is what is counted.
  const s = str(a, p)
  const de = s.lastIndexOf('的')
  if (de >= 0 && s.length - de - 1 >= 2) p = trim(a, p.slice(de + 1))
  const measure = str(a, p)
  const verb = measure.length === 1 ? measure : VERBS.includes(measure) ? measure : undefined

  const right = kind !== 'rate' && kind !== 'money' ? rightNoun(a, skipAside(a, end)) : null
  if (right) {
    // Short context before the number stays (设立学区, 大同学区原有学校); lists and examples do not.
    let lead = ''
    if (verb) lead = verb.length > 1 && !NO_PREPEND.includes(verb) ? show(p) : ''
    else if (measure && !examples && !/[、和及与]/.test(measure) && measure.length <= 6) lead = show(p)
    return { measure: lead + showRight(o, right), isComparison: false, consumedTo: right.end }
  }
  if (measure && !verb) {
    const ending = endsWithVerb(measure)
    return { measure: show(p) + (ending ? suffixFor(kind, unit, ending) : ''), isComparison: false, consumedTo: end }
  }
  const after = skipAside(a, end)
  const pred = predicateEnd(a, after)
  if (pred !== null) return { measure: show(p) + o.slice(after, pred).replace(/了/g, '') + suffixFor(kind, unit, a.slice(after, pred)), isComparison: false, consumedTo: end }
  if (verb) return { measure: show(p) + suffixFor(kind, unit, verb), isComparison: false, consumedTo: end }
  // Nothing next to the number: the clause's opening verb (资助…700余名共234.4万元 → 资助金额).
  const clause = trimLead(a, clauseBefore(a, start, 0))
  const opening = startsWithVerb(str(a, clause))
  if (opening && opening.length > 1) return { measure: show(clause.slice(0, opening.length)) + suffixFor(kind, unit, opening), isComparison: false, consumedTo: end }
  return { measure: inp.previous && kind === 'rate' ? inp.previous : KIND_LABEL[kind], isComparison: false, consumedTo: end }
}
