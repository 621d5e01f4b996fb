import { describe, expect, it } from 'vitest'
import { textToLines } from './lines'
import { classifyNoiseLine, stripNoise, stripWatermarks } from './noise'

const strip = (text: string) => {
  const r = stripNoise(textToLines(text))
  return { text: r.lines.map((l) => l.text).filter(Boolean), removed: r.removed }
}

describe('classifyNoiseLine', () => {
  it.each([
    ['首頁>心得體會>學習心得>2006年教育局工作總結', 'breadcrumb'],
    ['您现在的位置: 总结范文网 >> 单位总结 >> 正文', 'breadcrumb'],
    ['网站首页 › 公文写作 › 工作总结', 'breadcrumb'],
    ['时间:2022-08-15 08:16:00 工作总结', 'timestamp'],
    ['发布日期：2023-01-05', 'timestamp'],
    ['作者：佚名 2023-01-05 10:22 浏览次数：1024', 'timestamp'],
    ['来源: 单位总结', 'page-meta'],
    ['白雲飄飄範文網 編輯:小景', 'page-meta'],
    ['第一公文网', 'site-name'],
    ['下面是小编为大家整理的2023年工作总结，供大家参考。', 'editor-blurb'],
    ['以上就是本文的全部内容，希望对你有所帮助！', 'editor-blurb'],
    ['本文由网友投稿，转载请注明出处。', 'editor-blurb'],
    ['（责任编辑：王五）', 'page-meta'],
    ['2006年教育局工作總結 標籤:100個品德故事 黨務工作', 'tags'],
    ['From:https://www.example.com/Article/201209/26325.html', 'url'],
    ['本文链接：http://www.sample.cn/a/1.html', 'url'],
    ['Copyright © 2012 总结范文网 All rights reserved. 网站地图', 'copyright'],
    ['上一篇：2022年工作总结', 'page-chrome'],
    ['- 3 -', 'page-number'],
    ['第2页 共5页', 'page-number'],
    ['年度教育局工作总结3篇 教育局年度总结报告', 'collection-title'],
    ['精选学校安全工作总结范文10篇', 'collection-title'],
    ['教育局上半年工作总结和下半年工作计划(必备17篇)', 'collection-title'],
    ['教育局上半年教育工作總結(優秀13篇)', 'collection-title'],
    ['教育局半年工作总结汇总十篇', 'collection-title'],
    ['格式:DOC 上传日期:2023-11-21 00:49:12', 'timestamp'],
    ['來源:易賢網 閱讀:700 次 日期:2015-10-23 09:47:52', 'timestamp'],
    // Shapes of pages from sites never seen, by feature: platform vocabulary, document cards, menus, counters.
    ['2. 本文档由用户上传，版权归属用户，某某网负责整理代发布。如果您对本文档版权有争议请及时联系客服。', 'site-notice'],
    ['《某某工作总结.docx》由会员分享，可在线阅读，更多相关《某某工作总结.docx(13页珍藏版)》请在某某文库上搜索。', 'site-notice'],
    ['此文档下载收益归作者所有', 'site-notice'],
    ['文档为doc格式', 'site-notice'],
    ['大小:17.86KB', 'page-meta'],
    ['上传人:叶*** 文档编号:49570083 上传时间:2022-10-09 格式:DOCX 页数:5 大小:21.21KB', 'site-notice'],
    ['ID:732862', 'page-meta'],
    ['返回 下载 相关 举报', 'site-notice'],
    // A price or a button alone, even where it reads like a numbered line.
    ['2 积分', 'site-notice'],
    ['VIP 下载', 'site-notice'],
    // Controls, counters and follow-us lines of pages from other sites.
    ['收藏 | 打印 | 关闭', 'page-chrome'],
    ['【纠错】', 'page-chrome'],
    ['【大 中 小】', 'page-chrome'],
    ['点击关注', 'page-chrome'],
    ['扫码关注公众号', 'site-notice'],
    ['扫一扫在手机打开当前页', 'site-notice'],
    ['您是第1234位访客', 'page-meta'],
    ['2023 教育局 局长 个人 述职 报告', 'menu'],
    ['本文已影响 1.23W人', 'page-meta'],
    ['原创 2023-12-20 发布于四川', 'page-meta'],
    ['发布时间：2023年12月25日', 'timestamp'],
    ['第 1 页（共 12 页）', 'page-number'],
    ['技术支持：某某科技有限公司', 'copyright'],
    ['【打印本页】 【关闭窗口】', 'page-chrome'],
    ['关 闭', 'page-chrome'],
    ['相关热词搜索：工作总结 学校工作总结', 'tags'],
    ['教育局2022年上半年工作总结范文.docx_第1页', 'file-name']
  ])('%s → %s', (line, kind) => {
    expect(classifyNoiseLine(line)).toBe(kind)
  })

  it.each([
    '一、基本情况',
    '2024年上半年教育工作总结',
    '（三）完善校园网',
    '时间紧、任务重，我们克服困难按时完成了任务。',
    '县教育局',
    '2024年1月10日',
    '尊敬的各位领导：',
    '共发表论文3篇，获奖2篇。',
    '第三篇章：展望未来',
    '我们组织教师学习了《教育法》等法律法规，进一步增强了依法治教意识，促进了学校管理水平的提升。',
    '述职人：张三',
    '附件：1. 2024年经费统计表',
    '加强学习网络建设',
    '时间：2024年3月12日',
    '撰写心得体会2篇',
    '以上是我们的一些做法，供大家参考。',
    '向家长发送温馨提示短信2000条',
    // Report language that shares words with pages: none of it is noise.
    '形成了一批可复制可推广的经验做法，关注民生，分享经验。',
    '学生阅读量达到12000人次',
    '字体与样式支持',
    '打印机采购工作顺利完成',
    '定位左侧菜单active，使用<el-scrollbar></el-scrollbar> 去除滚动条',
    '// V  View 视图、html',
    '指标 2024年 2025年 增减',
    '2025-12-30',
    '关闭了3所薄弱学校',
    '推行教师积分制管理，积分结果与评优挂钩。',
    '3.积分制管理',
    '学校微信公众号全年发布推文120篇，家长扫码即可查看。',
    '收藏文物1200件',
    '关注民生'
  ])('%s is report text', (line) => {
    expect(classifyNoiseLine(line)).toBeNull()
  })
})

describe('stripWatermarks', () => {
  it('removes a host name injected mid-sentence and keeps both halves of the sentence', () => {
    const r = stripWatermarks('构建起完善的市、区、校三级教研网络。wWw.zOnGjIEFAnwen.Com在软件建设上,进一步健全了各项规章制度')
    expect(r.text).toBe('构建起完善的市、区、校三级教研网络。在软件建设上,进一步健全了各项规章制度')
    expect(r.removed).toEqual(['wWw.zOnGjIEFAnwen.Com'])
  })

  it('keeps a URL the author introduced', () => {
    const text = '家长可登录www.jyj.gov.cn查询招生信息，网址：https://zs.example.cn/query 。'
    expect(stripWatermarks(text).text).toBe(text)
  })

  it('keeps a link written out with its scheme and path', () => {
    const text = '定位左侧菜单，使用<el-scrollbar>去除滚动条  https://blog.csdn.net/a/article/details/79734787'
    expect(stripWatermarks(text).text).toBe(text)
  })

  it('leaves decimals and ordinary text alone', () => {
    const text = '投资6267.4万元，完成率99.5%，Word.docx 格式'
    expect(stripWatermarks(text).text).toBe(text)
  })
})

describe('stripNoise', () => {
  it('drops a related-article list and the titles under it', () => {
    const r = strip('最后一段正文。\n\n年度总结报告相关文章:\n\n年度工作总结范文3篇\n\n关于安全生产年终工作总结\n\n客服人员年度总结报告范文大全')
    expect(r.text).toEqual(['最后一段正文。'])
    expect(r.removed).toHaveLength(4)
  })

  it('drops the list under a header that is noise of another kind too (a collection page\'s name)', () => {
    const r = strip('继续加强家校合作。\n【学校德育工作总结范文（精选3篇）】相关文章：\n1.学校德育工作总结\n2.小学德育工作总结范文')
    expect(r.text).toEqual(['继续加强家校合作。'])
    expect(r.removed).toEqual(['【学校德育工作总结范文（精选3篇）】相关文章：', '1.学校德育工作总结', '2.小学德育工作总结范文'])
  })

  it('drops a friendly-links list with its header', () => {
    const r = strip('全年工作圆满完成。\n友情链接：\n中华人民共和国教育部\n某某省教育厅')
    expect(r.text).toEqual(['全年工作圆满完成。'])
  })

  it('stops the list where a title is followed by real text', () => {
    const r = strip(
      '热点推荐:\n您现在的位置: 总结范文网 >> 单位总结 >> 正文\n\n教育局推进城乡教育工作总结\n\n来源: 单位总结\n\n武安市位于河北省南部，是典型的山区县，全市现有各级各类学校348所，其中义务教育阶段学校343所。'
    )
    expect(r.text[0]).toBe('教育局推进城乡教育工作总结')
    expect(r.removed).toEqual(['热点推荐:', '您现在的位置: 总结范文网 >> 单位总结 >> 正文', '来源: 单位总结'])
  })

  it('cuts an editor aside out of a long paragraph without losing the paragraph', () => {
    const long = '今年我局各项工作取得了显著成效，全县学校均完成年度目标。'.repeat(10)
    const r = strip(`${long}以上是小编为大家整理的范文，仅供参考。${long}`)
    expect(r.text[0]).toBe(long + long)
    expect(r.removed).toEqual(['以上是小编为大家整理的范文，仅供参考。'])
  })
})
