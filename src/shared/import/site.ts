/**
 * The vocabulary of web platforms: words a page's own interface uses (download, upload,
 * share, member, customer service…) and a report almost never does. Noise rules count
 * how densely a line uses it instead of matching any one site's sentences.
 */
const SITE_WORDS = [
  '下载', '下載', '上传', '上傳', '文档', '文檔', '会员', '會員', '登录', '登錄', '注册', '註冊', '客服', '版权', '版權', '本站',
  '网站', '網站', '网友', '網友', '投稿', '浏览', '瀏覽', '阅读全文', '收藏', '分享', '举报', '舉報', '投诉', '投訴', '点击', '點擊',
  '评论', '評論', '扫描', '掃描', '扫码', '掃碼', '二维码', '二維碼', '手机', '手機', '预览', '預覽', '付费', '付費', '积分', '積分',
  'VIP', 'vip', '在线阅读', '在線閱讀', '珍藏版', '搜索', '原创', '原創', '转载', '轉載', '侵权', '侵權', '联系我们', '网址', '網址',
  '页数', '頁數', '大小', '格式', '编号', '編號', '上传人', '下载券', '下載券', '金币', '金幣', '粉丝', '关注', '關注', '点赞', '點讚',
  '复制', '複製', '打印', '字号', '字號', '返回', '顶部', '頂部', '首页', '首頁', '栏目', '欄目', '频道', '頻道', '热门', '熱門', '推荐', '推薦'
]

const SITE_RE = new RegExp(SITE_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g')

/** How many distinct site words a line uses. */
export function siteWordCount(text: string): number {
  const hits = text.match(SITE_RE)
  return hits ? new Set(hits).size : 0
}

/** A file name as a page shows it: `….docx`, `….doc_第1页`, `….pdf`. */
export const FILE_NAME_END = /\.(?:docx?|wps|pdf|txt|pptx?|xlsx?|rtf)(?:\s*[_-]?\s*第\s*\d{1,3}\s*页)?\s*$/i
