/**
 * The proofreading rules run here, off the main thread: on a 100-page report they take tens of
 * milliseconds, which a keystroke arriving meanwhile would otherwise wait out.
 */
import type { ChecksRequest, ChecksResponse } from '@shared/checks/protocol'
import { createChecksHandler } from '@shared/checks/requestHandler'

// The web tsconfig has the DOM lib, not the worker one: type just the two members used.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ChecksRequest>) => void) | null
  postMessage(message: ChecksResponse): void
}

const handle = createChecksHandler()

scope.onmessage = (event) => {
  const response = handle(event.data)
  if (response) scope.postMessage(response)
}
