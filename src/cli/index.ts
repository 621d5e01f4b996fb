/**
 * The command line (docs/cli.md): the same import, checks and exporters as the app, in plain Node.
 * Exit codes: 0 ok, 1 bad input (one clear sentence on stderr), 2 bad usage.
 */
import { isUserError } from '../shared/errors'
import { outlineCommand } from './commands/outline'
import { checkCommand } from './commands/check'
import { convertCommand } from './commands/convert'
import { UsageError } from './usage'

const USAGE = `用法:
  npm run -s cli -- outline <文件> [--json]
  npm run -s cli -- check   <文件> [--json]
  npm run -s cli -- convert <文件> <输出.docx|.txt|.md|.html>`

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  outline: outlineCommand,
  check: checkCommand,
  convert: convertCommand
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  const command = name ? COMMANDS[name] : undefined
  if (!command) {
    process.stderr.write(`${name ? `未知命令: ${name}\n` : ''}${USAGE}\n`)
    return 2
  }
  try {
    await command(args)
    return 0
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${USAGE}\n`)
      return 2
    }
    if (isUserError(e)) {
      process.stderr.write(`${e.message}\n`)
      return 1
    }
    process.stderr.write(`内部错误: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`)
    return 1
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
