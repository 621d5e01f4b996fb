/**
 * The office server's requests between renderer and main. Main talks to the server's HTTP API
 * and keeps the session token; the page only ever sees single-use websocket tickets.
 */
import { z } from 'zod'
import { ReportSchema } from '../doc/schema'
import type { Report } from '../doc/model'
import { REPORT_ID } from './layout'

export const ShareSchema = z.object({
  kind: z.enum(['user', 'unit']),
  principal: z.string().min(1).max(100),
  role: z.enum(['edit', 'read'])
})
export type Share = z.infer<typeof ShareSchema>

export const AudienceSchema = z.object({
  everyone: z.boolean().optional(),
  units: z.array(z.string().max(60)).max(200).optional(),
  users: z.array(z.string().max(64)).max(2000).optional()
})
export type Audience = z.infer<typeof AudienceSchema>

const reportId = z.string().regex(REPORT_ID)

export const officeRequestSchemas = {
  officeStatus: z.undefined(),
  officeSignIn: z.object({
    server: z.string().min(1).max(300),
    name: z.string().min(1).max(40),
    password: z.string().min(1).max(200),
    /** Replaces a one-time password at the first sign-in. */
    newPassword: z.string().max(200).optional(),
    /** The SHA-256 fingerprint of a self-signed certificate the clerk checked and trusts. */
    trustCertificate: z.string().max(200).optional()
  }),
  officeSignOut: z.undefined(),
  officeTicket: z.undefined(),
  officePeople: z.undefined(),
  officeShare: z.object({ reportId, title: z.string().max(200), limited: z.boolean(), shares: z.array(ShareSchema).max(500) }),
  officeSharedReports: z.undefined(),
  officePublish: z.object({ reportId, title: z.string().max(200), report: ReportSchema, audience: AudienceSchema }),
  officeArchive: z.object({ since: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })
}

export interface OfficeUser {
  id: string
  name: string
  unit: string
}

export interface OfficeStatus {
  /** The server's http(s) origin, once configured. */
  server: string | null
  /** Where the page opens documents (ws/wss origin). */
  ws: string | null
  user: OfficeUser | null
  signedIn: boolean
  /** Where main keeps the session token: the system's key store, or a file only this account can read. */
  secretStorage: 'system' | 'file'
  /** A self-signed certificate the clerk chose to trust. */
  certificate: { fingerprint: string } | null
}

export type OfficeSignInResult =
  | { status: 'signed-in'; office: OfficeStatus; /** The server changed: the page must reload to get the new connect-src. */ reload: boolean }
  | { status: 'must-change-password' }
  | { status: 'untrusted-certificate'; fingerprint: string }

export interface SharedReportInfo {
  id: string
  title: string
  ownerId: string
  ownerName: string
  limited: boolean
  role: 'owner' | 'edit' | 'read'
  shares: Share[]
}

export interface PublishedReport {
  reportId: string
  seq: number
  title: string
  publisher: string
  publishedAt: number
  report: Report
}

export interface OfficeResponseMap {
  officeStatus: OfficeStatus
  officeSignIn: OfficeSignInResult
  officeSignOut: OfficeStatus
  officeTicket: { ticket: string }
  officePeople: { users: OfficeUser[]; units: string[] }
  officeShare: { shares: Share[] }
  officeSharedReports: { reports: SharedReportInfo[] }
  officePublish: { published: true }
  officeArchive: { items: PublishedReport[]; cursor: number; more: boolean }
}
