export * from './flow'
export * from './formats'
export * from './text'
export * from './html'
