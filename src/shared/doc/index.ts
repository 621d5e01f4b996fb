export * from './model'
export * from './numbering'
export * from './stats'
export * from './schema'
