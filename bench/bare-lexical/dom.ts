/**
 * The browser globals the bench's page code uses, typed by their shape. Everything under bench/
 * is also compiled by the Node project (tsconfig.node.json has no DOM lib), so page code reaches
 * the window through `page` instead of the DOM's global names; in a page the object is `window`.
 */
export interface PageNode {
  readonly textContent: string | null
}

export interface PageElement extends PageNode {
  readonly children: ArrayLike<PageElement>
  readonly firstElementChild: PageElement | null
  readonly lastElementChild: PageElement | null
  readonly firstChild: PageNode | null
  readonly classList: { contains(token: string): boolean }
  getAttribute(name: string): string | null
  querySelector(selector: string): PageElement | null
  scrollIntoView(options?: { block?: 'start' | 'center' | 'end' | 'nearest' }): void
  focus(): void
  click(): void
}

export interface PageKeyboardEvent {
  readonly key: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly altKey: boolean
  /** When the input happened (the browser's event time), on performance.now()'s clock. */
  readonly timeStamp: number
}

interface PageRequest<T> {
  result: T
  error: unknown
  onsuccess: (() => void) | null
  onerror: (() => void) | null
}

interface PageTransaction {
  objectStore(name: string): { put(value: unknown): unknown }
  error: unknown
  oncomplete: (() => void) | null
  onerror: (() => void) | null
  onabort: (() => void) | null
}

export interface PageDatabase {
  transaction(store: string, mode: 'readwrite'): PageTransaction
  close(): void
}

export interface PageGlobals {
  document: {
    querySelector(selector: string): PageElement | null
    getElementById(id: string): PageElement | null
    addEventListener(type: 'keydown', listener: (e: PageKeyboardEvent) => void, capture: boolean): void
  }
  requestAnimationFrame(callback: (time: number) => void): number
  MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(message: unknown): void } }
  getSelection(): { collapse(node: PageNode, offset: number): void } | null
  indexedDB: { open(name: string): PageRequest<PageDatabase> }
  fetch(url: string): Promise<{ ok: boolean; json(): Promise<unknown> }>
}

export const page = globalThis as unknown as PageGlobals
