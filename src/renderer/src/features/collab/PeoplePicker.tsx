import { useEffect, useState } from 'react'
import type { OfficeUser } from '@shared/office/ipc'

export interface People {
  users: OfficeUser[]
  units: string[]
}

/** The office's members and units, from the server. */
export function usePeople(): { people: People | null; error: string | null } {
  const [people, setPeople] = useState<People | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    window.api.officePeople().then(setPeople, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
  }, [])
  return { people, error }
}

export interface Picked {
  units: Set<string>
  users: Set<string>
}

/** Whole units, or colleagues one by one (grouped by unit); `exclude` is the clerk themself. */
export function PeoplePicker({ people, picked, onChange, exclude }: { people: People; picked: Picked; onChange: (p: Picked) => void; exclude?: string }) {
  const toggle = (set: Set<string>, key: string) => {
    const next = new Set(set)
    if (!next.delete(key)) next.add(key)
    return next
  }
  return (
    <div className="people-picker">
      {people.units.map((unit) => {
        const members = people.users.filter((u) => u.unit === unit && u.id !== exclude)
        const whole = picked.units.has(unit)
        return (
          <fieldset key={unit} className="people-unit">
            <legend>
              <label>
                <input type="checkbox" checked={whole} onChange={() => onChange({ ...picked, units: toggle(picked.units, unit) })} /> {unit}（全科室）
              </label>
            </legend>
            {members.map((u) => (
              <label key={u.id} className="people-user">
                <input type="checkbox" disabled={whole} checked={whole || picked.users.has(u.id)} onChange={() => onChange({ ...picked, users: toggle(picked.users, u.id) })} /> {u.name}
              </label>
            ))}
          </fieldset>
        )
      })}
    </div>
  )
}
