import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { markerLevel, parseMarker } from './markers'

describe('parseMarker', () => {
  it.each([
    ['一、基本情况', 1, 1, '一、', '基本情况'],
    ['十二、其他', 1, 12, '十二、', '其他'],
    ['二十一．附录说明', 1, 21, '二十一．', '附录说明'],
    ['三 存在的问题', 1, 3, '三', '存在的问题'],
    ['（一）加强领导', 2, 1, '（一）', '加强领导'],
    ['(二)加强领导', 2, 2, '(二)', '加强领导'],
    ['(一)、加強理論學習', 2, 1, '(一)、', '加強理論學習'],
    ['（ 三 ）. 完善制度', 2, 3, '（ 三 ）.', '完善制度'],
    ['1.科学管理', 3, 1, '1.', '科学管理'],
    ['1、科学管理', 3, 1, '1、', '科学管理'],
    ['2．德育工作', 3, 2, '2．', '德育工作'],
    ['３．全角数字', 3, 3, '３．', '全角数字'],
    ['4 教学工作', 3, 4, '4', '教学工作'],
    ['12. 第十二项', 3, 12, '12.', '第十二项'],
    ['（1）课后服务', 4, 1, '（1）', '课后服务'],
    ['(2)作业管理', 4, 2, '(2)', '作业管理'],
    ['3）组织比赛', 4, 3, '3）', '组织比赛'],
    ['- 1、加强组织领导', 3, 1, '1、', '加强组织领导'],
    ['• （一）列表里的标题', 2, 1, '（一）', '列表里的标题']
  ])('%s', (text, level, ordinal, source, rest) => {
    expect(parseMarker(text)).toEqual({ level, ordinal, source, rest })
  })

  it.each([
    '一是全面落实科学发展目标。',
    '一、二年级学生全部参加',
    '一、二等奖各3名',
    '1.5万平方米的新校舍',
    '3．2%的增长',
    '2、3月份共组织会议5次',
    '10 月份召开了现场会',
    '3 个学区完成建设',
    '2024年上半年',
    '十分重视安全工作',
    '3-5岁幼儿入园率达98.7%',
    '①加强领导',
    '《1》《2》',
    '-3℃以下停课',
    '一般性工作'
  ])('%s is not a marker', (text) => {
    expect(parseMarker(text)).toBeNull()
  })

  it('knows the level of a bare marker', () => {
    expect(['一、', '（一）', '1.', '（1）', '(一)、', '1、'].map(markerLevel)).toEqual([1, 2, 3, 4, 2, 3])
  })

  it('never throws and only reports markers found at the start', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const m = parseMarker(s)
        if (m) {
          expect(s.includes(m.source.replace(/\s+/g, '').slice(0, 1))).toBe(true)
          expect(m.ordinal).toBeGreaterThan(0)
        }
      })
    )
  })
})
