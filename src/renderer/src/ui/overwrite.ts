/**
 * The renderer's half of the overwrite handshake: a request that would replace an existing file
 * answers 'exists' with a single-use token; once the clerk agrees, the same request goes again with it.
 */
export type MaybeExists<R> = R | { status: 'exists'; path: string; overwriteToken: string }

export async function withOverwriteConsent<R extends { status: string }>(request: (overwriteToken?: string) => Promise<MaybeExists<R>>): Promise<R | { status: 'canceled' }> {
  const first = await request()
  if (first.status !== 'exists') return first as R
  const { path, overwriteToken } = first as { path: string; overwriteToken: string }
  if (!window.confirm(`文件“${path}”已存在，要替换它吗？`)) return { status: 'canceled' }
  return (await request(overwriteToken)) as R
}
