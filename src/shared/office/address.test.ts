import { describe, expect, it } from 'vitest'
import { parseServerAddress } from './address'

describe('the office server address a clerk types', () => {
  it('takes a bare address and port, or a full URL', () => {
    expect(parseServerAddress('192.168.1.10:8740')).toEqual({ http: 'http://192.168.1.10:8740', ws: 'ws://192.168.1.10:8740', secure: false, host: '192.168.1.10' })
    expect(parseServerAddress(' https://office.jyj.gov.cn/ ')).toEqual({ http: 'https://office.jyj.gov.cn', ws: 'wss://office.jyj.gov.cn', secure: true, host: 'office.jyj.gov.cn' })
    expect(parseServerAddress('HTTP://Server:80')?.http).toBe('http://server')
  })

  it('refuses what is not a server address', () => {
    for (const bad of ['', 'ftp://x', 'file:///etc/passwd', 'http://a/b', 'http://u:p@host', 'javascript:alert(1)', 'a b', 'http://host?x=1']) {
      expect(parseServerAddress(bad), bad).toBeNull()
    }
  })
})
