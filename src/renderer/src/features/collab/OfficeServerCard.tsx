import { useState, type FormEvent } from 'react'
import { setOfficeStatus, useOfficeStatus } from './officeStatus'

type Step = { kind: 'form' } | { kind: 'new-password' } | { kind: 'certificate'; fingerprint: string }

/**
 * Settings › 办公室服务器: the address the administrator gave, the clerk's name and password. The
 * first sign-in with a one-time password sets the clerk's own; a self-signed certificate is
 * trusted only once its fingerprint is checked. The token stays in main.
 */
export function OfficeServerCard({ notify }: { notify: (kind: 'success' | 'error' | 'info', text: string) => void }) {
  const status = useOfficeStatus()
  const [server, setServer] = useState(status?.server ?? '')
  const [name, setName] = useState(status?.user?.name ?? '')
  const [password, setPassword] = useState('')
  const [newPassword, setNewPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [step, setStep] = useState<Step>({ kind: 'form' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  /** The fingerprint the clerk checked, sent again with the new password of a first sign-in. */
  const [trusted, setTrusted] = useState<string | undefined>(undefined)

  const signIn = async (trust?: string) => {
    setError(null)
    const trustCertificate = trust ?? trusted
    if (trust) setTrusted(trust)
    if (step.kind === 'new-password' && newPassword !== confirm) return setError('两次输入的新密码不一致。')
    setBusy(true)
    try {
      const r = await window.api.officeSignIn({
        server: server.trim(),
        name: name.trim(),
        password,
        ...(step.kind === 'new-password' ? { newPassword } : {}),
        ...(trustCertificate ? { trustCertificate } : {})
      })
      if (r.status === 'must-change-password') return setStep({ kind: 'new-password' })
      if (r.status === 'untrusted-certificate') return setStep({ kind: 'certificate', fingerprint: r.fingerprint })
      setOfficeStatus(r.office)
      setPassword('')
      setNewPassword('')
      setConfirm('')
      setStep({ kind: 'form' })
      if (r.reload) {
        notify('info', `已登录 ${r.office.server}，正在重新载入以连接服务器…`)
        // The page's connect-src names the server from the next load on.
        setTimeout(() => location.reload(), 300)
      } else notify('success', `已登录办公室服务器：${r.office.user?.name}（${r.office.user?.unit}）`)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    void signIn()
  }

  const signOut = async () => {
    setOfficeStatus(await window.api.officeSignOut())
    notify('info', '已退出办公室服务器。共享的报告仍可在本机修改，再次登录后同步。')
  }

  return (
    <section className="settings-card office-card" aria-label="办公室服务器">
      <h2>办公室服务器</h2>
      <p className="muted">与同事共同起草、共享文档库。地址、用户名和一次性密码向管理员索取。</p>
      {status?.signedIn && status.user && (
        <p className="office-signed-in" role="status">
          已登录 <strong>{status.server}</strong>：{status.user.name}（{status.user.unit}）
          {status.certificate && <span className="muted">，自签名证书 {status.certificate.fingerprint.slice(0, 23)}…</span>}{' '}
          <button type="button" onClick={() => void signOut()}>
            退出
          </button>
        </p>
      )}
      {status && status.secretStorage === 'file' && (
        <p className="muted">此电脑没有系统密钥库，登录凭据保存在只有本账户能读取的文件中。</p>
      )}
      <form onSubmit={submit} className="office-form">
        <label className="meta-field">
          <span>服务器地址</span>
          <input value={server} onChange={(e) => setServer(e.target.value)} placeholder="例如 192.168.1.10:8740" required autoComplete="url" />
        </label>
        <label className="meta-field">
          <span>用户名</span>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="姓名" required autoComplete="username" />
        </label>
        <label className="meta-field">
          <span>{step.kind === 'new-password' ? '一次性密码' : '密码'}</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
        </label>
        {step.kind === 'new-password' && (
          <>
            <p className="muted">首次登录：请设置自己的新密码（至少 8 位）。一次性密码随即作废。</p>
            <label className="meta-field">
              <span>新密码</span>
              <input type="password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} required minLength={8} autoComplete="new-password" />
            </label>
            <label className="meta-field">
              <span>再输一次</span>
              <input type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} required minLength={8} autoComplete="new-password" />
            </label>
          </>
        )}
        {step.kind === 'certificate' ? (
          <div className="office-certificate" role="alert">
            <p>
              服务器使用自签名证书。请与管理员核对证书指纹（服务器启动时显示）：
              <code>{step.fingerprint}</code>
            </p>
            <button type="button" disabled={busy} onClick={() => void signIn(step.fingerprint)}>
              指纹一致，信任并登录
            </button>{' '}
            <button type="button" onClick={() => setStep({ kind: 'form' })}>
              取消
            </button>
          </div>
        ) : (
          <button type="submit" disabled={busy}>
            {busy ? '正在登录…' : step.kind === 'new-password' ? '设置新密码并登录' : '登录'}
          </button>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  )
}
