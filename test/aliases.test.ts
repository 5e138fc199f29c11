import { describe, expect, it } from 'vitest';
import { planCommand } from '../src/commands/plan.js';
import { checkTagsDistinct, entryTags, leftOutTagLines } from '../src/image/build-plan.js';
import { parseBuildOptions } from '../src/image/options.js';
import { fakeInputs, userErrorOf } from './helpers.js';
import { parseRepository } from '../src/image/reference.js';
import { refTag, runValues } from '../src/image/run-values.js';
import { checkPlaceholders, renderPlaceholders } from '../src/inputs/placeholders.js';
import type { Request } from '../src/request.js';
import type { Plan } from '../src/matrix/resolve.js';

// Tag policy, pure: aliases decided over the whole plan, the framework-minor and CUDA-major
// placeholders, and the run's {sha}, {ref}, {pr}, {date}. On the registry: e2e-tag-policy.test.ts.

function planOf(matrix: string, aliases?: string): Plan {
  const request: Request = { command: 'plan', matrix: { text: matrix, origin: 'matrix' }, maxEntries: 256 };
  if (aliases !== undefined) request.aliases = { text: aliases, origin: 'input aliases' };
  return planCommand(request);
}

const owners = (p: Plan): Record<string, string> => Object.fromEntries(p.include.flatMap((e) => (e.aliases ?? []).map((a) => [a, e.tag])));

// torch 2.7 (cu118, cu126, cu128; PyPI's default cu126) and 2.8 (cu126, cu128, cu129; default cu128),
// per src/data/pytorch.json.
const MATRIX = 'torch: ["2.7", "2.8"]\ncuda: ["12.6", "12.8"]\npython: "3.12"';

describe('aliases: moving tags over the whole plan', () => {
  it('latest: the newest torch, on the CUDA variant pip install torch gets for it', () => {
    const p = planOf(MATRIX, 'latest: {torch: latest, cuda: default}');
    expect(owners(p)).toEqual({ latest: '2.8.0-cu128-py3.12-ubuntu24.04' });
  });

  it('a templated alias: one tag per group, the newest entry of each', () => {
    const p = planOf(MATRIX, '"{torchMinor}-cuda{cudaMajor}": {torch: latest, cuda: latest}');
    expect(owners(p)).toEqual({ '2.7-cuda12': '2.7.1-cu128-py3.12-ubuntu24.04', '2.8-cuda12': '2.8.0-cu128-py3.12-ubuntu24.04' });
  });

  it('takes the spec key too, with the input, and filters by a value as the spec does', () => {
    const p = planOf(`${MATRIX}\naliases:\n  stable-cu126: {torch: "2.7", cuda: cu126}`, 'newest: {torch: latest, cuda: latest}');
    expect(owners(p)).toEqual({ 'stable-cu126': '2.7.1-cu126-py3.12-ubuntu24.04', newest: '2.8.0-cu128-py3.12-ubuntu24.04' });
  });

  it('prefers the plain Python to a free-threaded one of the same version for latest', () => {
    const p = planOf('torch: 2.6.0\ncuda: "12.6"\npython: ["3.13", "3.13t"]', 'latest: {torch: latest, python: latest}');
    expect(owners(p)).toEqual({ latest: '2.6.0-cu126-py3.13-ubuntu24.04' });
  });

  it('leaves other frameworks out of a rule that names one (a plan of torch and jax entries)', () => {
    const p = planOf(
      '- {torch: "2.8", cuda: "12.8", python: "3.12"}\n- {jax: "0.8", cuda: "12", python: "3.12"}',
      '"{torchMinor}-cuda{cudaMajor}": {torch: latest}\njax-latest: {jax: latest}',
    );
    expect(owners(p)).toEqual({ '2.8-cuda12': '2.8.0-cu128-py3.12-ubuntu24.04', 'jax-latest': expect.stringMatching(/^jax0\.8\./) });
  });

  it('gives an entry its aliases without changing its key or tag', () => {
    const plain = planOf(MATRIX);
    const aliased = planOf(MATRIX, 'latest: {torch: latest, cuda: default}');
    expect(aliased.include.map((e) => [e.key, e.tag])).toEqual(plain.include.map((e) => [e.key, e.tag]));
    expect(plain.include.every((e) => e.aliases === undefined)).toBe(true);
  });

  it("carries an entry's aliases through a fan-out leg (entry: toJSON(matrix))", () => {
    const chosen = planOf(MATRIX, 'latest: {torch: latest, cuda: default}').include.find((e) => e.aliases)!;
    const leg = planCommand({
      command: 'build',
      matrix: { text: '', origin: 'matrix' },
      maxEntries: 1,
      entry: { text: JSON.stringify(chosen), origin: 'input entry' },
    });
    expect(leg.include[0]).toMatchObject({ key: chosen.key, aliases: ['latest'] });
    const bad = { ...chosen, aliases: ['no spaces allowed'] };
    expect(
      userErrorOf(() =>
        planCommand({
          command: 'build',
          matrix: { text: '', origin: 'm' },
          maxEntries: 1,
          entry: { text: JSON.stringify(bad), origin: 'input entry' },
        }),
      ),
    ).toMatch(/^input entry\.aliases: expected the list of tags/);
  });

  it('refuses what cannot point at one entry, saying what to add', () => {
    expect(userErrorOf(() => planOf(MATRIX, 'latest: {torch: "2.9"}'))).toBe(
      'input aliases.latest: {torch: 2.9} matches no entry of the plan',
    );
    expect(userErrorOf(() => planOf(MATRIX, 'latest: {torch: latest}'))).toMatch(
      /^input aliases\.latest: \{torch: latest\} leaves 2 entries for tag "latest" \(2\.8\.0-cu126-py3\.12-ubuntu24\.04, 2\.8\.0-cu128-/,
    );
    expect(userErrorOf(() => planOf(MATRIX, '"{tag}": {torch: latest}'))).toMatch(
      /unknown placeholder \{tag\}: \{tag\} is not available in aliases/,
    );
    expect(userErrorOf(() => planOf(MATRIX, 'latest: {torch: latest, gpu: h100}'))).toMatch(
      /unknown key "gpu"; accepted: torch, tensorflow, jax, version/,
    );
    expect(userErrorOf(() => planOf(MATRIX, 'a b: {torch: latest}'))).toMatch(/cannot be a tag/);
    expect(
      userErrorOf(() =>
        planOf(
          MATRIX,
          'x: {torch: latest, cuda: latest}\n"{torchMinor}": {torch: latest, cuda: cu126}\n"2.8": {torch: "2.7", cuda: cu126}',
        ),
      ),
    ).toMatch(/"2\.8" would point at 2\.7\.1-cu126.*but input aliases\.\{torchMinor\} points it at 2\.8\.0-cu126/);
    expect(userErrorOf(() => planOf(MATRIX, 'latest: torch'))).toMatch(/expected a selector mapping/);
  });
});

describe('tag placeholders: framework minor, CUDA major, and the run', () => {
  const [entry] = planOf('torch: 2.8.0\ncuda: "12.8"\npython: "3.12"').include;
  const repo = parseRepository('ghcr.io/acme/pt', 'image');

  it('renders {torchMinor} and {cudaMajor}', () => {
    expect(renderPlaceholders('{torchMinor}-cuda{cudaMajor}', entry!)).toBe('2.8-cuda12');
  });

  it('reads {sha}, {ref}, {pr}, {date} from what the run gives, sanitising the ref as a tag', () => {
    const now = new Date('2026-12-02T23:59:59Z');
    expect(runValues({ sha: 'a'.repeat(40), ref: 'refs/heads/feature/Fast_path', now })).toEqual({
      sha: 'aaaaaaa',
      ref: 'feature-Fast_path',
      date: '20261202',
    });
    expect(runValues({ ref: 'refs/pull/42/merge', now })).toEqual({ pr: '42', ref: 'pr-42', date: '20261202' });
    // pull_request_target: the ref is the base branch; the event's number decides
    expect(runValues({ ref: 'refs/heads/main', pullRequest: 7, now })).toMatchObject({ pr: '7', ref: 'pr-7' });
    expect(runValues({ ref: 'refs/tags/v1.2.0', now }).ref).toBe('v1.2.0');
    expect(refTag('.hidden/-x')).toBe('hidden--x');
  });

  it('writes tag lines with the run values, and leaves out a line whose value the run lacks, saying so once', () => {
    const run = { sha: 'abc1234', ref: 'main', date: '20261202' };
    const templates = ['{tag}-{sha}', '{torchMinor}-{ref}', 'nightly-{date}', 'pr-{pr}-{tag}'];
    expect(entryTags(entry!, repo, templates, 1, '', run)).toEqual([
      'ghcr.io/acme/pt:2.8.0-cu128-py3.12-ubuntu24.04',
      'ghcr.io/acme/pt:2.8.0-cu128-py3.12-ubuntu24.04-abc1234',
      'ghcr.io/acme/pt:2.8-main',
      'ghcr.io/acme/pt:nightly-20261202',
    ]);
    expect(leftOutTagLines(templates, run)).toEqual(['tags line 4 (pr-{pr}-{tag}) is not written in this run: it has no {pr}']);
  });

  it("adds the entry's aliases after its tags, with tag-prefix like every tag it writes", () => {
    expect(entryTags({ ...entry!, aliases: ['latest'] }, repo, [], 1, 'pr-3-')).toEqual([
      'ghcr.io/acme/pt:pr-3-2.8.0-cu128-py3.12-ubuntu24.04',
      'ghcr.io/acme/pt:pr-3-latest',
    ]);
  });

  it('keeps the run placeholders out of base-image and baseline, and says why', () => {
    expect(userErrorOf(() => checkPlaceholders('acme/pt:{sha}', 'base-image', 'input base-image'))).toMatch(
      /\{sha\} is the run's, which only tags take/,
    );
    expect(userErrorOf(() => checkPlaceholders('{image}:{date}', 'baseline', 'input baseline'))).toMatch(/\{date\} is the run's/);
    expect(() => checkPlaceholders('{tag}-{sha}', 'tags', 'input tags')).not.toThrow();
  });

  it('keeps docker/metadata-action tag lists working for a one-entry matrix, and names {tag} for a larger one', () => {
    expect(entryTags(entry!, repo, ['ghcr.io/acme/pt:main', 'ghcr.io/acme/pt:sha-abc1234'], 1)).toHaveLength(3);
    expect(userErrorOf(() => entryTags(entry!, repo, ['ghcr.io/acme/pt:main'], 2))).toMatch(
      /add one such as \{tag\} \(e\.g\. ghcr\.io\/acme\/pt:main-\{tag\}\)/,
    );
  });
});

describe('tags two entries would both write', () => {
  it('are refused before anything builds, naming the tag, both entries and the way out', () => {
    const p = planOf('torch: "2.8"\ncuda: ["12.6", "12.8"]\npython: "3.12"');
    const options = parseBuildOptions(fakeInputs({ image: 'ghcr.io/acme/pt', tags: '{torchMinor}-{ref}' }));
    expect(userErrorOf(() => checkTagsDistinct(p.include, options, { ref: 'main' }))).toBe(
      'ghcr.io/acme/pt:2.8-main would be written by entries 2.8.0-cu126-py3.12-ubuntu24.04 and 2.8.0-cu128-py3.12-ubuntu24.04: ' +
        'a tags line must name what tells entries apart ({tag}, or {cuda} and {python} beside {torchMinor}); ' +
        'to point one moving tag at one entry, use aliases',
    );
    const fine = parseBuildOptions(fakeInputs({ image: 'ghcr.io/acme/pt', tags: '{torchMinor}-cu{cudaMajor}-{cudaVariant}-{ref}' }));
    expect(() => checkTagsDistinct(p.include, fine, { ref: 'main' })).not.toThrow();
  });
});
