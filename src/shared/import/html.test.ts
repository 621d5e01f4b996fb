import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blockText } from '../doc/model'
import { decodeEntities, htmlToLines, importHtml } from './html'

describe('htmlToLines', () => {
  it('keeps block boundaries, drops scripts and styles, decodes entities', () => {
    const lines = htmlToLines(
      '<html><head><title>x</title><style>p{color:red}</style></head><body><p>第一段&nbsp;文字&ldquo;引号&rdquo;</p><script>var a = "<p>no</p>"</script><div>第二段<br>第三段</div><p>A &amp; B &#20013;&#x6587;</p></body></html>'
    )
    expect(lines.map((l) => l.text)).toEqual(['第一段 文字“引号”', '第二段', '第三段', 'A & B 中文'])
  })

  it('marks headings with their level and joins source line breaks between Chinese characters', () => {
    const lines = htmlToLines('<h1>2024年\n工作总结</h1><h2>一、基本情况</h2><p>Hello\nworld</p>')
    expect(lines).toEqual([
      { text: '2024年工作总结', heading: 1 },
      { text: '一、基本情况', heading: 2 },
      { text: 'Hello world' }
    ])
  })

  it('turns a data table into a table line', () => {
    const lines = htmlToLines('<p>表1</p><table><tr><th>项目</th><th>金额</th></tr><tr><td><p>校舍</p></td><td>2亿元</td></tr></table><p>后文</p>')
    expect(lines).toEqual([{ text: '表1' }, { text: '', table: [['项目', '金额'], ['校舍', '2亿元']], tableHeader: true }, { text: '后文' }])
  })

  it('flattens a layout table holding the article back into lines', () => {
    const para = '今年以来，我局认真贯彻落实上级部署，各项工作取得了明显成效，得到了上级领导的充分肯定和社会各界的广泛好评。'
    const lines = htmlToLines(`<table><tr><td>导航</td><td><p>2024年工作总结</p><p>${para}</p><p>一、基本情况</p></td></tr></table>`)
    expect(lines.map((l) => l.text)).toEqual(['导航', '2024年工作总结', para, '一、基本情况'])
  })

  it('survives broken markup', () => {
    expect(htmlToLines('<p>未闭合的段落<b>加粗<!-- 注释没有结束').map((l) => l.text)).toEqual(['未闭合的段落加粗'])
    expect(htmlToLines('a < b 且 c > d').map((l) => l.text)).toEqual(['a < b 且 c > d'])
    expect(decodeEntities('&unknown; &#0; &#55296;')).toBe('&unknown;  ')
  })
})

describe('robustness', () => {
  it('never throws on arbitrary markup, and a huge unclosed tag or comment does not hang', () => {
    const tag = fc.constantFrom('<p>', '</p>', '<table>', '</table>', '<tr>', '<td>', '</td>', '<th>', '<h1>', '</h1>', '<br/>', '<script>', '<!--', '-->', '<pre>', '</pre>', '&nbsp;', '&#x4e2d;', '<', '>')
    fc.assert(
      fc.property(fc.array(fc.oneof(tag, fc.string({ maxLength: 12 })), { maxLength: 60 }), (parts) => {
        importHtml(parts.join(''))
      }),
      { numRuns: 300 }
    )
    const start = performance.now()
    htmlToLines(`<p ${'a'.repeat(1_000_000)}`)
    htmlToLines(`<!--${'-'.repeat(1_000_000)}`)
    htmlToLines('<td>'.repeat(100_000))
    expect(performance.now() - start).toBeLessThan(1500)
  })
})

describe('importHtml', () => {
  it('imports a web page: navigation before the <h1> and the footer are dropped', () => {
    const html = `<ul><li>首页</li><li>工作总结</li><li>心得体会</li></ul>
      <h1>城关小学2024年安全工作总结</h1><p>发布时间：2024-12-30 10:00</p>
      <p>本年度，我校始终把安全工作放在首位，现总结如下：</p>
      <p>一、领导重视，责任落实</p><p>成立了以校长为组长的安全工作领导小组。</p>
      <table><tr><td>项目</td><td>次数</td></tr><tr><td>演练</td><td>4</td></tr></table>
      <p>二、强化教育，提高意识</p><p>开展安全教育活动12次。</p>
      <p>上一篇：2023年安全工作总结</p><p>Copyright © 2024 某某网</p>`
    const r = importHtml(html)
    expect(r.reports).toHaveLength(1)
    const rep = r.reports[0]
    expect(rep.meta.title).toBe('城关小学2024年安全工作总结')
    expect(rep.sections.map((s) => s.title)).toEqual(['领导重视，责任落实', '强化教育，提高意识'])
    expect(rep.sections[0].blocks[1]).toEqual({ type: 'table', rows: [['项目', '次数'], ['演练', '4']] })
    expect(rep.sections[1].blocks.map(blockText)).toEqual(['开展安全教育活动12次。'])
    expect(r.removed).toEqual(['首页', '工作总结', '心得体会', '发布时间：2024-12-30 10:00', '上一篇：2023年安全工作总结', 'Copyright © 2024 某某网'])
  })
})
