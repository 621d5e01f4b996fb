import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { isUserError } from '../../shared/errors'
import { UsageError } from '../usage'
import { outlineCommand } from './outline'

let dir: string
let file: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outline-cmd-'))
  file = join(dir, '报告.txt')
  await writeFile(
    file,
    '首頁>工作總結>正文\n\n2024年上半年教育工作总结\n\n今年以来，各项工作稳步推进。现将有关情况总结如下：\n\n一、主要工作\n(一)、加强领导\n1、完善制度。建立制度20项。\n（三）狠抓落实\n二、存在问题\n问题仍然存在。\n\nXX县教育局\n2024年7月10日\n'
  )
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function run(args: string[]): Promise<string> {
  let out = ''
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk)
    return true
  })
  try {
    await outlineCommand(args)
  } finally {
    spy.mockRestore()
  }
  return out
}

describe('outline command', () => {
  it('prints the JSON of docs/cli.md', async () => {
    const json = JSON.parse(await run([file, '--json']))
    expect(json.removed).toEqual(['首頁>工作總結>正文'])
    expect(json.reports).toHaveLength(1)
    const [r] = json.reports
    expect(r.title).toBe('2024年上半年教育工作总结')
    expect(r.headings).toEqual([
      { depth: 1, marker: '一、', source_marker: '一、', title: '主要工作' },
      { depth: 2, marker: '（一）', source_marker: '(一)、', title: '加强领导' },
      { depth: 3, marker: '1.', source_marker: '1、', title: '完善制度' },
      { depth: 2, marker: '（二）', source_marker: '（三）', title: '狠抓落实' },
      { depth: 1, marker: '二、', source_marker: '二、', title: '存在问题' }
    ])
    expect(r.text.split('\n')).toEqual([
      '2024年上半年教育工作总结',
      '今年以来，各项工作稳步推进。现将有关情况总结如下：',
      '一、主要工作',
      '（一）加强领导',
      '1.完善制度。建立制度20项。',
      '（二）狠抓落实',
      '二、存在问题',
      '问题仍然存在。',
      'XX县教育局',
      '2024年7月10日'
    ])
  })

  it('prints a readable indented outline without --json', async () => {
    const out = await run([file])
    expect(out).toContain('2024年上半年教育工作总结（半年，2024年上半年）')
    expect(out).toContain('   一、主要工作\n      （一）加强领导  ［原文：(一)、］\n         1.完善制度  ［原文：1、］')
    expect(out).toContain('落款：XX县教育局 2024年7月10日')
    expect(out).toContain('已去除网页杂讯 1 处')
  })

  it('rejects bad usage with a UsageError', async () => {
    await expect(outlineCommand([])).rejects.toBeInstanceOf(UsageError)
    await expect(outlineCommand([file, file])).rejects.toBeInstanceOf(UsageError)
    await expect(outlineCommand([file, '--xml'])).rejects.toBeInstanceOf(UsageError)
  })

  it('reports bad input as a UserError', async () => {
    const err = await outlineCommand([join(dir, 'nope.txt')]).catch((e: unknown) => e)
    expect(isUserError(err)).toBe(true)
  })
})
