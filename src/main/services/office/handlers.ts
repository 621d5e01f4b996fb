import { officeRequestSchemas, type OfficeResponseMap } from '../../../shared/office/ipc'
import type { OfficeClient } from './client'

type OfficeHandlers = { [N in keyof OfficeResponseMap]: (payload: unknown) => Promise<OfficeResponseMap[N]> }

/** The office requests behind window.api; payloads arrive already checked by invokeHandler. */
export function createOfficeHandlers(client: OfficeClient): OfficeHandlers {
  const s = officeRequestSchemas
  return {
    officeStatus: () => client.status(),
    officeSignIn: async (raw) => client.signIn(s.officeSignIn.parse(raw)),
    officeSignOut: () => client.signOut(),
    officeTicket: () => client.ticket(),
    officePeople: () => client.people(),
    officeShare: async (raw) => {
      const { reportId, title, limited, shares } = s.officeShare.parse(raw)
      return client.share(reportId, title, limited, shares)
    },
    officeSharedReports: () => client.sharedReports(),
    officePublish: async (raw) => {
      const { reportId, title, report, audience } = s.officePublish.parse(raw)
      return client.publish(reportId, title, report, audience)
    },
    officeArchive: async (raw) => client.archive(s.officeArchive.parse(raw).since)
  }
}
