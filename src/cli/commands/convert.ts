/**
 * `convert <in> <out.docx|.txt|.md|.html> [--overwrite]` (docs/cli.md).
 *
 * A file that holds several reports (`篇一`, `篇二`, `…总结1`, `…总结2`) is exported whole, each
 * report starting on a new page (and at page 1) in .docx: the clerk sees everything the file held
 * and deletes what they do not want, instead of a report silently going missing — the same reason
 * import lists the noise it strips. Nothing is written on failure (atomic write).
 */
import { resolve } from 'node:path'
import { UserError } from '../../shared/errors'
import { formatFromPath } from '../../shared/export/formats'
import { readReportFile } from '../../main/services/import-files'
import { exportReport } from '../../main/services/files'
import { UsageError } from '../usage'

const OUTPUTS = '.docx、.txt、.md 或 .html'

export async function convertCommand(args: string[]): Promise<void> {
  const flags = args.filter((a) => a.startsWith('--'))
  const paths = args.filter((a) => !a.startsWith('--'))
  const unknown = flags.filter((f) => f !== '--overwrite')
  if (unknown.length) throw new UsageError(`convert 不认识的选项: ${unknown.join(' ')}`)
  if (paths.length !== 2) throw new UsageError('convert 需要两个参数: 输入文件和输出文件')
  const [input, output] = paths
  const format = formatFromPath(output)
  // PDF needs a browser engine, which the command line does not have.
  if (!format || format === 'pdf') throw new UsageError(`输出文件须为 ${OUTPUTS}: ${output}`)
  if (resolve(input) === resolve(output)) throw new UsageError('输出文件不能与输入文件相同')

  const { reports } = await readReportFile(input)
  if (!reports.length) throw new UserError(`没有在文件中找到工作总结的内容：${input}`)
  try {
    await exportReport(reports, output, format, { overwrite: flags.includes('--overwrite') })
  } catch (e) {
    if (e instanceof UserError && e.code === 'exists') throw new UserError(`${e.message}（要覆盖请加 --overwrite）`, 'exists')
    throw e
  }
  process.stdout.write(`已导出${reports.length > 1 ? ` ${reports.length} 篇总结` : ''}：${output}\n`)
}
