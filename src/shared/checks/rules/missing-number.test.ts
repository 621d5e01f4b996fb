import { describe, expect, it } from 'vitest'
import { findingsOf, reportOf, selected } from '../testing'

const find = (...paras: string[]) => {
  const r = reportOf(paras)
  return findingsOf(r, 'missing-number').map((f) => selected(r, f))
}

describe('missing-number', () => {
  it('finds units with no figure before them', () => {
    expect(find('全县中小学上线率%，比去年有所提高。')).toEqual(['%'])
    expect(find('新建教学楼，投资约亿元。')).toEqual(['亿元'])
    expect(find('新建校舍面积㎡，已投入使用。')).toEqual(['㎡'])
    expect(find('全县共有学生万人。')).toEqual(['万人'])
    expect(find('改造校舍面积平方米，全部完工。')).toEqual(['平方米'])
    expect(find('巩固率％，辍学率‰。')).toEqual(['％', '‰'])
  })

  it('says which word is missing its number', () => {
    const r = reportOf(['新建教学楼，投资约亿元。'])
    expect(findingsOf(r, 'missing-number')[0].message).toContain('约亿元')
  })

  it('accepts figures, approximations and numerals before units', () => {
    expect(
      find(
        '城乡学前三年幼儿入园率93%，资助金额6267.4万元，投入2亿元。',
        '近万人参加，上亿元投资，数万人受益，百余万元，三万人，二千万元。',
        '增长 4.8 %，几%的差距，每平方米造价，3.3万平方米。'
      )
    ).toEqual([])
  })

  it('leaves labels, idioms and unit names alone', () => {
    expect(
      find(
        '单位：万元',
        '比例(%)',
        '开展“万人评教”监督工程。',
        '他家成为当年的万元户，村里召开万人大会。',
        '按平方米计算租金。',
        '把党的政策送到千家万户，每万人口拥有医生数提高，每㎡造价下降，藏书万册。'
      )
    ).toEqual([])
    const table = reportOf([{ type: 'table', rows: [['项目', '%', '万元'], ['入园率', '93', '']] }])
    expect(findingsOf(table, 'missing-number')).toEqual([])
  })
})
