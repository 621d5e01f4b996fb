import { createContext, useContext } from 'react'
import type { AppModel } from './appModel'

export const AppContext = createContext<AppModel | null>(null)

/** The window's model (stores, flows, commands); every pane reads what it shows from here. */
export function useApp(): AppModel {
  const model = useContext(AppContext)
  if (!model) throw new Error('useApp outside AppContext')
  return model
}
