/**
 * `npm run server -- …`: the office server and its accounts.
 *
 *   npm run server                                   start (SQLite in ./office-data, port 8740)
 *   npm run server -- --database-url postgres://…     PostgreSQL instead of SQLite
 *   npm run server -- --redis-url redis://…          one of several instances behind one address
 *   npm run server -- user add 张三 --unit 办公室      prints a one-time password
 *   npm run server -- user list | user reset-password 张三 | user disable 张三
 *   npm run server -- backup <folder>                 a consistent copy of the SQLite data while running
 *   npm run server -- migrate --database-url postgres://…   the SQLite data into an empty PostgreSQL database
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AccountError, Accounts } from './accounts'
import { DEFAULT_LIMITS } from './limits'
import { startOfficeServer } from './server'
import { openStorage, SQLITE_FILE } from './storage'
import { copyOfficeData } from './migrate'

export const USAGE = `用法：
  npm run server [-- 选项]                     启动办公室服务器
  npm run server -- user add <姓名> --unit <科室>   添加用户，显示一次性密码
  npm run server -- user list                 列出用户
  npm run server -- user reset-password <姓名>  重设为新的一次性密码
  npm run server -- user disable <姓名>         停用用户
  npm run server -- backup <文件夹>            备份 SQLite 数据（服务器运行时也可以）
  npm run server -- migrate --database-url <URL>  把 SQLite 数据搬到空的 PostgreSQL 数据库（先停服务器）

选项：
  --port <端口>            默认 8740
  --host <地址>            默认 0.0.0.0（本机所有网卡）
  --data <文件夹>          SQLite 数据所在文件夹，默认 ./office-data
  --database-url <URL>     改用 PostgreSQL：postgres://用户:密码@主机/库名
  --redis-url <URL>        多个实例时经 Redis 同步：redis://主机:6379
  --cert <文件> --key <文件> 启用 TLS（https/wss）
  --trust-proxy            在反向代理之后：按 X-Forwarded-For 识别客户端地址
  --max-message-mb <MB>    单条 websocket 消息上限，默认 16
`

function fail(message: string, code = 1): never {
  process.stderr.write(message.endsWith('\n') ? message : message + '\n')
  process.exit(code)
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'database-url': { type: 'string' },
      'redis-url': { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      unit: { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'max-message-mb': { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    }
  })
  if (values.help) return void process.stdout.write(USAGE)
  const dataDir = resolve(values.data ?? process.env.ZONGJIE_SERVER_DATA ?? 'office-data')
  const databaseUrl = values['database-url'] ?? process.env.ZONGJIE_DATABASE_URL
  const [command, sub, name] = positionals

  if (command === 'user') {
    const storage = await openStorage({ dataDir, databaseUrl })
    const accounts = new Accounts(storage.sql)
    try {
      if (sub === 'add') {
        if (!name) fail('请写明姓名：npm run server -- user add 张三 --unit 办公室', 2)
        const { user, password } = await accounts.add(name, values.unit ?? '')
        process.stdout.write(`已添加用户 ${user.name}（${user.unit}）。\n一次性密码：${password}\n请把它交给本人；首次登录时需设置自己的密码。服务器只保存密码的散列，之后无法再查看。\n`)
      } else if (sub === 'reset-password') {
        if (!name) fail('请写明姓名。', 2)
        process.stdout.write(`${name} 的新一次性密码：${await accounts.resetPassword(name)}\n`)
      } else if (sub === 'disable') {
        if (!name) fail('请写明姓名。', 2)
        await accounts.disable(name)
        process.stdout.write(`已停用用户 ${name}，其登录已全部失效。\n`)
      } else if (sub === 'list') {
        for (const u of await accounts.list()) process.stdout.write(`${u.name}\t${u.unit}${u.disabled ? '\t（已停用）' : u.mustChange ? '\t（尚未首次登录）' : ''}\n`)
      } else fail(USAGE, 2)
    } catch (error) {
      if (error instanceof AccountError) fail(error.message)
      throw error
    } finally {
      await storage.sql.close()
    }
    return
  }

  if (command === 'backup') {
    if (databaseUrl) fail('PostgreSQL 的数据请用 pg_dump 备份（见 README）。', 2)
    if (!sub) fail('请写明备份到哪个文件夹：npm run server -- backup <文件夹>', 2)
    if (!existsSync(join(dataDir, SQLITE_FILE))) fail(`${dataDir} 里没有服务器数据。`)
    const storage = await openStorage({ dataDir })
    mkdirSync(resolve(sub), { recursive: true })
    const target = join(resolve(sub), `office-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`)
    await storage.sqlite!.backup(target)
    await storage.sql.close()
    process.stdout.write(`已备份到 ${target}\n`)
    return
  }

  if (command === 'migrate') {
    if (!databaseUrl) fail('请用 --database-url 写明要搬到的 PostgreSQL 数据库。', 2)
    if (!existsSync(join(dataDir, SQLITE_FILE))) fail(`${dataDir} 里没有服务器数据。`)
    const source = await openStorage({ dataDir })
    const target = await openStorage({ dataDir, databaseUrl })
    try {
      const counts = await copyOfficeData(source.sql, target.sql)
      process.stdout.write(`已搬到 PostgreSQL：${counts.users} 个用户，${counts.shared_reports} 份共享报告，${counts.published} 份办公室文档，${counts.documents} 个文档。\n此后启动服务器时加上 --database-url。\n`)
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error))
    } finally {
      await source.sql.close()
      await target.sql.close()
    }
    return
  }

  if (command !== undefined) fail(USAGE, 2)

  const port = Number(values.port ?? process.env.PORT ?? 8740)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('端口应为 0–65535 之间的整数。', 2)
  if (!!values.cert !== !!values.key) fail('启用 TLS 需要同时给出 --cert 和 --key。', 2)
  const maxMb = Number(values['max-message-mb'] ?? DEFAULT_LIMITS.maxMessageBytes / 1024 / 1024)
  const server = await startOfficeServer({
    host: values.host ?? '0.0.0.0',
    port,
    dataDir,
    databaseUrl,
    redisUrl: values['redis-url'] ?? process.env.ZONGJIE_REDIS_URL,
    tls: values.cert && values.key ? { certFile: values.cert, keyFile: values.key } : undefined,
    trustProxy: values['trust-proxy'],
    limits: { maxMessageBytes: Math.round(maxMb * 1024 * 1024) }
  })
  process.stderr.write(
    `\n办公室服务器已启动（${server.storage.kind === 'sqlite' ? `SQLite：${join(dataDir, SQLITE_FILE)}` : 'PostgreSQL'}）。\n请把下面的地址告诉同事，在“设置 › 办公室服务器”里填写：\n${server.addresses.map((a) => `  ${a}`).join('\n')}\n${
      server.fingerprint ? `\n证书指纹（SHA-256）：\n  ${server.fingerprint}\n自签名证书：同事首次登录时，应用会显示证书指纹，请他们与上面这一行核对。\n` : ''
    }\n`
  )
  const stop = async () => {
    await server.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main(process.argv.slice(2)).catch((error: unknown) => fail(error instanceof Error ? `办公室服务器出错：${error.message}` : String(error)))
