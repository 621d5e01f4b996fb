/**
 * mixed-numbering: headings of one level written in different marker styles in the source
 * (`1.` here and `1、` there, `（一）` and `(一)`, `一、` and `一 `). The style most headings of
 * that level use is taken as intended (the first one on a tie); each heading that differs is
 * reported. Only source markers are compared: the app's own markers are uniform by construction.
 */
import type { HeadingLevel, Section } from '../../doc/model'
import { walkSections } from '../../doc/model'
import { makeFinding, type TextUnit } from '../context'
import { parseSourceMarker, type SourceMarker } from '../markers'
import type { Rule } from '../rule'
import type { Finding } from '../types'

export const mixedNumbering: Rule = {
  id: 'mixed-numbering',
  run(ctx) {
    const out: Finding[] = []
    const headingOf = new Map<string, TextUnit>()
    for (const u of ctx.units) if (u.kind === 'heading' && u.sectionId) headingOf.set(u.sectionId, u)

    const byLevel = new Map<HeadingLevel, { section: Section; marker: SourceMarker }[]>()
    for (const { section } of walkSections(ctx.report.sections)) {
      const marker = parseSourceMarker(section.sourceMarker)
      if (!marker) continue
      const list = byLevel.get(section.level)
      if (list) list.push({ section, marker })
      else byLevel.set(section.level, [{ section, marker }])
    }
    for (const entries of byLevel.values()) {
      const counts = new Map<string, number>()
      for (const e of entries) counts.set(e.marker.style, (counts.get(e.marker.style) ?? 0) + 1)
      if (counts.size < 2) continue
      // Map iteration keeps first-seen order, so a tie goes to the style used first.
      let major = ''
      let best = 0
      for (const [style, n] of counts) if (n > best) [major, best] = [style, n]
      for (const { section, marker } of entries) {
        if (marker.style === major) continue
        const unit = headingOf.get(section.id)
        if (!unit) continue
        const f = makeFinding(
          unit,
          'mixed-numbering',
          `同级标题编号写法不一致：此处为“${marker.text}”，同级标题多用“${major}”这种写法`,
          0,
          section.title.length
        )
        out.push({ ...f, excerpt: (marker.text + section.title).slice(0, 40) })
      }
    }
    return out
  }
}
