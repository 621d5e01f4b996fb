export { extractFigures, figuresInText } from './extract'
export { compareFigures, type FigureComparison } from './compare'
export { analysisText, measureKey } from './fold'
export type { Figure, FigureKind } from './types'
