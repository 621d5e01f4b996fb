import { useMemo, useState, memo } from 'react'
import type { LexicalEditor } from 'lexical'
import type { Report } from '@shared/doc/model'
import { anchorText, RULE_LABELS, type Finding, type RuleId } from '@shared/checks'
import { $replaceAnchor, $selectAnchor } from '../../editor/anchors'

/** Selects a finding's text in the editor and scrolls to it. */
export function revealFinding(editor: LexicalEditor, report: Report, f: Pick<Finding, 'anchor'>): void {
  let key: string | null = null
  editor.update(() => {
    key = $selectAnchor(report, f.anchor)?.getKey() ?? null
  })
  if (key) editor.getElementByKey(key)?.scrollIntoView({ block: 'center' })
  editor.focus()
}

function expectedText(report: Report, f: Finding): string {
  return (anchorText(report, f.anchor) ?? '').slice(f.anchor.start, f.anchor.end)
}

/** Applies fixes as one undo step, from the end of each text so earlier offsets stay valid. */
export function applyFindingFixes(editor: LexicalEditor, report: Report, findings: Finding[]): void {
  const fixable = findings.filter((f) => f.fix)
  editor.update(() => {
    for (const f of [...fixable].reverse()) $replaceAnchor(report, f.anchor, expectedText(report, f), f.fix!.replacement)
  })
}

interface Group {
  path: string
  findings: Finding[]
}

/** Findings by section, with one-click fixes for the safe ones (undo with Ctrl+Z). */
function ChecksPanelView({ findings, report, editor, readOnly }: { findings: Finding[]; report: Report | null; editor: LexicalEditor | null; readOnly: boolean }) {
  const [hidden, setHidden] = useState<Set<RuleId>>(new Set())
  const counts = useMemo(() => {
    const m = new Map<RuleId, number>()
    for (const f of findings) m.set(f.rule, (m.get(f.rule) ?? 0) + 1)
    return m
  }, [findings])
  const groups = useMemo(() => {
    const out: Group[] = []
    for (const f of findings) {
      if (hidden.has(f.rule)) continue
      const path = f.path.length ? f.path.join(' › ') : '标题与开头'
      const last = out[out.length - 1]
      if (last && last.path === path) last.findings.push(f)
      else out.push({ path, findings: [f] })
    }
    return out
  }, [findings, hidden])
  const punctuation = findings.filter((f) => f.rule === 'halfwidth-punctuation' && f.fix)
  const toggle = (rule: RuleId) =>
    setHidden((prev) => {
      const next = new Set(prev)
      if (!next.delete(rule)) next.add(rule)
      return next
    })

  if (!report || !editor) return null
  return (
    <section className="checks-panel" aria-label="校对">
      {findings.length === 0 ? (
        <p className="muted checks-empty">没有发现问题。</p>
      ) : (
        <>
          <div className="check-rules" role="group" aria-label="按类型筛选">
            {[...counts.entries()].map(([rule, n]) => (
              <button key={rule} type="button" className={`chip${hidden.has(rule) ? ' off' : ''}`} aria-pressed={!hidden.has(rule)} onClick={() => toggle(rule)}>
                {RULE_LABELS[rule]} {n}
              </button>
            ))}
          </div>
          {punctuation.length > 0 && !readOnly && (
            <button type="button" className="fix-all" onClick={() => applyFindingFixes(editor, report, punctuation)}>
              全部改为全角标点（{punctuation.length} 处）
            </button>
          )}
          <ul className="check-groups">
            {groups.map((g, gi) => (
              <li key={`${g.path}-${gi}`}>
                <h3 className="check-path">{g.path}</h3>
                <ul className="check-list" aria-label={`${g.path} 的问题`}>
                  {g.findings.map((f, i) => (
                    <li key={i} className={`check-item rule-${f.rule}`}>
                      <button type="button" className="check-open" onClick={() => revealFinding(editor, report, f)} data-rule={f.rule}>
                        <span className="check-rule">{RULE_LABELS[f.rule]}</span>
                        <span className="check-message">{f.message}</span>
                        <span className="check-excerpt">{f.excerpt}</span>
                      </button>
                      {f.fix && !readOnly && (
                        <button type="button" className="check-fix" title={f.fix.label} onClick={() => applyFindingFixes(editor, report, [f])}>
                          {f.fix.label}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

/** Memoised: the panel re-renders only when its own inputs change, not on every keystroke's status update. */
export const ChecksPanel = memo(ChecksPanelView)
