import { convertText } from '../convert/report-script'
import { countScript } from '../convert/script'

/**
 * The text the figure patterns read: simplified, with ASCII digits and point, and exactly as long
 * as the original so every offset found in it is an offset in the original. Traditional text
 * (上線率為7.7%) is read through its simplified form so one set of word lists serves both.
 */
export function analysisText(text: string): string {
  let t = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.')
  if (countScript(t).traditional > 0) {
    const s = convertText(t, 'simplified')
    if (s.length === t.length) t = s
  }
  return t
}

/** A measure reduced for matching across reports: simplified, no quotes, brackets, spaces or leading 全县/我局. */
export function measureKey(measure: string): string {
  let k = convertText(measure, 'simplified').replace(/[\s“”"'‘’《》〈〉「」『』()（）【】[\]]/g, '')
  for (;;) {
    const next = k.replace(/^(?:全县|全市|全区|全省|全州|全镇|全乡|全校|全局|全系统|全国|我县|我市|我区|我局|我校|我省|我州|我镇|我乡|本县|本市|本区|本局|本校|今年|去年|全年|本年度|本年)/, '')
    if (next === k || next.length < 2) break
    k = next
  }
  return k
}
