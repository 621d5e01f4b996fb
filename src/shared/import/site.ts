/**
 * The vocabulary of web platforms: words a page's own interface uses (download, upload,
 * share, member, customer service…) and a report almost never does. Noise rules count
 * how densely a line uses it instead of matching any one site's sentences.
 */
// Only words of a platform's own interface: 分享经验, 关注民生, 可复制可推广, 推荐 are report language.
const SITE_WORDS = [
  '下载', '下載', '上传', '上傳', '文档', '文檔', '会员', '會員', '登录', '登錄', '注册', '註冊', '客服', '版权', '版權', '本站',
  '网站', '網站', '网友', '網友', '投稿', '浏览', '瀏覽', '阅读全文', '收藏', '举报', '舉報', '点击', '點擊', '扫描', '掃描', '扫码', '掃碼',
  '二维码', '二維碼', '预览', '預覽', '付费', '付費', 'VIP', 'vip', '在线阅读', '在線閱讀', '珍藏版', '转载', '轉載', '侵权', '侵權',
  '页数', '頁數', '上传人', '下载券', '下載券', '金币', '金幣', '积分', '積分', '粉丝', '點讚', '点赞',
  '扫一扫', '掃一掃', '公众号', '公眾號', '客户端', '客戶端', '当前页', '當前頁'
]

/** Labels of a document card on a sharing site (大小：17KB, 页数：4页), as opposed to a report's own 时间：…. */
export const CARD_LABEL = /^(?:大小|格式|页数|頁數|编号|編號|ID|id|上传人|上傳人|上传时间|上傳時間|文档编号|文檔編號|下载次数|下載次數|浏览次数|瀏覽次數|阅读|閱讀|字数|字數|积分|積分|价格|價格|分类|分類|来源|來源|作者|网站客服|客服|推荐度|推薦度|发布时间|發布時間)$/

// A file format named in a short line (文档为doc格式) is a download card too.
const SITE_RE = new RegExp(`${SITE_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}|(?<![A-Za-z])(?:docx?|pdf|pptx?|xlsx?|wps)(?![A-Za-z])`, 'gi')

/** A short line of nothing but site words and figures: a price (2 积分), a button (VIP 下载). */
export function isSiteWordsOnly(text: string): boolean {
  return text.length <= 12 && siteWordCount(text) >= 1 && /^[\d\s.,，:：/]*$/.test(text.replace(SITE_RE, ''))
}

/** How many distinct site words a line uses. */
export function siteWordCount(text: string): number {
  const hits = text.match(SITE_RE)
  return hits ? new Set(hits).size : 0
}

/** A file name as a page shows it: `….docx`, `….doc_第1页`, `….pdf`. */
export const FILE_NAME_END = /\.(?:docx?|wps|pdf|txt|pptx?|xlsx?|rtf)(?:\s*[_-]?\s*第\s*\d{1,3}\s*页)?\s*$/i
