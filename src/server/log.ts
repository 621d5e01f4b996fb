/**
 * Structured logs: one JSON object a line on stdout (errors on stderr), so a log collector or
 * `grep '"event":"refused"'` can read them. Never a password, token or ticket.
 */
export type LogLevel = 'info' | 'warn' | 'error'
export type Logger = (level: LogLevel, event: string, fields?: Record<string, unknown>) => void

export function jsonLogger(write: (line: string, level: LogLevel) => void = defaultWrite): Logger {
  return (level, event, fields = {}) => {
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }), level)
  }
}

function defaultWrite(line: string, level: LogLevel): void {
  if (level === 'error') process.stderr.write(line + '\n')
  else process.stdout.write(line + '\n')
}

export const silentLogger: Logger = () => undefined
