import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { MAX_NAME_BYTES, baseNameFor, cutToBytes, fileNameFor } from './file-name'

const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

describe('file names from report titles', () => {
  it('cuts a long Chinese title by bytes: 100 characters would be 300 bytes', () => {
    const title = '某某县教育局关于'.repeat(13) + '工作总结'
    const name = fileNameFor(title, 'docx')
    expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES)
    expect(name.endsWith('.docx')).toBe(true)
    expect(title.startsWith(name.slice(0, -5))).toBe(true)
    // With the room a batch export keeps for （1234）.
    expect(bytes(`${baseNameFor(title, 'docx')}（1234）.docx`)).toBeLessThanOrEqual(MAX_NAME_BYTES)
  })

  it('never splits a character, whatever the title (emoji and CJK extension B included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('docx', 'pdf', 'txt', 'md', 'html' as const), (title, format) => {
        const name = fileNameFor(title, format)
        expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES)
        expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
        expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/)
      })
    )
    expect(cutToBytes('𠀀𠀀', 5)).toBe('𠀀')
  })

  it('keeps short titles whole, drops forbidden characters, and never names a device', () => {
    expect(fileNameFor('2024年工作总结', 'docx')).toBe('2024年工作总结.docx')
    expect(fileNameFor('上半年/下半年: 计划?', 'pdf')).toBe('上半年下半年 计划.pdf')
    expect(fileNameFor('CON', 'docx')).toBe('CON_.docx')
    expect(fileNameFor('   ', 'txt')).toBe('工作总结.txt')
    expect(fileNameFor('总结……', 'md')).toBe('总结…….md')
    expect(fileNameFor('总结. . ', 'md')).toBe('总结.md')
  })
})
