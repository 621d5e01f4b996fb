import { useEffect, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { COMMAND_PRIORITY_LOW, HISTORIC_TAG, SELECTION_CHANGE_COMMAND } from 'lexical'
import { paginate } from '@shared/layout/paginate'
import type { PageLayout } from '../../../features/page-view/pageLayout'
import { PageMeasurer } from './measure'

/** Where each page after the first starts on the page element, in its own pixels. */
type Breaks = number[]

/** The grid's line pitch in CSS pixels: the line height the page's stylesheet gives body text. */
function linePitch(page: HTMLElement): number {
  return parseFloat(getComputedStyle(page).lineHeight) || 38.6
}

/** The zoom applied to the page (a transform), so measurements can be taken back to the page's own pixels. */
function scaleOf(page: HTMLElement): number {
  return page.offsetWidth ? page.getBoundingClientRect().width / page.offsetWidth : 1
}

/**
 * The page view: lays the report's lines into pages as the .docx prints them (22 lines of the
 * grid a page, the export's keep-with-next rules), draws each page break with its page number in
 * the margin, and tells the status bar the page count and the caret's page. Measures once typing
 * pauses, never on a keystroke, and then only the blocks edited since (PageMeasurer).
 */
export function PageViewPlugin({ layout }: { layout: PageLayout }) {
  const [editor] = useLexicalComposerContext()
  const [breaks, setBreaks] = useState<Breaks>([])

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let idle: number | undefined
    let frame: number | undefined
    let live = true
    let tops: number[] = [0]
    const measurer = new PageMeasurer()
    /** Blocks edited since the last measure: only they are measured again. */
    const dirty = new Set<string>()
    const page = () => editor.getRootElement()?.closest<HTMLElement>('.page') ?? null
    // A report just opened is not measured yet: the status bar waits for it.
    layout.set({ measured: false, current: 1 })

    /** The caret's page: the last page start above it. */
    const caretPage = () => {
      const el = page()
      const sel = window.getSelection()
      if (!el || !sel || sel.rangeCount === 0 || !editor.getRootElement()?.contains(sel.anchorNode)) return
      const rects = sel.getRangeAt(0).getClientRects()
      const r = rects[rects.length - 1] ?? sel.getRangeAt(0).getBoundingClientRect()
      const y = (r.top + r.bottom) / 2 - el.getBoundingClientRect().top
      const at = y / scaleOf(el)
      const current = tops.filter((t) => t <= at + 1).length || 1
      if (layout.get().current !== current) layout.set({ current })
    }

    const measure = () => {
      const el = page()
      if (!el || !live) return
      const started = performance.now()
      const pitch = linePitch(el)
      measurer.invalidate(dirty)
      dirty.clear()
      const { blocks, top } = measurer.measure(editor, el, pitch, scaleOf(el))
      const p = paginate(blocks)
      const starts = p.breaks.map((b) => top(b.block, b.line))
      tops = [0, ...starts]
      setBreaks((prev) => (prev.length === starts.length && prev.every((y, i) => Math.abs(y - starts[i]) < 0.5) ? prev : starts))
      layout.set({ pages: p.pages, measured: true })
      caretPage()
      // Visible in traces and to the benchmarks: what laying out the pages costs when typing pauses.
      performance.measure('page view: measure', { start: started })
    }
    // Well after typing pauses (a measure of a long report takes tens of milliseconds, which a key pressed then would wait for).
    const schedule = (delay = 700) => {
      clearTimeout(timer)
      if (idle !== undefined) cancelIdleCallback(idle)
      timer = setTimeout(() => (idle = requestIdleCallback(measure, { timeout: 1000 })), delay)
    }

    // Fonts decide where lines wrap: measure once they are in, and again when a late one arrives. The
    // page's width is fixed (156 mm) and zoom is a transform, so the window's size changes nothing.
    void document.fonts.ready.then(() => {
      measurer.invalidate()
      if (live) measure()
    })
    const fontsLoaded = () => {
      measurer.invalidate()
      schedule(100)
    }
    document.fonts.addEventListener('loadingdone', fontsLoaded)
    const off = mergeRegister(
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
        // Undo and redo put back a whole earlier state, without saying which blocks changed.
        if (tags.has(HISTORIC_TAG)) measurer.invalidate()
        else for (const key of dirtyElements.keys()) dirty.add(key)
        schedule()
      }),
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          if (frame === undefined) frame = requestAnimationFrame(() => ((frame = undefined), caretPage()))
          return false
        },
        COMMAND_PRIORITY_LOW
      )
    )
    return () => {
      live = false
      off()
      document.fonts.removeEventListener('loadingdone', fontsLoaded)
      clearTimeout(timer)
      if (idle !== undefined) cancelIdleCallback(idle)
      if (frame !== undefined) cancelAnimationFrame(frame)
    }
  }, [editor, layout])

  return (
    <div className="page-breaks" aria-hidden="true">
      <span className="page-label page-label-first">第 1 页</span>
      {breaks.map((y, i) => (
        <div key={i} className="page-break" style={{ top: y }} data-page={i + 2}>
          <span className="page-label">第 {i + 2} 页</span>
        </div>
      ))}
    </div>
  )
}
