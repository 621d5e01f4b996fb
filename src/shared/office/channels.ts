/** Names of the office server's IPC requests (plain constants: the preload imports this). */
export const OFFICE_REQUESTS = [
  'officeStatus',
  'officeSignIn',
  'officeSignOut',
  'officeTicket',
  'officePeople',
  'officeShare',
  'officeSharedReports',
  'officePublish',
  'officeArchive'
] as const
