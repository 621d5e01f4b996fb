import { SIMPLIFIED_CHARS, TRADITIONAL_CHARS } from './script'

/**
 * How plausible a decoded text is as Chinese prose. Decoding GBK bytes as Big5 (or the
 * reverse) rarely fails outright, it yields valid but rare characters; a correct decoding
 * is full of the most frequent ones. So a decoding is scored by the share of frequent
 * characters, with penalties for replacement characters, private-use and control codes.
 */

/** Frequent characters written the same in both scripts (the differing ones come from script.ts). */
const SHARED_COMMON =
  '的一是不了在人有我他中大上年工作以和要地出就分成可生也能下子而于自之事方多去法如都同好小部其些主理心本前但因只想日行所然家定天分起看面作用得而后市区化高全力量明相外加水公此已使性知三二合表制民政月并提直已正新教育校学生师县局共各位目标完成情况建设管理提高加强推进落实全面实施开展工作重点服务质量安全基础责任保障发展改革创新规范社会文化活动培训资金项目经费投入达到同比增长比例万元亿元人次名所个项方面部门单位领导班子干部群众思想政治教学科研课程课堂考试成绩素质均衡城乡农村幼儿园小学中学高中职业特殊办学条件标准规划布局调整改造扩建新建维修设备信息化网络平台系统资源共享交流合作考核评价监督检查整改问题不足原因措施方向计划打算目标任务要求意见建议今后下一步继续进一步切实认真积极主动及时有效有力扎实稳步不断持续全年上半年下半年季度月份日期时间年度总结报告材料汇报述职人员同志我们我局我县我市全县全市全区全省全国上级有关相关规定制度机制体系程序办法方案政策法律法规文件精神会议'

let common: Set<string> | null = null
function commonChars(): Set<string> {
  if (!common) common = new Set([...SHARED_COMMON, ...SIMPLIFIED_CHARS, ...TRADITIONAL_CHARS])
  return common
}

export interface Plausibility {
  /** Higher is more plausible; comparable between decodings of the same bytes. */
  score: number
  /** Share of U+FFFD replacement characters among all characters. */
  replacementRatio: number
  /** Share of CJK characters that are frequent ones. */
  commonRatio: number
}

export function textPlausibility(text: string, sample = 200_000): Plausibility {
  const set = commonChars()
  let total = 0
  let cjk = 0
  let frequent = 0
  let replacement = 0
  let odd = 0
  let score = 0
  for (const ch of text.length > sample ? text.slice(0, sample) : text) {
    total++
    const c = ch.codePointAt(0)!
    if (c === 0xfffd) {
      replacement++
      score -= 6
    } else if (c >= 0x4e00 && c <= 0x9fff) {
      cjk++
      if (set.has(ch)) {
        frequent++
        score += 3
      } else score += 0.3
    } else if ((c >= 0xe000 && c <= 0xf8ff) || (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) || (c >= 0x80 && c < 0xa0)) {
      odd++
      score -= 4
    } else if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c < 0x80) {
      score += 0.5
    } else {
      // Kana, Hangul, rare symbols, CJK extensions: possible but unlikely in a Chinese report.
      score -= 0.5
    }
  }
  return {
    score: total ? score / total : 0,
    replacementRatio: total ? replacement / total : 0,
    commonRatio: cjk ? frequent / cjk : 0,
    ...(odd > total * 0.2 ? { score: -10 } : {})
  }
}
