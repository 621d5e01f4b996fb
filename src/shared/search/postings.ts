/**
 * Postings are ascending passage ids. New passages always get the next id, so appending keeps
 * a list sorted and an update never has to insert in the middle.
 */

/**
 * Ids present in both lists. Gallops through `large` (doubling steps, then a binary search), so
 * intersecting a rare bigram's few ids with a very common one's costs O(small · log large).
 */
export function intersectSorted(small: ArrayLike<number>, large: ArrayLike<number>): number[] {
  const out: number[] = []
  const n = large.length
  let lo = 0
  for (let i = 0; i < small.length; i++) {
    const x = small[i]
    let hi = lo
    let step = 1
    while (hi < n && large[hi] < x) {
      lo = hi + 1
      hi = lo + step
      step <<= 1
    }
    if (hi > n) hi = n
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (large[mid] < x) lo = mid + 1
      else hi = mid
    }
    if (lo === n) break
    if (large[lo] === x) out.push(x)
  }
  return out
}
