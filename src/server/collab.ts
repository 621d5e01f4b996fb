import { Hocuspocus, type Extension } from '@hocuspocus/server'
import type { Document } from '@hocuspocus/server'
import type { Accounts, User } from './accounts'
import type { DocumentStore } from './documents'
import { Refusal, SectionGuard } from './guard/sections'
import { updateOf } from './guard/message'
import type { Logger } from './log'
import { reportIdOf, type Access, type Reports } from './reports'

export interface Context {
  user: User
  role: Access['role']
  limited: boolean
}

/** Every refusal of a connection says only this: nothing about whether the report exists. */
export const REFUSED = 'permission-denied'

function refused(): Error & { reason: string } {
  return Object.assign(new Error(REFUSED), { reason: REFUSED })
}

/** An update that holds nothing (a sync step 2 of a client that has nothing new). */
const isEmptyUpdate = (update: Uint8Array) => update.byteLength === 2 && update[0] === 0 && update[1] === 0

/**
 * The Hocuspocus instance: who may open a report (a ticket from the HTTP API, then the report's
 * shares), what a writer may change (SectionGuard), and every update logged before its
 * acknowledgement. Storage and Redis come in as extensions.
 */
export function createCollab(options: {
  accounts: Accounts
  reports: Reports
  store: DocumentStore
  extensions: Extension[]
  log: Logger
}): Hocuspocus<Context> {
  const { accounts, reports, store, log } = options
  const guards = new WeakMap<Document, SectionGuard>()
  const guardOf = (document: Document) => {
    let guard = guards.get(document)
    if (!guard) {
      guard = new SectionGuard(document)
      guards.set(document, guard)
    }
    return guard
  }

  const access: Extension = {
    extensionName: 'office-access',
    // Before storage and Redis: nothing is loaded for a connection that is refused.
    priority: 2000,
    async onAuthenticate({ token, documentName, connectionConfig, socketId }) {
      const user = await accounts.redeemTicket(token)
      const reportId = reportIdOf(documentName)
      const grant = user && reportId ? await reports.access(user, reportId) : null
      if (!user || !grant) {
        log('warn', 'refused', { socketId, user: user?.name ?? null })
        throw refused()
      }
      connectionConfig.readOnly = grant.role === 'read'
      log('info', 'opened', { socketId, user: user.name, report: reportId, role: grant.role })
      const context: Context = { user, role: grant.role, limited: grant.report.limited && grant.role !== 'owner' }
      return context
    },
    async beforeHandleMessage({ update: raw, document, documentName, connection, context, socketId }) {
      if (connection.readOnly) return
      const update = updateOf(raw)
      if (!update || isEmptyUpdate(update)) return
      const ctx = context as Context
      try {
        guardOf(document).check(update, { userId: ctx.user.id, unit: ctx.user.unit, owner: ctx.role === 'owner', limited: ctx.limited })
      } catch (error) {
        if (error instanceof Refusal) log('warn', 'change-refused', { socketId, user: ctx.user.name, document: documentName, reason: error.reason })
        throw error
      }
      await store.append(documentName, update)
    },
    async beforeHandleAwareness({ states, context }) {
      // Names on carets are the accounts' names, whatever a client claims.
      const user = (context as Context | undefined)?.user
      if (!user) return
      for (const state of states.values()) if (state && typeof state === 'object') state.name = user.name
    },
    async afterUnloadDocument({ documentName }) {
      log('info', 'unloaded', { document: documentName })
    },
    async beforeUnloadDocument({ document }) {
      guards.get(document)?.dispose()
      guards.delete(document)
    }
  }

  return new Hocuspocus<Context>({
    name: null,
    quiet: true,
    debounce: 2000,
    maxDebounce: 10_000,
    timeout: 30_000,
    extensions: [access, ...options.extensions]
  })
}
