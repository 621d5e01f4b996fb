export { extractFigures, figuresInText } from './extract'
export { changeInOwnUnit, compareFigures, type FigureComparison } from './compare'
export { analysisText, measureKey } from './fold'
export type { Figure, FigureKind } from './types'
