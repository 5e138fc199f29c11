/**
 * A small evaluator of GitHub Actions expressions, enough for the job-level `if:` conditions of the
 * reusable workflow: literals, context paths (inputs.smoke, needs.build.result, ...), ! == != && ||,
 * parentheses, and the status check functions. It applies GitHub's rule for `if:` ("A default
 * status check of success() is applied unless you include one of these functions", GitHub docs,
 * Status check functions), so a test can ask what GitHub would decide for a job.
 */

export type Value = string | number | boolean | null;

export interface JobState {
  /** the values of context paths, e.g. { 'inputs.smoke': true, 'needs.build.result': 'failure' } */
  values: Record<string, Value>;
  /** the results of the jobs this job needs: success, failure, cancelled or skipped */
  needs: Record<string, 'success' | 'failure' | 'cancelled' | 'skipped'>;
  /** whether the workflow run was cancelled */
  cancelled?: boolean;
}

const STATUS_FUNCTIONS = ['success', 'failure', 'cancelled', 'always'];

type Token = { kind: 'op' | 'str' | 'num' | 'word'; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:('(?:[^']|'')*')|(\d+(?:\.\d+)?)|(==|!=|&&|\|\||[!()])|([A-Za-z_][\w.*-]*))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new Error(`cannot read the expression at ${JSON.stringify(text.slice(at))}`);
    at = re.lastIndex;
    if (m[1]) tokens.push({ kind: 'str', text: m[1].slice(1, -1).replace(/''/g, "'") });
    else if (m[2]) tokens.push({ kind: 'num', text: m[2] });
    else if (m[3]) tokens.push({ kind: 'op', text: m[3] });
    else tokens.push({ kind: 'word', text: m[4] as string });
  }
  return tokens;
}

const truthy = (v: Value): boolean => !(v === null || v === false || v === 0 || v === '');

/** GitHub's loose equality: strings compare case-insensitively; mixed types compare as numbers. */
function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b) return a === b;
  const num = (v: Value): number => (v === null ? 0 : typeof v === 'boolean' ? Number(v) : Number(v === '' ? 0 : v));
  return num(a) === num(b);
}

function evaluate(tokens: Token[], state: JobState): Value {
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const expect = (text: string): void => {
    if (peek()?.text !== text) throw new Error(`expected ${text} at token ${i}`);
    i++;
  };
  const status = (name: string): boolean => {
    const results = Object.values(state.needs);
    if (name === 'always') return true;
    if (name === 'cancelled') return state.cancelled === true;
    if (name === 'failure') return results.includes('failure');
    // "If a job fails or is skipped, all jobs that need it are skipped unless the jobs use a
    // conditional expression that causes the job to continue" (GitHub docs, jobs.<job_id>.needs).
    return !state.cancelled && results.every((r) => r === 'success');
  };
  const primary = (): Value => {
    const t = tokens[i++];
    if (!t) throw new Error('unexpected end of the expression');
    if (t.kind === 'str') return t.text;
    if (t.kind === 'num') return Number(t.text);
    if (t.text === '(') {
      const v = or();
      expect(')');
      return v;
    }
    if (t.text === '!') return !truthy(primary());
    if (t.kind === 'word') {
      if (t.text === 'true' || t.text === 'false') return t.text === 'true';
      if (t.text === 'null') return null;
      if (peek()?.text === '(') {
        expect('(');
        expect(')');
        if (!STATUS_FUNCTIONS.includes(t.text)) throw new Error(`function ${t.text}() is not supported here`);
        return status(t.text);
      }
      if (!(t.text in state.values)) throw new Error(`no value given for ${t.text}`);
      return state.values[t.text] as Value;
    }
    throw new Error(`unexpected ${t.text}`);
  };
  const comparison = (): Value => {
    let left = primary();
    while (peek()?.text === '==' || peek()?.text === '!=') {
      const op = tokens[i++]!.text;
      const right = primary();
      left = op === '==' ? equal(left, right) : !equal(left, right);
    }
    return left;
  };
  const and = (): Value => {
    let left = comparison();
    while (peek()?.text === '&&') {
      i++;
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const or = (): Value => {
    let left = and();
    while (peek()?.text === '||') {
      i++;
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const value = or();
  if (i !== tokens.length) throw new Error(`unexpected ${tokens[i]?.text} at token ${i}`);
  return value;
}

/** Whether GitHub runs a job whose `if:` is `condition` (with or without ${{ }}), in `state`. */
export function jobRuns(condition: string | undefined, state: JobState): boolean {
  const text = (condition ?? '').trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const tokens = tokenize(text);
  const hasStatus = tokens.some((t, k) => t.kind === 'word' && STATUS_FUNCTIONS.includes(t.text) && tokens[k + 1]?.text === '(');
  const all = hasStatus ? tokens : [...tokenize('success() && ('), ...tokens, { kind: 'op' as const, text: ')' }];
  if (text === '') return truthy(evaluate(tokenize('success()'), state));
  return truthy(evaluate(all, state));
}
