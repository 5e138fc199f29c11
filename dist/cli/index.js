#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9379:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const ANY = Symbol('SemVer ANY')
// hoisted class for cyclic dependency
class Comparator {
  static get ANY () {
    return ANY
  }

  constructor (comp, options) {
    options = parseOptions(options)

    if (comp instanceof Comparator) {
      if (comp.loose === !!options.loose) {
        return comp
      } else {
        comp = comp.value
      }
    }

    comp = comp.trim().split(/\s+/).join(' ')
    debug('comparator', comp, options)
    this.options = options
    this.loose = !!options.loose
    this.parse(comp)

    if (this.semver === ANY) {
      this.value = ''
    } else {
      this.value = this.operator + this.semver.version
    }

    debug('comp', this)
  }

  parse (comp) {
    const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR]
    const m = comp.match(r)

    if (!m) {
      throw new TypeError(`Invalid comparator: ${comp}`)
    }

    this.operator = m[1] !== undefined ? m[1] : ''
    if (this.operator === '=') {
      this.operator = ''
    }

    // if it literally is just '>' or '' then allow anything.
    if (!m[2]) {
      this.semver = ANY
    } else {
      this.semver = new SemVer(m[2], this.options.loose)
    }
  }

  toString () {
    return this.value
  }

  test (version) {
    debug('Comparator.test', version, this.options.loose)

    if (this.semver === ANY || version === ANY) {
      return true
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    return cmp(version, this.operator, this.semver, this.options)
  }

  intersects (comp, options) {
    if (!(comp instanceof Comparator)) {
      throw new TypeError('a Comparator is required')
    }

    if (this.operator === '') {
      if (this.value === '') {
        return true
      }
      return new Range(comp.value, options).test(this.value)
    } else if (comp.operator === '') {
      if (comp.value === '') {
        return true
      }
      return new Range(this.value, options).test(comp.semver)
    }

    options = parseOptions(options)

    // Special cases where nothing can possibly be lower
    if (options.includePrerelease &&
      (this.value === '<0.0.0-0' || comp.value === '<0.0.0-0')) {
      return false
    }
    if (!options.includePrerelease &&
      (this.value.startsWith('<0.0.0') || comp.value.startsWith('<0.0.0'))) {
      return false
    }

    // Same direction increasing (> or >=)
    if (this.operator.startsWith('>') && comp.operator.startsWith('>')) {
      return true
    }
    // Same direction decreasing (< or <=)
    if (this.operator.startsWith('<') && comp.operator.startsWith('<')) {
      return true
    }
    // same SemVer and both sides are inclusive (<= or >=)
    if (
      (this.semver.version === comp.semver.version) &&
      this.operator.includes('=') && comp.operator.includes('=')) {
      return true
    }
    // opposite directions less than
    if (cmp(this.semver, '<', comp.semver, options) &&
      this.operator.startsWith('>') && comp.operator.startsWith('<')) {
      return true
    }
    // opposite directions greater than
    if (cmp(this.semver, '>', comp.semver, options) &&
      this.operator.startsWith('<') && comp.operator.startsWith('>')) {
      return true
    }
    return false
  }
}

module.exports = Comparator

const parseOptions = __nccwpck_require__(356)
const { safeRe: re, t } = __nccwpck_require__(5471)
const cmp = __nccwpck_require__(8646)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)


/***/ }),

/***/ 6782:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SPACE_CHARACTERS = /\s+/g

// hoisted class for cyclic dependency
class Range {
  constructor (range, options) {
    options = parseOptions(options)

    if (range instanceof Range) {
      if (
        range.loose === !!options.loose &&
        range.includePrerelease === !!options.includePrerelease
      ) {
        return range
      } else {
        return new Range(range.raw, options)
      }
    }

    if (range instanceof Comparator) {
      // just put it in the set and return
      this.raw = range.value
      this.set = [[range]]
      this.formatted = undefined
      return this
    }

    this.options = options
    this.loose = !!options.loose
    this.includePrerelease = !!options.includePrerelease

    // First reduce all whitespace as much as possible so we do not have to rely
    // on potentially slow regexes like \s*. This is then stored and used for
    // future error messages as well.
    this.raw = range.trim().replace(SPACE_CHARACTERS, ' ')

    // First, split on ||
    this.set = this.raw
      .split('||')
      // map the range to a 2d array of comparators
      .map(r => this.parseRange(r.trim()))
      // throw out any comparator lists that are empty
      // this generally means that it was not a valid range, which is allowed
      // in loose mode, but will still throw if the WHOLE range is invalid.
      .filter(c => c.length)

    if (!this.set.length) {
      throw new TypeError(`Invalid SemVer Range: ${this.raw}`)
    }

    // if we have any that are not the null set, throw out null sets.
    if (this.set.length > 1) {
      // keep the first one, in case they're all null sets
      const first = this.set[0]
      this.set = this.set.filter(c => !isNullSet(c[0]))
      if (this.set.length === 0) {
        this.set = [first]
      } else if (this.set.length > 1) {
        // if we have any that are *, then the range is just *
        for (const c of this.set) {
          if (c.length === 1 && isAny(c[0])) {
            this.set = [c]
            break
          }
        }
      }
    }

    this.formatted = undefined
  }

  get range () {
    if (this.formatted === undefined) {
      this.formatted = ''
      for (let i = 0; i < this.set.length; i++) {
        if (i > 0) {
          this.formatted += '||'
        }
        const comps = this.set[i]
        for (let k = 0; k < comps.length; k++) {
          if (k > 0) {
            this.formatted += ' '
          }
          this.formatted += comps[k].toString().trim()
        }
      }
    }
    return this.formatted
  }

  format () {
    return this.range
  }

  toString () {
    return this.range
  }

  parseRange (range) {
    // strip build metadata so it can't bleed into the version
    range = range.replace(BUILDSTRIPRE, '')

    // memoize range parsing for performance.
    // this is a very hot path, and fully deterministic.
    const memoOpts =
      (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) |
      (this.options.loose && FLAG_LOOSE)
    const memoKey = memoOpts + ':' + range
    const cached = cache.get(memoKey)
    if (cached) {
      return cached
    }

    const loose = this.options.loose
    // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
    const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE]
    range = range.replace(hr, hyphenReplace(this.options.includePrerelease))
    debug('hyphen replace', range)

    // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
    range = trimComparatorWhitespace(range)
    debug('comparator trim', range)

    // `~ 1.2.3` => `~1.2.3`
    range = range.replace(re[t.TILDETRIM], tildeTrimReplace)
    debug('tilde trim', range)

    // `^ 1.2.3` => `^1.2.3`
    range = range.replace(re[t.CARETTRIM], caretTrimReplace)
    debug('caret trim', range)

    // At this point, the range is completely trimmed and
    // ready to be split into comparators.

    let rangeList = range
      .split(' ')
      .map(comp => parseComparator(comp, this.options))
      .join(' ')
      .split(/\s+/)
      // >=0.0.0 is equivalent to *
      .map(comp => replaceGTE0(comp, this.options))

    if (loose) {
      // in loose mode, throw out any that are not valid comparators
      rangeList = rangeList.filter(comp => {
        debug('loose invalid filter', comp, this.options)
        return !!comp.match(re[t.COMPARATORLOOSE])
      })
    }
    debug('range list', rangeList)

    // if any comparators are the null set, then replace with JUST null set
    // if more than one comparator, remove any * comparators
    // also, don't include the same comparator more than once
    const rangeMap = new Map()
    const comparators = rangeList.map(comp => new Comparator(comp, this.options))
    for (const comp of comparators) {
      if (isNullSet(comp)) {
        return [comp]
      }
      rangeMap.set(comp.value, comp)
    }
    if (rangeMap.size > 1 && rangeMap.has('')) {
      rangeMap.delete('')
    }

    const result = [...rangeMap.values()]
    cache.set(memoKey, result)
    return result
  }

  intersects (range, options) {
    if (!(range instanceof Range)) {
      throw new TypeError('a Range is required')
    }

    return this.set.some((thisComparators) => {
      return (
        isSatisfiable(thisComparators, options) &&
        range.set.some((rangeComparators) => {
          return (
            isSatisfiable(rangeComparators, options) &&
            thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options)
              })
            })
          )
        })
      )
    })
  }

  // if ANY of the sets match ALL of its comparators, then pass
  test (version) {
    if (!version) {
      return false
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    for (let i = 0; i < this.set.length; i++) {
      if (testSet(this.set[i], version, this.options)) {
        return true
      }
    }
    return false
  }
}

module.exports = Range

const LRU = __nccwpck_require__(1383)
const cache = new LRU()

const parseOptions = __nccwpck_require__(356)
const Comparator = __nccwpck_require__(9379)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const trimComparatorWhitespace = __nccwpck_require__(9737)
const {
  safeRe: re,
  src,
  t,
  tildeTrimReplace,
  caretTrimReplace,
} = __nccwpck_require__(5471)
const { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = __nccwpck_require__(5101)

// unbounded global build-metadata stripper used by parseRange
const BUILDSTRIPRE = new RegExp(src[t.BUILD], 'g')

const isNullSet = c => c.value === '<0.0.0-0'
const isAny = c => c.value === ''

// take a set of comparators and determine whether there
// exists a version which can satisfy it
const isSatisfiable = (comparators, options) => {
  let result = true
  const remainingComparators = comparators.slice()
  let testComparator = remainingComparators.pop()

  while (result && remainingComparators.length) {
    result = remainingComparators.every((otherComparator) => {
      return testComparator.intersects(otherComparator, options)
    })

    testComparator = remainingComparators.pop()
  }

  return result
}

// comprised of xranges, tildes, stars, and gtlt's at this point.
// already replaced the hyphen ranges
// turn into a set of JUST comparators.
const parseComparator = (comp, options) => {
  comp = comp.replace(re[t.BUILD], '')
  debug('comp', comp, options)
  comp = replaceCarets(comp, options)
  debug('caret', comp)
  comp = replaceTildes(comp, options)
  debug('tildes', comp)
  comp = replaceXRanges(comp, options)
  debug('xrange', comp)
  comp = replaceStars(comp, options)
  debug('stars', comp)
  return comp
}

const isX = id => !id || id.toLowerCase() === 'x' || id === '*'

const invalidXRangeOrder = (M, m, p) => (
  (isX(M) && !isX(m)) ||
  (isX(m) && p && !isX(p))
)

// ~, ~> --> * (any, kinda silly)
// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0-0
// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0-0
// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0-0
// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0-0
// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0-0
// ~0.0.1 --> >=0.0.1 <0.1.0-0
const replaceTildes = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceTilde(c, options))
    .join(' ')
}

const replaceTilde = (comp, options) => {
  const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE]
  // if we're including prereleases in the match, then the lower bound is
  // -0, the lowest possible prerelease value, just like x-ranges and carets.
  // this keeps `~1.2` equivalent to the `1.2.x` x-range it's documented as.
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('tilde', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      // ~1.2 == >=1.2.0 <1.3.0-0
      ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
    } else if (pr) {
      debug('replaceTilde pr', pr)
      ret = `>=${M}.${m}.${p}-${pr
      } <${M}.${+m + 1}.0-0`
    } else {
      // ~1.2.3 == >=1.2.3 <1.3.0-0
      ret = `>=${M}.${m}.${p
      } <${M}.${+m + 1}.0-0`
    }

    debug('tilde return', ret)
    return ret
  })
}

// ^ --> * (any, kinda silly)
// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0-0
// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0-0
// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0-0
// ^1.2.3 --> >=1.2.3 <2.0.0-0
// ^1.2.0 --> >=1.2.0 <2.0.0-0
// ^0.0.1 --> >=0.0.1 <0.0.2-0
// ^0.1.0 --> >=0.1.0 <0.2.0-0
const replaceCarets = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceCaret(c, options))
    .join(' ')
}

const replaceCaret = (comp, options) => {
  debug('caret', comp, options)
  const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET]
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('caret', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      if (M === '0') {
        ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
      } else {
        ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`
      }
    } else if (pr) {
      debug('replaceCaret pr', pr)
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p}-${pr
        } <${+M + 1}.0.0-0`
      }
    } else {
      debug('no pr')
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p
        } <${+M + 1}.0.0-0`
      }
    }

    debug('caret return', ret)
    return ret
  })
}

const replaceXRanges = (comp, options) => {
  debug('replaceXRanges', comp, options)
  return comp
    .split(/\s+/)
    .map((c) => replaceXRange(c, options))
    .join(' ')
}

const replaceXRange = (comp, options) => {
  comp = comp.trim()
  const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE]
  return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
    debug('xRange', comp, ret, gtlt, M, m, p, pr)
    if (invalidXRangeOrder(M, m, p)) {
      return comp
    }

    const xM = isX(M)
    const xm = xM || isX(m)
    const xp = xm || isX(p)
    const anyX = xp

    if (gtlt === '=' && anyX) {
      gtlt = ''
    }

    // if we're including prereleases in the match, then we need
    // to fix this to -0, the lowest possible prerelease value
    pr = options.includePrerelease ? '-0' : ''

    if (xM) {
      if (gtlt === '>' || gtlt === '<') {
        // nothing is allowed
        ret = '<0.0.0-0'
      } else {
        // nothing is forbidden
        ret = '*'
      }
    } else if (gtlt && anyX) {
      // we know patch is an x, because we have any x at all.
      // replace X with 0
      if (xm) {
        m = 0
      }
      p = 0

      if (gtlt === '>') {
        // >1 => >=2.0.0
        // >1.2 => >=1.3.0
        gtlt = '>='
        if (xm) {
          M = +M + 1
          m = 0
          p = 0
        } else {
          m = +m + 1
          p = 0
        }
      } else if (gtlt === '<=') {
        // <=0.7.x is actually <0.8.0, since any 0.7.x should
        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
        gtlt = '<'
        if (xm) {
          M = +M + 1
        } else {
          m = +m + 1
        }
      }

      if (gtlt === '<') {
        pr = '-0'
      }

      ret = `${gtlt + M}.${m}.${p}${pr}`
    } else if (xm) {
      ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`
    } else if (xp) {
      ret = `>=${M}.${m}.0${pr
      } <${M}.${+m + 1}.0-0`
    }

    debug('xRange return', ret)

    return ret
  })
}

// Because * is AND-ed with everything else in the comparator,
// and '' means "any version", just remove the *s entirely.
const replaceStars = (comp, options) => {
  debug('replaceStars', comp, options)
  // Looseness is ignored here.  star is always as loose as it gets!
  return comp
    .trim()
    .replace(re[t.STAR], '')
}

const replaceGTE0 = (comp, options) => {
  debug('replaceGTE0', comp, options)
  return comp
    .trim()
    .replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], '')
}

// This function is passed to string.replace(re[t.HYPHENRANGE])
// M, m, patch, prerelease, build
// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
// 1.2.3 - 3.4 => >=1.2.0 <3.5.0-0 Any 3.4.x will do
// 1.2 - 3.4 => >=1.2.0 <3.5.0-0
// TODO build?
const hyphenReplace = incPr => ($0,
  from, fM, fm, fp, fpr, fb,
  to, tM, tm, tp, tpr) => {
  if (isX(fM)) {
    from = ''
  } else if (isX(fm)) {
    from = `>=${fM}.0.0${incPr ? '-0' : ''}`
  } else if (isX(fp)) {
    from = `>=${fM}.${fm}.0${incPr ? '-0' : ''}`
  } else if (fpr) {
    from = `>=${from}`
  } else {
    from = `>=${from}${incPr ? '-0' : ''}`
  }

  if (isX(tM)) {
    to = ''
  } else if (isX(tm)) {
    to = `<${+tM + 1}.0.0-0`
  } else if (isX(tp)) {
    to = `<${tM}.${+tm + 1}.0-0`
  } else if (tpr) {
    to = `<=${tM}.${tm}.${tp}-${tpr}`
  } else if (incPr) {
    to = `<${tM}.${tm}.${+tp + 1}-0`
  } else {
    to = `<=${to}`
  }

  return `${from} ${to}`.trim()
}

const testSet = (set, version, options) => {
  for (let i = 0; i < set.length; i++) {
    if (!set[i].test(version)) {
      return false
    }
  }

  if (version.prerelease.length && !options.includePrerelease) {
    // Find the set of versions that are allowed to have prereleases
    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
    // That should allow `1.2.3-pr.2` to pass.
    // However, `1.2.4-alpha.notready` should NOT be allowed,
    // even though it's within the range set by the comparators.
    for (let i = 0; i < set.length; i++) {
      debug(set[i].semver)
      if (set[i].semver === Comparator.ANY) {
        continue
      }

      if (set[i].semver.prerelease.length > 0) {
        const allowed = set[i].semver
        if (allowed.major === version.major &&
            allowed.minor === version.minor &&
            allowed.patch === version.patch) {
          return true
        }
      }
    }

    // Version has a -pre, but it's not one of the ones we like.
    return false
  }

  return true
}


/***/ }),

/***/ 7163:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const debug = __nccwpck_require__(1159)
const { MAX_LENGTH, MAX_SAFE_INTEGER } = __nccwpck_require__(5101)
const { safeRe: re, t } = __nccwpck_require__(5471)

const parseOptions = __nccwpck_require__(356)
const { compareIdentifiers } = __nccwpck_require__(3348)

const isPrereleaseIdentifier = (prerelease, identifier) => {
  const identifiers = identifier.split('.')
  if (identifiers.length > prerelease.length) {
    return false
  }

  for (let i = 0; i < identifiers.length; i++) {
    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
      return false
    }
  }

  return true
}

class SemVer {
  constructor (version, options) {
    options = parseOptions(options)

    if (version instanceof SemVer) {
      if (version.loose === !!options.loose &&
        version.includePrerelease === !!options.includePrerelease) {
        return version
      } else {
        version = version.version
      }
    } else if (typeof version !== 'string') {
      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
    }

    if (version.length > MAX_LENGTH) {
      throw new TypeError(
        `version is longer than ${MAX_LENGTH} characters`
      )
    }

    debug('SemVer', version, options)
    this.options = options
    this.loose = !!options.loose
    // this isn't actually relevant for versions, but keep it so that we
    // don't run into trouble passing this.options around.
    this.includePrerelease = !!options.includePrerelease

    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL])

    if (!m) {
      throw new TypeError(`Invalid Version: ${version}`)
    }

    this.raw = version

    // these are actually numbers
    this.major = +m[1]
    this.minor = +m[2]
    this.patch = +m[3]

    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
      throw new TypeError('Invalid major version')
    }

    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
      throw new TypeError('Invalid minor version')
    }

    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
      throw new TypeError('Invalid patch version')
    }

    // numberify any prerelease numeric ids
    if (!m[4]) {
      this.prerelease = []
    } else {
      this.prerelease = m[4].split('.').map((id) => {
        if (/^[0-9]+$/.test(id)) {
          const num = +id
          if (num >= 0 && num < MAX_SAFE_INTEGER) {
            return num
          }
        }
        return id
      })
    }

    this.build = m[5] ? m[5].split('.') : []
    this.format()
  }

  format () {
    this.version = `${this.major}.${this.minor}.${this.patch}`
    if (this.prerelease.length) {
      this.version += `-${this.prerelease.join('.')}`
    }
    return this.version
  }

  toString () {
    return this.version
  }

  compare (other) {
    debug('SemVer.compare', this.version, this.options, other)
    if (!(other instanceof SemVer)) {
      if (typeof other === 'string' && other === this.version) {
        return 0
      }
      other = new SemVer(other, this.options)
    }

    if (other.version === this.version) {
      return 0
    }

    return this.compareMain(other) || this.comparePre(other)
  }

  compareMain (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    if (this.major < other.major) {
      return -1
    }
    if (this.major > other.major) {
      return 1
    }
    if (this.minor < other.minor) {
      return -1
    }
    if (this.minor > other.minor) {
      return 1
    }
    if (this.patch < other.patch) {
      return -1
    }
    if (this.patch > other.patch) {
      return 1
    }
    return 0
  }

  comparePre (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    // NOT having a prerelease is > having one
    if (this.prerelease.length && !other.prerelease.length) {
      return -1
    } else if (!this.prerelease.length && other.prerelease.length) {
      return 1
    } else if (!this.prerelease.length && !other.prerelease.length) {
      return 0
    }

    let i = 0
    do {
      const a = this.prerelease[i]
      const b = other.prerelease[i]
      debug('prerelease compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  compareBuild (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    let i = 0
    do {
      const a = this.build[i]
      const b = other.build[i]
      debug('build compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  // preminor will bump the version up to the next minor release, and immediately
  // down to pre-release. premajor and prepatch work the same way.
  inc (release, identifier, identifierBase) {
    if (release.startsWith('pre')) {
      if (!identifier && identifierBase === false) {
        throw new Error('invalid increment argument: identifier is empty')
      }
      // Avoid an invalid semver results
      if (identifier) {
        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE])
        if (!match || match[1] !== identifier) {
          throw new Error(`invalid identifier: ${identifier}`)
        }
      }
    }

    switch (release) {
      case 'premajor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor = 0
        this.major++
        this.inc('pre', identifier, identifierBase)
        break
      case 'preminor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor++
        this.inc('pre', identifier, identifierBase)
        break
      case 'prepatch':
        // If this is already a prerelease, it will bump to the next version
        // drop any prereleases that might already exist, since they are not
        // relevant at this point.
        this.prerelease.length = 0
        this.inc('patch', identifier, identifierBase)
        this.inc('pre', identifier, identifierBase)
        break
      // If the input is a non-prerelease version, this acts the same as
      // prepatch.
      case 'prerelease':
        if (this.prerelease.length === 0) {
          this.inc('patch', identifier, identifierBase)
        }
        this.inc('pre', identifier, identifierBase)
        break
      case 'release':
        if (this.prerelease.length === 0) {
          throw new Error(`version ${this.raw} is not a prerelease`)
        }
        this.prerelease.length = 0
        break

      case 'major':
        // If this is a pre-major version, bump up to the same major version.
        // Otherwise increment major.
        // 1.0.0-5 bumps to 1.0.0
        // 1.1.0 bumps to 2.0.0
        if (
          this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0
        ) {
          this.major++
        }
        this.minor = 0
        this.patch = 0
        this.prerelease = []
        break
      case 'minor':
        // If this is a pre-minor version, bump up to the same minor version.
        // Otherwise increment minor.
        // 1.2.0-5 bumps to 1.2.0
        // 1.2.1 bumps to 1.3.0
        if (this.patch !== 0 || this.prerelease.length === 0) {
          this.minor++
        }
        this.patch = 0
        this.prerelease = []
        break
      case 'patch':
        // If this is not a pre-release version, it will increment the patch.
        // If it is a pre-release it will bump up to the same patch version.
        // 1.2.0-5 patches to 1.2.0
        // 1.2.0 patches to 1.2.1
        if (this.prerelease.length === 0) {
          this.patch++
        }
        this.prerelease = []
        break
      // This probably shouldn't be used publicly.
      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
      case 'pre': {
        const base = Number(identifierBase) ? 1 : 0

        if (this.prerelease.length === 0) {
          this.prerelease = [base]
        } else {
          let i = this.prerelease.length
          while (--i >= 0) {
            if (typeof this.prerelease[i] === 'number') {
              this.prerelease[i]++
              i = -2
            }
          }
          if (i === -1) {
            // didn't increment anything
            if (identifier === this.prerelease.join('.') && identifierBase === false) {
              throw new Error('invalid increment argument: identifier already exists')
            }
            this.prerelease.push(base)
          }
        }
        if (identifier) {
          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
          let prerelease = [identifier, base]
          if (identifierBase === false) {
            prerelease = [identifier]
          }
          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
            const prereleaseBase = this.prerelease[identifier.split('.').length]
            if (isNaN(prereleaseBase)) {
              this.prerelease = prerelease
            }
          } else {
            this.prerelease = prerelease
          }
        }
        break
      }
      default:
        throw new Error(`invalid increment argument: ${release}`)
    }
    this.raw = this.format()
    if (this.build.length) {
      this.raw += `+${this.build.join('.')}`
    }
    return this
  }
}

module.exports = SemVer


/***/ }),

/***/ 1799:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const clean = (version, options) => {
  const s = parse(version.trim().replace(/^[=v]+/, ''), options)
  return s ? s.version : null
}
module.exports = clean


/***/ }),

/***/ 8646:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gt = __nccwpck_require__(6599)
const gte = __nccwpck_require__(1236)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)

const cmp = (a, op, b, loose) => {
  switch (op) {
    case '===':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a === b

    case '!==':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a !== b

    case '':
    case '=':
    case '==':
      return eq(a, b, loose)

    case '!=':
      return neq(a, b, loose)

    case '>':
      return gt(a, b, loose)

    case '>=':
      return gte(a, b, loose)

    case '<':
      return lt(a, b, loose)

    case '<=':
      return lte(a, b, loose)

    default:
      throw new TypeError(`Invalid operator: ${op}`)
  }
}
module.exports = cmp


/***/ }),

/***/ 5385:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = __nccwpck_require__(6353)
const { safeRe: re, t } = __nccwpck_require__(5471)

const coerce = (version, options) => {
  if (version instanceof SemVer) {
    return version
  }

  if (typeof version === 'number') {
    version = String(version)
  }

  if (typeof version !== 'string') {
    return null
  }

  options = options || {}

  let match = null
  if (!options.rtl) {
    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE])
  } else {
    // Find the right-most coercible string that does not share
    // a terminus with a more left-ward coercible string.
    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
    //
    // Walk through the string checking with a /g regexp
    // Manually set the index so as to pick up overlapping matches.
    // Stop when we get a match that ends at the string end, since no
    // coercible string can be more right-ward without the same terminus.
    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL]
    let next
    while ((next = coerceRtlRegex.exec(version)) &&
        (!match || match.index + match[0].length !== version.length)
    ) {
      if (!match ||
            next.index + next[0].length !== match.index + match[0].length) {
        match = next
      }
      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length
    }
    // leave it in a clean state
    coerceRtlRegex.lastIndex = -1
  }

  if (match === null) {
    return null
  }

  const major = match[2]
  const minor = match[3] || '0'
  const patch = match[4] || '0'
  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : ''
  const build = options.includePrerelease && match[6] ? `+${match[6]}` : ''

  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
}
module.exports = coerce


/***/ }),

/***/ 7648:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compareBuild = (a, b, loose) => {
  const versionA = new SemVer(a, loose)
  const versionB = new SemVer(b, loose)
  return versionA.compare(versionB) || versionA.compareBuild(versionB)
}
module.exports = compareBuild


/***/ }),

/***/ 6874:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const compareLoose = (a, b) => compare(a, b, true)
module.exports = compareLoose


/***/ }),

/***/ 8469:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 711:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)

const diff = (version1, version2) => {
  const v1 = parse(version1, null, true)
  const v2 = parse(version2, null, true)
  const comparison = v1.compare(v2)

  if (comparison === 0) {
    return null
  }

  const v1Higher = comparison > 0
  const highVersion = v1Higher ? v1 : v2
  const lowVersion = v1Higher ? v2 : v1
  const highHasPre = !!highVersion.prerelease.length
  const lowHasPre = !!lowVersion.prerelease.length

  if (lowHasPre && !highHasPre) {
    // Going from prerelease -> no prerelease requires some special casing

    // If the low version has only a major, then it will always be a major
    // Some examples:
    // 1.0.0-1 -> 1.0.0
    // 1.0.0-1 -> 1.1.1
    // 1.0.0-1 -> 2.0.0
    if (!lowVersion.patch && !lowVersion.minor) {
      return 'major'
    }

    // If the main part has no difference
    if (lowVersion.compareMain(highVersion) === 0) {
      if (lowVersion.minor && !lowVersion.patch) {
        return 'minor'
      }
      return 'patch'
    }
  }

  // add the `pre` prefix if we are going to a prerelease version
  const prefix = highHasPre ? 'pre' : ''

  if (v1.major !== v2.major) {
    return prefix + 'major'
  }

  if (v1.minor !== v2.minor) {
    return prefix + 'minor'
  }

  if (v1.patch !== v2.patch) {
    return prefix + 'patch'
  }

  // high and low are prereleases
  return 'prerelease'
}

module.exports = diff


/***/ }),

/***/ 5082:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const eq = (a, b, loose) => compare(a, b, loose) === 0
module.exports = eq


/***/ }),

/***/ 6599:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gt = (a, b, loose) => compare(a, b, loose) > 0
module.exports = gt


/***/ }),

/***/ 1236:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gte = (a, b, loose) => compare(a, b, loose) >= 0
module.exports = gte


/***/ }),

/***/ 2338:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)

const inc = (version, release, options, identifier, identifierBase) => {
  if (typeof (options) === 'string') {
    identifierBase = identifier
    identifier = options
    options = undefined
  }

  try {
    return new SemVer(
      version instanceof SemVer ? version.version : version,
      options
    ).inc(release, identifier, identifierBase).version
  } catch (er) {
    return null
  }
}
module.exports = inc


/***/ }),

/***/ 3872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lt = (a, b, loose) => compare(a, b, loose) < 0
module.exports = lt


/***/ }),

/***/ 6717:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lte = (a, b, loose) => compare(a, b, loose) <= 0
module.exports = lte


/***/ }),

/***/ 8511:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const major = (a, loose) => new SemVer(a, loose).major
module.exports = major


/***/ }),

/***/ 2603:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const minor = (a, loose) => new SemVer(a, loose).minor
module.exports = minor


/***/ }),

/***/ 4974:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const neq = (a, b, loose) => compare(a, b, loose) !== 0
module.exports = neq


/***/ }),

/***/ 6353:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = (version, options, throwErrors = false) => {
  if (version instanceof SemVer) {
    return version
  }
  try {
    return new SemVer(version, options)
  } catch (er) {
    if (!throwErrors) {
      return null
    }
    throw er
  }
}

module.exports = parse


/***/ }),

/***/ 8756:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const patch = (a, loose) => new SemVer(a, loose).patch
module.exports = patch


/***/ }),

/***/ 5714:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const prerelease = (version, options) => {
  const parsed = parse(version, options)
  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
}
module.exports = prerelease


/***/ }),

/***/ 2173:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const rcompare = (a, b, loose) => compare(b, a, loose)
module.exports = rcompare


/***/ }),

/***/ 7192:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose))
module.exports = rsort


/***/ }),

/***/ 8011:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const satisfies = (version, range, options) => {
  try {
    range = new Range(range, options)
  } catch (er) {
    return false
  }
  return range.test(version)
}
module.exports = satisfies


/***/ }),

/***/ 9872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose))
module.exports = sort


/***/ }),

/***/ 6114:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)

const truncate = (version, truncation, options) => {
  if (!constants.RELEASE_TYPES.includes(truncation)) {
    return null
  }

  const clonedVersion = cloneInputVersion(version, options)
  return clonedVersion && doTruncation(clonedVersion, truncation)
}

const cloneInputVersion = (version, options) => {
  const versionStringToParse = (
    version instanceof SemVer ? version.version : version
  )

  return parse(versionStringToParse, options)
}

const doTruncation = (version, truncation) => {
  if (isPrerelease(truncation)) {
    return version.version
  }

  version.prerelease = []

  switch (truncation) {
    case 'major':
      version.minor = 0
      version.patch = 0
      break
    case 'minor':
      version.patch = 0
      break
  }

  return version.format()
}

const isPrerelease = (type) => {
  return type.startsWith('pre')
}

module.exports = truncate


/***/ }),

/***/ 8780:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const valid = (version, options) => {
  const v = parse(version, options)
  return v ? v.version : null
}
module.exports = valid


/***/ }),

/***/ 2088:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// just pre-load all the stuff that index.js lazily exports
const internalRe = __nccwpck_require__(5471)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)
const identifiers = __nccwpck_require__(3348)
const parse = __nccwpck_require__(6353)
const valid = __nccwpck_require__(8780)
const clean = __nccwpck_require__(1799)
const inc = __nccwpck_require__(2338)
const diff = __nccwpck_require__(711)
const major = __nccwpck_require__(8511)
const minor = __nccwpck_require__(2603)
const patch = __nccwpck_require__(8756)
const prerelease = __nccwpck_require__(5714)
const compare = __nccwpck_require__(8469)
const rcompare = __nccwpck_require__(2173)
const compareLoose = __nccwpck_require__(6874)
const compareBuild = __nccwpck_require__(7648)
const sort = __nccwpck_require__(9872)
const rsort = __nccwpck_require__(7192)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gte = __nccwpck_require__(1236)
const lte = __nccwpck_require__(6717)
const cmp = __nccwpck_require__(8646)
const coerce = __nccwpck_require__(5385)
const truncate = __nccwpck_require__(6114)
const Comparator = __nccwpck_require__(9379)
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const toComparators = __nccwpck_require__(4750)
const maxSatisfying = __nccwpck_require__(3193)
const minSatisfying = __nccwpck_require__(8595)
const minVersion = __nccwpck_require__(1866)
const validRange = __nccwpck_require__(4737)
const outside = __nccwpck_require__(280)
const gtr = __nccwpck_require__(2276)
const ltr = __nccwpck_require__(5213)
const intersects = __nccwpck_require__(3465)
const simplifyRange = __nccwpck_require__(2028)
const subset = __nccwpck_require__(1489)
module.exports = {
  parse,
  valid,
  clean,
  inc,
  diff,
  major,
  minor,
  patch,
  prerelease,
  compare,
  rcompare,
  compareLoose,
  compareBuild,
  sort,
  rsort,
  gt,
  lt,
  eq,
  neq,
  gte,
  lte,
  cmp,
  coerce,
  truncate,
  Comparator,
  Range,
  satisfies,
  toComparators,
  maxSatisfying,
  minSatisfying,
  minVersion,
  validRange,
  outside,
  gtr,
  ltr,
  intersects,
  simplifyRange,
  subset,
  SemVer,
  re: internalRe.re,
  src: internalRe.src,
  tokens: internalRe.t,
  SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
  RELEASE_TYPES: constants.RELEASE_TYPES,
  compareIdentifiers: identifiers.compareIdentifiers,
  rcompareIdentifiers: identifiers.rcompareIdentifiers,
}


/***/ }),

/***/ 5101:
/***/ ((module) => {



// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
const SEMVER_SPEC_VERSION = '2.0.0'

const MAX_LENGTH = 256
const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
/* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
const MAX_SAFE_COMPONENT_LENGTH = 16

// Max safe length for a build identifier. The max length minus 6 characters for
// the shortest version with a build 0.0.0+BUILD.
const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// ECMAScript whitespace and line terminators matched by \s.
const WHITESPACE_CHARACTERS = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
]

const RELEASE_TYPES = [
  'major',
  'premajor',
  'minor',
  'preminor',
  'patch',
  'prepatch',
  'prerelease',
]

module.exports = {
  MAX_LENGTH,
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_SAFE_INTEGER,
  WHITESPACE_CHARACTERS,
  RELEASE_TYPES,
  SEMVER_SPEC_VERSION,
  FLAG_INCLUDE_PRERELEASE: 0b001,
  FLAG_LOOSE: 0b010,
}


/***/ }),

/***/ 1159:
/***/ ((module) => {



const debug = (
  typeof process === 'object' &&
  process.env &&
  process.env.NODE_DEBUG &&
  /\bsemver\b/i.test(process.env.NODE_DEBUG)
) ? (...args) => console.error('SEMVER', ...args)
  : () => {}

module.exports = debug


/***/ }),

/***/ 3348:
/***/ ((module) => {



const numeric = /^[0-9]+$/
const compareIdentifiers = (a, b) => {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b ? 0 : a < b ? -1 : 1
  }

  const anum = numeric.test(a)
  const bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a)

module.exports = {
  compareIdentifiers,
  rcompareIdentifiers,
}


/***/ }),

/***/ 1383:
/***/ ((module) => {



class LRUCache {
  constructor () {
    this.max = 1000
    this.map = new Map()
  }

  get (key) {
    const value = this.map.get(key)
    if (value === undefined) {
      return undefined
    } else {
      // Remove the key from the map and add it to the end
      this.map.delete(key)
      this.map.set(key, value)
      return value
    }
  }

  delete (key) {
    return this.map.delete(key)
  }

  set (key, value) {
    const deleted = this.delete(key)

    if (!deleted && value !== undefined) {
      // If cache is full, delete the least recently used item
      if (this.map.size >= this.max) {
        const firstKey = this.map.keys().next().value
        this.delete(firstKey)
      }

      this.map.set(key, value)
    }

    return this
  }
}

module.exports = LRUCache


/***/ }),

/***/ 356:
/***/ ((module) => {



// parse out just the options we care about
const looseOption = Object.freeze({ loose: true })
const emptyOpts = Object.freeze({ })
const parseOptions = options => {
  if (!options) {
    return emptyOpts
  }

  if (typeof options !== 'object') {
    return looseOption
  }

  return options
}
module.exports = parseOptions


/***/ }),

/***/ 5471:
/***/ ((module, exports, __nccwpck_require__) => {



const {
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_LENGTH,
} = __nccwpck_require__(5101)
const debug = __nccwpck_require__(1159)
exports = module.exports = {}

// The actual regexps go on exports.re
const re = exports.re = []
const safeRe = exports.safeRe = []
const src = exports.src = []
const safeSrc = exports.safeSrc = []
const t = exports.t = {}
let R = 0

const LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
const safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

const makeSafeRegex = (value) => {
  for (const [token, max] of safeRegexReplacements) {
    value = value
      .split(`${token}*`).join(`${token}{0,${max}}`)
      .split(`${token}+`).join(`${token}{1,${max}}`)
  }
  return value
}

const createToken = (name, value, isGlobal) => {
  const safe = makeSafeRegex(value)
  const index = R++
  debug(name, index, value)
  t[name] = index
  src[index] = value
  safeSrc[index] = safe
  re[index] = new RegExp(value, isGlobal ? 'g' : undefined)
  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined)
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*')
createToken('NUMERICIDENTIFIERLOOSE', '\\d+')

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`)

// ## Main Version
// Three dot-separated numeric identifiers.

createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})`)

createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.
// Non-numeric identifiers include numeric identifiers but can be longer.
// Therefore non-numeric identifiers must go first.

createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIER]})`)

createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`)

createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`)

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`)

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
}(?:\\.${src[t.BUILDIDENTIFIER]})*))`)

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
}${src[t.PRERELEASE]}?${
  src[t.BUILD]}?`)

createToken('FULL', `^${src[t.FULLPLAIN]}$`)

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
}${src[t.PRERELEASELOOSE]}?${
  src[t.BUILD]}?`)

createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`)

createToken('GTLT', '((?:<|>)?=?)')

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifier, meaning "any version"
// Only the first item is strictly required.
createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`)
createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`)

createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:${src[t.PRERELEASE]})?${
                     src[t.BUILD]}?` +
                   `)?)?`)

createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:${src[t.PRERELEASELOOSE]})?${
                          src[t.BUILD]}?` +
                        `)?)?`)

createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`)
createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`)

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
createToken('COERCEPLAIN', `${'(^|[^\\d])' +
              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`)
createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`)
createToken('COERCEFULL', src[t.COERCEPLAIN] +
              `(?:${src[t.PRERELEASE]})?` +
              `(?:${src[t.BUILD]})?` +
              `(?:$|[^\\d])`)
createToken('COERCERTL', src[t.COERCE], true)
createToken('COERCERTLFULL', src[t.COERCEFULL], true)

// Tilde ranges.
// Meaning is "reasonably at or greater than"
createToken('LONETILDE', '(?:~>?)')

createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true)
exports.tildeTrimReplace = '$1~'

createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`)
createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`)

// Caret ranges.
// Meaning is "at least and backwards compatible with"
createToken('LONECARET', '(?:\\^)')

createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true)
exports.caretTrimReplace = '$1^'

createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`)
createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`)

// A simple gt/lt/eq thing, or just "" to indicate "any version"
createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`)
createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`)

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true)
exports.comparatorTrimReplace = '$1$2$3'

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
                   `\\s+-\\s+` +
                   `(${src[t.XRANGEPLAIN]})` +
                   `\\s*$`)

createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s+-\\s+` +
                        `(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s*$`)

// Star ranges basically just allow anything at all.
createToken('STAR', '(<|>)?=?\\s*\\*')
// >=0.0.0 is like a star
createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$')
createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$')


/***/ }),

/***/ 9737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// @ts-check


// Reproduce safeRe[COMPARATORTRIM] replacement boundaries, not version
// validation. Each end-index finder returns an exclusive end, or its start
// on no match.
// Positions count from zero. An end of 3 means characters 0, 1, and 2 were read;
// range.slice(start, end) gives the matched text, not a converted number.
const {
  MAX_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  WHITESPACE_CHARACTERS,
} = __nccwpck_require__(5101)

/**
 * Remembers the last two rows of digits so their characters need not be reread.
 * Positions start at -1 until a row has been found.
 *
 * @typedef {object} DigitRunCache
 * @property {number} start The first character of the most recently found row.
 * @property {number} end The position after that row's last character.
 * @property {number} previousStart The first character of the previous row.
 * @property {number} previousEnd The position after the previous row.
 */

// One entry per UTF-16 code unit keeps membership checks constant-time.
const whitespace = new Uint8Array(0x10000)
for (const char of WHITESPACE_CHARACTERS) {
  whitespace[char.charCodeAt(0)] = 1
}

/**
 * Checks whether a character is whitespace, like a space, tab, or newline.
 * Looking past the end of the string returns false.
 *
 * @param {string|undefined} char One character, or undefined past the string's end.
 * @returns {boolean} Whether the character is whitespace.
 * @example isWhitespace(' ') // true
 * @example isWhitespace('1') // false
 */
const isWhitespace = char =>
  char !== undefined && whitespace[char.charCodeAt(0)] === 1

/**
 * Checks for v, =, or whitespace before the version number.
 * These are historical version prefixes, not range operators:
 * < and > are handled separately, as are tilde and caret ranges.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can belong to a version prefix.
 * @example isVersionPrefix('=') // true
 * @example isVersionPrefix('>') // false
 */
const isVersionPrefix = char =>
  char === 'v' ||
  char === '=' ||
  isWhitespace(char)

/**
 * Checks whether a character is one of the digits 0 through 9.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII digit.
 * @example isDigit('7') // true
 * @example isDigit('.') // false
 */
const isDigit = char => char !== undefined && char >= '0' && char <= '9'

/**
 * Checks whether a character is an English letter, uppercase or lowercase.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII letter.
 * @example isLetter('b') // true
 * @example isLetter('7') // false
 */
const isLetter = char =>
  char !== undefined && (
    (char >= 'a' && char <= 'z') ||
    (char >= 'A' && char <= 'Z')
  )

/**
 * Checks for a letter, digit, or hyphen: the characters allowed inside
 * prerelease and build names such as beta-1.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can be part of an identifier.
 * @example isIdentifierCharacter('-') // true
 * @example isIdentifierCharacter('.') // false; dots separate identifiers
 */
const isIdentifierCharacter = char => isDigit(char) || isLetter(char) || char === '-'

/**
 * Checks whether a version component can begin here: with a digit or
 * a wildcard such as x, X, or *.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether a number or wildcard can start with this character.
 * @example isVersionStart('x') // true
 * @example isVersionStart('v') // false; v belongs to the prefix
 */
const isVersionStart = char =>
  isDigit(char) ||
  char === 'x' ||
  char === 'X' ||
  char === '*'

/**
 * Finds the end of a row of digits, but returns no more than limit digits.
 * Remembers the last two rows so looking at them again does not reread them.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first character to check.
 * @param {number} limit The most digit characters the returned match can include.
 * @param {DigitRunCache} digitRuns Shared cache of digit-run positions, updated in place.
 * @returns {number} The position after the matched digits, or start if none match.
 * @example findDigitsEndIndex('123abc', 0, 10, digitRuns) // 3, pointing at a
 * @example findDigitsEndIndex('123abc', 0, 2, digitRuns) // 2, pointing at the unread 3
 */
const findDigitsEndIndex = (range, start, limit, digitRuns) => {
  if (!isDigit(range[start])) {
    return start
  }
  if (start >= digitRuns.start && start < digitRuns.end) {
    return Math.min(start + limit, digitRuns.end)
  }
  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
    return Math.min(start + limit, digitRuns.previousEnd)
  }
  let end = start + 1
  while (isDigit(range[end])) {
    end++
  }
  // A failed full version can rewind from its second run to its first.
  digitRuns.previousStart = digitRuns.start
  digitRuns.previousEnd = digitRuns.end
  digitRuns.start = start
  digitRuns.end = end
  return Math.min(start + limit, end)
}

/**
 * Reads a number using the old regex's length and leading-zero rules.
 * Strict mode reads just the first zero in 012; loose mode can read all three.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the number should begin.
 * @param {boolean} loose Whether to allow leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched digits, not their numeric value.
 * @example findVersionNumberEndIndex('012', 0, false, digitRuns) // 1
 * @example findVersionNumberEndIndex('012', 0, true, digitRuns) // 3
 */
const findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
  if (!loose && range[start] === '0') {
    return start + 1
  }
  // Strict syntax allows an initial nonzero digit plus MAX_LENGTH digits.
  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
}

/**
 * Reads one piece of a prerelease name, such as beta or 1 in beta.1.
 * Tries the letter-or-hyphen form first, then the number-only form.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @param {boolean} loose Whether numeric identifiers may have leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findPrereleaseIdentifierEndIndex('beta.1', 0, false, digitRuns) // 4, at the dot
 * @example findPrereleaseIdentifierEndIndex('001beta', 0, false, digitRuns) // 7
 */
const findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
  const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns)
  // The legacy regex tries a nonnumeric identifier before a numeric one.
  if (isLetter(range[digitsEnd]) || range[digitsEnd] === '-') {
    let end = digitsEnd + 1
    const limit = end + MAX_SAFE_BUILD_LENGTH
    while (end < limit && isIdentifierCharacter(range[end])) {
      end++
    }
    return end
  }
  return findVersionNumberEndIndex(range, start, loose, digitRuns)
}

/**
 * Reads a prerelease suffix such as -beta.1, one dot-separated piece at a time.
 * Loose mode also allows the name without its opening hyphen.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the suffix should begin, including -.
 * @param {boolean} loose Whether the opening hyphen is optional and zeros allowed.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched suffix, or start if absent.
 * @example findPrereleaseEndIndex('-beta.1+sha', 0, false, digitRuns) // 7, at the plus
 * @example findPrereleaseEndIndex('beta', 0, false, digitRuns) // 0; no opening hyphen
 */
const findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
  const hyphen = range[start] === '-'
  if (!loose && !hyphen) {
    return start
  }
  const identifierStart = start + (hyphen ? 1 : 0)
  let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns)
  if (end === identifierStart) {
    if (!loose || !hyphen) {
      return start
    }
    // In loose syntax, a lone hyphen can itself be the identifier.
    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns)
  }
  while (range[end] === '.') {
    const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads one build-name piece, such as sha or 123 in +sha.123.
 * Stops at a disallowed character or the old regex's length limit.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findBuildIdentifierEndIndex('sha.123', 0) // 3, at the dot
 * @example findBuildIdentifierEndIndex('001', 0) // 3; leading zeros are allowed
 */
const findBuildIdentifierEndIndex = (range, start) => {
  let end = start
  while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
    end++
  }
  return end
}

/**
 * Reads optional build metadata such as +sha.123.
 * Leaves the position unchanged if there is no plus sign followed by a name.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the opening + should be.
 * @returns {number} The position after the matched metadata, or start if absent.
 * @example findBuildEndIndex('+sha.123 <2', 0) // 8, at the space
 * @example findBuildEndIndex('+', 0) // 0; a plus sign alone is not a match
 */
const findBuildEndIndex = (range, start) => {
  if (range[start] !== '+') {
    return start
  }
  let end = findBuildIdentifierEndIndex(range, start + 1)
  if (end === start + 1) {
    return start
  }
  while (range[end] === '.') {
    const next = findBuildIdentifierEndIndex(range, end + 1)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads three numbers separated by dots, then any prerelease and build suffixes.
 * Uses loose rules, so forms such as 01.02.03beta can match here.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first number, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the version match, or start if none matches.
 * @example findLooseFullVersionEndIndex('1.2.3-beta+sha <2', 0, digitRuns) // 14
 * @example findLooseFullVersionEndIndex('1.2', 0, digitRuns) // 0; needs three numbers
 */
const findLooseFullVersionEndIndex = (range, start, digitRuns) => {
  let end = start
  for (let component = 0; component < 3; component++) {
    const next = findVersionNumberEndIndex(range, end, true, digitRuns)
    if (next === end) {
      return start
    }
    end = next
    if (component < 2) {
      if (range[end] !== '.') {
        return start
      }
      end++
    }
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Reads one component of a partial or wildcard version, such as 2 or x in 2.x.
 * Numbers use strict leading-zero rules; wildcards take up one character.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the component should begin.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the component, or start if none matches.
 * @example findPartialVersionComponentEndIndex('2.x', 0, digitRuns) // 1, at the dot
 * @example findPartialVersionComponentEndIndex('2.x', 2, digitRuns) // 3, after x
 */
const findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, false, digitRuns)
  }
  return isVersionStart(range[start]) ? start + 1 : start
}

/**
 * Reads up to three components, allowing forms such as 1, 1.2, or 1.x.
 * After the third component, also reads any strict prerelease and build suffixes.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched version text.
 * @example findPartialVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 * @example findPartialVersionEndIndex('1.', 0, digitRuns) // 1; the trailing dot is unread
 */
const findPartialVersionEndIndex = (range, start, digitRuns) => {
  let end = findPartialVersionComponentEndIndex(range, start, digitRuns)
  for (let component = 0; component < 2; component++) {
    if (range[end] !== '.') {
      return end
    }
    const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns)
    if (next === end + 1) {
      return end
    }
    end = next
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Finds where a version match ends, without deciding whether the range is valid.
 * Tries a loose full version first, then a partial or wildcard version, just
 * like the old regex's LOOSEPLAIN and XRANGEPLAIN alternatives.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position where scanning the next candidate can resume.
 * @example findVersionEndIndex('1.2.3 <2', 0, digitRuns) // 5, at the space
 * @example findVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 */
const findVersionEndIndex = (range, start, digitRuns) => {
  const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns)
  return fullVersionEnd !== start
    ? fullVersionEnd
    : findPartialVersionEndIndex(range, start, digitRuns)
}

/**
 * Finds the one whitespace character the old replacement would remove.
 * Keeps leading whitespace, skips an optional operator, and checks immediately
 * after it. Returns -1 if there is nothing to remove.
 *
 * @param {string} range The text containing a candidate already found by the caller.
 * @param {number} matchStart The candidate's position, including leading whitespace.
 * @returns {number} The position of the removable whitespace, or -1 if absent.
 * @example findRemovableWhitespaceIndex(' > 1', 0) // 2; keep the space at position 0
 * @example findRemovableWhitespaceIndex('>1', 0) // -1
 */
const findRemovableWhitespaceIndex = (range, matchStart) => {
  let position = matchStart
  if (isWhitespace(range[position])) {
    position++
  }
  if (range[position] === '<' || range[position] === '>') {
    position++
  }
  if (range[position] === '=') {
    position++
  }
  return isWhitespace(range[position]) ? position : -1
}

/**
 * Joins an operator to its version, turning > 1.2.3 into >1.2.3.
 * Copies everything else according to the old regex's matching rules.
 * Moves forward through prefixes and whole versions to avoid repeatedly
 * searching the same characters on long inputs.
 *
 * @param {string} range The range text to process; the original string is unchanged.
 * @returns {string} The range with matched operator whitespace removed.
 * @example trimComparatorWhitespace('> 1.2.3 < 2') // '>1.2.3 <2'
 * @example trimComparatorWhitespace('> invalid') // '> invalid'
 */
const trimComparatorWhitespace = range => {
  let result = ''
  let copyFrom = 0
  let cursor = 0
  const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 }

  while (cursor < range.length) {
    const matchStart = cursor
    if (range[cursor] === '<' || range[cursor] === '>') {
      cursor++
    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
      cursor++
      continue
    }

    // Consume a v/=/whitespace run once, even when no version follows it.
    while (cursor < range.length && isVersionPrefix(range[cursor])) {
      cursor++
    }
    if (!isVersionStart(range[cursor])) {
      continue
    }

    const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart)
    if (whitespacePosition !== -1) {
      result += range.slice(copyFrom, whitespacePosition)
      copyFrom = whitespacePosition + 1
    }

    // Skip the entire match, so a prerelease's trailing v cannot be
    // reconsidered as the prefix of another version.
    cursor = findVersionEndIndex(range, cursor, digitRuns)
  }

  return result + range.slice(copyFrom)
}

module.exports = trimComparatorWhitespace


/***/ }),

/***/ 2276:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// Determine if version is greater than all the versions possible in the range.
const outside = __nccwpck_require__(280)
const gtr = (version, range, options) => outside(version, range, '>', options)
module.exports = gtr


/***/ }),

/***/ 3465:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const intersects = (r1, r2, options) => {
  r1 = new Range(r1, options)
  r2 = new Range(r2, options)
  return r1.intersects(r2, options)
}
module.exports = intersects


/***/ }),

/***/ 5213:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const outside = __nccwpck_require__(280)
// Determine if version is less than all the versions possible in the range
const ltr = (version, range, options) => outside(version, range, '<', options)
module.exports = ltr


/***/ }),

/***/ 3193:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)

const maxSatisfying = (versions, range, options) => {
  let max = null
  let maxSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!max || maxSV.compare(v) === -1) {
        // compare(max, v, true)
        max = v
        maxSV = new SemVer(max, options)
      }
    }
  })
  return max
}
module.exports = maxSatisfying


/***/ }),

/***/ 8595:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const minSatisfying = (versions, range, options) => {
  let min = null
  let minSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!min || minSV.compare(v) === 1) {
        // compare(min, v, true)
        min = v
        minSV = new SemVer(min, options)
      }
    }
  })
  return min
}
module.exports = minSatisfying


/***/ }),

/***/ 1866:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const gt = __nccwpck_require__(6599)

const minVersion = (range, loose) => {
  range = new Range(range, loose)

  let minver = new SemVer('0.0.0')
  if (range.test(minver)) {
    return minver
  }

  minver = new SemVer('0.0.0-0')
  if (range.test(minver)) {
    return minver
  }

  minver = null
  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let setMin = null
    comparators.forEach((comparator) => {
      // Clone to avoid manipulating the comparator's semver object.
      const compver = new SemVer(comparator.semver.version)
      switch (comparator.operator) {
        case '>':
          if (compver.prerelease.length === 0) {
            compver.patch++
          } else {
            compver.prerelease.push(0)
          }
          compver.raw = compver.format()
          /* fallthrough */
        case '':
        case '>=':
          if (!setMin || gt(compver, setMin)) {
            setMin = compver
          }
          break
        case '<':
        case '<=':
          /* Ignore maximum versions */
          break
        /* istanbul ignore next */
        default:
          throw new Error(`Unexpected operation: ${comparator.operator}`)
      }
    })
    if (setMin && (!minver || gt(minver, setMin))) {
      minver = setMin
    }
  }

  if (minver && range.test(minver)) {
    return minver
  }

  return null
}
module.exports = minVersion


/***/ }),

/***/ 280:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)
const gte = __nccwpck_require__(1236)

const outside = (version, range, hilo, options) => {
  version = new SemVer(version, options)
  range = new Range(range, options)

  let gtfn, ltefn, ltfn, comp, ecomp
  switch (hilo) {
    case '>':
      gtfn = gt
      ltefn = lte
      ltfn = lt
      comp = '>'
      ecomp = '>='
      break
    case '<':
      gtfn = lt
      ltefn = gte
      ltfn = gt
      comp = '<'
      ecomp = '<='
      break
    default:
      throw new TypeError('Must provide a hilo val of "<" or ">"')
  }

  // If it satisfies the range it is not outside
  if (satisfies(version, range, options)) {
    return false
  }

  // From now on, variable terms are as if we're in "gtr" mode.
  // but note that everything is flipped for the "ltr" function.

  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let high = null
    let low = null

    comparators.forEach((comparator) => {
      if (comparator.semver === ANY) {
        comparator = new Comparator('>=0.0.0')
      }
      high = high || comparator
      low = low || comparator
      if (gtfn(comparator.semver, high.semver, options)) {
        high = comparator
      } else if (ltfn(comparator.semver, low.semver, options)) {
        low = comparator
      }
    })

    // If the edge version comparator has a operator then our version
    // isn't outside it
    if (high.operator === comp || high.operator === ecomp) {
      return false
    }

    // If the lowest version comparator has an operator and our version
    // is less than it then it isn't higher than the range
    if ((!low.operator || low.operator === comp) &&
        ltefn(version, low.semver)) {
      return false
    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
      return false
    }
  }
  return true
}

module.exports = outside


/***/ }),

/***/ 2028:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// given a set of versions and a range, create a "simplified" range
// that includes the same versions that the original range does
// If the original range is shorter than the simplified one, return that.
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)
module.exports = (versions, range, options) => {
  const set = []
  let first = null
  let prev = null
  const v = versions.sort((a, b) => compare(a, b, options))
  for (const version of v) {
    const included = satisfies(version, range, options)
    if (included) {
      prev = version
      if (!first) {
        first = version
      }
    } else {
      if (prev) {
        set.push([first, prev])
      }
      prev = null
      first = null
    }
  }
  if (first) {
    set.push([first, null])
  }

  const ranges = []
  for (const [min, max] of set) {
    if (min === max) {
      ranges.push(min)
    } else if (!max && min === v[0]) {
      ranges.push('*')
    } else if (!max) {
      ranges.push(`>=${min}`)
    } else if (min === v[0]) {
      ranges.push(`<=${max}`)
    } else {
      ranges.push(`${min} - ${max}`)
    }
  }
  const simplified = ranges.join(' || ')
  const original = typeof range.raw === 'string' ? range.raw : String(range)
  return simplified.length < original.length ? simplified : range
}


/***/ }),

/***/ 1489:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)

// Complex range `r1 || r2 || ...` is a subset of `R1 || R2 || ...` iff:
// - Every simple range `r1, r2, ...` is a null set, OR
// - Every simple range `r1, r2, ...` which is not a null set is a subset of
//   some `R1, R2, ...`
//
// Simple range `c1 c2 ...` is a subset of simple range `C1 C2 ...` iff:
// - If c is only the ANY comparator
//   - If C is only the ANY comparator, return true
//   - Else if in prerelease mode, return false
//   - else replace c with `[>=0.0.0]`
// - If C is only the ANY comparator
//   - if in prerelease mode, return true
//   - else replace C with `[>=0.0.0]`
// - Let EQ be the set of = comparators in c
// - If EQ is more than one, return true (null set)
// - Let GT be the highest > or >= comparator in c
// - Let LT be the lowest < or <= comparator in c
// - If GT and LT, and GT.semver > LT.semver, return true (null set)
// - If any C is a = range, and GT or LT are set, return false
// - If EQ
//   - If GT, and EQ does not satisfy GT, return true (null set)
//   - If LT, and EQ does not satisfy LT, return true (null set)
//   - If EQ satisfies every C, return true
//   - Else return false
// - If GT
//   - If GT.semver is lower than any > or >= comp in C, return false
//   - If GT is >=, and GT.semver does not satisfy every C, return false
//   - If GT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the GT.semver tuple, return false
// - If LT
//   - If LT.semver is greater than any < or <= comp in C, return false
//   - If LT is <=, and LT.semver does not satisfy every C, return false
//   - If LT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the LT.semver tuple, return false
// - Else return true

const subset = (sub, dom, options = {}) => {
  if (sub === dom) {
    return true
  }

  sub = new Range(sub, options)
  dom = new Range(dom, options)
  let sawNonNull = false

  OUTER: for (const simpleSub of sub.set) {
    for (const simpleDom of dom.set) {
      const isSub = simpleSubset(simpleSub, simpleDom, options)
      sawNonNull = sawNonNull || isSub !== null
      if (isSub) {
        continue OUTER
      }
    }
    // the null set is a subset of everything, but null simple ranges in
    // a complex range should be ignored.  so if we saw a non-null range,
    // then we know this isn't a subset, but if EVERY simple range was null,
    // then it is a subset.
    if (sawNonNull) {
      return false
    }
  }
  return true
}

const minimumVersionWithPreRelease = [new Comparator('>=0.0.0-0')]
const minimumVersion = [new Comparator('>=0.0.0')]

const simpleSubset = (sub, dom, options) => {
  if (sub === dom) {
    return true
  }

  if (sub.length === 1 && sub[0].semver === ANY) {
    if (dom.length === 1 && dom[0].semver === ANY) {
      return true
    } else if (options.includePrerelease) {
      sub = minimumVersionWithPreRelease
    } else {
      sub = minimumVersion
    }
  }

  if (dom.length === 1 && dom[0].semver === ANY) {
    if (options.includePrerelease) {
      return true
    } else {
      dom = minimumVersion
    }
  }

  const eqSet = new Set()
  let gt, lt
  for (const c of sub) {
    if (c.operator === '>' || c.operator === '>=') {
      gt = higherGT(gt, c, options)
    } else if (c.operator === '<' || c.operator === '<=') {
      lt = lowerLT(lt, c, options)
    } else {
      eqSet.add(c.semver)
    }
  }

  if (eqSet.size > 1) {
    return null
  }

  let gtltComp
  if (gt && lt) {
    gtltComp = compare(gt.semver, lt.semver, options)
    if (gtltComp > 0) {
      return null
    } else if (gtltComp === 0 && (gt.operator !== '>=' || lt.operator !== '<=')) {
      return null
    }
  }

  // will iterate one or zero times
  for (const eq of eqSet) {
    if (gt && !satisfies(eq, String(gt), options)) {
      return null
    }

    if (lt && !satisfies(eq, String(lt), options)) {
      return null
    }

    for (const c of dom) {
      if (!satisfies(eq, String(c), options)) {
        return false
      }
    }

    return true
  }

  let higher, lower
  let hasDomLT, hasDomGT
  // if the subset has a prerelease, we need a comparator in the superset
  // with the same tuple and a prerelease, or it's not a subset
  let needDomLTPre = lt &&
    !options.includePrerelease &&
    lt.semver.prerelease.length ? lt.semver : false
  let needDomGTPre = gt &&
    !options.includePrerelease &&
    gt.semver.prerelease.length ? gt.semver : false
  // exception: <1.2.3-0 is the same as <1.2.3
  if (needDomLTPre && needDomLTPre.prerelease.length === 1 &&
      lt.operator === '<' && needDomLTPre.prerelease[0] === 0) {
    needDomLTPre = false
  }

  for (const c of dom) {
    hasDomGT = hasDomGT || c.operator === '>' || c.operator === '>='
    hasDomLT = hasDomLT || c.operator === '<' || c.operator === '<='
    if (gt) {
      if (needDomGTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomGTPre.major &&
            c.semver.minor === needDomGTPre.minor &&
            c.semver.patch === needDomGTPre.patch) {
          needDomGTPre = false
        }
      }
      if (c.operator === '>' || c.operator === '>=') {
        higher = higherGT(gt, c, options)
        if (higher === c && higher !== gt) {
          return false
        }
      } else if (gt.operator === '>=' && !c.test(gt.semver)) {
        return false
      }
    }
    if (lt) {
      if (needDomLTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomLTPre.major &&
            c.semver.minor === needDomLTPre.minor &&
            c.semver.patch === needDomLTPre.patch) {
          needDomLTPre = false
        }
      }
      if (c.operator === '<' || c.operator === '<=') {
        lower = lowerLT(lt, c, options)
        if (lower === c && lower !== lt) {
          return false
        }
      } else if (lt.operator === '<=' && !c.test(lt.semver)) {
        return false
      }
    }
    if (!c.operator && (lt || gt) && gtltComp !== 0) {
      return false
    }
  }

  // if there was a < or >, and nothing in the dom, then must be false
  // UNLESS it was limited by another range in the other direction.
  // Eg, >1.0.0 <1.0.1 is still a subset of <2.0.0
  if (gt && hasDomLT && !lt && gtltComp !== 0) {
    return false
  }

  if (lt && hasDomGT && !gt && gtltComp !== 0) {
    return false
  }

  // we needed a prerelease range in a specific tuple, but didn't get one
  // then this isn't a subset.  eg >=1.2.3-pre is not a subset of >=1.0.0,
  // because it includes prereleases in the 1.2.3 tuple
  if (needDomGTPre || needDomLTPre) {
    return false
  }

  return true
}

// >=1.2.3 is lower than >1.2.3
const higherGT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp > 0 ? a
    : comp < 0 ? b
    : b.operator === '>' && a.operator === '>=' ? b
    : a
}

// <=1.2.3 is higher than <1.2.3
const lowerLT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp < 0 ? a
    : comp > 0 ? b
    : b.operator === '<' && a.operator === '<=' ? b
    : a
}

module.exports = subset


/***/ }),

/***/ 4750:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)

// Mostly just for testing and legacy API reasons
const toComparators = (range, options) =>
  new Range(range, options).set
    .map(comp => comp.map(c => c.value).join(' ').trim().split(' '))

module.exports = toComparators


/***/ }),

/***/ 4737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const validRange = (range, options) => {
  try {
    // Return '*' instead of '' so that truthiness works.
    // This will throw if it's invalid anyway
    return new Range(range, options).range || '*'
  } catch (er) {
    return null
  }
}
module.exports = validRange


/***/ }),

/***/ 5581:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _package_json__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8330);
/* harmony import */ var _report_inert_js__WEBPACK_IMPORTED_MODULE_12__ = __nccwpck_require__(1822);
/* harmony import */ var _commands_index_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1608);
/* harmony import */ var _commands_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4483);
/* harmony import */ var _effects_build_source_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(7523);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_11__ = __nccwpck_require__(3916);
/* harmony import */ var _inputs_cli_args_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(2693);
/* harmony import */ var _inputs_read_request_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(904);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(2011);
/* harmony import */ var _repro_options_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(9398);
/* harmony import */ var _request_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(4390);
/* harmony import */ var _runtime_js__WEBPACK_IMPORTED_MODULE_13__ = __nccwpck_require__(6064);
/* harmony import */ var _template_dockerfile_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(6142);
// The command-line entry point (package.json bin): argv -> request -> the same commands as the action.














async function main(argv) {
    try {
        const { command: commandText, extra, values } = (0,_inputs_cli_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCliArgs */ .hT)(argv);
        const command = commandText === undefined ? undefined : (0,_request_js__WEBPACK_IMPORTED_MODULE_9__/* .parseCommand */ .RM)(commandText, 'command');
        if (values.help || commandText === undefined) {
            // A bare gpu-image-matrix prints what it can do.
            out(values.version && !values.help ? `${_package_json__WEBPACK_IMPORTED_MODULE_1__/* .version */ .rE}\n` : (0,_inputs_cli_args_js__WEBPACK_IMPORTED_MODULE_5__/* .usage */ .CI)(command));
            return 0;
        }
        if (values.version) {
            out(`${_package_json__WEBPACK_IMPORTED_MODULE_1__/* .version */ .rE}\n`);
            return 0;
        }
        if (extra.length)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`one command expected, got ${[commandText, ...extra].map((p) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(p)).join(' ')}`);
        const format = parseFormat(values.format);
        const request = (0,_inputs_read_request_js__WEBPACK_IMPORTED_MODULE_6__/* .readRequest */ .i)(command, (0,_inputs_cli_args_js__WEBPACK_IMPORTED_MODULE_5__/* .cliSurface */ .c9)(values, process.cwd()));
        if (values['print-dockerfile'] !== undefined) {
            const plan = (0,_commands_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .planCommand */ .V)(request);
            const entry = selectEntry(plan.include, values['print-dockerfile']);
            const requirements = entry.customisation?.requirements;
            // As the build renders it, except FROM's digest, which the build looks up in the registry; written as
            // it is, for a file or docker build -f - (its values passed the input parsers).
            process.stdout.write((0,_template_dockerfile_js__WEBPACK_IMPORTED_MODULE_10__/* .renderDockerfile */ .TI)(entry, requirements ? { requirements: { facts: (0,_effects_build_source_js__WEBPACK_IMPORTED_MODULE_4__/* .readRequirementsTree */ .x_)(requirements, process.cwd()) } } : {}));
            return 0;
        }
        const { plan, images, smoke, repro, verify, refresh } = await (0,_commands_index_js__WEBPACK_IMPORTED_MODULE_2__/* .runCommand */ .d)(request, {
            log: cliLog,
            env: process.env,
            docker: 'docker',
            baseDir: process.cwd(),
            now: () => new Date(),
        });
        if (repro) {
            if (format === 'json')
                outJson({ repro });
            else
                out((0,_report_format_js__WEBPACK_IMPORTED_MODULE_7__/* .reproMarkdown */ .y3)(repro));
            return (0,_repro_options_js__WEBPACK_IMPORTED_MODULE_8__/* .reproFails */ .ei)(request.repro?.failOn ?? 'nondeterministic', repro).length ? 1 : 0;
        }
        if (refresh) {
            if (format === 'json')
                outJson({ refresh: refresh.data, file: refresh.file });
            else
                out(refresh.markdown);
            return 0;
        }
        if (verify && !images) {
            for (const w of plan.warnings)
                errOut(`warning: ${w}\n`);
            if (format === 'json')
                outJson({ verify: verify.verdicts });
            else
                out(format === 'markdown' ? (0,_report_format_js__WEBPACK_IMPORTED_MODULE_7__/* .verifyMarkdown */ .vB)(verify) : (0,_report_format_js__WEBPACK_IMPORTED_MODULE_7__/* .verifyTable */ .E3)(verify));
            return verify.verdicts.some((v) => v.status === 'missing') ? 1 : 0;
        }
        if (!images && !smoke) {
            const text = (0,_report_format_js__WEBPACK_IMPORTED_MODULE_7__/* .formatPlan */ .nT)(plan, format);
            if (format !== 'json')
                out(text);
            else {
                process.stdout.write((0,_report_inert_js__WEBPACK_IMPORTED_MODULE_12__/* .inertJson */ .nl)(text));
                for (const w of plan.warnings)
                    errOut(`warning: ${w}\n`);
            }
            return 0;
        }
        for (const w of plan.warnings)
            errOut(`warning: ${w}\n`);
        if (format === 'json')
            outJson({ ...(images ? { images } : {}), ...(smoke ? { smoke } : {}), ...(verify ? { verify: verify.verdicts } : {}) });
        else {
            if (images)
                out(format === 'markdown' ? (0,_report_format_js__WEBPACK_IMPORTED_MODULE_7__/* .buildMarkdown */ .OJ)(images) : (0,_report_format_js__WEBPACK_IMPORTED_MODULE_7__/* .buildTable */ .Zk)(images));
            if (smoke)
                out(format === 'markdown' ? (0,_report_format_js__WEBPACK_IMPORTED_MODULE_7__/* .smokeMarkdown */ .NJ)(smoke) : (0,_report_format_js__WEBPACK_IMPORTED_MODULE_7__/* .smokeTable */ .Ik)(smoke));
        }
        const failed = (images ?? []).some((r) => r.status === 'failed' || r.status === 'cancelled') || (smoke ?? []).some((r) => r.status === 'failed');
        return failed ? 1 : 0;
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo) {
            errOut(`gpu-image-matrix: ${err.message}\n`);
            return 2;
        }
        if (err instanceof TypeError && err.code?.startsWith('ERR_PARSE_ARGS')) {
            errOut(`gpu-image-matrix: ${err.message}\n\n${(0,_inputs_cli_args_js__WEBPACK_IMPORTED_MODULE_5__/* .usage */ .CI)()}`);
            return 2;
        }
        errOut(`gpu-image-matrix failed unexpectedly (a bug; please report it):\n` +
            `${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        return 1;
    }
}
/** An entry named by its tag, key or 1-based position. */
function selectEntry(entries, which) {
    const byPosition = /^\d+$/.test(which) ? entries[Number(which) - 1] : undefined;
    const found = byPosition ?? entries.find((e) => e.tag === which || e.key === which);
    if (!found) {
        const some = `${entries
            .slice(0, 5)
            .map((e) => e.tag)
            .join(', ')}${entries.length > 5 ? ', ...' : ''}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`--print-dockerfile: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(which)} names no entry of the plan; ` +
            `give a tag, a key or a position from 1 to ${entries.length} (${some})`);
    }
    return found;
}
/**
 * Inside a GitHub Actions step the runner reads this process's output for workflow commands, and
 * what the CLI prints quotes tools, images and indexes (src/report/inert.ts). There the log
 * (stderr) goes out inside stop-commands blocks; results on stdout, which may be piped into a
 * file or another tool, stay what they are: JSON written so no command can be read in it, text
 * and markdown with a zero-width space inside `::` and `##[`. A Dockerfile goes out as it is.
 */
const IN_ACTIONS = process.env.GITHUB_ACTIONS === 'true';
const STOP_TOKEN = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
function out(text) {
    process.stdout.write(IN_ACTIONS ? (0,_report_inert_js__WEBPACK_IMPORTED_MODULE_12__/* .inertInline */ .Mo)(text) : text);
}
function outJson(value) {
    process.stdout.write(`${(0,_report_inert_js__WEBPACK_IMPORTED_MODULE_12__/* .inertJson */ .nl)(JSON.stringify(value, null, 2))}\n`);
}
function errOut(text) {
    if (!IN_ACTIONS) {
        process.stderr.write(text);
        return;
    }
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    process.stderr.write(`${(0,_report_inert_js__WEBPACK_IMPORTED_MODULE_12__/* .inertText */ .UJ)(body, STOP_TOKEN)}\n`);
}
const cliLog = {
    info: (m) => errOut(`${m}\n`),
    warning: (m) => errOut(`warning: ${m}\n`),
    error: (m) => errOut(`error: ${m}\n`),
    group: async (name, fn) => {
        errOut(`== ${name}\n`);
        return fn();
    },
    untrusted: (line) => errOut(`   ${line}\n`),
};
function parseFormat(text) {
    if (text === undefined)
        return 'json';
    if (_report_format_js__WEBPACK_IMPORTED_MODULE_7__/* .FORMATS */ .hR.includes(text))
        return text;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`--format: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(text)} is not a format; accepted: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .listWords */ .yh)([..._report_format_js__WEBPACK_IMPORTED_MODULE_7__/* .FORMATS */ .hR])}`);
}
process.exitCode = await main(process.argv.slice(2));
// Exit now, not when the event loop drains: a request that timed out may still hold a socket open.
// But only once stdout and stderr have handed everything to the OS: writes to a pipe are not
// synchronous here, and exiting earlier cut a large plan at 128 KiB (`plan ... | jq`).
await (0,_runtime_js__WEBPACK_IMPORTED_MODULE_13__/* .flushed */ .a)();
process.exit();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1608:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  d: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/smoke/options.ts
var options = __nccwpck_require__(2731);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __nccwpck_require__(2088);
var semver_default = /*#__PURE__*/__nccwpck_require__.n(semver);
;// CONCATENATED MODULE: ./src/image/buildx.ts

/** Strip build metadata and a leading v: "v0.29.1+ds1" -> "0.29.1". */
function cleanVersion(text) {
    if (!text)
        return null;
    const v = semver_default().coerce(text.replace(/^v/, ''), { includePrerelease: false });
    return v ? v.version : null;
}
function atLeast(version, min) {
    const v = cleanVersion(version);
    return v !== null && semver_default().gte(v, min);
}
const FEATURES = {
    /** --metadata-file: buildx 0.6 */
    metadataFile: (v) => atLeast(v.buildx, '0.6.0'),
    /**
     * --provenance/--sbom: buildx 0.10 (attestations make manifests lists with unknown/unknown entries;
     * digests stay comparable without them)
     */
    attestationFlags: (v) => atLeast(v.buildx, '0.10.0'),
    /** ignore-error on --cache-to: BuildKit 0.11, so a failing cache export does not fail the build */
    cacheIgnoreError: (v) => atLeast(v.buildkit, '0.11.0'),
    /** rewrite-timestamp on the image/oci exporters, with the push fix: BuildKit 0.14.1 */
    rewriteTimestamp: (v) => atLeast(v.buildkit, '0.14.1'),
};
function buildxArgs(inv, versions) {
    const { build } = inv;
    const args = ['buildx', 'build'];
    if (inv.builder)
        args.push('--builder', inv.builder);
    args.push('--progress', 'plain', '--file', inv.file);
    if (FEATURES.metadataFile(versions))
        args.push('--metadata-file', inv.metadataFile);
    if (FEATURES.attestationFlags(versions))
        args.push('--provenance=false', '--sbom=false');
    for (const [k, v] of build.buildArgs)
        args.push('--build-arg', `${k}=${v}`);
    for (const [k, v] of build.labels)
        args.push('--label', `${k}=${v}`);
    if (inv.outputs) {
        for (const output of inv.outputs)
            args.push('--output', output);
    }
    else {
        for (const tag of build.tags)
            args.push('--tag', tag);
        if (inv.push)
            args.push('--tag', build.contentTag);
    }
    if (inv.noCache)
        args.push('--no-cache');
    else {
        for (const from of build.cache.from)
            args.push('--cache-from', from);
        for (const to of build.cache.to)
            args.push('--cache-to', to);
    }
    if (!inv.outputs) {
        if (inv.push)
            args.push('--push');
        else if (inv.load)
            args.push('--load');
    }
    args.push(inv.context);
    return args;
}
/**
 * Without buildx: `DOCKER_BUILDKIT=1 docker build`, then `docker push` per tag.
 * Only inline cache of the final image's layers is possible (no cache export,
 * no mode=max, no registry/gha/local backends), and there is no metadata file.
 */
function dockerBuildArgs(inv) {
    const { build } = inv;
    const args = ['build', '--progress', 'plain', '--file', inv.file];
    for (const [k, v] of build.buildArgs)
        args.push('--build-arg', `${k}=${v}`);
    args.push('--build-arg', 'BUILDKIT_INLINE_CACHE=1');
    for (const [k, v] of build.labels)
        args.push('--label', `${k}=${v}`);
    const tags = inv.push ? [...build.tags, build.contentTag] : build.tags;
    for (const tag of tags)
        args.push('--tag', tag);
    if (build.cache.backend !== 'none')
        args.push('--cache-from', build.tags[0]);
    args.push(inv.context);
    return { env: { DOCKER_BUILDKIT: '1' }, build: args, pushes: inv.push ? tags.map((t) => ['push', t]) : [] };
}
/** What a build without buildx loses, said once per run. */
const NO_BUILDX_WARNING = 'docker buildx was not found: building with DOCKER_BUILDKIT=1 docker build instead. Lost: ' +
    'the registry, gha and local cache backends (only inline cache of the final image is used), ' +
    'cache mode=max, build metadata. Install buildx (docker/setup-buildx-action) for cached rebuilds.';

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ./src/matrix/entry.ts
var matrix_entry = __nccwpck_require__(2997);
// EXTERNAL MODULE: ./src/frameworks/index.ts + 3 modules
var frameworks = __nccwpck_require__(7882);
// EXTERNAL MODULE: ./src/inputs/placeholders.ts
var placeholders = __nccwpck_require__(8043);
// EXTERNAL MODULE: ./src/image/reference.ts
var image_reference = __nccwpck_require__(3564);
;// CONCATENATED MODULE: ./src/image/build-plan.ts






/** Bump when what goes into a content hash changes meaning. */
const CONTENT_VERSION = 1;
/** Build-args every build gets from its entry; the user's build-args may not redefine them. */
function entryBuildArgs(entry) {
    const args = [
        ['BASE_IMAGE', entry.baseImage],
        // Each framework's own (PyTorch entries keep exactly the args they always had).
        ...(0,frameworks/* frameworkOf */.K5)(entry).buildArgs(entry),
        ['CUDA_VERSION', entry.cuda],
        ['CUDA_FULL_VERSION', entry.cudaFull],
        ['CUDA_VARIANT', entry.cudaVariant],
        ['CUDNN_VERSION', entry.cudnn],
        ['PYTHON_VERSION', entry.python],
        ['OS', entry.os],
        ['FLAVOR', entry.flavor],
        ['MIN_DRIVER', entry.minDriver],
        ['ENTRY_TAG', entry.tag],
        ['ENTRY_KEY', entry.key],
    ];
    return args.map(([k, v]) => [k, v ?? '']);
}
const LABEL_PREFIX = 'io.github.gpu-image-matrix';
function entryLabels(entry, env, contentHash, baseDigest = null) {
    const labels = [
        ['org.opencontainers.image.title', `${(0,frameworks/* frameworkTitle */.T_)(entry)} ${entry.cudaVariant} python ${entry.python}`],
        ['org.opencontainers.image.version', entry.tag],
        ['org.opencontainers.image.created', env.created],
        ['org.opencontainers.image.source', env.sourceUrl ?? null],
        ['org.opencontainers.image.revision', env.revision ?? null],
        ['org.opencontainers.image.base.name', entry.baseImage],
        // FROM is pinned to this digest when the base image was looked up (the embedded template)
        ['org.opencontainers.image.base.digest', baseDigest],
        ...(0,frameworks/* frameworkOf */.K5)(entry).labels(entry, LABEL_PREFIX),
        [`${LABEL_PREFIX}.cuda`, entry.cudaFull ?? entry.cuda],
        [`${LABEL_PREFIX}.cuda-variant`, entry.cudaVariant],
        [`${LABEL_PREFIX}.cudnn`, entry.cudnn],
        [`${LABEL_PREFIX}.python`, entry.python],
        [`${LABEL_PREFIX}.min-driver`, entry.minDriver],
        [`${LABEL_PREFIX}.key`, entry.key],
        [`${LABEL_PREFIX}.content-hash`, contentHash],
    ];
    return labels.filter((l) => l[1] !== null);
}
/**
 * The entry's tags: its own tag under the image, then the extra tag templates. A prefix (tag-prefix,
 * e.g. "pr-12-" for a pull request) goes before the tag part of each of them, so that a build asked to
 * write scoped tags never writes a release tag; the content tag and the cache refs are not made here.
 */
function entryTags(entry, repo, templates, entryCount, prefix = '') {
    const what = (field) => (prefix ? `${field} with tag-prefix ${(0,errors/* quote */.hD)(prefix)}` : field);
    const tags = [(0,image_reference/* taggedReference */.CN)(repo, `${prefix}${entry.tag}`, what('matrix tag'))];
    templates.forEach((template, i) => {
        if (entryCount > 1 && !/\{\w+\}/.test(template)) {
            throw new errors/* UserError */.yo(`tags line ${i + 1}: ${(0,errors/* quote */.hD)(template)} has no placeholder, so all ${entryCount} entries would push to the same tag; ` +
                `add one such as {tag} (e.g. ${template.includes(':') ? `${template}-{tag}` : `{tag}-${template}`})`);
        }
        const rendered = (0,placeholders/* renderPlaceholders */.r8)(template, entry);
        const field = `tags line ${i + 1}`;
        const ref = /[:/]/.test(rendered)
            ? (() => {
                const { repo: r, tag } = (0,image_reference/* parseTaggedReference */.$R)(rendered, field);
                return (0,image_reference/* taggedReference */.CN)(r, `${prefix}${tag}`, what(field));
            })()
            : (0,image_reference/* taggedReference */.CN)(repo, `${prefix}${rendered}`, what(field));
        if (!tags.includes(ref))
            tags.push(ref);
    });
    return tags;
}
/**
 * The content hash: the entry's key plus everything that goes into the build
 * (Dockerfile text, the context's files, build-args, the user's labels). Two
 * builds with the same hash build the same thing, so the second can be skipped.
 * Timestamps and the commit id are left out on purpose: they change on every
 * run without changing what is built.
 */
function contentHash(parts) {
    const sorted = (pairs) => [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const canonical = JSON.stringify([
        CONTENT_VERSION,
        parts.entry.key,
        parts.dockerfile,
        parts.contextDigest,
        sorted(parts.buildArgs),
        sorted(parts.userLabels),
    ]);
    return (0,external_node_crypto_.createHash)('sha256').update(canonical).digest('hex');
}
/** The cache scope of an entry: its key without what it adds to the image, plus its tag-suffix. */
function cacheScopeKey(entry) {
    if (!entry.customisation)
        return entry.key;
    // baseImage is the base-image template filled in: a different base is a different scope.
    return `${(0,matrix_entry/* entryKey */.k2)((0,matrix_entry/* identityOf */.cu)(entry))}${entry.customisation.tagSuffix ? `-${entry.customisation.tagSuffix}` : ''}`;
}
function cachePlan(backend, options, entry, hash) {
    // buildx refuses every --cache-to but inline on the docker driver ("Cache export is not supported for
    // the docker driver", build/opt.go, docker/buildx v0.36); importing from a registry still works.
    const inlineOnly = options.driver === 'docker';
    let chosen = backend === 'auto' ? (options.push ? (inlineOnly ? 'inline' : 'registry') : 'none') : backend;
    let note;
    if (inlineOnly && (chosen === 'registry' || chosen === 'gha' || chosen === 'local')) {
        note =
            `the builder uses the docker driver, which cannot export a ${chosen} cache: using inline cache (the image carries it) instead; ` +
                'for registry, gha or local caches, create a builder with the docker-container driver (docker/setup-buildx-action does)';
        chosen = 'inline';
    }
    if (note === undefined && backend === 'auto' && inlineOnly && options.push) {
        note = 'cache auto with the docker driver: inline cache (the docker driver exports no other)';
    }
    const withNote = (plan) => (note ? { ...plan, note } : plan);
    const ignore = options.supportsIgnoreError ? ',ignore-error=true' : '';
    // Every backend is scoped per matrix cell, so parallel matrix jobs never share (or overwrite) a
    // cache. The scope leaves out what the image adds (apt-packages, ...), so changing those reuses the
    // cached layers below them; variants (tag-suffix) keep scopes of their own.
    const cell = cacheScopeKey(entry);
    const scope = `gim-${cell}`;
    switch (chosen) {
        case 'registry': {
            const ref = `${(0,image_reference/* repositoryName */.aR)(options.repo)}:buildcache-${cell}`;
            // A build that does not push (a fork's pull request) reads the shared cache but never writes
            // it: a runner with a docker login left over would otherwise let it replace what later builds trust.
            if (!options.push) {
                return {
                    backend: chosen,
                    from: [`type=registry,ref=${ref}`],
                    to: [],
                    note: `push is false: the registry cache ${ref} is read, not written`,
                };
            }
            return { backend: chosen, from: [`type=registry,ref=${ref}`], to: [`type=registry,ref=${ref},mode=max${ignore}`] };
        }
        case 'gha':
            return { backend: chosen, from: [`type=gha,scope=${scope}`], to: [`type=gha,scope=${scope},mode=max${ignore}`] };
        case 'local': {
            const dir = `${options.tempDir}/gim-cache/${cell}`;
            const exportDir = `${dir}.new`;
            return {
                backend: chosen,
                from: [`type=local,src=${dir}`],
                to: [`type=local,dest=${exportDir},mode=max${ignore}`],
                local: { dir, exportDir, key: `gpu-image-matrix-${cell}-${hash.slice(0, 16)}`, restoreKeys: [`gpu-image-matrix-${cell}-`] },
            };
        }
        case 'inline':
            return withNote({ backend: chosen, from: [`type=registry,ref=${options.primaryTag}`], to: ['type=inline'] });
        case 'none':
            return { backend: chosen, from: [], to: [] };
    }
}
function planEntryBuild(entry, options, inputs, env) {
    const fromEntry = entryBuildArgs(entry);
    const reserved = new Set(fromEntry.map(([k]) => k));
    for (const [key] of options.buildArgs) {
        if (reserved.has(key)) {
            throw new errors/* UserError */.yo(`build-args: ${key} is set from each matrix entry and cannot be overridden; entry build-args: ${[...reserved].join(', ')}`);
        }
    }
    const buildArgs = [...fromEntry, ...options.buildArgs];
    const hash = contentHash({
        entry,
        dockerfile: inputs.dockerfile,
        contextDigest: inputs.contextDigest,
        buildArgs,
        userLabels: options.labels,
    });
    const tags = entryTags(entry, options.repository, options.tags, inputs.entryCount, options.tagPrefix);
    const contentTag = (0,image_reference/* taggedReference */.CN)(options.repository, `gim-${entry.key}-${hash.slice(0, 16)}`, 'content tag');
    const labels = [...entryLabels(entry, env, hash, inputs.baseDigest ?? null), ...options.labels];
    const cache = cachePlan(options.cache, {
        push: options.push,
        repo: options.repository,
        primaryTag: tags[0],
        supportsIgnoreError: inputs.supportsIgnoreError,
        tempDir: env.tempDir,
        driver: inputs.driver ?? null,
    }, entry, hash);
    return { entry, tags, contentTag, contentHash: hash, buildArgs, labels, cache };
}

;// CONCATENATED MODULE: ./src/custom/diagnose.ts

/**
 * Why a customised template step failed, from its own output (pip, uv, apt, useradd and the
 * template's own checks), as one sentence naming the culprit and what to do. Pure; tested as a
 * table over recorded outputs.
 */
/** The packages the matrix pins (every framework's), longest first so tensorflow-cpu is not read as tensorflow. */
const PINNED = [...frameworks/* FRAMEWORK_PACKAGES */.ds]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
    .join('|');
const FRAMEWORK = new RegExp(`^(${PINNED})\\b`);
const CONSTRAINT = new RegExp(`The user requested \\(constraint\\) (${PINNED})==(\\S+)`);
const DEPENDS_ON = new RegExp(`^\\s*(\\S+) (\\S+) depends on ((?:${PINNED})\\b\\S*)`);
const REQUESTED = new RegExp(`The user requested ((?:${PINNED})\\S*)$`);
const UV_DEPENDS = new RegExp(`Because (\\S+?)==(\\S+) depends on ((?:${PINNED})[^\\s,]*)`);
function explainStepLog(lines) {
    const text = lines.join('\n');
    // The template's own checks print one line that already says it all.
    const own = lines.find((l) => l.startsWith('gpu-image-matrix: ') && !/: (pinned|inventory:) /.test(l));
    if (own)
        return own.replace(/^gpu-image-matrix: /, '');
    // pip's resolver: "The user requested (constraint) torch==X" beside "<pkg> <ver> depends on torch>=Y".
    const pinned = CONSTRAINT.exec(text);
    if (pinned) {
        const [, framework, version] = pinned;
        const culprit = lines.map((l) => DEPENDS_ON.exec(l)).find((m) => m && m[3]?.startsWith(framework));
        if (culprit) {
            return (`${culprit[1]} ${culprit[2]} asks for ${culprit[3]}, but ${framework} is pinned to ${version} for this entry: ` +
                `installing it would replace the entry's ${framework}. Choose a version of ${culprit[1]} ` +
                `that works with ${framework} ${version}, or build the entry with the ${framework} it needs`);
        }
        const asked = lines.map((l) => REQUESTED.exec(l.trim())).find((m) => m && FRAMEWORK.test(m[1]));
        if (asked) {
            return (`the requirements ask for ${asked[1]}, but ${framework} is pinned to ${version} for this ` +
                `entry (the matrix decides it); remove ${framework} from the requirements or make it match`);
        }
    }
    // uv: "Because evil==1.0 depends on torch>=2 and ... torch==2.4.1 ..."
    const uv = UV_DEPENDS.exec(text);
    if (uv) {
        return (`${uv[1]} ${uv[2]} asks for ${uv[3]}, which the entry's pinned ${FRAMEWORK.exec(uv[3])?.[1]} does not meet: ` +
            `installing it would replace the entry's framework. Choose a version of ${uv[1]} that works with it`);
    }
    if (/DO NOT MATCH THE HASHES|Hash mismatch for/.test(text)) {
        const which = /^\s*(\S+==\S+) from /m.exec(text)?.[1] ?? /Hash mismatch for `([^`]+)`/.exec(text)?.[1] ?? 'a package';
        const expected = /Expected sha256 ([0-9a-f]{64})/.exec(text)?.[1] ?? /Expected:\s*\n\s*sha256:([0-9a-f]{64})/.exec(text)?.[1];
        const got = /Got\s+([0-9a-f]{64})/.exec(text)?.[1] ?? /Computed:\s*\n\s*sha256:([0-9a-f]{64})/.exec(text)?.[1];
        const detail = expected && got ? ` (the requirements file says sha256 ${expected.slice(0, 12)}…, the download is ${got.slice(0, 12)}…)` : '';
        return (`requirements: the file downloaded for ${which} does not match its hash in the requirements file${detail}. ` +
            `Either the requirements file is stale or the package on the index changed; find out which before regenerating the hashes`);
    }
    if (/Hashes are required in --require-hashes mode, but they are missing/.test(text)) {
        return ('requirements: the file has hashes, so every requirement, dependencies included, ' +
            'needs a --hash and an exact == pin; some have none (pip lists them above). Regenerate the file ' +
            'with hashes for all of them (pip-compile --generate-hashes, uv pip compile --generate-hashes)');
    }
    if (/In --require-hashes mode, all requirements must have their versions pinned/.test(text)) {
        return 'requirements: with hashes, every requirement must be pinned with ==; pip lists the ones that are not';
    }
    const missing = /No matching distribution found for (\S+)/.exec(text) ?? /Because (\S+) was not found in the package registry/.exec(text);
    if (missing) {
        return (`${missing[1]} is not on the package index the build uses (PyPI, or pip-index-url / pip-extra-index-url when set): ` +
            `check the name and version, and that the index is reachable from the builder`);
    }
    if (/No module named pip/.test(text)) {
        return ('the base image has no pip for python3; base-image needs an image that brings pip with ' +
            'its torch (pytorch/pytorch and NGC images do), or install pip in a base of your own');
    }
    const apt = /E: (?:Unable to locate package|Package '?)(\S+?)'? (?:has no installation candidate)?/.exec(text) ??
        /E: Unable to locate package (\S+)/.exec(text);
    if (apt) {
        return (`apt-packages: ${apt[1]} is not a package of the base image's distribution ` +
            `(or its version is not available there); check the name for that release`);
    }
    const uid = /useradd: UID (\d+) is not unique/.exec(text);
    if (uid)
        return `user: uid ${uid[1]} already belongs to another user of the base image; give another uid (user: name:uid) or leave the uid out`;
    if (/\/tmp\/gim-post-install: (?:Permission denied|not found)|exec format error/.test(text)) {
        return ('post-install could not be run: it needs a #! line naming an ' +
            'interpreter the image has (e.g. #!/bin/sh), or to be a plain sh script');
    }
    return null;
}

;// CONCATENATED MODULE: ./src/image/progress.ts

const VERTEX = /^#(\d+) (.*)$/;
function readVertices(output) {
    const vertices = new Map();
    for (const line of output.split(/\r?\n/)) {
        const m = VERTEX.exec(line);
        if (!m)
            continue;
        const [, id, rest] = m;
        let v = vertices.get(id);
        if (!v) {
            v = { name: rest, cached: false, error: null, log: [] };
            vertices.set(id, v);
            continue;
        }
        if (rest === 'CACHED')
            v.cached = true;
        else if (rest.startsWith('ERROR: ') || rest.startsWith('ERROR '))
            v.error = rest.replace(/^ERROR:? /, '');
        else if (/^\d+(\.\d+)? /.test(rest))
            v.log.push(rest.replace(/^\d+(\.\d+)? /, ''));
    }
    return vertices;
}
/** A Dockerfile step: "[2/3] RUN ..." or "[build 2/3] RUN ..."; not "[internal] ...", not "[auth] ...". */
function isStep(name) {
    return /^\[(?:[^\]\s]+)?\s*\d+\/\d+\] /.test(name);
}
function summariseSteps(output) {
    const steps = new Map();
    for (const v of readVertices(output).values()) {
        // The same step can show up under two vertex numbers (e.g. re-solved after a cache import); count it once.
        if (!isStep(v.name) || /^\[[^\]]*\] FROM /.test(v.name))
            continue;
        const seen = steps.get(v.name);
        if (!seen)
            steps.set(v.name, { ...v });
        else
            seen.cached = seen.cached || v.cached;
    }
    const all = [...steps.values()];
    return { total: all.length, cached: all.filter((v) => v.cached).length, ran: all.filter((v) => !v.cached).map((v) => v.name) };
}
const MAX_LOG_LINES = 30;
function diagnoseFailure(output) {
    const lines = output.split(/\r?\n/);
    const finalError = [...lines]
        .reverse()
        .find((l) => /^(ERROR|error):? /.test(l.trim()) || /^failed to (solve|build)/.test(l.trim()))
        ?.trim() ??
        lines
            .filter((l) => l.trim() !== '')
            .slice(-1)[0]
            ?.trim() ??
        'the build failed without output';
    const failed = [...readVertices(output).values()].filter((v) => v.error !== null);
    const step = failed.find((v) => isStep(v.name)) ?? failed[0];
    const failure = {
        step: step ? step.name : null,
        log: step ? step.log.slice(-MAX_LOG_LINES) : [],
        error: finalError,
    };
    const cause = step ? explainStepLog(step.log) : null;
    if (cause)
        failure.cause = cause;
    return failure;
}
/** A failure as a person reads it: the failing step, what it printed, the error. */
function describeFailure(f) {
    const parts = [];
    if (new RegExp('error reading from server|transport is closing|code = Unavailable|' +
        'failed to dial gRPC|connection reset by peer|closed network connection').test(f.error)) {
        parts.push('the builder (the BuildKit daemon) stopped or could not be reached during the build');
    }
    if (f.cause)
        parts.push(f.cause);
    if (f.step)
        parts.push(`step ${f.step} failed`);
    if (f.log.length)
        parts.push(`its last output:\n    ${f.log.join('\n    ')}`);
    parts.push(f.error);
    return parts.join('\n  ');
}

// EXTERNAL MODULE: ./src/template/dockerfile.ts
var dockerfile = __nccwpck_require__(6142);
// EXTERNAL MODULE: ./src/image/retry.ts
var retry = __nccwpck_require__(9971);
;// CONCATENATED MODULE: ./src/effects/actions-cache.ts
let loaded;
const cacheModule = () => (loaded ??= __nccwpck_require__.e(/* import() */ 305).then(__nccwpck_require__.bind(__nccwpck_require__, 4305)));
/** Whether an Actions cache service is configured (what @actions/cache's isFeatureAvailable checks). */
function actionsCacheAvailable(env = process.env) {
    return Boolean(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL);
}
/** How long one cache operation may take before the build goes on without it (a hanging cache service). */
const CACHE_OPERATION_TIMEOUT_MS = 120_000;
function bounded(work, what, timeoutMs) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
        timer.unref();
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
/** Restore `dir`; returns the key that matched, or null. */
async function restoreDir(dir, key, restoreKeys, log, timeoutMs = CACHE_OPERATION_TIMEOUT_MS) {
    try {
        const cache = await cacheModule();
        const hit = await bounded(cache.restoreCache([dir], key, restoreKeys), 'the Actions cache', timeoutMs);
        return hit ?? null;
    }
    catch (err) {
        log.warning(`cache restore failed, building without it: ${err.message}`);
        return null;
    }
}
async function saveDir(dir, key, log, timeoutMs = CACHE_OPERATION_TIMEOUT_MS) {
    try {
        const cache = await cacheModule();
        await bounded(cache.saveCache([dir], key), 'the Actions cache', timeoutMs);
        return true;
    }
    catch (err) {
        log.warning(`cache save failed (the image was built and is not affected): ${err.message}`);
        return false;
    }
}

// EXTERNAL MODULE: ./src/effects/build-source.ts + 2 modules
var build_source = __nccwpck_require__(7523);
// EXTERNAL MODULE: ./src/effects/exec.ts + 1 modules
var exec = __nccwpck_require__(2559);
;// CONCATENATED MODULE: ./src/effects/docker.ts



/** What docker and buildx are on this runner, asked once per run. */
async function detectTools(docker, builder, env) {
    // Both at once: each is a docker CLI start (~0.25 s).
    const [version, inspect] = await Promise.all([
        (0,exec/* execCapture */.W)(docker, ['buildx', 'version'], { env, timeoutMs: 30_000 }),
        (0,exec/* execCapture */.W)(docker, ['buildx', 'inspect', ...(builder ? [builder] : [])], { env, timeoutMs: 60_000 }),
    ]);
    if (version.code !== 0) {
        if (/ENOENT|not found/.test(version.output) && !/buildx/.test(version.output)) {
            throw new errors/* UserError */.yo(`docker was not found (${(0,errors/* quote */.hD)(docker)}); the build command needs the docker CLI`);
        }
        return { buildx: null, buildkit: null };
    }
    const buildx = cleanVersion(/\sv?(\d+\.\d+\.\d+[^\s]*)/.exec(version.output)?.[1]);
    if (inspect.code !== 0) {
        throw new errors/* UserError */.yo(`buildx builder ${builder ? (0,errors/* quote */.hD)(builder) : '(the current one)'} is not usable: ${inspect.output.trim().split('\n').pop()}. ` +
            'Create one (docker/setup-buildx-action, or docker buildx create) or set input builder to an existing one');
    }
    const buildkit = cleanVersion(/Build[kK]it(?: version)?:\s*v?([0-9][^\s]*)/.exec(inspect.output)?.[1]);
    // "Driver:        docker-container" (buildx commands/inspect.go prints it through a tabwriter)
    const driver = /^Driver:\s+([\w-]+)\s*$/m.exec(inspect.output)?.[1] ?? null;
    return { buildx, buildkit, driver };
}

;// CONCATENATED MODULE: ./src/effects/git.ts

/**
 * The commit time of HEAD in `dir` (seconds since 1970), or null when `dir` is no git checkout
 * with a commit. The time images are dated with, so that rebuilding a commit dates it the same.
 */
async function commitTime(dir, env) {
    const res = await (0,exec/* execCapture */.W)('git', ['log', '-1', '--pretty=%ct'], { cwd: dir, env, timeoutMs: 30_000 });
    const t = res.output.trim();
    return res.code === 0 && /^\d{1,11}$/.test(t) ? Number(t) : null;
}

// EXTERNAL MODULE: ./src/effects/files.ts
var effects_files = __nccwpck_require__(9565);
// EXTERNAL MODULE: ./src/effects/registry.ts
var effects_registry = __nccwpck_require__(7403);
;// CONCATENATED MODULE: ./src/commands/build.ts















/** With a verifier, an entry that is not up to date is verified before it is built, and fails there if it cannot build. */
async function buildCommand(plan, options, rt, verifier) {
    // Once per input, not per entry: what the input parsers changed (capitals lowercased).
    for (const notice of options.notices)
        rt.log.info(notice);
    const scratch = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join((0,effects_files/* tempRoot */.fQ)(rt.env), 'gim-build-'));
    try {
        // Asked only when an entry has to be built: a re-run where everything is up to date runs no docker at all.
        // One detection however many entries ask at once (parallel builds).
        let tools;
        let detecting;
        const toolsNow = () => (detecting ??= (async () => {
            const found = await detectTools(rt.docker, options.builder, rt.env);
            if (!found.buildx)
                rt.log.warning(NO_BUILDX_WARNING);
            else
                rt.log.info(`buildx ${found.buildx}, BuildKit ${found.buildkit ?? 'unknown'}${options.builder ? `, builder ${options.builder}` : ''}`);
            if (options.cache === 'local' && !actionsCacheAvailable()) {
                rt.log.warning('cache: local needs the Actions cache service (ACTIONS_CACHE_URL); building without a cache');
            }
            tools = found;
            return found;
        })());
        const source = (0,build_source/* readBuildSource */.Sj)(options, rt.baseDir, scratch);
        (0,build_source/* checkCustomisationFits */.T5)(source, plan.include);
        const env = buildEnvironment(rt, scratch);
        let created;
        const createdOnce = () => (created ??= creationTime(rt));
        const registry = new effects_registry/* RegistryClient */.bP(rt.env, options.retries, rt.mask, undefined, (m) => rt.log.warning(m));
        // What the embedded template cannot build fails before any lookup or docker work.
        const unbuildable = new Map();
        if (source.dockerfile === null) {
            for (const e of plan.include) {
                const why = (0,dockerfile/* templateCannotBuild */.Co)(e);
                if (why)
                    unbuildable.set(e.key, why);
            }
        }
        const toLookUp = plan.include.filter((e) => !unbuildable.has(e.key));
        const bases = source.dockerfile === null ? await lookUpBaseImages(toLookUp, registry, rt.log) : new Map();
        for (const [name, lookup] of bases) {
            if ('digest' in lookup && lookup.digest)
                verifier?.know(name, { exists: true, digest: lookup.digest });
            else if ('warning' in lookup && lookup.warning)
                verifier?.know(name, { unknown: lookup.warning });
        }
        const results = new Array(plan.include.length);
        let stop = false;
        let next = 0;
        // Entries are taken in plan order by `parallel` workers; results keep the plan's order.
        // Several at once cannot share log groups, so each line then carries its entry's tag.
        const concurrent = Math.min(options.parallel, plan.include.length);
        const worker = async () => {
            while (next < plan.include.length) {
                const index = next++;
                const entry = plan.include[index];
                if (stop || rt.signal?.aborted) {
                    results[index] = cancelled(entry);
                    continue;
                }
                const base = bases.get(entry.baseImage);
                const cannot = unbuildable.get(entry.key) ?? (base && 'error' in base ? base.error : undefined);
                if (cannot) {
                    rt.log.error(`${entry.tag}: not built: ${cannot}`);
                    results[index] = emptyResult(entry, 'failed', { error: cannot });
                    if (options.failFast)
                        stop = true;
                    continue;
                }
                const entryDir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(scratch, `${entry.key}-`));
                const baseDigest = base && 'digest' in base ? base.digest : null;
                const entrySource = (0,build_source/* dockerfileFor */.oc)(source, entry, entryDir, baseDigest);
                const planFor = (t) => planEntryBuild(entry, options, {
                    dockerfile: entrySource.text,
                    contextDigest: entrySource.contextDigest,
                    entryCount: plan.include.length,
                    supportsIgnoreError: t ? FEATURES.cacheIgnoreError(t) : false,
                    driver: t?.driver ?? null,
                    baseDigest,
                }, env);
                const entryRt = concurrent > 1 ? { ...rt, log: prefixed(rt.log, entry.tag) } : rt;
                // The creation time is asked of git only when an entry is built (a skipped re-run runs no process).
                const planForBuild = async (t) => {
                    env.created = await createdOnce();
                    return planFor(t);
                };
                const result = await entryRt.log.group(`${entry.tag}`, () => buildImage(planFor(tools), planForBuild, entrySource, entryDir, options, toolsNow, registry, entryRt, verifier));
                results[index] = result;
                if (result.status === 'failed' && options.failFast)
                    stop = true;
            }
        };
        await Promise.all(Array.from({ length: concurrent }, worker));
        return results;
    }
    finally {
        (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
    }
}
/** Every distinct base image of the template's entries, looked up once, before anything builds. */
async function lookUpBaseImages(entries, registry, log) {
    const names = [...new Set(entries.map((e) => e.baseImage))];
    const found = await Promise.all(names.map((name) => (0,build_source/* lookUpBaseImage */.$6)(name, registry)));
    const map = new Map();
    names.forEach((name, i) => {
        const lookup = found[i];
        if ('warning' in lookup && lookup.warning)
            log.warning(lookup.warning);
        else if ('digest' in lookup && lookup.digest)
            log.info(`base image ${name}: ${lookup.digest}`);
        map.set(name, lookup);
    });
    return map;
}
/** A log for one of several entries built at once: no groups, every line tagged with its entry. */
function prefixed(log, tag) {
    return {
        info: (m) => log.info(`[${tag}] ${m}`),
        warning: (m) => log.warning(`[${tag}] ${m}`),
        error: (m) => log.error(`[${tag}] ${m}`),
        group: (_name, fn) => fn(),
        untrusted: (line) => log.untrusted(`[${tag}] ${line}`),
    };
}
/**
 * When the image was made, for org.opencontainers.image.created: SOURCE_DATE_EPOCH, else the commit
 * time of HEAD (as repro dates its builds), else the clock. The wall clock made every rebuild of a
 * commit a new digest.
 */
async function creationTime(rt) {
    const e = rt.env;
    if (e.SOURCE_DATE_EPOCH && /^\d{1,11}$/.test(e.SOURCE_DATE_EPOCH))
        return new Date(Number(e.SOURCE_DATE_EPOCH) * 1000).toISOString();
    const commit = await commitTime(rt.baseDir, rt.env);
    return (commit !== null ? new Date(commit * 1000) : rt.now()).toISOString();
}
function buildEnvironment(rt, scratch) {
    const e = rt.env;
    // created is filled in before an entry is built (creationTime)
    const env = { created: '', tempDir: e.RUNNER_TEMP || scratch };
    if (e.GITHUB_SERVER_URL && e.GITHUB_REPOSITORY)
        env.sourceUrl = `${e.GITHUB_SERVER_URL}/${e.GITHUB_REPOSITORY}`;
    if (e.GITHUB_SHA)
        env.revision = e.GITHUB_SHA;
    return env;
}
/** A result with nothing done yet; each outcome fills in what it knows. */
function emptyResult(entry, status, fields = {}) {
    return {
        tag: entry.tag,
        key: entry.key,
        status,
        tags: [],
        contentTag: '',
        digest: null,
        imageId: null,
        size: null,
        seconds: 0,
        cachedSteps: null,
        totalSteps: null,
        cache: 'none',
        attempts: 0,
        ...fields,
    };
}
function cancelled(entry) {
    return emptyResult(entry, 'cancelled', { error: 'not built: an earlier entry failed and fail-fast is set' });
}
async function buildImage(planned, planFor, source, entryDir, options, toolsNow, registry, rt, verifier) {
    const started = Date.now();
    const seconds = () => Math.round((Date.now() - started) / 100) / 10;
    let build = planned;
    const base = emptyResult(build.entry, 'failed', { tags: build.tags, contentTag: build.contentTag, cache: build.cache.backend });
    const { repo, tag: contentTagName } = (0,image_reference/* parseTaggedReference */.$R)(build.contentTag, 'content tag');
    // 1. Already built? A HEAD for the content tag and one per requested tag to check where it points:
    // no GET (a pull on Docker Hub) unless a tag has to be moved, or the registry leaves the digest out.
    if (options.skipExisting) {
        try {
            let existing = await registry.head(repo, contentTagName);
            if (existing && !existing.digest)
                existing = await registry.get(repo, contentTagName);
            if (existing) {
                const read = options.push ? await pointTags(build.tags, existing, build.contentTag, registry) : null;
                rt.log.info(`up to date: ${build.contentTag} (${existing.digest}) already holds this build`);
                const manifest = read ?? ('body' in existing ? existing : null);
                const size = manifest ? effects_registry/* RegistryClient */.bP.imageSize(manifest) : null;
                return { ...base, status: 'skipped', digest: existing.digest, size, seconds: seconds() };
            }
        }
        catch (err) {
            rt.log.warning(`could not check the registry for ${build.contentTag} (${err.message}); building`);
        }
    }
    // 2. Verify: every wheel and image this entry needs exists, before any docker work.
    if (verifier) {
        const [verdict] = await verifier.verify([build.entry]);
        if (verdict) {
            rt.log.info(`verify: ${verdict.status} (${verdict.confirmed} of ${verdict.checked} wheels and images found)`);
            // Names in these come from indexes and registries: printed as untrusted lines.
            for (const w of verdict.warnings)
                rt.log.untrusted(`verify: warning: ${w}`);
            if (verdict.status === 'missing') {
                const error = `not built: verify found that it cannot build: ${verdict.missing.join('; ')}`;
                for (const m of verdict.missing)
                    rt.log.untrusted(`verify: missing: ${m}`);
                rt.log.error(`${build.entry.tag}: not built: verify found ${verdict.missing.length} thing(s) it needs missing (listed above)`);
                return { ...base, error, seconds: seconds() };
            }
        }
    }
    // 3. Build, with the cache restored first for the local backend.
    const tools = await toolsNow();
    build = await planFor(tools);
    if (build.cache.note) {
        // said once per entry: asked for explicitly, it needs action; chosen by auto, it is information
        if (options.cache === 'auto')
            rt.log.info(build.cache.note);
        else
            rt.log.warning(build.cache.note);
    }
    const local = build.cache.local;
    let restoredKey = null;
    if (local && actionsCacheAvailable()) {
        (0,external_node_fs_.rmSync)(local.dir, { recursive: true, force: true });
        (0,external_node_fs_.rmSync)(local.exportDir, { recursive: true, force: true });
        (0,external_node_fs_.mkdirSync)(local.dir, { recursive: true });
        restoredKey = await restoreDir(local.dir, local.key, local.restoreKeys, rt.log, options.cacheTimeoutSeconds * 1000);
        rt.log.info(restoredKey ? `cache restored from ${restoredKey}` : 'no cache to restore');
    }
    const metadataFile = external_node_path_default().join(entryDir, 'metadata.json');
    const invocation = {
        build,
        file: source.file,
        context: source.context,
        push: options.push,
        load: !options.push,
        metadataFile,
        ...(options.builder ? { builder: options.builder } : {}),
    };
    let attempts = 0;
    let output = '';
    let code = 1;
    const maxAttempts = 1 + options.retries;
    while (attempts < maxAttempts) {
        attempts++;
        (0,external_node_fs_.rmSync)(metadataFile, { force: true });
        const res = tools.buildx
            ? await (0,exec/* execCapture */.W)(rt.docker, buildxArgs(invocation, tools), {
                env: rt.env,
                onLine: rt.log.untrusted,
                ...(rt.signal ? { signal: rt.signal } : {}),
            })
            : await dockerBuild(invocation, rt);
        output = res.output;
        code = res.code;
        if (code === 0 || rt.signal?.aborted)
            break;
        if (build.cache.backend !== 'none' && (0,retry/* isCacheFailure */.d)(output)) {
            rt.log.warning(`the ${build.cache.backend} cache failed (${diagnoseFailure(output).error}); building again without a cache`);
            build = { ...build, cache: { backend: 'none', from: [], to: [] } };
            invocation.build = build;
            attempts--;
            continue;
        }
        if (attempts < maxAttempts && (0,retry/* isTransient */.dg)(output)) {
            const wait = (0,retry/* backoffMs */.jo)(attempts);
            rt.log.warning(`transient failure (attempt ${attempts} of ${maxAttempts}), retrying in ${wait / 1000} s: ${diagnoseFailure(output).error}`);
            await new Promise((r) => setTimeout(r, wait));
            continue;
        }
        break;
    }
    const steps = summariseSteps(output);
    if (code !== 0) {
        const failure = describeFailure(diagnoseFailure(output));
        const why = rt.signal?.aborted ? 'cancelled' : attempts > 1 ? `failed after ${attempts} attempts` : 'failed';
        rt.log.error(`${build.entry.tag}: build ${why}:\n  ${failure}`);
        return {
            ...base,
            status: 'failed',
            cache: build.cache.backend,
            seconds: seconds(),
            attempts,
            cachedSteps: steps.cached,
            totalSteps: steps.total,
            error: failure,
        };
    }
    // 4. What was built: digest and image id from buildx's metadata, size from the registry.
    let digest;
    let imageId = null;
    try {
        const meta = JSON.parse((0,external_node_fs_.readFileSync)(metadataFile, 'utf8'));
        digest = meta['containerimage.digest'] ?? null;
        imageId = meta['containerimage.config.digest'] ?? null;
    }
    catch {
        digest = /digest: (sha256:[0-9a-f]{64})/.exec(output)?.[1] ?? null;
    }
    let size = null;
    // Worth a GET (a pull on Docker Hub) here, unlike on a skip: one per entry that was just built.
    if (options.push && digest) {
        try {
            const manifest = await registry.get(repo, digest);
            size = manifest ? effects_registry/* RegistryClient */.bP.imageSize(manifest) : null;
        }
        catch (err) {
            rt.log.warning(`could not read the pushed manifest: ${err.message}`);
        }
    }
    if (local && actionsCacheAvailable() && (0,external_node_fs_.existsSync)(local.exportDir)) {
        (0,external_node_fs_.rmSync)(local.dir, { recursive: true, force: true });
        (0,external_node_fs_.renameSync)(local.exportDir, local.dir);
        if (restoredKey !== local.key)
            await saveDir(local.dir, local.key, rt.log, options.cacheTimeoutSeconds * 1000);
    }
    rt.log.info(`built ${build.entry.tag}: ${steps.cached}/${steps.total} steps cached${digest ? `, ${digest}` : ''}`);
    return {
        ...base,
        status: 'built',
        cache: build.cache.backend,
        digest,
        imageId,
        size,
        seconds: seconds(),
        attempts,
        cachedSteps: steps.cached,
        totalSteps: steps.total,
    };
}
/**
 * Point every requested tag at the manifest the content tag holds, leaving tags that already do
 * (a HEAD each). The manifest itself is read (a GET) once, and only when a tag has to move: a PUT
 * needs its bytes. Returns it when it was read.
 */
async function pointTags(tags, existing, contentTag, registry) {
    const { repo: contentRepo } = (0,image_reference/* parseTaggedReference */.$R)(contentTag, 'content tag');
    let manifest = 'body' in existing ? existing : null;
    for (const ref of tags) {
        const { repo, tag } = (0,image_reference/* parseTaggedReference */.$R)(ref, 'tag');
        const current = await registry.head(repo, tag);
        if (current?.digest && current.digest === existing.digest)
            continue;
        if (repo.registry !== contentRepo.registry || repo.path !== contentRepo.path) {
            throw new Error(`${ref} is in another repository than ${contentTag}; re-tagging across repositories needs a rebuild`);
        }
        // By digest: the very manifest the HEAD saw, even if the content tag moved since.
        manifest ??= await registry.get(contentRepo, existing.digest);
        if (!manifest)
            throw new Error(`${contentTag} (${existing.digest}) is gone from the registry; building instead`);
        await registry.put(repo, tag, manifest);
    }
    return manifest;
}
/** The fallback without buildx: docker build with BuildKit, then docker push per tag. */
async function dockerBuild(inv, rt) {
    const { env, build, pushes } = dockerBuildArgs(inv);
    const res = await (0,exec/* execCapture */.W)(rt.docker, build, {
        env: { ...rt.env, ...env },
        onLine: rt.log.untrusted,
        ...(rt.signal ? { signal: rt.signal } : {}),
    });
    let output = res.output;
    if (res.code !== 0)
        return res;
    for (const push of pushes) {
        const p = await (0,exec/* execCapture */.W)(rt.docker, push, { env: rt.env, onLine: rt.log.untrusted });
        output += p.output;
        if (p.code !== 0)
            return { code: p.code, output };
    }
    return { code: 0, output };
}

// EXTERNAL MODULE: ./src/commands/plan.ts
var commands_plan = __nccwpck_require__(4483);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
;// CONCATENATED MODULE: external "node:stream/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__nccwpck_require__.n(external_node_zlib_);
// EXTERNAL MODULE: ./src/repro/tar.ts
var tar = __nccwpck_require__(3563);
// EXTERNAL MODULE: ./src/image/manifest.ts
var image_manifest = __nccwpck_require__(596);
;// CONCATENATED MODULE: ./src/effects/oci.ts









/** Decompression chosen by media type: gzip, zstd where this Node has it (22.15 and newer), or none. */
function decompressor(mediaType) {
    // Larger output chunks than zlib's 16 KiB: fewer passes through the parser for the same bytes.
    const chunkSize = 128 * 1024;
    if (/zstd/.test(mediaType)) {
        const zstd = (external_node_zlib_default()).createZstdDecompress;
        if (typeof zstd !== 'function') {
            throw new Error(`the layer is zstd-compressed, which Node ${process.version} cannot read (Node 22.15 or newer can: ` +
                'the action runs on node24); or build with the default gzip compression');
        }
        return zstd({ chunkSize });
    }
    if (/gzip/.test(mediaType))
        return external_node_zlib_default().createGunzip({ chunkSize });
    if (/tar$/.test(mediaType))
        return new external_node_stream_.PassThrough();
    throw new Error(`the layer's media type ${JSON.stringify(mediaType)} is not a tar layer (plain, gzip or zstd)`);
}
/**
 * Read one layer from a stream of its blob: the blob's digest checked as it passes, then
 * decompressed and parsed by the bounded tar parser, a chunk at a time. Memory stays that of a
 * few chunks plus what `select` keeps, whatever the layer's size; each chunk is a turn of the
 * event loop, so an abort (the runner's SIGTERM) ends the read.
 */
async function readLayer(open, layer, name, options = {}) {
    const where = `${name} (${layer.digest})`;
    const parser = new tar/* TarParser */.Jf(options.select, options.limits);
    const [algorithm, expected] = layer.digest.split(':');
    // Hashed here unless the source checks its size and digest itself (a registry's BlobCheck).
    let digest = null;
    const tap = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            digest?.update(chunk);
            done(null, chunk);
        },
    });
    // The first error as the parser saw it: pipeline may report a file stream's AbortError instead.
    let failure = null;
    try {
        const decompress = decompressor(layer.mediaType);
        const source = await open();
        if (algorithm === 'sha256' && !(source instanceof effects_registry/* BlobCheck */.ir && source.digest === layer.digest))
            digest = (0,external_node_crypto_.createHash)('sha256');
        await (0,promises_namespaceObject.pipeline)(source, tap, decompress, async (chunks) => {
            try {
                let sinceTurn = 0;
                for await (const chunk of chunks) {
                    parser.write(chunk);
                    // A turn of the event loop every few MiB, whatever the source: signals (SIGTERM) are handled there.
                    if ((sinceTurn += chunk.length) >= 4 * 1024 * 1024) {
                        sinceTurn = 0;
                        await new Promise((resolve) => setImmediate(resolve));
                    }
                }
            }
            catch (err) {
                failure = err;
                throw err;
            }
        }, options.signal ? { signal: options.signal } : {});
        const entries = parser.end();
        if (digest && digest.digest('hex') !== expected) {
            throw new Error(`its bytes do not match its digest: the blob was cut short or changed on the way`);
        }
        return entries;
    }
    catch (err) {
        const e = (failure ?? err);
        const why = options.signal?.aborted
            ? 'stopped: the run was cancelled'
            : e instanceof tar/* TarError */.mt
                ? `not a well-formed tar: ${e.message}`
                : e.code?.startsWith('Z_')
                    ? `its compressed data is damaged or cut short (${e.message})`
                    : e.message;
        throw new Error(`${where}: ${why}`, { cause: err });
    }
}
function ociLayout(dir, signal) {
    const blobPath = (digest) => external_node_path_default().join(dir, 'blobs', ...digest.split(':'));
    const blob = (digest) => (0,external_node_fs_.readFileSync)(blobPath(digest));
    let manifest;
    const load = () => {
        if (manifest)
            return manifest;
        const index = (0,image_manifest/* readManifest */.WI)((0,external_node_fs_.readFileSync)(external_node_path_default().join(dir, 'index.json'), 'utf8'), `${dir}/index.json`);
        if (index.kind !== 'index')
            throw new image_manifest/* ManifestError */.Sh(`${dir}/index.json: not an OCI index`);
        let digest = (0,image_manifest/* platformDigest */.I_)(index.manifests, `${dir}/index.json`);
        let doc = (0,image_manifest/* readManifest */.WI)(blob(digest).toString('utf8'), `${dir}: manifest ${digest}`);
        if (doc.kind === 'index') {
            // An index (e.g. with attestations): the linux/amd64 image manifest in it.
            digest = (0,image_manifest/* platformDigest */.I_)(doc.manifests, `${dir}: index ${digest}`);
            doc = (0,image_manifest/* readManifest */.WI)(blob(digest).toString('utf8'), `${dir}: manifest ${digest}`);
        }
        if (doc.kind !== 'image')
            throw new image_manifest/* ManifestError */.Sh(`${dir}: manifest ${digest} is an index inside an index`);
        manifest = { digest, doc };
        return manifest;
    };
    return {
        describe: `OCI layout ${dir}`,
        shape: async () => {
            const { digest, doc } = load();
            return {
                manifestDigest: digest,
                configDigest: doc.config.digest,
                layers: doc.layers.map((l) => ({ digest: l.digest, size: l.size })),
            };
        },
        layer: async (i, select) => {
            const l = load().doc.layers[i];
            if (!l)
                throw new Error(`layer ${i} does not exist`);
            return readLayer(() => (0,external_node_fs_.createReadStream)(blobPath(l.digest), { highWaterMark: 256 * 1024 }), l, `layer ${i} of OCI layout ${dir}`, {
                ...(select ? { select } : {}),
                ...(signal ? { signal } : {}),
            });
        },
    };
}
function registryImage(registry, repo, reference, describe, signal) {
    let manifest;
    const load = () => (manifest ??= (async () => {
        const m = await registry.get(repo, reference);
        if (!m)
            throw new Error(`${describe} does not exist in the registry`);
        let digest = m.digest;
        let doc = (0,image_manifest/* readManifest */.WI)(m.body.toString('utf8'), `${describe}: manifest ${digest}`);
        if (doc.kind === 'index') {
            digest = (0,image_manifest/* platformDigest */.I_)(doc.manifests, `${describe}: index ${digest}`);
            const inner = await registry.get(repo, digest);
            if (!inner)
                throw new Error(`${describe}: manifest ${digest} is missing`);
            doc = (0,image_manifest/* readManifest */.WI)(inner.body.toString('utf8'), `${describe}: manifest ${digest}`);
        }
        if (doc.kind !== 'image')
            throw new image_manifest/* ManifestError */.Sh(`${describe}: manifest ${digest} is an index inside an index`);
        return { digest, doc };
    })());
    return {
        describe,
        shape: async () => {
            const { digest, doc } = await load();
            return {
                manifestDigest: digest,
                configDigest: doc.config.digest,
                layers: doc.layers.map((l) => ({ digest: l.digest, size: l.size })),
            };
        },
        layer: async (i, select) => {
            const l = (await load()).doc.layers[i];
            if (!l)
                throw new Error(`layer ${i} does not exist`);
            return readLayer(() => registry.blobStream(repo, l.digest, l.size), l, `layer ${i} of ${describe}`, {
                ...(select ? { select } : {}),
                ...(signal ? { signal } : {}),
            });
        },
    };
}

;// CONCATENATED MODULE: ./src/repro/compare.ts
const MAX_FILE_DIFFS = 50;
function compareShapes(a, b) {
    const count = Math.max(a.layers.length, b.layers.length);
    const layers = Array.from({ length: count }, (_, i) => {
        const la = a.layers[i]?.digest ?? null;
        const lb = b.layers[i]?.digest ?? null;
        return { index: i, a: la, b: lb, same: la === lb };
    });
    const first = layers.find((l) => !l.same);
    return {
        deterministic: a.manifestDigest === b.manifestDigest,
        manifest: { a: a.manifestDigest, b: b.manifestDigest, same: a.manifestDigest === b.manifestDigest },
        config: { a: a.configDigest, b: b.configDigest, same: a.configDigest === b.configDigest },
        layers,
        firstDifferentLayer: first ? first.index : null,
    };
}
/** Entries of two layers compared by path: what differs and how, in path order. */
function diffEntries(a, b) {
    const byPath = (list) => new Map(list.map((e) => [e.path, e]));
    const ma = byPath(a);
    const mb = byPath(b);
    const paths = [...new Set([...ma.keys(), ...mb.keys()])].sort();
    const out = [];
    for (const path of paths) {
        const ea = ma.get(path);
        const eb = mb.get(path);
        if (!ea)
            out.push({ path, kind: 'added' });
        else if (!eb)
            out.push({ path, kind: 'removed' });
        else if (ea.type !== eb.type)
            out.push({ path, kind: 'type', a: ea.type, b: eb.type });
        else if (ea.sha256 !== eb.sha256)
            out.push({ path, kind: ea.size !== eb.size ? 'size' : 'content', a: String(ea.size), b: String(eb.size) });
        else if (ea.link !== eb.link)
            out.push({ path, kind: 'link', a: ea.link, b: eb.link });
        else if (ea.mode !== eb.mode)
            out.push({ path, kind: 'mode', a: ea.mode.toString(8), b: eb.mode.toString(8) });
        else if (ea.uid !== eb.uid || ea.gid !== eb.gid)
            out.push({ path, kind: 'owner', a: `${ea.uid}:${ea.gid}`, b: `${eb.uid}:${eb.gid}` });
        else if (ea.mtime !== eb.mtime)
            out.push({ path, kind: 'mtime', a: new Date(ea.mtime * 1000).toISOString(), b: new Date(eb.mtime * 1000).toISOString() });
    }
    return out;
}
/** A hint at the usual causes, from the paths that differ. */
function likelyCause(files) {
    const paths = files.map((f) => f.path);
    if (paths.some((p) => /\.pyc$/.test(p)))
        return 'compiled Python (.pyc) embeds source timestamps: declare ARG SOURCE_DATE_EPOCH in the stage, or install with --no-compile';
    if (paths.some((p) => /^var\/log\//.test(p)))
        return 'logs written during the build (/var/log): delete them in the same step';
    if (paths.some((p) => /^var\/lib\/apt\/lists\//.test(p) || /^var\/cache\/(apt|ldconfig)\//.test(p)))
        return 'apt lists or caches left in the layer: rm -rf /var/lib/apt/lists/* /var/cache/ldconfig/aux-cache in the same step';
    if (files.length && files.every((f) => f.kind === 'mtime'))
        return 'file times differ: build with rewrite-timestamp=true and SOURCE_DATE_EPOCH';
    if (files.some((f) => f.kind === 'content' || f.kind === 'size'))
        return 'a step writes different content on each build (a timestamp, a random value, a download that moved)';
    return null;
}

// EXTERNAL MODULE: ./src/repro/inventory.ts
var inventory = __nccwpck_require__(2156);
;// CONCATENATED MODULE: ./src/commands/repro.ts



















async function reproCommand(plan, build, repro, rt) {
    const tools = await detectTools(rt.docker, build.builder, rt.env);
    requireReproducibleBuilder(tools);
    const epoch = repro.sourceDateEpoch ?? (await epochOf(rt));
    rt.log.info(`SOURCE_DATE_EPOCH=${epoch} (${new Date(epoch * 1000).toISOString()}), buildx ${tools.buildx}, BuildKit ${tools.buildkit}`);
    const scratch = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join((0,effects_files/* tempRoot */.fQ)(rt.env), 'gim-repro-'));
    const registry = new effects_registry/* RegistryClient */.bP(rt.env, build.retries, rt.mask, undefined, (m) => rt.log.warning(m));
    try {
        const source = (0,build_source/* readBuildSource */.Sj)(build, rt.baseDir, scratch);
        (0,build_source/* checkCustomisationFits */.T5)(source, plan.include);
        // What the embedded template cannot build fails before any lookup or build, as in build.
        const cannot = (e) => (source.dockerfile === null ? (0,dockerfile/* templateCannotBuild */.Co)(e) : null);
        const buildable = plan.include.filter((e) => !cannot(e));
        const bases = source.dockerfile === null ? await lookUpBaseImages(buildable, registry, rt.log) : new Map();
        const results = [];
        for (const entry of plan.include) {
            const why = cannot(entry);
            const base = why ? { error: why } : bases.get(entry.baseImage);
            results.push(await rt.log.group(`repro ${entry.tag}`, () => checkEntry(entry, plan, build, repro, tools, epoch, source, base, scratch, registry, rt)));
        }
        return results;
    }
    finally {
        (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
    }
}
function requireReproducibleBuilder(tools) {
    if (!tools.buildx) {
        throw new errors/* UserError */.yo('repro needs docker buildx with a BuildKit builder (0.14.1 or newer) for rewrite-timestamp; ' +
            "Docker's built-in builder cannot produce reproducible layers. Set up a builder with docker/setup-buildx-action");
    }
    if (!FEATURES.rewriteTimestamp(tools)) {
        throw new errors/* UserError */.yo(`repro needs BuildKit 0.14.1 or newer for rewrite-timestamp (this builder has ` +
            `${tools.buildkit ?? 'an unknown version'}); use a docker-container builder with a current ` +
            `moby/buildkit image (docker/setup-buildx-action with driver-opts: image=moby/buildkit:latest)`);
    }
}
async function epochOf(rt) {
    const t = await commitTime(rt.baseDir, rt.env);
    if (t === null) {
        throw new errors/* UserError */.yo('source-date-epoch is not set and the workspace is not a git checkout with a ' +
            'commit to take the time from; set source-date-epoch (seconds since 1970, e.g. 0)');
    }
    return t;
}
async function checkEntry(entry, plan, build, repro, tools, epoch, source, baseImage, scratch, registry, rt) {
    const base = { tag: entry.tag, key: entry.key, sourceDateEpoch: epoch };
    if (baseImage && 'error' in baseImage) {
        rt.log.error(`${entry.tag}: not built: ${baseImage.error}`);
        return { ...base, status: 'failed', error: baseImage.error };
    }
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(scratch, `${entry.key}-`));
    const entrySource = (0,build_source/* dockerfileFor */.oc)(source, entry, dir, baseImage?.digest ?? null);
    const { text: dockerfileText, file } = entrySource;
    const planned = planEntryBuild(entry, { ...build, cache: 'none' }, {
        dockerfile: dockerfileText,
        contextDigest: entrySource.contextDigest,
        entryCount: plan.include.length,
        supportsIgnoreError: false,
        baseDigest: baseImage && 'digest' in baseImage ? baseImage.digest : null,
    }, { created: new Date(epoch * 1000).toISOString(), tempDir: dir });
    const env = { ...rt.env, SOURCE_DATE_EPOCH: String(epoch) };
    const buildInto = async (name, noCache) => {
        const dest = external_node_path_default().join(dir, name);
        const args = buildxArgs({
            build: planned,
            file,
            context: entrySource.context,
            push: false,
            load: false,
            metadataFile: external_node_path_default().join(dir, `${name}.json`),
            outputs: [`type=oci,dest=${dest},tar=false,rewrite-timestamp=true`],
            noCache,
            ...(build.builder ? { builder: build.builder } : {}),
        }, tools);
        const res = await (0,exec/* execCapture */.W)(rt.docker, args, { env, onLine: rt.log.untrusted, ...(rt.signal ? { signal: rt.signal } : {}) });
        if (res.code !== 0)
            throw new Error(`build ${name} failed: ${describeFailure(diagnoseFailure(res.output))}`);
        return ociLayout(dest, rt.signal);
    };
    try {
        const first = await buildInto('first', false);
        const second = await buildInto('second', true);
        const shapes = compareShapes(await first.shape(), await second.shape());
        let determinism = { ...shapes, files: [], totalFileDiffs: 0, cause: null };
        if (shapes.firstDifferentLayer !== null) {
            const i = shapes.firstDifferentLayer;
            try {
                const diffs = diffEntries(await first.layer(i), await second.layer(i));
                determinism = { ...determinism, files: diffs.slice(0, MAX_FILE_DIFFS), totalFileDiffs: diffs.length, cause: likelyCause(diffs) };
            }
            catch (err) {
                determinism = { ...determinism, filesNote: `the layers could not be compared file by file: ${err.message}` };
            }
        }
        else if (!shapes.deterministic) {
            determinism.cause = shapes.config.same ? null : 'the image config differs (labels, env or history that change per build)';
        }
        rt.log.info(determinism.deterministic ? `deterministic: ${shapes.manifest.a}` : `NOT deterministic: ${shapes.manifest.a} vs ${shapes.manifest.b}`);
        const result = { ...base, status: 'checked', determinism };
        if (repro.baseline)
            result.impact = await changeImpact(entry, repro.baseline, build, first, registry, rt.signal);
        return result;
    }
    catch (err) {
        const message = err instanceof errors/* UserError */.yo ? err.message : err.message;
        rt.log.error(`${entry.tag}: ${message}`);
        return { ...base, status: 'failed', error: message };
    }
}
/** Layers are read one at a time, keeping only what the inventory reads (a few files and the whiteouts). */
async function repro_inventory(image, layers) {
    const entries = [];
    for (let i = 0; i < layers; i++)
        entries.push(await image.layer(i, inventory/* inventorySelect */.bY));
    return (0,inventory/* inventoryOf */.o8)((0,inventory/* mergeLayers */.J)(entries));
}
async function changeImpact(entry, template, build, current, registry, signal) {
    const ref = (0,placeholders/* renderPlaceholders */.r8)(template, entry, { image: (0,image_reference/* repositoryName */.aR)(build.repository) });
    const { repo, tag } = (0,image_reference/* parseTaggedReference */.$R)(ref, 'baseline');
    const baseline = registryImage(registry, repo, tag, ref, signal);
    const [bShape, cShape] = [await baseline.shape(), await current.shape()];
    const [bInv, cInv] = [await repro_inventory(baseline, bShape.layers.length), await repro_inventory(current, cShape.layers.length)];
    const python = (0,inventory/* diffPackages */.bu)(bInv.python, cInv.python);
    const debian = (0,inventory/* diffPackages */.bu)(bInv.debian, cInv.debian);
    const versions = ['torch', 'cuda', 'cudnn', 'nccl'].map((name) => ({ name, baseline: bInv[name], current: cInv[name] }));
    const sum = (s) => s.layers.reduce((t, l) => t + l.size, 0);
    const count = Math.max(bShape.layers.length, cShape.layers.length);
    return {
        baseline: ref,
        baselineDigest: bShape.manifestDigest,
        python,
        debian,
        versions,
        layers: Array.from({ length: count }, (_, i) => ({
            index: i,
            baseline: bShape.layers[i]?.size ?? null,
            current: cShape.layers[i]?.size ?? null,
        })),
        size: { baseline: sum(bShape), current: sum(cShape), change: sum(cShape) - sum(bShape) },
        drift: python.length > 0 || debian.length > 0 || versions.some((v) => v.baseline !== v.current),
    };
}

;// CONCATENATED MODULE: ./src/smoke/diagnose.ts

const TOOLKIT_FIX = 'install the NVIDIA Container Toolkit, run sudo nvidia-ctk runtime configure ' +
    '--runtime=docker, then restart docker (sudo systemctl restart docker)';
/** Failures of docker, the NVIDIA Container Toolkit and the driver, whatever the framework. */
const RULES = [
    {
        pattern: /version `GLIBC_([\d.]+)' not found/,
        diagnose: (m) => ({
            cause: `a wheel in the image needs glibc ${m[1]}, newer than the image's OS has`,
            fix: 'build on a newer OS (os: ubuntu22.04 or ubuntu24.04), or an older release of the package whose wheel targets this glibc',
        }),
    },
    {
        pattern: /could not select device driver "" with capabilities: \[\[gpu\]\]/,
        diagnose: () => ({
            cause: 'Docker has no GPU device driver: the NVIDIA Container Toolkit is missing, or dockerd was not restarted after installing it',
            fix: TOOLKIT_FIX,
        }),
    },
    {
        pattern: /could not select device driver "cdi"/,
        diagnose: () => ({
            cause: 'CDI devices were requested but CDI is not enabled in dockerd',
            fix: 'run sudo nvidia-ctk runtime configure --runtime=docker --cdi.enabled and restart docker, or use gpu-flags: --gpus all',
        }),
    },
    {
        pattern: /unresolvable CDI devices ([^\s"]+)/,
        diagnose: (m) => ({
            cause: `the CDI device ${m[1]} is not defined on this host`,
            fix: 'generate the CDI spec: sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml',
        }),
    },
    {
        pattern: /[Uu]nknown runtime specified nvidia/,
        diagnose: () => ({
            cause: 'the nvidia runtime is not registered in dockerd',
            fix: `${TOOLKIT_FIX}; or leave --runtime=nvidia out and use --gpus all`,
        }),
    },
    {
        pattern: /unsatisfied condition: cuda>=(\d+\.\d+)/,
        diagnose: (m, e) => ({
            cause: `the host driver is older than CUDA ${m[1]} in this image needs (NVIDIA_REQUIRE_CUDA)`,
            fix: `upgrade the driver${e.minDriver ? ` to ${e.minDriver} or newer` : ''}, or use an image built for an older CUDA`,
        }),
    },
    {
        pattern: /forward compatibility was attempted on non supported HW/,
        diagnose: () => ({
            cause: "CUDA's forward-compatibility libraries were used on a GPU that does not support them (error 804)",
            fix: 'upgrade the host driver to one that supports this CUDA version natively, or use an image for an older CUDA',
        }),
    },
    {
        pattern: /CUDA driver version is insufficient for CUDA runtime version|The NVIDIA driver on your system is too old/,
        diagnose: (_m, e) => ({
            cause: `the host driver is too old for the CUDA ${e.cuda} runtime in this image`,
            fix: `upgrade the driver${e.minDriver ? ` to ${e.minDriver} or newer` : ''}, or use an image for an older CUDA`,
        }),
    },
    {
        pattern: /nvml error: driver not loaded|NVML: Driver\/library version mismatch/,
        diagnose: () => ({
            cause: 'the NVIDIA driver on the host is not loaded (or differs from its libraries)',
            fix: 'reboot the runner after a driver upgrade; check nvidia-smi on the host',
        }),
    },
    {
        pattern: /manifest unknown|not found: manifest|pull access denied|repository does not exist|no such host|unauthorized|denied: /i,
        diagnose: () => ({
            cause: 'the image could not be pulled',
            fix: 'check the image reference (a tag that was never pushed, a deleted tag) ' +
                'and that this runner is logged in to the registry (docker/login-action)',
        }),
    },
    {
        pattern: /exec: "?python3"?: executable file not found|python3: not found|No such file or directory: 'python3'/,
        diagnose: () => ({
            cause: 'the image has no python3 on its PATH',
            fix: 'install Python in the image, or set smoke-python to its interpreter (e.g. /opt/venv/bin/python)',
        }),
    },
];
function diagnoseSmokeFailure(output, entry) {
    // The framework's own rules first: their texts are specific, and the generic ones may match them too.
    for (const rule of [...(0,frameworks/* frameworkOf */.K5)(entry).diagnoses, ...RULES]) {
        const m = output.match(rule.pattern);
        if (m)
            return rule.diagnose(m, entry);
    }
    return null;
}

;// CONCATENATED MODULE: ./src/smoke/preflight.ts

/** nvidia-smi --query-gpu=name,driver_version,compute_cap --format=csv,noheader */
const NVIDIA_SMI_QUERY = ['--query-gpu=name,driver_version,compute_cap', '--format=csv,noheader'];
/** Drivers before the compute_cap field existed answer this one. */
const NVIDIA_SMI_QUERY_OLD = ['--query-gpu=name,driver_version', '--format=csv,noheader'];
/**
 * Read nvidia-smi's answer. Exit 0 and 14 (a warning, e.g. an infoROM issue) both carry data;
 * fields of "ERR!" or "[GPU is lost]" mean a GPU in an error state even when the exit is 0.
 */
function parseNvidiaSmi(output, exitCode) {
    if (exitCode === 'missing') {
        return {
            finding: {
                severity: 'error',
                cause: 'nvidia-smi was not found: this runner has no NVIDIA driver installed (or it is not on PATH)',
                fix: 'run the GPU smoke test on a GPU runner (runs-on: [self-hosted, linux, gpu]), or set expect-gpu: false for a CPU-only check',
            },
        };
    }
    const text = output.trim();
    if ((exitCode !== 0 && exitCode !== 14) || text === '') {
        const first = text.split('\n')[0] || `exit status ${exitCode}`;
        const notLoaded = /couldn't communicate with the NVIDIA driver|driver not loaded|NVML: Driver\/library version mismatch|No devices were found/i.test(text);
        return {
            finding: {
                severity: 'error',
                cause: `nvidia-smi failed: ${first}`,
                fix: notLoaded
                    ? /mismatch/i.test(text)
                        ? 'the kernel module and the user-space driver differ (an upgrade without reboot): reboot the runner'
                        : 'the NVIDIA driver is not loaded: check that the kernel module is ' +
                            'installed for the running kernel (dmesg, nvidia-smi), then reboot'
                    : 'check the driver installation on the runner (nvidia-smi should list the GPUs)',
            },
        };
    }
    const gpus = [];
    for (const line of text.split('\n')) {
        const fields = line.split(',').map((f) => f.trim());
        if (fields.length < 2)
            continue;
        const [name = '', driver = '', cap] = fields;
        if ([name, driver, cap ?? ''].some((f) => /ERR!|GPU is lost|Unknown Error/i.test(f))) {
            return {
                finding: {
                    severity: 'error',
                    cause: `nvidia-smi reports a GPU in an error state: ${line.trim()}`,
                    fix: 'reset the GPU (nvidia-smi --gpu-reset) or reboot the runner; check dmesg for Xid errors',
                },
            };
        }
        gpus.push({ name, driver, computeCap: cap && /^\d+\.\d+$/.test(cap) ? cap : null });
    }
    if (gpus.length === 0) {
        return {
            finding: {
                severity: 'error',
                cause: `nvidia-smi listed no GPUs: ${text.split('\n')[0]}`,
                fix: 'check that the runner has a GPU and the driver sees it',
            },
        };
    }
    return { gpus };
}
/** Compare driver versions numerically, segment by segment: "550.54.15" vs "525.60.13". */
function compareDriver(a, b) {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
function parseDockerInfo(json) {
    try {
        const info = JSON.parse(json);
        return {
            nvidiaRuntime: Object.keys(info.Runtimes ?? {}).includes('nvidia'),
            cdiDevices: (info.DiscoveredDevices ?? []).filter((d) => d.Source === 'cdi' && d.ID).map((d) => d.ID),
        };
    }
    catch {
        return null;
    }
}
function dockerFindings(support) {
    if (!support)
        return [{ severity: 'warning', cause: 'docker info could not be read', fix: 'check that dockerd is running and this user may use it' }];
    if (support.nvidiaRuntime || support.cdiDevices.some((d) => d.startsWith('nvidia.com/gpu')))
        return [];
    // Not an error: --gpus also works through the toolkit's prestart hook, which docker info does not list.
    return [
        {
            severity: 'warning',
            cause: 'docker info lists no nvidia runtime and no nvidia.com/gpu CDI devices',
            fix: 'if the GPU check fails, install the NVIDIA Container Toolkit and run ' +
                'sudo nvidia-ctk runtime configure --runtime=docker, then restart docker',
        },
    ];
}
/** Longest NVIDIA_REQUIRE_CUDA read: the images' own are a few hundred characters. */
const MAX_REQUIRE_LENGTH = 4096;
/**
 * NVIDIA_REQUIRE_CUDA as the NVIDIA Container Toolkit reads it (libnvidia-container src/cli/dsl.c):
 * space-separated alternatives, any of which may pass; comma-separated terms in one, all of which
 * must. nvidia/cuda images write `cuda>=12.4 brand=tesla,driver>=470,driver<471 ...`: the driver's
 * own CUDA, or a data-center branch that runs the image through the cuda-compat package in it.
 * Null for text that is not such a requirement (unknown keys or operators are refused, not guessed).
 */
function parseRequireCuda(text) {
    if (text.length > MAX_REQUIRE_LENGTH)
        return null;
    const groups = [];
    for (const group of text.trim().split(/\s+/).filter(Boolean)) {
        const terms = [];
        for (const term of group.split(',')) {
            const m = /^(cuda|driver|arch|brand)(!=|<=|>=|=|<|>)([A-Za-z0-9._-]+)$/.exec(term);
            if (!m)
                return null;
            terms.push({ key: m[1], op: m[2], value: m[3] });
        }
        groups.push(terms);
    }
    return groups.length ? groups : null;
}
function compareOp(d, op) {
    return { '=': d === 0, '!=': d !== 0, '<': d < 0, '<=': d <= 0, '>': d > 0, '>=': d >= 0 }[op];
}
/**
 * Whether a requirement passes for a driver, and through which alternative. A term whose fact is
 * unknown here (the GPU's brand or architecture; the driver's CUDA) cannot pass: the answer is
 * what the preflight can prove, the container run says the rest.
 */
function evaluateRequireCuda(groups, host) {
    for (const group of groups) {
        const ok = group.every((t) => {
            if (t.key === 'cuda')
                return host.cuda !== null && compareOp(compareDriver(host.cuda, t.value), t.op);
            if (t.key === 'driver')
                return compareOp(compareDriver(host.version, t.value), t.op);
            return false; // brand, arch: not known to the preflight
        });
        if (ok)
            return { passes: true, through: group.some((t) => t.key === 'cuda') ? 'cuda' : 'branch' };
    }
    return { passes: false, through: null };
}
/** Whether a requirement lets a data-center GPU of this driver branch run the image (forward compatibility). */
function branchAllowed(groups, driver) {
    return groups.some((g) => g.some((t) => t.key === 'brand' && /^(tesla|nvidia|unknown)$/i.test(t.value)) &&
        g.filter((t) => t.key === 'driver').every((t) => compareOp(compareDriver(driver, t.value), t.op)));
}
/**
 * The driver against an entry's needs, the way the image will meet it:
 * - at or above the toolkit's own driver (`minDriver`), or a driver whose CUDA the image's
 *   NVIDIA_REQUIRE_CUDA accepts: fine;
 * - below that but at or above the CUDA major's floor (NVIDIA's minor-version compatibility:
 *   11.x >= 450.80.02, 12.x >= 525.60.13, 13.x >= 580): it runs, without PTX JIT, so kernels must be
 *   built for the GPU — a warning (datacenter hosts on 535/550 run cu124 and cu126 wheels this way);
 * - below the floor: only a data-center branch the image lists runs it (forward compatibility, the
 *   cuda-compat package in nvidia/cuda images); otherwise it fails, and the fix names the variants
 *   of the same release this driver runs.
 * Sources: NVIDIA's CUDA compatibility guide (minor-version compatibility, forward compatibility),
 * libnvidia-container src/cli/dsl.c; the floors are the release data's cudaMajors.
 */
function driverFinding(entry, driver, data, host) {
    if (!entry.minDriver || compareDriver(driver, entry.minDriver) >= 0)
        return null;
    const groups = host?.requireCuda ? parseRequireCuda(host.requireCuda) : null;
    const verdict = groups ? evaluateRequireCuda(groups, { version: driver, cuda: host?.cuda ?? null }) : null;
    if (verdict?.through === 'cuda')
        return null; // the driver's own CUDA is new enough for the image
    const major = entry.cuda.split('.')[0];
    const floor = data.cudaMajors.find((m) => m.major === major)?.minorCompatDriver ?? null;
    const first = groups?.[0]?.map((t) => `${t.key}${t.op}${t.value}`).join(',');
    const refused = !groups || verdict?.passes
        ? ''
        : branchAllowed(groups, driver)
            ? "; the NVIDIA Container Toolkit's legacy mode accepts the image on this driver for data-center GPUs only " +
                `(NVIDIA_REQUIRE_CUDA ${first} ...), and its CDI mode does not check`
            : "; the NVIDIA Container Toolkit's legacy mode refuses the image on this driver " +
                `(NVIDIA_REQUIRE_CUDA ${first} ...), and its CDI mode does not check`;
    if (floor && compareDriver(driver, floor) >= 0) {
        return {
            severity: 'warning',
            cause: `driver ${driver} is older than the CUDA ${entry.cudaFull ?? entry.cuda} toolkit of this image (${entry.minDriver}) ` +
                `but within CUDA ${major}'s minor-version compatibility (≥ ${floor}): it runs, without PTX JIT compilation, ` +
                `so the GPU needs kernels built for it (the check's "kernels for GPU" test says)${refused}`,
            fix: `upgrade the driver to ${entry.minDriver} or newer for the image's whole feature set`,
        };
    }
    if (groups && branchAllowed(groups, driver)) {
        return {
            severity: 'warning',
            cause: `driver ${driver} is older than CUDA ${major} needs (≥ ${floor ?? entry.minDriver}); ` +
                'the image accepts this driver branch on data-center GPUs ' +
                `through forward compatibility (the cuda-compat package in nvidia/cuda images), not on others`,
            fix: `upgrade the driver to ${entry.minDriver} or newer, or run on a data-center GPU`,
        };
    }
    const runnable = ((0,frameworks/* frameworkOf */.K5)(entry).alternatives?.(entry, data) ?? [])
        .filter((a) => compareDriver(driver, a.minDriver) >= 0 || compareDriver(driver, floorOf(a.variant, data) ?? a.minDriver) >= 0)
        .map((a) => a.variant);
    const instead = runnable.length ? ` or use a ${runnable.join('/')} image of ${(0,frameworks/* frameworkTitle */.T_)(entry)}` : '';
    return {
        severity: 'error',
        cause: `driver ${driver} is older than CUDA ${entry.cuda} needs ` +
            `(≥ ${floor ?? entry.minDriver}${floor ? `, CUDA ${major}'s floor` : ''})`,
        fix: `upgrade the driver to ${entry.minDriver} or newer${instead}`,
    };
}
/** The minor-version floor of a wheel variant's CUDA major ("cu118" -> 11's). */
function floorOf(variant, data) {
    const major = /^cu(\d+)\d$/.exec(variant)?.[1];
    return data.cudaMajors.find((m) => m.major === major)?.minorCompatDriver ?? null;
}

// EXTERNAL MODULE: ./src/json.ts
var json = __nccwpck_require__(8301);
// EXTERNAL MODULE: ./src/custom/customisation.ts
var customisation = __nccwpck_require__(7147);
;// CONCATENATED MODULE: ./src/smoke/run-args.ts





/** The smoke test's docker run argv, the check's arguments, and reading the check's report. Pure. */
/** Whether an entry is checked on a GPU: CPU entries never are. */
function gpuModeFor(entry, options) {
    return options.expectGpu && entry.cuda !== 'cpu';
}
const CHECK_IN_CONTAINER = '/gim/check.py';
const USER_SCRIPT_IN_CONTAINER = '/gim/user-check.py';
const WORKSPACE_IN_CONTAINER = '/workspace';
/**
 * `docker run` for one entry. `paths.checkDir` is a host directory holding check.py and the
 * helpers it imports, mounted read-only as CHECK_IN_CONTAINER's directory. `paths.script` is the
 * user's script on the host; with a workspace it is run from the read-only workspace mount (so it
 * can read the repository's fixtures), else mounted alone (over a placeholder in checkDir).
 */
function smokeRunArgs(entry, image, options, paths, name) {
    const gpu = gpuModeFor(entry, options);
    // --quiet: no pull progress (dozens of "Pull complete" lines per image) in the log
    const args = ['run', '--rm', '--name', name, '--pull', 'missing', '--quiet'];
    if (gpu) {
        if (options.gpuFlags)
            args.push(...options.gpuFlags);
        else
            args.push('--gpus', options.gpus === 'all' ? 'all' : `"device=${options.gpus}"`);
    }
    if (options.ipcHost)
        args.push('--ipc', 'host');
    else if (options.shmSize)
        args.push('--shm-size', options.shmSize);
    if (options.memory)
        args.push('--memory', options.memory);
    if (options.cpus)
        args.push('--cpus', options.cpus);
    // smoke-env reaches the container through a file: set in docker's own environment, DOCKER_HOST
    // or DOCKER_CONFIG would change which daemon and credentials the docker CLI itself uses.
    if (paths.envFile)
        args.push('--env-file', paths.envFile);
    args.push('-v', `${paths.checkDir}:${external_node_path_default().posix.dirname(CHECK_IN_CONTAINER)}:ro`);
    let script;
    if (paths.script) {
        const rel = options.workspace ? relativeInside(options.workspace, paths.script) : null;
        if (options.workspace && rel !== null) {
            args.push('-v', `${options.workspace}:${WORKSPACE_IN_CONTAINER}:ro`);
            script = { inContainer: `${WORKSPACE_IN_CONTAINER}/${rel}`, cwd: WORKSPACE_IN_CONTAINER };
        }
        else {
            args.push('-v', `${paths.script}:${USER_SCRIPT_IN_CONTAINER}:ro`);
            script = { inContainer: USER_SCRIPT_IN_CONTAINER };
        }
    }
    args.push('--entrypoint', options.python, image, CHECK_IN_CONTAINER, ...checkArgs(entry, options, gpu, script));
    return args;
}
/**
 * The --env-file for smoke-env: KEY=VALUE lines, which docker reads literally (no quotes, no
 * expansion). The parser let no newline or control character into a value; null when none is set.
 */
function smokeEnvFile(options) {
    return options.env.length ? options.env.map(([k, v]) => `${k}=${v}\n`).join('') : null;
}
/** file's path inside dir, or null when it is not inside (as the workspace confinement decides it). */
function relativeInside(dir, file) {
    const rel = external_node_path_default().posix.relative(dir, file);
    return rel === '' || rel === '..' || rel.startsWith('../') || external_node_path_default().posix.isAbsolute(rel) ? null : rel;
}
/** The check script's own arguments (also what a person passes when running it standalone). */
function checkArgs(entry, options, gpu, script) {
    const args = (0,frameworks/* frameworkOf */.K5)(entry).checkArgs(entry);
    if (!gpu)
        args.push('--no-gpu');
    else
        args.push('--min-gpus', String(options.minGpus));
    // The inventory is read when the image has one; required when the entry customises the template.
    args.push('--inventory', dockerfile/* INVENTORY_PATH */.Xg, '--expect-key', entry.key);
    const custom = { ...(0,customisation/* emptyCustomisation */.QG)(), ...(entry.customisation ?? {}) };
    if ((0,customisation/* changesImage */.PU)(custom))
        args.push('--require-inventory');
    if (script) {
        args.push('--then', script.inContainer, '--user-timeout', String(options.timeoutSeconds));
        if (script.cwd)
            args.push('--then-cwd', script.cwd);
    }
    return args;
}
/** What the check prints: one JSON object after this marker. */
const RESULT_MARKER = 'GIM-SMOKE-RESULT ';
function parseCheckOutput(output) {
    const line = output
        .split(/\r?\n/)
        .reverse()
        .find((l) => l.startsWith(RESULT_MARKER));
    if (!line)
        return null;
    let raw;
    try {
        raw = JSON.parse(line.slice(RESULT_MARKER.length));
    }
    catch {
        return null;
    }
    return readCheckReport(raw);
}
/**
 * The report as check.py writes it, from what the container printed: the image runs it, so it is
 * untrusted. Known fields of the expected types and sizes are kept, the rest dropped; a report
 * whose `ok` or `checks` are not what check.py writes is a failed check saying so.
 */
function readCheckReport(raw) {
    if (!(0,json/* isRecord */.u)(raw) || !Array.isArray(raw.checks))
        return null;
    if (typeof raw.ok !== 'boolean' || raw.checks.length > MAX_CHECKS || !raw.checks.every(isCheckItem)) {
        return {
            ok: false,
            checks: [
                {
                    name: 'report',
                    ok: false,
                    message: `the check's report is not what check.py writes (ok, or one of ${MAX_CHECKS} checks at most)`,
                },
            ],
        };
    }
    const report = { ok: raw.ok, checks: raw.checks.map(checkItem) };
    const out = report;
    for (const key of ['python', 'torch', 'torchvision', 'torchaudio', 'tensorflow', 'jax', 'numpy']) {
        if (shortText(raw[key]))
            out[key] = raw[key];
    }
    for (const key of ['cuda', 'nccl', 'jaxlib', 'cudaPlugin']) {
        if (raw[key] === null || shortText(raw[key]))
            out[key] = raw[key];
    }
    if (raw.cudnn === null || shortText(raw.cudnn) || finite(raw.cudnn))
        report.cudnn = raw.cudnn;
    if (finite(raw.seconds))
        report.seconds = raw.seconds;
    const framework = FRAMEWORK_FACTS.find((f) => f === raw.framework);
    if (framework)
        report.framework = framework;
    if (textList(raw.archList))
        report.archList = raw.archList;
    if (textList(raw.devices))
        report.devices = raw.devices;
    // tensorflow may not know a GPU's name or capability: kept as unknown rather than dropped
    if (Array.isArray(raw.gpus) && raw.gpus.length <= 64 && raw.gpus.every(json/* isRecord */.u)) {
        report.gpus = raw.gpus.map((g) => ({
            ...(finite(g.index) ? { index: g.index } : {}),
            name: shortText(g.name) ? g.name : 'unknown',
            capability: shortText(g.capability) ? g.capability : '?',
        }));
    }
    const inv = raw.inventory;
    if (inv === null)
        report.inventory = null;
    else if ((0,json/* isRecord */.u)(inv) && shortText(inv.path) && finite(inv.pythonPackages) && finite(inv.systemPackages) && (0,json/* isRecord */.u)(inv.baseImage)) {
        const text = (v) => (shortText(v) ? v : null);
        report.inventory = {
            path: inv.path,
            key: text(inv.key),
            pythonPackages: inv.pythonPackages,
            systemPackages: inv.systemPackages,
            baseImage: { name: text(inv.baseImage.name), digest: text(inv.baseImage.digest) },
        };
    }
    return report;
}
const MAX_CHECKS = 500;
/** what check.py's `framework` fact may say (absent for pytorch) */
const FRAMEWORK_FACTS = ['tensorflow', 'jax'];
const MAX_MESSAGE = 8192;
function shortText(v) {
    return typeof v === 'string' && v.length <= 512;
}
function finite(v) {
    return typeof v === 'number' && Number.isFinite(v);
}
function textList(v) {
    return Array.isArray(v) && v.length <= 256 && v.every(shortText);
}
function isCheckItem(v) {
    return (0,json/* isRecord */.u)(v) && shortText(v.name) && typeof v.ok === 'boolean';
}
/** A check's value and expectation as the report shows them: plain values, anything else as JSON text, cut. */
function plain(v) {
    if (v === null || typeof v === 'boolean' || finite(v))
        return v;
    const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
    return text.length > 1024 ? `${text.slice(0, 1024)}…` : text;
}
function checkItem(v) {
    const item = { name: v.name, ok: v.ok };
    if ('value' in v)
        item.value = plain(v.value);
    if ('expected' in v)
        item.expected = plain(v.expected);
    if (typeof v.message === 'string')
        item.message = v.message.length > MAX_MESSAGE ? `${v.message.slice(0, MAX_MESSAGE)}…` : v.message;
    return item;
}

// EXTERNAL MODULE: ./src/python-scripts.ts
var python_scripts = __nccwpck_require__(2068);
;// CONCATENATED MODULE: ./src/commands/smoke.ts










/** The smoke check and the helpers it imports, [file name, text]: read before any container starts, so a broken install fails first. */
function checkScripts() {
    return python_scripts/* SMOKE_CHECK_FILES */.r3.map((file) => [file, (0,python_scripts/* pythonSource */.Wj)(file)]);
}
/** smoke-env's values in a file only this user can read (they may be tokens), in a folder of its own; null when none. */
function writeEnvFile(options, env) {
    const text = smokeEnvFile(options);
    if (text === null)
        return null;
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join((0,effects_files/* tempRoot */.fQ)(env), 'gim-env-'));
    (0,external_node_fs_.chmodSync)(dir, 0o700);
    const file = external_node_path_default().join(dir, 'smoke.env');
    (0,external_node_fs_.writeFileSync)(file, text, { mode: 0o600 });
    return { dir, file };
}
/**
 * A new directory holding the check files under their own names (check.py imports gim_packages by
 * name, and ncc may rename what it bundles), readable by whatever user the image runs as, whatever
 * the umask; it is mounted read-only in the container, and the caller removes it.
 */
function writeCheckDir(files, env) {
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join((0,effects_files/* tempRoot */.fQ)(env), 'gim-check-'));
    (0,external_node_fs_.chmodSync)(dir, 0o755);
    // An empty user-check.py too: the mount point for a smoke-script mounted alone, which runc cannot create in a read-only mount.
    const placeholder = [external_node_path_default().posix.basename(USER_SCRIPT_IN_CONTAINER), ''];
    for (const [file, text] of [...files, placeholder]) {
        const where = external_node_path_default().join(dir, file);
        (0,external_node_fs_.writeFileSync)(where, text);
        (0,external_node_fs_.chmodSync)(where, 0o644);
    }
    return dir;
}
/** nvidia-smi and docker info, once per run. */
async function hostFacts(rt) {
    const findings = [];
    let smi = await (0,exec/* execCapture */.W)('nvidia-smi', NVIDIA_SMI_QUERY, { env: rt.env, timeoutMs: 30_000 });
    if (smi.code !== 0 && /not a valid field|Invalid combination/i.test(smi.output)) {
        smi = await (0,exec/* execCapture */.W)('nvidia-smi', NVIDIA_SMI_QUERY_OLD, { env: rt.env, timeoutMs: 30_000 });
    }
    const missing = smi.code !== 0 && /ENOENT/.test(smi.output);
    const parsed = parseNvidiaSmi(smi.output, missing ? 'missing' : smi.code);
    const gpus = 'gpus' in parsed ? parsed.gpus : [];
    if ('finding' in parsed)
        findings.push(parsed.finding);
    const info = await (0,exec/* execCapture */.W)(rt.docker, ['info', '--format', '{{json .}}'], { env: rt.env, timeoutMs: 30_000 });
    findings.push(...dockerFindings(info.code === 0 ? parseDockerInfo(info.output) : null));
    // The driver's own CUDA is only in nvidia-smi's header, not in --query-gpu.
    const header = gpus.length ? await (0,exec/* execCapture */.W)('nvidia-smi', [], { env: rt.env, timeoutMs: 30_000 }) : null;
    const cuda = header?.code === 0 ? (/CUDA Version:\s*(\d+\.\d+)/.exec(header.output.slice(0, 65_536))?.[1] ?? null) : null;
    return { gpus, findings, cuda };
}
async function smokeCommand(plan, images, options, data, rt, known) {
    const check = checkScripts();
    const needGpu = plan.include.some((e) => gpuModeFor(e, options));
    const host = needGpu ? (known ?? (await hostFacts(rt))) : { gpus: [], findings: [] };
    for (const f of host.findings.filter((x) => x.severity === 'warning'))
        rt.log.warning(`${f.cause}: ${f.fix}`);
    const hostError = host.findings.find((f) => f.severity === 'error');
    const driver = host.gpus[0]?.driver ?? null;
    if (needGpu && host.gpus.length) {
        rt.log.info(`host: ${host.gpus.map((g) => `${g.name} (sm ${g.computeCap ?? '?'})`).join(', ')}, driver ${driver}`);
    }
    const results = [];
    for (const entry of plan.include) {
        const image = images.get(entry.key) ?? null;
        const gpu = gpuModeFor(entry, options);
        const base = {
            tag: entry.tag,
            key: entry.key,
            image: image ?? '',
            mode: gpu ? 'gpu' : 'cpu',
            host: { gpus: host.gpus, driver },
            report: null,
            checks: [],
            seconds: 0,
        };
        if (!image) {
            results.push({
                ...base,
                status: 'failed',
                failed: 'image',
                diagnosis: {
                    cause: 'no image for this entry',
                    fix: "build it first (command build or all), or pass the build step's images output in input images",
                },
            });
            continue;
        }
        const requireCuda = gpu && driver && entry.minDriver && !hostError ? await imageRequirement(image, rt) : null;
        const preflight = gpu
            ? (hostError ?? (driver ? driverFinding(entry, driver, data, { cuda: host.cuda ?? null, requireCuda }) : null))
            : null;
        if (preflight?.severity === 'warning') {
            rt.log.warning(`${entry.tag}: preflight: ${preflight.cause}; ${preflight.fix}`);
        }
        else if (preflight) {
            rt.log.error(`${entry.tag}: preflight: ${preflight.cause}: ${preflight.fix}`);
            results.push({ ...base, status: 'failed', failed: 'host preflight', diagnosis: { cause: preflight.cause, fix: preflight.fix } });
            continue;
        }
        results.push(await rt.log.group(`smoke ${entry.tag}`, () => runOne(entry, image, options, check, base, rt)));
    }
    return results;
}
/**
 * The image's NVIDIA_REQUIRE_CUDA, what the NVIDIA Container Toolkit holds the driver to, read from
 * its config (pulled quietly first when docker does not have it); null when it has none or cannot
 * be read (the run then says what it says).
 */
async function imageRequirement(image, rt) {
    const inspect = () => (0,exec/* execCapture */.W)(rt.docker, ['image', 'inspect', '--format', '{{json .Config.Env}}', image], { env: rt.env, timeoutMs: 60_000 });
    let res = await inspect();
    if (res.code !== 0) {
        await (0,exec/* execCapture */.W)(rt.docker, ['pull', '--quiet', image], {
            env: rt.env,
            timeoutMs: 1_800_000,
            ...(rt.signal ? { signal: rt.signal } : {}),
        });
        res = await inspect();
    }
    if (res.code !== 0)
        return null;
    try {
        const env = JSON.parse(res.output.slice(0, 1_048_576));
        const line = Array.isArray(env)
            ? env.find((v) => typeof v === 'string' && v.startsWith('NVIDIA_REQUIRE_CUDA='))
            : undefined;
        return line ? line.slice('NVIDIA_REQUIRE_CUDA='.length) : null;
    }
    catch {
        return null;
    }
}
async function runOne(entry, image, options, check, base, rt) {
    const name = `gim-smoke-${entry.key}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
    const started = Date.now();
    let res;
    let seconds;
    let checkDir = null;
    let envFile = null;
    try {
        checkDir = writeCheckDir(check, rt.env);
        envFile = writeEnvFile(options, rt.env);
        const paths = { checkDir, ...(options.script ? { script: options.script } : {}), ...(envFile ? { envFile: envFile.file } : {}) };
        const args = smokeRunArgs(entry, image, options, paths, name);
        res = await (0,exec/* execCapture */.W)(rt.docker, args, {
            env: rt.env,
            timeoutMs: options.timeoutSeconds * 1000,
            onLine: rt.log.untrusted,
            ...(rt.signal ? { signal: rt.signal } : {}),
        });
        seconds = Math.round((Date.now() - started) / 100) / 10;
        if (res.timedOut || rt.signal?.aborted) {
            // Stopping the docker client does not stop the container.
            await (0,exec/* execCapture */.W)(rt.docker, ['rm', '-f', name], { env: rt.env, timeoutMs: 60_000 });
        }
    }
    finally {
        if (checkDir)
            (0,external_node_fs_.rmSync)(checkDir, { recursive: true, force: true });
        if (envFile)
            (0,external_node_fs_.rmSync)(envFile.dir, { recursive: true, force: true });
    }
    const report = parseCheckOutput(res.output);
    const tail = res.output.trim().split('\n').slice(-30).join('\n');
    if (res.timedOut) {
        return {
            ...base,
            status: 'failed',
            seconds,
            failed: 'timeout',
            diagnosis: {
                cause: `the smoke test did not finish within ${options.timeoutSeconds} s; the container was stopped`,
                fix: 'look at its output below; raise smoke-timeout if the image is just slow to start',
            },
            output: tail,
        };
    }
    if (!report) {
        const diagnosis = diagnoseSmokeFailure(res.output, entry) ?? {
            cause: `the container exited with status ${res.code} before the check reported`,
            fix: 'see the container output',
        };
        return { ...base, status: 'failed', seconds, failed: 'container', diagnosis, output: tail };
    }
    const { checks, ...facts } = report;
    const firstFailed = checks.find((c) => !c.ok);
    const result = { ...base, status: report.ok ? 'passed' : 'failed', seconds, report: facts, checks };
    if (firstFailed) {
        result.failed = firstFailed.name;
        const diagnosis = diagnoseSmokeFailure(`${firstFailed.message ?? ''}\n${res.output}`, entry);
        result.diagnosis = diagnosis ?? {
            cause: firstFailed.message ?? `${firstFailed.name} failed`,
            fix: "see the check's value and expectation",
        };
    }
    return result;
}

// EXTERNAL MODULE: ./src/frameworks/framework.ts
var frameworks_framework = __nccwpck_require__(8401);
;// CONCATENATED MODULE: ./src/verify/wheel.ts
/**
 * Wheel file names and whether a wheel installs on an entry's Python and platform, as pip and uv
 * decide it (the binary distribution format: packaging.python.org/specifications/binary-distribution-format;
 * platform compatibility tags: .../platform-compatibility-tags). Pure.
 */
/** PEP 503: runs of -, _ and . are one -, lower case. */
function normaliseProject(name) {
    return name.replace(/[-_.]+/g, '-').toLowerCase();
}
/** "torch-2.4.1+cu124-cp311-cp311-linux_x86_64.whl" -> its parts; null when it is not a wheel's name. */
function parseWheelName(file) {
    if (!file.endsWith('.whl'))
        return null;
    const parts = file.slice(0, -4).split('-');
    // name-version[-build]-python-abi-platform
    if (parts.length !== 5 && parts.length !== 6)
        return null;
    const [name, version] = parts;
    const [python, abi, platform] = parts.slice(-3);
    if (!name || !version || !python || !abi || !platform)
        return null;
    return {
        project: normaliseProject(name),
        version,
        pythons: python.split('.'),
        abis: abi.split('.'),
        platforms: platform.split('.'),
    };
}
/** The sdist of a project at a version ("demo_pkg-1.0.tar.gz"): its version, or null. */
function sdistVersion(file, project) {
    const m = /^(.+)-([^-]+)\.(tar\.gz|zip)$/.exec(file);
    if (!m || normaliseProject(m[1]) !== project)
        return null;
    return m[2];
}
const PEP440 = new RegExp([
    '^v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)', // epoch, release
    '(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\\d*))?', // pre
    '(?:-(\\d+)|[-_.]?(post|rev|r)[-_.]?(\\d*))?', // post
    '(?:[-_.]?(dev)[-_.]?(\\d*))?', // dev
    '(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$', // local
].join(''));
function parsePep440(text) {
    const m = PEP440.exec(text.trim().toLowerCase());
    if (!m)
        return null;
    const preWord = { a: 'a', alpha: 'a', b: 'b', beta: 'b', c: 'rc', rc: 'rc', pre: 'rc', preview: 'rc' };
    return {
        epoch: m[1] ? Number(m[1]) : 0,
        release: m[2].split('.').map(Number),
        pre: m[3] ? [preWord[m[3]], Number(m[4] || 0)] : null,
        post: m[5] !== undefined ? Number(m[5]) : m[6] ? Number(m[7] || 0) : null,
        dev: m[8] ? Number(m[9] || 0) : null,
        local: m[10] ? m[10].replace(/[-_]/g, '.') : null,
    };
}
/**
 * PEP 440 ordering of public versions (the local label ignored): release, then dev < pre < final <
 * post. Strings that are not versions sort by text, after every version.
 */
function compareVersions(a, b) {
    const x = parsePep440(a);
    const y = parsePep440(b);
    if (!x || !y)
        return x ? -1 : y ? 1 : a < b ? -1 : a > b ? 1 : 0;
    if (x.epoch !== y.epoch)
        return x.epoch - y.epoch;
    for (let i = 0; i < Math.max(x.release.length, y.release.length); i++) {
        const d = (x.release[i] ?? 0) - (y.release[i] ?? 0);
        if (d)
            return d;
    }
    const rank = (v) => [
        // a dev release of the final version (1.0.dev1) sorts before its pre-releases
        v.pre ? 1 : v.dev !== null && v.post === null ? 0 : 2,
        v.pre?.[0] ?? '',
        v.pre?.[1] ?? 0,
        v.post ?? -1,
        v.dev ?? Number.MAX_SAFE_INTEGER,
    ];
    const [rx, ry] = [rank(x), rank(y)];
    for (let i = 0; i < rx.length; i++) {
        if (rx[i] !== ry[i])
            return rx[i] < ry[i] ? -1 : 1;
    }
    return 0;
}
/** A pre-release or development release, which a floor (>=) without one does not pick (pip and uv). */
function isPreRelease(version) {
    const v = parsePep440(version);
    return v !== null && (v.pre !== null || v.dev !== null);
}
/**
 * PEP 440 equality as `==X` uses it: normalised, release segments compared with zeros padded, a
 * local label (`+cu124`) on the candidate ignored when the pin has none.
 */
function versionMatches(candidate, pinned) {
    const c = parsePep440(candidate);
    const p = parsePep440(pinned);
    if (!c || !p)
        return candidate.trim().toLowerCase() === pinned.trim().toLowerCase();
    if (p.local !== null && p.local !== c.local)
        return false;
    return compareVersions(candidate.split('+')[0], pinned.split('+')[0]) === 0;
}
/** The public part of a version: "2.4.1+cu124" -> "2.4.1". */
function publicVersion(version) {
    const t = version.trim().toLowerCase().replace(/^v/, '');
    const i = t.indexOf('+');
    return i < 0 ? t : t.slice(0, i);
}
/** Why a wheel does not install on the target, or null when it does. */
function wheelMismatch(wheel, target) {
    if (!pythonFits(wheel, target))
        return 'python';
    if (!wheel.platforms.some((p) => platformFits(p, target)))
        return 'platform';
    return null;
}
/** The Python tags of a wheel, for a message: "cp311", "py3", "abi3 (cp39+)". */
function pythonLabel(wheel) {
    if (wheel.abis.includes('abi3'))
        return wheel.pythons.map((p) => `${p}-abi3`);
    if (wheel.abis.some((a) => a.endsWith('t') && /^cp\d+t$/.test(a)))
        return wheel.abis.filter((a) => /^cp\d+t$/.test(a));
    return wheel.pythons;
}
function pythonFits(wheel, target) {
    const freeThreaded = target.python.endsWith('t');
    const [major, minor] = target.python.replace(/t$/, '').split('.').map(Number);
    const cp = `cp${major}${minor}`;
    return wheel.pythons.some((py) => wheel.abis.some((abi) => {
        // Pure wheels: py3, and py3X for X up to the target's minor (pip and uv accept py310 on 3.11).
        if (abi === 'none' && /^py\d+$/.test(py)) {
            const digits = py.slice(2);
            if (digits === String(major))
                return true;
            return digits.startsWith(String(major)) && Number(digits.slice(String(major).length)) <= minor;
        }
        if (!py.startsWith('cp'))
            return false;
        const pyMinor = Number(py.slice(2 + String(major).length));
        if (!py.startsWith(`cp${major}`) || Number.isNaN(pyMinor))
            return false;
        // The stable ABI covers later minors, but not free-threaded builds (PEP 803 is not in CPython yet).
        if (abi === 'abi3')
            return !freeThreaded && pyMinor <= minor;
        if (py !== cp)
            return false;
        if (abi === 'none')
            return true;
        if (freeThreaded)
            return abi === `${cp}t`;
        // cp37m before Python 3.8 dropped the m suffix
        return abi === cp || abi === `${cp}m`;
    }));
}
function platformFits(platform, target) {
    if (platform === 'any')
        return true;
    if (platform === `linux_${target.machine}`)
        return true;
    const legacy = { manylinux1: '2.5', manylinux2010: '2.12', manylinux2014: '2.17' };
    const m = /^(manylinux1|manylinux2010|manylinux2014|manylinux_(\d+)_(\d+))_(.+)$/.exec(platform);
    if (!m || m[4] !== target.machine)
        return false;
    const needs = m[2] ? `${m[2]}.${m[3]}` : legacy[m[1]];
    return target.glibc === null || compareMinor(needs, target.glibc) <= 0;
}
function compareMinor(a, b) {
    const [am, an] = a.split('.').map(Number);
    const [bm, bn] = b.split('.').map(Number);
    return am - bm || an - bn;
}
/**
 * The glibc of the OS an image starts from, which bounds the manylinux wheels it can install.
 * Ubuntu's libc6 in each release: 20.04 2.31, 22.04 2.35, 24.04 2.39 (packages.ubuntu.com, libc6
 * in focal, jammy, noble); Debian bookworm 2.36 (packages.debian.org/bookworm/libc6).
 */
const GLIBC_OF_OS = {
    'ubuntu20.04': '2.31',
    'ubuntu22.04': '2.35',
    'ubuntu24.04': '2.39',
    debian12: '2.36',
};

;// CONCATENATED MODULE: ./src/verify/check.ts





/** The key a listing is fetched and shared under. */
function listingKey(index, project) {
    return `${index.replace(/\/+$/, '')}/${normaliseProject(project)}/`;
}
function entryNeeds(entry, data, options) {
    const fromBase = (0,matrix_entry/* frameworkFromBaseImage */.bA)(entry);
    const custom = entry.customisation ?? {};
    const target = { python: entry.python, machine: options.machine, glibc: fromBase ? null : (GLIBC_OF_OS[entry.os] ?? null) };
    if (options.ownDockerfile) {
        return { entry, target, wheels: [], images: [], notes: ['your own Dockerfile decides what it installs and pulls: not checked'] };
    }
    const framework = (0,frameworks/* frameworkOf */.K5)(entry);
    const wheels = [];
    if (!fromBase) {
        const alternatives = framework.alternativeIndexes?.(entry, data) ?? [];
        for (const w of framework.wheels(entry, data)) {
            wheels.push({
                project: normaliseProject(w.project),
                version: w.version,
                atLeast: w.atLeast ?? false,
                indexes: [w.index],
                alternatives: alternatives.filter((a) => a !== w.index),
                sdistOk: false,
                firstIndex: true,
                from: framework.key,
            });
        }
    }
    // The team's packages: pip-index-url, else pypi-index-url, else PyPI; and the extra indexes, which
    // uv asks first (pip, which installs them in a base image, asks all alike).
    const primary = custom.pipIndexUrl ?? custom.pypiIndexUrl ?? frameworks_framework/* PYPI_SIMPLE */.wT;
    const extras = custom.pipExtraIndexUrls ?? [];
    const teamIndexes = fromBase ? [primary, ...extras] : [...extras, primary];
    const teamPins = [
        ...(custom.pipPackages ?? []).map((p) => [p, 'pip-packages']),
        ...(custom.requirements
            ? options.requirementsPins(custom.requirements).map((p) => [p, `requirements ${custom.requirements}`])
            : []),
    ];
    const seen = new Set(wheels.map((w) => w.project));
    for (const [requirement, from] of teamPins) {
        const pin = (0,frameworks_framework/* exactPin */.ns)(requirement);
        if (!pin || seen.has(normaliseProject(pin.project)))
            continue;
        seen.add(normaliseProject(pin.project));
        wheels.push({
            project: normaliseProject((0,customisation/* requirementName */.xV)(pin.project)),
            version: pin.version,
            atLeast: false,
            indexes: teamIndexes,
            alternatives: [],
            sdistOk: true,
            firstIndex: !fromBase,
            from,
        });
    }
    const images = [{ reference: entry.baseImage, role: 'base image' }];
    if (!fromBase)
        images.push({ reference: options.uvImage, role: 'uv image' });
    return { entry, target, wheels, images, notes: [] };
}
function judge(needs, answers) {
    const missing = [];
    const warnings = [...needs.notes];
    let confirmed = 0;
    for (const w of needs.wheels) {
        const outcome = wheelOutcome(w, needs.target, answers);
        if (outcome.missing)
            missing.push(outcome.missing);
        else if (outcome.found)
            confirmed++;
        warnings.push(...outcome.warnings);
    }
    for (const image of needs.images) {
        const a = answers.image(image.reference);
        if (!a)
            warnings.push(`${image.role} ${image.reference}: not asked`);
        else if ('unknown' in a)
            warnings.push(`${image.role} ${image.reference}: could not be checked (${a.unknown})`);
        else if (!a.exists) {
            const near = a.nearest.length ? `; it has ${a.nearest.map((t) => `:${t}`).join(', ')}` : '';
            missing.push(`${image.role} ${image.reference} ${a.why}${near}`);
        }
        else
            confirmed++;
    }
    const total = needs.wheels.length + needs.images.length;
    // ok only when everything was confirmed; what could not be asked leaves the entry unchecked, not failed.
    const status = missing.length ? 'missing' : confirmed === total && total > 0 ? 'ok' : 'unchecked';
    return { tag: needs.entry.tag, key: needs.entry.key, status, missing, warnings, checked: total, confirmed };
}
/** One wheel's outcome: what is missing (nothing when it installs, or could not be checked), and warnings. */
function wheelOutcome(w, target, answers) {
    const warnings = [];
    const what = `${w.project} ${w.atLeast ? '>=' : ''}${w.version}`;
    const py = target.python.endsWith('t') ? `cp${target.python.replace(/[.t]/g, '')}t` : `cp${target.python.replace('.', '')}`;
    const findings = [];
    let unreadable = false;
    for (const index of w.indexes) {
        const a = answers.listing(listingKey(index, w.project));
        if (!a) {
            unreadable = true;
            continue;
        }
        if ('error' in a) {
            unreadable = true;
            warnings.push(`${what} (${w.from}): could not read ${listingKey(index, w.project)} (${a.error})`);
            continue;
        }
        if ('absent' in a) {
            findings.push(`${index} has no project ${w.project}`);
            continue;
        }
        const found = match(w, target, a.listing);
        if (found.ok) {
            if (found.yanked)
                warnings.push(`${what} (${w.from}): the file on ${index} is yanked; installers take it only for an exact pin`);
            return { found: true, warnings };
        }
        findings.push(`${index}: ${found.why}`);
        // uv takes a project from the first index that has it, and looks no further (its default
        // index strategy, first-index); pip looks at every index.
        if (w.firstIndex)
            break;
    }
    // An index that could not be read might have had it: a warning, not a failure.
    if (unreadable || findings.length === 0)
        return { warnings };
    const elsewhere = w.alternatives.filter((alt) => {
        const a = answers.listing(listingKey(alt, w.project));
        return a !== undefined && 'listing' in a && match(w, target, a.listing).ok;
    });
    const hint = elsewhere.length ? `; ${elsewhere.join(', ')} ${elsewhere.length === 1 ? 'has' : 'have'} it` : '';
    return {
        missing: `${what} (${w.from}) has no ${w.sdistOk ? 'wheel or sdist' : 'wheel'} for ${py} ${target.machine}: ` +
            `${findings.join('; ')}${hint}`,
        warnings,
    };
}
/** Whether the listing has a file that installs; if not, why not, with the nearest that exists. */
function match(w, target, listing) {
    const wheels = [];
    const sdists = [];
    for (const f of listing.files) {
        const name = parseWheelName(f.filename);
        if (name) {
            if (name.project === w.project)
                wheels.push({ name, yanked: f.yanked });
            continue;
        }
        const v = sdistVersion(f.filename, w.project);
        if (v)
            sdists.push({ version: v, yanked: f.yanked });
    }
    const wanted = (v) => (w.atLeast ? check_atLeast(v, w.version) : versionMatches(v, w.version));
    // A yanked file is taken only for an exact pin (PEP 592); a floor passes it by.
    const atVersion = wheels.filter((x) => wanted(x.name.version) && !(w.atLeast && x.yanked));
    const fitting = atVersion.filter((x) => wheelMismatch(x.name, target) === null);
    const pick = fitting.find((x) => !x.yanked) ?? fitting[0];
    if (pick)
        return { ok: true, yanked: pick.yanked };
    const sdist = w.sdistOk ? sdists.filter((s) => wanted(s.version) && !(w.atLeast && s.yanked)) : [];
    if (sdist.length)
        return { ok: true, yanked: sdist.every((s) => s.yanked) };
    if (atVersion.length) {
        const platformOnly = atVersion.filter((x) => wheelMismatch(x.name, target) === 'platform');
        if (platformOnly.length) {
            const platforms = unique(platformOnly.flatMap((x) => x.name.platforms));
            return { ok: false, why: `its ${w.version} wheels for this Python are for ${shortList(platforms)}` };
        }
        const pythons = unique(atVersion.flatMap((x) => pythonLabel(x.name)));
        return { ok: false, why: `${w.version} has wheels for ${shortList(pythons)} only` };
    }
    // The version is not there: the newest that would install, for a hint.
    const installable = unique(wheels.filter((x) => wheelMismatch(x.name, target) === null).map((x) => publicVersion(x.name.version))).sort(compareVersions);
    const newest = installable[installable.length - 1];
    const near = newest ? ` (newest for this Python there: ${newest})` : wheels.length ? ' (no version there for this Python)' : '';
    return { ok: false, why: `no ${w.version}${near}` };
}
/** Names read from an index or a registry, made safe to print: only what tags and versions use. */
function printable(text) {
    const t = text.replace(/[^A-Za-z0-9_.+!/-]/g, '?');
    return t.length > 80 ? `${t.slice(0, 80)}…` : t;
}
function unique(list) {
    return [...new Set(list.map(printable))];
}
function shortList(list) {
    return list.length > 6 ? `${list.slice(0, 6).join(', ')} and ${list.length - 6} more` : list.join(', ');
}
function check_atLeast(candidate, floor) {
    // A pre-release is not picked for a floor without one (pip and uv skip them by default).
    if (isPreRelease(candidate) && !isPreRelease(floor))
        return false;
    return compareVersions(candidate, floor) >= 0;
}

;// CONCATENATED MODULE: ./src/effects/image-check.ts



/**
 * Whether an image the build pulls exists, for the platform, asked of its registry. A tag the
 * registry says is not there is a failure, with the tags it has that look alike (NVIDIA removes
 * nvidia/cuda tags once a newer update of the same CUDA version is out); a registry that cannot
 * be reached, or refuses an anonymous read, is a warning naming it.
 */
const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];
async function checkImage(reference, registry, platform) {
    let ref;
    try {
        ref = (0,image_reference/* parseImageReference */.o_)(reference, 'image');
    }
    catch (err) {
        return { exists: false, why: `is not an image reference (${err.message})`, nearest: [] };
    }
    const where = `${ref.repo.registry}/${ref.repo.path}`;
    try {
        const head = await registry.head(ref.repo, ref.digest ?? ref.tag);
        if (!head) {
            const nearest = ref.digest ? [] : await nearestTags(registry, ref.repo, ref.tag);
            return {
                exists: false,
                why: ref.digest ? `does not exist (${where} has no ${ref.digest})` : `does not exist (${where} has no tag ${ref.tag})`,
                nearest,
            };
        }
        if (INDEX_TYPES.includes(head.mediaType)) {
            const manifest = await registry.get(ref.repo, ref.digest ?? ref.tag);
            const platforms = manifest ? platformsOf(manifest.body) : [];
            const wanted = `${platform.os}/${platform.architecture}`;
            if (platforms.length && !platforms.includes(wanted)) {
                return { exists: false, why: `has no ${wanted} image (it has ${platforms.map(printable).join(', ')})`, nearest: [] };
            }
        }
        return { exists: true, digest: head.digest || null };
    }
    catch (err) {
        const status = err instanceof effects_registry/* RegistryError */.gl ? err.status : null;
        if (status === 401 || status === 403) {
            return { unknown: `${ref.repo.registry} answered ${status}: a private image without a login here, or no such repository` };
        }
        return { unknown: `${ref.repo.registry} could not be asked: ${err.message.slice(0, 300)}` };
    }
}
/** "linux/amd64", ... as an image index lists them; attestation manifests (unknown/unknown) left out. */
function platformsOf(body) {
    try {
        const doc = JSON.parse(body.toString('utf8'));
        return [
            ...new Set((doc.manifests ?? [])
                .map((m) => `${m.platform?.os ?? 'unknown'}/${m.platform?.architecture ?? 'unknown'}`)
                .filter((p) => p !== 'unknown/unknown')),
        ];
    }
    catch {
        return [];
    }
}
/**
 * Tags shaped like the missing one (its version numbers aside), closest first: for
 * 13.2.0-cudnn-runtime-ubuntu24.04, 13.2.1-cudnn-runtime-ubuntu24.04. At most three; none when the
 * tags cannot be listed.
 */
async function nearestTags(registry, repo, tag) {
    let tags;
    try {
        tags = await registry.tags(repo);
    }
    catch {
        return [];
    }
    const shape = (t) => t.replace(/\d+(\.\d+)*/g, '#');
    const wanted = shape(tag);
    const common = (t) => {
        let i = 0;
        while (i < t.length && t[i] === tag[i])
            i++;
        return i;
    };
    return tags
        .filter((t) => t !== tag && shape(t) === wanted)
        .sort((a, b) => common(b) - common(a) || (a < b ? 1 : -1))
        .slice(0, 3)
        .map(printable);
}

;// CONCATENATED MODULE: ./src/verify/index-page.ts
/**
 * A project's page on a package index, read from either form the simple repository API serves:
 * PEP 691 JSON (`application/vnd.pypi.simple.v1+json`) or PEP 503 HTML (anchors whose text is the
 * file name). Pure: the page is text an index sent back, so it is untrusted: its size is bounded
 * before it gets here, malformed pages are an error naming the index, and nothing in it is run.
 */
/** Most files a page may list (PyPI's largest projects list tens of thousands). */
const MAX_FILES = 200_000;
const JSON_TYPE = 'application/vnd.pypi.simple.v1+json';
/** What the client asks for: JSON first, the HTML forms after (PEP 691's content negotiation). */
const ACCEPT = `${JSON_TYPE}, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01`;
class IndexPageError extends Error {
}
/** The page as the index sent it; `contentType` decides the form. */
function parseIndexPage(body, contentType, pageUrl) {
    const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (type === JSON_TYPE || type === 'application/json')
        return { files: parseJson(body, pageUrl), format: 'json' };
    return { files: parseHtml(body, pageUrl), format: 'html' };
}
function parseJson(body, pageUrl) {
    let doc;
    try {
        doc = JSON.parse(body);
    }
    catch (err) {
        throw new IndexPageError(`not valid JSON (${err.message.slice(0, 100)})`);
    }
    const files = doc?.files;
    if (!Array.isArray(files))
        throw new IndexPageError('a PEP 691 page without a "files" list');
    if (files.length > MAX_FILES)
        throw new IndexPageError(`lists ${files.length} files, more than ${MAX_FILES}`);
    const out = [];
    for (const f of files) {
        if (typeof f?.filename !== 'string' || typeof f.url !== 'string') {
            throw new IndexPageError('a PEP 691 file without a filename and url');
        }
        const url = absolute(f.url, pageUrl);
        if (!url)
            continue;
        const meta = f['core-metadata'] ?? f['dist-info-metadata'];
        out.push({ filename: f.filename, url, metadata: Boolean(meta), yanked: Boolean(f.yanked) });
    }
    return out;
}
const ATTRIBUTE = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))|([\w-]+)/g;
/**
 * The anchors of a page, in one pass: an attribute value may hold `>` (`data-requires-python=">=3.8"`
 * unescaped, as some mirrors write it), and a page that never closes a tag or a quote ends the scan
 * instead of making it start again at every `<a` (a regular expression would, quadratically).
 */
function* index_page_anchors(body) {
    const lower = body.toLowerCase();
    let at = 0;
    for (;;) {
        const open = lower.indexOf('<a', at);
        if (open < 0)
            return;
        if (!/\s/.test(lower[open + 2] ?? '')) {
            at = open + 2;
            continue;
        }
        let i = open + 3;
        let quote = null;
        for (; i < body.length; i++) {
            const c = body[i];
            if (quote) {
                if (c === quote)
                    quote = null;
            }
            else if (c === '"' || c === "'")
                quote = c;
            else if (c === '>')
                break;
        }
        if (i >= body.length)
            return;
        const close = lower.indexOf('</a', i + 1);
        if (close < 0)
            return;
        yield { attrs: body.slice(open + 3, i), text: stripTags(body.slice(i + 1, close)) };
        at = close + 3;
    }
}
/** Text without its tags, as /<[^>]*>/g would leave it, in one pass: that regex is quadratic on a run of '<' with no '>'. */
function stripTags(html) {
    let out = '';
    for (let i = 0; i < html.length;) {
        const lt = html.indexOf('<', i);
        const gt = lt < 0 ? -1 : html.indexOf('>', lt + 1);
        if (gt < 0)
            return out + html.slice(i);
        out += html.slice(i, lt);
        i = gt + 1;
    }
    return out;
}
function parseHtml(body, pageUrl) {
    const out = [];
    for (const a of index_page_anchors(body)) {
        if (out.length >= MAX_FILES)
            throw new IndexPageError(`lists more than ${MAX_FILES} files`);
        const attrs = attributes(a.attrs);
        const href = attrs.get('href');
        if (!href)
            continue;
        const url = absolute(decodeEntities(href), pageUrl);
        if (!url)
            continue;
        const text = decodeEntities(a.text.trim());
        // The anchor's text is the file name (PEP 503); else the URL's last part, where it decodes.
        const filename = text || lastPart(url);
        if (!filename)
            continue;
        const meta = attrs.get('data-core-metadata') ?? attrs.get('data-dist-info-metadata');
        out.push({ filename, url, metadata: meta !== undefined && meta !== 'false', yanked: attrs.has('data-yanked') });
    }
    if (out.length === 0 && !/<html|<a\s|<!doctype/i.test(body)) {
        throw new IndexPageError('neither a PEP 503 HTML page nor PEP 691 JSON');
    }
    return out;
}
function lastPart(url) {
    try {
        return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    }
    catch {
        return '';
    }
}
function attributes(text) {
    const map = new Map();
    for (const a of text.matchAll(ATTRIBUTE)) {
        if (a[5])
            map.set(a[5].toLowerCase(), '');
        else if (a[1])
            map.set(a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
    }
    return map;
}
function decodeEntities(s) {
    return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (whole, e) => {
        const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
        const lower = e.toLowerCase();
        if (named[lower])
            return named[lower];
        const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    });
}
/** The link resolved against the page, without its fragment; null for anything but http(s). */
function absolute(href, pageUrl) {
    try {
        const u = new URL(href, pageUrl);
        if (u.protocol !== 'https:' && u.protocol !== 'http:')
            return null;
        u.hash = '';
        return u.href;
    }
    catch {
        return null;
    }
}

// EXTERNAL MODULE: ./src/effects/http.ts
var http = __nccwpck_require__(760);
;// CONCATENATED MODULE: ./src/effects/package-index.ts



const MAX_REDIRECTS = 5;
class PackageIndexClient {
    /** requests sent (redirects and retries each count), for the benchmark */
    requests = 0;
    pages = new Map();
    active = 0;
    waiting = [];
    maxBytes;
    timeoutMs;
    concurrency;
    retries;
    maxRetryAfterMs;
    constructor(options = {}) {
        this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
        this.timeoutMs = options.timeoutMs ?? 30_000;
        this.concurrency = options.concurrency ?? 16;
        this.retries = options.retries ?? 2;
        this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
    }
    /** The page at `url` (a project's page: <index>/<project>/), fetched once and shared. */
    listing(url) {
        let page = this.pages.get(url);
        if (!page) {
            page = this.limited(() => this.fetchPage(url));
            this.pages.set(url, page);
        }
        return page;
    }
    async limited(task) {
        while (this.active >= this.concurrency)
            await new Promise((r) => this.waiting.push(r));
        this.active++;
        try {
            return await task();
        }
        finally {
            this.active--;
            this.waiting.shift()?.();
        }
    }
    async fetchPage(url) {
        let res;
        try {
            res = await this.getRetrying(url);
        }
        catch (err) {
            return { error: err.message };
        }
        const { status, headers, body, finalUrl } = res;
        if (status === 404 || status === 410)
            return { absent: true };
        if (status < 200 || status >= 300)
            return { error: `HTTP ${status}` };
        try {
            return { listing: parseIndexPage(body.toString('utf8'), headers['content-type'] ?? '', finalUrl) };
        }
        catch (err) {
            if (err instanceof IndexPageError)
                return { error: `not an index page: ${err.message}` };
            throw err;
        }
    }
    /**
     * Bytes of a file (a wheel's tail, its METADATA): the whole file, or a range (`bytes=-65536`,
     * `bytes=100-200`). Errors are thrown: the caller says what it was reading.
     */
    async bytes(url, range) {
        return this.limited(async () => {
            const res = await this.getRetrying(url, range ? { Range: range } : {});
            if (res.status !== 200 && res.status !== 206)
                throw new Error(`${url}: HTTP ${res.status}`);
            if (res.status === 200 && range) {
                // The server sent the whole file instead of the range: the range is cut from it here, so
                // that callers read the same bytes either way.
                const whole = res.body.length;
                const m = /^bytes=(\d*)-(\d*)$/.exec(range);
                const start = m?.[1] ? Number(m[1]) : Math.max(0, whole - Number(m?.[2] ?? 0));
                const end = m?.[1] && m[2] ? Math.min(Number(m[2]), whole - 1) : whole - 1;
                return { status: 206, body: res.body.subarray(start, end + 1), total: whole };
            }
            const total = Number(/\/(\d+)$/.exec(res.headers['content-range'] ?? '')?.[1] ?? (res.status === 200 ? res.body.length : NaN));
            return { status: res.status, body: res.body, total: Number.isFinite(total) ? total : null };
        });
    }
    /**
     * A GET tried again on a 429 or 5xx answer (after its Retry-After, for 429 and 503, within
     * maxRetryAfterMs) and on a network error, `retries` times; a page too large or a redirect
     * loop is final.
     */
    async getRetrying(url, headers = {}) {
        for (let attempt = 0;; attempt++) {
            try {
                const res = await this.get(url, headers);
                if ((res.status === 429 || res.status >= 500) && attempt < this.retries) {
                    await sleep((0,http/* retryWaitMs */.Ko)(res, attempt, 300, this.maxRetryAfterMs));
                    continue;
                }
                return res;
            }
            catch (err) {
                if (err instanceof PageTooLarge || err instanceof TooManyRedirects || attempt >= this.retries)
                    throw err;
                await sleep((0,retry/* backoffMs */.jo)(attempt + 1, 300));
            }
        }
    }
    /** One GET, redirects followed, the body read within the bounds. */
    async get(start, extraHeaders = {}) {
        let url = start;
        const seen = new Set();
        for (let hops = 0;; hops++) {
            this.requests++;
            const res = await withTimeout((0,http/* httpStream */.ZQ)(url, { headers: { Accept: ACCEPT, ...extraHeaders }, idleTimeoutMs: this.timeoutMs }), this.timeoutMs, `no answer from ${url} within ${this.timeoutMs} ms`);
            if (res.status >= 300 && res.status < 400 && res.headers.location) {
                res.body.destroy();
                const next = new URL(res.headers.location, url);
                if (next.protocol !== 'https:' && next.protocol !== 'http:')
                    throw new TooManyRedirects(`${url} redirects to a ${next.protocol} URL`);
                if (hops >= MAX_REDIRECTS || seen.has(next.href)) {
                    throw new TooManyRedirects(`${start} redirects in a loop or more than ${MAX_REDIRECTS} times`);
                }
                seen.add(url);
                url = next.href;
                continue;
            }
            const body = await this.read(res, url);
            return { status: res.status, headers: res.headers, body, finalUrl: url };
        }
    }
    async read(res, url) {
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > this.maxBytes) {
            res.body.destroy();
            throw new PageTooLarge(`${url} is ${declared} bytes, more than the ${this.maxBytes} a page may be`);
        }
        const chunks = [];
        let size = 0;
        const deadline = setTimeout(() => res.body.destroy(new Error(`${url} took more than ${this.timeoutMs} ms`)), this.timeoutMs);
        try {
            for await (const chunk of res.body) {
                size += chunk.length;
                if (size > this.maxBytes) {
                    res.body.destroy();
                    throw new PageTooLarge(`${url} sent more than the ${this.maxBytes} bytes a page may be`);
                }
                chunks.push(chunk);
            }
        }
        finally {
            clearTimeout(deadline);
        }
        return Buffer.concat(chunks);
    }
}
class PageTooLarge extends Error {
}
class TooManyRedirects extends Error {
}
function sleep(ms) {
    return new Promise((r) => setTimeout(r, ms));
}
async function withTimeout(p, ms, message) {
    let timer;
    try {
        return await Promise.race([p, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]);
    }
    finally {
        clearTimeout(timer);
    }
}

;// CONCATENATED MODULE: ./src/commands/verify.ts





/** The platform every reader assumes today (linux/arm64 comes with the multi-platform work). */
const PLATFORM = { os: 'linux', architecture: 'amd64', machine: 'x86_64' };
/** verify's command: every entry of the plan, all at once. */
async function verifyCommand(plan, data, options, rt) {
    const verifier = new Verifier(data, options, rt);
    await verifier.verify(plan.include);
    return verifier.report();
}
/**
 * Verifies entries, sharing what it has fetched: build asks for one entry at a time, right before
 * building it (an entry that is up to date needs nothing fetched), and pages and images asked for
 * by one entry are not fetched again for the next.
 */
class Verifier {
    data;
    options;
    rt;
    indexes = new PackageIndexClient();
    registry;
    listings = new Map();
    images = new Map();
    pins = new Map();
    verdicts = new Map();
    order = [];
    started = Date.now();
    constructor(data, options, rt) {
        this.data = data;
        this.options = options;
        this.rt = rt;
        this.registry = new effects_registry/* RegistryClient */.bP(rt.env, 1, rt.mask, undefined, (m) => rt.log.warning(m));
    }
    /** The entries' verdicts, in their order; the answers they need fetched concurrently, once each. */
    async verify(entries) {
        const needs = entries.map((entry) => entryNeeds(entry, this.data, {
            uvImage: this.options.uvImage,
            ownDockerfile: this.options.ownDockerfile,
            machine: PLATFORM.machine,
            requirementsPins: (file) => {
                let got = this.pins.get(file);
                if (!got)
                    this.pins.set(file, (got = (0,build_source/* readRequirementsTree */.x_)(file, this.rt.baseDir).pins));
                return got;
            },
        }));
        const listings = new Map();
        const images = new Map();
        const fetchListings = (keys) => Promise.all([...new Set(keys)].map(async (k) => void listings.set(k, await this.listing(k))));
        await Promise.all([
            fetchListings(needs.flatMap((n) => n.wheels.flatMap((w) => w.indexes.map((i) => listingKey(i, w.project))))),
            ...[...new Set(needs.flatMap((n) => n.images.map((i) => i.reference)))].map(async (ref) => void images.set(ref, await this.image(ref))),
        ]);
        const answers = { listing: (k) => listings.get(k), image: (r) => images.get(r) };
        // Only for what is missing: the other indexes that may have it, for the hint.
        await fetchListings(needs.flatMap((n) => n.wheels
            .filter((w) => w.alternatives.length && wheelOutcome(w, n.target, answers).missing)
            .flatMap((w) => w.alternatives.map((a) => listingKey(a, w.project)))));
        return needs.map((n) => {
            const verdict = judge(n, answers);
            if (!this.verdicts.has(verdict.key))
                this.order.push(verdict.key);
            this.verdicts.set(verdict.key, verdict);
            return verdict;
        });
    }
    /**
     * What the build already asked of a registry (its base-image lookup), so that verify does not ask
     * again: a found base is not looked up twice (nor its image index read, a pull on Docker Hub).
     */
    know(reference, answer) {
        this.images.set(reference, Promise.resolve(answer));
    }
    /** What was verified so far, in the order it was asked for. */
    report() {
        return {
            verdicts: this.order.map((k) => this.verdicts.get(k)),
            requests: { indexes: this.indexes.requests, registries: this.registry.requests },
            seconds: (Date.now() - this.started) / 1000,
        };
    }
    listing(key) {
        let got = this.listings.get(key);
        if (!got)
            this.listings.set(key, (got = this.indexes.listing(key)));
        return got;
    }
    image(reference) {
        let got = this.images.get(reference);
        if (!got)
            this.images.set(reference, (got = checkImage(reference, this.registry, PLATFORM)));
        return got;
    }
}

// EXTERNAL MODULE: ./src/compat/load.ts + 5 modules
var load = __nccwpck_require__(3440);
// EXTERNAL MODULE: ./src/compat/validate.ts
var validate = __nccwpck_require__(8638);
;// CONCATENATED MODULE: ./src/refresh/wheel-metadata.ts

/** Where the central directory is, read from the archive's last bytes (`tail` starts at `tailStart`). */
function centralDirectory(tail, tailStart, archiveSize) {
    // EOCD: signature 0x06054b50, 22 bytes plus a comment of at most 65535.
    for (let i = tail.length - 22; i >= 0 && i >= tail.length - 22 - 65535; i--) {
        if (tail.readUInt32LE(i) !== 0x06054b50)
            continue;
        let size = tail.readUInt32LE(i + 12);
        let offset = tail.readUInt32LE(i + 16);
        if (offset === 0xffffffff || size === 0xffffffff) {
            // Zip64: the locator just before the EOCD names the zip64 EOCD record.
            const loc = i - 20;
            if (loc < 0 || tail.readUInt32LE(loc) !== 0x07064b50)
                throw new ZipError('a zip64 archive without its locator');
            const recordAt = Number(tail.readBigUInt64LE(loc + 8)) - tailStart;
            if (recordAt < 0 || recordAt + 56 > tail.length || tail.readUInt32LE(recordAt) !== 0x06064b50) {
                throw new ZipError('the zip64 end record is not where its locator says');
            }
            size = Number(tail.readBigUInt64LE(recordAt + 40));
            offset = Number(tail.readBigUInt64LE(recordAt + 48));
        }
        if (offset + size > archiveSize || offset < 0)
            throw new ZipError('the central directory lies outside the archive');
        return { offset, size };
    }
    throw new ZipError('no end-of-central-directory record in the last bytes: not a zip archive');
}
/** The `*.dist-info/METADATA` entry of the central directory (`dir` is the whole directory). */
function metadataEntry(dir, archiveSize) {
    let at = 0;
    const found = [];
    while (at + 46 <= dir.length) {
        if (dir.readUInt32LE(at) !== 0x02014b50)
            throw new ZipError('a broken central directory');
        const method = dir.readUInt16LE(at + 10);
        let compressedSize = dir.readUInt32LE(at + 20);
        const nameLength = dir.readUInt16LE(at + 28);
        const extraLength = dir.readUInt16LE(at + 30);
        const commentLength = dir.readUInt16LE(at + 32);
        let localHeaderOffset = dir.readUInt32LE(at + 42);
        const end = at + 46 + nameLength + extraLength + commentLength;
        if (end > dir.length)
            throw new ZipError('a central directory entry runs past the directory');
        const name = dir.toString('utf8', at + 46, at + 46 + nameLength);
        if (compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
            const zip64 = zip64Extra(dir.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), {
                size: dir.readUInt32LE(at + 24) === 0xffffffff,
                compressed: compressedSize === 0xffffffff,
                offset: localHeaderOffset === 0xffffffff,
            });
            compressedSize = zip64.compressed ?? compressedSize;
            localHeaderOffset = zip64.offset ?? localHeaderOffset;
        }
        if (/^[^/]+\.dist-info\/METADATA$/.test(name))
            found.push({ name, method, compressedSize, localHeaderOffset });
        at = end;
    }
    if (found.length !== 1)
        throw new ZipError(found.length ? 'two METADATA files' : 'no *.dist-info/METADATA in the archive');
    const entry = found[0];
    if (entry.method !== 0 && entry.method !== 8)
        throw new ZipError(`METADATA is compressed with method ${entry.method}`);
    if (entry.localHeaderOffset + 30 + entry.compressedSize > archiveSize)
        throw new ZipError('METADATA lies outside the archive');
    if (entry.compressedSize > MAX_METADATA_BYTES)
        throw new ZipError(`METADATA is ${entry.compressedSize} bytes, more than ${MAX_METADATA_BYTES}`);
    return entry;
}
/** How far the entry's data starts after its local header, read from the header's first 30 bytes. */
function localDataStart(header) {
    if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50)
        throw new ZipError('no local file header where the directory says');
    return 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}
function zip64Extra(extra, has) {
    let at = 0;
    while (at + 4 <= extra.length) {
        const id = extra.readUInt16LE(at);
        const len = extra.readUInt16LE(at + 2);
        if (id === 0x0001) {
            let p = at + 4;
            const next = () => {
                if (p + 8 > at + 4 + len || p + 8 > extra.length)
                    throw new ZipError('a zip64 extra field shorter than its sizes');
                const v = Number(extra.readBigUInt64LE(p));
                p += 8;
                return v;
            };
            if (has.size)
                next();
            const compressed = has.compressed ? next() : undefined;
            const offset = has.offset ? next() : undefined;
            return { ...(compressed !== undefined ? { compressed } : {}), ...(offset !== undefined ? { offset } : {}) };
        }
        at += 4 + len;
    }
    return {};
}
/** The most METADATA read: torch's is a few KB. */
const MAX_METADATA_BYTES = 1024 * 1024;
class ZipError extends Error {
}
/** The core metadata fields refresh reads (an email-header format: "Key: value" lines until a blank one). */
function parseMetadata(text) {
    const meta = { name: '', version: '', requiresDist: [] };
    for (const line of text.split(/\r?\n/)) {
        if (line === '')
            break; // the description follows
        const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
        if (!m)
            continue;
        const key = m[1].toLowerCase();
        const value = m[2].trim();
        if (key === 'name')
            meta.name = value;
        else if (key === 'version')
            meta.version = value;
        else if (key === 'requires-dist')
            meta.requiresDist.push(value);
    }
    return meta;
}
/**
 * The exact version a metadata pins a project at, with no environment marker that excludes Linux
 * x86_64 ("torch==2.4.1", "nvidia-cudnn-cu12==9.1.0.70; platform_system == \"Linux\" ..."), or null.
 */
function pinnedVersion(meta, project) {
    for (const req of meta.requiresDist) {
        const [spec, marker = ''] = req.split(';');
        if (/platform_system\s*==\s*["'](Windows|Darwin)["']|sys_platform\s*==\s*["'](win32|darwin)["']|extra\s*==/.test(marker))
            continue;
        // Pins for another machine ("platform_machine == 'aarch64'"): refresh reads x86_64 wheels.
        if (/platform_machine\s*==\s*["'](?!x86_64["'])/.test(marker))
            continue;
        // The old "name (==1.0)" form and spaces aside, a Requires-Dist pin reads as a requirement does.
        const pin = (0,frameworks_framework/* exactPin */.ns)(spec.replace(/[\s()]/g, ''));
        if (pin && project.test(pin.project))
            return pin;
    }
    return null;
}

;// CONCATENATED MODULE: ./src/effects/wheel-metadata.ts


/**
 * A wheel's METADATA, never the whole wheel: the `.metadata` file PEP 658 puts beside it where
 * the index says it has one, else three HTTP range reads of the wheel (its tail, its central
 * directory when the tail does not hold it, the METADATA entry), as pip and uv do.
 */
async function readWheelMetadata(file, client) {
    if (file.metadata) {
        const { body } = await client.bytes(`${file.url}.metadata`);
        if (body.length > MAX_METADATA_BYTES)
            throw new ZipError(`${file.filename}.metadata is larger than ${MAX_METADATA_BYTES} bytes`);
        return parseMetadata(body.toString('utf8'));
    }
    // The end record is 22 bytes plus a comment of at most 65535.
    const tail = await client.bytes(file.url, `bytes=-${22 + 65535 + 20}`);
    if (tail.total === null)
        throw new ZipError(`${file.url} answered a range request without the file's length`);
    const size = tail.total;
    const tailStart = tail.status === 206 ? size - tail.body.length : 0;
    const cd = centralDirectory(tail.body, tailStart, size);
    const dir = cd.offset >= tailStart
        ? tail.body.subarray(cd.offset - tailStart, cd.offset - tailStart + cd.size)
        : (await client.bytes(file.url, `bytes=${cd.offset}-${cd.offset + cd.size - 1}`)).body;
    const entry = metadataEntry(dir, size);
    // The local header's name and extra field come before the data; 1 KiB more covers them in one read.
    const first = await client.bytes(file.url, `bytes=${entry.localHeaderOffset}-${Math.min(size, entry.localHeaderOffset + 30 + 1024 + entry.compressedSize) - 1}`);
    const start = localDataStart(first.body);
    const data = start + entry.compressedSize <= first.body.length
        ? first.body.subarray(start, start + entry.compressedSize)
        : (await client.bytes(file.url, `bytes=${entry.localHeaderOffset + start}-${entry.localHeaderOffset + start + entry.compressedSize - 1}`)).body;
    const text = entry.method === 8 ? (0,external_node_zlib_.inflateRawSync)(data, { maxOutputLength: MAX_METADATA_BYTES }) : data;
    return parseMetadata(text.toString('utf8'));
}

// EXTERNAL MODULE: ./src/compat/variant.ts
var variant = __nccwpck_require__(2899);
;// CONCATENATED MODULE: ./src/refresh/torch.ts



/** Linux x86_64 CPython wheels of `project`, by stable version ("2.4.1+cu124" -> "2.4.1"). */
function versionsOn(files, project) {
    const out = new Map();
    for (const f of files) {
        const w = parseWheelName(f.filename);
        if (!w || w.project !== project)
            continue;
        const version = publicVersion(w.version);
        if (!semver_default().valid(version) || semver_default().prerelease(version))
            continue;
        if (!w.platforms.some((p) => /^(linux|manylinux\w*)_x86_64$/.test(p)))
            continue;
        const slot = out.get(version) ?? { pythons: new Set(), freeThreaded: new Set(), files: [] };
        for (const py of w.pythons) {
            const m = /^cp3(\d+)$/.exec(py);
            if (!m)
                continue;
            const minor = `3.${m[1]}`;
            if (w.abis.includes(`${py}t`))
                slot.freeThreaded.add(minor);
            else
                slot.pythons.add(minor);
        }
        slot.files.push(f);
        out.set(version, slot);
    }
    return out;
}
/** The wheel variants to ask for: every one the data knows, cpu, and the next CUDA minors and major. */
function variantsToProbe(data) {
    const known = new Set(data.torch.flatMap((r) => r.cuda.variants));
    const byMajor = new Map();
    for (const v of known) {
        const [major, minor] = (0,variant/* cudaVersionOfVariant */.O)(v).split('.').map(Number);
        byMajor.set(major, Math.max(byMajor.get(major) ?? 0, minor));
    }
    const newest = Math.max(...byMajor.keys());
    const next = [...byMajor].flatMap(([major, minor]) => [`cu${major}${minor + 1}`, `cu${major}${minor + 2}`]);
    return [...new Set([...known, ...next, `cu${newest + 1}0`, 'cpu'])].sort(byVariant);
}
function byVariant(a, b) {
    if (a === 'cpu' || b === 'cpu')
        return a === 'cpu' ? 1 : -1;
    return Number(a.slice(2)) - Number(b.slice(2));
}
/** The torch patches the data already knows. */
function knownPatches(data) {
    return new Set(data.torch.flatMap((r) => r.patches.map((p) => p.torch)));
}
/**
 * Release entries for the new patches: a known minor gets them added (everything else kept), a new
 * minor is made from what was read, with what could not be read taken from the previous minor and
 * marked inferred. Variants without a CUDA entry in the data are left out (they need a driver).
 */
function torchReleases(data, found, notes) {
    const cudaKnown = new Set(data.cuda.map((c) => c.version));
    const byMinor = new Map();
    for (const f of found) {
        const minor = `${semver_default().major(f.torch)}.${semver_default().minor(f.torch)}`;
        byMinor.set(minor, [...(byMinor.get(minor) ?? []), f]);
    }
    const out = [];
    for (const [minor, patches] of byMinor) {
        const bundled = data.torch.find((r) => r.minor === minor);
        const previous = [...data.torch]
            .filter((r) => semver_default().lt(`${r.minor}.0`, `${minor}.0`))
            .sort((a, b) => semver_default().rcompare(`${a.minor}.0`, `${b.minor}.0`))[0];
        const usable = (v) => {
            if (v === 'cpu')
                return false;
            if (cudaKnown.has((0,variant/* cudaVersionOfVariant */.O)(v)))
                return true;
            notes.push(`torch ${minor}: ${v} wheels exist, but the data has no CUDA ${(0,variant/* cudaVersionOfVariant */.O)(v)} entry ` +
                '(image tags, driver): add one with compat-file');
            return false;
        };
        const newestPatch = [...patches].sort((a, b) => semver_default().rcompare(a.torch, b.torch))[0];
        const variants = [...newestPatch.variants.keys()].filter(usable).sort(byVariant);
        if (!variants.length)
            continue;
        const patchEntries = patches.map((f) => ({
            torch: f.torch,
            torchvision: f.torchvision,
            torchaudio: f.torchaudio,
            ...(f.provenance.torchvision || f.provenance.torchaudio ? { provenance: { ...f.provenance } } : {}),
        }));
        if (bundled) {
            // A new patch of a known minor: added beside the others, nothing else changed.
            const merged = [...bundled.patches, ...patchEntries].sort((a, b) => semver_default().rcompare(a.torch, b.torch));
            out.push({ ...structuredClone(bundled), patches: merged });
            continue;
        }
        const pythons = [...new Set(variants.flatMap((v) => [...(newestPatch.variants.get(v) ?? [])]))].sort(byMinorNumber);
        const cudnn = {};
        let cudnnInferred = false;
        for (const v of variants) {
            const read = newestPatch.cudnn.get(v);
            const prior = previous?.cuda.cudnn[v] ?? previous?.cuda.cudnn[previous.cuda.variants[previous.cuda.variants.length - 1]];
            if (read)
                cudnn[v] = read;
            else if (prior) {
                cudnn[v] = prior;
                cudnnInferred = true;
            }
        }
        const withCudnn = variants.filter((v) => cudnn[v]);
        const defaultRead = newestPatch.pypiDefault && withCudnn.includes(newestPatch.pypiDefault) ? newestPatch.pypiDefault : null;
        const pypiDefault = defaultRead ??
            (previous && withCudnn.includes(previous.cuda.pypiDefault) ? previous.cuda.pypiDefault : withCudnn[withCudnn.length - 1]);
        const without = {};
        for (const [v, libs] of newestPatch.without)
            if (withCudnn.includes(v) && libs.length)
                without[v] = libs;
        out.push({
            minor,
            status: 'stable',
            python: {
                supported: pythons,
                experimental: [],
                ...(newestPatch.freeThreaded.size ? { freeThreaded: [...newestPatch.freeThreaded].sort(byMinorNumber) } : {}),
            },
            cuda: { variants: withCudnn, pypiDefault, cudnn, ...(Object.keys(without).length ? { without } : {}) },
            ...(previous?.numpy && semver_default().lt(`${minor}.0`, '2.3.0') ? { numpy: previous.numpy } : {}),
            patches: patchEntries.sort((a, b) => semver_default().rcompare(a.torch, b.torch)),
            provenance: {
                python: 'read',
                cuda: cudnnInferred ? 'inferred' : 'read',
                pypiDefault: defaultRead ? 'read' : 'inferred',
                ...(Object.keys(without).length ? { without: 'read' } : {}),
                ...(newestPatch.freeThreaded.size ? { freeThreaded: 'read' } : {}),
            },
            notes: [`found by refresh on the PyTorch index (${[...newestPatch.variants.keys()].sort(byVariant).join(', ')})`],
        });
    }
    return out;
}
function byMinorNumber(a, b) {
    return Number(a.split('.')[1]) - Number(b.split('.')[1]);
}
/**
 * CUDA entries whose images are gone: NVIDIA keeps only the newest update of a CUDA version, so
 * when `<release>-<cudnn>-runtime-ubuntu<v>` is missing and a later update has that tag, the entry
 * moves to it.
 */
function cudaUpdates(data, tags, notes) {
    const out = [];
    for (const c of data.cuda) {
        const tagOf = (release, ubuntu) => `${release}-${c.image.cudnnToken ? `${c.image.cudnnToken}-` : ''}runtime-ubuntu${ubuntu}`;
        const missing = c.image.ubuntu.filter((u) => !tags.has(tagOf(c.release, u)));
        if (!missing.length)
            continue;
        const updates = [
            ...new Set([...tags].map((t) => new RegExp(`^(${c.version.replace('.', '\\.')}\\.\\d+)-`).exec(t)?.[1]).filter((r) => Boolean(r))),
        ]
            .filter((r) => semver_default().gt(r, c.release))
            .sort((semver_default()).rcompare);
        const update = updates.find((r) => c.image.ubuntu.every((u) => tags.has(tagOf(r, u))));
        if (update) {
            notes.push(`CUDA ${c.version}: the ${c.release} images are gone; ${update} has them ` +
                `(${c.image.ubuntu.map((u) => tagOf(update, u)).join(', ')})`);
            out.push({ ...structuredClone(c), release: update, provenance: { ...c.provenance, image: 'read' } });
        }
        else {
            notes.push(`CUDA ${c.version}: no ${missing.map((u) => tagOf(c.release, u)).join(', ')} and no later update with them: check the data by hand`);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/commands/refresh.ts















const LIBRARIES = ['torchvision', 'torchaudio'];
async function refreshCommand(data, options, rt) {
    const client = new PackageIndexClient();
    const warnings = [];
    const notes = [];
    const root = options.torchIndex.replace(/\/+$/, '');
    const listing = async (url) => {
        const a = await client.listing(url);
        if ('listing' in a)
            return a.listing.files;
        if ('error' in a)
            warnings.push(`could not read ${url}: ${a.error}`);
        return null;
    };
    // 1. torch on every variant worth asking for.
    const variants = variantsToProbe(data);
    const torchOn = new Map();
    await Promise.all(variants.map(async (v) => {
        const files = await listing(listingKey(`${root}/${v}`, 'torch'));
        if (files)
            torchOn.set(v, versionsOn(files, 'torch'));
    }));
    rt.log.info(`refresh: torch found on ${[...torchOn.keys()].join(', ') || 'no variant'} of ${root}`);
    // 2. Patches the data does not know, on some CUDA variant, for minors the data covers or newer.
    const known = knownPatches(data);
    const oldest = data.torch.map((r) => `${r.minor}.0`).sort((semver_default()).compare)[0] ?? '0.0.0';
    const found = new Map();
    for (const [variant, versions] of torchOn) {
        for (const [version, slot] of versions) {
            if (known.has(version) || semver_default().lt(version, oldest) || !slot.pythons.size)
                continue;
            const f = found.get(version) ?? blankPatch(version);
            f.variants.set(variant, slot.pythons);
            for (const py of slot.freeThreaded)
                f.freeThreaded.add(py);
            found.set(version, f);
        }
    }
    const newest = newestPerMinor([...found.values()]);
    // 3. cuDNN from the newest patch's torch wheel on each CUDA variant; the PyPI default from PyPI's wheel.
    await Promise.all(newest.flatMap((f) => [...f.variants.keys()]
        .filter((v) => v !== 'cpu')
        .map(async (v) => {
        const file = pickFile(torchOn.get(v)?.get(f.torch)?.files ?? []);
        const meta = file ? await metadataOf(file, client, warnings) : null;
        const cudnn = meta ? pinnedVersion(meta, /^nvidia-cudnn-cu\d+$/i) : null;
        if (cudnn)
            f.cudnn.set(v, cudnn.version);
    })));
    const pypiTorch = newest.length ? await listing(listingKey(options.pypiIndex, 'torch')) : null;
    if (pypiTorch) {
        const onPypi = versionsOn(pypiTorch, 'torch');
        await Promise.all(newest.map(async (f) => {
            const file = pickFile(onPypi.get(f.torch)?.files ?? []);
            const meta = file ? await metadataOf(file, client, warnings) : null;
            const runtime = meta ? pinnedVersion(meta, /^nvidia-cuda-runtime(-cu\d+)?$/i) : null;
            const m = runtime ? /^(\d+)\.(\d+)/.exec(runtime.version) : null;
            if (m)
                f.pypiDefault = `cu${m[1]}${m[2]}`;
        }));
    }
    // 4. torchvision and torchaudio: which version pairs with each new torch, read from their Requires-Dist.
    for (const lib of LIBRARIES) {
        const paired = new Set(data.torch.flatMap((r) => r.patches.map((p) => p[lib]).filter((v) => v !== null)));
        const libOn = new Map();
        const libVariants = [...new Set([...found.values()].flatMap((f) => [...f.variants.keys()]))];
        await Promise.all(libVariants.map(async (v) => {
            const files = await listing(listingKey(`${root}/${v}`, lib));
            libOn.set(v, files ? versionsOn(files, lib) : new Map());
        }));
        // One wheel per version not paired yet, from any variant that has it.
        const candidates = new Map();
        for (const versions of libOn.values()) {
            for (const [version, slot] of versions) {
                const file = pickFile(slot.files);
                if (!paired.has(version) && file && !candidates.has(version))
                    candidates.set(version, file);
            }
        }
        const torchOf = new Map();
        await Promise.all([...candidates].map(async ([version, file]) => {
            const meta = await metadataOf(file, client, warnings);
            const torch = meta ? pinnedVersion(meta, /^torch$/i) : null;
            if (torch)
                torchOf.set(publicVersion(torch.version), version);
        }));
        // torchaudio 2.11.0 is its last release, built on the stable ABI: later torch pairs with it
        // (the data's notes), and its metadata pins no exact torch. Without a pin, the newest the data pairs.
        const newestPaired = data.torch
            .flatMap((r) => r.patches)
            .sort((a, b) => semver_default().rcompare(a.torch, b.torch))
            .find((p) => p[lib] !== null)?.[lib];
        const onIndex = (v) => Boolean(v && [...libOn.values()].some((m) => m.has(v)));
        for (const f of found.values()) {
            const read = torchOf.get(f.torch);
            const version = read ?? (lib === 'torchaudio' && onIndex(newestPaired) ? newestPaired : null);
            f[lib] = version;
            if (version)
                f.provenance[lib] = read ? 'read' : 'inferred';
            for (const v of f.variants.keys()) {
                if (version && !libOn.get(v)?.has(version))
                    f.without.set(v, [...(f.without.get(v) ?? []), lib]);
            }
        }
    }
    // 5. nvidia/cuda's tags: updates that replaced the data's point releases.
    let cuda = [];
    const registry = new effects_registry/* RegistryClient */.bP(rt.env, 1, rt.mask, undefined, (m) => rt.log.warning(m));
    try {
        const repo = (0,image_reference/* parseImageReference */.o_)(options.cudaRepository, 'cuda-image-repository').repo;
        cuda = cudaUpdates(data, new Set(await registry.tags(repo, 20)), notes);
    }
    catch (err) {
        warnings.push(`could not list the tags of ${options.cudaRepository}: ${err.message.slice(0, 300)}`);
    }
    // 6. TensorFlow and JAX: newer releases on PyPI, named for a person to transcribe.
    for (const [project, id] of [
        ['tensorflow', 'tensorflow'],
        ['jax', 'jax'],
    ]) {
        const files = await listing(listingKey(options.pypiIndex, project));
        if (!files)
            continue;
        const versions = new Set(files
            .map((f) => parseWheelName(f.filename))
            .filter((w) => w?.project === project)
            .map((w) => publicVersion(w.version))
            .filter((v) => semver_default().valid(v) && !semver_default().prerelease(v)));
        const newestKnown = (0,frameworks/* frameworkById */.pl)(id).releases(data)[0]?.version ?? '0.0.0';
        const newer = [...versions].filter((v) => semver_default().gt(v, newestKnown)).sort((semver_default()).compare);
        if (newer.length)
            notes.push(`${project}: ${newer.join(', ')} on ${options.pypiIndex}, newer than the data's ${newestKnown}: ` +
                'not transcribed (their CUDA pins need a person; add them with compat-file)');
    }
    const torch = torchReleases(data, [...found.values()], notes);
    const override = {
        schemaVersion: 1,
        sources: [
            `gpu-image-matrix refresh ${rt.now().toISOString().slice(0, 10)}: ${root}, ${options.pypiIndex}, ${options.cudaRepository} tags`,
        ],
        ...(torch.length ? { torch } : {}),
        ...(cuda.length ? { cuda } : {}),
    };
    // An existing out file is updated: what it held stays, a release refresh found again is replaced.
    let file = null;
    let written = override;
    if (options.out) {
        file = external_node_path_default().resolve(rt.baseDir, options.out);
        if ((0,external_node_fs_.existsSync)(file))
            written = updateCompatFile((0,external_node_fs_.readFileSync)(file, 'utf8'), file, override);
    }
    // What is written must load: merged and validated as a compat-file would be.
    (0,load/* mergeCompatFile */.P6)(data, JSON.stringify(written), 'the data refresh made');
    if (file) {
        try {
            (0,external_node_fs_.writeFileSync)(file, `${JSON.stringify(written, null, 2)}\n`);
        }
        catch (err) {
            throw new errors/* UserError */.yo(`out: could not write ${file}: ${err.message}`);
        }
    }
    const markdown = refreshMarkdown([...found.values()], torch.length + cuda.length, notes, warnings, file);
    return { data: override, markdown, file, changes: found.size + cuda.length };
}
/** The compat-file at `file` with `found` merged over it (torch by minor, CUDA by version), its sources kept. */
function updateCompatFile(text, file, found) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (err) {
        throw new errors/* UserError */.yo(`out: ${file} exists and is not JSON (${err.message}); refresh updates a compat-file or writes a new one`);
    }
    const before = (0,validate/* validateOverride */.Jb)(json, file);
    const merged = { ...before };
    for (const [section, id] of [
        ['torch', 'minor'],
        ['cuda', 'version'],
    ]) {
        const added = found[section] ?? [];
        const kept = (before[section] ?? []).filter((old) => !added.some((n) => n[id] === old[id]));
        if (kept.length || added.length)
            merged[section] = [...kept, ...added];
    }
    merged.sources = [...(before.sources ?? []), ...(found.sources ?? [])].slice(-20);
    return merged;
}
function blankPatch(torch) {
    return {
        torch,
        variants: new Map(),
        freeThreaded: new Set(),
        cudnn: new Map(),
        torchvision: null,
        torchaudio: null,
        provenance: {},
        without: new Map(),
        pypiDefault: null,
    };
}
function newestPerMinor(found) {
    const best = new Map();
    for (const f of found) {
        const minor = `${semver_default().major(f.torch)}.${semver_default().minor(f.torch)}`;
        const b = best.get(minor);
        if (!b || semver_default().gt(f.torch, b.torch))
            best.set(minor, f);
    }
    return [...best.values()];
}
/** One wheel whose metadata is cheapest to read: one with a .metadata file beside it, else any. */
function pickFile(files) {
    return files.find((f) => f.metadata && !f.yanked) ?? files.find((f) => !f.yanked) ?? files[0];
}
async function metadataOf(file, client, warnings) {
    try {
        return await readWheelMetadata(file, client);
    }
    catch (err) {
        warnings.push(`could not read the metadata of ${file.filename}: ${err.message.slice(0, 300)}`);
        return null;
    }
}
function refreshMarkdown(found, entries, notes, warnings, file) {
    const out = [
        `### gpu-image-matrix refresh: ${found.length} new torch patch${found.length === 1 ? '' : 'es'}, ` +
            `${entries} data entr${entries === 1 ? 'y' : 'ies'} written`,
    ];
    if (file)
        out.push('', `Written to \`${file}\` (a compat-file).`);
    if (found.length) {
        out.push('', '| torch | variants (Pythons) | torchvision | torchaudio | cuDNN | PyPI default |', '|---|---|---|---|---|---|');
        for (const f of [...found].sort((a, b) => semver_default().rcompare(a.torch, b.torch))) {
            const variants = [...f.variants]
                .map(([v, py]) => `${v} (${[...py].sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).join(', ')})`)
                .join('<br>');
            const lib = (l) => {
                const missing = [...f.without].filter(([, libs]) => libs.includes(l)).map(([v]) => v);
                const inferred = f.provenance[l] === 'inferred' ? ' (inferred)' : '';
                return `${f[l] ?? 'none'}${inferred}${missing.length ? `, not on ${missing.join(', ')}` : ''}`;
            };
            const cudnn = [...f.cudnn].map(([v, c]) => `${v} ${c}`).join('<br>') || '-';
            out.push(`| ${f.torch} | ${variants} | ${lib('torchvision')} | ${lib('torchaudio')} | ${cudnn} | ${f.pypiDefault ?? '-'} |`);
        }
    }
    if (notes.length)
        out.push('', ...notes.map((n) => `- ${n}`));
    if (warnings.length)
        out.push('', '**Could not be read:**', ...warnings.map((w) => `- ${w}`));
    if (!found.length && !notes.length)
        out.push('', 'Nothing new: the bundled data matches the indexes and registry.');
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/commands/index.ts








/** Run the request's command. Both entry points call this and nothing else. */
async function runCommand(request, runtime) {
    switch (request.command) {
        case 'plan':
            return { plan: (0,commands_plan/* planCommand */.V)(request) };
        case 'refresh': {
            if (!request.refresh)
                throw new errors/* UserError */.yo('command refresh needs its settings');
            return {
                plan: { include: [], skipped: [], warnings: [] },
                refresh: await refreshCommand((0,commands_plan/* compatFor */.a)(request), request.refresh, runtime),
            };
        }
        case 'verify': {
            if (!request.verify)
                throw new errors/* UserError */.yo('command verify needs its settings');
            const plan = (0,commands_plan/* planCommand */.V)(request);
            return { plan, verify: await verifyCommand(plan, (0,commands_plan/* compatFor */.a)(request), request.verify, runtime) };
        }
        case 'build':
            return buildAndMaybeSmoke(request, runtime, false);
        case 'all':
            return buildAndMaybeSmoke(request, runtime, true);
        case 'smoke': {
            if (!request.smoke || !request.smokeTargets)
                throw new errors/* UserError */.yo('command smoke needs its settings');
            const plan = (0,commands_plan/* planCommand */.V)(request);
            const t = request.smokeTargets;
            const images = (0,options/* smokeImages */.i)(plan.include, t.imagesJson, t.image, t.fields);
            return { plan, smoke: await smokeCommand(plan, images, request.smoke, (0,commands_plan/* compatFor */.a)(request), runtime) };
        }
        case 'repro': {
            if (!request.build || !request.repro)
                throw new errors/* UserError */.yo('command repro needs the build settings (image, ...)');
            const plan = (0,commands_plan/* planCommand */.V)(request);
            return { plan, repro: await reproCommand(plan, request.build, request.repro, runtime) };
        }
    }
}
async function buildAndMaybeSmoke(request, runtime, withSmoke) {
    if (!request.build)
        throw new errors/* UserError */.yo(`command ${request.command} needs the build settings (image, ...)`);
    const plan = (0,commands_plan/* planCommand */.V)(request);
    // An entry that has to be built is verified first (one that is up to date needs nothing fetched):
    // what cannot build (a wheel or an image that is not there) fails before any docker work.
    const verifier = request.verify?.enabled ? new Verifier((0,commands_plan/* compatFor */.a)(request), request.verify, runtime) : undefined;
    const images = await buildCommand(plan, request.build, runtime, verifier);
    const verify = verifier?.report();
    const smoke = request.smoke;
    if (!withSmoke || !smoke || smoke.mode === 'false')
        return { plan, images, ...(verify ? { verify } : {}) };
    // Asked once: auto decides on it, and the smoke test's preflight reuses it.
    const host = smoke.expectGpu ? await hostFacts(runtime) : undefined;
    if (smoke.mode === 'auto' && host && host.gpus.length === 0) {
        runtime.log.info('smoke test skipped: smoke is auto and this runner has no GPU (set smoke: ' +
            'true to run it anyway, or expect-gpu: false for the CPU check)');
        return { plan, images, ...(verify ? { verify } : {}) };
    }
    const targets = new Map();
    for (const r of images) {
        if ((r.status === 'built' || r.status === 'skipped') && r.tags[0])
            targets.set(r.key, (0,options/* pinned */.dp)(r.tags[0], request.build.push ? r.digest : null));
    }
    // Entries that failed to build are not smoke-tested: the build already failed them.
    const built = { ...plan, include: plan.include.filter((e) => targets.has(e.key)) };
    const smoked = await smokeCommand(built, targets, smoke, (0,commands_plan/* compatFor */.a)(request), runtime, host);
    return { plan, images, smoke: smoked, ...(verify ? { verify } : {}) };
}


/***/ }),

/***/ 4483:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ planCommand),
/* harmony export */   a: () => (/* binding */ compatFor)
/* harmony export */ });
/* harmony import */ var _compat_load_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3440);
/* harmony import */ var _custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7147);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(3916);
/* harmony import */ var _frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7882);
/* harmony import */ var _matrix_resolve_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6749);
/* harmony import */ var _matrix_spec_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(9778);
/* harmony import */ var _template_dockerfile_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(6142);







/**
 * `plan`: the request's matrix spec resolved against the release data (bundled, plus
 * compat-file). With `entry` (one cell of an earlier plan, as a fan-out job's
 * `toJSON(matrix)` gives it) the plan is that entry alone, resolved again and
 * checked to be the same image.
 */
function planCommand(request) {
    const data = compatFor(request);
    const customisation = request.customisation ?? (0,_custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyCustomisation */ .QG)();
    if (request.entry)
        return planOneEntry(request.entry.text, request.entry.origin, data, customisation);
    const specs = (0,_matrix_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .parseMatrixSpecs */ .D0)(request.matrix.text, request.matrix.origin);
    return withTemplateWarnings((0,_matrix_resolve_js__WEBPACK_IMPORTED_MODULE_3__/* .resolvePlans */ .Ni)(specs, data, { maxEntries: request.maxEntries, customisation }));
}
/**
 * Entries the embedded template cannot build are planned all the same (a dockerfile of one's own
 * may build them), with a warning now rather than a failed build later.
 */
function withTemplateWarnings(plan) {
    const byReason = new Map();
    for (const e of plan.include) {
        const why = (0,_template_dockerfile_js__WEBPACK_IMPORTED_MODULE_5__/* .templateCannotBuild */ .Co)(e);
        if (why)
            byReason.set(why, [...(byReason.get(why) ?? []), e.tag]);
    }
    const warnings = [...byReason].map(([why, tags]) => {
        const shown = tags.slice(0, 3).join(', ') + (tags.length > 3 ? ` and ${tags.length - 3} more` : '');
        return `${shown}: ${why}`;
    });
    return warnings.length ? { ...plan, warnings: [...plan.warnings, ...warnings] } : plan;
}
function planOneEntry(text, origin, data, inputs) {
    let cell;
    try {
        cell = JSON.parse(text);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`${origin}: not the JSON of a planned matrix entry (${err.message})`);
    }
    // Entries planned before other frameworks came have no framework field: they are PyTorch's.
    const framework = cell?.framework === undefined ? _frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .FRAMEWORKS */ .i[0] : _frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .FRAMEWORKS */ .i.find((f) => f.id === cell.framework);
    if (!framework) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`${origin}: framework ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(cell.framework)} is not one of ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .listWords */ .yh)(_frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .FRAMEWORKS */ .i.map((f) => f.id))}`);
    }
    const fields = [framework.key, 'cuda', 'python', 'os', 'flavor', 'key'];
    for (const f of fields) {
        if (typeof cell?.[f] !== 'string') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`${origin}: a planned matrix entry has ${fields.join(', ')} as strings; ` +
                `${f} is ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(cell?.[f])}. Pass toJSON(matrix) from a job whose matrix is the plan's matrix output`);
        }
    }
    // The cuda value that asks for this entry's variant (jax's is a major: its wheel extra).
    const cuda = framework.cudaRequest({
        ...cell,
        cudaVariant: typeof cell.cudaVariant === 'string' ? cell.cudaVariant : cell.cuda,
    });
    const spec = (0,_matrix_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .specFromObject */ .jp)({ include: [{ [framework.key]: cell[framework.key], cuda, python: cell.python, os: cell.os, flavor: cell.flavor }] }, origin);
    // The entry's own customisation wins over the inputs (as include items do in a plan).
    const customisation = (0,_custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeCustomisation */ .VI)(inputs, (0,_custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__/* .customisationFromEntry */ .Bi)(cell.customisation, `${origin}.customisation`));
    const plan = (0,_matrix_resolve_js__WEBPACK_IMPORTED_MODULE_3__/* .resolvePlan */ .yY)(spec, data, { maxEntries: 1, customisation });
    const entry = plan.include[0];
    if (!entry || entry.key !== cell.key) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`${origin}: entry ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(cell.key)} resolves to ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(entry?.key)} here: it was planned with other release ` +
            `data or other customisation inputs (the same compat-file, apt-packages, pip-packages, ... in both jobs?)`);
    }
    return plan;
}
function compatFor(request) {
    const bundled = (0,_compat_load_js__WEBPACK_IMPORTED_MODULE_0__/* .bundledCompat */ .RU)();
    if (!request.compatFile)
        return bundled;
    return (0,_compat_load_js__WEBPACK_IMPORTED_MODULE_0__/* .mergeCompatFile */ .P6)(bundled, request.compatFile.text, request.compatFile.origin);
}


/***/ }),

/***/ 5111:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  NX: () => (/* binding */ DRIVER),
  mL: () => (/* binding */ MINOR),
  Zw: () => (/* binding */ Problems),
  g2: () => (/* binding */ RELEASE),
  UK: () => (/* binding */ UBUNTU),
  Rj: () => (/* binding */ ascendingMinors),
  L: () => (/* binding */ checkKeys),
  RJ: () => (/* binding */ checkList),
  aU: () => (/* binding */ checkNotes),
  ch: () => (/* binding */ checkProvenance),
  Gv: () => (/* binding */ isObject),
  gx: () => (/* binding */ str),
  Sc: () => (/* binding */ strList)
});

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __nccwpck_require__(2088);
var semver_default = /*#__PURE__*/__nccwpck_require__.n(semver);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/compat/schema.ts
const PROVENANCES = ['read', 'third-party', 'inferred'];

// EXTERNAL MODULE: ./src/json.ts
var json = __nccwpck_require__(8301);
;// CONCATENATED MODULE: ./src/compat/checks.ts




class Problems {
    list = [];
    add(path, message) {
        this.list.push(`${path}: ${message}`);
    }
}
const MINOR = /^\d+\.\d+$/;
const RELEASE = /^\d+\.\d+\.\d+$/;
const UBUNTU = /^\d{2}\.\d{2}$/;
const DRIVER = /^\d+(\.\d+){0,2}$/;
function isObject(v) {
    return (0,json/* isRecord */.u)(v);
}
function checkKeys(p, path, obj, allowed) {
    for (const k of Object.keys(obj)) {
        if (!allowed.includes(k))
            p.add(`${path}.${k}`, `unknown key; accepted: ${allowed.join(', ')}`);
    }
}
function str(p, path, v, pattern, what) {
    if (typeof v !== 'string') {
        p.add(path, `expected a string${what ? ` (${what})` : ''}, got ${(0,errors/* quote */.hD)(v)}`);
        return false;
    }
    if (pattern && !pattern.test(v)) {
        p.add(path, `${(0,errors/* quote */.hD)(v)} is not ${what ?? `of the form ${pattern.source}`}`);
        return false;
    }
    return true;
}
function strList(p, path, v, pattern, what, nonEmpty = true) {
    if (!Array.isArray(v)) {
        p.add(path, `expected a list of ${what}, got ${(0,errors/* quote */.hD)(v)}`);
        return false;
    }
    if (nonEmpty && v.length === 0) {
        p.add(path, `must list at least one ${what}`);
        return false;
    }
    let ok = true;
    v.forEach((item, i) => {
        ok = str(p, `${path}[${i}]`, item, pattern, what) && ok;
    });
    if (ok && new Set(v).size !== v.length) {
        p.add(path, 'lists a value twice');
        ok = false;
    }
    return ok;
}
function checkProvenance(p, path, v, fields) {
    if (v === undefined)
        return;
    if (!isObject(v))
        return p.add(path, `expected an object, got ${(0,errors/* quote */.hD)(v)}`);
    checkKeys(p, path, v, fields);
    for (const [k, value] of Object.entries(v)) {
        if (fields.includes(k) && !PROVENANCES.includes(value)) {
            p.add(`${path}.${k}`, `${(0,errors/* quote */.hD)(value)} is not one of ${PROVENANCES.join(', ')}`);
        }
    }
}
function checkNotes(p, path, v) {
    if (v === undefined)
        return;
    if (!Array.isArray(v) || v.some((n) => typeof n !== 'string'))
        p.add(path, 'expected a list of strings');
}
/** Python or CUDA minors in ascending order: ["3.8", "3.9", "3.10"]. */
function ascendingMinors(list) {
    for (let i = 1; i < list.length; i++) {
        if (semver_default().compare(`${list[i - 1]}.0`, `${list[i]}.0`) >= 0)
            return false;
    }
    return true;
}
/** A list section: each item checked, and the id field unique. */
function checkList(p, path, v, what, id, checkItem) {
    if (!Array.isArray(v))
        return p.add(path, `expected a list of ${what}`);
    v.forEach((item, i) => checkItem(p, `${path}[${i}]`, item));
    const seen = new Set();
    v.forEach((item, i) => {
        const value = isObject(item) ? item[id] : undefined;
        if (typeof value !== 'string')
            return;
        if (seen.has(value))
            p.add(`${path}[${i}].${id}`, `${what} ${value} is listed twice`);
        seen.add(value);
    });
}


/***/ }),

/***/ 3440:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  RU: () => (/* binding */ bundledCompat),
  P6: () => (/* binding */ mergeCompatFile)
});

// UNUSED EXPORTS: mergeCompat

;// CONCATENATED MODULE: ./src/data/cuda.json
const cuda_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"about":"CUDA releases every framework builds on: the nvidia/cuda image tags (Ubuntu versions, cuDNN token) and the minimum Linux driver per toolkit release; the CPU base; the driver floor of each CUDA major (minor-version compatibility). Extend or correct it with the input compat-file (same sections).","snapshot":"nvidia/cuda image mirror e3c1b680 (2025-12-15); CUDA runfile drivers from Jimver/cuda-toolkit 3d45d15 (2026-03-29)","provenanceLegend":{"read":"read in a primary file (PyTorch or NVIDIA repositories or docs)","third-party":"read only in a third-party project","inferred":"derived from a pattern, not read anywhere: the planner warns when an entry depends on it"},"sources":["NVIDIA container-images/cuda (mirror pdtgct/cuda e3c1b680): doc/supported-tags.md, dist/<ver>/<os>/ Dockerfiles, support policy (only the newest point release per CUDA minor is kept)","CUDA toolkit release notes table 3 and the runfile names cuda_<ver>_<driver>_linux.run (Jimver/cuda-toolkit src/links/linux-links.ts) for the minimum driver per toolkit","NVIDIA CUDA minor-version compatibility docs: 11.x >= 450.80.02, 12.x >= 525.60.13, 13.x >= 580"],"cpuImage":{"ubuntu":["20.04","22.04","24.04"]},"cudaMajors":[{"major":"11","minorCompatDriver":"450.80.02"},{"major":"12","minorCompatDriver":"525.60.13"},{"major":"13","minorCompatDriver":"580"}],"cuda":[{"version":"11.6","release":"11.6.2","minDriver":"510.47.03","provenance":{"minDriver":"read","image":"read"},"image":{"ubuntu":["20.04"],"cudnnToken":"cudnn8"}},{"version":"11.7","release":"11.7.1","minDriver":"515.65.01","provenance":{"minDriver":"read","image":"read"},"image":{"ubuntu":["20.04","22.04"],"cudnnToken":"cudnn8"}},{"version":"11.8","release":"11.8.0","minDriver":"520.61.05","provenance":{"minDriver":"read","image":"read"},"image":{"ubuntu":["20.04","22.04"],"cudnnToken":"cudnn8"}},{"version":"12.1","release":"12.1.1","minDriver":"530.30.02","provenance":{"minDriver":"read","image":"read"},"image":{"ubuntu":["20.04","22.04"],"cudnnToken":"cudnn8"}},{"version":"12.4","release":"12.4.1","minDriver":"550.54.15","provenance":{"minDriver":"read","image":"read"},"image":{"ubuntu":["20.04","22.04"],"cudnnToken":"cudnn"},"notes":["12.4.0-cudnn8-* never existed (pytorch/builder#1811); 12.4.1 is the supported point release and uses the unversioned cudnn token (cuDNN 9.1.0.70)"]},{"version":"12.6","release":"12.6.3","minDriver":"560.35.05","provenance":{"minDriver":"read","image":"read"},"image":{"ubuntu":["20.04","22.04","24.04"],"cudnnToken":"cudnn"}},{"version":"12.8","release":"12.8.1","minDriver":"570.124.06","provenance":{"minDriver":"read","image":"read"},"image":{"ubuntu":["20.04","22.04","24.04"],"cudnnToken":"cudnn"}},{"version":"12.9","release":"12.9.1","minDriver":"575.57.08","provenance":{"minDriver":"read","image":"read"},"image":{"ubuntu":["20.04","22.04","24.04"],"cudnnToken":"cudnn"}},{"version":"13.0","release":"13.0.2","minDriver":"580.95.05","provenance":{"minDriver":"read","image":"read"},"image":{"ubuntu":["22.04","24.04"],"cudnnToken":"cudnn"},"notes":["no ubuntu20.04 images from 13.0 on"]},{"version":"13.2","release":"13.2.0","minDriver":"595.45.04","provenance":{"minDriver":"read","image":"inferred"},"image":{"ubuntu":["22.04","24.04"],"cudnnToken":"cudnn"},"notes":["the nvidia/cuda mirror read for this data stops at 13.1.0: the 13.2.0 image tags, their Ubuntu versions and cuDNN flavour are inferred from 13.0/13.1, not read. PyTorch\'s docker release matrix uses 13.2.0 (CUDA_CUDNN_VERSIONS)"]}]}');
;// CONCATENATED MODULE: ./src/data/jax.json
const jax_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"about":"JAX releases on Linux x86_64: Python range and the CUDA majors with a stable jax[cudaNN] extra, and per major the nvidia/cuda base the image starts from; transcribed from the research notes tf-jax-compat.md (snapshot 2026-11-29). Provenance per value: read (primary file), third-party, inferred.","sources":["jax-ml/jax @cec06d11: setup.py, CHANGELOG.md, docs/installation.md, build/nvidia-requirements.txt"],"leftOut":[{"key":"jax","versions":["0.5","0.9","0.10.0","0.10.1"],"why":"released between the tags the research read, and not transcribed (add them with compat-file)"}],"jaxCuda":{"12":{"extra":"cuda12","baseCuda":"12.8","driverFloor":"525","minComputeCapability":"5.2","provenance":{"driverFloor":"read","baseCuda":"inferred"}},"13":{"extra":"cuda13","baseCuda":"13.0","driverFloor":"580","minComputeCapability":"7.5","provenance":{"driverFloor":"read","baseCuda":"inferred"}}},"jax":[{"version":"0.4.26","released":"2024-04-03","python":["3.9","3.10","3.11","3.12"],"cuda":["12"],"provenance":{"python":"read","cuda":"read"},"notes":["CUDA 11.8 dropped (jaxlib 0.4.26)"]},{"version":"0.4.30","released":"2024-06-18","python":["3.9","3.10","3.11","3.12"],"cuda":["12"],"provenance":{"python":"read","cuda":"read"},"notes":["monolithic CUDA jaxlib dropped; plugin install only"]},{"version":"0.4.31","released":"2024-07-29","python":["3.10","3.11","3.12"],"cuda":["12"],"provenance":{"python":"read","cuda":"read"},"notes":["min cuDNN 9.1"]},{"version":"0.4.34","released":"2024-10-04","python":["3.10","3.11","3.12","3.13"],"cuda":["12"],"provenance":{"python":"read","cuda":"read"},"notes":["py3.13 wheels"]},{"version":"0.6.0","released":"2025-04-16","python":["3.10","3.11","3.12","3.13"],"cuda":["12"],"provenance":{"python":"read","cuda":"read"},"notes":["min cuDNN 9.8; built with CUDA 12.8; extras use dashes"]},{"version":"0.7.0","released":"2025-07-22","python":["3.11","3.12","3.13"],"cuda":["12"],"provenance":{"python":"read","cuda":"read"},"notes":["min Python 3.11"]},{"version":"0.7.1","released":"2025-08-20","python":["3.11","3.12","3.13","3.14"],"cuda":["12"],"provenance":{"python":"read","cuda":"read"},"notes":["py3.14/3.14t wheels; built with CUDA 12.9"]},{"version":"0.8.0","released":"2025-10-15","python":["3.11","3.12","3.13","3.14"],"cuda":["12","13"],"provenance":{"python":"read","cuda":"read"},"notes":["docs recommend jax[cuda13]"]},{"version":"0.10.2","released":"2026-06-17","python":["3.11","3.12","3.13","3.14"],"cuda":["12","13"],"provenance":{"python":"read","cuda":"read"},"notes":[]},{"version":"0.11.0","released":"2026-07-16","python":["3.12","3.13","3.14"],"cuda":["12","13"],"provenance":{"python":"read","cuda":"read"},"notes":["Python 3.11 and 3.13t dropped"]}]}');
;// CONCATENATED MODULE: ./src/data/pytorch.json
const pytorch_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"about":"PyTorch releases: torchvision/torchaudio pairings, Python range, CUDA wheel variants with their cuDNN, the PyPI default variant, and the wheel index. Extend or correct it with the input compat-file (same sections).","snapshot":"pytorch/test-infra 61a77570 (2026-08-21)","sources":["pytorch/pytorch RELEASE.md \'Release Compatibility Matrix\' (Python range, stable and experimental CUDA, cuDNN per release)","pytorch/test-infra tools/scripts/generate_binary_build_matrix.py and its history (CUDA_ARCHES_DICT, PYTHON_ARCHES_DICT, STABLE_CUDA_VERSIONS \'release\' = PyPI default variant)","pytorch/pytorch.github.io _get_started/previous-versions.md; test-infra generate_release_matrix.py RELEASE_DICT, release/release_versions.sh, tools/analytics/validate_pypi_staging.py (torch/torchvision/torchaudio pairings)","torchaudio 2.11 installation docs (torchaudio 2.11.0 serves torch 2.11 and later); pytorch/vision README version table","third-party, marked per value: replicate/monobase src/monobase/torch.py; runpod/containers docker-bake.hcl and PR #162; nvidia-holoscan/holohub#1388"],"indexUrls":{"stable":"https://download.pytorch.org/whl/{variant}","rc":"https://download.pytorch.org/whl/test/{variant}"},"torch":[{"minor":"1.13","status":"stable","python":{"supported":["3.7","3.8","3.9","3.10"],"experimental":[]},"cuda":{"variants":["cu116","cu117"],"pypiDefault":"cu117","cudnn":{"cu116":"8.3.2.44","cu117":"8.5.0.96"}},"numpy":"<2","patches":[{"torch":"1.13.0","torchvision":"0.14.0","torchaudio":"0.13.0","provenance":{"torchvision":"read","torchaudio":"read"}},{"torch":"1.13.1","torchvision":"0.14.1","torchaudio":"0.13.1","provenance":{"torchvision":"read","torchaudio":"read"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"read"},"notes":["1.13 install commands used --extra-index-url (not --index-url)","torchvision README gives Python >=3.7.2","built against NumPy 1: pytorch/builder#1770 (atalman, 2024-04-04) switched the 2.3 builds to NumPy 2.0.0rc1 and pytorch/pytorch#107302 validated 2.3.0 with numpy 2.0.0rc1 and 1.26.4, so 2.3.0 is the first NumPy-2 build on Linux; torch declares no numpy dependency while torchvision\'s is unbounded and the PyTorch index mirrors numpy 2.x (test-infra s3_management/update_dependencies.py), so numpy<2 is pinned"]},{"minor":"2.0","status":"stable","python":{"supported":["3.8","3.9","3.10","3.11"],"experimental":[]},"cuda":{"variants":["cu117","cu118"],"pypiDefault":"cu117","cudnn":{"cu117":"8.5.0.96","cu118":"8.7.0.84"}},"numpy":"<2","patches":[{"torch":"2.0.0","torchvision":"0.15.1","torchaudio":"2.0.1","provenance":{"torchvision":"read","torchaudio":"read"}},{"torch":"2.0.1","torchvision":"0.15.2","torchaudio":"2.0.2","provenance":{"torchvision":"read","torchaudio":"read"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"read"},"notes":["pip wheels for 2.0.0 are torchvision 0.15.1 / torchaudio 2.0.1; conda used 0.15.0 / 2.0.0 (previous-versions.md). cnstark and replicate/monobase record the conda numbers 0.15.0/2.0.0 for pip - do not copy that.","built against NumPy 1: pytorch/builder#1770 (atalman, 2024-04-04) switched the 2.3 builds to NumPy 2.0.0rc1 and pytorch/pytorch#107302 validated 2.3.0 with numpy 2.0.0rc1 and 1.26.4, so 2.3.0 is the first NumPy-2 build on Linux; torch declares no numpy dependency while torchvision\'s is unbounded and the PyTorch index mirrors numpy 2.x (test-infra s3_management/update_dependencies.py), so numpy<2 is pinned"]},{"minor":"2.1","status":"stable","python":{"supported":["3.8","3.9","3.10","3.11"],"experimental":[]},"cuda":{"variants":["cu118","cu121"],"pypiDefault":"cu121","cudnn":{"cu118":"8.7.0.84","cu121":"8.9.2.26"}},"numpy":"<2","patches":[{"torch":"2.1.0","torchvision":"0.16.0","torchaudio":"2.1.0","provenance":{"torchvision":"read","torchaudio":"read"}},{"torch":"2.1.1","torchvision":"0.16.1","torchaudio":"2.1.1","provenance":{"torchvision":"read","torchaudio":"read"}},{"torch":"2.1.2","torchvision":"0.16.2","torchaudio":"2.1.2","provenance":{"torchvision":"read","torchaudio":"read"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"read"},"notes":["built against NumPy 1: pytorch/builder#1770 (atalman, 2024-04-04) switched the 2.3 builds to NumPy 2.0.0rc1 and pytorch/pytorch#107302 validated 2.3.0 with numpy 2.0.0rc1 and 1.26.4, so 2.3.0 is the first NumPy-2 build on Linux; torch declares no numpy dependency while torchvision\'s is unbounded and the PyTorch index mirrors numpy 2.x (test-infra s3_management/update_dependencies.py), so numpy<2 is pinned"]},{"minor":"2.2","status":"stable","python":{"supported":["3.8","3.9","3.10","3.11"],"experimental":["3.12"]},"cuda":{"variants":["cu118","cu121"],"pypiDefault":"cu121","cudnn":{"cu118":"8.7.0.84","cu121":"8.9.2.26"}},"numpy":"<2","patches":[{"torch":"2.2.0","torchvision":"0.17.0","torchaudio":"2.2.0","provenance":{"torchvision":"read","torchaudio":"read"}},{"torch":"2.2.1","torchvision":"0.17.1","torchaudio":"2.2.1","provenance":{"torchvision":"read","torchaudio":"read"}},{"torch":"2.2.2","torchvision":"0.17.2","torchaudio":"2.2.2","provenance":{"torchvision":"read","torchaudio":"read"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"read"},"notes":["built against NumPy 1: pytorch/builder#1770 (atalman, 2024-04-04) switched the 2.3 builds to NumPy 2.0.0rc1 and pytorch/pytorch#107302 validated 2.3.0 with numpy 2.0.0rc1 and 1.26.4, so 2.3.0 is the first NumPy-2 build on Linux; torch declares no numpy dependency while torchvision\'s is unbounded and the PyTorch index mirrors numpy 2.x (test-infra s3_management/update_dependencies.py), so numpy<2 is pinned"]},{"minor":"2.3","status":"stable","python":{"supported":["3.8","3.9","3.10","3.11"],"experimental":["3.12"]},"cuda":{"variants":["cu118","cu121"],"pypiDefault":"cu121","cudnn":{"cu118":"8.7.0.84","cu121":"8.9.2.26"}},"patches":[{"torch":"2.3.0","torchvision":"0.18.0","torchaudio":"2.3.0","provenance":{"torchvision":"read","torchaudio":"read"}},{"torch":"2.3.1","torchvision":"0.18.1","torchaudio":"2.3.1","provenance":{"torchvision":"read","torchaudio":"read"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"read"},"notes":[]},{"minor":"2.4","status":"stable","python":{"supported":["3.8","3.9","3.10","3.11","3.12"],"experimental":[]},"cuda":{"variants":["cu118","cu121","cu124"],"pypiDefault":"cu121","cudnn":{"cu118":"9.1.0.70","cu121":"9.1.0.70","cu124":"9.1.0.70"}},"patches":[{"torch":"2.4.0","torchvision":"0.19.0","torchaudio":"2.4.0","provenance":{"torchvision":"read","torchaudio":"read"}},{"torch":"2.4.1","torchvision":"0.19.1","torchaudio":"2.4.1","provenance":{"torchvision":"read","torchaudio":"read"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"read"},"notes":[]},{"minor":"2.5","status":"stable","python":{"supported":["3.9","3.10","3.11","3.12"],"experimental":["3.13"]},"cuda":{"variants":["cu118","cu121","cu124"],"pypiDefault":"cu124","cudnn":{"cu118":"9.1.0.70","cu121":"9.1.0.70","cu124":"9.1.0.70"}},"patches":[{"torch":"2.5.0","torchvision":"0.20.0","torchaudio":"2.5.0","provenance":{"torchvision":"read","torchaudio":"read"}},{"torch":"2.5.1","torchvision":"0.20.1","torchaudio":"2.5.1","provenance":{"torchvision":"read","torchaudio":"read"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"read"},"notes":["torchaudio docs list Python >=3.8,<=3.11 for torchaudio 2.5.0 (conflicts with torch\'s 3.9-3.12); treat torch\'s range as authoritative for torch wheels"]},{"minor":"2.6","status":"stable","python":{"supported":["3.9","3.10","3.11","3.12","3.13"],"experimental":[],"freeThreaded":["3.13"]},"cuda":{"variants":["cu118","cu124","cu126"],"pypiDefault":"cu124","cudnn":{"cu118":"9.1.0.70","cu124":"9.1.0.70","cu126":"9.5.1.17"}},"patches":[{"torch":"2.6.0","torchvision":"0.21.0","torchaudio":"2.6.0","provenance":{"torchvision":"read","torchaudio":"read"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"read","freeThreaded":"read"},"notes":["no 2.6.x patch release (cadence table: \'Not planned\')","free-threaded 3.13t Linux wheels from 2.6 (pytorch/pytorch#130249, support matrix: Release 2.6, Linux, 3.13t)"]},{"minor":"2.7","status":"stable","python":{"supported":["3.9","3.10","3.11","3.12","3.13"],"experimental":[],"freeThreaded":["3.13"]},"cuda":{"variants":["cu118","cu126","cu128"],"pypiDefault":"cu126","cudnn":{"cu118":"9.1.0.70","cu126":"9.5.1.17","cu128":"9.7.1.26"}},"patches":[{"torch":"2.7.0","torchvision":"0.22.0","torchaudio":"2.7.0","provenance":{"torchvision":"read","torchaudio":"read"}},{"torch":"2.7.1","torchvision":"0.22.1","torchaudio":"2.7.1","provenance":{"torchvision":"third-party","torchaudio":"read"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"read","freeThreaded":"inferred"},"notes":["first release with Blackwell (sm_100/sm_120) kernels, cu128 only; per runpod/containers smoke-test notes, wheels <=2.6 have no Blackwell kernels","torchvision 0.22.1 for torch 2.7.1 read only in third-party sources (replicate/monobase, runpod/containers)","free-threaded 3.13t Linux wheels: marked tentative for 2.7 in pytorch/pytorch#130249 [inferred]"]},{"minor":"2.8","status":"stable","python":{"supported":["3.9","3.10","3.11","3.12","3.13"],"experimental":[]},"cuda":{"variants":["cu126","cu128","cu129"],"pypiDefault":"cu128","cudnn":{"cu126":"9.10.2.21","cu128":"9.10.2.21","cu129":"9.10.2.21"}},"patches":[{"torch":"2.8.0","torchvision":"0.23.0","torchaudio":"2.8.0","provenance":{"torchvision":"third-party","torchaudio":"read"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"read"},"notes":["CUDA 11.8 dropped (test-infra #6727); no 2.8.x patch release","torchvision 0.23.0 read in runpod/containers TORCH_META and as an example in test-infra release/pypi/promote_wheel_variants.sh"]},{"minor":"2.9","status":"stable","python":{"supported":["3.10","3.11","3.12","3.13","3.14"],"experimental":[]},"cuda":{"variants":["cu126","cu128","cu130"],"pypiDefault":"cu128","cudnn":{"cu126":"9.10.2.21","cu128":"9.10.2.21","cu130":"9.13.0.50"}},"patches":[{"torch":"2.9.0","torchvision":"0.24.0","torchaudio":"2.9.0","provenance":{"torchvision":"third-party","torchaudio":"read"}},{"torch":"2.9.1","torchvision":"0.24.1","torchaudio":"2.9.1","provenance":{"torchvision":"third-party","torchaudio":"read"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"read"},"notes":["Python 3.9 dropped; first CUDA 13.0 wheels","UNVERIFIED: third parties (runpod/containers docker-bake.hcl whl_src=129 for torch 2.9.0/2.9.1) install 2.9.x from the cu129 index; test-infra ea334aba3 re-enabled CUDA 12.9 for domain-library nightly/test only (pytorch/pytorch#165165). RELEASE.md does not list 12.9 for 2.9","torchvision 0.24.0/0.24.1 read in runpod/containers and nvidia-holoscan/holohub#1388; minor mapping 2.9->0.24 read in torchvision README copy"]},{"minor":"2.10","status":"stable","python":{"supported":["3.10","3.11","3.12","3.13","3.14"],"experimental":[]},"cuda":{"variants":["cu126","cu128","cu130"],"pypiDefault":"cu128","cudnn":{"cu126":"9.10.2.21","cu128":"9.10.2.21","cu130":"9.15.1.9"}},"patches":[{"torch":"2.10.0","torchvision":"0.25.0","torchaudio":"2.10.0","provenance":{"torchvision":"read","torchaudio":"read"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"read"},"notes":["NCCL 2.27.5 (12.x) / 2.28.9 (13.0) per RELEASE.md","no 2.10.x patch release planned","UNVERIFIED: rapidsai/rmm pins torch==2.10.0+cu129"]},{"minor":"2.11","status":"stable","python":{"supported":["3.10","3.11","3.12","3.13","3.14"],"experimental":[]},"cuda":{"variants":["cu126","cu128","cu130"],"pypiDefault":"cu130","cudnn":{"cu126":"9.10.2.21","cu128":"9.17.1.4","cu130":"9.17.1.4"}},"patches":[{"torch":"2.11.0","torchvision":"0.26.0","torchaudio":"2.11.0","provenance":{"torchvision":"read","torchaudio":"read"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"read"},"notes":["PyPI default switches to CUDA 13.0 (test-infra STABLE_CUDA_VERSIONS release=13.0)","torchaudio 2.11.0 is its last release; built on the stable ABI, docs say it works with torch 2.11 and every later torch"]},{"minor":"2.12","status":"stable","python":{"supported":["3.10","3.11","3.12","3.13","3.14"],"experimental":[]},"cuda":{"variants":["cu126","cu130","cu132"],"pypiDefault":"cu130","cudnn":{"cu126":"9.10.2.21","cu130":"9.20.0.48","cu132":"9.20.0.48"},"without":{"cu132":["torchaudio"]}},"patches":[{"torch":"2.12.0","torchvision":"0.27.0","torchaudio":"2.11.0","provenance":{"torchvision":"inferred","torchaudio":"read"}},{"torch":"2.12.1","torchvision":"0.27.1","torchaudio":"2.11.0","provenance":{"torchvision":"read","torchaudio":"read"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"read","without":"third-party"},"notes":["3.13t dropped (test-infra #8065); CUDA 12.8 removed from the release matrix","UNVERIFIED: runpod/containers#162 says cu129 wheels exist for 2.12.1/2.13.0 (\'cu129 stays in both release matrices\'); not found in PyTorch\'s own files read here","torchaudio has no 2.12 release: pair with torchaudio 2.11.0 (test-infra release_versions.sh: PYTORCH 2.12.1 / TORCHVISION 0.27.1 / TORCHAUDIO 2.11.0)","torchvision 0.27.0 for torch 2.12.0 is inferred from the README minor mapping 2.12->0.27 (also stated in runpod/containers#162)","torchaudio is left out of cu132 entries: https://download.pytorch.org/whl/cu132/torchaudio/ has only wheels up to 2.2.0 (pytorch/pytorch#193651, reporter\'s listing, 2026-08-15; pytorch/audio#4194), and PyTorch\'s own release Dockerfile skips torchaudio for cu132 (pytorch/pytorch#183336, atalman, 2026-05-11: \'torchaudio 2.11.0 are not yet publish wheels against the CUDA 13.2 index\'). The torchaudio on whl/test/cu132 is the cu130 build relabelled (test-infra release/repackage_torchaudio_cu130_to_cu132.py); torchaudio 2.11.1 accepts a CUDA minor mismatch (pytorch/audio v2.11.1 notes, #4226) but is not known to be on the cu132 index"]},{"minor":"2.13","status":"stable","python":{"supported":["3.10","3.11","3.12","3.13","3.14"],"experimental":[]},"cuda":{"variants":["cu126","cu130","cu132"],"pypiDefault":"cu130","cudnn":{"cu126":"9.10.2.21","cu130":"9.20.0.48","cu132":"9.20.0.48"},"without":{"cu132":["torchaudio"]}},"patches":[{"torch":"2.13.0","torchvision":"0.28.0","torchaudio":"2.11.0","provenance":{"torchvision":"read","torchaudio":"read"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"read","without":"third-party"},"notes":["torchvision 0.28.0+cu132 installs from the cu132 index (pytorch/pytorch#193651); torchvision README minor mapping 2.13->0.28","KNOWN GAP: torchaudio is absent from https://download.pytorch.org/whl/cu132/ (only stale <=2.2.0 wheels) per pytorch/pytorch#193651 (open, 2026-08-15) although test-infra has release/repackage_torchaudio_cu130_to_cu132.py","CUDA arch support for 2.12-2.14 (RELEASE.md): 12.6.3 sm_50..sm_90; 13.0.2/13.2.1 sm_75..sm_120 (+PTX linux)","Python 3.15 is listed as experimental in RELEASE.md but test-infra keeps it out of the release channel (CPython pre-release); left out here","torchaudio is left out of cu132 entries: https://download.pytorch.org/whl/cu132/torchaudio/ has only wheels up to 2.2.0 (pytorch/pytorch#193651, reporter\'s listing, 2026-08-15; pytorch/audio#4194), and PyTorch\'s own release Dockerfile skips torchaudio for cu132 (pytorch/pytorch#183336, atalman, 2026-05-11: \'torchaudio 2.11.0 are not yet publish wheels against the CUDA 13.2 index\'). The torchaudio on whl/test/cu132 is the cu130 build relabelled (test-infra release/repackage_torchaudio_cu130_to_cu132.py); torchaudio 2.11.1 accepts a CUDA minor mismatch (pytorch/audio v2.11.1 notes, #4226) but is not known to be on the cu132 index"]},{"minor":"2.14","status":"rc","python":{"supported":["3.10","3.11","3.12","3.13","3.14"],"experimental":["3.15"]},"cuda":{"variants":["cu126","cu130","cu132"],"pypiDefault":"cu130","cudnn":{"cu126":"9.10.2.21","cu130":"9.24.0.43","cu132":"9.24.0.43"}},"patches":[{"torch":"2.14.0","torchvision":"0.29.0","torchaudio":"2.11.0","provenance":{"torchvision":"inferred","torchaudio":"inferred"}}],"provenance":{"python":"read","cuda":"read","pypiDefault":"inferred"},"notes":["torchvision 0.29.0 is inferred from the +1 pattern; not read anywhere","test channel CUDA list in test-infra HEAD: 12.6, 13.0, 13.2, 13.4 (13.4 nightly/test only, not Windows, not advertised)","Python 3.15 kept experimental: test-infra\'s release channel lists 3.10-3.14 only"]}]}');
;// CONCATENATED MODULE: ./src/data/refreshed.json
const refreshed_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"sources":[]}');
;// CONCATENATED MODULE: ./src/data/tensorflow.json
const tensorflow_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"about":"TensorFlow GPU builds on Linux x86_64: Python range, the CUDA and cuDNN each release was built and tested with, how it gets its CUDA libraries, its base image and driver; transcribed from the research notes tf-jax-compat.md and tf-compat.json (snapshot 2026-11-29). Provenance per value: read (primary file), third-party, inferred.","sources":["tensorflow/docs site/en/install/source.md @7c3650212 (tested build configurations)","tensorflow/tensorflow setup.py @4dacf3f3 (r2.14 and-cuda pins)","Spack py_tensorflow @06604c5e (latest patches, third-party)"],"leftOut":[{"key":"tensorflow","versions":["2.22"],"why":"its CUDA and cuDNN are not in the tested-build table (2.22.0rc0 is known from third-party notes only; its status was unknown on 2026-11-29)"},{"key":"tensorflow-gpu","why":"a stub that fails to install from 2.12; tensorflow is the GPU package"}],"tensorflow":[{"minor":"2.10","status":"stable","patches":["2.10.0","2.10.1"],"python":["3.7","3.8","3.9","3.10"],"cuda":"11.2","cudnn":"8.1","numpy":"<2","install":"system-cuda","cudaLibraries":[],"baseImage":"nvidia/cuda:11.2.2-cudnn8-runtime-ubuntu20.04","cudaFull":"11.2.2","os":"ubuntu20.04","minDriver":"460.27.03","minorCompatDriver":"450.80.02","provenance":{"python":"read","cuda":"read","patches":"third-party","baseImage":"inferred","minDriver":"read"},"notes":["Last release with native-Windows GPU. System CUDA 11.2/cuDNN 8.1 required. tensorflow-gpu still published.","built against NumPy 1: TensorFlow 2.18\'s release notes say it \'now supports and is compiled with NumPy 2.0 by default\' (quoted in SeldonIO/alibi#1023), so earlier releases need numpy<2 (tensorflow 2.16.2 itself requires numpy<2.0.0,>=1.26.0 on Python 3.12, pip output, third-party)"]},{"minor":"2.11","status":"stable","patches":["2.11.0","2.11.1"],"python":["3.7","3.8","3.9","3.10"],"cuda":"11.2","cudnn":"8.1","numpy":"<2","install":"system-cuda","cudaLibraries":[],"baseImage":"nvidia/cuda:11.2.2-cudnn8-runtime-ubuntu20.04","cudaFull":"11.2.2","os":"ubuntu20.04","minDriver":"460.27.03","minorCompatDriver":"450.80.02","provenance":{"python":"read","cuda":"read","patches":"third-party","baseImage":"inferred","minDriver":"read"},"notes":["Last tensorflow-gpu wheels (tensorflow_gpu-2.11.0 linked in pip.md@c237da46c). GPU row Bazel first listed 5.1.1, corrected to 5.3.0 (67e8be9af).","built against NumPy 1: TensorFlow 2.18\'s release notes say it \'now supports and is compiled with NumPy 2.0 by default\' (quoted in SeldonIO/alibi#1023), so earlier releases need numpy<2 (tensorflow 2.16.2 itself requires numpy<2.0.0,>=1.26.0 on Python 3.12, pip output, third-party)"]},{"minor":"2.12","status":"stable","patches":["2.12.0","2.12.1"],"python":["3.8","3.9","3.10","3.11"],"cuda":"11.8","cudnn":"8.6","numpy":"<2","install":"system-cuda","cudaLibraries":[],"baseImage":"nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04","cudaFull":"11.8.0","os":"ubuntu22.04","minDriver":"520.61.05","minorCompatDriver":"450.80.02","provenance":{"python":"read","cuda":"read","patches":"third-party","baseImage":"inferred","minDriver":"read"},"notes":["No and-cuda extra. Docs: conda cudatoolkit=11.8.0 + pip nvidia-cudnn-cu11==8.6.0.163 + LD_LIBRARY_PATH. tensorflow-gpu==2.12.0 is an erroring stub. No official 2.12.1 docker image [3p].","built against NumPy 1: TensorFlow 2.18\'s release notes say it \'now supports and is compiled with NumPy 2.0 by default\' (quoted in SeldonIO/alibi#1023), so earlier releases need numpy<2 (tensorflow 2.16.2 itself requires numpy<2.0.0,>=1.26.0 on Python 3.12, pip output, third-party)"]},{"minor":"2.13","status":"stable","patches":["2.13.0","2.13.1"],"python":["3.8","3.9","3.10","3.11"],"cuda":"11.8","cudnn":"8.6","numpy":"<2","install":"system-cuda","cudaLibraries":[],"baseImage":"nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04","cudaFull":"11.8.0","os":"ubuntu22.04","minDriver":"520.61.05","minorCompatDriver":"450.80.02","provenance":{"python":"read","cuda":"read","patches":"third-party","baseImage":"inferred","minDriver":"read"},"notes":["No and-cuda extra: tensorflow[and-cuda]==2.13.* installs no CUDA libs (pip only warns) [inferred]; issue #61993. Same conda+nvidia-cudnn-cu11 8.6.0.163 recipe. No official 2.13.1 docker image [3p].","built against NumPy 1: TensorFlow 2.18\'s release notes say it \'now supports and is compiled with NumPy 2.0 by default\' (quoted in SeldonIO/alibi#1023), so earlier releases need numpy<2 (tensorflow 2.16.2 itself requires numpy<2.0.0,>=1.26.0 on Python 3.12, pip output, third-party)"]},{"minor":"2.14","status":"stable","patches":["2.14.0","2.14.1"],"python":["3.9","3.10","3.11"],"cuda":"11.8","cudnn":"8.7","numpy":"<2","install":"pinned-libraries","cudaLibraries":["nvidia-cublas-cu11==11.11.3.6","nvidia-cuda-cupti-cu11==11.8.87","nvidia-cuda-nvcc-cu11==11.8.89","nvidia-cuda-runtime-cu11==11.8.89","nvidia-cudnn-cu11==8.7.0.84","nvidia-cufft-cu11==10.9.0.58","nvidia-curand-cu11==10.3.0.86","nvidia-cusolver-cu11==11.4.1.48","nvidia-cusparse-cu11==11.7.5.86","nvidia-nccl-cu11==2.16.5"],"baseImage":"nvidia/cuda:11.8.0-base-ubuntu22.04","cudaFull":"11.8.0","os":"ubuntu22.04","minDriver":"520.61.05","minorCompatDriver":"450.80.02","provenance":{"python":"read","cuda":"read","patches":"third-party","baseImage":"inferred","minDriver":"read","cudaLibraries":"read"},"notes":["First and-cuda release (cu11). tensorrt==8.5.3.1 has no py3.11 wheel -> install fails on 3.11 (#61986).","built against NumPy 1: TensorFlow 2.18\'s release notes say it \'now supports and is compiled with NumPy 2.0 by default\' (quoted in SeldonIO/alibi#1023), so earlier releases need numpy<2 (tensorflow 2.16.2 itself requires numpy<2.0.0,>=1.26.0 on Python 3.12, pip output, third-party)"]},{"minor":"2.15","status":"stable","patches":["2.15.0","2.15.1"],"python":["3.9","3.10","3.11"],"cuda":"12.2","cudnn":"8.9","numpy":"<2","install":"pinned-libraries","cudaLibraries":["nvidia-cublas-cu12==12.2.5.6","nvidia-cuda-cupti-cu12==12.2.142","nvidia-cuda-nvcc-cu12==12.2.140","nvidia-cuda-nvrtc-cu12==12.2.140","nvidia-cuda-runtime-cu12==12.2.140","nvidia-cudnn-cu12==8.9.4.25","nvidia-cufft-cu12==11.0.8.103","nvidia-curand-cu12==10.3.3.141","nvidia-cusolver-cu12==11.5.2.141","nvidia-cusparse-cu12==12.1.2.141","nvidia-nccl-cu12==2.16.5","nvidia-nvjitlink-cu12==12.2.140"],"baseImage":"nvidia/cuda:12.2.2-base-ubuntu22.04","cudaFull":"12.2.2","os":"ubuntu22.04","minDriver":"535.54.03","minorCompatDriver":"525.60.13","provenance":{"python":"read","cuda":"read","patches":"third-party","baseImage":"inferred","minDriver":"read","cudaLibraries":"third-party"},"notes":["First cu12 release. tensorflow[and-cuda]==2.15.0 is uninstallable from PyPI (tensorrt-libs==8.6.1 missing; #62498, #66517); use 2.15.0.post1 (tensorrt removed, PR #62520) or 2.15.1. cuDNN column first published as 8.8, corrected to 8.9 (0fc1acda9). Official 2.15.0-gpu-jupyter image reported without GPU (#62412).","the 2.15.0 pins are third-party; 2.15.1 is assumed to keep them (inferred)","built against NumPy 1: TensorFlow 2.18\'s release notes say it \'now supports and is compiled with NumPy 2.0 by default\' (quoted in SeldonIO/alibi#1023), so earlier releases need numpy<2 (tensorflow 2.16.2 itself requires numpy<2.0.0,>=1.26.0 on Python 3.12, pip output, third-party)"]},{"minor":"2.16","status":"stable","patches":["2.16.1","2.16.2"],"python":["3.9","3.10","3.11","3.12"],"cuda":"12.3","cudnn":"8.9","numpy":"<2","install":"pinned-libraries","cudaLibraries":["nvidia-cublas-cu12==12.3.4.1","nvidia-cuda-cupti-cu12==12.3.101","nvidia-cuda-nvcc-cu12==12.3.107","nvidia-cuda-nvrtc-cu12==12.3.107","nvidia-cuda-runtime-cu12==12.3.101","nvidia-cudnn-cu12==8.9.7.29","nvidia-cufft-cu12==11.0.12.1","nvidia-curand-cu12==10.3.4.107","nvidia-cusolver-cu12==11.5.4.101","nvidia-cusparse-cu12==12.2.0.103","nvidia-nccl-cu12==2.19.3","nvidia-nvjitlink-cu12==12.3.101"],"baseImage":"nvidia/cuda:12.3.2-base-ubuntu22.04","cudaFull":"12.3.2","os":"ubuntu22.04","minDriver":"545.23.06","minorCompatDriver":"525.60.13","provenance":{"python":"read","cuda":"read","patches":"third-party","baseImage":"inferred","minDriver":"read","cudaLibraries":"third-party"},"notes":["First release is 2.16.1 (2.16.0 apparently never published [inferred]). Keras 3 default. 2.16.1 with and-cuda often fails to find the pip CUDA libs (#63362, #65842); docs add symlink workaround (pip.md step 6).","built against NumPy 1: TensorFlow 2.18\'s release notes say it \'now supports and is compiled with NumPy 2.0 by default\' (quoted in SeldonIO/alibi#1023), so earlier releases need numpy<2 (tensorflow 2.16.2 itself requires numpy<2.0.0,>=1.26.0 on Python 3.12, pip output, third-party)"]},{"minor":"2.17","status":"stable","patches":["2.17.0","2.17.1"],"python":["3.9","3.10","3.11","3.12"],"cuda":"12.3","cudnn":"8.9","numpy":"<2","install":"and-cuda","cudaLibraries":[],"baseImage":"nvidia/cuda:12.3.2-base-ubuntu22.04","cudaFull":"12.3.2","os":"ubuntu22.04","minDriver":"545.23.06","minorCompatDriver":"525.60.13","provenance":{"python":"read","cuda":"read","patches":"third-party","baseImage":"inferred","minDriver":"read"},"notes":["Last cuDNN 8 release. build_info example: cuda_version \'12.3\', cudnn_version \'8\', caps sm_50,sm_60,sm_70,sm_80,compute_90 [3p]. Official 2.17.0-gpu image reported working (#62412 comment).","built against NumPy 1: TensorFlow 2.18\'s release notes say it \'now supports and is compiled with NumPy 2.0 by default\' (quoted in SeldonIO/alibi#1023), so earlier releases need numpy<2 (tensorflow 2.16.2 itself requires numpy<2.0.0,>=1.26.0 on Python 3.12, pip output, third-party)"]},{"minor":"2.18","status":"stable","patches":["2.18.0","2.18.1"],"python":["3.9","3.10","3.11","3.12"],"cuda":"12.5","cudnn":"9.3","install":"pinned-libraries","cudaLibraries":["nvidia-cublas-cu12==12.5.3.2","nvidia-cuda-cupti-cu12==12.5.82","nvidia-cuda-nvcc-cu12==12.5.82","nvidia-cuda-nvrtc-cu12==12.5.82","nvidia-cuda-runtime-cu12==12.5.82","nvidia-cudnn-cu12==9.3.0.75","nvidia-cufft-cu12==11.2.3.61","nvidia-curand-cu12==10.3.6.82","nvidia-cusolver-cu12==11.6.3.83","nvidia-cusparse-cu12==12.5.1.3","nvidia-nccl-cu12==2.21.5","nvidia-nvjitlink-cu12==12.5.82"],"baseImage":"nvidia/cuda:12.5.1-base-ubuntu22.04","cudaFull":"12.5.1","os":"ubuntu22.04","minDriver":"555.42.02","minorCompatDriver":"525.60.13","provenance":{"python":"read","cuda":"read","patches":"third-party","baseImage":"inferred","minDriver":"read","cudaLibraries":"third-party"},"notes":["First cuDNN 9 release; hermetic CUDA build (build_info cuda_version like \'12.5.1\'). NumPy 2.0 supported. Conflicts with torch 2.5/2.6 pin nvidia-cudnn-cu12==9.1.0.70 (\'Loaded runtime CuDNN library: 9.1.0 but source was compiled with: 9.3.0\'). Official 2.18.0-gpu image ships cuDNN 8 -> no GPU (#62412 comment)."]},{"minor":"2.19","status":"stable","patches":["2.19.0","2.19.1"],"python":["3.9","3.10","3.11","3.12"],"cuda":"12.5","cudnn":"9.3","install":"and-cuda","cudaLibraries":[],"baseImage":"nvidia/cuda:12.5.1-base-ubuntu22.04","cudaFull":"12.5.1","os":"ubuntu22.04","minDriver":"555.42.02","minorCompatDriver":"525.60.13","provenance":{"python":"read","cuda":"read","patches":"third-party","baseImage":"inferred","minDriver":"read"},"notes":["build_info example: cuda_version \'12.5.1\', cudnn_version \'9\', caps sm_60,sm_70,sm_80,sm_89,compute_90 [3p, version not stated in source]."]},{"minor":"2.20","status":"stable","patches":["2.20.0"],"python":["3.9","3.10","3.11","3.12","3.13"],"cuda":"12.5","cudnn":"9.3","install":"and-cuda-constrained","cudaLibraries":["nvidia-cublas-cu12==12.5.3.2","nvidia-cuda-cupti-cu12==12.5.82","nvidia-cuda-nvcc-cu12==12.5.82","nvidia-cuda-nvrtc-cu12==12.5.82","nvidia-cuda-runtime-cu12==12.5.82","nvidia-cudnn-cu12==9.3.0.75","nvidia-cufft-cu12==11.2.3.61","nvidia-curand-cu12==10.3.6.82","nvidia-cusolver-cu12==11.6.3.83","nvidia-cusparse-cu12==12.5.1.3","nvidia-nccl-cu12==2.21.5","nvidia-nvjitlink-cu12==12.5.82"],"baseImage":"nvidia/cuda:12.5.1-base-ubuntu22.04","cudaFull":"12.5.1","os":"ubuntu22.04","minDriver":"555.42.02","minorCompatDriver":"525.60.13","provenance":{"python":"read","cuda":"read","patches":"read","baseImage":"inferred","minDriver":"read","cudaLibraries":"inferred"},"notes":["and-cuda switched from exact pins to ranges: rebuilds float to newer cu12 libs; pin via constraints. 2.20.1 unconfirmed (one unreliable README).","and-cuda gives ranges here; the constraints pin each library at the version TF 2.18 pinned exactly, taken as the lower bound (inferred; pip refuses the build if one is below the real bound)"]},{"minor":"2.21","status":"stable","patches":["2.21.0"],"python":["3.10","3.11","3.12","3.13"],"cuda":"12.5","cudnn":"9.3","install":"and-cuda-constrained","cudaLibraries":["nvidia-cublas-cu12==12.5.3.2","nvidia-cuda-cupti-cu12==12.5.82","nvidia-cuda-nvcc-cu12==12.5.82","nvidia-cuda-nvrtc-cu12==12.5.82","nvidia-cuda-runtime-cu12==12.5.82","nvidia-cudnn-cu12==9.3.0.75","nvidia-cufft-cu12==11.2.3.61","nvidia-curand-cu12==10.3.6.82","nvidia-cusolver-cu12==11.6.3.83","nvidia-cusparse-cu12==12.5.1.3","nvidia-nccl-cu12==2.21.5","nvidia-nvjitlink-cu12==12.5.82"],"baseImage":"nvidia/cuda:12.5.1-base-ubuntu22.04","cudaFull":"12.5.1","os":"ubuntu22.04","minDriver":"555.42.02","minorCompatDriver":"525.60.13","provenance":{"python":"read","cuda":"read","patches":"read","baseImage":"inferred","minDriver":"read","cudaLibraries":"inferred"},"notes":["Python 3.9 dropped; TensorBoard dependency removed; requires numpy>=1.26, keras>=3.12.0 [3p]. A 3p note reports TF RUNPATH misses some pip CUDA libs (libcusolver.so.11) -> ldconfig of site-packages/nvidia/*/lib needed. Unconstrained resolve Sept 2026 gave runtime 12.9.79 / cuDNN 9.27.0.42 [3p].","and-cuda gives ranges here; the constraints pin each library at the version TF 2.18 pinned exactly, taken as the lower bound (inferred; pip refuses the build if one is below the real bound)"]}]}');
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/compat/validate.ts
var validate = __nccwpck_require__(8638);
;// CONCATENATED MODULE: ./src/compat/load.ts







/** The data files shipped with the action (src/data/): the CUDA data, then one per framework. */
const BUNDLED_FILES = [cuda_namespaceObject, pytorch_namespaceObject, tensorflow_namespaceObject, jax_namespaceObject];
/** The release data shipped with the action, merged from its files and validated once per process. */
let bundledData;
function bundledCompat() {
    if (!bundledData) {
        const files = (0,validate/* validateCompat */.dw)(joinFiles(structuredClone(BUNDLED_FILES)), 'the bundled release data (src/data/*.json)');
        // What the weekly refresh found (a compat-file, reviewed in its pull request) goes over the transcribed files.
        const found = (0,validate/* validateOverride */.Jb)(structuredClone(refreshed_namespaceObject), 'src/data/refreshed.json');
        bundledData = (0,validate/* validateCompat */.dw)(mergeCompat(files, found), 'the bundled release data with src/data/refreshed.json');
    }
    return bundledData;
}
/** The data files as one object: their sections side by side, their sources and left-out notes joined. */
function joinFiles(files) {
    const joined = { schemaVersion: 1, sources: [], leftOut: [] };
    for (const file of files) {
        for (const [key, value] of Object.entries(file)) {
            if (key === 'sources' || key === 'leftOut')
                joined[key].push(...value);
            else if (key !== 'schemaVersion' && key !== 'about' && key !== 'snapshot' && key !== 'provenanceLegend') {
                if (key in joined)
                    throw new Error(`src/data: section ${key} is in two files`);
                joined[key] = value;
            }
        }
    }
    return joined;
}
/**
 * Parse a compat-file's text (JSON, the sections of the bundled data, each optional) and merge
 * it over `base`: list sections by id (a torch release replaces the bundled one of the same
 * minor, or is added; CUDA by version; ...), jaxCuda by major, the others whole.
 */
function mergeCompatFile(base, text, origin) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (err) {
        throw new errors/* UserError */.yo(`${origin} is not valid JSON: ${err.message}`);
    }
    const override = (0,validate/* validateOverride */.Jb)(json, origin);
    return (0,validate/* validateCompat */.dw)(mergeCompat(base, override), `${origin} merged with the bundled release data`);
}
function mergeCompat(base, override) {
    const merged = structuredClone(base);
    const over = override;
    for (const section of validate/* SECTIONS */.bP) {
        const value = over[section.name];
        if (value === undefined)
            continue;
        const merge = section.merge;
        if (merge.kind === 'list')
            merged[section.name] = upsert(merged[section.name], value, merge.id);
        else if (merge.kind === 'record')
            merged[section.name] = { ...merged[section.name], ...value };
        else
            merged[section.name] = value;
    }
    for (const notes of ['sources', 'leftOut']) {
        if (override[notes])
            merged[notes] = [...(merged[notes] ?? []), ...override[notes]];
    }
    return merged;
}
function upsert(list, updates, id) {
    const out = [...list];
    for (const item of updates) {
        const at = out.findIndex((existing) => existing[id] === item[id]);
        if (at >= 0)
            out[at] = item;
        else
            out.push(item);
    }
    return out;
}


/***/ }),

/***/ 8638:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jb: () => (/* binding */ validateOverride),
/* harmony export */   bP: () => (/* binding */ SECTIONS),
/* harmony export */   dw: () => (/* binding */ validateCompat)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3916);
/* harmony import */ var _frameworks_index_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7882);
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5111);




/**
 * Schema and sanity checks for release data. Pure: takes parsed JSON, returns the typed data or
 * throws a UserError listing every problem with its path. The CUDA sections are checked here;
 * each framework checks its own (src/frameworks/<name>.ts).
 */
const CUDNN_TOKEN = /^cudnn\d*$/;
const MAX_PROBLEMS = 20;
function checkCudaRelease(p, path, c) {
    if (!(0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(c))
        return p.add(path, `expected an object, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(c)}`);
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .checkKeys */ .L)(p, path, c, ['version', 'release', 'minDriver', 'image', 'provenance', 'notes']);
    const versionOk = (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(p, `${path}.version`, c.version, _checks_js__WEBPACK_IMPORTED_MODULE_2__/* .MINOR */ .mL, 'a CUDA major.minor like 12.4');
    if ((0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(p, `${path}.release`, c.release)) {
        const v = semver__WEBPACK_IMPORTED_MODULE_0___default().valid(c.release);
        if (!v)
            p.add(`${path}.release`, `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(c.release)} is not a CUDA point release like 12.4.1`);
        else if (versionOk && `${semver__WEBPACK_IMPORTED_MODULE_0___default().major(v)}.${semver__WEBPACK_IMPORTED_MODULE_0___default().minor(v)}` !== c.version) {
            p.add(`${path}.release`, `${c.release} does not belong to CUDA ${String(c.version)}`);
        }
    }
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(p, `${path}.minDriver`, c.minDriver, _checks_js__WEBPACK_IMPORTED_MODULE_2__/* .DRIVER */ .NX, 'a driver version like 550.54.15');
    if (!(0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(c.image)) {
        p.add(`${path}.image`, 'expected an object with ubuntu and cudnnToken');
    }
    else {
        (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .checkKeys */ .L)(p, `${path}.image`, c.image, ['ubuntu', 'cudnnToken']);
        (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .strList */ .Sc)(p, `${path}.image.ubuntu`, c.image.ubuntu, _checks_js__WEBPACK_IMPORTED_MODULE_2__/* .UBUNTU */ .UK, 'Ubuntu version like 22.04');
        (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(p, `${path}.image.cudnnToken`, c.image.cudnnToken, CUDNN_TOKEN, 'a tag token like cudnn8, cudnn9 or cudnn');
    }
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .checkProvenance */ .ch)(p, `${path}.provenance`, c.provenance, ['minDriver', 'image']);
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .checkNotes */ .aU)(p, `${path}.notes`, c.notes);
}
function checkCpuImage(p, path, ci) {
    if (!(0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(ci))
        return p.add(path, 'expected an object with an ubuntu list');
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .checkKeys */ .L)(p, path, ci, ['ubuntu']);
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .strList */ .Sc)(p, `${path}.ubuntu`, ci.ubuntu, _checks_js__WEBPACK_IMPORTED_MODULE_2__/* .UBUNTU */ .UK, 'Ubuntu version like 24.04');
}
function checkCudaMajor(p, path, m) {
    if (!(0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(m))
        return p.add(path, 'expected an object');
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .checkKeys */ .L)(p, path, m, ['major', 'minorCompatDriver']);
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(p, `${path}.major`, m.major, /^\d+$/, 'a CUDA major like 12');
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(p, `${path}.minorCompatDriver`, m.minorCompatDriver, _checks_js__WEBPACK_IMPORTED_MODULE_2__/* .DRIVER */ .NX, 'a driver version like 525.60.13');
}
function checkLeftOut(p, path, item) {
    if (!(0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(item))
        return p.add(path, `expected an object, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(item)}`);
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .checkKeys */ .L)(p, path, item, ['key', 'versions', 'why']);
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(p, `${path}.key`, item.key);
    if (item.versions !== undefined)
        (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .strList */ .Sc)(p, `${path}.versions`, item.versions, /^\d+\.\d+(\.\d+)?$/, 'minor or version like 2.22');
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(p, `${path}.why`, item.why);
}
/** The sections every framework shares. */
const CUDA_SECTIONS = [
    {
        name: 'cuda',
        merge: { kind: 'list', id: 'version' },
        check: (p, path, v) => (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .checkList */ .RJ)(p, path, v, 'CUDA', 'version', checkCudaRelease),
    },
    { name: 'cpuImage', merge: { kind: 'replace' }, check: checkCpuImage },
    {
        name: 'cudaMajors',
        merge: { kind: 'list', id: 'major' },
        check: (p, path, v) => (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .checkList */ .RJ)(p, path, v, 'CUDA major', 'major', checkCudaMajor),
    },
];
/** Every section of the release data: the CUDA ones, then each framework's. */
const SECTIONS = [...CUDA_SECTIONS, ..._frameworks_index_js__WEBPACK_IMPORTED_MODULE_1__/* .FRAMEWORKS */ .i.flatMap((f) => f.sections)];
/** Fields that describe the data rather than being it. */
const NOTE_KEYS = ['about', 'snapshot', 'provenanceLegend', 'sources', 'leftOut'];
function checkSections(p, root, complete) {
    (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .checkKeys */ .L)(p, '$', root, ['schemaVersion', ...NOTE_KEYS, ...SECTIONS.map((s) => s.name)]);
    if (root.schemaVersion !== 1)
        p.add('$.schemaVersion', `must be 1, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(root.schemaVersion)}`);
    if (root.sources !== undefined)
        (0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .checkNotes */ .aU)(p, '$.sources', root.sources);
    if (root.leftOut !== undefined) {
        if (!Array.isArray(root.leftOut))
            p.add('$.leftOut', 'expected a list');
        else
            root.leftOut.forEach((item, i) => checkLeftOut(p, `$.leftOut[${i}]`, item));
    }
    for (const section of SECTIONS) {
        const value = root[section.name];
        if (value === undefined) {
            if (complete)
                p.add(`$.${section.name}`, 'is missing');
            continue;
        }
        section.check(p, `$.${section.name}`, value);
    }
}
/** Checks that need the whole (merged) data: every CUDA major has its driver floor, and each framework's own. */
function checkCrossReferences(p, data) {
    for (const f of _frameworks_index_js__WEBPACK_IMPORTED_MODULE_1__/* .FRAMEWORKS */ .i)
        f.checkReferences?.(p, data);
    const majors = new Set(data.cudaMajors.map((m) => m.major));
    for (const c of data.cuda) {
        const major = c.version.split('.')[0] ?? '';
        if (!majors.has(major))
            p.add('$.cudaMajors', `has no entry for CUDA major ${major} (needed by CUDA ${c.version})`);
    }
}
function fail(origin, p) {
    const shown = p.list.slice(0, MAX_PROBLEMS);
    const more = p.list.length > MAX_PROBLEMS ? `\n  ... and ${p.list.length - MAX_PROBLEMS} more` : '';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${origin} does not match the release-data schema:\n  ${shown.join('\n  ')}${more}`);
}
/** Validate complete release data (the bundled files, or bundled data merged with a compat-file). */
function validateCompat(json, origin) {
    const p = new _checks_js__WEBPACK_IMPORTED_MODULE_2__/* .Problems */ .Zw();
    if (!(0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(json)) {
        p.add('$', `expected an object, got ${Array.isArray(json) ? 'a list' : (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(json)}`);
        fail(origin, p);
    }
    checkSections(p, json, true);
    if (p.list.length)
        fail(origin, p);
    checkCrossReferences(p, json);
    if (p.list.length)
        fail(origin, p);
    return json;
}
/** Validate a compat-file on its own (sections optional); cross references are checked after merging. */
function validateOverride(json, origin) {
    const p = new _checks_js__WEBPACK_IMPORTED_MODULE_2__/* .Problems */ .Zw();
    if (!(0,_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(json)) {
        p.add('$', `expected an object, got ${Array.isArray(json) ? 'a list' : (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(json)}`);
        fail(origin, p);
    }
    checkSections(p, json, false);
    if (p.list.length)
        fail(origin, p);
    return json;
}


/***/ }),

/***/ 2899:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ cudaVersionOfVariant),
/* harmony export */   s: () => (/* binding */ variantOfCudaVersion)
/* harmony export */ });
/** PyTorch wheel variants name a CUDA minor without its dot; the last digit is the minor. */
/** "cu124" -> "12.4", "cu130" -> "13.0" */
function cudaVersionOfVariant(variant) {
    const digits = variant.slice(2);
    return `${digits.slice(0, -1)}.${digits.slice(-1)}`;
}
/** "12.4" -> "cu124" */
function variantOfCudaVersion(version) {
    return `cu${version.replace('.', '')}`;
}


/***/ }),

/***/ 7147:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ar: () => (/* binding */ userParts),
/* harmony export */   Bi: () => (/* binding */ customisationFromEntry),
/* harmony export */   Im: () => (/* binding */ isEmpty),
/* harmony export */   K7: () => (/* binding */ customKeysSet),
/* harmony export */   Of: () => (/* binding */ parseCustomInputs),
/* harmony export */   PU: () => (/* binding */ changesImage),
/* harmony export */   QG: () => (/* binding */ emptyCustomisation),
/* harmony export */   VI: () => (/* binding */ mergeCustomisation),
/* harmony export */   Z0: () => (/* binding */ parseIndexUrl),
/* harmony export */   dD: () => (/* binding */ CUSTOM_KEYS),
/* harmony export */   oE: () => (/* binding */ compact),
/* harmony export */   sP: () => (/* binding */ customisationFromSpec),
/* harmony export */   xV: () => (/* binding */ requirementName)
/* harmony export */ });
/* unused harmony exports parseAptPackage, parsePipPackage, parseWorkdir, parseUser, parseWorkspacePath, parseBaseImageTemplate, parseWheelIndexRoot, parseTagSuffix */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(3916);
/* harmony import */ var _frameworks_index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7882);
/* harmony import */ var _inputs_placeholders_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8043);
/* harmony import */ var _inputs_values_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8463);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(3564);
/* harmony import */ var _repro_inventory_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2156);






/** The spec keys and action inputs, by their written names. */
const CUSTOM_KEYS = [
    'apt-packages',
    'pip-packages',
    'requirements',
    'pip-index-url',
    'pip-extra-index-url',
    'torch-index-url',
    'pypi-index-url',
    'env',
    'workdir',
    'user',
    'post-install',
    'base-image',
    'tag-suffix',
];
const FIELD_OF = {
    'apt-packages': 'aptPackages',
    'pip-packages': 'pipPackages',
    requirements: 'requirements',
    'pip-index-url': 'pipIndexUrl',
    'pip-extra-index-url': 'pipExtraIndexUrls',
    'torch-index-url': 'torchIndexUrl',
    'pypi-index-url': 'pypiIndexUrl',
    env: 'env',
    workdir: 'workdir',
    user: 'user',
    'post-install': 'postInstall',
    'base-image': 'baseImage',
    'tag-suffix': 'tagSuffix',
};
/** The written names (spec keys, inputs) of what a customisation sets. */
function customKeysSet(c) {
    return CUSTOM_KEYS.filter((k) => {
        const v = c[FIELD_OF[k]];
        return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
    });
}
function emptyCustomisation() {
    return {
        aptPackages: [],
        pipPackages: [],
        requirements: null,
        pipIndexUrl: null,
        pipExtraIndexUrls: [],
        torchIndexUrl: null,
        pypiIndexUrl: null,
        env: [],
        workdir: null,
        user: null,
        postInstall: null,
        baseImage: null,
        tagSuffix: null,
    };
}
function isEmpty(c) {
    // Asked once per planned entry: no allocation for the common case of nothing set.
    for (const key of Object.values(FIELD_OF)) {
        const v = c[key];
        if (v !== null && !(Array.isArray(v) && v.length === 0))
            return false;
    }
    return true;
}
/**
 * Whether this customisation installs anything or changes the image (tag-suffix alone does not, nor
 * torch-index-url, which a Dockerfile of one's own receives as the TORCH_INDEX_URL build-arg).
 */
function changesImage(c) {
    const { tagSuffix: _, torchIndexUrl: _t, ...rest } = compact(c);
    return Object.keys(rest).length > 0;
}
// ---------------------------------------------------------------------------------------------
// Parsing single values. `field` names where the value came from: "input apt-packages",
// "matrix.include[2].apt-packages[0]".
const APT_PACKAGE = /^[a-z0-9][a-z0-9+.-]+(?:=[A-Za-z0-9.+~:-]+|\/[a-z0-9-]+)?$/;
const PIP_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
const PIP_EXTRAS = /^\[[A-Za-z0-9._-]+(?:,[A-Za-z0-9._-]+)*\]$/;
const PIP_SPECIFIER = /^(?:===|==|!=|~=|>=|<=|>|<)[A-Za-z0-9.*+!_-]+$/;
const USER = /^([a-z_][a-z0-9_-]{0,31})(?::(\d{1,9}))?$/;
const WORKDIR = /^\/[A-Za-z0-9._@+/-]*$/;
const TAG_SUFFIX = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
function parseAptPackage(text, field) {
    const t = text.trim();
    if (!APT_PACKAGE.test(t)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(text)} is not a Debian package name; accepted: ` +
            `a name like libgl1 or libglib2.0-0, optionally =version (libgl1=1.7.0-1) or /release`);
    }
    return t;
}
/** pip requirement specifier: name, optional [extras], optional comma-separated version specifiers. */
function parsePipPackage(text, field) {
    const t = text.trim();
    const accepted = 'name[extras] with optional versions, e.g. numpy==1.26.4, opencv-python-headless>=4.10,<5 or transformers[torch]==4.46.0';
    if (/^(?:https?|file|git\+\w+):|^[./]|@/.test(t)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(text)} is a URL or path; pip-packages takes package names ` +
            `with versions (${accepted}); put URLs and local paths in a requirements file`);
    }
    const m = /^([^[<>=!~;\s]+)(\[[^\]]*\])?(.*)$/.exec(t);
    const name = m?.[1] ?? '';
    const extras = m?.[2] ?? '';
    const specifiers = (m?.[3] ?? '').trim();
    const ok = PIP_NAME.test(name) &&
        (extras === '' || PIP_EXTRAS.test(extras)) &&
        (specifiers === '' || specifiers.split(',').every((s) => PIP_SPECIFIER.test(s.trim())));
    if (!ok)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(text)} is not a pip requirement; accepted: ${accepted} (no spaces)`);
    const normal = (0,_repro_inventory_js__WEBPACK_IMPORTED_MODULE_3__/* .pipName */ .t6)(name);
    if (_frameworks_index_js__WEBPACK_IMPORTED_MODULE_0__/* .FRAMEWORK_PACKAGES */ .ds.includes(normal)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(text)}: ${normal} is set by the matrix (each entry's exact version); leave it out of pip-packages`);
    }
    return `${name}${extras}${specifiers.replace(/\s+/g, '')}`;
}
function parseIndexUrl(text, field) {
    const t = text.trim();
    let url;
    try {
        url = new URL(t);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(text)} is not a URL; accepted: an http(s) URL of a package index, e.g. https://pypi.example.com/simple`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(text)} is not an http(s) URL`);
    }
    if (url.username || url.password) {
        // The URL is written into the Dockerfile, and so into the image's history and the build log.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: the URL holds credentials, which would be stored in the image's history and the build log; ` +
            `use an index that needs none, or build your own Dockerfile with a build secret`);
    }
    // The URL is rendered into RUN lines: only the characters an index URL needs, none a shell reads.
    const odd = /[^A-Za-z0-9._~:/?#[\]@%+=,-]/.exec(t);
    if (odd) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(text)} contains ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(odd[0])}, which an index URL does not need; ` +
            'accepted: letters, digits and . _ ~ : / ? # [ ] @ % + = , -');
    }
    return t;
}
function parseWorkdir(text, field) {
    const t = text.trim();
    if (!WORKDIR.test(t) || t.split('/').includes('..')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(text)} is not valid; accepted: an absolute path of letters, digits and ._@+-/ such as /workspace`);
    }
    return t.length > 1 ? t.replace(/\/+$/, '') : t;
}
function parseUser(text, field) {
    const t = text.trim();
    const m = USER.exec(t);
    if (!m)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(text)} is not valid; accepted: a user name (lowercase letters, ` +
            `digits, _ and -), optionally :uid, e.g. app or app:1001`);
    if (m[1] === 'root' || m[2] === '0')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(text)} is root; the user is the non-root user the image runs as (leave it out to stay root)`);
    return t;
}
/** A path in the workspace: relative, no `..` out of it, nothing a shell or Dockerfile would read specially. */
function parseWorkspacePath(text, field) {
    const t = text.trim().replace(/^\.\//, '');
    if (t === '' || t.startsWith('/') || t.split('/').includes('..') || !/^[A-Za-z0-9._@+/-]+$/.test(t)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(text)} is not valid; accepted: a path inside the repository such as requirements.txt or docker/post-install.sh`);
    }
    return t;
}
function parseBaseImageTemplate(text, field) {
    // Registries take lowercase repository names only: lowered, as for input image (the tag keeps its case).
    const t = (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .lowercaseRepository */ .qZ)(text.trim(), field).text;
    (0,_inputs_placeholders_js__WEBPACK_IMPORTED_MODULE_1__/* .checkPlaceholders */ .nV)(t, 'base-image', field);
    const sample = t.replace(/\{[^}]*\}/g, 'x1').replace(/@sha256:[0-9a-f]{64}$/, '');
    // repository (lowercase, host:port allowed) and an optional tag (any case)
    const colon = sample.lastIndexOf(':');
    const [repository, tag] = colon > sample.lastIndexOf('/') ? [sample.slice(0, colon), sample.slice(colon + 1)] : [sample, null];
    if (t === '' ||
        /[\s"'`$\\]/.test(t) ||
        !/^[a-z0-9][a-z0-9._/:-]*[a-z0-9]$|^[a-z0-9]$/.test(repository) ||
        (tag !== null && !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(text)} is not an image reference; accepted: repository:tag with optional placeholders, ` +
            `e.g. pytorch/pytorch:{torch}-cuda{cuda}-cudnn{cudnnMajor}-runtime or nvcr.io/nvidia/pytorch:24.05-py3`);
    }
    return t;
}
/**
 * torch-index-url: a root the variant is appended to (`<root>/cu130`), rendered into an ARG that
 * a RUN line expands unquoted; so no query, fragment or glob character either.
 */
function parseWheelIndexRoot(text, field) {
    const url = parseIndexUrl(text, field);
    const odd = /[?#[\]]/.exec(url);
    if (odd) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(text)} contains ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(odd[0])}; a wheel index root has no query or fragment`);
    }
    return url;
}
function parseTagSuffix(text, field) {
    const t = text.trim();
    if (!TAG_SUFFIX.test(t))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(text)} is not valid; accepted: up to 40 letters, digits, _ . - (starting with a letter or digit)`);
    return t;
}
// ---------------------------------------------------------------------------------------------
// From action inputs (strings; lists one per line or separated by spaces) and from spec values.
/** The action inputs (or CLI flags) as a customisation for every entry. */
function parseCustomInputs(inputs) {
    const c = emptyCustomisation();
    const items = (name, parse) => dedupe((0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_2__/* .words */ .aL)(inputs.get(name)).map((w, i) => parse(w, `${inputs.field(name)} item ${i + 1}`)));
    c.aptPackages = items('apt-packages', parseAptPackage);
    c.pipPackages = items('pip-packages', parsePipPackage);
    c.pipExtraIndexUrls = items('pip-extra-index-url', parseIndexUrl);
    c.env = sortEnv((0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseKeyValueLines */ .FF)(inputs.get('env'), inputs.field('env'), _inputs_values_js__WEBPACK_IMPORTED_MODULE_2__/* .VARIABLE_NAME */ .nN));
    setSingleValues(c, (key) => {
        const t = inputs.get(key)?.trim();
        return t ? { text: t, field: inputs.field(key) } : null;
    });
    return c;
}
/** The keys that take one value, each with its parser. */
const SINGLE_VALUES = {
    requirements: parseWorkspacePath,
    'pip-index-url': parseIndexUrl,
    'torch-index-url': parseWheelIndexRoot,
    'pypi-index-url': parseIndexUrl,
    workdir: parseWorkdir,
    user: parseUser,
    'post-install': parseWorkspacePath,
    'base-image': parseBaseImageTemplate,
    'tag-suffix': parseTagSuffix,
};
/** Parse each single-value key that `read` finds (inputs and spec keys differ only in how they are read). */
function setSingleValues(c, read) {
    for (const [key, parse] of Object.entries(SINGLE_VALUES)) {
        const got = read(key);
        if (got)
            c[FIELD_OF[key]] = parse(got.text, got.field);
    }
}
/**
 * The customisation keys of a spec mapping (top level or one include item). Lists may be YAML
 * lists or one string; env may be a mapping or a list of KEY=VALUE.
 */
function customisationFromSpec(obj, at) {
    const keys = CUSTOM_KEYS.filter((k) => obj[k] !== undefined);
    if (keys.length === 0)
        return null;
    const c = emptyCustomisation();
    const list = (key, parse) => {
        const v = obj[key];
        const field = `${at}.${key}`;
        if (v === undefined)
            return [];
        if (typeof v === 'string') {
            const items = (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_2__/* .words */ .aL)(v);
            return items.map((w, i) => parse(w, items.length > 1 ? `${field} item ${i + 1}` : field));
        }
        if (Array.isArray(v)) {
            return v.map((item, i) => {
                if (typeof item !== 'string')
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}[${i}]: expected one value, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(item)}`);
                return parse(item, `${field}[${i}]`);
            });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: expected a list of values, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(v)}`);
    };
    c.aptPackages = dedupe(list('apt-packages', parseAptPackage));
    c.pipPackages = dedupe(list('pip-packages', parsePipPackage));
    c.pipExtraIndexUrls = dedupe(list('pip-extra-index-url', parseIndexUrl));
    c.env = sortEnv(envFromSpec(obj.env, `${at}.env`));
    setSingleValues(c, (key) => {
        const v = obj[key];
        if (v === undefined)
            return null;
        if (typeof v !== 'string' || v.trim() === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${at}.${key}: expected one value, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(v)}`);
        return { text: v, field: `${at}.${key}` };
    });
    return c;
}
function envFromSpec(v, field) {
    if (v === undefined)
        return [];
    if (typeof v === 'string')
        return (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_2__/* .lines */ .Mn)(v).map((l, i) => (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseKeyValue */ .aK)(l, `${field} line ${i + 1}`, _inputs_values_js__WEBPACK_IMPORTED_MODULE_2__/* .VARIABLE_NAME */ .nN));
    if (Array.isArray(v)) {
        return v.map((item, i) => {
            if (typeof item !== 'string')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}[${i}]: expected KEY=VALUE, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(item)}`);
            return (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseKeyValue */ .aK)(item, `${field}[${i}]`, _inputs_values_js__WEBPACK_IMPORTED_MODULE_2__/* .VARIABLE_NAME */ .nN);
        });
    }
    if (typeof v === 'object' && v !== null) {
        return Object.entries(v).map(([key, value]) => {
            if (!_inputs_values_js__WEBPACK_IMPORTED_MODULE_2__/* .VARIABLE_NAME */ .nN.key.test(key))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(key)} is not a variable name (letters, digits and _)`);
            if (typeof value !== 'string')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}.${key}: expected a value, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(value)}`);
            return (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseKeyValue */ .aK)(`${key}=${value}`, `${field}.${key}`, _inputs_values_js__WEBPACK_IMPORTED_MODULE_2__/* .VARIABLE_NAME */ .nN);
        });
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: expected a mapping of NAME: value, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(v)}`);
}
/**
 * An entry's customisation stored in a plan (the `customisation` field, compact), read back for a
 * fan-out job's `entry` input. Every value goes through the same parsers again.
 */
function customisationFromEntry(v, field) {
    if (v === undefined || v === null)
        return null;
    if (typeof v !== 'object' || Array.isArray(v))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: expected the customisation object a plan wrote, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(v)}`);
    const o = v;
    const spec = {};
    for (const key of CUSTOM_KEYS) {
        const value = o[FIELD_OF[key]];
        if (value === undefined)
            continue;
        spec[key] = key === 'env' && Array.isArray(value) ? value.map((p) => (Array.isArray(p) ? `${p[0]}=${p[1]}` : p)) : value;
    }
    const unknown = Object.keys(o).filter((k) => !Object.values(FIELD_OF).includes(k));
    if (unknown.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: unknown key ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(unknown[0])}; this entry was written by another version of the action?`);
    return customisationFromSpec(spec, field) ?? emptyCustomisation();
}
// ---------------------------------------------------------------------------------------------
/** `over` on top of `base`: lists are joined (first mention kept), env by name, single values replaced. */
function mergeCustomisation(base, over) {
    if (!over)
        return base;
    const envs = new Map(base.env);
    for (const [k, v] of over.env)
        envs.set(k, v);
    return {
        aptPackages: dedupe([...base.aptPackages, ...over.aptPackages]),
        pipPackages: dedupeByName([...base.pipPackages, ...over.pipPackages]),
        requirements: over.requirements ?? base.requirements,
        pipIndexUrl: over.pipIndexUrl ?? base.pipIndexUrl,
        pipExtraIndexUrls: dedupe([...base.pipExtraIndexUrls, ...over.pipExtraIndexUrls]),
        torchIndexUrl: over.torchIndexUrl ?? base.torchIndexUrl,
        pypiIndexUrl: over.pypiIndexUrl ?? base.pypiIndexUrl,
        env: sortEnv([...envs]),
        workdir: over.workdir ?? base.workdir,
        user: over.user ?? base.user,
        postInstall: over.postInstall ?? base.postInstall,
        baseImage: over.baseImage ?? base.baseImage,
        tagSuffix: over.tagSuffix ?? base.tagSuffix,
    };
}
/** The stored form: only what is set. Also the canonical form hashed into the entry key. */
function compact(c) {
    const out = {};
    for (const key of Object.values(FIELD_OF)) {
        const v = c[key];
        if (v === null || (Array.isArray(v) && v.length === 0))
            continue;
        out[key] = v;
    }
    return out;
}
/** The user name and uid (null: the next free one) of `user`. */
function userParts(user) {
    const [name, uid] = user.split(':');
    return { name: name, uid: uid ?? null };
}
/** Name of a pip requirement, normalised: "Opencv_Python[x]>=4" -> "opencv-python". */
function requirementName(requirement) {
    return (0,_repro_inventory_js__WEBPACK_IMPORTED_MODULE_3__/* .pipName */ .t6)(/^[^[<>=!~;\s]+/.exec(requirement)?.[0] ?? requirement);
}
function dedupe(items) {
    return [...new Set(items)];
}
/** A later requirement for a package replaces an earlier one (an include's pin over the input's). */
function dedupeByName(items) {
    const byName = new Map();
    for (const item of items) {
        const name = requirementName(item);
        byName.delete(name);
        byName.set(name, item);
    }
    return [...byName.values()];
}
function sortEnv(pairs) {
    const map = new Map(pairs);
    return [...map].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}


/***/ }),

/***/ 7523:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  T5: () => (/* binding */ checkCustomisationFits),
  oc: () => (/* binding */ dockerfileFor),
  $6: () => (/* binding */ lookUpBaseImage),
  Sj: () => (/* binding */ readBuildSource),
  x_: () => (/* binding */ readRequirementsTree),
  Bs: () => (/* binding */ resolveDockerfile)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/template/dockerfile.ts
var dockerfile = __nccwpck_require__(6142);
// EXTERNAL MODULE: ./src/image/reference.ts
var image_reference = __nccwpck_require__(3564);
// EXTERNAL MODULE: ./src/custom/customisation.ts
var customisation = __nccwpck_require__(7147);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/repro/inventory.ts
var inventory = __nccwpck_require__(2156);
;// CONCATENATED MODULE: ./src/custom/requirements.ts


function readRequirements(text, origin) {
    const facts = { includes: [], hashes: false, pins: [] };
    logicalLines(text).forEach(({ line, number }) => {
        const at = `${origin} line ${number}`;
        const include = /^(?:-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)$/.exec(line);
        if (include) {
            const file = include[1];
            if (/^[a-z+]+:\/\//i.test(file))
                throw new errors/* UserError */.yo(`${at}: ${(0,errors/* quote */.hD)(file)}: includes by URL are not followed; copy the file into the repository`);
            if (file.startsWith('/') || file.split('/').includes('..')) {
                throw new errors/* UserError */.yo(`${at}: ${(0,errors/* quote */.hD)(file)} is outside the requirements file's folder; keep included files beside it or below it`);
            }
            facts.includes.push(file);
            return;
        }
        if (/^(?:-e|--editable)\b/.test(line) || /^(?:\.{1,2}\/|\/|file:)/.test(line) || /@\s*file:/.test(line)) {
            throw new errors/* UserError */.yo(`${at}: ${(0,errors/* quote */.hD)(line)} installs from a local path, which the image build cannot see; ` +
                `publish the package to an index (pip-extra-index-url) or install it in post-install`);
        }
        if (/--hash[=\s]/.test(line))
            facts.hashes = true;
        if (line.startsWith('-'))
            return; // an option line: --index-url, --extra-index-url, --find-links, ...
        const pin = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*===?\s*([A-Za-z0-9.+!_-]+)\s*(?:;.*?)?(?:\s+--hash.*)?$/.exec(line);
        if (pin)
            facts.pins.push(`${(0,inventory/* pipName */.t6)(pin[1])}==${pin[2]}`);
    });
    return facts;
}
/** Lines with continuations joined and comments removed, with the number of their first line. */
function logicalLines(text) {
    const out = [];
    let current = '';
    let start = 0;
    text.split(/\r?\n/).forEach((raw, i) => {
        if (current === '')
            start = i + 1;
        const withoutComment = raw.replace(/(^|\s)#.*$/, '');
        if (withoutComment.endsWith('\\')) {
            current += `${withoutComment.slice(0, -1)} `;
            return;
        }
        current += withoutComment;
        const line = current.trim().replace(/\s+/g, ' ');
        current = '';
        if (line)
            out.push({ line, number: start });
    });
    if (current.trim())
        out.push({ line: current.trim(), number: start });
    return out;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/effects/context-digest.ts




/**
 * A digest of a build context: every file's path, executable bit and content
 * (symlinks by their target), in sorted order. `.git` is left out: it changes
 * with every commit without changing what a Dockerfile can see when it is
 * dockerignored, as it should be. Files a .dockerignore excludes are still
 * hashed: that can only cause a rebuild too many, never a skip too many.
 */
const MAX_CONTEXT_FILES = 200_000;
function contextDigest(dir) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let files = 0;
    const walk = (rel) => {
        const names = (0,external_node_fs_.readdirSync)(external_node_path_default().join(dir, rel)).sort();
        for (const name of names) {
            const relPath = rel ? `${rel}/${name}` : name;
            if (!rel && name === '.git')
                continue;
            const full = external_node_path_default().join(dir, relPath);
            const st = (0,external_node_fs_.lstatSync)(full);
            if (++files > MAX_CONTEXT_FILES) {
                throw new errors/* UserError */.yo(`context ${dir} has more than ${MAX_CONTEXT_FILES} files; build from a smaller directory`);
            }
            if (st.isDirectory()) {
                hash.update(`d ${relPath}\n`);
                walk(relPath);
            }
            else if (st.isSymbolicLink()) {
                hash.update(`l ${relPath} ${(0,external_node_fs_.readlinkSync)(full)}\n`);
            }
            else if (st.isFile()) {
                const content = (0,external_node_crypto_.createHash)('sha256').update((0,external_node_fs_.readFileSync)(full)).digest('hex');
                hash.update(`f ${relPath} ${st.mode & 0o111 ? 'x' : '-'} ${content}\n`);
            }
        }
    };
    walk('');
    return hash.digest('hex');
}

// EXTERNAL MODULE: ./src/effects/files.ts
var files = __nccwpck_require__(9565);
// EXTERNAL MODULE: ./src/effects/registry.ts
var effects_registry = __nccwpck_require__(7403);
;// CONCATENATED MODULE: ./src/effects/build-source.ts










function readBuildSource(options, baseDir, scratch) {
    if (!options.dockerfile) {
        const context = external_node_path_default().join(scratch, 'context');
        (0,external_node_fs_.mkdirSync)(context);
        return { dockerfile: null, dockerfilePath: null, context, contextDigest: contextDigest(context), workspace: baseDir };
    }
    const context = external_node_path_default().resolve(baseDir, options.context);
    if (!(0,external_node_fs_.existsSync)(context))
        throw new errors/* UserError */.yo(`context: ${(0,errors/* quote */.hD)(options.context)} does not exist (looked for ${context})`);
    const dockerfilePath = resolveDockerfile(baseDir, options.context, options.dockerfile);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(dockerfilePath, 'utf8');
    }
    catch {
        throw new errors/* UserError */.yo(`dockerfile: ${(0,errors/* quote */.hD)(options.dockerfile)} could not be read (${dockerfilePath})`);
    }
    return { dockerfile: text, dockerfilePath, context, contextDigest: contextDigest(context), workspace: baseDir };
}
/**
 * Where input dockerfile is. Relative to the workspace, as `docker build -f` and
 * docker/build-push-action's `file` take it; or, where only that exists, relative to the context
 * (this action's first reading, kept working). When both name different files, the choice is not
 * guessed: the error says which two.
 */
function resolveDockerfile(baseDir, context, dockerfile, field = 'dockerfile') {
    const fromWorkspace = external_node_path_default().resolve(baseDir, dockerfile);
    const fromContext = external_node_path_default().resolve(baseDir, context, dockerfile);
    const isFile = (p) => (0,external_node_fs_.existsSync)(p) && (0,external_node_fs_.statSync)(p).isFile();
    const [atWorkspace, atContext] = [isFile(fromWorkspace), isFile(fromContext)];
    if (atWorkspace && atContext && fromWorkspace !== fromContext) {
        throw new errors/* UserError */.yo(`${field}: ${(0,errors/* quote */.hD)(dockerfile)} names two files: ${fromWorkspace} (relative to the workspace, as docker build -f reads it) ` +
            `and ${fromContext} (relative to the context); give the path from the workspace to the one you mean, e.g. ` +
            `${(0,errors/* quote */.hD)(external_node_path_default().relative(baseDir, fromContext))}`);
    }
    if (atWorkspace)
        return fromWorkspace;
    if (atContext)
        return fromContext;
    throw new errors/* UserError */.yo(`${field}: ${(0,errors/* quote */.hD)(dockerfile)} does not exist ` +
        `(looked for ${fromWorkspace}${fromContext !== fromWorkspace ? ` and ${fromContext}` : ''})`);
}
/**
 * Before anything runs: customisation is rendered by the embedded template (a Dockerfile of
 * one's own installs what it wants), and the files it names exist in the workspace and read well.
 */
function checkCustomisationFits(source, entries) {
    if (source.dockerfile === null) {
        const seen = new Set();
        for (const e of entries) {
            const { requirements, postInstall } = e.customisation ?? {};
            if (requirements && !seen.has(`r:${requirements}`)) {
                seen.add(`r:${requirements}`);
                copyRequirements(requirements, source.workspace, null);
            }
            if (postInstall && !seen.has(`p:${postInstall}`)) {
                seen.add(`p:${postInstall}`);
                (0,files/* readInputFile */.jH)(postInstall, source.workspace, 'post-install', true);
            }
        }
        return;
    }
    const customised = entries.find((e) => e.customisation && (0,customisation/* changesImage */.PU)({ ...(0,customisation/* emptyCustomisation */.QG)(), ...e.customisation }));
    if (customised) {
        const keys = (0,customisation/* customKeysSet */.K7)(customised.customisation ?? {}).filter((k) => k !== 'tag-suffix');
        throw new errors/* UserError */.yo(`${customised.tag}: ${keys.join(', ')} customise the embedded template, but input dockerfile names your own Dockerfile; ` +
            `install those in your Dockerfile (it gets every entry field as a build-arg), or leave dockerfile out`);
    }
}
/**
 * An entry's Dockerfile and context. For the user's Dockerfile: theirs. For the template: the
 * rendered text in `dir`, and a context of its own holding only the files the entry names
 * (requirements and what it includes, post-install), so that the content hash follows those
 * files and nothing else in the repository.
 */
function dockerfileFor(source, entry, dir, baseDigest = null) {
    if (source.dockerfile !== null && source.dockerfilePath) {
        return { text: source.dockerfile, file: source.dockerfilePath, context: source.context, contextDigest: source.contextDigest };
    }
    const custom = entry.customisation ?? {};
    const context = external_node_path_default().join(dir, 'context');
    (0,external_node_fs_.mkdirSync)(context, { recursive: true });
    let requirements = null;
    if (custom.requirements) {
        const target = external_node_path_default().join(context, dockerfile/* CONTEXT_REQUIREMENTS_DIR */.Tp);
        const facts = copyRequirements(custom.requirements, source.workspace, target);
        requirements = { facts };
    }
    if (custom.postInstall) {
        const file = (0,files/* readInputFile */.jH)(custom.postInstall, source.workspace, `${entry.tag}: post-install`, true);
        const target = external_node_path_default().join(context, dockerfile/* CONTEXT_POST_INSTALL */.vi);
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(target), { recursive: true });
        (0,external_node_fs_.copyFileSync)(file.path, target);
        (0,external_node_fs_.chmodSync)(target, 0o755);
    }
    const text = (0,dockerfile/* renderDockerfile */.TI)(entry, { baseDigest, requirements });
    const file = external_node_path_default().join(dir, 'Dockerfile');
    (0,external_node_fs_.writeFileSync)(file, text);
    return { text, file, context, contextDigest: contextDigest(context) };
}
/** What a requirements file (and the files it includes) says, read from the workspace. */
function readRequirementsTree(rel, workspace) {
    return copyRequirements(rel, workspace, null);
}
/** Copy a requirements file and the files it includes (-r, -c), keeping their relative places (or only read them: no target). */
function copyRequirements(rel, workspace, targetDir) {
    const top = (0,files/* readInputFile */.jH)(rel, workspace, 'requirements', true);
    const topDir = external_node_path_default().dirname(top.path);
    const seen = new Set();
    const visit = (file, origin) => {
        const read = (0,files/* readInputFile */.jH)(file, topDir, origin, true);
        const real = read.path;
        const facts = readRequirements(read.text, origin);
        const relToTop = external_node_path_default().relative(topDir, real);
        if (relToTop.startsWith('..'))
            throw new errors/* UserError */.yo(`${origin}: ${(0,errors/* quote */.hD)(file)} is outside the folder of ${rel}; keep included files beside it or below it`);
        if (seen.has(real))
            return facts;
        seen.add(real);
        if (targetDir) {
            const dest = external_node_path_default().join(targetDir, relToTop);
            (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(dest), { recursive: true });
            (0,external_node_fs_.copyFileSync)(real, dest);
        }
        for (const inc of facts.includes) {
            const sub = visit(external_node_path_default().join(external_node_path_default().dirname(relToTop), inc), `${rel} (included ${inc})`);
            facts.hashes ||= sub.hashes;
            facts.pins.push(...sub.pins);
        }
        return facts;
    };
    return visit(external_node_path_default().basename(top.path), `requirements ${rel}`);
}
/**
 * The base image's digest, asked of its registry before anything builds: a tag that does not
 * exist is reported here, not after a failed pull; one that does is pinned in FROM (so the
 * content hash follows the base image). When the registry cannot be asked, the build goes on
 * from the tag.
 */
async function lookUpBaseImage(reference, registry) {
    const ref = (0,image_reference/* parseImageReference */.o_)(reference, 'base image');
    if (ref.digest)
        return { digest: null };
    try {
        const found = await registry.head(ref.repo, ref.tag);
        if (found?.digest)
            return { digest: found.digest };
        if (found)
            return { digest: null };
        return {
            error: `the base image ${reference} does not exist: ${ref.repo.registry} has no tag ` +
                `${(0,errors/* quote */.hD)(ref.tag)} in ${ref.repo.path}. Check the tag (base-image placeholders are ` +
                `filled from the entry: torch, cuda, cudnnMajor, ...), or that the image was not removed`,
        };
    }
    catch (err) {
        const status = err instanceof effects_registry/* RegistryError */.gl ? err.status : null;
        if (status === 401 || status === 403) {
            // Docker Hub answers 401 for a repository that does not exist too; the builder may still be
            // able to pull with credentials this client cannot use, so the build is left to decide.
            return {
                digest: null,
                warning: `could not look up the base image ${reference}: ${ref.repo.registry} answered ${status} (a private ` +
                    `image without a login here, or a repository that does not exist); building from the tag, unpinned`,
            };
        }
        return {
            digest: null,
            warning: `could not look up the base image ${reference} (${err.message}); building from the tag, unpinned`,
        };
    }
}


/***/ }),

/***/ 2559:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  W: () => (/* binding */ execCapture)
});

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/effects/exec.ts

/** Output kept per command: enough for a diagnosis, bounded for a build that prints gigabytes. */
const MAX_CAPTURE = 4 * 1024 * 1024;
function execCapture(file, args, options = {}) {
    return new Promise((resolve) => {
        let output = '';
        let pending = '';
        let timedOut = false;
        const child = (0,external_node_child_process_namespaceObject.spawn)(file, args, {
            env: options.env ?? process.env,
            cwd: options.cwd,
            stdio: ['pipe', 'pipe', 'pipe'],
            detached: true, // own process group, so a timeout or cancel stops its children too
        });
        const kill = () => {
            if (child.pid === undefined || child.exitCode !== null)
                return;
            try {
                process.kill(-child.pid, 'SIGTERM');
            }
            catch {
                child.kill('SIGTERM');
            }
            setTimeout(() => {
                try {
                    if (child.pid !== undefined && child.exitCode === null)
                        process.kill(-child.pid, 'SIGKILL');
                }
                catch {
                    // already gone
                }
            }, 5000).unref();
        };
        const timer = options.timeoutMs
            ? setTimeout(() => {
                timedOut = true;
                kill();
            }, options.timeoutMs)
            : undefined;
        const onAbort = () => kill();
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const take = (chunk) => {
            const text = chunk.toString('utf8');
            output += text;
            if (output.length > MAX_CAPTURE)
                output = output.slice(-MAX_CAPTURE);
            if (options.onLine) {
                pending += text;
                const parts = pending.split(/\r?\n/);
                pending = parts.pop() ?? '';
                for (const line of parts)
                    options.onLine(line);
            }
        };
        child.stdout.on('data', take);
        child.stderr.on('data', take);
        child.on('error', (err) => {
            output += `${err.message}\n`;
        });
        child.on('close', (code, signal) => {
            if (timer)
                clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            if (pending && options.onLine)
                options.onLine(pending);
            resolve({ code: code ?? (signal ? 128 : 1), output, timedOut });
        });
        child.stdin.on('error', () => {
            // the tool may exit without reading its input
        });
        child.stdin.end(options.input ?? '');
    });
}


/***/ }),

/***/ 9565:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CT: () => (/* binding */ insideWorkspace),
/* harmony export */   fQ: () => (/* binding */ tempRoot),
/* harmony export */   jH: () => (/* binding */ readInputFile),
/* harmony export */   vJ: () => (/* binding */ readStdin)
/* harmony export */ });
/* unused harmony export MAX_INPUT_FILE_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3916);




/** Largest input file read: matrix specs and compat files are kilobytes. */
const MAX_INPUT_FILE_BYTES = 1024 * 1024;
/**
 * The real path of `file` (relative to `base`), refused when it leaves `base`. Symlinks are
 * resolved before comparing, of the file or, when it does not exist yet, of its nearest existing
 * folder, so a link inside the workspace cannot lead an input outside it.
 */
function insideWorkspace(base, file, field) {
    if (file.includes('\0'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(file)} is not a valid path`);
    const realBase = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(base);
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(base, file);
    let existing = resolved;
    while (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(existing) && node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(existing) !== existing)
        existing = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(existing);
    const real = node_path__WEBPACK_IMPORTED_MODULE_2___default().join((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(existing), node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(existing, resolved));
    const rel = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(realBase, real);
    if (rel === '..' || rel.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)}`) || node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(rel)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(file)} is outside the workspace (${realBase}); give a path inside the repository`);
    }
    return real;
}
/**
 * Read a file named by an input. Relative paths resolve against `baseDir`; with `confine`, the
 * real path must stay inside it (the action's inputs cannot read files outside the workspace).
 */
function readInputFile(file, baseDir, field, confine) {
    if (file.includes('\0'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(file)} is not a valid path`);
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(baseDir, file);
    if (confine)
        insideWorkspace(baseDir, file, field);
    let real;
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(resolved);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(file)} does not exist (looked for ${resolved})`);
    }
    const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(real);
    if (!stat.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(file)} is not a regular file`);
    if (stat.size > MAX_INPUT_FILE_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(file)} is ${stat.size} bytes; at most ${MAX_INPUT_FILE_BYTES} are read`);
    }
    return { text: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(real, 'utf8'), origin: `${field} ${file}`, path: real };
}
/** Standard input, for the CLI's `--matrix -`. */
function readStdin(field) {
    return { text: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(0, 'utf8'), origin: `${field} (stdin)` };
}
/**
 * Where scratch files go: the runner's RUNNER_TEMP (created when it is set but missing, as on a
 * self-hosted runner that cleaned it), else the system's temporary directory.
 */
function tempRoot(env) {
    const dir = env.RUNNER_TEMP;
    if (!dir)
        return (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)();
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
    return dir;
}


/***/ }),

/***/ 760:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KQ: () => (/* binding */ BodyTooLarge),
/* harmony export */   Ko: () => (/* binding */ retryWaitMs),
/* harmony export */   ZQ: () => (/* binding */ httpStream),
/* harmony export */   aj: () => (/* binding */ httpRequest)
/* harmony export */ });
/* unused harmony export retryAfterMs */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _image_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9971);



const agents = { http: new (node_http__WEBPACK_IMPORTED_MODULE_0___default().Agent)({ keepAlive: true }), https: new (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent)({ keepAlive: true }) };
/** An answer longer than the caller allows (`maxBytes`): the request is ended, and retrying would not help. */
class BodyTooLarge extends Error {
}
function httpRequest(url, options = {}) {
    const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    const u = typeof url === 'string' ? new URL(url) : url;
    const secure = u.protocol === 'https:';
    const lib = secure ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default());
    const idle = options.timeoutMs ?? 60_000;
    // The timeout below bounds a silence; a server that trickles a byte at a time is bounded by
    // this: the whole answer within five times it.
    let deadline;
    return new Promise((resolve, reject) => {
        deadline = setTimeout(() => req.destroy(new Error(`no complete answer from ${u.host} within ${(5 * idle) / 1000} s`)), 5 * idle);
        deadline.unref();
        const req = lib.request(u, {
            method: options.method ?? 'GET',
            headers: { ...options.headers, ...(options.body ? { 'Content-Length': String(options.body.length) } : {}) },
            agent: secure ? agents.https : agents.http,
            timeout: idle,
        }, (res) => {
            const chunks = [];
            let size = 0;
            // What a server sends back is bounded: a body past maxBytes (or a Content-Length that says
            // it will be, except on a HEAD, whose Content-Length is that of a body not sent) ends the
            // request with an error, at once.
            const tooLarge = () => {
                req.destroy(new BodyTooLarge(`the answer from ${u.host} is larger than ${maxBytes} bytes`));
            };
            if (options.method !== 'HEAD' && Number(res.headers['content-length']) > maxBytes)
                return tooLarge();
            res.on('data', (c) => {
                size += c.length;
                if (size > maxBytes)
                    tooLarge();
                else
                    chunks.push(c);
            });
            res.on('end', () => {
                const headers = {};
                for (const [k, v] of Object.entries(res.headers))
                    if (v !== undefined)
                        headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
                const status = res.statusCode ?? 0;
                // Idle keep-alive sockets must not keep the process running.
                res.socket?.unref();
                resolve({ status, statusText: res.statusMessage ?? '', ok: status >= 200 && status < 300, headers, body: Buffer.concat(chunks) });
            });
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error(`timed out after ${idle} ms`)));
        req.on('error', reject);
        req.end(options.body);
    }).finally(() => clearTimeout(deadline));
}
/**
 * How long a `Retry-After` header asks to wait, in ms: delay-seconds or an HTTP-date (RFC 9110
 * §10.2.3); null when there is none or it cannot be read. A past date is 0.
 */
function retryAfterMs(value, nowMs) {
    const v = value?.trim() ?? '';
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    // Date.parse reads IMF-fixdate and the two obsolete forms; a letter keeps "1.5" from being a date.
    const date = /[A-Za-z]/.test(v) ? Date.parse(v) : Number.NaN;
    return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}
/**
 * How long to wait before another attempt after a 429 or 5xx answer: a 429 or 503 as long as its
 * Retry-After asks, cut to `maxMs`; otherwise (or without one) the usual backoff from `baseMs`.
 */
function retryWaitMs(res, attempt, baseMs, maxMs) {
    const asked = res.status === 429 || res.status === 503 ? retryAfterMs(res.headers['retry-after'], Date.now()) : null;
    return asked === null ? (0,_image_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .backoffMs */ .jo)(attempt + 1, baseMs) : Math.min(asked, maxMs);
}
/**
 * A GET whose body is read as a stream (a layer blob can be gigabytes): resolves once the
 * headers are in. `idleTimeoutMs` bounds a silence, not the whole transfer.
 */
function httpStream(url, options = {}) {
    const u = typeof url === 'string' ? new URL(url) : url;
    const secure = u.protocol === 'https:';
    const idle = options.idleTimeoutMs ?? 60_000;
    return new Promise((resolve, reject) => {
        const req = (secure ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default())).request(u, { method: 'GET', headers: options.headers ?? {}, agent: secure ? agents.https : agents.http, timeout: idle }, (res) => {
            const headers = {};
            for (const [k, v] of Object.entries(res.headers))
                if (v !== undefined)
                    headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
            const status = res.statusCode ?? 0;
            // Idle keep-alive sockets must not keep the process running.
            res.on('end', () => res.socket?.unref());
            resolve({ status, statusText: res.statusMessage ?? '', ok: status >= 200 && status < 300, headers, body: res });
        });
        // A stall before or during the body: the request and its response stream end with this error.
        req.on('timeout', () => req.destroy(new Error(`no data for ${idle} ms`)));
        req.on('error', reject);
        req.end();
    });
}


/***/ }),

/***/ 7403:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bP: () => (/* binding */ RegistryClient),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   ir: () => (/* binding */ BlobCheck)
/* harmony export */ });
/* unused harmony exports MAX_MANIFEST_BYTES, mayCarryCredentials, credentialsFor */
/* harmony import */ var _image_manifest_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(596);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(8301);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__nccwpck_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(3564);
/* harmony import */ var _image_retry_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(9971);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(2559);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(760);











/**
 * A small client for the OCI distribution API: look up, read and re-tag
 * manifests. Credentials come from the docker config (as docker/login-action
 * leaves them), including credential helpers; they are never logged.
 *
 * Ask with `head` whenever the digest is enough: Docker Hub counts a manifest GET
 * as a pull against its rate limit and a HEAD not ("Using GET emulates a real pull
 * and counts towards the limit. Using HEAD won't.", docker/docs
 * content/manuals/docker-hub/usage/pulls.md).
 */
const MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
/**
 * The most a registry answer other than a blob may be: a manifest, an index, a page of tags, an
 * error. containerd reads manifests up to 4 MiB (images.ManifestLimit); registries take no larger.
 */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** The most a token realm's answer may be: a token is a few KiB. */
const MAX_TOKEN_BYTES = 1024 * 1024;
class RegistryError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
class RegistryClient {
    env;
    retries;
    mask;
    maxRetryAfterMs;
    warn;
    /** the last challenge (WWW-Authenticate) per registry, so a new scope asks for its token before its first request */
    challenges = new Map();
    /**
     * Authorization per realm, service and scope (Basic: per registry). A token for
     * `repository:x:pull` is never sent with a push, which asks for `pull,push` itself: a registry
     * may answer a push with a pull token 403 rather than 401 and a new challenge.
     */
    tokens = new Map();
    /** per registry, why the last answer to its challenge may have been refused (credentials withheld, the realm's status), for its errors */
    authNotes = new Map();
    /** warnings given, each once */
    warned = new Set();
    /** requests sent, for the benchmark and the "one request per entry" check */
    requests = 0;
    /** manifest GETs sent: what Docker Hub counts as pulls */
    manifestGets = 0;
    constructor(env = process.env, retries = 2, 
    /** told every credential read, so the runner can mask it (core.setSecret) before anything could print it */
    mask = () => { }, 
    /** the longest wait a Retry-After is followed for; a longer one is cut to it */
    maxRetryAfterMs = 60_000, 
    /** told, once each, what the client declined to do (credentials withheld from a token realm) */
    warn = () => { }) {
        this.env = env;
        this.retries = retries;
        this.mask = mask;
        this.maxRetryAfterMs = maxRetryAfterMs;
        this.warn = warn;
    }
    /** The manifest's digest ('' when the registry leaves Docker-Content-Digest out), or null when the tag does not exist. */
    async head(repo, reference) {
        const res = await this.request(repo, 'HEAD', `/manifests/${reference}`, { Accept: MANIFEST_TYPES });
        if (res.status === 404)
            return null;
        if (!res.ok)
            throw new RegistryError(`HEAD ${repo.registry}/${repo.path}:${reference}: ${this.failure(res, repo)}`, res.status);
        return { digest: res.headers['docker-content-digest'] ?? '', mediaType: res.headers['content-type'] ?? '' };
    }
    /** The manifest with its body: a pull on Docker Hub, so only when the body is needed. */
    async get(repo, reference) {
        const res = await this.request(repo, 'GET', `/manifests/${reference}`, { Accept: MANIFEST_TYPES });
        if (res.status === 404)
            return null;
        if (!res.ok)
            throw new RegistryError(`GET ${repo.registry}/${repo.path}:${reference}: ${this.failure(res, repo)}`, res.status);
        // Asked for by digest: the bytes must be those the digest names, whatever the registry says.
        const algorithm = (0,_image_manifest_js__WEBPACK_IMPORTED_MODULE_7__/* .digestAlgorithm */ .g4)(reference);
        if (algorithm) {
            const got = `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(res.body).digest('hex')}`;
            if (got !== reference) {
                throw new RegistryError(`GET ${repo.registry}/${repo.path}@${reference}: the manifest's bytes hash to ${got}, not to the digest asked for`, res.status);
            }
            return { digest: reference, mediaType: res.headers['content-type'] ?? '', body: res.body };
        }
        // The digest of a manifest is that of its bytes as served, when the registry does not say.
        const digest = res.headers['docker-content-digest'] || `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(res.body).digest('hex')}`;
        return { digest, mediaType: res.headers['content-type'] ?? '', body: res.body };
    }
    /** Point `tag` at a manifest that is already in the same repository. */
    async put(repo, tag, manifest) {
        const res = await this.request(repo, 'PUT', `/manifests/${tag}`, { 'Content-Type': manifest.mediaType }, manifest.body);
        if (!res.ok) {
            throw new RegistryError(`PUT ${repo.registry}/${repo.path}:${tag}: ${res.status} ${res.statusText} ${res.body.toString('utf8').slice(0, 200)}`, res.status);
        }
        return res.headers['docker-content-digest'] ?? manifest.digest;
    }
    /**
     * A blob as a stream, for layers too large to hold in memory: a HEAD through `request` first
     * (it answers the 401 challenge and retries), then one GET with the same authorization, read
     * as it arrives, following the redirect registries use for storage without credentials (no
     * Authorization, no cookie: nothing but the URL goes to the next hop, whatever its host).
     *
     * `size` is the descriptor's (the HEAD's Content-Length when not given): the stream ends with an
     * error as soon as the registry sends more, or at its end when it sent less or bytes that do not
     * hash to `digest`, so a reader never sees a clean end of wrong bytes. Nothing is buffered.
     */
    async blobStream(repo, digest, size) {
        const where = `blob ${digest} from ${repo.registry}/${repo.path}`;
        // The digest goes into the URL: a descriptor's digest that is not one (a path, a query) is refused first.
        if (!(0,_image_manifest_js__WEBPACK_IMPORTED_MODULE_7__/* .digestAlgorithm */ .g4)(digest)) {
            throw new RegistryError(`blob ${JSON.stringify(digest)} of ${repo.registry}/${repo.path}: ` +
                `${JSON.stringify(digest)} is not a digest (sha256: or sha512: and lowercase hex)`, null);
        }
        if (size !== undefined && !(Number.isSafeInteger(size) && size >= 0))
            throw new RegistryError(`${where}: its descriptor's size ${JSON.stringify(size)} is not a byte count`, null);
        const suffix = `/blobs/${digest}`;
        const head = await this.request(repo, 'HEAD', suffix, {});
        if (head.status >= 400)
            throw new RegistryError(`HEAD blob ${digest} of ${repo.registry}/${repo.path}: ${head.status} ${head.statusText}`, head.status);
        const headLength = head.status === 200 && /^\d+$/.test(head.headers['content-length'] ?? '') ? Number(head.headers['content-length']) : null;
        const expected = size ?? headLength;
        if (expected === null || !Number.isSafeInteger(expected))
            throw new RegistryError(`${where}: its size is unknown (no descriptor size, no Content-Length), so its read could not be bounded`, null);
        const auth = await this.authorization(repo, `repository:${repo.path}:pull`, null);
        this.requests++;
        let url = new URL(`${this.base(repo)}${suffix}`);
        let res = await (0,_http_js__WEBPACK_IMPORTED_MODULE_6__/* .httpStream */ .ZQ)(url, auth ? { headers: { Authorization: auth } } : {});
        for (let hops = 0; res.status >= 300 && res.status < 400 && res.headers.location && hops < 5; hops++) {
            res.body.destroy();
            const next = URL.canParse(res.headers.location, url.href) ? new URL(res.headers.location, url) : null;
            if (next?.protocol !== 'https:' && next?.protocol !== 'http:')
                throw new RegistryError(`GET ${where}: redirected to ${JSON.stringify(res.headers.location.slice(0, 200))}, not an http or https URL`, res.status);
            this.requests++;
            // No headers at all: a redirect may point anywhere (signed storage URLs carry their own access).
            res = await (0,_http_js__WEBPACK_IMPORTED_MODULE_6__/* .httpStream */ .ZQ)((url = next));
        }
        if (!res.ok) {
            res.body.destroy();
            throw new RegistryError(`GET blob ${digest} of ${repo.registry}/${repo.path}: ${res.status} ${res.statusText}`, res.status);
        }
        const declared = res.headers['content-length'];
        if (declared !== undefined && Number(declared) !== expected) {
            res.body.destroy();
            throw new RegistryError(`${where}: the registry says ${declared} bytes, its descriptor ${expected}`, res.status);
        }
        const check = new BlobCheck(digest, expected, where);
        const body = res.body;
        // The body's error (a reset, a cut) reaches the reader, named; the check's (too long) or the
        // reader's destroy closes the connection, so a registry cannot keep sending.
        body.on('error', (err) => {
            check.destroy(new RegistryError(`${where} broke off after ${check.received} of the ${expected} bytes its descriptor gives (${err.message})`, null));
        });
        check.on('close', () => body.destroy());
        body.pipe(check);
        return check;
    }
    /**
     * The repository's tags, following the `Link: <...>; rel="next"` pages (distribution-spec
     * "Listing Tags"), at most `maxPages` of them: a public repository like nvidia/cuda has thousands.
     */
    async tags(repo, maxPages = 10) {
        const tags = [];
        let suffix = '/tags/list?n=1000';
        for (let page = 0; page < maxPages && suffix; page++) {
            const res = await this.request(repo, 'GET', suffix, { Accept: 'application/json' });
            if (!res.ok)
                throw new RegistryError(`GET tags of ${repo.registry}/${repo.path}: ${this.failure(res, repo)}`, res.status);
            let doc;
            try {
                doc = JSON.parse(res.body.toString('utf8'));
            }
            catch {
                throw new RegistryError(`GET tags of ${repo.registry}/${repo.path}: the answer is not JSON`, res.status);
            }
            const list = (0,_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isRecord */ .u)(doc) ? doc.tags : undefined;
            if (Array.isArray(list))
                tags.push(...list.filter((t) => typeof t === 'string' && t.length <= 128));
            const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(res.headers.link ?? '')?.[1];
            // The next page's path and query, kept within this repository's /tags/list; a link that is not a URL ends the pages.
            const url = next && URL.canParse(next, 'http://registry.invalid') ? new URL(next, 'http://registry.invalid') : null;
            suffix = url && url.pathname.endsWith(`/${repo.path}/tags/list`) ? `/tags/list${url.search}` : '';
        }
        return tags;
    }
    /** Compressed size of an image: its config and layers as the manifest lists them. */
    static imageSize(manifest) {
        return (0,_image_manifest_js__WEBPACK_IMPORTED_MODULE_7__/* .imageBytes */ .vb)(manifest.body.toString('utf8'));
    }
    base(repo) {
        return `${(0,_image_reference_js__WEBPACK_IMPORTED_MODULE_9__/* .isLoopbackRegistry */ .jW)(repo.registry) ? 'http' : 'https'}://${registryHost(repo.registry)}/v2/${repo.path}`;
    }
    async request(repo, method, suffix, headers, body) {
        const url = `${this.base(repo)}${suffix}`;
        // Reading asks for pull alone: an anonymous or read-only login may not be granted push.
        const scope = `repository:${repo.path}:${method === 'GET' || method === 'HEAD' ? 'pull' : 'pull,push'}`;
        for (let attempt = 0;; attempt++) {
            try {
                const known = await this.authorization(repo, scope, null);
                let res = await this.send(url, method, { ...headers, ...(known ? { Authorization: known } : {}) }, body);
                if (res.status === 401) {
                    const fresh = await this.authorization(repo, scope, res.headers['www-authenticate'] ?? '');
                    if (fresh)
                        res = await this.send(url, method, { ...headers, Authorization: fresh }, body);
                }
                if ((res.status === 429 || res.status >= 500) && attempt < this.retries) {
                    await sleep(this.waitMs(res, attempt));
                    continue;
                }
                return res;
            }
            catch (err) {
                // Too large an answer, or one the client refuses to act on: the same again would not help.
                if (attempt >= this.retries || err instanceof _http_js__WEBPACK_IMPORTED_MODULE_6__/* .BodyTooLarge */ .KQ || err instanceof RegistryError) {
                    const cause = err.cause;
                    throw new RegistryError(`${method} ${url}: ${err.message}${cause ? ` (${cause.message})` : ''}`, null);
                }
                await sleep((0,_image_retry_js__WEBPACK_IMPORTED_MODULE_10__/* .backoffMs */ .jo)(attempt + 1, 500));
            }
        }
    }
    /**
     * Before another attempt: a 429 (or 503) waits as long as its Retry-After asks, cut to
     * maxRetryAfterMs (the OCI distribution-spec: a 429 TOOMANYREQUESTS "SHOULD include a
     * Retry-After header"); without one, the usual backoff (GHCR puts its hint in the error text).
     */
    waitMs(res, attempt) {
        return (0,_http_js__WEBPACK_IMPORTED_MODULE_6__/* .retryWaitMs */ .Ko)(res, attempt, 500, this.maxRetryAfterMs);
    }
    /** "429 Too Many Requests: <the registry's error text>", for a RegistryError. */
    failure(res, repo) {
        const text = res.body.toString('utf8').replace(/\s+/g, ' ').trim().slice(0, 200);
        const n = this.retries + 1;
        const tries = res.status === 429 || res.status >= 500 ? ` (after ${n} attempt${n === 1 ? '' : 's'})` : '';
        const note = res.status === 401 || res.status === 403 ? this.authNotes.get(repo.registry) : undefined;
        return `${res.status} ${res.statusText}${tries}${text ? `: ${text}` : ''}${note ? `; ${note}` : ''}`;
    }
    async send(url, method, headers, body) {
        this.requests++;
        if (method === 'GET' && url.includes('/manifests/'))
            this.manifestGets++;
        return (0,_http_js__WEBPACK_IMPORTED_MODULE_6__/* .httpRequest */ .aj)(url, { method, headers, ...(body ? { body } : {}), timeoutMs: 60_000, maxBytes: MAX_MANIFEST_BYTES });
    }
    /**
     * The Authorization for a scope: with `challenge` null, the one kept for it (a token is asked
     * for first when the registry's challenge is known but this scope has none yet, so a push never
     * goes out with a pull token); with a new challenge (a 401), a fresh one.
     */
    async authorization(repo, scope, challenge) {
        if (challenge)
            this.challenges.set(repo.registry, challenge);
        const known = challenge ?? this.challenges.get(repo.registry);
        if (!known || !/^(Basic|Bearer)\b/i.test(known))
            return null;
        const params = challengeParams(known);
        // Per registry too: a token one registry's credentials bought never goes to another that names the same realm.
        const key = /^Basic/i.test(known)
            ? `basic ${repo.registry}`
            : `${repo.registry} ${params.realm ?? ''} ${params.service ?? ''} ${scope}`;
        const kept = this.tokens.get(key);
        if (kept && challenge === null)
            return kept;
        const fresh = await this.authorize(repo, known, scope);
        if (fresh)
            this.tokens.set(key, fresh);
        else
            this.tokens.delete(key);
        return fresh;
    }
    /**
     * Answer a challenge: Basic with the stored credentials (a Basic challenge is answered to the
     * registry itself, never elsewhere), or a Bearer token for `scope` from the realm. The realm is
     * the registry's to name, but the credentials go there only where `mayCarryCredentials` allows
     * (https, the registry's own host, loopback); elsewhere the token is asked for without them, and
     * `warn` and the registry's next 401 or 403 say so.
     */
    async authorize(repo, challenge, scope) {
        const creds = await credentialsFor(repo.registry, this.env);
        if (creds)
            this.mask(creds.password);
        this.authNotes.delete(repo.registry);
        if (/^Basic/i.test(challenge)) {
            return creds ? `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` : null;
        }
        if (!/^Bearer/i.test(challenge))
            return null;
        const params = challengeParams(challenge);
        if (!params.realm)
            return null;
        const tokenUrl = URL.canParse(params.realm) ? new URL(params.realm) : null;
        if (tokenUrl?.protocol !== 'https:' && tokenUrl?.protocol !== 'http:')
            throw new RegistryError(`${repo.registry} names a token realm that is not an http or https URL: ${JSON.stringify(params.realm.slice(0, 200))}`, null);
        // Only what this client chooses goes with the request: no user or password from the realm itself.
        tokenUrl.username = '';
        tokenUrl.password = '';
        tokenUrl.hash = '';
        const realm = `${tokenUrl.origin}${tokenUrl.pathname}`;
        const notes = [];
        let send = creds;
        if (creds && !mayCarryCredentials(repo.registry, tokenUrl)) {
            send = null;
            const note = `credentials for ${repo.registry} not sent to realm ${realm}: not https, not the registry's host and not loopback`;
            notes.push(note);
            if (!this.warned.has(note)) {
                this.warned.add(note);
                this.warn(`${note}; asked for a token without them`);
            }
        }
        if (params.service)
            tokenUrl.searchParams.set('service', params.service);
        tokenUrl.searchParams.set('scope', scope);
        const res = await (0,_http_js__WEBPACK_IMPORTED_MODULE_6__/* .httpRequest */ .aj)(tokenUrl, {
            headers: send ? { Authorization: `Basic ${Buffer.from(`${send.username}:${send.password}`).toString('base64')}` } : {},
            timeoutMs: 30_000,
            maxBytes: MAX_TOKEN_BYTES,
        });
        this.requests++;
        if (!res.ok)
            notes.push(`the token realm ${realm} answered ${res.status} ${res.statusText}`.trimEnd());
        if (notes.length)
            this.authNotes.set(repo.registry, notes.join('; '));
        if (!res.ok)
            return null;
        let json;
        try {
            json = JSON.parse(res.body.toString('utf8'));
        }
        catch {
            throw new RegistryError(`the token realm ${realm} of ${repo.registry} answered with something other than JSON`, null);
        }
        const token = typeof json.token === 'string' && json.token ? json.token : typeof json.access_token === 'string' ? json.access_token : '';
        // Masked when credentials bought it; an anonymous token is no secret, and masking a short word
        // a registry chose ("error") would hide it from the rest of the job's log.
        if (token && send && token.length >= 16)
            this.mask(token);
        return token ? `Bearer ${token}` : null;
    }
}
/**
 * A blob's bytes as they pass, checked against its descriptor: an error as soon as more than
 * `size` bytes arrive, and at the end when fewer did or they do not hash to `digest`.
 */
class BlobCheck extends node_stream__WEBPACK_IMPORTED_MODULE_4__.Transform {
    digest;
    size;
    where;
    /** bytes taken so far */
    received = 0;
    hash;
    constructor(digest, size, 
    /** what the errors name: "blob sha256:… from registry/repository" */
    where) {
        super();
        this.digest = digest;
        this.size = size;
        this.where = where;
        const algorithm = (0,_image_manifest_js__WEBPACK_IMPORTED_MODULE_7__/* .digestAlgorithm */ .g4)(digest);
        if (!algorithm)
            throw new RegistryError(`${where}: ${JSON.stringify(digest)} is not a digest this client can check`, null);
        this.hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm);
    }
    _transform(chunk, _encoding, done) {
        this.received += chunk.length;
        if (this.received > this.size) {
            done(new RegistryError(`${this.where} sent more than the ${this.size} bytes its descriptor gives`, null));
            return;
        }
        this.hash.update(chunk);
        done(null, chunk);
    }
    _flush(done) {
        if (this.received < this.size) {
            done(new RegistryError(`${this.where} ended after ${this.received} of the ${this.size} bytes its descriptor gives`, null));
            return;
        }
        const got = `${this.digest.slice(0, this.digest.indexOf(':'))}:${this.hash.digest('hex')}`;
        done(got === this.digest ? null : new RegistryError(`${this.where}: its bytes hash to ${got}, not to its digest ${this.digest}`, null));
    }
}
/** The host a registry name is reached at: Docker Hub's API is not on docker.io. */
function registryHost(registry) {
    return registry === 'docker.io' ? 'registry-1.docker.io' : registry;
}
/**
 * Whether the credentials for `registry` may go to a token realm it names: over https, to the
 * registry's own host (its hostname, any port), or to loopback (127.0.0.0/8, ::1, localhost, as
 * the URL parser writes them: an IPv4-mapped ::ffff:127.0.0.1 is not taken for loopback). Anything
 * else would send them over plain http to a host of the registry's choosing.
 */
function mayCarryCredentials(registry, realm) {
    const url = typeof realm === 'string' ? (URL.canParse(realm) ? new URL(realm) : null) : realm;
    if (url?.protocol === 'https:')
        return true;
    if (url?.protocol !== 'http:')
        return false;
    const own = URL.canParse(`https://${registryHost(registry)}`) ? new URL(`https://${registryHost(registry)}`).hostname : null;
    return url.hostname === own || (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_9__/* .isLoopbackRegistry */ .jW)(url.host);
}
/** The key="value" pairs of a WWW-Authenticate challenge. */
function challengeParams(challenge) {
    return Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}
function sleep(ms) {
    return new Promise((r) => setTimeout(r, ms));
}
/** Credentials for a registry from the docker config, as `docker login` stores them. */
async function credentialsFor(registry, env) {
    const dir = env.DOCKER_CONFIG || node_path__WEBPACK_IMPORTED_MODULE_3___default().join(env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)(), '.docker');
    let config;
    try {
        config = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'config.json'), 'utf8'));
    }
    catch {
        return null;
    }
    const names = registry === 'docker.io'
        ? ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io']
        : [registry, `https://${registry}`, `http://${registry}`];
    const helper = names.map((n) => config.credHelpers?.[n]).find(Boolean) ?? config.credsStore;
    if (helper && /^[\w.-]+$/.test(helper)) {
        const res = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_5__/* .execCapture */ .W)(`docker-credential-${helper}`, ['get'], { input: names[0], env, timeoutMs: 30_000 });
        if (res.code === 0) {
            try {
                const c = JSON.parse(res.output);
                if (c.Username && c.Secret)
                    return { username: c.Username, password: c.Secret };
            }
            catch {
                // fall through to auths
            }
        }
    }
    for (const n of names) {
        const entry = config.auths?.[n];
        if (entry?.auth) {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon > 0)
                return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
        }
    }
    return null;
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bp: () => (/* binding */ describeValue),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   yh: () => (/* binding */ listWords),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * A mistake the user can fix: bad input, a request that resolves to nothing,
 * a compat-file that fails its schema. Shown as its message alone (no stack),
 * and the CLI exits with status 2 for it.
 */
class UserError extends Error {
    name = 'UserError';
}
/** Quote a user-supplied value for a message, keeping control characters visible. */
function quote(value) {
    if (value === undefined)
        return 'nothing';
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
    const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
    return typeof value === 'string' ? JSON.stringify(shown) : shown;
}
/** What a parsed YAML/JSON value is, for "expected X, got Y" messages. */
function describeValue(v) {
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object' && v !== null)
        return 'a mapping';
    if (v === null || v === undefined)
        return 'nothing';
    return `the value ${quote(v)}`;
}
/** "a, b or c" */
function listWords(items, last = 'or') {
    if (items.length <= 1)
        return items.join('');
    return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}


/***/ }),

/***/ 8401:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ pypiIndexOf),
/* harmony export */   JU: () => (/* binding */ pypiIndexFlag),
/* harmony export */   Ln: () => (/* binding */ span),
/* harmony export */   aO: () => (/* binding */ UV_MOUNT),
/* harmony export */   cs: () => (/* binding */ nvidiaCudaImage),
/* harmony export */   ns: () => (/* binding */ exactPin),
/* harmony export */   u$: () => (/* binding */ XLA_PTX_RULE),
/* harmony export */   wT: () => (/* binding */ PYPI_SIMPLE),
/* harmony export */   y5: () => (/* binding */ cpuChoice)
/* harmony export */ });
/* harmony import */ var _template_shell_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1444);

/** PyPI's simple API, where TensorFlow, JAX and the team's packages come from unless a mirror is set. */
const PYPI_SIMPLE = 'https://pypi.org/simple';
/** The index an entry's PyPI packages come from: pypi-index-url, else PyPI. */
function pypiIndexOf(entry) {
    return entry.customisation?.pypiIndexUrl ?? PYPI_SIMPLE;
}
/** ` --index-url '<url>'` for an install from PyPI when a mirror replaces it; '' for PyPI itself. */
function pypiIndexFlag(entry) {
    const url = entry.customisation?.pypiIndexUrl;
    return url ? ` --index-url ${(0,_template_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellWord */ .r)(url)}` : '';
}
/** "nvidia-cudnn-cu12==9.1.0.70" -> its name and version; null for anything but an exact pin. */
function exactPin(requirement) {
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([A-Za-z0-9.+!_-]+)$/.exec(requirement.trim());
    return m ? { project: m[1], version: m[2] } : null;
}
/** uv, mounted from its image for one RUN step (it never stays in the image). */
const UV_MOUNT = '--mount=from=uv,source=/uv,target=/usr/local/bin/uv';
/** nvidia/cuda:<release>-<cudnn token>-<flavor>-ubuntu<ver>, the tag NVIDIA publishes. */
function nvidiaCudaImage(cuda, flavor, ubuntu) {
    const token = cuda.image.cudnnToken ? `${cuda.image.cudnnToken}-` : '';
    return `nvidia/cuda:${cuda.release}-${token}${flavor}-ubuntu${ubuntu}`;
}
/** The CPU choice every framework shares: plain Ubuntu. */
function cpuChoice(data) {
    return {
        cuda: 'cpu',
        variant: 'cpu',
        full: null,
        cudnn: null,
        minDriver: null,
        ubuntu: data.cpuImage.ubuntu,
        imagesAre: 'CPU images are built',
    };
}
/** "3.8–3.12" */
function span(list) {
    return `${list[0]}–${list[list.length - 1]}`;
}
/** XLA (TensorFlow, JAX) compiles kernels with ptxas at run time; without a recent one it cannot. */
const XLA_PTX_RULE = {
    pattern: /No PTX compilation provider is available|ptxas does not support CC ([\d.]+)/,
    diagnose: (m) => ({
        cause: m[1] ? `the ptxas in the image is too old for compute capability ${m[1]}` : 'XLA found no ptxas to compile for this GPU',
        fix: m[1]
            ? 'use a release whose nvidia-cuda-nvcc wheel (CUDA 12.8 or newer for Blackwell) supports this GPU'
            : 'install nvidia-cuda-nvcc (part of tensorflow[and-cuda] and jax[cudaNN]) ' +
                'and put its bin/ptxas on PATH (the template links it into /opt/venv/bin)',
    }),
};


/***/ }),

/***/ 7882:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ FRAMEWORKS),
  ds: () => (/* binding */ FRAMEWORK_PACKAGES),
  _O: () => (/* binding */ VERSION_KEYS),
  pl: () => (/* binding */ frameworkById),
  Z_: () => (/* binding */ frameworkByKey),
  K5: () => (/* binding */ frameworkOf),
  T_: () => (/* binding */ frameworkTitle),
  xu: () => (/* binding */ frameworkVersion)
});

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __nccwpck_require__(2088);
var semver_default = /*#__PURE__*/__nccwpck_require__.n(semver);
// EXTERNAL MODULE: ./src/compat/checks.ts + 1 modules
var checks = __nccwpck_require__(5111);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/frameworks/framework.ts
var framework = __nccwpck_require__(8401);
;// CONCATENATED MODULE: ./src/frameworks/jax.ts




function checkJaxRelease(p, path, r) {
    if (!(0,checks/* isObject */.Gv)(r))
        return p.add(path, `expected an object, got ${(0,errors/* quote */.hD)(r)}`);
    (0,checks/* checkKeys */.L)(p, path, r, ['version', 'released', 'python', 'cuda', 'provenance', 'notes']);
    (0,checks/* str */.gx)(p, `${path}.version`, r.version, checks/* RELEASE */.g2, 'a release version like 0.8.0');
    (0,checks/* str */.gx)(p, `${path}.released`, r.released, /^\d{4}-\d{2}-\d{2}$/, 'a date like 2025-10-15');
    if ((0,checks/* strList */.Sc)(p, `${path}.python`, r.python, checks/* MINOR */.mL, 'Python minor like 3.12') && !(0,checks/* ascendingMinors */.Rj)(r.python)) {
        p.add(`${path}.python`, 'must be in ascending order');
    }
    (0,checks/* strList */.Sc)(p, `${path}.cuda`, r.cuda, /^\d+$/, 'CUDA major like 12', false);
    (0,checks/* checkProvenance */.ch)(p, `${path}.provenance`, r.provenance, ['python', 'cuda']);
    (0,checks/* checkNotes */.aU)(p, `${path}.notes`, r.notes);
}
function checkJaxCuda(p, path, v) {
    if (!(0,checks/* isObject */.Gv)(v))
        return p.add(path, 'expected an object keyed by CUDA major ("12")');
    for (const [major, c] of Object.entries(v)) {
        const at = `${path}.${major}`;
        if (!/^\d+$/.test(major))
            p.add(at, 'the key must be a CUDA major like 12');
        if (!(0,checks/* isObject */.Gv)(c)) {
            p.add(at, `expected an object, got ${(0,errors/* quote */.hD)(c)}`);
            continue;
        }
        (0,checks/* checkKeys */.L)(p, at, c, ['extra', 'baseCuda', 'driverFloor', 'minComputeCapability', 'provenance']);
        if ((0,checks/* str */.gx)(p, `${at}.extra`, c.extra, /^cuda\d+$/, 'an extra like cuda12') && c.extra !== `cuda${major}`) {
            p.add(`${at}.extra`, `${c.extra} is not the extra of CUDA ${major}`);
        }
        (0,checks/* str */.gx)(p, `${at}.baseCuda`, c.baseCuda, checks/* MINOR */.mL, 'a CUDA major.minor like 12.8');
        (0,checks/* str */.gx)(p, `${at}.driverFloor`, c.driverFloor, /^\d+(\.\d+){0,2}$/, 'a driver version like 525');
        (0,checks/* str */.gx)(p, `${at}.minComputeCapability`, c.minComputeCapability, checks/* MINOR */.mL, 'a compute capability like 5.2');
        (0,checks/* checkProvenance */.ch)(p, `${at}.provenance`, c.provenance, ['driverFloor', 'baseCuda']);
    }
}
const SECTIONS = [
    { name: 'jax', merge: { kind: 'list', id: 'version' }, check: (p, path, v) => (0,checks/* checkList */.RJ)(p, path, v, 'jax', 'version', checkJaxRelease) },
    { name: 'jaxCuda', merge: { kind: 'record' }, check: checkJaxCuda },
];
const jax = {
    id: 'jax',
    key: 'jax',
    example: '0.8.0',
    sections: SECTIONS,
    releases: (data) => data.jax
        .map((release) => ({ version: release.version, minor: release.version.split('.').slice(0, 2).join('.'), stable: true, release }))
        .sort((a, b) => semver_default().rcompare(a.version, b.version)),
    checkReferences(p, data) {
        const cudaVersions = new Set(data.cuda.map((c) => c.version));
        for (const [major, c] of Object.entries(data.jaxCuda)) {
            if (!cudaVersions.has(c.baseCuda))
                p.add(`$.jaxCuda.${major}.baseCuda`, `${c.baseCuda} needs an entry in $.cuda, and there is none`);
        }
        data.jax.forEach((r, i) => {
            for (const major of r.cuda)
                if (!data.jaxCuda[major])
                    p.add(`$.jax[${i}].cuda`, `CUDA ${major} needs an entry in $.jaxCuda, and there is none`);
        });
    },
    cuda({ release }, sel, { data }) {
        const choice = (major) => {
            const extra = data.jaxCuda[major];
            if (!extra || !release.cuda.includes(major)) {
                return {
                    reason: `jax ${release.version} has no stable jax[cuda${major}] extra; ` +
                        `it has ${release.cuda.map((m) => `cuda${m}`).join(', ')} and cpu`,
                };
            }
            const base = data.cuda.find((c) => c.version === extra.baseCuda);
            if (!base)
                return { reason: `the release data has no nvidia/cuda ${extra.baseCuda} image for jax[cuda${major}]` };
            return {
                ok: [
                    {
                        cuda: base.version,
                        variant: extra.extra,
                        full: base.release,
                        cudnn: null,
                        minDriver: base.minDriver,
                        ubuntu: base.image.ubuntu,
                        imagesAre: `jax ${release.version} images for ${extra.extra} are built`,
                    },
                ],
            };
        };
        switch (sel.kind) {
            case 'default':
                return choice('12'); // plain jax[cuda] is jax[cuda12]
            case 'cpu':
                return { ok: [(0,framework/* cpuChoice */.y5)(data)] };
            case 'major':
                return choice(sel.major);
            case 'minor':
                return {
                    reason: `jax's CUDA wheels come per major (jax[cuda12], jax[cuda13]), not per minor: ask for cuda ${sel.version.split('.')[0]}`,
                };
        }
    },
    // The extra is what a request names: cuda12 was asked for as "12".
    cudaRequest: (entry) => (entry.cudaVariant === 'cpu' ? 'cpu' : entry.cudaVariant.replace(/^cuda/, '')),
    pythons: ({ release }) => ({ supported: release.python, experimental: [] }),
    flavorReason: (flavor) => flavor === 'devel'
        ? 'jax images start from nvidia/cuda base images with the CUDA libraries from pip; ' +
            'there is no devel flavor (use flavor runtime, and add a compiler with apt-packages)'
        : null,
    ships: ({ release }) => `${[...release.cuda.map((m) => `cuda${m}`), 'cpu'].join(', ')}; Python ${(0,framework/* span */.Ln)(release.python)}`,
    entry({ release: { version }, choice, python, ubuntu, flavor }, { warn }) {
        if (choice.cuda !== 'cpu') {
            warn(`jax ${version} ${choice.variant}: jax's CUDA wheels have lower bounds only, so a rebuild can get newer ones; ` +
                `the image's inventory records what it got (pin them with pip-packages to hold them)`);
        }
        return {
            framework: 'jax',
            jax: version,
            cuda: choice.cuda,
            cudaVariant: choice.variant,
            cudaFull: choice.full,
            cudnn: null,
            python,
            os: `ubuntu${ubuntu}`,
            flavor,
            baseImage: choice.full ? `nvidia/cuda:${choice.full}-base-ubuntu${ubuntu}` : `ubuntu:${ubuntu}`,
            minDriver: choice.minDriver,
        };
    },
    tagName: (version) => `jax${version}`,
    packages: ['jax', 'jaxlib'],
    // jaxlib supports NumPy 2 from 0.4.26 (jax CHANGELOG), the oldest release in the data: nothing to add.
    requirements: () => [],
    install(entry) {
        // CPU: jax[cpu], because before 0.4.30 plain jax does not depend on jaxlib and jax[cpu] pins it
        // (jax-ml/jax setup.py at jax-v0.4.26: extras_require['cpu'] = ['jaxlib==0.4.26']; from 0.4.30 the
        // extra is empty and jax requires jaxlib itself).
        const extra = entry.cuda === 'cpu' ? '[cpu]' : `[${entry.cudaVariant}]`;
        return (`# jax${extra} at the entry's exact version (jaxlib and the CUDA plugin follow it; ` +
            `the CUDA wheels are lower-bounded only, and the inventory records what came).
ARG JAX_VERSION=${entry.jax}
RUN ${framework/* UV_MOUNT */.aO} \\
    uv pip install --python /opt/venv/bin/python${(0,framework/* pypiIndexFlag */.JU)(entry)} "jax${extra}==\${JAX_VERSION}"`);
    },
    wheels(entry) {
        const index = (0,framework/* pypiIndexOf */.Ae)(entry);
        // jax[...]==V pins jaxlib==V (the pin step checks the same); from 0.4.30 the CUDA extra installs
        // jax-cudaNN-plugin, lower-bounded at V (research notes tf-jax-compat.md: "From jaxlib 0.4.30 only
        // plugin installs work"; "jax[cuda12] installs jaxlib + jax-cuda12-plugin[with-cuda]").
        const wheels = [
            { project: 'jax', version: entry.jax, index },
            { project: 'jaxlib', version: entry.jax, index },
        ];
        if (entry.cuda !== 'cpu' && semver_default().gte(semver_default().coerce(entry.jax) ?? '0.0.0', '0.4.30')) {
            wheels.push({ project: `jax-${entry.cudaVariant}-plugin`, version: entry.jax, index, atLeast: true });
        }
        return wheels;
    },
    companions: [],
    pinned: (e) => ({ jax: e.jax, jaxlib: e.jax }),
    buildArgs: (e) => [
        ['FRAMEWORK', 'jax'],
        ['JAX_VERSION', e.jax],
    ],
    labels: (e, prefix) => [
        [`${prefix}.framework`, 'jax'],
        [`${prefix}.jax`, e.jax],
    ],
    placeholderNames: ['jax'],
    placeholders: (e) => ({ jax: e.jax }),
    columns: [],
    checkArgs: (e) => ['--framework', 'jax', '--expect-version', e.jax, '--expect-cuda', e.cuda],
    diagnoses: [
        framework/* XLA_PTX_RULE */.u$,
        {
            pattern: /Unable to initialize backend 'cuda'[^\n]*|CUDA backend failed to initialize[^\n]*/,
            diagnose: (m) => ({
                cause: `JAX could not start its CUDA backend: ${m[0].slice(0, 200)}`,
                fix: 'check the jax[cudaNN] extra against the driver (cuda12 needs driver 525 or newer, cuda13 580 or newer) ' +
                    'and that LD_LIBRARY_PATH is not set in the image (JAX loads its CUDA wheels itself)',
            }),
        },
        {
            pattern: /jax sees no GPU/,
            diagnose: () => ({
                cause: 'the framework sees no GPU in the container',
                fix: 'check that the GPU is passed in (gpus, gpu-flags) and that the NVIDIA ' +
                    'Container Toolkit works: docker run --rm --gpus all <image> nvidia-smi',
            }),
        },
    ],
};

// EXTERNAL MODULE: ./src/compat/variant.ts
var compat_variant = __nccwpck_require__(2899);
// EXTERNAL MODULE: ./src/template/shell.ts
var shell = __nccwpck_require__(1444);
;// CONCATENATED MODULE: ./src/frameworks/pytorch.ts






const RELEASE_STATUSES = ['stable', 'rc'];
const VARIANT = /^cu\d{3,}$/;
const NUMPY_SPECIFIER = /^(<|<=|>=|>|==|!=|~=)\d+(\.\d+)*$/;
function checkTorchRelease(p, path, r) {
    if (!(0,checks/* isObject */.Gv)(r))
        return p.add(path, `expected an object, got ${(0,errors/* quote */.hD)(r)}`);
    (0,checks/* checkKeys */.L)(p, path, r, ['minor', 'status', 'python', 'cuda', 'numpy', 'patches', 'provenance', 'notes']);
    if (r.numpy !== undefined)
        (0,checks/* str */.gx)(p, `${path}.numpy`, r.numpy, NUMPY_SPECIFIER, 'a specifier like <2');
    const minorOk = (0,checks/* str */.gx)(p, `${path}.minor`, r.minor, checks/* MINOR */.mL, 'a major.minor version like 2.4');
    if (!RELEASE_STATUSES.includes(r.status)) {
        p.add(`${path}.status`, `${(0,errors/* quote */.hD)(r.status)} is not one of ${RELEASE_STATUSES.join(', ')}`);
    }
    const py = r.python;
    if (!(0,checks/* isObject */.Gv)(py)) {
        p.add(`${path}.python`, 'expected an object with supported and experimental lists');
    }
    else {
        (0,checks/* checkKeys */.L)(p, `${path}.python`, py, ['supported', 'experimental', 'freeThreaded']);
        if (py.freeThreaded !== undefined)
            (0,checks/* strList */.Sc)(p, `${path}.python.freeThreaded`, py.freeThreaded, checks/* MINOR */.mL, 'Python minor like 3.13', false);
        const supOk = (0,checks/* strList */.Sc)(p, `${path}.python.supported`, py.supported, checks/* MINOR */.mL, 'Python minor like 3.11');
        const expOk = (0,checks/* strList */.Sc)(p, `${path}.python.experimental`, py.experimental, checks/* MINOR */.mL, 'Python minor like 3.13', false);
        if (supOk && !(0,checks/* ascendingMinors */.Rj)(py.supported)) {
            p.add(`${path}.python.supported`, 'must be in ascending order');
        }
        if (supOk && expOk) {
            const both = py.experimental.filter((v) => py.supported.includes(v));
            if (both.length)
                p.add(`${path}.python.experimental`, `${both.join(', ')} is also listed as supported`);
        }
    }
    const cuda = r.cuda;
    if (!(0,checks/* isObject */.Gv)(cuda)) {
        p.add(`${path}.cuda`, 'expected an object with variants, pypiDefault and cudnn');
    }
    else {
        (0,checks/* checkKeys */.L)(p, `${path}.cuda`, cuda, ['variants', 'pypiDefault', 'cudnn', 'without']);
        const varOk = (0,checks/* strList */.Sc)(p, `${path}.cuda.variants`, cuda.variants, VARIANT, 'wheel variant like cu124');
        const variants = varOk ? cuda.variants : [];
        if ((0,checks/* str */.gx)(p, `${path}.cuda.pypiDefault`, cuda.pypiDefault) && varOk && !variants.includes(cuda.pypiDefault)) {
            p.add(`${path}.cuda.pypiDefault`, `${(0,errors/* quote */.hD)(cuda.pypiDefault)} is not one of its variants (${variants.join(', ')})`);
        }
        if (!(0,checks/* isObject */.Gv)(cuda.cudnn)) {
            p.add(`${path}.cuda.cudnn`, 'expected an object mapping each variant to its cuDNN version');
        }
        else if (varOk) {
            for (const v of variants) {
                if (typeof cuda.cudnn[v] !== 'string')
                    p.add(`${path}.cuda.cudnn`, `has no cuDNN version for ${v}`);
            }
            for (const k of Object.keys(cuda.cudnn)) {
                if (!variants.includes(k))
                    p.add(`${path}.cuda.cudnn.${k}`, `${k} is not one of its variants`);
            }
        }
        if (cuda.without !== undefined) {
            if (!(0,checks/* isObject */.Gv)(cuda.without))
                p.add(`${path}.cuda.without`, 'expected an object mapping a variant to the libraries its index lacks');
            else {
                for (const [v, libs] of Object.entries(cuda.without)) {
                    if (varOk && !variants.includes(v))
                        p.add(`${path}.cuda.without.${v}`, `${v} is not one of its variants`);
                    (0,checks/* strList */.Sc)(p, `${path}.cuda.without.${v}`, libs, /^(torchvision|torchaudio)$/, 'library (torchvision or torchaudio)');
                }
            }
        }
    }
    if (!Array.isArray(r.patches) || r.patches.length === 0) {
        p.add(`${path}.patches`, 'must list at least one patch release');
    }
    else {
        const seen = new Set();
        r.patches.forEach((patch, i) => {
            const pp = `${path}.patches[${i}]`;
            if (!(0,checks/* isObject */.Gv)(patch))
                return p.add(pp, `expected an object, got ${(0,errors/* quote */.hD)(patch)}`);
            (0,checks/* checkKeys */.L)(p, pp, patch, ['torch', 'torchvision', 'torchaudio', 'provenance']);
            if ((0,checks/* str */.gx)(p, `${pp}.torch`, patch.torch)) {
                const v = semver_default().valid(patch.torch);
                if (!v || semver_default().prerelease(v)) {
                    p.add(`${pp}.torch`, `${(0,errors/* quote */.hD)(patch.torch)} is not a release version like 2.4.1`);
                }
                else if (minorOk && `${semver_default().major(v)}.${semver_default().minor(v)}` !== r.minor) {
                    p.add(`${pp}.torch`, `${patch.torch} does not belong to minor ${String(r.minor)}`);
                }
                else if (seen.has(v)) {
                    p.add(`${pp}.torch`, `${patch.torch} is listed twice`);
                }
                else {
                    seen.add(v);
                }
            }
            for (const lib of ['torchvision', 'torchaudio']) {
                const value = patch[lib];
                if (value !== null && !(typeof value === 'string' && semver_default().valid(value))) {
                    p.add(`${pp}.${lib}`, `${(0,errors/* quote */.hD)(value)} is not a version like 0.19.1 (or null where none was released)`);
                }
            }
            (0,checks/* checkProvenance */.ch)(p, `${pp}.provenance`, patch.provenance, ['torchvision', 'torchaudio']);
        });
    }
    (0,checks/* checkProvenance */.ch)(p, `${path}.provenance`, r.provenance, ['python', 'cuda', 'pypiDefault', 'without', 'freeThreaded']);
    (0,checks/* checkNotes */.aU)(p, `${path}.notes`, r.notes);
}
function checkIndexUrls(p, path, iu) {
    if (!(0,checks/* isObject */.Gv)(iu))
        return p.add(path, 'expected an object with stable and rc URL templates');
    (0,checks/* checkKeys */.L)(p, path, iu, ['stable', 'rc']);
    for (const k of ['stable', 'rc']) {
        const v = iu[k];
        // It is rendered into an ARG and expanded unquoted in a RUN line: URL characters only, no glob or query.
        if ((0,checks/* str */.gx)(p, `${path}.${k}`, v) && (!/^https:\/\/[A-Za-z0-9._~:/@%+=,{}-]+$/.test(v) || !v.includes('{variant}'))) {
            p.add(`${path}.${k}`, `${(0,errors/* quote */.hD)(v)} must be an https URL containing {variant}, of letters, digits and . _ ~ : / @ % + = , -`);
        }
    }
}
const pytorch_SECTIONS = [
    {
        name: 'torch',
        merge: { kind: 'list', id: 'minor' },
        check: (p, path, v) => (0,checks/* checkList */.RJ)(p, path, v, 'torch', 'minor', checkTorchRelease),
    },
    { name: 'indexUrls', merge: { kind: 'replace' }, check: checkIndexUrls },
];
/** Every torch patch, newest first, cached per data object (the planner asks per cell). */
const picks = new WeakMap();
function cudaChoice(release, variant, data) {
    if (variant === 'cpu')
        return (0,framework/* cpuChoice */.y5)(data);
    const version = (0,compat_variant/* cudaVersionOfVariant */.O)(variant);
    // The data's cross-references guarantee a CUDA entry for every variant.
    const cuda = data.cuda.find((c) => c.version === version);
    if (!cuda)
        throw new Error(`release data: no CUDA ${version} for ${variant}`);
    return {
        cuda: version,
        variant,
        full: cuda.release,
        cudnn: release.cuda.cudnn[variant] ?? null,
        minDriver: cuda.minDriver,
        ubuntu: cuda.image.ubuntu,
        imagesAre: `nvidia/cuda ${cuda.release} images exist`,
    };
}
const pytorch = {
    id: 'pytorch',
    key: 'torch',
    example: '2.4.1',
    sections: pytorch_SECTIONS,
    releases(data) {
        let list = picks.get(data);
        if (!list) {
            list = data.torch.flatMap((release) => release.patches.map((patch) => ({
                version: patch.torch,
                minor: release.minor,
                stable: release.status === 'stable',
                release,
                patch,
            })));
            list.sort((a, b) => semver_default().rcompare(a.version, b.version));
            picks.set(data, list);
        }
        return list;
    },
    checkReferences(p, data) {
        const cudaVersions = new Set(data.cuda.map((c) => c.version));
        data.torch.forEach((r, i) => {
            for (const v of r.cuda.variants) {
                const version = (0,compat_variant/* cudaVersionOfVariant */.O)(v);
                if (!cudaVersions.has(version)) {
                    p.add(`$.torch[${i}].cuda.variants`, `${v} needs a CUDA ${version} entry in $.cuda (image tags and driver), and there is none`);
                }
            }
        });
    },
    cuda({ release, patch }, sel, { data, warn }) {
        const ships = `it ships ${[...release.cuda.variants, 'cpu'].join(', ')}`;
        switch (sel.kind) {
            case 'default':
                if (release.provenance?.pypiDefault === 'inferred') {
                    warn(`the default CUDA variant of torch ${release.minor} (${release.cuda.pypiDefault}) is inferred, not read`);
                }
                return { ok: [cudaChoice(release, release.cuda.pypiDefault, data)] };
            case 'cpu':
                return { ok: [(0,framework/* cpuChoice */.y5)(data)] };
            case 'minor': {
                const variant = (0,compat_variant/* variantOfCudaVersion */.s)(sel.version);
                if (release.cuda.variants.includes(variant))
                    return { ok: [cudaChoice(release, variant, data)] };
                return { reason: `torch ${patch.torch} has no ${variant} wheels; ${ships}` };
            }
            case 'major': {
                const variants = release.cuda.variants.filter((v) => (0,compat_variant/* cudaVersionOfVariant */.O)(v).split('.')[0] === sel.major);
                if (variants.length)
                    return { ok: variants.map((v) => cudaChoice(release, v, data)) };
                return { reason: `torch ${patch.torch} has no CUDA ${sel.major} wheels; ${ships}` };
            }
        }
    },
    cudaRequest: (entry) => entry.cuda,
    pythons: ({ release }) => ({ ...release.python, freeThreaded: release.python.freeThreaded ?? [] }),
    flavorReason(flavor, choice) {
        if (flavor === 'devel' && choice.cuda === 'cpu') {
            return 'a CPU-only image has no devel flavor (devel adds the CUDA compiler); use flavor runtime';
        }
        return null;
    },
    ships: ({ release }) => `${[...release.cuda.variants, 'cpu'].join(', ')} (default ${release.cuda.pypiDefault}); Python ${(0,framework/* span */.Ln)(release.python.supported)}`,
    entry({ release: { release, patch }, choice, python, ubuntu, flavor }, { data, warn }) {
        if (release.status === 'rc')
            warn(`torch ${patch.torch} is a release candidate: its wheels come from PyTorch's test channel`);
        if (python.endsWith('t') && release.provenance?.freeThreaded === 'inferred') {
            warn(`torch ${release.minor}'s free-threaded wheels (Python ${python}) are inferred, not read: verify checks them`);
        }
        for (const lib of ['torchvision', 'torchaudio']) {
            if (patch.provenance?.[lib] === 'inferred') {
                warn(`${lib} ${patch[lib]} for torch ${patch.torch} is inferred from the version pattern, ` +
                    `not read in a release record; check it before relying on it`);
            }
        }
        const cuda = choice.cuda === 'cpu' ? null : (data.cuda.find((c) => c.version === choice.cuda) ?? null);
        const baseImage = cuda ? (0,framework/* nvidiaCudaImage */.cs)(cuda, flavor, ubuntu) : `ubuntu:${ubuntu}`;
        if (cuda?.provenance?.image === 'inferred') {
            warn(`the nvidia/cuda ${cuda.release} image tags are inferred, not read: check that ${baseImage} exists`);
        }
        const indexTemplate = release.status === 'rc' ? data.indexUrls.rc : data.indexUrls.stable;
        // A library the variant's index lacks is left out of the entry (and so of the install, the pin
        // and the smoke check) rather than failing the build minutes in.
        const lacks = release.cuda.without?.[choice.variant] ?? [];
        for (const lib of lacks) {
            if (patch[lib] === null)
                continue;
            warn(`${lib} is left out of torch ${patch.torch} ${choice.variant} entries: that index has no ${lib} ${patch[lib]} ` +
                `(see the release data's notes); for ${lib}, use another CUDA variant of torch ${release.minor} ` +
                `(${release.cuda.variants.filter((v) => !release.cuda.without?.[v]?.includes(lib)).join(', ')})`);
        }
        return {
            framework: 'pytorch',
            torch: patch.torch,
            torchvision: lacks.includes('torchvision') ? null : patch.torchvision,
            torchaudio: lacks.includes('torchaudio') ? null : patch.torchaudio,
            cuda: choice.cuda,
            cudaVariant: choice.variant,
            cudaFull: choice.full,
            cudnn: choice.cudnn,
            python,
            os: `ubuntu${ubuntu}`,
            flavor,
            baseImage,
            indexUrl: indexTemplate.replace('{variant}', choice.variant),
            channel: release.status === 'rc' ? 'test' : 'release',
            minDriver: choice.minDriver,
        };
    },
    // PyTorch entries keep the canonical form they had before other frameworks came, so their keys stay.
    keyParts: (e, common) => [e.torch, e.torchvision, e.torchaudio, ...common, e.indexUrl],
    tagName: (version) => version,
    // <mirror>/<variant>, or <mirror>/test/<variant> for a release candidate: the layout of download.pytorch.org/whl.
    mirrored: (fields, custom) => custom.torchIndexUrl
        ? {
            ...fields,
            indexUrl: `${custom.torchIndexUrl.replace(/\/+$/, '')}/${fields.channel === 'test' ? 'test/' : ''}${fields.cudaVariant}`,
        }
        : fields,
    packages: ['torch', 'torchvision', 'torchaudio'],
    requirements(entry, data) {
        const numpy = data.torch.find((r) => r.patches.some((p) => p.torch === entry.torch))?.numpy;
        return numpy ? [`numpy${numpy}`] : [];
    },
    install(entry, data) {
        const packages = [
            `torch==\${TORCH_VERSION}`,
            entry.torchvision ? `torchvision==\${TORCHVISION_VERSION}` : null,
            entry.torchaudio ? `torchaudio==\${TORCHAUDIO_VERSION}` : null,
            // the PyTorch index mirrors PyPI's numpy, 2.x included
            ...pytorch.requirements(entry, data).map(shell/* shellWord */.r),
        ].filter((p) => p !== null);
        const args = [
            `ARG TORCH_VERSION=${entry.torch}`,
            entry.torchvision ? `ARG TORCHVISION_VERSION=${entry.torchvision}` : null,
            entry.torchaudio ? `ARG TORCHAUDIO_VERSION=${entry.torchaudio}` : null,
            `ARG TORCH_INDEX_URL=${entry.indexUrl}`,
        ].filter((a) => a !== null);
        return `# torch and its libraries at the entry's exact versions, from its wheel index.
${args.join('\n')}
RUN ${framework/* UV_MOUNT */.aO} \\
    uv pip install --python /opt/venv/bin/python --index-url \${TORCH_INDEX_URL} \\
      ${packages.join(' ')}`;
    },
    wheels(e) {
        const pins = [
            ['torch', e.torch],
            ['torchvision', e.torchvision],
            ['torchaudio', e.torchaudio],
        ];
        return pins.flatMap(([project, version]) => (version ? [{ project, version, index: e.indexUrl }] : []));
    },
    // <root>/cu130 beside <root>/cu132: the same release's other variants, where a missing library may be.
    alternativeIndexes(e, data) {
        const release = data.torch.find((r) => r.patches.some((p) => p.torch === e.torch));
        // A CPU build of a library beside a CUDA torch is no answer, nor a CUDA one for a CPU entry.
        if (!release || e.cudaVariant === 'cpu' || !e.indexUrl.endsWith(`/${e.cudaVariant}`))
            return [];
        const root = e.indexUrl.slice(0, -e.cudaVariant.length);
        return release.cuda.variants.filter((v) => v !== e.cudaVariant).map((v) => `${root}${v}`);
    },
    companions: ['torchvision', 'torchaudio'],
    pinned: (e) => ({ torch: e.torch, torchvision: e.torchvision, torchaudio: e.torchaudio }),
    buildArgs: (e) => [
        ['TORCH_VERSION', e.torch],
        ['TORCHVISION_VERSION', e.torchvision],
        ['TORCHAUDIO_VERSION', e.torchaudio],
        ['TORCH_INDEX_URL', e.indexUrl],
    ],
    labels: (e, prefix) => [
        [`${prefix}.torch`, e.torch],
        [`${prefix}.torchvision`, e.torchvision],
        [`${prefix}.torchaudio`, e.torchaudio],
    ],
    placeholderNames: ['torch', 'torchvision', 'torchaudio'],
    placeholders: (e) => ({ torch: e.torch, torchvision: e.torchvision ?? '', torchaudio: e.torchaudio ?? '' }),
    columns: [
        { title: 'torchvision', value: (e) => e.torchvision },
        { title: 'torchaudio', value: (e) => e.torchaudio },
    ],
    checkArgs(e) {
        const args = ['--expect-torch', e.torch, '--expect-cuda', e.cuda];
        if (e.torchvision)
            args.push('--expect-torchvision', e.torchvision);
        if (e.torchaudio)
            args.push('--expect-torchaudio', e.torchaudio);
        return args;
    },
    diagnoses: [
        {
            pattern: new RegExp('(sm_\\d+) is not compatible with the current PyTorch installation|this wheel has no kernels for (sm_\\d+)|' +
                'no kernel image is available for execution on the device'),
            diagnose: (m, e) => ({
                cause: `torch ${e.torch} (${e.cudaVariant}) has no kernels for ` +
                    `this GPU's architecture${(m[1] ?? m[2]) ? ` (${m[1] ?? m[2]})` : ''}`,
                fix: 'use a torch release and CUDA variant built for it (Blackwell sm_100/sm_120 needs torch 2.7+ with cu128 or newer)',
            }),
        },
        {
            pattern: /Found no NVIDIA driver on your system|torch sees no usable GPU/,
            diagnose: () => ({
                cause: 'the container sees no NVIDIA driver: the GPU was not passed into it',
                fix: 'check gpu-flags / gpus (docker run --gpus all) and that the NVIDIA ' +
                    'Container Toolkit works: docker run --rm --gpus all <image> nvidia-smi',
            }),
        },
    ],
    alternatives(entry, data) {
        const release = data.torch.find((r) => r.patches.some((p) => p.torch === entry.torch));
        return (release?.cuda.variants ?? []).flatMap((variant) => {
            const cuda = data.cuda.find((c) => (0,compat_variant/* variantOfCudaVersion */.s)(c.version) === variant);
            return cuda ? [{ variant, minDriver: cuda.minDriver }] : [];
        });
    },
};

;// CONCATENATED MODULE: ./src/frameworks/tensorflow.ts





const INSTALLS = ['system-cuda', 'pinned-libraries', 'and-cuda', 'and-cuda-constrained'];
const LIBRARY_PIN = /^nvidia-[a-z0-9-]+==[\d.]+$/;
const tensorflow_NUMPY_SPECIFIER = /^(<|<=|>=|>|==|!=|~=)\d+(\.\d+)*$/;
function checkTfRelease(p, path, r) {
    if (!(0,checks/* isObject */.Gv)(r))
        return p.add(path, `expected an object, got ${(0,errors/* quote */.hD)(r)}`);
    (0,checks/* checkKeys */.L)(p, path, r, [
        'minor',
        'status',
        'patches',
        'python',
        'cuda',
        'cudnn',
        'install',
        'numpy',
        'cudaLibraries',
        'baseImage',
        'cudaFull',
        'os',
        'minDriver',
        'minorCompatDriver',
        'provenance',
        'notes',
    ]);
    const minorOk = (0,checks/* str */.gx)(p, `${path}.minor`, r.minor, checks/* MINOR */.mL, 'a major.minor version like 2.18');
    if (r.status !== 'stable')
        p.add(`${path}.status`, `${(0,errors/* quote */.hD)(r.status)} is not stable (release candidates are not planned)`);
    if ((0,checks/* strList */.Sc)(p, `${path}.patches`, r.patches, checks/* RELEASE */.g2, 'release version like 2.18.1') && minorOk) {
        for (const v of r.patches)
            if (!v.startsWith(`${r.minor}.`))
                p.add(`${path}.patches`, `${v} does not belong to minor ${r.minor}`);
    }
    if ((0,checks/* strList */.Sc)(p, `${path}.python`, r.python, checks/* MINOR */.mL, 'Python minor like 3.11') && !(0,checks/* ascendingMinors */.Rj)(r.python)) {
        p.add(`${path}.python`, 'must be in ascending order');
    }
    const cudaOk = (0,checks/* str */.gx)(p, `${path}.cuda`, r.cuda, checks/* MINOR */.mL, 'a CUDA major.minor like 12.5');
    (0,checks/* str */.gx)(p, `${path}.cudnn`, r.cudnn, checks/* MINOR */.mL, 'a cuDNN major.minor like 9.3');
    if (r.numpy !== undefined)
        (0,checks/* str */.gx)(p, `${path}.numpy`, r.numpy, tensorflow_NUMPY_SPECIFIER, 'a specifier like <2');
    if (!INSTALLS.includes(r.install))
        p.add(`${path}.install`, `${(0,errors/* quote */.hD)(r.install)} is not one of ${INSTALLS.join(', ')}`);
    if ((0,checks/* strList */.Sc)(p, `${path}.cudaLibraries`, r.cudaLibraries, LIBRARY_PIN, 'exact pin like nvidia-cudnn-cu12==9.3.0.75', false)) {
        if ((r.install === 'pinned-libraries' || r.install === 'and-cuda-constrained') && r.cudaLibraries.length === 0) {
            p.add(`${path}.cudaLibraries`, `install ${r.install} needs the library pins`);
        }
    }
    if ((0,checks/* str */.gx)(p, `${path}.cudaFull`, r.cudaFull, checks/* RELEASE */.g2, 'a CUDA point release like 12.5.1') &&
        cudaOk &&
        !r.cudaFull.startsWith(`${r.cuda}.`)) {
        p.add(`${path}.cudaFull`, `${r.cudaFull} does not belong to CUDA ${r.cuda}`);
    }
    const osOk = (0,checks/* str */.gx)(p, `${path}.os`, r.os, /^ubuntu\d{2}\.\d{2}$/, 'an OS like ubuntu22.04');
    if ((0,checks/* str */.gx)(p, `${path}.baseImage`, r.baseImage, /^(nvidia\/cuda|ubuntu):[\w.-]+$/, 'an nvidia/cuda or ubuntu image') &&
        osOk &&
        !r.baseImage.endsWith(r.os)) {
        p.add(`${path}.baseImage`, `${r.baseImage} is not built on ${r.os}`);
    }
    (0,checks/* str */.gx)(p, `${path}.minDriver`, r.minDriver, checks/* DRIVER */.NX, 'a driver version like 555.42.02');
    (0,checks/* str */.gx)(p, `${path}.minorCompatDriver`, r.minorCompatDriver, checks/* DRIVER */.NX, 'a driver version like 525.60.13');
    (0,checks/* checkProvenance */.ch)(p, `${path}.provenance`, r.provenance, ['python', 'cuda', 'patches', 'baseImage', 'minDriver', 'cudaLibraries']);
    (0,checks/* checkNotes */.aU)(p, `${path}.notes`, r.notes);
}
const tensorflow_SECTIONS = [
    {
        name: 'tensorflow',
        merge: { kind: 'list', id: 'minor' },
        check: (p, path, v) => (0,checks/* checkList */.RJ)(p, path, v, 'tensorflow', 'minor', checkTfRelease),
    },
];
/**
 * The pip CUDA libraries on the loader path, and ptxas on PATH: TensorFlow's RUNPATH does not cover
 * every nvidia/*\/lib (libcusolver, nvjitlink, curand, nvrtc were reported missing), and XLA needs
 * ptxas from nvidia-cuda-nvcc to compile.
 */
const PIP_CUDA_ON_PATH = `RUN ls -d /opt/venv/lib/python*/site-packages/nvidia/*/lib > /etc/ld.so.conf.d/gim-pip-cuda.conf \\
 && ldconfig && rm -f /var/cache/ldconfig/aux-cache \\
 && for p in /opt/venv/lib/python*/site-packages/nvidia/cuda_nvcc/bin/ptxas; do [ -e "$p" ] && ln -sf "$p" /opt/venv/bin/ptxas; done; true`;
function gpuChoice(release, version) {
    return {
        cuda: release.cuda,
        variant: `cu${release.cuda.replace('.', '')}`,
        full: release.cudaFull,
        cudnn: release.cudnn,
        minDriver: release.minDriver,
        ubuntu: [release.os.replace('ubuntu', '')],
        imagesAre: `tensorflow ${version} images for cu${release.cuda.replace('.', '')} are built`,
    };
}
/** A release's data: every patch of the release it belongs to carries it. */
function releaseOf(data, version) {
    const release = data.tensorflow.find((r) => r.patches.includes(version));
    if (!release)
        throw new Error(`no tensorflow release data for ${version}`);
    return release;
}
const tensorflow = {
    id: 'tensorflow',
    key: 'tensorflow',
    example: '2.18',
    sections: tensorflow_SECTIONS,
    releases: (data) => data.tensorflow
        .flatMap((release) => release.patches.map((version) => ({ version, minor: release.minor, stable: true, release })))
        .sort((a, b) => semver_default().rcompare(a.version, b.version)),
    cuda({ release, version }, sel, { data }) {
        const built = `tensorflow ${release.minor} is built for CUDA ${release.cuda} (cuDNN ${release.cudnn}); ` + 'its CUDA follows from the release';
        switch (sel.kind) {
            case 'default':
                return { ok: [gpuChoice(release, version)] };
            case 'cpu':
                return { ok: [(0,framework/* cpuChoice */.y5)(data)] };
            case 'minor':
                return sel.version === release.cuda ? { ok: [gpuChoice(release, version)] } : { reason: `${built}, not ${sel.version}` };
            case 'major':
                return release.cuda.split('.')[0] === sel.major
                    ? { ok: [gpuChoice(release, version)] }
                    : { reason: `${built}, not CUDA ${sel.major}` };
        }
    },
    cudaRequest: (entry) => entry.cuda,
    pythons: ({ release }) => ({ supported: release.python, experimental: [] }),
    flavorReason: (flavor) => flavor === 'devel'
        ? 'tensorflow images start from nvidia/cuda base images with the CUDA libraries from pip; ' +
            'there is no devel flavor (use flavor runtime, and add a compiler with apt-packages)'
        : null,
    ships: ({ release }) => `cu${release.cuda.replace('.', '')}, cpu; Python ${(0,framework/* span */.Ln)(release.python)}`,
    entry({ release: { release, version }, choice, python, ubuntu, flavor }, { warn }) {
        const gpu = choice.cuda !== 'cpu';
        for (const [what, p] of Object.entries(release.provenance)) {
            if (p !== 'inferred' || (what === 'baseImage' && !gpu))
                continue;
            const thing = what === 'cudaLibraries' ? 'CUDA library pins are' : what === 'baseImage' ? `base image ${release.baseImage} is` : `${what} is`;
            warn(`tensorflow ${release.minor}: the ${thing} inferred, not read; check before relying on it`);
        }
        if (release.install === 'and-cuda' && gpu) {
            warn(`tensorflow ${release.minor}: its CUDA library versions are not in the data; ` +
                `tensorflow[and-cuda] pins them exactly, and the image's inventory records them`);
        }
        return {
            framework: 'tensorflow',
            tensorflow: version,
            cuda: choice.cuda,
            cudaVariant: choice.variant,
            cudaFull: choice.full,
            cudnn: choice.cudnn,
            python,
            os: `ubuntu${ubuntu}`,
            flavor,
            baseImage: gpu ? release.baseImage : `ubuntu:${ubuntu}`,
            minDriver: choice.minDriver,
        };
    },
    tagName: (version) => `tf${version}`,
    packages: ['tensorflow', 'tensorflow-cpu'],
    requirements(entry, data) {
        const numpy = releaseOf(data, entry.tensorflow).numpy;
        return numpy ? [`numpy${numpy}`] : [];
    },
    install(entry, data) {
        // PyPI, or the mirror pypi-index-url names
        const uv = `uv pip install --python /opt/venv/bin/python${(0,framework/* pypiIndexFlag */.JU)(entry)}`;
        const also = tensorflow
            .requirements(entry, data)
            .map((r) => ` ${(0,shell/* shellWord */.r)(r)}`)
            .join('');
        if (entry.cuda === 'cpu') {
            return `# tensorflow-cpu at the entry's exact version.
ARG TENSORFLOW_VERSION=${entry.tensorflow}
RUN ${framework/* UV_MOUNT */.aO} \\
    ${uv} tensorflow-cpu==\${TENSORFLOW_VERSION}${also}`;
        }
        const release = releaseOf(data, entry.tensorflow);
        const libs = release.cudaLibraries;
        const how = {
            'system-cuda': `# tensorflow at the entry's exact version; CUDA ${release.cuda} and cuDNN ${release.cudnn} come with the base image.
ARG TENSORFLOW_VERSION=${entry.tensorflow}
RUN ${framework/* UV_MOUNT */.aO} \\
    ${uv} tensorflow==\${TENSORFLOW_VERSION}${also}`,
            'pinned-libraries': `# tensorflow and the CUDA libraries tensorflow[and-cuda] pins, named at those versions (without TensorRT).
ARG TENSORFLOW_VERSION=${entry.tensorflow}
RUN ${framework/* UV_MOUNT */.aO} \\
    ${uv} tensorflow==\${TENSORFLOW_VERSION}${also} \\
      ${libs.map(shell/* shellWord */.r).join(' \\\n      ')}`,
            'and-cuda': `# tensorflow[and-cuda]: the CUDA libraries at the exact versions this release pins.
ARG TENSORFLOW_VERSION=${entry.tensorflow}
RUN ${framework/* UV_MOUNT */.aO} \\
    ${uv} "tensorflow[and-cuda]==\${TENSORFLOW_VERSION}"${also}`,
            'and-cuda-constrained': `# tensorflow[and-cuda], whose CUDA libraries are ranges here: pinned, so that rebuilds are the same.
ARG TENSORFLOW_VERSION=${entry.tensorflow}
RUN ${framework/* UV_MOUNT */.aO} \\
    printf '%s\\n' ${libs.map(shell/* shellWord */.r).join(' ')} > /tmp/gim-cuda-pins.txt \\
 && ${uv} -c /tmp/gim-cuda-pins.txt "tensorflow[and-cuda]==\${TENSORFLOW_VERSION}"${also} \\
 && rm /tmp/gim-cuda-pins.txt`,
        };
        return `${how[release.install]}${release.install === 'system-cuda' ? '' : `\n${PIP_CUDA_ON_PATH}`}`;
    },
    wheels(entry, data) {
        const index = (0,framework/* pypiIndexOf */.Ae)(entry);
        if (entry.cuda === 'cpu')
            return [{ project: 'tensorflow-cpu', version: entry.tensorflow, index }];
        // The CUDA libraries named at exact versions (pinned-libraries, and-cuda-constrained; and-cuda's
        // list is what the release's own metadata pins): each must have its wheel too.
        const libs = releaseOf(data, entry.tensorflow)
            .cudaLibraries.map(framework/* exactPin */.ns)
            .filter((p) => p !== null);
        return [{ project: 'tensorflow', version: entry.tensorflow, index }, ...libs.map((l) => ({ ...l, index }))];
    },
    companions: [],
    pinned: (e, fromBaseImage) => ({ [e.cuda === 'cpu' && !fromBaseImage ? 'tensorflow-cpu' : 'tensorflow']: e.tensorflow }),
    buildArgs: (e) => [
        ['FRAMEWORK', 'tensorflow'],
        ['TENSORFLOW_VERSION', e.tensorflow],
    ],
    labels: (e, prefix) => [
        [`${prefix}.framework`, 'tensorflow'],
        [`${prefix}.tensorflow`, e.tensorflow],
    ],
    placeholderNames: ['tensorflow'],
    placeholders: (e) => ({ tensorflow: e.tensorflow }),
    columns: [],
    checkArgs(e) {
        const args = ['--framework', 'tensorflow', '--expect-version', e.tensorflow, '--expect-cuda', e.cuda];
        if (e.cudnn)
            args.push('--expect-cudnn', e.cudnn);
        return args;
    },
    diagnoses: [
        {
            pattern: /Loaded runtime CuDNN library: (\d+(?:\.\d+)*) but source was compiled with: (\d+(?:\.\d+)*)/,
            diagnose: (m) => ({
                cause: `the cuDNN in the image (${m[1]}) is older than the framework was compiled with (${m[2]}); ` +
                    `a later package pinned an older nvidia-cudnn wheel (torch in the same image is the usual one)`,
                fix: `install nvidia-cudnn of ${m[2]} or newer within the same major ` +
                    `after the other packages, or keep the frameworks in separate images`,
            }),
        },
        {
            pattern: /Could not load dynamic library '([^']+)'/,
            diagnose: (m) => ({
                cause: `TensorFlow could not load ${m[1]}, so it skipped the GPU: ` +
                    `a CUDA or cuDNN library of the major version it was built for is not on the loader path`,
                fix: 'install tensorflow[and-cuda] (the template does, and registers site-packages/nvidia/*/lib with ldconfig); ' +
                    'in an image of your own, add those directories to LD_LIBRARY_PATH or ld.so.conf',
            }),
        },
        {
            pattern: /Cannot dlopen some GPU libraries/,
            diagnose: () => ({
                cause: 'TensorFlow could not load some of its CUDA libraries and skipped the GPU (which library, ' +
                    'it logs only with TF_CPP_VMODULE=dso_loader=1, which the check sets)',
                fix: 'install tensorflow[and-cuda] of the same version, or the CUDA and cuDNN majors ' +
                    'the release was built for; see the "Could not load dynamic library" lines above',
            }),
        },
        framework/* XLA_PTX_RULE */.u$,
        {
            pattern: /Could not find cuda drivers on your machine|tensorflow sees no GPU/,
            diagnose: () => ({
                cause: 'the framework sees no GPU in the container',
                fix: 'check that the GPU is passed in (gpus, gpu-flags) and that the NVIDIA ' +
                    'Container Toolkit works: docker run --rm --gpus all <image> nvidia-smi',
            }),
        },
    ],
};

;// CONCATENATED MODULE: ./src/frameworks/index.ts



const FRAMEWORKS = [
    pytorch,
    tensorflow,
    jax,
];
/** The spec keys that name a framework's versions: torch, tensorflow, jax. */
const VERSION_KEYS = FRAMEWORKS.map((f) => f.key);
function frameworkById(id) {
    const found = FRAMEWORKS.find((f) => f.id === id);
    if (!found)
        throw new Error(`no framework ${id}`);
    return found;
}
function frameworkByKey(key) {
    return FRAMEWORKS.find((f) => f.key === key);
}
function frameworkOf(entry) {
    return frameworkById(entry.framework);
}
/** The framework's own version: torch, tensorflow or jax. */
function frameworkVersion(entry) {
    return String(entry[frameworkOf(entry).key]);
}
/** "torch 2.4.1", "tensorflow 2.18.1", "jax 0.8.0" */
function frameworkTitle(entry) {
    return `${frameworkOf(entry).key} ${frameworkVersion(entry)}`;
}
/** Every package some framework's matrix decides: customisation may not install them. */
const FRAMEWORK_PACKAGES = FRAMEWORKS.flatMap((f) => f.packages);


/***/ }),

/***/ 596:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I_: () => (/* binding */ platformDigest),
/* harmony export */   Sh: () => (/* binding */ ManifestError),
/* harmony export */   WI: () => (/* binding */ readManifest),
/* harmony export */   g4: () => (/* binding */ digestAlgorithm),
/* harmony export */   vb: () => (/* binding */ imageBytes)
/* harmony export */ });
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8301);
/**
 * OCI image manifests and indexes as a registry or an OCI layout sends them: untrusted JSON read
 * into the few fields the readers use, each checked (digests, sizes, media types, counts), so a
 * malformed one is a ManifestError naming what is wrong, never a TypeError later. Pure.
 */

class ManifestError extends Error {
    name = 'ManifestError';
}
/** More than any image has (Docker caps layers at 127); an index's platforms and attestations alike. */
const MAX_ITEMS = 10_000;
function readManifest(text, where) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        throw new ManifestError(`${where}: the manifest is not JSON (${err.message.slice(0, 120)})`);
    }
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(doc))
        throw new ManifestError(`${where}: the manifest is not a JSON object`);
    if (doc.manifests !== undefined) {
        const list = items(doc.manifests, `${where}: manifests`);
        return {
            kind: 'index',
            manifests: list.map((m, i) => {
                const at = `${where}: manifests[${i}]`;
                if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(m))
                    throw new ManifestError(`${at} is not an object`);
                const p = m.platform;
                const platform = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(p) && typeof p.os === 'string' && typeof p.architecture === 'string' ? { os: p.os, architecture: p.architecture } : null;
                return { digest: digestOf(m.digest, `${at}.digest`), platform };
            }),
        };
    }
    const layers = items(doc.layers, `${where}: layers`).map((l, i) => descriptor(l, `${where}: layers[${i}]`));
    return { kind: 'image', config: descriptor(doc.config, `${where}: config`), layers };
}
/** The linux/<architecture> image of an index, else its first entry. */
function platformDigest(manifests, where) {
    const pick = manifests.find((m) => m.platform?.os === 'linux' && m.platform.architecture === 'amd64') ?? manifests[0];
    if (!pick)
        throw new ManifestError(`${where}: the index lists no manifest`);
    return pick.digest;
}
/** Compressed bytes of an image manifest's config and layers; null when it is not one. */
function imageBytes(text) {
    try {
        const doc = readManifest(text, 'manifest');
        if (doc.kind !== 'image')
            return null;
        const total = doc.layers.reduce((sum, l) => sum + l.size, doc.config.size);
        return Number.isSafeInteger(total) ? total : null;
    }
    catch {
        return null;
    }
}
/** The hash of a digest that can be checked (sha256, sha512: the OCI image-spec's registered ones), or null. */
function digestAlgorithm(digest) {
    if (/^sha256:[0-9a-f]{64}$/.test(digest))
        return 'sha256';
    if (/^sha512:[0-9a-f]{128}$/.test(digest))
        return 'sha512';
    return null;
}
function items(v, where) {
    if (!Array.isArray(v))
        throw new ManifestError(`${where} is not a list`);
    if (v.length > MAX_ITEMS)
        throw new ManifestError(`${where} has ${v.length} items; at most ${MAX_ITEMS} are read`);
    return v;
}
function digestOf(v, where) {
    if (typeof v !== 'string' || !digestAlgorithm(v)) {
        throw new ManifestError(`${where} is not a digest (sha256: and 64 hex digits): ${JSON.stringify(v)?.slice(0, 100)}`);
    }
    return v;
}
function descriptor(v, where) {
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(v))
        throw new ManifestError(`${where} is not a descriptor`);
    const digest = digestOf(v.digest, `${where}.digest`);
    if (!Number.isSafeInteger(v.size) || v.size < 0) {
        throw new ManifestError(`${where}.size is not a byte count: ${JSON.stringify(v.size)?.slice(0, 40)}`);
    }
    if (typeof v.mediaType !== 'string' || v.mediaType.length > 256)
        throw new ManifestError(`${where}.mediaType is not a media type`);
    return { digest, size: v.size, mediaType: v.mediaType };
}


/***/ }),

/***/ 3564:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $R: () => (/* binding */ parseTaggedReference),
/* harmony export */   CN: () => (/* binding */ taggedReference),
/* harmony export */   Dk: () => (/* binding */ TAG),
/* harmony export */   SU: () => (/* binding */ parseRepository),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   jW: () => (/* binding */ isLoopbackRegistry),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   qZ: () => (/* binding */ lowercaseRepository)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST = new RegExp('^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::\\d{1,5})?$' +
    '|^\\[[0-9a-fA-F:]+\\](?::\\d{1,5})?$');
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DOCKER_HUB = 'docker.io';
/**
 * Parse a repository without tag or digest. Capitals are lowercased, not refused: registries take
 * lowercase names only (the OCI distribution-spec's `<name>` is `[a-z0-9]+...`), and
 * `ghcr.io/${{ github.repository }}` keeps the owner's capitals. The notice that says so comes from
 * `lowercaseRepository`, called where the input is read.
 */
function parseRepository(text, field) {
    const t = text.trim();
    const accepted = 'a repository like ghcr.io/acme/pytorch or 127.0.0.1:5000/team/images (no tag)';
    if (t === '' || t.length > 255 || /[\s\u0000-\u001f\u007f]/.test(t))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} is not valid; accepted: ${accepted}`);
    const parts = t.split('/');
    let registry = DOCKER_HUB;
    const first = parts[0] ?? '';
    if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))) {
        if (!HOST.test(first))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} has an invalid registry host ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(first)}; accepted: ${accepted}`);
        registry = first.toLowerCase();
        parts.shift();
    }
    if (parts.some((p) => p.includes(':') || p.includes('@'))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} has a tag or digest; give the repository alone (tags come from the matrix and the tags input)`);
    }
    const lower = parts.map((p) => p.toLowerCase());
    if (lower.length === 0 || lower.some((p) => !COMPONENT.test(p))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} is not valid; accepted: ${accepted}`);
    }
    const path = registry === DOCKER_HUB && lower.length === 1 ? `library/${lower[0]}` : lower.join('/');
    return { registry, path };
}
/**
 * A reference, or a template of one, with its repository part lowercased, and a notice for the
 * caller to log when that changed it. The tag (after the last `:` past the last `/`), a digest and
 * {placeholders} keep their case. docker/metadata-action lowercases image names the same way
 * (src/meta.ts `sanitizeImageName`), and buildx refuses capitals ("repository name must be lowercase").
 */
function lowercaseRepository(text, field) {
    const at = text.indexOf('@');
    const name = at >= 0 ? text.slice(0, at) : text;
    const colon = name.lastIndexOf(':');
    const end = colon > name.lastIndexOf('/') ? colon : name.length;
    const repository = name
        .slice(0, end)
        .split(/(\{[^}]*\})/)
        .map((part, i) => (i % 2 === 1 ? part : part.toLowerCase()))
        .join('');
    const lowered = repository + text.slice(end);
    if (lowered === text)
        return { text, notice: null };
    return {
        text: lowered,
        notice: `${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} has capitals in its repository name; using ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(lowered)} ` +
            `(registries take lowercase repository names only${end < name.length ? '; the tag keeps its case' : ''})`,
    };
}
/** The name docker and buildx use: "ghcr.io/acme/pytorch", "nvidia/cuda". */
function repositoryName(repo) {
    if (repo.registry === DOCKER_HUB)
        return repo.path.replace(/^library\//, '');
    return `${repo.registry}/${repo.path}`;
}
/** A full reference "repo:tag", validated. */
function taggedReference(repo, tag, field) {
    if (!TAG.test(tag)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(tag)} is not a valid tag; accepted: letters, digits, _ . - (up to 128, not starting with . or -)`);
    }
    return `${repositoryName(repo)}:${tag}`;
}
/** Split "repo:tag" into its repository and tag (the tag is required). */
function parseTaggedReference(text, field) {
    const at = text.lastIndexOf(':');
    const slash = text.lastIndexOf('/');
    if (at <= slash)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} has no tag; accepted: repository:tag`);
    const repo = parseRepository(text.slice(0, at), field);
    const tag = text.slice(at + 1);
    taggedReference(repo, tag, field);
    return { repo, tag };
}
/** Registries on the loopback interface are spoken to over plain HTTP, as dockerd and BuildKit do. */
function isLoopbackRegistry(registry) {
    const host = registry.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    return host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1';
}
/** Any image reference a FROM line takes: repository, optional tag (default latest), optional digest. */
function parseImageReference(text, field) {
    const at = text.indexOf('@');
    const digest = at >= 0 ? text.slice(at + 1) : null;
    if (digest !== null && !/^sha256:[0-9a-f]{64}$/.test(digest))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} has an invalid digest; accepted: @sha256: and 64 hex digits`);
    const name = at >= 0 ? text.slice(0, at) : text;
    const colon = name.lastIndexOf(':');
    const slash = name.lastIndexOf('/');
    if (colon > slash) {
        const { repo, tag } = parseTaggedReference(name, field);
        return { repo, tag, digest };
    }
    return { repo: parseRepository(name, field), tag: 'latest', digest };
}


/***/ }),

/***/ 9971:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ isCacheFailure),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   jo: () => (/* binding */ backoffMs)
/* harmony export */ });
/**
 * Whether a failed registry or build operation is worth another attempt.
 * Only network and server-side trouble is retried; authentication, 4xx
 * answers and failing Dockerfile steps are not (another try gives the same
 * answer). Pure: works on the text the tool printed.
 */
const PERMANENT = [
    /\b(unauthorized|authentication required|insufficient_scope|denied|forbidden)\b/i,
    /\b40[0-9]\b[^\n]*(Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed)/i,
    /\b(manifest unknown|name unknown|name invalid|tag invalid|manifest invalid|blob unknown)\b/i,
    /did not complete successfully: exit code/,
    /dockerfile parse error|failed to parse/i,
    /failed to read dockerfile|failed to compute cache key/i,
];
const TRANSIENT = [
    /\b50[0-4]\b[^\n]*(Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)/i,
    /\b(Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b/i,
    /\b429\b|Too Many Requests/i,
    /connection reset by peer|connection refused|broken pipe/i,
    /i\/o timeout|TLS handshake timeout|context deadline exceeded|Client\.Timeout exceeded/i,
    /unexpected EOF|\bEOF\b\s*$/m,
    /server misbehaving|temporary failure in name resolution/i,
    /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|socket hang up/,
];
function isTransient(output) {
    if (PERMANENT.some((re) => re.test(output)))
        return false;
    return TRANSIENT.some((re) => re.test(output));
}
/** Delay before attempt n (1-based retry number): 2 s, 4 s, 8 s ... capped at 30 s. */
function backoffMs(retry, baseMs = 2000) {
    return Math.min(baseMs * 2 ** (retry - 1), 30_000);
}
/**
 * Whether a build failed because of its cache backend rather than the build: a
 * cache that cannot be configured or reached. Such a build is run again without
 * the cache (a broken cache must never fail a build); ignore-error covers only
 * export failures after the build.
 */
const CACHE_FAILURE = [
    /failed to configure [\w-]+ cache (exporter|importer)/i,
    /failed to (export|import) cache/i,
    /error writing (manifest|layer) blob.*cache/i,
];
function isCacheFailure(output) {
    // A Dockerfile step that failed is the build's own failure, whatever the cache importer said
    // (on a first build it says "not found", which BuildKit only logs).
    if (/did not complete successfully: exit code/.test(output))
        return false;
    return CACHE_FAILURE.some((re) => re.test(output));
}


/***/ }),

/***/ 2693:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CI: () => (/* binding */ usage),
/* harmony export */   c9: () => (/* binding */ cliSurface),
/* harmony export */   hT: () => (/* binding */ parseCliArgs)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _effects_files_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9565);
/* harmony import */ var _request_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4390);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5541);




/** The flag of a row as parseArgs names it ("--build-arg" -> "build-arg"); none for action-only rows. */
function flagName(row) {
    return 'flag' in row.cli ? row.cli.flag.replace(/^--/, '') : null;
}
function parserOptions() {
    const options = {
        format: { type: 'string' },
        'print-dockerfile': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
    };
    for (const row of _table_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUTS */ .mc) {
        const name = flagName(row);
        if (!name)
            continue;
        const cli = row.cli;
        if ('switch' in cli)
            options[name] = { type: 'boolean' };
        else
            options[name] = { type: 'string', ...('repeatable' in cli && cli.repeatable ? { multiple: true } : {}) };
    }
    return options;
}
/** argv parsed by the table's flags; an unknown flag is parseArgs' TypeError (code ERR_PARSE_ARGS_*). */
function parseCliArgs(argv) {
    const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, allowPositionals: true, strict: true, options: parserOptions() });
    return {
        ...(positionals[0] !== undefined ? { command: positionals[0] } : {}),
        extra: positionals.slice(1),
        values: values,
    };
}
/** The CLI's flags as the inputs every surface gives; files (--images, --entry FILE) read relative to `cwd`. */
function cliSurface(values, cwd) {
    const read = new Map();
    const field = (name) => {
        const row = (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .inputRow */ .bd)(name);
        return 'flag' in row.cli ? row.cli.flag : `input ${name}`;
    };
    const readFile = (file, name) => file === '-' && name === 'matrix-file' ? (0,_effects_files_js__WEBPACK_IMPORTED_MODULE_1__/* .readStdin */ .vJ)(field(name)) : (0,_effects_files_js__WEBPACK_IMPORTED_MODULE_1__/* .readInputFile */ .jH)(file, cwd, field(name), false);
    const get = (name) => {
        const row = (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .inputRow */ .bd)(name);
        const flag = flagName(row);
        if (!flag)
            return undefined;
        const value = values[flag];
        if (value === undefined)
            return undefined;
        if (typeof value === 'boolean')
            return value ? 'true' : undefined;
        if (Array.isArray(value))
            return value.join('\n');
        const cli = row.cli;
        if ('file' in cli && cli.file) {
            // A file's text is the value: read once, however often it is asked for.
            if (cli.file === 'json-or-file' && value.trim().startsWith('{'))
                return value;
            if (!read.has(name))
                read.set(name, readFile(value, name).text);
            return read.get(name);
        }
        return value;
    };
    return { kind: 'cli', baseDir: cwd, inputs: { get, field }, readFile };
}
const GROUP_TITLES = {
    Common: 'Options',
    Build: 'Build options',
    Customise: 'What the images add (the matrix spec may set the same keys)',
    Smoke: 'Smoke options',
    Reproducibility: 'Reproducibility options',
};
/** One option line: "  --flag VALUE          summary", wrapped to the summary column. */
function optionLine(flag, summary) {
    const width = 26;
    const head = `  ${flag}`;
    return head.length < width ? `${head.padEnd(width)}${summary}` : `${head}\n${' '.repeat(width)}${summary}`;
}
function rowLine(row) {
    const cli = row.cli;
    if (!('flag' in cli))
        return null;
    const flag = 'switch' in cli ? cli.flag : `${cli.flag} ${cli.value}`;
    const repeat = 'repeatable' in cli && cli.repeatable ? ' (repeatable)' : '';
    const dflt = row.default && row.type !== 'boolean' ? ` (default ${row.default})` : '';
    return optionLine(flag, `${row.summary}${repeat}${dflt}`);
}
/** --help: every command and option, or one command's (`gpu-image-matrix build --help`). */
function usage(command) {
    const out = [];
    if (command) {
        out.push(`Usage: gpu-image-matrix ${command} [options]`, '', `${command}: ${_request_js__WEBPACK_IMPORTED_MODULE_2__/* .COMMAND_SUMMARIES */ .hW[command]}`);
    }
    else {
        out.push('Usage: gpu-image-matrix <command> [options]', '', 'Commands:');
        for (const c of _request_js__WEBPACK_IMPORTED_MODULE_2__/* .COMMANDS */ .Lo)
            out.push(optionLine(c, _request_js__WEBPACK_IMPORTED_MODULE_2__/* .COMMAND_SUMMARIES */ .hW[c]));
        out.push('', 'gpu-image-matrix <command> --help shows the options of one command.');
    }
    for (const group of _table_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT_GROUPS */ .ak) {
        const rows = _table_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUTS */ .mc.filter((r) => r.group === group && (!command || r.commands.includes(command)));
        const lines = rows.map(rowLine).filter((l) => l !== null);
        if (group === 'Common')
            lines.push(..._table_js__WEBPACK_IMPORTED_MODULE_3__/* .CLI_ONLY */ .YF.map((o) => optionLine(o.value ? `${o.flag} ${o.value}` : o.flag, o.summary)));
        if (lines.length === 0)
            continue;
        const commands = [...new Set(rows.flatMap((r) => r.commands))];
        const scope = command || group === 'Common' ? '' : ` (${commands.join(', ')})`;
        out.push('', `${GROUP_TITLES[group]}${scope}:`, ...lines);
    }
    out.push('', 'Exit status: 0 on success, 2 for a mistake in the input, 1 for anything else.', '');
    return out.join('\n');
}


/***/ }),

/***/ 8043:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   nV: () => (/* binding */ checkPlaceholders),
/* harmony export */   r8: () => (/* binding */ renderPlaceholders)
/* harmony export */ });
/* unused harmony exports PLACEHOLDERS, placeholdersFor */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _frameworks_index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7882);


/**
 * {placeholders} in templates filled per entry: one vocabulary and one renderer for the three
 * inputs that take them (tags, base-image, baseline). Pure.
 */
/** Every placeholder, in the order messages list them. */
const PLACEHOLDERS = [
    'image',
    'tag',
    'key',
    'framework',
    'version',
    ..._frameworks_index_js__WEBPACK_IMPORTED_MODULE_0__/* .FRAMEWORKS */ .i.flatMap((f) => f.placeholderNames),
    'cuda',
    'cudaFull',
    'cudaVariant',
    'cudnn',
    'cudnnMajor',
    'python',
    'os',
    'ubuntu',
    'flavor',
];
const NOT_IN = {
    tags: ['image'],
    'base-image': ['image', 'tag', 'key'],
    baseline: [],
};
function placeholdersFor(use) {
    return PLACEHOLDERS.filter((p) => !NOT_IN[use].includes(p));
}
/** Check a template's placeholders (the rest of its syntax is the caller's). */
function checkPlaceholders(template, use, field) {
    const accepted = placeholdersFor(use);
    for (const m of template.matchAll(/\{([^}]*)\}/g)) {
        const name = m[1] ?? '';
        if (accepted.includes(name))
            continue;
        const why = PLACEHOLDERS.includes(name)
            ? use === 'base-image'
                ? `: {${name}} is not available in base-image (an entry's tag and key depend on its base image)`
                : `: {${name}} is not available in ${use}`
            : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${field}: unknown placeholder {${name}}${why}; accepted: ${accepted.map((p) => `{${p}}`).join(', ')}`);
    }
}
/** Fill a template's {placeholders} from an entry (and `extra`, e.g. {image}); unknown names become ''. */
function renderPlaceholders(template, entry, extra = {}) {
    const e = entry;
    const values = {
        tag: entry.tag ?? '',
        key: entry.key ?? '',
        framework: e.framework,
        version: (0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_0__/* .frameworkVersion */ .xu)(e),
        ...(0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_0__/* .frameworkOf */ .K5)(e).placeholders(e),
        cuda: e.cuda,
        cudaFull: e.cudaFull ?? e.cuda,
        cudaVariant: e.cudaVariant,
        cudnn: e.cudnn ?? '',
        cudnnMajor: e.cudnn?.split('.')[0] ?? '',
        python: e.python,
        os: e.os,
        ubuntu: e.os.replace(/^ubuntu/, ''),
        flavor: e.flavor,
        ...extra,
    };
    return template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}


/***/ }),

/***/ 904:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ readRequest)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/custom/customisation.ts
var customisation = __nccwpck_require__(7147);
// EXTERNAL MODULE: ./src/effects/build-source.ts + 2 modules
var build_source = __nccwpck_require__(7523);
// EXTERNAL MODULE: ./src/effects/files.ts
var files = __nccwpck_require__(9565);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ./src/inputs/placeholders.ts
var placeholders = __nccwpck_require__(8043);
// EXTERNAL MODULE: ./src/inputs/values.ts
var values = __nccwpck_require__(8463);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __nccwpck_require__(3564);
;// CONCATENATED MODULE: ./src/image/options.ts





/**
 * What `build` needs beyond the matrix, parsed from action inputs or CLI flags
 * (both entries call these parsers, so the rules are the same).
 */
const CACHE_BACKENDS = ['auto', 'registry', 'gha', 'local', 'inline', 'none'];
function parseCache(text, field) {
    return (0,values/* parseChoice */.HU)(text, field, CACHE_BACKENDS, 'auto', 'a cache backend');
}
/**
 * Entries built at once. "auto": half the runner's CPUs (BuildKit runs each build's steps in
 * parallel already), at least 1 and at most 4.
 */
function parseParallel(text, field, cpus = (0,external_node_os_.availableParallelism)()) {
    const t = (text ?? '').trim().toLowerCase();
    if (t === '' || t === 'auto')
        return Math.max(1, Math.min(4, Math.floor(cpus / 2)));
    if (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 32)
        return Number(t);
    throw new errors/* UserError */.yo(`${field}: ${(0,errors/* quote */.hD)(text)} is not valid; accepted: auto, or a whole number from 1 to 32`);
}
/**
 * Tag templates: each a bare tag or a full reference, with optional {placeholder}s. A full
 * reference's repository is lowercased (its tag keeps its case), with a notice in `notices`.
 */
function parseTagTemplates(text, field, notices = []) {
    return (0,values/* lines */.Mn)(text).map((line, i) => {
        (0,placeholders/* checkPlaceholders */.nV)(line, 'tags', `${field} line ${i + 1}`);
        if (/\s/.test(line))
            throw new errors/* UserError */.yo(`${field} line ${i + 1}: ${(0,errors/* quote */.hD)(line)} contains whitespace`);
        if (!/[:/]/.test(line))
            return line;
        const lowered = (0,reference/* lowercaseRepository */.qZ)(line, `${field} line ${i + 1}`);
        if (lowered.notice)
            notices.push(lowered.notice);
        return lowered.text;
    });
}
/**
 * A prefix for every tag the build writes (e.g. "pr-12-" for a pull request): it must itself be able
 * to start a tag; each prefixed tag is checked again when the entry's tags are planned.
 */
function parseTagPrefix(text, field) {
    const t = (text ?? '').trim();
    if (t !== '' && !reference/* TAG */.Dk.test(t)) {
        throw new errors/* UserError */.yo(`${field}: ${(0,errors/* quote */.hD)(text)} cannot start a tag; accepted: letters, digits, _ . - (up to 128, not starting with . or -), e.g. pr-12-`);
    }
    return t;
}
/** The repository to tag the images in; capitals are lowercased, with a notice in `notices`. */
function parseImage(text, field, notices = []) {
    if (!text || text.trim() === '') {
        throw new errors/* UserError */.yo(`${field} is required for build: the repository to tag the images in, e.g. ghcr.io/acme/pytorch`);
    }
    const repository = (0,reference/* parseRepository */.SU)(text, field);
    const { notice } = (0,reference/* lowercaseRepository */.qZ)(text.trim(), field);
    if (notice)
        notices.push(notice);
    return repository;
}
function parseBuildOptions(inputs) {
    const get = (name) => inputs.get(name);
    const field = (name) => inputs.field(name);
    const notices = [];
    const options = {
        repository: parseImage(get('image'), field('image'), notices),
        push: (0,values/* parseBoolean */.yG)(get('push'), field('push'), false),
        cache: parseCache(get('cache'), field('cache')),
        context: get('context')?.trim() || '.',
        buildArgs: (0,values/* parseKeyValueLines */.FF)(get('build-args'), field('build-args'), values/* VARIABLE_NAME */.nN),
        tags: parseTagTemplates(get('tags'), field('tags'), notices),
        tagPrefix: parseTagPrefix(get('tag-prefix'), field('tag-prefix')),
        labels: (0,values/* parseKeyValueLines */.FF)(get('labels'), field('labels'), values/* LABEL_KEY */.hy),
        skipExisting: (0,values/* parseBoolean */.yG)(get('skip-existing'), field('skip-existing'), true),
        failFast: (0,values/* parseBoolean */.yG)(get('fail-fast'), field('fail-fast'), false),
        retries: (0,values/* parseWholeNumber */.oA)(get('retries'), field('retries'), { min: 0, max: 10, fallback: 2 }),
        cacheTimeoutSeconds: (0,values/* parseWholeNumber */.oA)(get('cache-timeout'), field('cache-timeout'), {
            min: 1,
            max: 3600,
            fallback: 120,
            unit: 'seconds',
        }),
        parallel: parseParallel(get('parallel'), field('parallel')),
        notices,
    };
    const builder = get('builder')?.trim();
    if (builder) {
        if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(builder))
            throw new errors/* UserError */.yo(`${field('builder')}: ${(0,errors/* quote */.hD)(builder)} is not a builder name`);
        options.builder = builder;
    }
    const dockerfile = get('dockerfile')?.trim();
    const context = get('context')?.trim();
    if (dockerfile)
        options.dockerfile = dockerfile;
    else if (context && context !== '.') {
        throw new errors/* UserError */.yo(`${field('context')} is set but ${field('dockerfile')} is not: ` +
            `the embedded template needs no context; give both to build your own Dockerfile`);
    }
    return options;
}

// EXTERNAL MODULE: ./src/matrix/resolve.ts
var resolve = __nccwpck_require__(6749);
// EXTERNAL MODULE: ./src/repro/options.ts
var options = __nccwpck_require__(9398);
// EXTERNAL MODULE: ./src/template/dockerfile.ts
var dockerfile = __nccwpck_require__(6142);
;// CONCATENATED MODULE: ./src/verify/options.ts


function parseVerifyOptions(inputs, command) {
    const args = (0,values/* parseKeyValueLines */.FF)(inputs.get('build-args'), inputs.field('build-args'), values/* VARIABLE_NAME */.nN);
    return {
        enabled: command === 'verify' || (0,values/* parseBoolean */.yG)(inputs.get('verify'), inputs.field('verify'), true),
        uvImage: args.find(([k]) => k === 'UV_IMAGE')?.[1] ?? dockerfile/* DEFAULT_UV_IMAGE */.mL,
        ownDockerfile: Boolean(inputs.get('dockerfile')?.trim()),
    };
}

// EXTERNAL MODULE: ./src/frameworks/framework.ts
var framework = __nccwpck_require__(8401);
;// CONCATENATED MODULE: ./src/refresh/options.ts




/** The PyTorch wheel index's root: entries use <root>/<variant>. */
const PYTORCH_WHL = 'https://download.pytorch.org/whl';
function parseRefreshOptions(inputs) {
    const text = (name) => inputs.get(name)?.trim() ?? '';
    const out = text('out');
    if (out && (/[\0\n\r]/.test(out) || out.endsWith('/'))) {
        throw new errors/* UserError */.yo(`${inputs.field('out')}: ${(0,errors/* quote */.hD)(out)} is not a file path; accepted: a path like compat/refresh.json`);
    }
    const repository = text('cuda-image-repository') || 'nvidia/cuda';
    const ref = (0,reference/* parseImageReference */.o_)(repository, inputs.field('cuda-image-repository'));
    if (ref.digest || (repository.includes(':') && !/^[^/]+:\d+\//.test(repository))) {
        throw new errors/* UserError */.yo(`${inputs.field('cuda-image-repository')}: ${(0,errors/* quote */.hD)(repository)} names a tag or digest; give the repository alone, e.g. nvidia/cuda`);
    }
    return {
        out: out || null,
        torchIndex: text('torch-index-url') ? (0,customisation/* parseIndexUrl */.Z0)(text('torch-index-url'), inputs.field('torch-index-url')) : PYTORCH_WHL,
        pypiIndex: text('pypi-index-url') ? (0,customisation/* parseIndexUrl */.Z0)(text('pypi-index-url'), inputs.field('pypi-index-url')) : framework/* PYPI_SIMPLE */.wT,
        cudaRepository: repository,
    };
}

// EXTERNAL MODULE: ./src/request.ts
var src_request = __nccwpck_require__(4390);
// EXTERNAL MODULE: ./src/smoke/options.ts
var smoke_options = __nccwpck_require__(2731);
// EXTERNAL MODULE: ./src/inputs/table.ts
var table = __nccwpck_require__(5541);
;// CONCATENATED MODULE: ./src/inputs/read-request.ts















function readRequest(command, surface) {
    const { inputs } = surface;
    if (command === 'refresh') {
        // refresh reads the indexes, not a matrix: it works on the release data (bundled, plus compat-file).
        const request = { command, matrix: { text: '', origin: inputs.field('matrix') }, maxEntries: resolve/* DEFAULT_MAX_ENTRIES */.on };
        if (inputs.get('compat-file')?.trim())
            request.compatFile = surface.readFile(inputs.get('compat-file')?.trim(), 'compat-file');
        request.refresh = parseRefreshOptions(inputs);
        if (surface.kind === 'action' && request.refresh.out)
            (0,files/* insideWorkspace */.CT)(surface.baseDir, request.refresh.out, inputs.field('out'));
        return request;
    }
    const value = (name) => inputs.get(name)?.trim() ?? '';
    const sources = ['matrix', 'matrix-file', 'entry'].filter((n) => available(n, surface));
    const given = sources.filter((n) => value(n) !== '');
    if (given.length > 1) {
        throw new errors/* UserError */.yo(`give one of ${(0,errors/* listWords */.yh)(sources.map((n) => inputs.field(n)))}, not several: ${(0,errors/* listWords */.yh)(given.map((n) => inputs.field(n)), 'and')} are set`);
    }
    if (given.length === 0) {
        throw new errors/* UserError */.yo(`no matrix given: set ${(0,errors/* listWords */.yh)(sources.map((n) => `${inputs.field(n)} (${(0,table/* inputRow */.bd)(n).summary})`))}`);
    }
    const request = {
        command,
        matrix: value('matrix-file')
            ? surface.readFile(value('matrix-file'), 'matrix-file')
            : { text: inputs.get('matrix') ?? '', origin: inputs.field('matrix') },
        maxEntries: (0,values/* parseWholeNumber */.oA)(inputs.get('max-entries'), inputs.field('max-entries'), {
            min: 1,
            max: src_request/* MAX_ENTRIES_CEILING */.SJ,
            fallback: resolve/* DEFAULT_MAX_ENTRIES */.on,
        }),
        customisation: (0,customisation/* parseCustomInputs */.Of)(inputs),
    };
    if (value('entry'))
        request.entry = { text: inputs.get('entry'), origin: inputs.field('entry') };
    if (value('compat-file'))
        request.compatFile = surface.readFile(value('compat-file'), 'compat-file');
    if ((0,src_request/* needsBuild */.yD)(command)) {
        request.build = parseBuildOptions(inputs);
        if (surface.kind === 'action') {
            (0,files/* insideWorkspace */.CT)(surface.baseDir, request.build.context, inputs.field('context'));
            const { context, dockerfile } = request.build;
            if (dockerfile) {
                // Read from the workspace, or from the context (see resolveDockerfile): one of the two must
                // stay inside the workspace, and the file the build will read, symlinks resolved, too.
                const field = inputs.field('dockerfile');
                const inside = [dockerfile, external_node_path_default().join(context, dockerfile)].filter((p) => isInside(surface.baseDir, p, field));
                if (inside.length === 0)
                    (0,files/* insideWorkspace */.CT)(surface.baseDir, dockerfile, field);
                const chosen = (0,build_source/* resolveDockerfile */.Bs)(surface.baseDir, context, dockerfile, field);
                (0,files/* insideWorkspace */.CT)(surface.baseDir, external_node_path_default().relative(surface.baseDir, chosen), field);
            }
        }
    }
    if (command === 'repro')
        request.repro = (0,options/* parseReproOptions */.Q)(inputs);
    if ((0,src_request/* needsVerify */.JH)(command))
        request.verify = parseVerifyOptions(inputs, command);
    if ((0,src_request/* needsSmoke */.vw)(command)) {
        const script = value('smoke-script');
        const scriptPath = script ? surface.readFile(script, 'smoke-script').path : undefined;
        request.smoke = (0,smoke_options/* parseSmokeOptions */.Tt)(inputs, scriptPath, (0,external_node_fs_.realpathSync)(surface.baseDir));
        request.smokeTargets = {
            ...(value('images') ? { imagesJson: inputs.get('images') } : {}),
            ...(value('image') ? { image: value('image') } : {}),
            fields: { images: inputs.field('images'), image: inputs.field('image') },
        };
    }
    return request;
}
function isInside(base, file, field) {
    try {
        (0,files/* insideWorkspace */.CT)(base, file, field);
        return true;
    }
    catch {
        return false;
    }
}
/** Whether a surface has an input: the action has all; the CLI all but the action-only ones. */
function available(name, surface) {
    return surface.kind === 'action' || !('actionOnly' in (0,table/* inputRow */.bd)(name).cli);
}


/***/ }),

/***/ 5541:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   YF: () => (/* binding */ CLI_ONLY),
/* harmony export */   ak: () => (/* binding */ INPUT_GROUPS),
/* harmony export */   bd: () => (/* binding */ inputRow),
/* harmony export */   mc: () => (/* binding */ INPUTS)
/* harmony export */ });
const ALL = ['plan', 'verify', 'build', 'smoke', 'all', 'repro'];
const BUILD = ['build', 'all', 'repro'];
const SMOKE = ['smoke', 'all'];
const REPRO = ['repro'];
const INPUTS = [
    // -- Common ----------------------------------------------------------------------------------
    {
        name: 'command',
        group: 'Common',
        type: 'choice',
        default: 'plan',
        summary: 'plan, verify, build, smoke, all, repro or refresh',
        description: 'What to do: plan (resolve the matrix and set the matrix output), verify (check that every wheel and image each entry ' +
            'needs exists on its index and registry, without building), build (plan, then build and push an image per entry), ' +
            "smoke (check each entry's image inside a container, on the GPU), all (plan, build, then smoke as input smoke says), " +
            'repro (build each entry twice and compare; with baseline, what changed inside against an earlier image), ' +
            'or refresh (read the PyTorch index, PyPI and the nvidia/cuda tags, and write what the release data lacks to out).',
        commands: [...ALL, 'refresh'],
        cli: { actionOnly: 'the CLI takes the command as its first argument: gpu-image-matrix build ...' },
    },
    {
        name: 'matrix',
        group: 'Common',
        type: 'text',
        default: '',
        summary: 'the matrix spec, inline YAML or JSON',
        description: "The matrix spec, inline YAML or JSON: a framework's versions (torch, tensorflow or jax) crossed with cuda, python, " +
            'os and flavor, with include, exclude and what the images add (see the README). Give this, matrix-file or entry.',
        commands: ALL,
        cli: { actionOnly: 'the CLI reads the spec from a file or standard input: --matrix FILE' },
    },
    {
        name: 'matrix-file',
        group: 'Common',
        type: 'path',
        default: '',
        summary: 'a YAML or JSON file holding the matrix spec ("-" reads standard input in the CLI)',
        description: 'Path of a YAML or JSON file holding the matrix spec, relative to the workspace and inside it. Give this, matrix or entry.',
        commands: ALL,
        cli: { flag: '--matrix', value: 'FILE' },
    },
    {
        name: 'entry',
        group: 'Common',
        type: 'JSON',
        default: '',
        summary: 'one entry of an earlier plan (a fan-out job: toJSON(matrix))',
        description: 'One entry of an earlier plan, as JSON (in a fan-out job: toJSON(matrix)). The command then works on ' +
            'that entry alone; it is resolved again and must be the same image. Give this, matrix or matrix-file.',
        commands: ALL,
        cli: { flag: '--entry', value: 'JSON|FILE', file: 'json-or-file' },
    },
    {
        name: 'compat-file',
        group: 'Common',
        type: 'path',
        default: '',
        summary: 'release data to add or correct (JSON, the schema of src/data/)',
        description: 'Path of a JSON file, inside the workspace, with release data to add to or correct the bundled data: any of the sections ' +
            'of src/data/*.json (torch, cuda, tensorflow, jax, ...), each optional; e.g. a torch release newer than the bundled data.',
        commands: [...ALL, 'refresh'],
        cli: { flag: '--compat-file', value: 'FILE' },
    },
    {
        name: 'out',
        group: 'Common',
        type: 'path',
        default: '',
        summary: 'refresh: the compat-file to write',
        description: 'refresh: where the release data refresh found is written, a compat-file (JSON, the schema of src/data/), inside the ' +
            'workspace; pass it as compat-file to plan with it. Empty: only the summary (what is new) is written.',
        commands: ['refresh'],
        cli: { flag: '--out', value: 'FILE' },
    },
    {
        name: 'cuda-image-repository',
        group: 'Common',
        type: 'text',
        default: 'nvidia/cuda',
        summary: 'refresh: nvidia/cuda or a mirror',
        description: "refresh: the repository whose tags say which nvidia/cuda images exist (NVIDIA removes a CUDA version's older " +
            'updates): nvidia/cuda on Docker Hub, or a mirror of it.',
        commands: ['refresh'],
        cli: { flag: '--cuda-image-repository', value: 'REPO' },
    },
    {
        name: 'max-entries',
        group: 'Common',
        type: 'number',
        default: '256',
        summary: 'fail when the matrix resolves to more entries',
        description: 'Fail when the matrix resolves to more entries than this (a whole number, 1 to 10000). ' +
            'Huge requests are usually mistakes; GitHub runs at most 256 jobs per matrix.',
        commands: ALL,
        cli: { flag: '--max-entries', value: 'N' },
    },
    // -- Build -----------------------------------------------------------------------------------
    {
        name: 'image',
        group: 'Build',
        type: 'text',
        default: '',
        summary: 'the repository to tag the images in, e.g. ghcr.io/acme/pytorch',
        description: 'build: the repository to tag the images in, without a tag (e.g. ghcr.io/acme/pytorch). Each entry is tagged ' +
            '<image>:<entry tag>, plus a content-addressed tag gim-<key>-<hash>. ' +
            'smoke: where to find the images when input images is not given.',
        commands: ['build', 'all', 'repro', 'smoke'],
        cli: { flag: '--image', value: 'REPO' },
    },
    {
        name: 'push',
        group: 'Build',
        type: 'boolean',
        default: 'false',
        summary: 'push the images (else load them into the local docker)',
        description: 'build: push the images (true) or load them into the local docker (false).',
        commands: BUILD,
        cli: { flag: '--push', switch: true },
    },
    {
        name: 'cache',
        group: 'Build',
        type: 'choice',
        default: 'auto',
        summary: 'auto, registry, gha, local, inline or none',
        description: 'build: layer cache backend, scoped per matrix entry: auto (registry when pushing, else none), ' +
            'registry (<image>:buildcache-<key>, mode=max), gha, local (BuildKit local cache saved ' +
            'with the Actions cache), inline or none. A failing cache is a warning; the build goes on.',
        commands: BUILD,
        cli: { flag: '--cache', value: 'BACKEND' },
    },
    {
        name: 'builder',
        group: 'Build',
        type: 'text',
        default: '',
        summary: 'the buildx builder (default: the current one)',
        description: 'build: the buildx builder to use (as docker/setup-buildx-action names it); the current one when empty.',
        commands: BUILD,
        cli: { flag: '--builder', value: 'NAME' },
    },
    {
        name: 'dockerfile',
        group: 'Build',
        type: 'path',
        default: '',
        summary: 'your own Dockerfile, a workspace path as docker build -f takes (default: the embedded template)',
        description: "build: your own Dockerfile, a path in the workspace (as docker build -f and build-push-action's file take it; " +
            'one relative to context still works where only it exists). Every entry field reaches it as a build-arg (BASE_IMAGE, ' +
            'CUDA_VERSION, CUDA_FULL_VERSION, CUDA_VARIANT, CUDNN_VERSION, PYTHON_VERSION, OS, FLAVOR, MIN_DRIVER, ' +
            "ENTRY_TAG, ENTRY_KEY, and the framework's: TORCH_VERSION, TORCHVISION_VERSION, TORCHAUDIO_VERSION, " +
            'TORCH_INDEX_URL, or FRAMEWORK with TENSORFLOW_VERSION or JAX_VERSION). Empty: the embedded template.',
        commands: [...BUILD, 'verify'],
        cli: { flag: '--dockerfile', value: 'FILE' },
    },
    {
        name: 'context',
        group: 'Build',
        type: 'path',
        default: '.',
        summary: 'the build context for dockerfile',
        description: 'build: the build context for dockerfile, relative to the workspace.',
        commands: BUILD,
        cli: { flag: '--context', value: 'DIR' },
    },
    {
        name: 'build-args',
        group: 'Build',
        type: 'lines',
        default: '',
        summary: 'extra build-args, KEY=VALUE per line',
        description: 'build: extra build-args, one KEY=VALUE per line. They may not redefine the entry build-args. ' +
            'UV_IMAGE replaces the uv image the embedded template mounts (verify checks that one).',
        commands: [...BUILD, 'verify'],
        cli: { flag: '--build-arg', value: 'K=V', repeatable: true },
    },
    {
        name: 'tags',
        group: 'Build',
        type: 'template',
        default: '',
        summary: 'extra tags, one per line, with placeholders such as {tag}',
        description: 'build: extra tags, one per line: a bare tag or a full reference, with placeholders {tag}, {key}, {framework}, ' +
            '{version}, {torch} (or {tensorflow}, {jax}), {cuda}, {cudaVariant}, {cudnnMajor}, {python}, {os}, {flavor}, ' +
            '... (one is required when the matrix has more than one entry, so that entries do not overwrite each other).',
        commands: BUILD,
        cli: { flag: '--tag', value: 'TEMPLATE', repeatable: true },
    },
    {
        name: 'tag-prefix',
        group: 'Build',
        type: 'text',
        default: '',
        summary: 'text put before every tag the build writes, e.g. pr-12-',
        description: "build: text put before every tag the build writes: the entry's tag and each extra tag (e.g. pr-12- for a pull " +
            'request, so that it never writes a release tag). The content tag gim-<key>-<hash> and the cache refs keep their names. ' +
            'Letters, digits, _ . - (not starting with . or -); with each tag it must make a valid tag (at most 128 characters).',
        commands: BUILD,
        cli: { flag: '--tag-prefix', value: 'TEXT' },
    },
    {
        name: 'labels',
        group: 'Build',
        type: 'lines',
        default: '',
        summary: 'extra labels, key=value per line',
        description: 'build: extra labels, one key=value per line (e.g. docker/metadata-action output labels).',
        commands: BUILD,
        cli: { flag: '--label', value: 'K=V', repeatable: true },
    },
    {
        name: 'skip-existing',
        group: 'Build',
        type: 'boolean',
        default: 'true',
        summary: 'skip entries whose content-addressed tag is already in the registry',
        description: 'build: skip an entry when its content-addressed tag is already in the registry ' +
            '(nothing that goes into the build changed) and point its tags at that image.',
        commands: BUILD,
        cli: { flag: '--skip-existing', value: 'BOOL' },
    },
    {
        name: 'verify',
        group: 'Build',
        type: 'boolean',
        default: 'true',
        summary: 'check every wheel and image an entry needs before building it',
        description: 'build, all: before any docker work, check that every wheel each entry installs at an exact version and every image ' +
            'it pulls exists (as command verify does); entries that cannot build are reported failed with the reason, the others ' +
            'build. An index or registry that cannot be reached is a warning. false skips the check.',
        commands: ['build', 'all'],
        cli: { flag: '--verify', value: 'BOOL' },
    },
    {
        name: 'fail-fast',
        group: 'Build',
        type: 'boolean',
        default: 'false',
        summary: 'stop at the first entry that fails',
        description: 'build: stop at the first entry that fails (the rest are reported cancelled).',
        commands: BUILD,
        cli: { flag: '--fail-fast', switch: true },
    },
    {
        name: 'retries',
        group: 'Build',
        type: 'number',
        default: '2',
        summary: 'extra attempts after a transient registry or network error',
        description: 'build: extra attempts after a transient registry or network error (0 to 10), with backoff.',
        commands: BUILD,
        cli: { flag: '--retries', value: 'N' },
    },
    {
        name: 'cache-timeout',
        group: 'Build',
        type: 'number',
        default: '120',
        summary: 'seconds an Actions-cache operation may take (cache local)',
        description: 'build: seconds one Actions-cache operation (cache local) may take before the build goes on without the cache (1 to 3600).',
        commands: BUILD,
        cli: { flag: '--cache-timeout', value: 'S' },
    },
    {
        name: 'parallel',
        group: 'Build',
        type: 'number',
        default: 'auto',
        summary: 'entries built at once: auto or 1 to 32',
        description: 'build: entries built at once: auto (half the runner CPUs, 1 to 4) or a number from 1 to 32. ' +
            'With more than one, log lines carry their entry tag instead of groups.',
        commands: BUILD,
        cli: { flag: '--parallel', value: 'N' },
    },
    // -- Customise -------------------------------------------------------------------------------
    {
        name: 'apt-packages',
        group: 'Customise',
        type: 'list',
        default: '',
        summary: 'Debian/Ubuntu packages for every image, e.g. libgl1',
        description: 'plan, build: Debian/Ubuntu packages added to every image of the embedded template (e.g. ' +
            'libgl1 libglib2.0-0 for OpenCV), separated by spaces or newlines, optionally name=version. ' +
            'The matrix spec may set apt-packages too, at the top level or per include item.',
        commands: ALL,
        cli: { flag: '--apt-packages', value: 'PKGS', repeatable: true },
    },
    {
        name: 'pip-packages',
        group: 'Customise',
        type: 'list',
        default: '',
        summary: 'Python packages with versions, installed after the framework',
        description: 'plan, build: Python packages added after the framework, with versions (numpy==1.26.4, opencv-python-headless>=4.10,<5), ' +
            'separated by spaces or newlines. The framework packages (torch, torchvision, torchaudio, tensorflow, tensorflow-cpu, ' +
            "jax, jaxlib) are the matrix's; a package that asks for another version of them fails the build and is named.",
        commands: ALL,
        cli: { flag: '--pip-packages', value: 'REQS', repeatable: true },
    },
    {
        name: 'requirements',
        group: 'Customise',
        type: 'path',
        default: '',
        summary: 'a requirements file (hashes honoured)',
        description: 'plan, build: a requirements file in the workspace, installed after apt-packages (files it ' +
            'includes with -r/-c come with it). When it has --hash lines, pip runs with --require-hashes.',
        commands: ALL,
        cli: { flag: '--requirements', value: 'FILE' },
    },
    {
        name: 'pip-index-url',
        group: 'Customise',
        type: 'URL',
        default: '',
        summary: 'the index for requirements and pip-packages instead of PyPI',
        description: 'plan, build: the index for requirements and pip-packages instead of PyPI (a mirror). ' +
            'The framework keeps its own index. No credentials in the URL.',
        commands: ALL,
        cli: { flag: '--pip-index-url', value: 'URL' },
    },
    {
        name: 'pip-extra-index-url',
        group: 'Customise',
        type: 'list',
        default: '',
        summary: 'more indexes for requirements and pip-packages',
        description: 'plan, build: more indexes to look in for requirements and pip-packages, separated by spaces or newlines. No credentials in the URL.',
        commands: ALL,
        cli: { flag: '--pip-extra-index-url', value: 'URL', repeatable: true },
    },
    {
        name: 'torch-index-url',
        group: 'Customise',
        type: 'URL',
        default: '',
        summary: 'a mirror of https://download.pytorch.org/whl',
        description: 'plan, verify, build: replaces https://download.pytorch.org/whl, the PyTorch wheel index (an Artifactory, Nexus or devpi ' +
            'mirror); entries install from <url>/<variant> (e.g. /cu130, /cpu; release candidates from <url>/test/<variant>). ' +
            'No credentials in the URL.',
        commands: [...ALL, 'refresh'],
        cli: { flag: '--torch-index-url', value: 'URL' },
    },
    {
        name: 'pypi-index-url',
        group: 'Customise',
        type: 'URL',
        default: '',
        summary: 'a mirror of https://pypi.org/simple for TensorFlow and JAX',
        description: 'plan, verify, build: replaces https://pypi.org/simple for TensorFlow, JAX and their CUDA libraries, and for ' +
            'requirements and pip-packages unless pip-index-url is set. No credentials in the URL.',
        commands: [...ALL, 'refresh'],
        cli: { flag: '--pypi-index-url', value: 'URL' },
    },
    {
        name: 'env',
        group: 'Customise',
        type: 'lines',
        default: '',
        summary: 'KEY=VALUE lines set in the images',
        description: 'plan, build: KEY=VALUE lines set with ENV in the image ($ stays literal).',
        commands: ALL,
        cli: { flag: '--env', value: 'K=V', repeatable: true },
    },
    {
        name: 'workdir',
        group: 'Customise',
        type: 'path',
        default: '',
        summary: "the images' working directory",
        description: 'plan, build: the working directory of the image (an absolute path; created, and owned by user when set).',
        commands: ALL,
        cli: { flag: '--workdir', value: 'DIR' },
    },
    {
        name: 'user',
        group: 'Customise',
        type: 'text',
        default: '',
        summary: 'a non-root user the images run as: name or name:uid',
        description: 'plan, build: a non-root user created in the image and run as: name, or name:uid.',
        commands: ALL,
        cli: { flag: '--user', value: 'NAME[:UID]' },
    },
    {
        name: 'post-install',
        group: 'Customise',
        type: 'path',
        default: '',
        summary: 'a script run as root after the packages',
        description: 'plan, build: a script in the workspace, run as root in its own layer after the packages (with a #! line, or as sh).',
        commands: ALL,
        cli: { flag: '--post-install', value: 'FILE' },
    },
    {
        name: 'base-image',
        group: 'Customise',
        type: 'template',
        default: '',
        summary: 'an image that already holds the framework, with placeholders',
        description: 'plan, build: start FROM an image that already holds the framework and Python with pip, ' +
            'instead of nvidia/cuda plus wheels; placeholders are filled per entry, e.g. ' +
            'pytorch/pytorch:{torch}-cuda{cuda}-cudnn{cudnnMajor}-runtime. Its tag is looked up before anything ' +
            "builds and FROM is pinned to its digest; the build fails when its framework or Python is not the entry's.",
        commands: ALL,
        cli: { flag: '--base-image', value: 'REF' },
    },
    {
        name: 'tag-suffix',
        group: 'Customise',
        type: 'text',
        default: '',
        summary: 'text appended to every entry tag',
        description: 'plan, build: text appended to every entry tag (in the matrix spec, per include item, it makes a variant beside the entry).',
        commands: ALL,
        cli: { flag: '--tag-suffix', value: 'TEXT' },
    },
    // -- Smoke -----------------------------------------------------------------------------------
    {
        name: 'smoke',
        group: 'Smoke',
        type: 'choice',
        default: 'auto',
        summary: 'all: smoke-test after the build: true, false or auto',
        description: 'all: run the smoke test after the build: true, false, or auto (when the runner has a GPU, or expect-gpu is false).',
        commands: SMOKE,
        cli: { flag: '--smoke', value: 'MODE' },
    },
    {
        name: 'expect-gpu',
        group: 'Smoke',
        type: 'boolean',
        default: 'true',
        summary: 'check on the GPU (true) or run the CPU check (false)',
        description: 'smoke: check on the GPU (true), or run the CPU check (false: the framework imports, ' +
            'versions match, a CPU matmul). Entries with cuda cpu always get the CPU check.',
        commands: SMOKE,
        cli: { flag: '--expect-gpu', value: 'BOOL' },
    },
    {
        name: 'images',
        group: 'Smoke',
        type: 'JSON',
        default: '',
        summary: "a build step's images output, naming the image of each entry",
        description: 'smoke: the images output of an earlier build step (JSON), naming the image of each ' +
            'entry (pinned by digest when there is one). Without it, <image>:<entry tag> is checked.',
        commands: SMOKE,
        cli: { flag: '--images', value: 'FILE', file: 'file' },
    },
    {
        name: 'gpu-flags',
        group: 'Smoke',
        type: 'text',
        default: '',
        summary: 'docker run flags that hand the GPUs in, instead of --gpus',
        description: 'smoke: docker run flags that hand the GPUs in, instead of --gpus (e.g. --device nvidia.com/gpu=all for CDI, ' +
            'or --runtime nvidia --gpus all). Allowed: --gpus, --device with a GPU (nvidia.com/gpu=..., /dev/nvidia0, /dev/nvidiactl, ' +
            '/dev/dri/renderD128, ...), --runtime nvidia, --ulimit memlock or stack; nothing else (use smoke-shm-size, smoke-ipc-host and ' +
            'smoke-env for the rest).',
        commands: SMOKE,
        cli: { flag: '--gpu-flags', value: 'FLAGS' },
    },
    {
        name: 'gpus',
        group: 'Smoke',
        type: 'text',
        default: 'all',
        summary: 'all, or device indexes or UUIDs, e.g. 0,1',
        description: 'smoke: the GPUs to hand in: all, or device indexes or UUIDs separated by commas (0,1).',
        commands: SMOKE,
        cli: { flag: '--gpus', value: 'DEVICES' },
    },
    {
        name: 'smoke-timeout',
        group: 'Smoke',
        type: 'number',
        default: '300',
        summary: 'seconds before the container is stopped',
        description: 'smoke: seconds before the container is stopped and the entry fails (5 to 86400).',
        commands: SMOKE,
        cli: { flag: '--smoke-timeout', value: 'S' },
    },
    {
        name: 'min-gpus',
        group: 'Smoke',
        type: 'number',
        default: '1',
        summary: 'GPUs the container must see',
        description: 'smoke: GPUs the container must see (1 to 64).',
        commands: SMOKE,
        cli: { flag: '--min-gpus', value: 'N' },
    },
    {
        name: 'smoke-script',
        group: 'Smoke',
        type: 'path',
        default: '',
        summary: 'your Python check, run in the container after ours',
        description: 'smoke: a Python script in the workspace, run in the container after the built-in check, ' +
            'as one more check; the workspace is mounted read-only at /workspace and the script runs there.',
        commands: SMOKE,
        cli: { flag: '--smoke-script', value: 'FILE' },
    },
    {
        name: 'smoke-python',
        group: 'Smoke',
        type: 'text',
        default: 'python3',
        summary: 'the interpreter in the image',
        description: 'smoke: the Python interpreter in the image.',
        commands: SMOKE,
        cli: { flag: '--smoke-python', value: 'PATH' },
    },
    {
        name: 'smoke-shm-size',
        group: 'Smoke',
        type: 'size',
        default: '',
        summary: "the container's /dev/shm (empty: 1g)",
        description: "smoke: size of the container's /dev/shm; empty for 1g (PyTorch DataLoader " +
            "workers share tensors through it, and Docker's own 64m is too small).",
        commands: SMOKE,
        cli: { flag: '--smoke-shm-size', value: 'SIZE' },
    },
    {
        name: 'smoke-ipc-host',
        group: 'Smoke',
        type: 'boolean',
        default: 'false',
        summary: "share the host's IPC namespace instead of a sized /dev/shm",
        description: "smoke: share the host's IPC namespace instead (true or false); not together with smoke-shm-size.",
        commands: SMOKE,
        cli: { flag: '--smoke-ipc-host', switch: true },
    },
    {
        name: 'smoke-memory',
        group: 'Smoke',
        type: 'size',
        default: '',
        summary: 'memory limit of the container, e.g. 16g',
        description: 'smoke: memory limit of the container, e.g. 16g; empty for none.',
        commands: SMOKE,
        cli: { flag: '--smoke-memory', value: 'SIZE' },
    },
    {
        name: 'smoke-cpus',
        group: 'Smoke',
        type: 'number',
        default: '',
        summary: 'CPU limit of the container, e.g. 4 or 1.5',
        description: 'smoke: CPU limit of the container, e.g. 4 or 1.5; empty for none.',
        commands: SMOKE,
        cli: { flag: '--smoke-cpus', value: 'N' },
    },
    {
        name: 'smoke-env',
        group: 'Smoke',
        type: 'lines',
        default: '',
        summary: "KEY=VALUE lines for the check (kept out of docker's argv)",
        description: 'smoke: KEY=VALUE lines set in the container (each under 60 KiB); values reach docker through an --env-file only this ' +
            "user can read (removed after), never its command line or docker's own environment.",
        commands: SMOKE,
        cli: { flag: '--smoke-env', value: 'K=V', repeatable: true },
    },
    // -- Reproducibility -------------------------------------------------------------------------
    {
        name: 'source-date-epoch',
        group: 'Reproducibility',
        type: 'number',
        default: '',
        summary: 'seconds since 1970 (empty: the commit time of HEAD)',
        description: 'repro: SOURCE_DATE_EPOCH for both builds, seconds since 1970; empty for the commit time of HEAD.',
        commands: REPRO,
        cli: { flag: '--source-date-epoch', value: 'S' },
    },
    {
        name: 'baseline',
        group: 'Reproducibility',
        type: 'template',
        default: '',
        summary: 'the image to compare with, e.g. {image}:{tag}',
        description: 'repro: the image to compare each entry with (packages, versions, sizes), a template with {image}, {tag}, {key}, ' +
            '{torch}, ... e.g. {image}:{tag} for the same tag built from the default branch. Empty: no change-impact report.',
        commands: REPRO,
        cli: { flag: '--baseline', value: 'TEMPLATE' },
    },
    {
        name: 'fail-on',
        group: 'Reproducibility',
        type: 'choice',
        default: 'nondeterministic',
        summary: 'nondeterministic, drift, both or none',
        description: 'repro: fail the step when an image is nondeterministic, when it drifts from its baseline (drift), both, or none.',
        commands: REPRO,
        cli: { flag: '--fail-on', value: 'WHAT' },
    },
];
const INPUT_GROUPS = ['Common', 'Build', 'Customise', 'Smoke', 'Reproducibility'];
function inputRow(name) {
    return INPUTS.find((r) => r.name === name);
}
/** Flags only the CLI has: how it prints, and what it prints instead of running. */
const CLI_ONLY = [
    { flag: '--format', value: 'FORMAT', summary: 'json (default), table or markdown' },
    {
        flag: '--print-dockerfile',
        value: 'E',
        summary: 'print the Dockerfile rendered for entry E (tag, key or 1-based position) instead of the plan',
    },
    { flag: '-h, --help', value: '', summary: "show this help (after a command: that command's options)" },
    { flag: '--version', value: '', summary: 'show the version' },
];


/***/ }),

/***/ 8463:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FF: () => (/* binding */ parseKeyValueLines),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   Mn: () => (/* binding */ lines),
/* harmony export */   aK: () => (/* binding */ parseKeyValue),
/* harmony export */   aL: () => (/* binding */ words),
/* harmony export */   hy: () => (/* binding */ LABEL_KEY),
/* harmony export */   nN: () => (/* binding */ VARIABLE_NAME),
/* harmony export */   oA: () => (/* binding */ parseWholeNumber),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);

/**
 * One parser per kind of value an input holds, shared by every input of that kind, on both
 * surfaces (action inputs and CLI flags). Each takes the raw text and the field's name for
 * messages, and says what would be accepted when the text is wrong. Pure.
 */
/** true or false (the spellings GitHub's YAML booleans come as); empty: the fallback. */
function parseBoolean(text, field, fallback) {
    const t = (text ?? '').trim();
    if (t === '')
        return fallback;
    if (/^(true|True|TRUE)$/.test(t))
        return true;
    if (/^(false|False|FALSE)$/.test(t))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} is not valid; accepted: true or false`);
}
/** A whole number within bounds; empty: the fallback. `unit` names what it counts ("seconds"). */
function parseWholeNumber(text, field, bounds) {
    const t = (text ?? '').trim();
    if (t === '')
        return bounds.fallback;
    if (/^\d{1,9}$/.test(t) && Number(t) >= bounds.min && Number(t) <= bounds.max)
        return Number(t);
    const what = bounds.unit ?? 'a whole number';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} is not valid; accepted: ${what} from ${bounds.min} to ${bounds.max} (default ${bounds.fallback})`);
}
/** One of a few words, case-insensitive; empty: the fallback. */
function parseChoice(text, field, choices, fallback, what = 'valid') {
    const t = (text ?? '').trim().toLowerCase() || fallback;
    if (choices.includes(t))
        return t;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} is not ${what}; accepted: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .listWords */ .yh)([...choices])}`);
}
/** Non-empty lines, trimmed; comment lines (#) dropped. Commas do not split: values may contain them. */
function lines(text) {
    return (text ?? '')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
}
/** Items of a list input: lines (# starts a comment line), each split on spaces. */
function words(text) {
    return lines(text).flatMap((l) => l.split(/\s+/));
}
/** Names of build-args and environment variables. */
const VARIABLE_NAME = { key: /^[A-Za-z_][A-Za-z0-9_]*$/, form: 'KEY=VALUE with a name of letters, digits and _' };
/** Label keys (reverse-DNS and the like, as docker/metadata-action writes them). */
const LABEL_KEY = { key: /^[A-Za-z0-9][A-Za-z0-9._/-]*$/, form: 'key=value' };
/** One KEY=VALUE: the key checked against its form; the value may not hold control characters (a newline). */
function parseKeyValue(text, field, form) {
    const eq = text.indexOf('=');
    const key = eq > 0 ? text.slice(0, eq).trim() : '';
    if (!form.key.test(key))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} is not ${form.form}`);
    const value = text.slice(eq + 1);
    if (/[\u0000-\u001f\u007f]/.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${field} (${key}): the value contains control characters (a newline?); one line per variable`);
    }
    return [key, value];
}
/** KEY=VALUE lines, numbered in messages. */
function parseKeyValueLines(text, field, form) {
    return lines(text).map((line, i) => parseKeyValue(line, `${field} line ${i + 1}`, form));
}


/***/ }),

/***/ 8301:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ isRecord)
/* harmony export */ });
/** A JSON object (not an array, not null): what a parsed document's mapping is, before its fields are checked. */
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}


/***/ }),

/***/ 2997:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IS: () => (/* binding */ namedEntry),
/* harmony export */   bA: () => (/* binding */ frameworkFromBaseImage),
/* harmony export */   cu: () => (/* binding */ identityOf),
/* harmony export */   dr: () => (/* binding */ customiseEntry),
/* harmony export */   k2: () => (/* binding */ entryKey)
/* harmony export */ });
/* unused harmony export plainTag */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7147);
/* harmony import */ var _frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7882);
/* harmony import */ var _inputs_placeholders_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8043);




/** A new entry from its identity: named and keyed. */
function namedEntry(fields) {
    return { ...fields, tag: plainTag(fields), key: entryKey(fields) };
}
/**
 * An entry with a customisation applied: its base image (when base-image is set), its tag
 * (tag-suffix) and its key (which then covers the customisation too).
 */
function customiseEntry(entry, custom) {
    if ((0,_custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__/* .isEmpty */ .Im)(custom))
        return entry;
    const own = identityOf(entry);
    const fields = ((0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .frameworkOf */ .K5)(own).mirrored?.(own, custom) ?? own);
    const stored = (0,_custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__/* .compact */ .oE)(custom);
    const baseImage = custom.baseImage ? (0,_inputs_placeholders_js__WEBPACK_IMPORTED_MODULE_3__/* .renderPlaceholders */ .r8)(custom.baseImage, entry) : entry.baseImage;
    const tag = custom.tagSuffix ? `${plainTag(entry)}-${custom.tagSuffix}` : plainTag(entry);
    const customised = { ...fields, baseImage };
    return { ...customised, tag, key: entryKey(customised, stored), customisation: stored };
}
/** The entry without tag, key and customisation. */
function identityOf(entry) {
    const { tag: _tag, key: _key, customisation: _c, ...fields } = entry;
    return fields;
}
/** "2.4.1-cu124-py3.11-ubuntu22.04" (torch), "tf2.18.1-cu125-...", "jax0.8.0-cuda13-..." */
function plainTag(e) {
    const framework = (0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .frameworkOf */ .K5)(e);
    const version = String(e[framework.key]);
    return `${framework.tagName(version)}-${e.cudaVariant}-py${e.python}-${e.os}${e.flavor === 'devel' ? '-devel' : ''}`;
}
/** Whether the entry's framework comes with its base image (base-image) rather than from pip. */
function frameworkFromBaseImage(entry) {
    return Boolean(entry.customisation?.baseImage);
}
/**
 * 12 hex characters of SHA-256 over the fields that define the image, in a
 * fixed order. Bump KEY_VERSION when what goes into an image changes meaning.
 */
const KEY_VERSION = 1;
function entryKey(fields, customisation) {
    const framework = (0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .frameworkOf */ .K5)(fields);
    const custom = customisation && Object.keys(customisation).length ? [customisation] : [];
    const common = [fields.cudaVariant, fields.cudaFull, fields.cudnn, fields.python, fields.os, fields.flavor, fields.baseImage];
    const version = fields[framework.key];
    const parts = framework.keyParts ? framework.keyParts(fields, common) : [framework.id, version, ...common];
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(JSON.stringify([KEY_VERSION, ...parts, ...custom]))
        .digest('hex')
        .slice(0, 12);
}


/***/ }),

/***/ 6749:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ni: () => (/* binding */ resolvePlans),
/* harmony export */   on: () => (/* binding */ DEFAULT_MAX_ENTRIES),
/* harmony export */   yY: () => (/* binding */ resolvePlan)
/* harmony export */ });
/* unused harmony exports MAX_CROSS_PRODUCT, MIN_EXPANSION_LIMIT, MAX_SKIPPED, expansionLimit */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7147);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(3916);
/* harmony import */ var _frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7882);
/* harmony import */ var _entry_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2997);
/* harmony import */ var _selectors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(5003);
/* harmony import */ var _spec_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(9778);
/* harmony import */ var _request_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(4390);








const DEFAULT_MAX_ENTRIES = 256;
/** Most cross-product cells expanded before filtering, whatever max-entries says. */
const MAX_CROSS_PRODUCT = 1_000_000;
/**
 * Most entries resolving may make before exclude, include and max-entries apply: excludes may
 * narrow a wide request, so the plan may pass through more than max-entries, but not without end
 * (a 1 KB spec could otherwise ask for millions). Skipped combinations have a bound of their own.
 */
const MIN_EXPANSION_LIMIT = 10_000;
const MAX_SKIPPED = 50_000;
function expansionLimit(maxEntries) {
    return Math.max(MIN_EXPANSION_LIMIT, 2 * maxEntries);
}
/** The keys an include or exclude item can name, the framework's version first. */
const KEYS = ['version', ..._spec_js__WEBPACK_IMPORTED_MODULE_5__/* .AXES */ .gR];
function resolvePlan(spec, data, options) {
    return resolvePlans([spec], data, options);
}
/** Several specs (a list at the top level): each resolved, their entries joined. */
function resolvePlans(specs, data, options) {
    const warnings = new Set();
    const entryLimit = expansionLimit(options.maxEntries);
    const budget = { entries: entryLimit, skipped: MAX_SKIPPED, entryLimit };
    const parts = specs.map((spec) => new SpecPlanner(spec, data, warnings, budget).plan(options));
    const include = dedupe(parts.flatMap((p) => p.include));
    checkTagsUnique(include);
    if (include.length > options.maxEntries) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`the matrix resolves to ${include.length} entries, more than max-entries (${options.maxEntries}). ` +
            `Large matrices are usually a mistake (a range or major where one version was meant); ` +
            `narrow the request, or raise max-entries if you mean it`);
    }
    return { include, skipped: parts.flatMap((p) => p.skipped), warnings: [...warnings] };
}
const DEFAULTS = {
    cuda: { kind: 'default', text: 'default', field: '' },
    python: { kind: 'default', text: 'default', field: '' },
    os: { kind: 'default', text: 'default', field: '' },
    flavor: { kind: 'flavor', text: 'runtime', field: '', flavor: 'runtime' },
};
const COMPAT_HINT = 'add newer releases with compat-file';
class SpecPlanner {
    spec;
    data;
    warnings;
    budget;
    framework;
    context;
    skipped = [];
    versionCache = new Map();
    /** reason of the last skip, for include errors (which are errors, not skips) */
    lastReason = '';
    /** what is being resolved, for the expansion-limit message */
    stage = 'the cross product';
    /** the match of a selector against one release or one entry's value, worked out once (excludes x entries) */
    matchMemo = new WeakMap();
    constructor(spec, data, warnings, 
    /** entries and skipped combinations all specs of the request may still make */
    budget) {
        this.spec = spec;
        this.data = data;
        this.warnings = warnings;
        this.budget = budget;
        this.framework = (0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .frameworkById */ .pl)(spec.framework);
        this.context = { data, warn: (m) => warnings.add(m) };
    }
    plan(options) {
        const { spec, framework } = this;
        for (const sel of spec.axes.python ?? [])
            this.checkPythonKnown(framework, sel);
        for (const item of spec.include)
            if (item.python)
                this.checkPythonKnown(this.frameworkOfItem(item), item.python);
        const everyEntry = (0,_custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeCustomisation */ .VI)(options.customisation ?? (0,_custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyCustomisation */ .QG)(), spec.customisation);
        const specKeys = KEYS.filter((k) => (k === 'version' ? spec.versions : spec.axes[k]));
        let resolved = [];
        for (const cell of this.crossProduct())
            resolved.push(...this.resolveCell(framework, cell, true, everyEntry));
        // Newest release first; otherwise the order the spec lists values in (sort is stable).
        const rank = new Map(framework.releases(this.data).map((r, i) => [r.version, i]));
        resolved.sort((a, b) => (rank.get(a.parts.release.version) ?? 0) - (rank.get(b.parts.release.version) ?? 0));
        spec.exclude.forEach((exclude, i) => {
            this.stage = `matrix.exclude[${i}]`;
            if (exclude.framework && exclude.framework !== framework.id) {
                const key = (0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .frameworkById */ .pl)(exclude.framework).key;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`matrix.exclude[${i}]: names ${key} in a ${framework.key} spec; exclude applies to the ${framework.key} entries of this spec`);
            }
            const before = resolved.length;
            resolved = resolved.filter((r) => !this.matches(r, exclude, KEYS));
            if (resolved.length === before)
                this.warnings.add(`matrix.exclude[${i}] matched no entry`);
        });
        const added = [];
        spec.include.forEach((include, i) => {
            const field = `matrix.include[${i}]`;
            this.stage = field;
            const custom = spec.includeCustomisation[i] ?? null;
            const itemFramework = this.frameworkOfItem(include);
            // An item that names another framework's version is a new entry of that framework.
            if (itemFramework !== framework) {
                added.push(...this.resolveInclude(itemFramework, include, field, (0,_custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeCustomisation */ .VI)(everyEntry, custom)));
                return;
            }
            const named = KEYS.filter((k) => include[k]);
            const matchKeys = named.filter((k) => specKeys.includes(k));
            const extraKeys = named.filter((k) => !specKeys.includes(k));
            const matched = specKeys.length === 0 ? [] : resolved.filter((r) => this.matches(r, include, matchKeys));
            if (matched.length === 0) {
                added.push(...this.resolveInclude(framework, include, field, (0,_custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeCustomisation */ .VI)(everyEntry, custom)));
                return;
            }
            if (custom?.tagSuffix && extraKeys.length > 0) {
                const names = extraKeys.map((k) => (k === 'version' ? framework.key : k));
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${field}: an include item with tag-suffix makes variants of the entries it matches; ` +
                    `it cannot also change their ${names.join(', ')} (give those in a separate include item)`);
            }
            if (applyAdditions(matched, custom, added)) {
                // variants (tag-suffix): a copy of each matched entry, counted like any other
                this.spend('entries', matched.length);
                return;
            }
            if (extraKeys.length === 0)
                return; // already in the matrix
            const extras = {};
            for (const k of extraKeys)
                extras[k] = include[k];
            // The matched entries are replaced, not added to: only what they become counts.
            this.budget.entries += matched.length;
            resolved = resolved.flatMap((r) => {
                if (!matched.includes(r))
                    return [r];
                const cell = { ...r.cell, ...extras };
                const outcome = this.resolveCell(framework, cell, false, r.custom);
                if (outcome.length === 0) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${field}: cannot apply ${this.describePartial(extras)} to ${r.entry.tag}: ${this.lastReason}`);
                }
                return outcome;
            });
        });
        const include = dedupe([...resolved, ...added].map((r) => (0,_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .customiseEntry */ .dr)(r.entry, r.custom)));
        if (include.length === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(this.explainEmpty());
        return { include, skipped: this.skipped, warnings: [] };
    }
    /** Count what resolving made; past the limit, stop with the error that says where. */
    spend(what, n = 1) {
        this.budget[what] -= n;
        if (this.budget[what] < 0)
            this.overLimit(what);
    }
    overLimit(what) {
        const limit = what === 'entries' ? `${this.budget.entryLimit} entries` : `${MAX_SKIPPED} skipped combinations`;
        const raise = what === 'entries' && this.budget.entryLimit < 2 * _request_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_ENTRIES_CEILING */ .SJ
            ? `, or raise max-entries if you mean it (the limit is twice max-entries, at least ${MIN_EXPANSION_LIMIT})`
            : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`the matrix expands to more than ${limit} (at ${this.stage}), before max-entries applies; resolving stopped there. ` +
            `A request this wide is almost always a mistake (a range or major where one version was meant): narrow it${raise}`);
    }
    /** `test` once per selector and value. */
    memo(sel, value, test) {
        let known = this.matchMemo.get(sel);
        if (!known)
            this.matchMemo.set(sel, (known = new Map()));
        let hit = known.get(value);
        if (hit === undefined)
            known.set(value, (hit = test()));
        return hit;
    }
    frameworkOfItem(item) {
        return item.framework ? (0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .frameworkById */ .pl)(item.framework) : this.framework;
    }
    /** A Python no release supports is a typo (or YAML's 3.10 -> 3.1), not a combination to skip. */
    checkPythonKnown(framework, sel) {
        if (sel.kind !== 'exact')
            return;
        const known = new Set(framework.releases(this.data).flatMap((r) => {
            const p = framework.pythons(r);
            return [...p.supported, ...p.experimental, ...(p.freeThreaded ?? []).map((v) => `${v}t`)];
        }));
        if (known.has(sel.version))
            return;
        if (sel.version.endsWith('t')) {
            const free = [...known].filter((v) => v.endsWith('t'));
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${sel.field}: Python ${sel.version}: no ${framework.key} release in the data has free-threaded wheels for it` +
                `${free.length ? ` (some have ${[...new Set(free)].join(', ')})` : ''}`);
        }
        const sorted = [...known].filter((v) => !v.endsWith('t')).sort((a, b) => semver__WEBPACK_IMPORTED_MODULE_0___default().compare(`${a}.0`, `${b}.0`));
        const yamlHint = /^\d+\.\d$/.test(sel.version) && known.has(`${sel.version}0`)
            ? `. If you meant ${sel.version}0: a YAML or JSON tool read it as the number ${sel.version}; quote it ("${sel.version}0")`
            : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${sel.field}: Python ${sel.version} is not supported by any ${framework.key} ` +
            `release in the data (${sorted[0]} to ${sorted[sorted.length - 1]})${yamlHint}`);
    }
    /** The cells one at a time: a wide request stops at the expansion limit without holding them all. */
    *crossProduct() {
        const { axes } = this.spec;
        if (!this.spec.versions)
            return;
        // The same selector twice (">=2" listed 100 times) is one: it would resolve to the same entries.
        const versions = distinct(this.spec.versions);
        const lists = {
            cuda: distinct(axes.cuda ?? [DEFAULTS.cuda]),
            python: distinct(axes.python ?? [DEFAULTS.python]),
            os: distinct(axes.os ?? [DEFAULTS.os]),
            flavor: distinct(axes.flavor ?? [DEFAULTS.flavor]),
        };
        const size = versions.length * lists.cuda.length * lists.python.length * lists.os.length * lists.flavor.length;
        if (size > MAX_CROSS_PRODUCT) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`the matrix is a cross product of ${size} combinations before filtering, more than ${MAX_CROSS_PRODUCT}; list fewer values per key`);
        }
        for (const version of versions)
            for (const cuda of lists.cuda)
                for (const python of lists.python)
                    for (const os of lists.os)
                        for (const flavor of lists.flavor)
                            yield { version, cuda, python, os, flavor };
    }
    resolveInclude(framework, include, field, custom) {
        if (!include.version) {
            const others = frameworkList(framework);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${field}: matches no entry of the matrix and names no ${framework.key} (or ${others}); ` +
                `a new entry needs one, e.g. ${framework.key}: "${framework.example}"`);
        }
        const cell = { ...DEFAULTS, ...include };
        const out = this.resolveCell(framework, cell, false, custom);
        if (out.length === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${field}: ${this.describePartial(include, framework)} was never shipped: ${this.lastReason}`);
        return out;
    }
    /**
     * Resolve one cell of selectors to concrete entries. A cell that the data rules out is
     * recorded as skipped (cross product) or left for the caller to turn into an error (include).
     */
    resolveCell(framework, cell, recordSkips, custom) {
        const out = [];
        const skip = (version, cuda, python, os, reason) => {
            this.lastReason = reason;
            if (!recordSkips)
                return;
            this.spend('skipped');
            const id = framework.id === 'pytorch' ? {} : { framework: framework.id };
            this.skipped.push({ ...id, [framework.key]: version, cuda, python, os, flavor: cell.flavor.flavor, reason });
        };
        for (const release of this.versionsFor(framework, cell.version)) {
            const cuda = framework.cuda(release, cell.cuda, this.context);
            if ('reason' in cuda) {
                skip(release.version, cell.cuda.text, cell.python.text, cell.os.text, cuda.reason);
                continue;
            }
            for (const choice of cuda.ok) {
                const python = this.pythonFor(framework, release, cell.python);
                if ('reason' in python) {
                    skip(release.version, choice.variant, cell.python.text, cell.os.text, python.reason);
                    continue;
                }
                for (const py of python.ok) {
                    const os = osFor(framework, choice, cell.os, cell.flavor.flavor);
                    if ('reason' in os) {
                        skip(release.version, choice.variant, py, cell.os.text, os.reason);
                        continue;
                    }
                    for (const ubuntu of os.ok) {
                        this.spend('entries');
                        const parts = { release, choice, python: py, ubuntu, flavor: cell.flavor.flavor };
                        const entry = (0,_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .namedEntry */ .IS)(framework.entry(parts, this.context));
                        out.push({ framework, parts, entry, cell: concreteCell(framework, cell, entry), custom });
                    }
                }
            }
        }
        return out;
    }
    versionsFor(framework, sel) {
        const cached = this.versionCache.get(sel);
        if (cached)
            return cached;
        const found = this.expandVersion(framework, sel);
        this.versionCache.set(sel, found);
        return found;
    }
    expandVersion(framework, sel) {
        const { key } = framework;
        const known = framework.releases(this.data);
        const stable = known.filter((r) => r.stable);
        const span = `${known[known.length - 1]?.version} to ${stable[0]?.version ?? known[0]?.version}`;
        switch (sel.kind) {
            case 'latest': {
                const newest = stable[0];
                if (!newest)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${sel.field}: the release data has no stable ${key} release; latest cannot be resolved`);
                return [newest];
            }
            case 'exact': {
                const hit = known.find((r) => r.version === sel.version);
                if (hit)
                    return [hit];
                const minor = `${semver__WEBPACK_IMPORTED_MODULE_0___default().major(sel.version)}.${semver__WEBPACK_IMPORTED_MODULE_0___default().minor(sel.version)}`;
                const sameMinor = known.filter((r) => r.minor === minor).map((r) => r.version);
                if (sameMinor.length) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${sel.field}: ${key} ${sel.version} is not in the release data; ${key} ${minor} has ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .listWords */ .yh)(sameMinor.reverse())}`);
                }
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${sel.field}: ${key} ${sel.version} is not in the release data ` +
                    `(it knows ${span}; ${COMPAT_HINT})${this.leftOut(key, sel.version)}`);
            }
            case 'minor': {
                const newest = known.find((r) => r.minor === sel.minor);
                if (!newest) {
                    const minors = [...new Set(known.map((r) => r.minor))].reverse();
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${sel.field}: ${key} ${sel.minor} is not in the release data; known minors: ` +
                        `${minors.join(', ')} (${COMPAT_HINT})${this.leftOut(key, sel.minor)}`);
                }
                return [newest];
            }
            case 'range': {
                const newestPerMinor = new Map();
                for (const r of stable)
                    if (!newestPerMinor.has(r.minor) && semver__WEBPACK_IMPORTED_MODULE_0___default().satisfies(r.version, sel.range))
                        newestPerMinor.set(r.minor, r);
                if (newestPerMinor.size > 0)
                    return [...newestPerMinor.values()];
                const rc = known.find((r) => !r.stable && semver__WEBPACK_IMPORTED_MODULE_0___default().satisfies(r.version, sel.range));
                const rcHint = rc ? `; ${rc.version} is a release candidate, which a range never picks: ask for it exactly` : '';
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${sel.field}: ${JSON.stringify(sel.text)} matches no stable ${key} release in the data (it knows ${span})${rcHint}`);
            }
        }
    }
    /** What the data says it left out on purpose, for a version it does not have. */
    leftOut(key, version) {
        const minor = version.split('.').slice(0, 2).join('.');
        const note = (this.data.leftOut ?? []).find((l) => l.key === key && (l.versions ?? []).some((v) => v === version || v === minor));
        return note ? `; ${key} ${note.versions?.includes(version) ? version : minor} is left out: ${note.why}` : '';
    }
    pythonFor(framework, release, sel) {
        const { supported, experimental, freeThreaded = [] } = framework.pythons(release);
        const has = `${framework.key} ${release.version} has wheels for Python ${supported[0]}–${supported[supported.length - 1]}`;
        const exp = experimental.length ? ` (experimental: ${experimental.join(', ')})` : '';
        switch (sel.kind) {
            case 'default':
                return { ok: [supported[supported.length - 1]] };
            case 'exact':
                if (sel.version.endsWith('t')) {
                    const minor = sel.version.slice(0, -1);
                    if (freeThreaded.includes(minor)) {
                        this.warnings.add(`Python ${sel.version} is free-threaded: ${framework.key} ${release.minor} ships its wheels, and calls them experimental`);
                        return { ok: [sel.version] };
                    }
                    const ft = freeThreaded.length
                        ? `free-threaded wheels for ${freeThreaded.map((v) => `${v}t`).join(', ')}`
                        : 'no free-threaded wheels';
                    return { reason: `${framework.key} ${release.version} has ${ft} in the release data; not ${sel.version}` };
                }
                if (supported.includes(sel.version))
                    return { ok: [sel.version] };
                if (experimental.includes(sel.version)) {
                    this.warnings.add(`Python ${sel.version} is experimental for ${framework.key} ${release.minor}: wheels may be missing or unstable`);
                    return { ok: [sel.version] };
                }
                return { reason: `${has}${exp}; not ${sel.version}` };
            case 'range': {
                const hits = supported.filter((v) => (0,_selectors_js__WEBPACK_IMPORTED_MODULE_4__/* .minorSatisfies */ .xp)(v, sel.range));
                if (hits.length)
                    return { ok: hits };
                return { reason: `${has}${exp}; none of them matches ${sel.text}` };
            }
        }
    }
    /** Whether a resolved entry matches a partial entry (exclude, include) on the given keys. */
    matches(r, partial, keys) {
        if (partial.framework && partial.framework !== r.framework.id)
            return false;
        const { framework, parts, entry } = r;
        return keys.every((key) => {
            switch (key) {
                case 'version': {
                    const sel = partial.version;
                    return sel
                        ? this.memo(sel, `${framework.id} ${parts.release.version}`, () => this.versionMatches(framework, parts.release, sel))
                        : true;
                }
                case 'cuda': {
                    const sel = partial.cuda;
                    return sel
                        ? this.memo(sel, `${framework.id} ${parts.release.version} ${parts.choice.variant}`, () => this.cudaMatches(r, sel))
                        : true;
                }
                case 'python': {
                    const sel = partial.python;
                    return sel
                        ? this.memo(sel, `${framework.id} ${parts.release.version} ${parts.python}`, () => this.pythonMatches(framework, parts, sel))
                        : true;
                }
                case 'os':
                    return partial.os ? osMatches(parts, partial.os) : true;
                case 'flavor':
                    return partial.flavor ? entry.flavor === partial.flavor.flavor : true;
            }
        });
    }
    versionMatches(framework, release, sel) {
        switch (sel.kind) {
            case 'latest':
                return release.version === framework.releases(this.data).find((r) => r.stable)?.version;
            case 'exact':
                return release.version === sel.version;
            case 'minor':
                return release.minor === sel.minor;
            case 'range':
                return semver__WEBPACK_IMPORTED_MODULE_0___default().satisfies(release.version, sel.range);
        }
    }
    /** The entry's CUDA is one the selector resolves to for its release. */
    cudaMatches(r, sel) {
        const { choice } = r.parts;
        switch (sel.kind) {
            case 'cpu':
                return choice.cuda === 'cpu';
            case 'minor':
                return choice.cuda === sel.version;
            case 'major':
                return choice.cuda.split('.')[0] === sel.major;
            case 'default': {
                const outcome = r.framework.cuda(r.parts.release, sel, { data: this.data, warn: () => undefined });
                return 'ok' in outcome && outcome.ok.some((c) => c.variant === choice.variant);
            }
        }
    }
    pythonMatches(framework, parts, sel) {
        switch (sel.kind) {
            case 'default': {
                const supported = framework.pythons(parts.release).supported;
                return parts.python === supported[supported.length - 1];
            }
            case 'exact':
                return parts.python === sel.version;
            case 'range':
                return (0,_selectors_js__WEBPACK_IMPORTED_MODULE_4__/* .minorSatisfies */ .xp)(parts.python, sel.range);
        }
    }
    explainEmpty() {
        const { framework, spec } = this;
        const lines = ['the matrix resolves to no entries.'];
        const releases = new Map();
        for (const sel of spec.versions ?? [])
            for (const r of this.versionsFor(framework, sel))
                releases.set(r.version, r);
        if (releases.size) {
            lines.push(`What the requested ${framework.key} versions ship:`);
            for (const r of releases.values())
                lines.push(`  ${framework.key} ${r.version}: ${framework.ships(r)}`);
        }
        const reasons = [...new Set(this.skipped.map((s) => s.reason))];
        if (reasons.length) {
            lines.push('Skipped because:');
            for (const r of reasons.slice(0, 10))
                lines.push(`  ${r}`);
            if (reasons.length > 10)
                lines.push(`  ... and ${reasons.length - 10} more`);
        }
        if (spec.exclude.length)
            lines.push(`(exclude removed the rest: ${spec.exclude.length} exclude item(s))`);
        return lines.join('\n');
    }
    describePartial(partial, framework = this.framework) {
        return KEYS.filter((k) => partial[k])
            .map((k) => `${k === 'version' ? framework.key : k} ${partial[k]?.text}`)
            .join(', ');
    }
}
function osFor(framework, choice, sel, flavor) {
    const flavorReason = framework.flavorReason(flavor, choice);
    if (flavorReason)
        return { reason: flavorReason };
    const available = choice.ubuntu;
    if (sel.kind === 'default')
        return { ok: [available[available.length - 1]] };
    if (available.includes(sel.ubuntu))
        return { ok: [sel.ubuntu] };
    return { reason: `${choice.imagesAre} for ${available.map((u) => `ubuntu${u}`).join(', ')}; not ${sel.text}` };
}
function osMatches(parts, sel) {
    if (sel.kind === 'ubuntu')
        return parts.ubuntu === sel.ubuntu;
    const available = parts.choice.ubuntu;
    return parts.ubuntu === available[available.length - 1];
}
/**
 * The selectors an entry keeps for a later include: the concrete values it resolved to for every
 * key that was asked for, `default` where a key was left to its default (so a changed cuda or
 * flavor picks its own default os).
 */
function concreteCell(framework, cell, entry) {
    const field = cell.version.field;
    const version = String(entry[framework.key]);
    return {
        version: { kind: 'exact', text: version, field, version },
        cuda: cell.cuda.kind === 'default' ? cell.cuda : (0,_selectors_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCudaSelector */ .uf)(framework.cudaRequest(entry), field),
        python: cell.python.kind === 'default' ? cell.python : { kind: 'exact', text: entry.python, field, version: entry.python },
        os: cell.os.kind === 'default' ? cell.os : { kind: 'ubuntu', text: entry.os, field, ubuntu: entry.os.replace(/^ubuntu/, '') },
        flavor: cell.flavor,
    };
}
/** "tensorflow, jax": the other frameworks' keys. */
function frameworkList(except) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .listWords */ .yh)(_frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .FRAMEWORKS */ .i.filter((f) => f !== except).map((f) => f.key), 'or');
}
/**
 * An include item's additions (apt-packages, ...) to the entries it matched. With tag-suffix they
 * make variants: a copy of each matched entry, beside it (and true is returned). Otherwise GitHub's
 * rule: they are added to the matched entries themselves.
 */
function applyAdditions(matched, custom, added) {
    if (custom?.tagSuffix) {
        for (const r of matched)
            added.push({ ...r, custom: (0,_custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeCustomisation */ .VI)(r.custom, custom) });
        return true;
    }
    if (custom)
        for (const r of matched)
            r.custom = (0,_custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeCustomisation */ .VI)(r.custom, custom);
    return false;
}
/** Two entries under one tag would overwrite each other's image: a tag-suffix tells them apart. */
function checkTagsUnique(entries) {
    const seen = new Map();
    for (const e of entries) {
        const other = seen.get(e.tag);
        if (other) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`two entries would push to the same tag ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .quote */ .hD)(e.tag)}: they differ only in what they add to ` +
                `the image (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .quote */ .hD)(JSON.stringify(other.customisation ?? {}))} and ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .quote */ .hD)(JSON.stringify(e.customisation ?? {}))}); ` +
                `give one of them a tag-suffix in its include item, e.g. tag-suffix: opencv`);
        }
        seen.set(e.tag, e);
    }
}
/** Selectors without repeats: the same kind and value, whatever their text or field. */
function distinct(list) {
    const seen = new Set();
    return list.filter((s) => {
        const { text: _t, field: _f, ...value } = s;
        const id = JSON.stringify(value);
        return seen.has(id) ? false : (seen.add(id), true);
    });
}
function dedupe(entries) {
    const seen = new Set();
    return entries.filter((e) => (seen.has(e.key) ? false : (seen.add(e.key), true)));
}


/***/ }),

/***/ 5003:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bg: () => (/* binding */ parseVersionSelector),
/* harmony export */   HO: () => (/* binding */ parseOsSelector),
/* harmony export */   r: () => (/* binding */ parsePythonSelector),
/* harmony export */   uf: () => (/* binding */ parseCudaSelector),
/* harmony export */   xe: () => (/* binding */ parseFlavorSelector),
/* harmony export */   xp: () => (/* binding */ minorSatisfies)
/* harmony export */ });
/* unused harmony exports FLAVORS, minorAsSemver */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _compat_variant_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2899);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);



const FLAVORS = ['runtime', 'devel'];
const MINOR = /^\d+\.\d+$/;
const MAJOR = /^\d+$/;
const EXACT = /^\d+\.\d+\.\d+$/;
const VARIANT = /^cu\d{3,}$/;
const VERSION_ACCEPTED = 'an exact version (2.4.1), a minor (2.4 = its latest patch), a semver range (">=2.5 <2.8") or latest';
const CUDA_ACCEPTED = 'a CUDA minor (12.4), a major (12 = every 12.x variant), a wheel variant (cu124), default or cpu';
const PYTHON_ACCEPTED = 'a Python minor ("3.11"), a free-threaded one ("3.13t"), a range (">=3.10 <3.13") or default';
const OS_ACCEPTED = 'ubuntu<version> (ubuntu22.04, ubuntu24.04) or default';
function bad(field, text, accepted, hint = '') {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(text)} is not valid; accepted: ${accepted}${hint ? `. ${hint}` : ''}`);
}
function parseVersionSelector(text, field) {
    const t = text.trim();
    if (t === 'latest')
        return { kind: 'latest', text: t, field };
    if (EXACT.test(t))
        return { kind: 'exact', text: t, field, version: semver__WEBPACK_IMPORTED_MODULE_0___default().clean(t) ?? t };
    if (MINOR.test(t))
        return { kind: 'minor', text: t, field, minor: normaliseMinor(t) };
    // Anything else must be a semver range over release versions; a bare major ("2") is the range 2.x.
    if (/^[\d\s.<>=^~|xX*-]+$/.test(t) && /\d/.test(t) && semver__WEBPACK_IMPORTED_MODULE_0___default().validRange(t)) {
        return { kind: 'range', text: t, field, range: semver__WEBPACK_IMPORTED_MODULE_0___default().validRange(t) ?? t };
    }
    throw bad(field, text, VERSION_ACCEPTED);
}
function parseCudaSelector(text, field) {
    const t = text.trim().toLowerCase();
    if (t === 'default')
        return { kind: 'default', text: t, field };
    if (t === 'cpu')
        return { kind: 'cpu', text: t, field };
    if (MINOR.test(t))
        return { kind: 'minor', text: t, field, version: normaliseMinor(t) };
    if (MAJOR.test(t))
        return { kind: 'major', text: t, field, major: String(Number(t)) };
    if (VARIANT.test(t))
        return { kind: 'minor', text: t, field, version: (0,_compat_variant_js__WEBPACK_IMPORTED_MODULE_2__/* .cudaVersionOfVariant */ .O)(t) };
    if (EXACT.test(t)) {
        const [major, minor] = t.split('.');
        throw bad(field, text, CUDA_ACCEPTED, `Torch wheels are built per CUDA minor and the image uses NVIDIA's newest point release of it: write ${major}.${minor}`);
    }
    throw bad(field, text, CUDA_ACCEPTED);
}
function parsePythonSelector(text, field) {
    const t = text.trim();
    if (t === 'default')
        return { kind: 'default', text: t, field };
    if (MINOR.test(t))
        return { kind: 'exact', text: t, field, version: normaliseMinor(t) };
    if (/^\d+\.\d+\.\d+$/.test(t)) {
        throw bad(field, text, PYTHON_ACCEPTED, `Images are built per Python minor: write ${t.split('.').slice(0, 2).join('.')}`);
    }
    // A free-threaded build ("3.13t"): asked for exactly, never picked by a range or default.
    if (/t$/.test(t) && MINOR.test(t.slice(0, -1)))
        return { kind: 'exact', text: t, field, version: `${normaliseMinor(t.slice(0, -1))}t` };
    if (/^[\d\s.<>=^~|xX*-]+$/.test(t) && /\d/.test(t) && semver__WEBPACK_IMPORTED_MODULE_0___default().validRange(t)) {
        return { kind: 'range', text: t, field, range: semver__WEBPACK_IMPORTED_MODULE_0___default().validRange(t) ?? t };
    }
    throw bad(field, text, PYTHON_ACCEPTED);
}
function parseOsSelector(text, field) {
    const t = text.trim().toLowerCase();
    if (t === 'default')
        return { kind: 'default', text: t, field };
    const m = /^ubuntu-?(\d{2}\.\d{2})$/.exec(t);
    if (m?.[1])
        return { kind: 'ubuntu', text: `ubuntu${m[1]}`, field, ubuntu: m[1] };
    throw bad(field, text, OS_ACCEPTED);
}
function parseFlavorSelector(text, field) {
    const t = text.trim().toLowerCase();
    if (FLAVORS.includes(t))
        return { kind: 'flavor', text: t, field, flavor: t };
    throw bad(field, text, FLAVORS.join(' or '));
}
/** Drop leading zeros so that equal versions compare equal as text: "3.010" -> "3.10". */
function normaliseMinor(t) {
    const [major, minor] = t.split('.');
    return `${Number(major)}.${Number(minor)}`;
}
/** Python or CUDA minor "3.11" as a semver version for range checks. */
function minorAsSemver(minor) {
    return `${minor}.0`;
}
/** Whether a Python minor ("3.11") lies in a semver range (">=3.10 <3.13"). */
function minorSatisfies(minor, range) {
    // A free-threaded Python is asked for by name ("3.13t"), never by a range.
    return !minor.endsWith('t') && semver__WEBPACK_IMPORTED_MODULE_0___default().satisfies(minorAsSemver(minor), range);
}


/***/ }),

/***/ 9778:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D0: () => (/* binding */ parseMatrixSpecs),
/* harmony export */   gR: () => (/* binding */ AXES),
/* harmony export */   jp: () => (/* binding */ specFromObject)
/* harmony export */ });
/* unused harmony exports MAX_SPEC_BYTES, MAX_LIST_ITEMS, parseMatrixSpec, nestingDepth */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8815);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(8301);
/* harmony import */ var _custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7147);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(3916);
/* harmony import */ var _frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7882);
/* harmony import */ var _selectors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5003);






/**
 * The matrix spec a person writes (YAML or JSON), parsed into selectors.
 * Pure: takes the text and where it came from (for messages).
 */
/** The keys crossed with a framework's versions. */
const AXES = ['cuda', 'python', 'os', 'flavor'];
const TOP_KEYS = [..._frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION_KEYS */ ._O, ...AXES, ..._custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__/* .CUSTOM_KEYS */ .dD, 'include', 'exclude'];
const INCLUDE_KEYS = [..._frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION_KEYS */ ._O, ...AXES, ..._custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__/* .CUSTOM_KEYS */ .dD];
const EXCLUDE_KEYS = [..._frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION_KEYS */ ._O, ...AXES];
/** Longest matrix text accepted: a spec is a few lines; megabytes are a mistake or an attack. */
const MAX_SPEC_BYTES = 256 * 1024;
/** Longest list accepted for one key. */
const MAX_LIST_ITEMS = 1000;
const PARSERS = {
    cuda: _selectors_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCudaSelector */ .uf,
    python: _selectors_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePythonSelector */ .r,
    os: _selectors_js__WEBPACK_IMPORTED_MODULE_3__/* .parseOsSelector */ .HO,
    flavor: _selectors_js__WEBPACK_IMPORTED_MODULE_3__/* .parseFlavorSelector */ .xe,
};
/**
 * Parse matrix text. The YAML "failsafe" schema reads every scalar as a
 * string, so `python: 3.10` stays "3.10" instead of becoming the number 3.1;
 * JSON is YAML, so the same holds for `{"python": 3.10}`.
 */
function parseMatrixSpec(text, origin) {
    const specs = parseMatrixSpecs(text, origin);
    if (specs.length !== 1)
        throw new UserError(`${origin}: one spec expected here, got a list of ${specs.length}`);
    return specs[0];
}
/**
 * Parse matrix text: one spec (a mapping), or a list of specs whose plans are joined (to build
 * PyTorch and TensorFlow images side by side).
 */
function parseMatrixSpecs(text, origin) {
    if (Buffer.byteLength(text, 'utf8') > MAX_SPEC_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${origin}: the matrix spec is larger than ${MAX_SPEC_BYTES / 1024} KiB; a spec is a few lines of YAML or JSON`);
    }
    if (text.trim() === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${origin}: the matrix spec is empty; give at least torch, e.g. "torch: 2.4"`);
    }
    const depth = nestingDepth(text, MAX_NESTING);
    if (depth > MAX_NESTING) {
        // The YAML parser recurses per level: thousands of them take seconds before it gives up.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${origin}: the matrix spec nests lists or mappings more than ${MAX_NESTING} levels deep; a spec needs a few`);
    }
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { schema: 'failsafe', prettyErrors: true, uniqueKeys: true });
    const first = doc.errors[0];
    if (first) {
        const where = first.linePos?.[0] ? ` (line ${first.linePos[0].line}, column ${first.linePos[0].col})` : '';
        const message = first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? first.message;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${origin}${where}: not valid YAML or JSON: ${message}`);
    }
    let root;
    try {
        root = doc.toJS({ maxAliasCount: 50 });
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${origin}: not valid YAML or JSON: ${err.message}`);
    }
    if (Array.isArray(root)) {
        if (root.length === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${origin}: an empty list of specs; give at least one, e.g. [{torch: "2.4"}]`);
        if (root.length > MAX_LIST_ITEMS)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${origin}: ${root.length} specs; at most ${MAX_LIST_ITEMS} are accepted`);
        return root.map((item, i) => specFromObject(item, `${origin}[${i}]`));
    }
    return [specFromObject(root, origin)];
}
const MAX_NESTING = 32;
/**
 * How deep YAML text nests, from the YAML library's lexer (linear, no recursion): flow brackets,
 * plus the "- ", "? " and ": " indicators that each open a level on one line. A spec needs 4 or
 * 5; it stops counting past `stopAt`.
 */
function nestingDepth(text, stopAt = Number.MAX_SAFE_INTEGER) {
    let flow = 0;
    let onLine = 0;
    let deepest = 0;
    for (const token of new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Lexer */ .JG().lex(text)) {
        const type = yaml__WEBPACK_IMPORTED_MODULE_0__/* .CST */ .DB.tokenType(token);
        if (type === 'flow-seq-start' || type === 'flow-map-start')
            flow++;
        else if ((type === 'flow-seq-end' || type === 'flow-map-end') && flow > 0)
            flow--;
        else if (type === 'newline')
            onLine = 0;
        else if (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind')
            onLine++;
        deepest = Math.max(deepest, flow + onLine);
        if (deepest > stopAt)
            break;
    }
    return deepest;
}
function specFromObject(root, origin) {
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u)(root)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${origin}: the matrix spec must be a mapping with keys ${TOP_KEYS.join(', ')}; ` +
            `got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(root)}. Example: {torch: "2.4", cuda: ["12.1", "12.4"], python: "3.11"}`);
    }
    checkKnownKeys(root, TOP_KEYS, 'matrix');
    const named = _frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION_KEYS */ ._O.filter((k) => root[k] !== undefined);
    if (named.length > 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${origin}: one spec names one framework, and this one names ${named.join(' and ')}; give a list of specs, ` +
            `e.g. [{torch: "2.4"}, {tensorflow: "2.18"}], or add the other framework's entries under include`);
    }
    const versionKey = named[0];
    const framework = (versionKey ? (0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .frameworkByKey */ .Z_)(versionKey) : _frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .FRAMEWORKS */ .i[0])?.id;
    const listField = (key, i, all) => all.length > 1 || Array.isArray(root[key]) ? `matrix.${key}[${i}]` : `matrix.${key}`;
    const versions = versionKey
        ? valuesOf(root[versionKey], `matrix.${versionKey}`).map((v, i, all) => (0,_selectors_js__WEBPACK_IMPORTED_MODULE_3__/* .parseVersionSelector */ .Bg)(v, listField(versionKey, i, all)))
        : undefined;
    const axes = {};
    for (const axis of AXES) {
        if (root[axis] === undefined)
            continue;
        axes[axis] = valuesOf(root[axis], `matrix.${axis}`).map((v, i, all) => PARSERS[axis](v, listField(axis, i, all)));
    }
    const include = partials(root.include, 'matrix.include', INCLUDE_KEYS);
    const exclude = partials(root.exclude, 'matrix.exclude', EXCLUDE_KEYS);
    const includeCustomisation = Array.isArray(root.include)
        ? root.include.map((item, i) => (0,_custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__/* .customisationFromSpec */ .sP)(item, `matrix.include[${i}]`))
        : [];
    const customisation = (0,_custom_customisation_js__WEBPACK_IMPORTED_MODULE_1__/* .customisationFromSpec */ .sP)(root, 'matrix');
    const givenAxes = AXES.filter((a) => axes[a]);
    if (givenAxes.length > 0 && !versions) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`matrix.torch is missing: the matrix has ${givenAxes.join(', ')} but no torch versions to cross them with; ` +
            `add e.g. torch: "2.4" (or tensorflow: "2.18", or jax: "0.8"; or give every entry under include)`);
    }
    if (!versions && include.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`matrix: nothing to build; give torch (e.g. torch: "2.4"), tensorflow or jax, or a list of entries under include`);
    }
    return { framework, ...(versions ? { versions } : {}), axes, include, includeCustomisation, exclude, customisation };
}
function partials(value, field, allowed) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: expected a list of partial entries like [{torch: "2.4.1", cuda: "12.4"}], got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(value)}`);
    }
    if (value.length > MAX_LIST_ITEMS)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${value.length} items; at most ${MAX_LIST_ITEMS} are accepted`);
    return value.map((item, i) => {
        const at = `${field}[${i}]`;
        if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u)(item)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${at}: expected a mapping of ${allowed.join(', ')}, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(item)}`);
        }
        checkKnownKeys(item, allowed, at);
        if (Object.keys(item).length === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${at}: an empty entry; name at least one of ${allowed.join(', ')}`);
        const entry = {};
        for (const axis of AXES) {
            const v = item[axis];
            if (v === undefined)
                continue;
            if (typeof v !== 'string') {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${at}.${axis}: expected one value, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(v)}; write one ${field.split('.')[1]} item per combination`);
            }
            entry[axis] = PARSERS[axis](nonEmpty(v, `${at}.${axis}`), `${at}.${axis}`);
        }
        const named = _frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION_KEYS */ ._O.filter((k) => item[k] !== undefined);
        if (named.length > 1)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${at}: names ${named.join(' and ')}; one item is one entry of one framework`);
        const key = named[0];
        if (key) {
            const v = item[key];
            if (typeof v !== 'string') {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${at}.${key}: expected one value, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(v)}; write one ${field.split('.')[1]} item per combination`);
            }
            entry.framework = (0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_2__/* .frameworkByKey */ .Z_)(key)?.id;
            entry.version = (0,_selectors_js__WEBPACK_IMPORTED_MODULE_3__/* .parseVersionSelector */ .Bg)(nonEmpty(v, `${at}.${key}`), `${at}.${key}`);
        }
        return entry;
    });
}
function valuesOf(value, field) {
    if (typeof value === 'string')
        return [nonEmpty(value, field)];
    if (Array.isArray(value)) {
        if (value.length === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: an empty list; give at least one value or leave the key out`);
        if (value.length > MAX_LIST_ITEMS)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${value.length} values; at most ${MAX_LIST_ITEMS} are accepted`);
        return value.map((v, i) => {
            if (typeof v !== 'string')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}[${i}]: expected a version, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(v)}`);
            return nonEmpty(v, `${field}[${i}]`);
        });
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: expected a value or a list of values, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(value)}`);
}
function nonEmpty(v, field) {
    if (v.trim() === '' || v === 'null' || v === '~')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: no value given`);
    if (/[\u0000-\u001f\u007f]/.test(v))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(v)} contains control characters`);
    return v;
}
function checkKnownKeys(obj, allowed, field) {
    for (const key of Object.keys(obj)) {
        if (!allowed.includes(key)) {
            const plain = (k) => k.toLowerCase().replace(/_/g, '-');
            const near = allowed.find((a) => a === plain(key).replace(/s$/, '') || a === plain(key) || a === `${plain(key)}s`);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${field}: unknown key ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(key)}; accepted keys: ${allowed.join(', ')}${near ? ` (did you mean ${near}?)` : ''}`);
        }
    }
}


/***/ }),

/***/ 2068:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Wj: () => (/* binding */ pythonSource),
/* harmony export */   Y4: () => (/* binding */ inlinePython),
/* harmony export */   r3: () => (/* binding */ SMOKE_CHECK_FILES)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);


function location(file) {
    switch (file) {
        case 'gim_packages.py':
            return __nccwpck_require__.ab + "gim_packages.py";
        case 'check.py':
            return __nccwpck_require__.ab + "check.py";
        case 'pin.py':
            return __nccwpck_require__.ab + "pin.py";
        case 'inventory.py':
            return __nccwpck_require__.ab + "inventory.py";
    }
}
const texts = new Map();
/** A shipped Python file's text. */
function pythonSource(file) {
    let text = texts.get(file);
    if (text === undefined) {
        // A URL from source; in the bundle, ncc has made it a path string.
        const where = location(file);
        const at = where instanceof URL ? (0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(where) : String(where);
        try {
            text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(at, 'utf8');
        }
        catch (err) {
            throw new Error(`the program's Python file ${file} is missing at ${at}; reinstall or rebuild the program`, { cause: err });
        }
        texts.set(file, text);
    }
    return text;
}
/** The smoke check and the helpers it imports: what the container gets, by file name. */
const SMOKE_CHECK_FILES = ['check.py', 'gim_packages.py'];
const HELPERS_IMPORT = /^from gim_packages import [^()\\\n]+\n/m;
/** the closing block, to the end of the file */
const MAIN_BLOCK = /\nif __name__ == "__main__":\n(?:[ \t]+.*\n|\n)*$/;
/**
 * A template script (pin.py, inventory.py) as one self-contained program for `python -`:
 * gim_packages.py, then the script without its helper import and its `__main__` block, then a
 * call of its main() with `params`: JSON text in a string literal (a JSON string literal is a
 * Python one), in ASCII, so the interpreter's idea of stdin's encoding does not matter. It is
 * meant for a quoted heredoc ending at `delimiter`, so no line may equal that.
 */
function inlinePython(script, params, delimiter) {
    const source = pythonSource(script);
    if (!HELPERS_IMPORT.test(source) || !MAIN_BLOCK.test(source)) {
        throw new Error(`${script} needs one line "from gim_packages import ..." and a closing 'if __name__ == "__main__":' block to be inlined`);
    }
    const body = source.replace(HELPERS_IMPORT, '').replace(MAIN_BLOCK, '').trimEnd();
    const literal = JSON.stringify(asciiJson(params));
    const program = `${pythonSource('gim_packages.py').trimEnd()}\n\n\n${body}\n\n\nmain(json.loads(${literal}))`;
    if (program.split('\n').includes(delimiter))
        throw new Error(`inlined ${script} has a line "${delimiter}", which would end its heredoc`);
    return program;
}
/**
 * JSON text with every non-ASCII character as a \uXXXX escape (they occur only inside strings):
 * json.loads reads it back the same, pairing surrogates, whatever the bytes of stdin were taken for.
 */
function asciiJson(value) {
    return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


/***/ }),

/***/ 2011:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E3: () => (/* binding */ verifyTable),
/* harmony export */   Ik: () => (/* binding */ smokeTable),
/* harmony export */   NJ: () => (/* binding */ smokeMarkdown),
/* harmony export */   OJ: () => (/* binding */ buildMarkdown),
/* harmony export */   Zk: () => (/* binding */ buildTable),
/* harmony export */   hR: () => (/* binding */ FORMATS),
/* harmony export */   nT: () => (/* binding */ formatPlan),
/* harmony export */   vB: () => (/* binding */ verifyMarkdown),
/* harmony export */   y3: () => (/* binding */ reproMarkdown)
/* harmony export */ });
/* unused harmony exports SUMMARY_LIMIT_BYTES, COMMENT_LIMIT_CHARS, fitMarkdown, planJson, matrixOutput, planTable, planMarkdown */
/* harmony import */ var _frameworks_index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7882);

/** Renderings of a plan: JSON for machines, a text table for people, markdown for the job summary. Pure. */
const FORMATS = ['json', 'table', 'markdown'];
/**
 * GitHub drops a step's job summary over 1 MiB ("each step is restricted to a maximum size of
 * 1MiB", docs: workflow commands, step isolation and limits) and refuses a comment over 65,536
 * characters (the API's "body is too long (maximum is 65536 characters)"). A little is kept back
 * for the note that says what was left out.
 */
const SUMMARY_LIMIT_BYTES = (/* unused pure expression or super */ null && (1024 * 1024 - 4096));
const COMMENT_LIMIT_CHARS = (/* unused pure expression or super */ null && (65_536 - 1024));
/**
 * Markdown cut to fit `limit` (bytes, or characters with `unit: 'chars'`) at a line boundary: an
 * open code block or <details> is closed, and a last line says how much was left out and where
 * the whole is. Sections are written most important first, so what is cut is what matters least.
 */
function fitMarkdown(markdown, limit, whereTheRestIs, unit = 'bytes') {
    const size = (text) => (unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length);
    if (size(markdown) <= limit)
        return markdown;
    const lines = markdown.split('\n');
    const note = (left) => `\n\n*${left} more lines are not shown here (${limit} ${unit} at most): ${whereTheRestIs}.*\n`;
    let kept = 0;
    let used = 0;
    const budget = limit - size(note(lines.length)) - 16;
    while (kept < lines.length && used + size(lines[kept]) + 1 <= budget)
        used += size(lines[kept++]) + 1;
    const head = lines.slice(0, kept);
    const fences = head.filter((l) => l.startsWith('```')).length;
    const details = head.filter((l) => l.startsWith('<details>')).length - head.filter((l) => l.startsWith('</details>')).length;
    if (fences % 2 === 1)
        head.push('```');
    for (let i = 0; i < details; i++)
        head.push('</details>');
    return `${head.join('\n')}${note(lines.length - kept)}`;
}
/** The object workflows consume: `{"include": [...], "skipped": [...]}`. */
function planJson(plan) {
    return JSON.stringify({ include: plan.include, skipped: plan.skipped }, null, 2);
}
/** `{"include": [...]}`: ready for `strategy.matrix: ${{ fromJSON(...) }}` (one line: it goes into GITHUB_OUTPUT). */
function matrixOutput(plan) {
    return JSON.stringify({ include: plan.include });
}
/**
 * The plan's columns: a plan of one framework shows its version and its own columns (torch:
 * torchvision, torchaudio); a mixed plan names the framework with its version.
 */
function columnsFor(plan) {
    const frameworks = [...new Set(plan.include.map((e) => (0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_0__/* .frameworkOf */ .K5)(e)))];
    const only = frameworks.length === 1 ? frameworks[0] : undefined;
    const own = frameworks.flatMap((f) => f.columns.map((c) => ({ title: c.title, value: (e) => ((0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_0__/* .frameworkOf */ .K5)(e) === f ? c.value(e) : null) ?? '-' })));
    return [
        { title: 'tag', value: (e) => e.tag },
        only ? { title: only.key, value: (e) => (0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_0__/* .frameworkVersion */ .xu)(e) } : { title: 'framework', value: (e) => (0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_0__/* .frameworkTitle */ .T_)(e) },
        ...own,
        { title: 'cuda', value: (e) => e.cudaFull ?? e.cuda },
        { title: 'cudnn', value: (e) => e.cudnn ?? '-' },
        { title: 'python', value: (e) => e.python },
        { title: 'base image', value: (e) => e.baseImage },
        { title: 'min driver', value: (e) => e.minDriver ?? '-' },
        { title: 'key', value: (e) => e.key },
    ];
}
function planTable(plan) {
    const columns = columnsFor(plan);
    const rows = plan.include.map((e) => columns.map((c) => c.value(e)));
    const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    const out = [
        `${plan.include.length} ${plan.include.length === 1 ? 'entry' : 'entries'}`,
        '',
        line(columns.map((c) => c.title)),
        line(widths.map((w) => '-'.repeat(w))),
        ...rows.map(line),
    ];
    if (plan.skipped.length) {
        out.push('', `skipped ${plan.skipped.length}:`);
        for (const s of plan.skipped)
            out.push(`  ${skippedVersion(s)} × ${s.cuda} × py ${s.python} × ${s.os} × ${s.flavor}: ${s.reason}`);
    }
    if (plan.warnings.length) {
        out.push('', 'warnings:');
        for (const w of plan.warnings)
            out.push(`  ${w}`);
    }
    return `${out.join('\n')}\n`;
}
/** "2.4.1" for torch (as before), "tensorflow 2.18.1", "jax 0.8.0". */
function skippedVersion(s) {
    const framework = (0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_0__/* .frameworkById */ .pl)(s.framework ?? 'pytorch');
    const version = s[framework.key] ?? '';
    return s.framework ? `${framework.key} ${version}` : version;
}
function planMarkdown(plan) {
    const cell = (text) => mdEscape(text);
    const columns = columnsFor(plan);
    const out = [
        `### gpu-image-matrix plan: ${plan.include.length} ${plan.include.length === 1 ? 'image' : 'images'}`,
        '',
        `| ${columns.map((c) => c.title).join(' | ')} |`,
        `|${columns.map(() => '---').join('|')}|`,
        ...plan.include.map((e) => `| ${columns.map((c) => cell(c.value(e))).join(' | ')} |`),
    ];
    if (plan.skipped.length) {
        out.push('', `<details><summary>Skipped ${plan.skipped.length} combination(s) that were never shipped</summary>`, '');
        out.push('| torch | cuda | python | os | flavor | reason |', '|---|---|---|---|---|---|');
        for (const s of plan.skipped) {
            out.push(`| ${[skippedVersion(s), s.cuda, s.python, s.os, s.flavor, s.reason].map(cell).join(' | ')} |`);
        }
        out.push('', '</details>');
    }
    if (plan.warnings.length) {
        out.push('', '**Warnings**', '');
        for (const w of plan.warnings)
            out.push(`- ${cell(w)}`);
    }
    return `${out.join('\n')}\n`;
}
function formatPlan(plan, format) {
    switch (format) {
        case 'json':
            return `${planJson(plan)}\n`;
        case 'table':
            return planTable(plan);
        case 'markdown':
            return planMarkdown(plan);
    }
}
/** Values come from user input and data: keep them from breaking the table or injecting HTML. */
function mdEscape(text) {
    return text.replace(/[\\|`*_<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
/** The build's results: one row per entry (log table and job summary), errors below. */
function buildMarkdown(images) {
    const counts = countStatuses(images);
    const out = [
        `### gpu-image-matrix build: ${Object.entries(counts)
            .map(([s, n]) => `${n} ${s}`)
            .join(', ')}`,
        '',
        '| image | status | digest | size | seconds | cached steps | cache | attempts |',
        '|---|---|---|---|---|---|---|---|',
        // failures first: when a long table is cut to fit a summary, they are what stays
        ...mostImportantFirst(images, (r) => r.status === 'failed' || r.status === 'cancelled').map((r) => `| ${mdEscape(r.tags[0] ?? r.tag)} | ${statusWord(r)} | ${r.digest ? `\`${r.digest.slice(0, 19)}…\`` : '-'} ` +
            `| ${formatSize(r.size)} | ${r.seconds} | ${stepsText(r)} | ${r.cache} | ${r.attempts} |`),
    ];
    const failed = images.filter((r) => r.error && r.status === 'failed');
    for (const r of failed) {
        out.push('', `<details><summary>${mdEscape(r.tag)} failed</summary>`, '', '```text', (r.error ?? '').replace(/```/g, "'''"), '```', '', '</details>');
    }
    return `${out.join('\n')}\n`;
}
/** A plain-text table: a head row, a rule, the rows; columns as wide as their widest cell. */
function textTable(head, rows) {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
function buildTable(images) {
    const rows = images.map((r) => [r.tag, statusWord(r), r.digest ?? '-', formatSize(r.size), `${r.seconds}s`, stepsText(r), r.cache]);
    const head = ['entry', 'status', 'digest', 'size', 'time', 'cached', 'cache'];
    const out = textTable(head, rows);
    for (const r of images.filter((x) => x.status === 'failed'))
        out.push('', `${r.tag} failed:`, `  ${r.error ?? ''}`);
    return `${out.join('\n')}\n`;
}
/** The rows that need a person's attention first, the others after, each in their own order. */
function mostImportantFirst(rows, important) {
    return [...rows.filter(important), ...rows.filter((r) => !important(r))];
}
function countStatuses(images) {
    const counts = {};
    for (const r of images)
        counts[r.status] = (counts[r.status] ?? 0) + 1;
    return counts;
}
function statusWord(r) {
    return r.status === 'skipped' ? 'skipped (up to date)' : r.status;
}
function stepsText(r) {
    return r.totalSteps === null ? '-' : `${r.cachedSteps}/${r.totalSteps}`;
}
function formatSize(bytes) {
    if (bytes === null)
        return '-';
    return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}
/** Smoke results: one row per entry, and per failure the failing check with its cause and fix. */
function smokeMarkdown(results) {
    const passed = results.filter((r) => r.status === 'passed').length;
    const out = [
        `### gpu-image-matrix smoke test: ${passed} passed, ${results.length - passed} failed`,
        '',
        '| image | mode | GPU(s) | driver | torch | CUDA | cuDNN | result |',
        '|---|---|---|---|---|---|---|---|',
        ...mostImportantFirst(results, (r) => r.status === 'failed').map((r) => {
            const cells = [
                r.tag,
                r.mode,
                gpusText(r),
                r.host.driver ?? '-',
                r.report?.torch ?? r.report?.tensorflow ?? r.report?.jax ?? '-',
                r.report?.cuda ?? (r.mode === 'cpu' ? 'none' : '-'),
                r.report?.cudnn != null ? String(r.report.cudnn) : '-',
                r.status === 'passed' ? 'passed' : `**failed**: ${r.failed ?? ''}`,
            ];
            return `| ${cells.map(mdEscape).join(' | ')} |`;
        }),
    ];
    for (const r of results.filter((x) => x.status === 'failed')) {
        out.push('', `**${mdEscape(r.tag)}**: ${mdEscape(r.failed ?? 'failed')}`);
        if (r.diagnosis)
            out.push(`- cause: ${mdEscape(r.diagnosis.cause)}`, `- fix: ${mdEscape(r.diagnosis.fix)}`);
        if (r.output)
            out.push('', '```text', r.output.replace(/```/g, "'''"), '```');
    }
    return `${out.join('\n')}\n`;
}
function smokeTable(results) {
    const rows = results.map((r) => [
        r.tag,
        r.mode,
        r.status,
        r.report?.torch ?? r.report?.tensorflow ?? r.report?.jax ?? '-',
        r.report ? (r.report.cuda ?? 'none') : '-',
        gpusText(r),
        `${r.seconds}s`,
    ]);
    const head = ['entry', 'mode', 'result', 'torch', 'cuda', 'gpus', 'time'];
    const out = textTable(head, rows);
    for (const r of results.filter((x) => x.status === 'failed')) {
        out.push('', `${r.tag}: ${r.failed ?? 'failed'}`);
        if (r.diagnosis)
            out.push(`  cause: ${r.diagnosis.cause}`, `  fix: ${r.diagnosis.fix}`);
    }
    return `${out.join('\n')}\n`;
}
function gpusText(r) {
    if (r.mode === 'cpu')
        return '-';
    const gpus = r.report?.gpus?.length ? r.report.gpus.map((g) => `${g.name} (${g.capability})`) : r.host.gpus.map((g) => g.name);
    return gpus.length ? gpus.join(', ') : '-';
}
/** The reproducibility report: a PR comment or job summary a reviewer can act on. */
function reproMarkdown(results) {
    const out = ['### gpu-image-matrix reproducibility', ''];
    out.push('| image | deterministic | manifest | change against baseline |', '|---|---|---|---|');
    for (const r of results) {
        const d = r.determinism;
        const det = r.status === 'failed' ? 'check failed' : d?.deterministic ? 'yes' : `**no** (layer ${d?.firstDifferentLayer ?? '-'} differs)`;
        const impact = r.impact
            ? r.impact.drift
                ? `${r.impact.python.length + r.impact.debian.length} package change(s), size ${signedSize(r.impact.size.change)}`
                : 'none'
            : '-';
        out.push(`| ${mdEscape(r.tag)} | ${det} | ${d ? `\`${d.manifest.a.slice(0, 19)}…\`` : '-'} | ${impact} |`);
    }
    for (const r of results) {
        if (r.status === 'failed')
            out.push('', `**${mdEscape(r.tag)}**: ${mdEscape(r.error ?? 'failed')}`);
        const d = r.determinism;
        if (d && !d.deterministic) {
            out.push('', `**${mdEscape(r.tag)} is not reproducible** (SOURCE_DATE_EPOCH=${r.sourceDateEpoch}): ` +
                `manifest ${d.manifest.a} vs ${d.manifest.b}; config ${d.config.same ? 'same' : 'differs'}.`);
            if (d.firstDifferentLayer !== null)
                out.push(`Layer ${d.firstDifferentLayer} differs (${d.layers[d.firstDifferentLayer]?.a} vs ${d.layers[d.firstDifferentLayer]?.b}).`);
            if (d.cause)
                out.push(`Likely cause: ${mdEscape(d.cause)}`);
            if (d.filesNote)
                out.push(mdEscape(d.filesNote));
            if (d.files.length) {
                out.push('', `| path | difference | first build | second build |`, '|---|---|---|---|');
                for (const f of d.files)
                    out.push(`| ${mdEscape(f.path)} | ${f.kind} | ${mdEscape(f.a ?? '')} | ${mdEscape(f.b ?? '')} |`);
                if (d.totalFileDiffs > d.files.length)
                    out.push('', `… and ${d.totalFileDiffs - d.files.length} more`);
            }
        }
        const i = r.impact;
        if (i) {
            out.push('', `**${mdEscape(r.tag)} against ${mdEscape(i.baseline)}** (${i.baselineDigest.slice(0, 19)}…): ` +
                `size ${formatSize(i.size.baseline)} → ${formatSize(i.size.current)} (${signedSize(i.size.change)})`);
            out.push('', '| | baseline | this change |', '|---|---|---|');
            for (const v of i.versions)
                out.push(`| ${v.name} | ${mdEscape(v.baseline ?? '-')} | ${mdEscape(v.current ?? '-')} |`);
            const changes = [...i.python.map((c) => ({ ...c, kind2: 'python' })), ...i.debian.map((c) => ({ ...c, kind2: 'debian' }))];
            if (changes.length) {
                out.push('', '| package | kind | change | baseline | this change |', '|---|---|---|---|---|');
                for (const c of changes)
                    out.push(`| ${mdEscape(c.name)} | ${c.kind2} | ${c.kind} | ${mdEscape(c.baseline ?? '-')} | ${mdEscape(c.current ?? '-')} |`);
            }
            else
                out.push('', 'No package changes.');
            const layerRows = i.layers.filter((l) => l.baseline !== l.current);
            if (layerRows.length) {
                out.push('', '| layer | baseline | this change |', '|---|---|---|');
                for (const l of layerRows)
                    out.push(`| ${l.index} | ${formatSize(l.baseline)} | ${formatSize(l.current)} |`);
            }
        }
    }
    return `${out.join('\n')}\n`;
}
function signedSize(bytes) {
    return `${bytes >= 0 ? '+' : '-'}${formatSize(Math.abs(bytes))}`;
}
// ---------------------------------------------------------------------------------------------
// verify
function verifyCounts(report) {
    const counts = {};
    for (const v of report.verdicts)
        counts[v.status] = (counts[v.status] ?? 0) + 1;
    return Object.entries(counts)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ');
}
/** The verify results as text: one row per entry, then what is missing and the warnings. */
function verifyTable(report) {
    const rows = report.verdicts.map((v) => [
        v.tag,
        v.status,
        `${v.confirmed} of ${v.checked}`,
        v.missing.length ? `${v.missing.length} missing` : '-',
    ]);
    const head = ['entry', 'verify', 'found', 'problems'];
    const out = [
        `verify: ${verifyCounts(report)} (${report.requests.indexes} index and ${report.requests.registries} registry requests, ` +
            `${report.seconds.toFixed(1)}s)`,
        ...textTable(head, rows),
    ];
    for (const v of report.verdicts) {
        for (const m of v.missing)
            out.push(`${v.tag}: missing: ${m}`);
        for (const w of v.warnings)
            out.push(`${v.tag}: warning: ${w}`);
    }
    return `${out.join('\n')}\n`;
}
/** The verify results for a job summary: entries that cannot build first. */
function verifyMarkdown(report) {
    const out = [
        `### gpu-image-matrix verify: ${verifyCounts(report)}`,
        '',
        '| entry | verify | found | missing | warnings |',
        '|---|---|---|---|---|',
        ...mostImportantFirst(report.verdicts, (v) => v.status === 'missing').map((v) => `| ${mdEscape(v.tag)} | ${v.status} | ${v.confirmed} of ${v.checked} | ${v.missing.map(mdEscape).join('<br>') || '-'} | ` +
            `${v.warnings.map(mdEscape).join('<br>') || '-'} |`),
    ];
    return `${out.join('\n')}\n`;
}


/***/ }),

/***/ 1822:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Mo: () => (/* binding */ inertInline),
/* harmony export */   UJ: () => (/* binding */ inertText),
/* harmony export */   nl: () => (/* binding */ inertJson)
/* harmony export */ });
/**
 * Text that came from a tool, an image, an index or a registry, printed so the Actions runner
 * reads no workflow command in it. The runner takes `::name::` at the start of a line (after
 * leading whitespace, which it strips) and the older `##[name]` anywhere in a line, and a lone
 * `\r` ends a line as `\n` does; between `::stop-commands::<token>` and `::<token>::` it takes
 * none. Text holding `::` or `##[` anywhere goes out inside such a block; other text as it is.
 * Pure: the entry point gives the token (random, one per run) and does the writing.
 */
/** What could read as a workflow command in either form, wherever it stands. */
const COMMAND_LIKE = /::|##\[/;
function inertText(text, token) {
    if (!COMMAND_LIKE.test(text))
        return text;
    return `::stop-commands::${token}\n${text}\n::${token}::`;
}
/**
 * JSON for a log the runner may read: the same value, with `#` of `##[` written as \u0023
 * (only strings can hold it). `::` cannot start a line of JSON, whose lines start with a
 * bracket, a quote or a value.
 */
function inertJson(json) {
    return json.replace(/##\[/g, '#\\u0023[');
}
/**
 * Text for a stream that may be piped on (a table, markdown), where a stop-commands block would
 * be in the way: a zero-width space inside every `::` and `##[`, so neither form can be read.
 */
function inertInline(text) {
    return text.replace(/::/g, ':\u200b:').replace(/##\[/g, '#\u200b#[');
}


/***/ }),

/***/ 2156:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ mergeLayers),
/* harmony export */   bY: () => (/* binding */ inventorySelect),
/* harmony export */   bu: () => (/* binding */ diffPackages),
/* harmony export */   o8: () => (/* binding */ inventoryOf),
/* harmony export */   t6: () => (/* binding */ pipName)
/* harmony export */ });
/* unused harmony exports IMAGE_INVENTORY, inventoryWants */
/* harmony import */ var _tar_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3563);

/** The inventory the embedded template writes (INVENTORY_PATH, without the leading slash). */
const IMAGE_INVENTORY = 'etc/gpu-image-matrix/inventory.json';
/** The files the inventory reads; only these are kept in memory when layers are read. */
function inventoryWants(path) {
    return (path === IMAGE_INVENTORY ||
        path === 'var/lib/dpkg/status' ||
        /(?:site|dist)-packages\/[^/]+\.dist-info\/METADATA$/.test(path) ||
        /(?:site|dist)-packages\/[^/]+\.egg-info(?:\/PKG-INFO)?$/.test(path) ||
        /(?:site|dist)-packages\/torch\/version\.py$/.test(path));
}
/**
 * What the inventory keeps of a layer's entries: the content of the files it reads, and the
 * whiteouts that may delete them; nothing of the rest (no headers, no hashing), so a layer of
 * any size costs only those few files.
 */
function inventorySelect(path) {
    if (inventoryWants(path))
        return 'content';
    return path.slice(path.lastIndexOf('/') + 1).startsWith('.wh.') ? 'header' : 'none';
}
/** Apply layers bottom to top, with OCI whiteouts (".wh.name" removes name; ".wh..wh..opq" empties the directory). */
function mergeLayers(layers) {
    const fs = new Map();
    for (const layer of layers) {
        for (const e of layer) {
            const slash = e.path.lastIndexOf('/');
            const dir = slash >= 0 ? e.path.slice(0, slash) : '';
            const base = e.path.slice(slash + 1);
            if (base === '.wh..wh..opq') {
                for (const p of [...fs.keys()])
                    if (p.startsWith(`${dir}/`))
                        fs.delete(p);
                continue;
            }
            if (base.startsWith('.wh.')) {
                const gone = (0,_tar_js__WEBPACK_IMPORTED_MODULE_0__/* .normalise */ .j7)(`${dir}/${base.slice(4)}`);
                fs.delete(gone);
                for (const p of [...fs.keys()])
                    if (p.startsWith(`${gone}/`))
                        fs.delete(p);
                continue;
            }
            fs.set(e.path, e);
        }
    }
    return fs;
}
function headers(text) {
    const out = {};
    for (const line of text.split(/\r?\n/)) {
        if (line === '')
            break;
        const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
        if (m?.[1] && !(m[1] in out))
            out[m[1]] = (m[2] ?? '').trim();
    }
    return out;
}
/** pip normalises names (PEP 503): "Torch_Vision" and "torch-vision" are one package. */
function pipName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
function inventoryOf(files) {
    const inv = { source: 'layers', python: {}, debian: {}, torch: null, cuda: null, cudnn: null, nccl: null };
    const own = readImageInventory(files.get(IMAGE_INVENTORY));
    for (const [path, e] of files) {
        if (!e.content || path === IMAGE_INVENTORY)
            continue;
        const text = e.content.toString('utf8');
        if (path === 'var/lib/dpkg/status') {
            for (const stanza of text.split(/\n\n+/)) {
                const h = headers(stanza);
                if (h.Package && h.Version && /install ok installed/.test(h.Status ?? ''))
                    inv.debian[h.Package] = h.Version;
            }
        }
        else if (/torch\/version\.py$/.test(path)) {
            inv.torch = /__version__\s*=\s*['"]([^'"]+)['"]/.exec(text)?.[1] ?? inv.torch;
            const cuda = /^cuda(?:\s*:[^=\n]*)?\s*=\s*['"]([^'"]+)['"]/m.exec(text)?.[1];
            inv.cuda = cuda ?? inv.cuda;
        }
        else {
            const h = headers(text);
            if (h.Name && h.Version)
                inv.python[pipName(h.Name)] = h.Version;
        }
    }
    if (own) {
        // What the image says it holds, written as its last build step: no probing needed.
        inv.source = 'inventory';
        inv.python = own.python;
        inv.debian = own.debian;
        inv.torch = own.python.torch ?? inv.torch;
    }
    const pkg = (prefix) => Object.entries(inv.python).find(([n]) => prefix.test(n))?.[1] ?? null;
    inv.cudnn = pkg(/^nvidia-cudnn-cu\d+$/);
    inv.nccl = pkg(/^nvidia-nccl-cu\d+$/);
    return inv;
}
function diffPackages(baseline, current) {
    const names = [...new Set([...Object.keys(baseline), ...Object.keys(current)])].sort();
    const out = [];
    for (const name of names) {
        const b = baseline[name];
        const c = current[name];
        if (b === undefined && c !== undefined)
            out.push({ name, kind: 'added', current: c });
        else if (c === undefined && b !== undefined)
            out.push({ name, kind: 'removed', baseline: b });
        else if (b !== c)
            out.push({ name, kind: 'changed', ...(b !== undefined ? { baseline: b } : {}), ...(c !== undefined ? { current: c } : {}) });
    }
    return out;
}
/** The package lists of the image's inventory file, or null when it is missing or not one. */
function readImageInventory(e) {
    if (!e?.content)
        return null;
    try {
        const doc = JSON.parse(e.content.toString('utf8'));
        if (doc.tool !== 'gpu-image-matrix' || !Array.isArray(doc.pythonPackages) || !Array.isArray(doc.systemPackages))
            return null;
        const python = {};
        for (const p of doc.pythonPackages)
            if (p.name && p.version)
                python[pipName(p.name)] = p.version;
        const debian = {};
        for (const p of doc.systemPackages)
            if (p.name && p.version)
                debian[p.name] = p.version;
        return { python, debian };
    }
    catch {
        return null;
    }
}


/***/ }),

/***/ 9398:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ parseReproOptions),
/* harmony export */   ei: () => (/* binding */ reproFails)
/* harmony export */ });
/* unused harmony export FAIL_ON */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3916);
/* harmony import */ var _inputs_placeholders_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8043);
/* harmony import */ var _inputs_values_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8463);



/** The reproducibility check's settings, as both entry points read them. Pure. */
const FAIL_ON = ['nondeterministic', 'drift', 'both', 'none'];
function parseReproOptions(inputs) {
    const options = { failOn: (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseChoice */ .HU)(inputs.get('fail-on'), inputs.field('fail-on'), FAIL_ON, 'nondeterministic') };
    const epoch = (inputs.get('source-date-epoch') ?? '').trim();
    if (epoch) {
        if (!/^\d{1,11}$/.test(epoch)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${inputs.field('source-date-epoch')}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(epoch)} is not valid; accepted: seconds since 1970 (e.g. 0 or the commit time)`);
        }
        options.sourceDateEpoch = Number(epoch);
    }
    const baseline = (inputs.get('baseline') ?? '').trim();
    if (baseline) {
        (0,_inputs_placeholders_js__WEBPACK_IMPORTED_MODULE_0__/* .checkPlaceholders */ .nV)(baseline, 'baseline', inputs.field('baseline'));
        if (/\s/.test(baseline))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${inputs.field('baseline')}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(baseline)} contains whitespace`);
        options.baseline = baseline;
    }
    return options;
}
/** Whether the results fail the step under fail-on. */
function reproFails(failOn, results) {
    const reasons = [];
    if (results.some((r) => r.status === 'failed'))
        reasons.push('the check could not run for every entry');
    const nondeterministic = results.some((r) => r.determinism && !r.determinism.deterministic);
    const drift = results.some((r) => r.impact?.drift);
    if ((failOn === 'nondeterministic' || failOn === 'both') && nondeterministic)
        reasons.push('an image is not reproducible');
    if ((failOn === 'drift' || failOn === 'both') && drift)
        reasons.push('an image differs from its baseline');
    return reasons;
}


/***/ }),

/***/ 3563:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jf: () => (/* binding */ TarParser),
/* harmony export */   j7: () => (/* binding */ normalise),
/* harmony export */   mt: () => (/* binding */ TarError)
/* harmony export */ });
/* unused harmony exports TAR_LIMITS, readTar */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

const TAR_LIMITS = {
    keptFileBytes: 16 * 1024 * 1024,
    longHeaderBytes: 1024 * 1024,
    nameBytes: 64 * 1024,
    entries: 250_000,
    tarBytes: 64 * 1024 * 1024 * 1024,
};
/** The archive is not a well-formed tar: the message says where (byte offset) and what. */
class TarError extends Error {
    name = 'TarError';
}
const MiB = 1024 * 1024;
const size = (n) => (n >= MiB ? `${(n / MiB).toFixed(n % MiB ? 1 : 0)} MiB` : `${n} bytes`);
class TarParser {
    select;
    limits;
    block = Buffer.alloc(512);
    /** bytes of the current header block received */
    filled = 0;
    /** bytes of the current body still to come, then the zero padding to the next block */
    remaining = 0;
    padding = 0;
    body = null;
    bodySize = 0;
    /** bytes taken in so far, and where the current header started: what messages point at */
    offset = 0;
    headerAt = 0;
    zeroBlocks = 0;
    ended = false;
    pax = new Map();
    global = new Map();
    longName = null;
    longLink = null;
    out = [];
    constructor(select = () => 'header', limits = {}) {
        this.select = select;
        this.limits = { ...TAR_LIMITS, ...limits };
    }
    /** Take the next bytes of the archive; throws TarError at the first malformed field. */
    write(chunk) {
        if (this.offset + chunk.length > this.limits.tarBytes) {
            throw new TarError(`the layer holds more than ${size(this.limits.tarBytes)} uncompressed: a decompression bomb, not a layer`);
        }
        let pos = 0;
        // Each pass takes at least one byte of the chunk (or all the rest once the archive has ended).
        while (pos < chunk.length) {
            if (this.ended) {
                this.offset += chunk.length - pos;
                return;
            }
            if (this.remaining > 0) {
                const n = Math.min(this.remaining, chunk.length - pos);
                this.feed(chunk.subarray(pos, pos + n));
                pos += n;
                this.offset += n;
                this.remaining -= n;
                if (this.remaining === 0)
                    this.finishBody();
                continue;
            }
            if (this.padding > 0) {
                const n = Math.min(this.padding, chunk.length - pos);
                pos += n;
                this.offset += n;
                this.padding -= n;
                continue;
            }
            const n = Math.min(512 - this.filled, chunk.length - pos);
            chunk.copy(this.block, this.filled, pos, pos + n);
            if (this.filled === 0)
                this.headerAt = this.offset;
            this.filled += n;
            pos += n;
            this.offset += n;
            if (this.filled === 512) {
                this.filled = 0;
                this.header();
            }
        }
    }
    /** The archive's end: throws TarError when it stops inside a header or an entry; returns the entries kept. */
    end() {
        if (this.filled > 0) {
            this.notGzip();
            this.fail(`the archive ends inside a header (${this.filled} of 512 bytes)`);
        }
        if (this.remaining > 0)
            this.fail(`the archive ends inside an entry: ${this.remaining} of its ${this.bodySize} bytes are missing`);
        if (this.padding > 0)
            this.fail(`the archive ends inside the padding after an entry (${this.padding} bytes missing)`);
        if (!this.ended && (this.pax.size > 0 || this.longName !== null || this.longLink !== null)) {
            this.fail('the archive ends after an extended header, with no entry for it');
        }
        return this.out;
    }
    fail(message, at = this.headerAt) {
        throw new TarError(`${message} (the header at byte ${at})`);
    }
    feed(bytes) {
        const body = this.body;
        if (!body || body.kind === 'skip')
            return;
        if (body.kind === 'entry') {
            body.hash?.update(bytes);
            // A copy: the chunk it comes from is much larger than the part kept.
            body.kept?.push(Buffer.from(bytes));
        }
        else {
            body.parts.push(Buffer.from(bytes));
        }
    }
    header() {
        const b = this.block;
        if (b.every((x) => x === 0)) {
            // Two zero blocks end the archive; a lone one at the very end is accepted as GNU tar does.
            if (++this.zeroBlocks === 2)
                this.ended = true;
            return;
        }
        if (this.zeroBlocks > 0)
            this.fail('a lone zero block stands before this header: the archive is damaged');
        this.notGzip();
        this.checksum();
        const magic = b.toString('latin1', 257, 263);
        const ustar = magic === 'ustar\0';
        if (!ustar && magic !== 'ustar ' && !b.subarray(257, 263).every((x) => x === 0)) {
            this.fail(`not a tar header: its format field is ${JSON.stringify(magic)}, not "ustar"`);
        }
        const flag = String.fromCharCode(b[156] ?? 0);
        const headerSize = this.octal(124, 12, 'size');
        const mode = this.octal(100, 8, 'mode');
        const uid = this.octal(108, 8, 'uid');
        const gid = this.octal(116, 8, 'gid');
        const mtime = this.octal(136, 12, 'mtime');
        if (ustar || magic === 'ustar ') {
            this.octal(329, 8, 'devmajor');
            this.octal(337, 8, 'devminor');
        }
        if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
            if (headerSize > this.limits.longHeaderBytes) {
                this.fail(`an extended header (type ${flag}) of ${size(headerSize)}; at most ${size(this.limits.longHeaderBytes)} is read`);
            }
            const kind = flag === 'x' ? 'pax' : flag === 'g' ? 'global' : flag === 'L' ? 'longname' : 'longlink';
            this.startBody({ kind, parts: [] }, headerSize);
            return;
        }
        const attrs = new Map([...this.global, ...this.pax]);
        const name = attrs.get('path') || this.longName || this.ustarName(ustar);
        const link = attrs.get('linkpath') || this.longLink || this.text(157, 100);
        if (Buffer.byteLength(name) > this.limits.nameBytes || Buffer.byteLength(link) > this.limits.nameBytes) {
            this.fail(`a path or link target longer than ${size(this.limits.nameBytes)}`);
        }
        const type = flag === '0' || flag === '\0' || flag === '7'
            ? 'file'
            : flag === '5'
                ? 'dir'
                : flag === '2'
                    ? 'symlink'
                    : flag === '1'
                        ? 'hardlink'
                        : 'other';
        // POSIX: links, devices, directories and FIFOs (1-6) store no data, whatever their size says.
        const dataSize = flag >= '1' && flag <= '6' ? 0 : attrs.has('size') ? this.decimal(attrs.get('size'), 'pax size') : headerSize;
        const path = normalise(name);
        const keep = this.select(path);
        this.pax = new Map();
        this.longName = null;
        this.longLink = null;
        if (keep === 'none') {
            this.startBody({ kind: 'skip' }, dataSize);
            return;
        }
        if (this.out.length >= this.limits.entries)
            this.fail(`more than ${this.limits.entries} entries in one layer`);
        if (keep === 'content' && type === 'file' && dataSize > this.limits.keptFileBytes) {
            this.fail(`${path} is ${size(dataSize)}; a file the report reads may hold at most ${size(this.limits.keptFileBytes)}`);
        }
        const entry = {
            path,
            type,
            mode: mode & 0o7777,
            size: type === 'file' ? dataSize : 0,
            mtime: attrs.has('mtime') ? this.paxTime(attrs.get('mtime')) : mtime,
            // A hard link names another entry of the archive (normalised like paths); a symlink's target is text for the filesystem.
            link: type === 'hardlink' ? normalise(link) : type === 'symlink' ? link : '',
            sha256: null,
            uid: attrs.has('uid') ? this.decimal(attrs.get('uid'), 'pax uid') : uid,
            gid: attrs.has('gid') ? this.decimal(attrs.get('gid'), 'pax gid') : gid,
        };
        const file = type === 'file';
        this.startBody({ kind: 'entry', entry, hash: file ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256') : null, kept: file && keep === 'content' ? [] : null }, dataSize);
    }
    startBody(body, bytes) {
        this.body = body;
        this.bodySize = bytes;
        this.remaining = bytes;
        this.padding = (512 - (bytes % 512)) % 512;
        if (bytes === 0)
            this.finishBody();
    }
    finishBody() {
        const body = this.body;
        this.body = null;
        if (!body || body.kind === 'skip')
            return;
        if (body.kind === 'entry') {
            const { entry, hash, kept } = body;
            if (hash)
                entry.sha256 = hash.digest('hex');
            if (kept)
                entry.content = Buffer.concat(kept);
            this.out.push(entry);
            return;
        }
        const data = Buffer.concat(body.parts);
        if (body.kind === 'pax')
            this.pax = this.paxRecords(data);
        else if (body.kind === 'global')
            this.global = new Map([...this.global, ...this.paxRecords(data)]);
        else {
            const end = data.indexOf(0);
            const text = data.subarray(0, end === -1 ? data.length : end).toString('utf8');
            if (!text)
                this.fail('an empty GNU long name');
            if (body.kind === 'longname')
                this.longName = text;
            else
                this.longLink = text;
        }
    }
    /** POSIX checksum: the header's bytes summed with the checksum field as spaces (signed sums, from old tars, too). */
    checksum() {
        const b = this.block;
        let unsigned = 0;
        let signed = 0;
        for (let i = 0; i < 512; i++) {
            const x = i >= 148 && i < 156 ? 0x20 : (b[i] ?? 0);
            unsigned += x;
            signed += x > 127 ? x - 256 : x;
        }
        const stored = this.octal(148, 8, 'checksum');
        if (stored !== unsigned && stored !== signed)
            this.fail(`not a tar header: its checksum is ${stored}, its bytes sum to ${unsigned}`);
    }
    /** The first bytes of gzip where a tar should start: say so rather than blame a field. */
    notGzip() {
        if (this.headerAt === 0 && this.block[0] === 0x1f && this.block[1] === 0x8b) {
            this.fail('not a tar header: the data is gzip-compressed, though its media type says plain tar');
        }
    }
    /** A numeric field: octal digits (leading spaces, then NULs or spaces to the end), or GNU base-256 for large values. */
    octal(offset, length, what) {
        const b = this.block;
        const end = offset + length;
        const first = b[offset] ?? 0;
        if (first & 0x80) {
            if (first !== 0x80)
                this.fail(`the ${what} field is a negative base-256 number`);
            let v = 0;
            for (let i = offset + 1; i < end; i++)
                v = v * 256 + (b[i] ?? 0);
            if (v > Number.MAX_SAFE_INTEGER)
                this.fail(`the ${what} field is larger than ${Number.MAX_SAFE_INTEGER}`);
            return v;
        }
        let i = offset;
        while (i < end && b[i] === 0x20)
            i++;
        let v = 0;
        for (; i < end && (b[i] ?? 0) >= 0x30 && (b[i] ?? 0) <= 0x37; i++)
            v = v * 8 + (b[i] ?? 0) - 0x30;
        while (i < end && (b[i] === 0 || b[i] === 0x20))
            i++;
        if (i !== end)
            this.fail(`the ${what} field is not an octal number: ${JSON.stringify(b.toString('latin1', offset, end))}`);
        return v;
    }
    decimal(text, what) {
        if (!/^\d{1,16}$/.test(text) || Number(text) > Number.MAX_SAFE_INTEGER) {
            this.fail(`the ${what} is not a whole number: ${JSON.stringify(text.slice(0, 40))}`);
        }
        return Number(text);
    }
    paxTime(text) {
        if (!/^-?\d{1,16}(?:\.\d{1,20})?$/.test(text))
            this.fail(`the pax mtime is not a time: ${JSON.stringify(text.slice(0, 40))}`);
        return Math.floor(Number(text));
    }
    text(offset, length) {
        const raw = this.block.subarray(offset, offset + length);
        const end = raw.indexOf(0);
        return raw.subarray(0, end === -1 ? length : end).toString('utf8');
    }
    /** The name field, with the ustar prefix (POSIX format only: GNU keeps times at that offset). */
    ustarName(ustar) {
        const name = this.text(0, 100);
        if (!name)
            this.fail('an entry with an empty name');
        const prefix = ustar ? this.text(345, 155) : '';
        return prefix ? `${prefix}/${name}` : name;
    }
    /**
     * Pax records, "<length> <key>=<value>\n", the length counting the whole record in bytes.
     * Each record is checked against the bytes left before it is read; the position only grows.
     */
    paxRecords(data) {
        const out = new Map();
        let pos = 0;
        while (pos < data.length) {
            // Some writers pad the records with NULs.
            if (data[pos] === 0 && data.subarray(pos).every((x) => x === 0))
                break;
            let i = pos;
            let len = 0;
            while (i < data.length && i - pos < 16 && (data[i] ?? 0) >= 0x30 && (data[i] ?? 0) <= 0x39)
                len = len * 10 + (data[i++] ?? 0) - 0x30;
            if (i === pos || data[i] !== 0x20) {
                this.fail(`pax record at byte ${pos} of its header does not start with a length: ${JSON.stringify(data.toString('latin1', pos, pos + 16))}`);
            }
            const minimum = i - pos + 4; // the length, a space, "k=" and the newline
            if (len < minimum || len > data.length - pos) {
                this.fail(`pax record at byte ${pos} of its header gives a length of ${len}; ${minimum} to ${data.length - pos} bytes are possible there`);
            }
            const record = data.subarray(i + 1, pos + len);
            if (record[record.length - 1] !== 0x0a)
                this.fail(`pax record at byte ${pos} of its header does not end with a newline`);
            const eq = record.indexOf(0x3d);
            if (eq <= 0)
                this.fail(`pax record at byte ${pos} of its header is not key=value`);
            out.set(record.subarray(0, eq).toString('utf8'), record.subarray(eq + 1, record.length - 1).toString('utf8'));
            pos += len;
        }
        return out;
    }
}
/** A whole tar in memory, read with the streaming parser: for tests and small archives. */
function readTar(buf, keep = () => false, limits = {}) {
    const parser = new TarParser((p) => (keep(p) ? 'content' : 'header'), limits);
    parser.write(buf);
    return parser.end();
}
/** "./usr/bin/" -> "usr/bin" */
function normalise(p) {
    return p.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');
}


/***/ }),

/***/ 4390:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JH: () => (/* binding */ needsVerify),
/* harmony export */   Lo: () => (/* binding */ COMMANDS),
/* harmony export */   RM: () => (/* binding */ parseCommand),
/* harmony export */   SJ: () => (/* binding */ MAX_ENTRIES_CEILING),
/* harmony export */   hW: () => (/* binding */ COMMAND_SUMMARIES),
/* harmony export */   vw: () => (/* binding */ needsSmoke),
/* harmony export */   yD: () => (/* binding */ needsBuild)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);

/**
 * The one typed request both entry points (the action and the CLI) build
 * from their inputs; commands take nothing else.
 */
const COMMANDS = ['plan', 'verify', 'build', 'smoke', 'repro', 'all', 'refresh'];
/** What each command does, for --help. */
const COMMAND_SUMMARIES = {
    plan: 'resolve a matrix spec against the release data',
    verify: 'plan, then check that every wheel and image each entry needs exists (nothing is built)',
    build: 'plan, then build (and push) an image per entry',
    smoke: "check each entry's image inside a container (GPU, or CPU with --expect-gpu false)",
    repro: 'build each entry twice and compare; with --baseline, what changed inside',
    all: 'plan, build, then smoke-test (--smoke auto: when the host has a GPU)',
    refresh: 'read the PyTorch index, PyPI and nvidia/cuda tags; write what is new as a compat-file (--out)',
};
/** Commands that build images and so need the build settings. */
function needsBuild(command) {
    return command === 'build' || command === 'all' || command === 'repro';
}
/**
 * Upper bound for max-entries itself. GitHub runs at most 256 jobs per matrix,
 * but one job may build many entries, so the input may go past that; not without bound.
 */
const MAX_ENTRIES_CEILING = 10_000;
function parseCommand(text, field) {
    const t = text.trim().toLowerCase();
    if (COMMANDS.includes(t))
        return t;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} is not a command; accepted: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .listWords */ .yh)([...COMMANDS])}`);
}
/** Commands that verify the plan's wheels and images (build and all first, unless input verify is false). */
function needsVerify(command) {
    return command === 'verify' || command === 'build' || command === 'all';
}
function needsSmoke(command) {
    return command === 'smoke' || command === 'all';
}


/***/ }),

/***/ 6064:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ flushed)
/* harmony export */ });
/**
 * What a command may do to the world, passed in by the entry point (the action or the CLI):
 * where it logs, the environment, the docker CLI, the workspace, the clock, cancellation and
 * masking. Commands take this and nothing global, so tests can give them their own.
 */
/** Resolves once stdout and stderr have handed what was written to the OS (before process.exit). */
async function flushed() {
    await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => (stream.writableLength ? stream.write('', () => resolve()) : resolve()))));
}


/***/ }),

/***/ 2731:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Tt: () => (/* binding */ parseSmokeOptions),
/* harmony export */   dp: () => (/* binding */ pinned),
/* harmony export */   i: () => (/* binding */ smokeImages)
/* harmony export */ });
/* unused harmony exports SMOKE_MODES, DEFAULT_SHM_SIZE, parseSize, parseCpus, parseGpuFlags, parseGpus, parsePython */
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3564);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _inputs_values_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8463);



const SMOKE_MODES = ['true', 'false', 'auto'];
const DEFAULT_SHM_SIZE = '1g';
const MAX_ENV_LINE_BYTES = 60 * 1024;
function parseSize(text, field, fallback) {
    const t = (text ?? '').trim().toLowerCase();
    if (t === '')
        return fallback;
    if (/^\d+(?:\.\d+)?[bkmg]?$/.test(t) && Number.parseFloat(t) > 0)
        return t;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(text)} is not a size; accepted: a number with an optional unit b, k, m or g (e.g. 2g, 512m)`);
}
function parseCpus(text, field) {
    const t = (text ?? '').trim();
    if (t === '')
        return null;
    if (/^\d+(?:\.\d+)?$/.test(t) && Number(t) > 0 && Number(t) <= 1024)
        return t;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(text)} is not valid; accepted: a number of CPUs greater than 0, e.g. 4 or 1.5`);
}
/**
 * What gpu-flags may hold: the ways of handing GPUs to a container, and nothing that widens its
 * rights otherwise (another device, another runtime, variables, namespaces). Each flag with its
 * value, as `--flag value` or `--flag=value`.
 */
const GPU_DEVICE = '/dev/(?:nvidia(?:\\d{1,3}|ctl|-uvm|-uvm-tools|-modeset|-caps/nvidia-cap\\d{1,4})|dri/(?:card|renderD)\\d{1,4})';
const GPU_FLAG_VALUES = {
    // docker's --gpus is CSV: all, a count, "device=0,1", capabilities=..., driver=... (quoted whole or not at all)
    '--gpus': {
        value: /^(?:all|\d{1,3}|(?:device|count|capabilities|driver)=[\w.,:=-]+|"(?:all|\d{1,3}|(?:device|count|capabilities|driver)=[\w.,:=-]+)")$/,
        accepted: 'all, a count or "device=0,1"',
    },
    // CDI names of GPUs, or GPU device nodes by name (never a directory: docker would hand in every node under it)
    '--device': {
        value: new RegExp(`^(?:nvidia\\.com/gpu=[\\w-]+(?:\\.[\\w-]+)*|${GPU_DEVICE}(?::${GPU_DEVICE})?(?::[rwm]{1,3})?)$`),
        accepted: 'a GPU: nvidia.com/gpu=all (CDI), /dev/nvidia0, /dev/nvidiactl, /dev/nvidia-uvm, /dev/dri/renderD128',
    },
    '--runtime': { value: /^nvidia$/, accepted: 'nvidia' },
    // what NCCL and large models need of the container's limits, nothing else
    '--ulimit': { value: /^(?:memlock|stack)=-?\d{1,20}(?::-?\d{1,20})?$/, accepted: 'memlock=-1 or stack=67108864 (soft[:hard])' },
};
function parseGpuFlags(text, field) {
    const t = (text ?? '').trim();
    if (t === '')
        return null;
    const tokens = t.split(/\s+/);
    const out = [];
    for (let i = 0; i < tokens.length; i++) {
        const tok = tokens[i];
        const eq = tok.indexOf('=');
        const flag = tok.startsWith('--') && eq > 0 ? tok.slice(0, eq) : tok;
        const rule = GPU_FLAG_VALUES[flag];
        if (!rule) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(flag)} is not accepted; gpu-flags may hold ${Object.keys(GPU_FLAG_VALUES).join(', ')} with a GPU as ` +
                `their value (e.g. --device nvidia.com/gpu=all, or --runtime nvidia --gpus all), or --ulimit memlock or stack. ` +
                `For shared memory and IPC use smoke-shm-size and smoke-ipc-host; for variables, smoke-env`);
        }
        const value = flag === tok ? tokens[++i] : tok.slice(eq + 1);
        if (value === undefined || !rule.value.test(value)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${field}: ${flag} ${value === undefined ? 'has no value' : `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(value)} is not accepted`}; accepted: ${rule.accepted}`);
        }
        out.push(flag, value);
    }
    return out;
}
function parseGpus(text, field) {
    const t = (text ?? '').trim() || 'all';
    if (t === 'all' || /^[\w-]+(,[\w-]+)*$/.test(t))
        return t;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(text)} is not valid; accepted: all, or device indexes or UUIDs separated by commas (0,1)`);
}
function parsePython(text, field) {
    const t = (text ?? '').trim() || 'python3';
    if (/^[\w./-]+$/.test(t))
        return t;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(text)} is not an interpreter name or path`);
}
function parseSmokeOptions(inputs, script, workspace) {
    const get = (name) => inputs.get(name);
    const field = (name) => inputs.field(name);
    const ipcHost = (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBoolean */ .yG)(get('smoke-ipc-host'), field('smoke-ipc-host'), false);
    if (ipcHost && get('smoke-shm-size')?.trim()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${field('smoke-shm-size')} and ${field('smoke-ipc-host')} are both set: with the host's IPC ` +
            `namespace the container uses the host's /dev/shm, so a size does not apply; set one of them`);
    }
    const options = {
        mode: (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseChoice */ .HU)(get('smoke'), field('smoke'), SMOKE_MODES, 'auto'),
        expectGpu: (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBoolean */ .yG)(get('expect-gpu'), field('expect-gpu'), true),
        gpuFlags: parseGpuFlags(get('gpu-flags'), field('gpu-flags')),
        gpus: parseGpus(get('gpus'), field('gpus')),
        timeoutSeconds: (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseWholeNumber */ .oA)(get('smoke-timeout'), field('smoke-timeout'), { min: 5, max: 86_400, fallback: 300 }),
        minGpus: (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseWholeNumber */ .oA)(get('min-gpus'), field('min-gpus'), { min: 1, max: 64, fallback: 1 }),
        python: parsePython(get('smoke-python'), field('smoke-python')),
        shmSize: parseSize(get('smoke-shm-size'), field('smoke-shm-size'), DEFAULT_SHM_SIZE),
        ipcHost,
        memory: parseSize(get('smoke-memory'), field('smoke-memory'), null),
        cpus: parseCpus(get('smoke-cpus'), field('smoke-cpus')),
        env: (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseKeyValueLines */ .FF)(get('smoke-env'), field('smoke-env'), _inputs_values_js__WEBPACK_IMPORTED_MODULE_0__/* .VARIABLE_NAME */ .nN),
    };
    // docker reads an --env-file line by line, at most 64 KiB each
    const long = options.env.find(([k, v]) => Buffer.byteLength(`${k}=${v}`) > MAX_ENV_LINE_BYTES);
    if (long) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${field('smoke-env')} (${long[0]}): the value is over ${MAX_ENV_LINE_BYTES} bytes, more than docker reads for one variable`);
    }
    if (script)
        options.script = script;
    if (script && workspace)
        options.workspace = workspace;
    return options;
}
/**
 * The image to check per entry key: from a build's `images` output (pinned by digest when it
 * has one), else <image>:<entry tag>.
 */
function smokeImages(entries, imagesJson, image, field) {
    const map = new Map();
    if (imagesJson && imagesJson.trim()) {
        let list;
        try {
            const parsed = JSON.parse(imagesJson);
            // The action's images output is the list; the CLI's JSON output wraps it as {"images": [...]}.
            const found = Array.isArray(parsed) ? parsed : parsed.images;
            if (!Array.isArray(found))
                throw new Error('not a list');
            list = found;
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${field.images}: not the JSON list a build step's images output holds (${err.message})`);
        }
        list.forEach((item, i) => {
            if (typeof item.key !== 'string' || !Array.isArray(item.tags) || typeof item.tags[0] !== 'string')
                return;
            if (item.status === 'failed' || item.status === 'cancelled')
                return;
            // The reference goes into docker's argv: it must parse as one ("--privileged" does not).
            const ref = item.tags[0];
            (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseImageReference */ .o_)(ref, `${field.images}[${i}].tags[0]`);
            map.set(item.key, pinned(ref, typeof item.digest === 'string' ? item.digest : null, `${field.images}[${i}].digest`));
        });
        return map;
    }
    if (image && image.trim()) {
        const repo = (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .repositoryName */ .aR)((0,_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRepository */ .SU)(image, field.image));
        for (const e of entries)
            map.set(e.key, `${repo}:${e.tag}`);
        return map;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`smoke needs the images to check: set ${field.images} (a build step's images output) ` +
        `or ${field.image} (the repository the entries are tagged in)`);
}
/** repo:tag + digest -> repo@digest, so the check runs exactly what was built. */
function pinned(ref, digest, field = 'images') {
    if (!digest)
        return ref;
    if (!/^sha256:[0-9a-f]{64}$/.test(digest))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${field}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(digest)} is not a sha256 digest`);
    return `${(0,_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .repositoryName */ .aR)((0,_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseImageReference */ .o_)(ref, 'images').repo)}@${digest}`;
}


/***/ }),

/***/ 6142:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Co: () => (/* binding */ templateCannotBuild),
/* harmony export */   TI: () => (/* binding */ renderDockerfile),
/* harmony export */   Tp: () => (/* binding */ CONTEXT_REQUIREMENTS_DIR),
/* harmony export */   Xg: () => (/* binding */ INVENTORY_PATH),
/* harmony export */   mL: () => (/* binding */ DEFAULT_UV_IMAGE),
/* harmony export */   vi: () => (/* binding */ CONTEXT_POST_INSTALL)
/* harmony export */ });
/* unused harmony exports TEMPLATE_VERSION, GIM_DIR, CONSTRAINTS_PATH, OLDEST_TEMPLATE_PYTHON */
/* harmony import */ var _shell_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(1444);
/* harmony import */ var _custom_customisation_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7147);
/* harmony import */ var _compat_load_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3440);
/* harmony import */ var _matrix_entry_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2997);
/* harmony import */ var _frameworks_index_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7882);
/* harmony import */ var _python_scripts_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(2068);






/**
 * The embedded Dockerfile template, rendered per matrix entry. Pure.
 *
 * Layer order is chosen for sharing: the base (CUDA + OS) and the Python layer depend only on
 * the base image and PYTHON_VERSION, so entries that share CUDA, OS and Python share them;
 * torch comes next, then what the team adds, cheapest to change last: apt packages, the
 * requirements file, pip-packages, environment, post-install, workdir and user. The torch layers
 * are therefore the same for every team that builds this entry. With base-image, the image
 * already holds torch and Python, and the template starts at the team's layers.
 *
 * Torch stays what the matrix says: after torch is in place, a step checks its version against
 * the entry and writes the installed versions to CONSTRAINTS_PATH; every later pip or uv install
 * is constrained by that file, so a package that asks for another torch fails the build (pip
 * names it) instead of replacing torch. The last step writes the inventory (INVENTORY_PATH),
 * checking once more that torch is unchanged (post-install could have replaced it).
 *
 * Reproducible by default (command repro): every version is pinned, apt's logs and ldconfig's
 * aux-cache (which differ per build) are removed with the lists, SOURCE_DATE_EPOCH reaches the
 * RUN steps, and neither pip nor uv compiles bytecode or keeps a cache in the image. The inventory
 * holds no time.
 *
 * Python is installed exactly (uv's managed CPython builds), whatever the base OS ships. uv comes
 * from its distroless image and is mounted, not copied, so it does not stay in the image.
 */
/** Bump when the template changes what it builds: it is part of every content hash. */
const TEMPLATE_VERSION = 4;
/**
 * uv by tag and digest: a tag can be moved, a digest cannot (uv's Docker guide recommends the
 * digest for reproducible builds). 0.13.0 is a release (github.com/astral-sh/uv/releases/tag/0.13.0,
 * 2026-10-09); its digest is the one third-party Dockerfiles pin and could not be read from GHCR
 * here [inferred]. Override with the build-arg UV_IMAGE.
 */
const DEFAULT_UV_IMAGE = 'ghcr.io/astral-sh/uv:0.13.0@sha256:cdc6093146eb3ff6a40107b38f008b789e050e77ad87865e381d9917da55a168';
const GIM_DIR = '/etc/gpu-image-matrix';
const INVENTORY_PATH = `${GIM_DIR}/inventory.json`;
const CONSTRAINTS_PATH = `${GIM_DIR}/constraints.txt`;
/** Where the team's files are in the build context the effects layer prepares. */
const CONTEXT_REQUIREMENTS_DIR = 'gim/requirements';
const CONTEXT_POST_INSTALL = 'gim/post-install';
const CLEAN_APT = 'rm -rf /var/lib/apt/lists/* /var/log/apt/* /var/log/dpkg.log /var/cache/ldconfig/aux-cache';
/**
 * The oldest Python the template can install. It installs Python with uv, and uv publishes no
 * CPython 3.7 since 0.7.0 (astral-sh/uv#13022, 2025-04-29: "Omit Python 3.7 downloads from managed
 * versions"; python-build-standalone dropped 3.7 in December 2020).
 */
const OLDEST_TEMPLATE_PYTHON = '3.8';
/** Why the embedded template cannot build an entry, or null; known before anything builds. */
function templateCannotBuild(entry) {
    if ((0,_matrix_entry_js__WEBPACK_IMPORTED_MODULE_2__/* .frameworkFromBaseImage */ .bA)(entry))
        return null; // the base image brings its Python
    const [major, minor] = entry.python.replace(/t$/, '').split('.').map(Number);
    const [oldestMajor, oldestMinor] = OLDEST_TEMPLATE_PYTHON.split('.').map(Number);
    if ((major ?? 0) < (oldestMajor ?? 0) || (major === oldestMajor && (minor ?? 0) < (oldestMinor ?? 0))) {
        return (`the embedded template installs Python with uv, which has no CPython ${entry.python} (none older than ` +
            `${OLDEST_TEMPLATE_PYTHON} since uv 0.7.0, astral-sh/uv#13022): build it FROM a base-image that holds Python ` +
            `${entry.python}, or with your own dockerfile, or choose Python ${OLDEST_TEMPLATE_PYTHON} or newer`);
    }
    return null;
}
function renderDockerfile(entry, inputs = {}) {
    const custom = (entry.customisation ?? {});
    const fromBase = (0,_matrix_entry_js__WEBPACK_IMPORTED_MODULE_2__/* .frameworkFromBaseImage */ .bA)(entry);
    const from = inputs.baseDigest ? `${entry.baseImage}@${inputs.baseDigest}` : entry.baseImage;
    const python = fromBase ? 'python3' : '/opt/venv/bin/python';
    const name = frameworkName(entry);
    const parts = [];
    const gpu = entry.cuda === 'cpu' ? 'CPU only' : `CUDA ${entry.cudaFull}${entry.cudnn ? `, cuDNN ${entry.cudnn}` : ''}`;
    const baseNote = fromBase ? `\n# ${name} and Python come with the base image ${entry.baseImage}` : '';
    parts.push(`# gpu-image-matrix template v${TEMPLATE_VERSION}: ${entry.tag}
# ${(0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_3__/* .frameworkTitle */ .T_)(entry)}, ${gpu}, Python ${entry.python}, ${entry.os} (${entry.flavor})${baseNote}`);
    if (fromBase) {
        parts.push(`FROM ${from}
ARG SOURCE_DATE_EPOCH
ENV PYTHONUNBUFFERED=1 \\
    PIP_NO_CACHE_DIR=1 \\
    PIP_DISABLE_PIP_VERSION_CHECK=1 \\
    PIP_NO_COMPILE=1 \\
    PIP_ROOT_USER_ACTION=ignore`);
    }
    else {
        parts.push(`ARG UV_IMAGE=${inputs.uvImage ?? DEFAULT_UV_IMAGE}
FROM \${UV_IMAGE} AS uv

FROM ${from}
ARG SOURCE_DATE_EPOCH
ENV NVIDIA_VISIBLE_DEVICES=all \\
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \\
    LANG=C.UTF-8 \\
    PYTHONUNBUFFERED=1 \\
    PIP_NO_CACHE_DIR=1 \\
    PIP_DISABLE_PIP_VERSION_CHECK=1 \\
    UV_NO_CACHE=1 \\
    UV_PYTHON_INSTALL_DIR=/opt/python \\
    VIRTUAL_ENV=/opt/venv \\
    PATH=/opt/venv/bin:\${PATH}

RUN apt-get update \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates \\
 && ${CLEAN_APT}

# Python, shared by every ${name} built on this base.
ARG PYTHON_VERSION=${entry.python}
RUN --mount=from=uv,source=/uv,target=/usr/local/bin/uv \\
    uv python install \${PYTHON_VERSION} \\
 && uv venv --python \${PYTHON_VERSION} /opt/venv

${(0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_3__/* .frameworkOf */ .K5)(entry).install(entry, inputs.data ?? (0,_compat_load_js__WEBPACK_IMPORTED_MODULE_1__/* .bundledCompat */ .RU)())}`);
    }
    parts.push(`# ${name} stays what the matrix says: check it, and pin it for every later install.
RUN ${python} - <<'GIM_PIN'
${pinScript(entry, fromBase, inputs.data ?? (0,_compat_load_js__WEBPACK_IMPORTED_MODULE_1__/* .bundledCompat */ .RU)())}
GIM_PIN`);
    if (custom.aptPackages?.length) {
        parts.push(`# The team's system packages.
RUN apt-get update \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\
      ${custom.aptPackages.map(_shell_js__WEBPACK_IMPORTED_MODULE_5__/* .shellWord */ .r).join(' ')} \\
 && ${CLEAN_APT}`);
    }
    const install = installCommand(fromBase, custom);
    if (custom.requirements) {
        const name = custom.requirements.split('/').pop();
        const hashes = inputs.requirements?.facts.hashes ?? false;
        parts.push(`# The team's requirements file (${custom.requirements})${hashes ? ', hashes required' : ''}.
RUN --mount=type=bind,source=${CONTEXT_REQUIREMENTS_DIR},target=/tmp/gim-requirements \\
    ${install} ${hashes ? '--require-hashes ' : ''}-r ${(0,_shell_js__WEBPACK_IMPORTED_MODULE_5__/* .shellWord */ .r)(`/tmp/gim-requirements/${name}`)}`);
    }
    if (custom.pipPackages?.length) {
        parts.push(`# The team's Python packages.
RUN ${install} \\
      ${custom.pipPackages.map(_shell_js__WEBPACK_IMPORTED_MODULE_5__/* .shellWord */ .r).join(' ')}`);
    }
    if (custom.env?.length) {
        parts.push(`ENV ${custom.env.map(([k, v]) => `${k}=${dockerfileQuote(v)}`).join(' \\\n    ')}`);
    }
    if (custom.postInstall) {
        parts.push(`# The team's post-install script (${custom.postInstall}), run as root.
RUN --mount=type=bind,source=${CONTEXT_POST_INSTALL},target=/tmp/gim-post-install \\
    /tmp/gim-post-install`);
    }
    const user = custom.user ? (0,_custom_customisation_js__WEBPACK_IMPORTED_MODULE_0__/* .userParts */ .Ar)(custom.user) : null;
    if (user) {
        parts.push(`# The user the image runs as (kept when the base image has one of that name).
RUN id -u ${(0,_shell_js__WEBPACK_IMPORTED_MODULE_5__/* .shellWord */ .r)(user.name)} >/dev/null 2>&1 \\
 || useradd --create-home --shell /bin/sh${user.uid ? ` --uid ${(0,_shell_js__WEBPACK_IMPORTED_MODULE_5__/* .shellWord */ .r)(user.uid)}` : ''} ${(0,_shell_js__WEBPACK_IMPORTED_MODULE_5__/* .shellWord */ .r)(user.name)}`);
    }
    if (custom.workdir) {
        const dir = (0,_shell_js__WEBPACK_IMPORTED_MODULE_5__/* .shellWord */ .r)(custom.workdir);
        parts.push(`RUN mkdir -p ${dir}${user ? ` && chown ${(0,_shell_js__WEBPACK_IMPORTED_MODULE_5__/* .shellWord */ .r)(user.name)} ${dir}` : ''}
WORKDIR ${custom.workdir}`);
    }
    parts.push(`# What is in the image: ${INVENTORY_PATH} (and torch checked once more).
RUN ${python} - <<'GIM_INVENTORY'
${inventoryScript(entry, fromBase, inputs)}
GIM_INVENTORY
LABEL io.github.gpu-image-matrix.inventory=${INVENTORY_PATH}`);
    if (user)
        parts.push(`USER ${user.name}`);
    if (!fromBase)
        parts.push('CMD ["python"]');
    return `${parts.join('\n\n')}\n`;
}
/** "torch", "tensorflow", "jax": what the comments call the framework. */
function frameworkName(entry) {
    return (0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_3__/* .frameworkOf */ .K5)(entry).key;
}
/** pip (base images bring their own) or uv (the template's venv), constrained to the pinned framework. */
function installCommand(fromBase, custom) {
    // pip-index-url, else the PyPI mirror pypi-index-url names (verify checks the same index)
    const index = custom.pipIndexUrl ?? custom.pypiIndexUrl;
    const indexes = [
        ...(index ? [`--index-url ${(0,_shell_js__WEBPACK_IMPORTED_MODULE_5__/* .shellWord */ .r)(index)}`] : []),
        ...(custom.pipExtraIndexUrls ?? []).map((u) => `--extra-index-url ${(0,_shell_js__WEBPACK_IMPORTED_MODULE_5__/* .shellWord */ .r)(u)}`),
    ].join(' ');
    const tail = `-c ${CONSTRAINTS_PATH}${indexes ? ` ${indexes}` : ''}`;
    if (fromBase)
        return `PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install ${tail}`;
    return `--mount=from=uv,source=/uv,target=/usr/local/bin/uv \\\n    uv pip install --python /opt/venv/bin/python ${tail}`;
}
/** The Python (pin.py, inlined) that checks torch against the entry and writes the constraints file. */
function pinScript(entry, fromBase, data) {
    const expected = (0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_3__/* .frameworkOf */ .K5)(entry).pinned(entry, fromBase);
    const hint = fromBase
        ? `the base image ${entry.baseImage} does not hold what this entry says; choose a base-image whose ` +
            `torch and Python match the entry, or set the entry's torch and python to what the image holds`
        : 'the wheel index served other versions than the release data says';
    // A base image's own torch may come without torchvision or torchaudio: pinned when there, recorded when not.
    const optional = fromBase ? [...(0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_3__/* .frameworkOf */ .K5)(entry).companions] : [];
    // What the release needs besides itself (numpy<2) is checked and kept in the constraints file too.
    const requirements = (0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_3__/* .frameworkOf */ .K5)(entry).requirements(entry, data);
    return (0,_python_scripts_js__WEBPACK_IMPORTED_MODULE_4__/* .inlinePython */ .Y4)('pin.py', { expected, optional, requirements, python: entry.python, hint, constraints_path: CONSTRAINTS_PATH }, 'GIM_PIN');
}
/** The Python (inventory.py, inlined) that writes the inventory, after checking that no later step replaced torch. */
function inventoryScript(entry, fromBase, inputs) {
    const custom = (entry.customisation ?? {});
    const { customisation: _c, ...fields } = entry;
    const requested = {
        aptPackages: custom.aptPackages ?? [],
        pipPackages: custom.pipPackages ?? [],
        pipPackageNames: (custom.pipPackages ?? []).map(_custom_customisation_js__WEBPACK_IMPORTED_MODULE_0__/* .requirementName */ .xV),
        requirements: custom.requirements
            ? { file: custom.requirements, hashes: inputs.requirements?.facts.hashes ?? false, pins: inputs.requirements?.facts.pins ?? [] }
            : null,
        env: Object.fromEntries(custom.env ?? []),
        workdir: custom.workdir ?? null,
        user: custom.user ? (0,_custom_customisation_js__WEBPACK_IMPORTED_MODULE_0__/* .userParts */ .Ar)(custom.user).name : null,
        postInstall: custom.postInstall ?? null,
    };
    const header = {
        schema: 1,
        tool: 'gpu-image-matrix',
        template: TEMPLATE_VERSION,
        entry: fields,
        baseImage: { name: entry.baseImage, digest: inputs.baseDigest ?? null, holdsTorch: fromBase },
        requested,
    };
    const optional = fromBase ? [...(0,_frameworks_index_js__WEBPACK_IMPORTED_MODULE_3__/* .frameworkOf */ .K5)(entry).companions] : [];
    return (0,_python_scripts_js__WEBPACK_IMPORTED_MODULE_4__/* .inlinePython */ .Y4)('inventory.py', { header, optional, constraints_path: CONSTRAINTS_PATH, inventory_path: INVENTORY_PATH }, 'GIM_INVENTORY');
}
/** A Dockerfile ENV value in double quotes, with $ kept literal (no variable expansion). */
function dockerfileQuote(s) {
    return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$')}"`;
}


/***/ }),

/***/ 1444:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ shellWord)
/* harmony export */ });
/**
 * Values rendered into the template's RUN lines go through shellWord, and only through it.
 * The parsers of the inputs already refuse what a value does not need; this is the second wall.
 */
/** Characters no POSIX shell (dash, bash) reads specially anywhere in a word; `=` and `~` are out (pins, ~user). */
const PLAIN = /^[A-Za-z0-9_./:@%+,-]+$/;
/**
 * One word for /bin/sh in a Dockerfile RUN line: as it is when it holds only plain characters,
 * else single-quoted (a `'` inside closed, escaped and reopened), which dash and bash both read
 * literally. A newline or other control character would end the Dockerfile instruction, so it is
 * a bug to pass one (the parsers refuse them): it throws rather than render.
 */
function shellWord(value) {
    if (/[\u0000-\u001f\u007f]/.test(value))
        throw new Error(`a control character in a value for a RUN line: ${JSON.stringify(value)}`);
    if (PLAIN.test(value))
        return value;
    return `'${value.replace(/'/g, `'\\''`)}'`;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 5574:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
__webpack_unused_export__ = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
__webpack_unused_export__ = identity.isScalar;
__webpack_unused_export__ = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
exports.DB = cst;
exports.JG = lexer.Lexer;
__webpack_unused_export__ = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ }),

/***/ 8330:
/***/ ((module) => {

module.exports = {"rE":"0.1.0"};

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__main = __webpack_exports__.i;
/******/ export { __webpack_exports__main as main };
/******/ 
