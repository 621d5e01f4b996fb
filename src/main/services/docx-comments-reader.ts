import JSZip from 'jszip'
import { SaxesParser, type SaxesTagPlain } from 'saxes'
import type { CommentReply, CommentThread } from '../../shared/doc/model'

/**
 * Reads the comments (批注) of a .docx back: each thread with its replies (Word's
 * commentsExtended.xml links a reply to its thread), whether it is resolved, and the text it
 * spans in the document. A small module of its own beside the import readers, which do not
 * read comments; an import that wants them can call it.
 */
export interface ReadComment {
  thread: CommentThread
  /** The document text between the thread's range start and end. */
  quote: string
}

interface RawComment {
  id: string
  author: string
  date: string
  text: string
  paraId: string
}

function walk(xml: string, handlers: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (text: string) => void }): void {
  const parser = new SaxesParser()
  parser.on('opentag', (tag) => handlers.open?.(tag))
  parser.on('closetag', (tag) => handlers.close?.(tag.name))
  parser.on('text', (t) => handlers.text?.(t))
  parser.write(xml).close()
}

export async function readDocxComments(data: Buffer | Uint8Array): Promise<ReadComment[]> {
  const zip = await JSZip.loadAsync(data)
  const commentsXml = await zip.file('word/comments.xml')?.async('string')
  if (!commentsXml) return []

  const raw: RawComment[] = []
  let current: RawComment | null = null
  let inText = false
  let paragraphs = 0
  walk(commentsXml, {
    open: (tag) => {
      if (tag.name === 'w:comment') current = { id: String(tag.attributes['w:id']), author: String(tag.attributes['w:author'] ?? ''), date: String(tag.attributes['w:date'] ?? ''), text: '', paraId: '' }
      else if (current && tag.name === 'w:p') {
        if (paragraphs++ > 0) current.text += '\n'
        current.paraId = String(tag.attributes['w14:paraId'] ?? current.paraId)
      } else if (tag.name === 'w:t') inText = true
    },
    close: (name) => {
      if (name === 'w:comment' && current) {
        raw.push(current)
        current = null
        paragraphs = 0
      } else if (name === 'w:t') inText = false
    },
    text: (t) => {
      if (current && inText) current.text += t
    }
  })

  // Replies and resolution (Word 2013 and later).
  const parentOf = new Map<string, string>()
  const done = new Set<string>()
  const extended = await zip.file('word/commentsExtended.xml')?.async('string')
  if (extended) {
    walk(extended, {
      open: (tag) => {
        if (tag.name !== 'w15:commentEx') return
        const paraId = String(tag.attributes['w15:paraId'] ?? '')
        const parent = tag.attributes['w15:paraIdParent']
        if (parent) parentOf.set(paraId, String(parent))
        if (tag.attributes['w15:done'] === '1') done.add(paraId)
      }
    })
  }

  // The text each comment spans.
  const quotes = new Map<string, string>()
  const open = new Set<string>()
  let inDocText = false
  const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  walk(documentXml, {
    open: (tag) => {
      if (tag.name === 'w:commentRangeStart') open.add(String(tag.attributes['w:id']))
      else if (tag.name === 'w:commentRangeEnd') open.delete(String(tag.attributes['w:id']))
      else if (tag.name === 'w:t') inDocText = true
    },
    close: (name) => {
      if (name === 'w:t') inDocText = false
    },
    text: (t) => {
      if (inDocText) for (const id of open) quotes.set(id, (quotes.get(id) ?? '') + t)
    }
  })

  const byPara = new Map(raw.filter((c) => c.paraId).map((c) => [c.paraId, c]))
  const at = (c: RawComment) => Date.parse(c.date) || 0
  const reply = (c: RawComment): CommentReply => ({ id: c.id, author: c.author, at: at(c), text: c.text })
  const roots = raw.filter((c) => !parentOf.has(c.paraId) || !byPara.has(parentOf.get(c.paraId)!))
  return roots.map((root) => ({
    thread: {
      ...reply(root),
      ...(done.has(root.paraId) ? { resolved: true } : {}),
      replies: raw.filter((c) => c !== root && parentOf.get(c.paraId) === root.paraId && root.paraId).map(reply)
    },
    quote: quotes.get(root.id) ?? ''
  }))
}
