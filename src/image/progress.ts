import { explainStepLog } from '../custom/diagnose.js';

/**
 * Reading BuildKit's plain progress output (`--progress=plain`): which
 * Dockerfile steps ran or came from cache, and, when a build failed, which step
 * failed with its own log lines. Pure.
 */

export interface StepSummary {
  /**
   * Dockerfile steps that build layers ("[2/3] RUN ...", "[stage 1/2] COPY ..."). FROM is left
   * out: it resolves or pulls the base, it is never "CACHED"; internal vertices are left out too.
   */
  total: number;
  cached: number;
  /** names of the steps that did not come from cache */
  ran: string[];
}

export interface BuildFailure {
  /** the step that failed, e.g. "[3/4] RUN pip install ..."; null when the failure is not a step's */
  step: string | null;
  /** the failed step's last log lines (its own output) */
  log: string[];
  /** the final error line BuildKit or buildx printed */
  error: string;
  /** what the failed step's output means, when it is a known failure of a customised step */
  cause?: string;
}

const VERTEX = /^#(\d+) (.*)$/;

interface Vertex {
  name: string;
  cached: boolean;
  error: string | null;
  log: string[];
}

function readVertices(output: string): Map<string, Vertex> {
  const vertices = new Map<string, Vertex>();
  for (const line of output.split(/\r?\n/)) {
    const m = VERTEX.exec(line);
    if (!m) continue;
    const [, id, rest] = m as unknown as [string, string, string];
    let v = vertices.get(id);
    if (!v) {
      v = { name: rest, cached: false, error: null, log: [] };
      vertices.set(id, v);
      continue;
    }
    if (rest === 'CACHED') v.cached = true;
    else if (rest.startsWith('ERROR: ') || rest.startsWith('ERROR ')) v.error = rest.replace(/^ERROR:? /, '');
    else if (/^\d+(\.\d+)? /.test(rest)) v.log.push(rest.replace(/^\d+(\.\d+)? /, ''));
  }
  return vertices;
}

/** A Dockerfile step: "[2/3] RUN ..." or "[build 2/3] RUN ..."; not "[internal] ...", not "[auth] ...". */
function isStep(name: string): boolean {
  return /^\[(?:[^\]\s]+)?\s*\d+\/\d+\] /.test(name);
}

export function summariseSteps(output: string): StepSummary {
  const steps = new Map<string, Vertex>();
  for (const v of readVertices(output).values()) {
    // The same step can show up under two vertex numbers (e.g. re-solved after a cache import); count it once.
    if (!isStep(v.name) || /^\[[^\]]*\] FROM /.test(v.name)) continue;
    const seen = steps.get(v.name);
    if (!seen) steps.set(v.name, { ...v });
    else seen.cached = seen.cached || v.cached;
  }
  const all = [...steps.values()];
  return { total: all.length, cached: all.filter((v) => v.cached).length, ran: all.filter((v) => !v.cached).map((v) => v.name) };
}

const MAX_LOG_LINES = 30;

export function diagnoseFailure(output: string): BuildFailure {
  const lines = output.split(/\r?\n/);
  const finalError =
    [...lines]
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
  const failure: BuildFailure = {
    step: step ? step.name : null,
    log: step ? step.log.slice(-MAX_LOG_LINES) : [],
    error: finalError,
  };
  const cause = step ? explainStepLog(step.log) : null;
  if (cause) failure.cause = cause;
  return failure;
}

/** A failure as a person reads it: the failing step, what it printed, the error. */
export function describeFailure(f: BuildFailure): string {
  const parts = [];
  if (
    new RegExp(
      'error reading from server|transport is closing|code = Unavailable|' +
        'failed to dial gRPC|connection reset by peer|closed network connection',
    ).test(f.error)
  ) {
    parts.push('the builder (the BuildKit daemon) stopped or could not be reached during the build');
  }
  if (f.cause) parts.push(f.cause);
  if (f.step) parts.push(`step ${f.step} failed`);
  if (f.log.length) parts.push(`its last output:\n    ${f.log.join('\n    ')}`);
  parts.push(f.error);
  return parts.join('\n  ');
}
