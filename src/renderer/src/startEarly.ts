/**
 * Work that starts before the app's modules are evaluated and its first render (imported first by
 * main.tsx): the search worker's read of its saved index.
 */
import { startSearchWorkerEarly } from './features/search/earlyWorker'

startSearchWorkerEarly()
