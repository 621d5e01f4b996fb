import type { SourceLine } from './lines'
import { parseMarker } from './markers'
import { isDateLine, isUnitLine, PERSON } from './meta'
import { CARD_LABEL, FILE_NAME_END, isSiteWordsOnly, siteWordCount } from './site'

/**
 * Web noise: what a page wraps around the article when a clerk copies it.
 * Each rule describes the *shape* of a kind of noise (a breadcrumb is a short line
 * of `>`-separated crumbs, a timestamp line starts with 时间: and a date…), never a
 * particular site, so it carries over to pages nobody has seen. Rules are gated by
 * line length and sentence punctuation so a report's own sentences are never taken.
 */

export type NoiseKind =
  | 'breadcrumb'
  | 'timestamp'
  | 'page-meta'
  | 'site-name'
  | 'editor-blurb'
  | 'tags'
  | 'url'
  | 'copyright'
  | 'page-chrome'
  | 'page-number'
  | 'collection-title'
  | 'related-list'
  | 'site-notice'
  | 'menu'
  | 'file-name'

export interface NoiseResult {
  lines: SourceLine[]
  removed: string[]
}

// Half-width ?/! are not counted: in pasted Chinese text they are more often a lost character than a sentence end.
const SENTENCE_END = /[。！？]/

const BREADCRUMB_START = /^(?:网站首页|網站首頁|首页|首頁|主页|主頁|当前位置|當前位置|您的位置|你的位置|您现在的位置|您現在的位置|你现在的位置|你現在的位置|现在的位置|現在的位置|所在位置)/
const CRUMB_SEPARATOR = /\s*(?:>>|>|＞|»|›|→)\s*/g

// Web pages write 2022-08-15; a report's own 时间：2024年3月12日 is content.
const TIMESTAMP_START = /^(?:发布|發布|發佈|更新|上传|上傳|录入|錄入|添加|创建|創建)?(?:时间|時間|日期)\s*[:：]\s*\d{4}\s*[-/.]\s*\d{1,2}|^(?:发布|發布|發佈|更新|上传|上傳|发表|發表)(?:时间|時間|日期|于|於)\s*[:：]?\s*\d{4}\s*年/
/** A page's dateline: an ISO date beside words only a page prints (原创 2023-12-20 发布于四川). */
const DATELINE = /\d{4}-\d{1,2}-\d{1,2}/
const DATELINE_WORD = /发布|發布|发表|發表|原创|原創|来源|來源|作者|编辑|編輯|更新|阅读|閱讀|浏览|瀏覽/
/** A page's counter: 本文已影响 1.23W人, 阅读 3562, 浏览量 2.1万次. */
/** A visitor counter: 您是第1234位访客. */
const VISITOR = /^(?:您是)?(?:本站)?第\s*\d[\d,]*\s*位(?:访客|訪客|访问者|訪問者|浏览者|瀏覽者)/
const COUNTER = /(?:阅读|閱讀|浏览|瀏覽|影响|影響|点击|點擊|访问|訪問|围观|圍觀|人气|人氣|热度|熱度|下载|下載)(?:次数|次數|量|数|數)?\s*[:：]?\s*\d[\d.,]*\s*[万萬WwKk]?\s*(?:人次|人|次)?$/
const DATETIME = /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}/

const PAGE_META = /(?:来源|來源|出处|出處|编辑|編輯|责编|責編|责任编辑|責任編輯|发布者|發布者|發佈者|投稿|浏览|瀏覽|阅读|閱讀|点击|點擊|人气|人氣)(?:次数|次數|量|数|數)?\s*[:：]/
const AUTHOR_META = /(?:作者|录入|錄入)\s*[:：]/

// A site name ends its word (范文网 ·, not 学习网络): the lookahead keeps report text like 校园网络 out.
const SITE_WORD = /(?:(?:范文|範文|文库|文庫|作文|公文|文秘|秘书|秘書|资料|資料|论文|論文|文章|写作|寫作|学习|學習|总结|總結|心得|文档|文檔)(?:网|網|站|库|庫|吧)|网站|網站)(?![\u3400-\u9FFF])|[A-Za-z0-9-]+\.(?:com|cn|net|org)\b/i

/** Asides only an editor writes. */
const BLURB_STRONG = /还剩\s*\d+\s*页未读|還剩\s*\d+\s*頁未讀|继续阅读|繼續閱讀|展开阅读|展開閱讀|查看全文|小编|小編|精心整理|精心收集|为大家(?:整理|收集|准备|带来|精选)|為大家(?:整理|收集|準備|帶來|精選)|希望(?:对|對)(?:你|您|大家)有所?(?:帮助|幫助)|(?:点击|點擊)(?:下载|下載|查看|阅读|閱讀)|下载(?:本文|全文)|下載(?:本文|全文)|阅读全文|閱讀全文|展开全文|展開全文|本文由|本文来自|本文來自|转载请注明|轉載請註明|免费下载|免費下載|全文共\s*\d+\s*字/
/** Asides a report may also say (供大家参考): noise only with a web word beside them. */
const BLURB_WEAK = /供大家(?:参考|參考|阅读|閱讀|借鉴|借鑒|学习|學習|参阅|參閱|欣赏|欣賞)|欢迎(?:阅读|借鉴|参考|大家阅读|下载)|歡迎(?:閱讀|借鑒|參考|下載)|仅供参考|僅供參考|以供参考|以供參考/
const WEB_WORD = /范文|範文|整理|本文|下文|文章|网|網|精选|精選|大全|下面是|以下是|模板|样本|樣本/

function isBlurb(t: string): boolean {
  return BLURB_STRONG.test(t) || (BLURB_WEAK.test(t) && WEB_WORD.test(t))
}

const TAGS = /(?:标签|標籤|标籤|关键词|關鍵詞|关键字|關鍵字|热词|熱詞|热词搜索|熱詞搜索|相关搜索|相關搜索|tags?)\s*[:：]/i

const COPYRIGHT = /copyright|版权所有|版權所有|all rights reserved|©|ICP备|ICP證|ICP证|网站地图|網站地圖|联系我们|聯繫我們|聯絡我們|返回顶部|返回頂部|返回首页|返回首頁|设为首页|設為首頁|加入收藏|免责声明|免責聲明|版权声明|版權聲明|技术支持\s*[:：]|技術支持\s*[:：]|主办单位\s*[:：]|主辦單位\s*[:：]|承办单位\s*[:：]|承辦單位\s*[:：]|网站标识码|網站標識碼|公网安备|公網安備/i

const CHROME_WORDS = '打印本文|打印此文|打印|关闭窗口|關閉窗口|关闭|關閉|分享到|收藏本文|收藏本页|上一篇|下一篇|上一页|下一頁|下一页|字号|字號|字体|字體|扫一扫|掃一掃|微信扫|微信掃|点赞|點讚|举报|舉報|发表评论|發表評論|我要评论|我要評論|本文链接|本文鏈接|收藏|纠错|糾錯|点击关注|點擊關注|扫码关注|掃碼關注|大\\s*中\\s*小'
// A line made only of a page's controls ([打印本页] [关闭窗口]), or a control's label before its value
// (上一篇：…): 字体与样式支持 is a heading, not the font control.
const CHROME = new RegExp(`^(?:[【[]?\\s*(?:${CHROME_WORDS})[\\u3400-\\u9fff]{0,3}\\s*[】\\]]?\\s*[|｜/]?\\s*)+$|^[【[]?\\s*(?:${CHROME_WORDS})\\s*[:：>»]`)

const PAGE_NUMBER = /^[-—–_\s]*(?:第\s*\d{1,3}\s*页(?:\s*[,，/（(]?\s*共\s*\d{1,3}\s*页\s*[)）]?)?|\d{1,3}\s*\/\s*\d{1,3}|\d{1,3})[-—–_\s]*$/

// A count of articles: 工作总结3篇 教育局年度总结 / 范文(12篇) / (必备17篇) / 汇总十篇 — right after a kind word
// or inside brackets, ending the phrase.
const COUNT = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})篇'
const COLLECTION = new RegExp(
  `(?:总结|總結|报告|報告|范文|範文|模板|心得|体会|體會|材料|计划|計劃|汇报|匯報|大全|精选|精選|汇总|匯總|合集|怎么写|怎麼寫)\\s*${COUNT}(?=$|[\\s(（【[])|[（(【[][^（()）【】[\\]]{0,6}${COUNT}[^（()）【】[\\]]{0,4}[)）】\\]]`
)
const COLLECTION_WORD = /总结|總結|报告|報告|范文|範文|模板|心得|体会|體會|材料|计划|計劃|汇报|匯報|述职|述職/

const RELATED = /(?:相关文章|相關文章|相关阅读|相關閱讀|相关推荐|相關推薦|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热门文章|熱門文章|猜你喜欢|猜你喜歡|热点推荐|熱點推薦|热门推荐|熱門推薦|精彩推荐|精彩推薦|最新文章|相关范文|相關範文|相关内容|相關內容|更多相关|更多相關|推荐文章|推薦文章|热门范文|熱門範文|同类文章|同類文章|大家都在看|还看了|還看了|友情链接|友情鏈接)\s*[:：]?\s*$/

/** Hosts in text: (https://)host.tld(/path). The lookbehind keeps starts at token boundaries, so matching is linear. */
const URL_IN_TEXT = /(?<![A-Za-z0-9.\-@/])(?:https?:\/\/)?(?:[A-Za-z0-9-]+\.)+(?:com|cn|net|org|cc|info|top|vip|xyz|wang|site|tw|hk)(?:\.cn|\.tw|\.hk)?(?![A-Za-z0-9-])(?:\/[\x21-\x7E]*)?/gi
/** Words that introduce a URL the author meant to write (网址：…, 登录…). */
const URL_INTRO = /(?:网址|網址|网站|網站|登录|登錄|登陆|登陸|访问|訪問|链接|鏈接|地址|详见|詳見|关注|關注|邮箱|郵箱|[:：（(“"])\s*$/

/** `label:value` fields of a page's document card: 大小:17.86KB, 页数:4页, 格式:DOCX, ID:732862, 上传人:叶***. */
const FIELD = /([\u3400-\u9fffA-Za-z]{1,6})\s*[:：]\s*([^\s:：]{0,30})/g

function isFieldLine(t: string): boolean {
  if (t.length > 120 || /[。！？，,；;]/.test(t)) return false
  const fields = [...t.matchAll(FIELD)]
  if (!fields.length || fields.map((f) => f[0]).join('').length < t.replace(/\s+/g, '').length * 0.9) return false
  // A value a page prints (digits, sizes, formats, masked names); a report's 时间：2024年3月12日 is content.
  const pageValue = fields.some(([, , v]) => v === '' || /^[\w.\-/*:]+$/.test(v) || /^\d+(?:\.\d+)?\s*(?:页|頁|KB|MB|次|人|字)$/i.test(v))
  const siteLabel = fields.some(([, label]) => CARD_LABEL.test(label) || siteWordCount(label) > 0 || /^[A-Za-z]{1,6}$/.test(label))
  return pageValue && (fields.length >= 2 || siteLabel)
}

/** Short names joined by `>`: 首页 > 工作总结 > 正文 (and not markup such as <el-scrollbar>). */
function isCrumbTrail(t: string): boolean {
  if (/[<{}]/.test(t)) return false
  const parts = t.split(CRUMB_SEPARATOR).filter((p) => p.trim())
  return parts.length >= 3 && parts.every((p) => p.length <= 30)
}

/** A row of short links or keywords: 返回 下载 相关 举报 / 工作总结 工作计划 党课下载 / 2023 教育局 局长 个人. */
function isMenuLine(t: string): boolean {
  if (t.length > 80 || /[，。；：！？,;:!?]/.test(t)) return false
  const tokens = t.split(/\s+/).filter(Boolean)
  // Links and keywords are words: a token of symbols (//, *, {x}) is code or markup.
  if (tokens.length < 2 || tokens.some((k) => [...k].length > 8 || !/^[\p{L}\p{N}·]+$/u.test(k))) return false
  // Figures side by side are a table row or a comparison, not links.
  if (tokens.filter((k) => /\d/.test(k)).length > 1) return false
  return tokens.length >= 4 || siteWordCount(t) >= 2
}

/** Notices of a document-sharing platform: dense in its vocabulary (下载, 文档, 会员, 客服…). */
function isSiteNotice(t: string): boolean {
  if (t.length > 200) return false
  const n = siteWordCount(t)
  // A short line needs fewer: 此文档下载收益归作者所有, 文档为doc格式.
  return (n >= 3 && (t.length <= 160 || n * 40 >= t.length)) || (n >= 2 && t.length <= 20) || isSiteWordsOnly(t)
}

/** Classifies one line on its own; related-article lists need context and are handled in stripNoise. */
export function classifyNoiseLine(line: string): NoiseKind | null {
  const t = line.trim()
  const n = t.length
  if (n === 0) return null
  const marked = parseMarker(t) !== null
  const sentence = SENTENCE_END.test(t)

  if (n <= 150 && !sentence && (BREADCRUMB_START.test(t) || (!marked && isCrumbTrail(t)))) return 'breadcrumb'
  if (n <= 100 && (TIMESTAMP_START.test(t) || (!sentence && DATETIME.test(t)))) return 'timestamp'
  if (n <= 250 && TAGS.test(t)) return 'tags'
  // A site's intro paragraph ends with the editor's aside; a longer line that goes on after the aside
  // keeps its other sentences, and only the aside is cut out of it (stripNoise).
  if (n <= 120 && isBlurb(t)) return 'editor-blurb'
  if (n <= 250) {
    const last = lastSentence(t)
    if (last.length >= n * 0.3 && isBlurb(last)) return 'editor-blurb'
  }
  if (n <= 200 && COPYRIGHT.test(t)) return 'copyright'
  if (isUrlLine(t)) return 'url'
  if (isSiteNotice(t)) return 'site-notice'
  if (!marked && isFieldLine(t)) return 'page-meta'
  if (!marked && isMenuLine(t)) return 'menu'
  if (n <= 100 && !sentence && /_\s*第\s*\d{1,3}\s*页\s*$/.test(t) && FILE_NAME_END.test(t)) return 'file-name'
  if (!marked && n <= 60 && !sentence) {
    if (PAGE_META.test(t)) return 'page-meta'
    if (AUTHOR_META.test(t) && (SITE_WORD.test(t) || DATETIME.test(t))) return 'page-meta'
    // A control's label letter-spaced (关 闭) is still the control.
    if (CHROME.test(t) || (n <= 10 && CHROME.test(t.replace(/\s+/g, '')))) return 'page-chrome'
    if (COUNTER.test(t) || VISITOR.test(t) || (DATELINE.test(t) && DATELINE_WORD.test(t))) return 'page-meta'
  }
  if (!marked && n <= 40 && !/[，,。]/.test(t) && SITE_WORD.test(t)) return 'site-name'
  if (PAGE_NUMBER.test(t)) return 'page-number'
  if (!marked && n >= 10 && n <= 60 && !sentence && COLLECTION.test(t) && COLLECTION_WORD.test(t) && !/^[【[]?\s*第/.test(t)) return 'collection-title'
  return null
}

const URL_LABEL = /^(?:from|source|url|link|来源|來源|原文|原文地址|原文链接|原文鏈接|本文地址|本文链接|本文鏈接|文章来源|文章來源|链接|鏈接|网址|網址|地址|转载|轉載|转载自|轉載自|转自|轉自|出处|出處)?$/i

/** A line that is a URL with at most a short label (From:, 来源：, 原文链接…). */
function isUrlLine(t: string): boolean {
  if (t.length > 300 || !/https?:\/\/|www\./i.test(t)) return false
  const rest = t.replace(URL_IN_TEXT, '').replace(/https?:\/\/\S*/gi, '')
  return URL_LABEL.test(rest.replace(/[\s:：,，。.|\-—_()（）[\]【】]/g, ''))
}

export function isRelatedListHeader(line: string): boolean {
  return line.length <= 80 && RELATED.test(line)
}

/** A line that reads as article text rather than a list of links: long, or a finished sentence. Numbered links (1.…) are still links. */
function isBodyLike(t: string): boolean {
  return t.length >= 40 || (t.length >= 12 && /[。！？；]$/.test(t))
}

/**
 * Inline watermarks: a site's host name injected mid-sentence
 * (`…教研网络。wWw.zOnGjIEFAnwen.Com在软件建设上…`). A URL the author introduced
 * (网址：…, 登录…) stays; one glued between sentences without introduction goes.
 */
export function stripWatermarks(text: string): { text: string; removed: string[] } {
  if (!/\.(?:com|cn|net|org|cc|info|top|vip|xyz|wang|site|tw|hk)/i.test(text)) return { text, removed: [] }
  const removed: string[] = []
  const out = text.replace(URL_IN_TEXT, (url: string, offset: number) => {
    // A watermark is a bare host passed off as text; a link written out with its scheme and path is the author's.
    if (/^https?:\/\/[^/]+\/\S/i.test(url) || URL_INTRO.test(text.slice(Math.max(0, offset - 6), offset))) return url
    removed.push(url)
    return ''
  })
  return { text: out, removed }
}

function lastSentence(t: string): string {
  const parts = t.match(/[^。！？!?]+[。！？!?]*/g) ?? [t]
  return parts[parts.length - 1]
}

/** Removes blurb sentences from a long paragraph where only one sentence is an editor's aside. */
function stripBlurbSentences(text: string, removed: string[]): string {
  if (!isBlurb(text)) return text
  // Sentences, and fragments set apart by a space (a page's `还剩5页未读，继续阅读` glued after the text).
  const sentences = text.match(/[^。！？!?\s]+(?:[^。！？!?\s]|\s(?![\s\S]*?(?:还剩|還剩|继续阅读|繼續閱讀)))*[。！？!?]*\s*|\s+/g) ?? [text]
  return sentences
    .filter((s) => {
      if (!isBlurb(s)) return true
      removed.push(s.trim())
      return false
    })
    .join('')
}

/** A report's own last lines: its signature, date, attachment note, closing formula, a numbered item or a sentence. */
function endsReport(t: string): boolean {
  return isDateLine(t) || isUnitLine(t) || PERSON.test(t) || /^附\s*件/.test(t) || /^(?:特此|以上|妥否|此致|敬礼)/.test(t) || parseMarker(t) !== null || (t.length >= 15 && /[。！？]/.test(t))
}

/** Page text after the report: links, site credits, share buttons, `END`. */
function isTailLine(t: string): boolean {
  return t.length <= 40 && !/[。！？]/.test(t)
}

/**
 * The page below the document: a run of short lines after the report's last sentence or
 * signature (share buttons, `扫一扫在手机打开当前页`, the site's credits, `还剩12页未读`). It goes
 * when one of its lines shows it is the page's (site vocabulary, a field or menu line, a
 * line with no Chinese at all) and none of them could end a report.
 */
function dropPageTail(lines: SourceLine[], drop: boolean[], kinds: (NoiseKind | null)[], fixed: (l: SourceLine) => boolean): void {
  const tail: number[] = []
  let evidence = false
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]
    if (!l.table && l.text === '') continue
    if (drop[i]) {
      evidence = true
      continue
    }
    if (fixed(l) || endsReport(l.text) || !isTailLine(l.text)) break
    tail.push(i)
    if (siteWordCount(l.text) > 0 || isFieldLine(l.text) || isMenuLine(l.text) || /^[A-Za-z]{2,8}$/.test(l.text)) evidence = true
  }
  if (!evidence || tail.length > 12) return
  for (const i of tail) {
    drop[i] = true
    kinds[i] = 'page-chrome'
  }
}

/** Drops noise lines (recording each in `removed`) and strips inline watermarks from the rest. */
export function stripNoise(lines: SourceLine[], keep?: ReadonlySet<string>, trustStructure = false): NoiseResult {
  const removed: string[] = []
  const kept = (text: string) => !!keep?.has(text)
  // A heading a document's structure declares (Word, Markdown) is never a web page's chrome.
  const declared = (l: SourceLine): boolean => !!l.auto || !!l.title || (trustStructure && !!l.heading)
  const kinds = lines.map((l) => (l.table || kept(l.text) || declared(l) ? null : classifyNoiseLine(l.text)))
  const drop = kinds.map((k) => k !== null)

  // A related-article list: its header line, then short title lines until real text resumes.
  // A short line followed by article text is a title of real content (the next report), not a link.
  const nextContent = (from: number): number => {
    let j = from
    while (j < lines.length && (drop[j] || (!lines[j].table && lines[j].text === ''))) j++
    return j
  }
  /** The nearest line with text from `from` on in direction `step`, dropped or not. */
  const nearest = (from: number, step: 1 | -1): number => {
    let j = from
    while (j >= 0 && j < lines.length && !lines[j].table && lines[j].text === '') j += step
    return j
  }
  for (let i = 0; i < lines.length; i++) {
    // The header may already be noise of another kind (【…精选3篇】相关文章：): its list still goes.
    if (lines[i].table || kept(lines[i].text) || declared(lines[i]) || !isRelatedListHeader(lines[i].text)) continue
    drop[i] = true
    kinds[i] ??= 'related-list'
    let j = nextContent(i + 1)
    while (j < lines.length) {
      const t = lines[j].text
      if (lines[j].table || kept(t) || isBodyLike(t)) break
      const after = nextContent(j + 1)
      if (after < lines.length && !lines[after].table && isBodyLike(lines[after].text) && parseMarker(lines[after].text) === null) break
      drop[j] = true
      kinds[j] = 'related-list'
      j = nextContent(j + 1)
    }
  }

  // A platform's notice list: an item with fewer of its words still belongs with the notices around it,
  // and so does the list's label (温馨提示：).
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < lines.length; i++) {
      if (drop[i] || lines[i].table || kept(lines[i].text) || declared(lines[i])) continue
      const t = lines[i].text
      const near = [nearest(i + 1, 1), nearest(i - 1, -1)].some((j) => j >= 0 && j < lines.length && kinds[j] === 'site-notice')
      if (near && ((t.length <= 120 && siteWordCount(t) >= 2) || (t.length <= 12 && /[:：]$/.test(t)))) {
        drop[i] = true
        kinds[i] = 'site-notice'
      }
    }
  }

  // A Word or Markdown document has no page around it.
  if (!trustStructure) dropPageTail(lines, drop, kinds, (l) => l.table !== undefined || kept(l.text) || declared(l))

  const out: SourceLine[] = []
  lines.forEach((line, i) => {
    if (drop[i]) {
      removed.push(line.text)
      // A gap where the noise stood: the lines around it are not one paragraph cut in two.
      out.push({ text: '' })
      return
    }
    if (line.table || line.text === '') {
      out.push(line)
      return
    }
    // A line holding a fragment the user put back is left exactly as written.
    if (keep && [...keep].some((k) => line.text.includes(k))) {
      out.push(line)
      return
    }
    const wm = stripWatermarks(line.text)
    removed.push(...wm.removed)
    const text = line.text.length > 120 ? stripBlurbSentences(wm.text, removed) : wm.text
    out.push({ ...line, text: text.trim() })
  })
  return { lines: out, removed }
}
