import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';
import { runCommand } from './commands/index.js';
import type { Log } from './runtime.js';
import { requestFromActionInputs } from './inputs/action-inputs.js';
import { UserError } from './errors.js';
import {
  COMMENT_LIMIT_CHARS,
  SUMMARY_LIMIT_BYTES,
  buildMarkdown,
  fitMarkdown,
  buildTable,
  matrixOutput,
  planMarkdown,
  planTable,
  pruneMarkdown,
  pruneTable,
  reproMarkdown,
  smokeMarkdown,
  smokeTable,
  verifyMarkdown,
  verifyTable,
} from './report/format.js';
import { reproFails } from './repro/options.js';
import { tempRoot } from './effects/files.js';
import { writeFileSync } from 'node:fs';
import { inertText } from './report/inert.js';
import path from 'node:path';

/** The action: inputs -> request -> command -> outputs, log and job summary. */
export async function run(): Promise<void> {
  try {
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const request = requestFromActionInputs(workspace);
    const abort = new AbortController();
    const stop = (): void => abort.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const { plan, images, smoke, repro, verify, refresh, prune } = await runCommand(request, {
      log: actionLog,
      env: process.env,
      docker: 'docker',
      baseDir: workspace,
      now: () => new Date(),
      signal: abort.signal,
      mask: (secret) => core.setSecret(secret),
    });

    if (refresh) {
      // What refresh prints names versions and tags read from indexes: inert lines.
      actionLog.untrusted(refresh.markdown.trimEnd());
      core.setOutput('refresh-file', refresh.file ?? '');
      core.setOutput('refresh-changes', String(refresh.changes));
      await writeSummary(fitMarkdown(refresh.markdown, SUMMARY_LIMIT_BYTES, 'the step log has it all'));
      return;
    }
    if (prune) {
      // Tags and digests came from the registry: inert lines.
      actionLog.untrusted(pruneTable(prune).trimEnd());
      core.setOutput('prune-results', JSON.stringify(prune.rows));
      await writeSummary(fitMarkdown(pruneMarkdown(prune), SUMMARY_LIMIT_BYTES, 'the prune-results output has it all'));
      if (prune.errors.length) core.setFailed(`prune: ${prune.errors.length} deletes failed: ${prune.errors[0]}`);
      return;
    }
    core.startGroup(`plan: ${plan.include.length} entries, ${plan.skipped.length} skipped`);
    actionLog.untrusted(planTable(plan));
    core.endGroup();
    for (const warning of plan.warnings) core.warning(warning);

    core.setOutput('matrix', matrixOutput(plan));
    core.setOutput('count', String(plan.include.length));
    core.setOutput('skipped', JSON.stringify(plan.skipped));
    let summary = planMarkdown(plan);
    const problems: string[] = [];
    if (verify) {
      core.setOutput('verify-results', JSON.stringify(verify.verdicts));
      summary = `${verifyMarkdown(verify)}\n${summary}`;
      const missing = verify.verdicts.filter((v) => v.status === 'missing');
      // build and all print it before building, and report these as failed images; verify alone does here.
      if (request.command === 'verify') actionLog.untrusted(verifyTable(verify).trimEnd());
      if (request.command === 'verify' && missing.length) {
        problems.push(`${missing.length} of ${verify.verdicts.length} entries cannot build: ${missing.map((v) => v.tag).join(', ')}`);
      }
    }
    if (images) {
      // Failed steps' logs and registry answers are in it.
      actionLog.untrusted(buildTable(images));
      core.setOutput('images', JSON.stringify(images));
      if (images.length === 1 && images[0]?.digest) core.setOutput('digest', images[0].digest);
      summary = `${buildMarkdown(images)}\n${summary}`;
    }
    if (smoke) {
      // The container's own values are in it.
      actionLog.untrusted(smokeTable(smoke));
      core.setOutput('smoke-results', JSON.stringify(smoke));
      summary = `${smokeMarkdown(smoke)}\n${summary}`;
    }
    if (repro) {
      // The whole report in one file; a second that fits a pull-request comment, saying where the whole is.
      const report = reproMarkdown(repro);
      const fullFile = path.join(tempRoot(process.env), 'gpu-image-matrix-repro-report-full.md');
      const file = path.join(tempRoot(process.env), 'gpu-image-matrix-repro-report.md');
      writeFileSync(fullFile, report);
      writeFileSync(
        file,
        fitMarkdown(report, COMMENT_LIMIT_CHARS, `the whole report is the file ${fullFile} and the repro-report output`, 'chars'),
      );
      core.setOutput('repro-report', JSON.stringify(repro));
      core.setOutput('repro-report-file', file);
      core.setOutput('repro-report-full-file', fullFile);
      summary = `${report}\n${summary}`;
      problems.push(
        ...reproFails(request.repro?.failOn ?? 'nondeterministic', repro).map(
          (r) => `reproducibility check (fail-on: ${request.repro?.failOn}): ${r}`,
        ),
      );
    }
    await writeSummary(
      fitMarkdown(
        summary,
        SUMMARY_LIMIT_BYTES,
        "the step's outputs (images, smoke-results, repro-report, verify-results) and its log have it all",
      ),
    );
    const failed = images?.filter((r) => r.status === 'failed' || r.status === 'cancelled') ?? [];
    if (failed.length) problems.push(`${failed.length} of ${images?.length} images were not built: ${failed.map((r) => r.tag).join(', ')}`);
    const smokeFailed = smoke?.filter((r) => r.status === 'failed') ?? [];
    for (const r of smokeFailed) {
      problems.push(
        `smoke test of ${r.tag} failed: ${r.failed ?? ''}${r.diagnosis ? `: ${r.diagnosis.cause}. Fix: ${r.diagnosis.fix}` : ''}`,
      );
    }
    if (problems.length) core.setFailed(problems.join('\n'));
  } catch (err) {
    if (err instanceof UserError) {
      core.setFailed(err.message);
    } else {
      core.setFailed(
        `gpu-image-matrix failed unexpectedly (a bug; please report it): ` +
          `${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    }
  }
}

/** The job summary, when the runner gave a file for it; a missing or unwritable one is a warning, not a failure. */
async function writeSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    await core.summary.addRaw(markdown).write();
  } catch (err) {
    core.warning(`the job summary was not written (${(err as Error).message}); the step's outputs hold the same results`);
  }
}

/**
 * The only workflow commands the action issues are its own (warning, error, group, add-mask, the
 * outputs): every line it prints goes through inertText, since messages quote tags, versions and
 * answers that came from elsewhere. core.warning and core.error escape their message themselves.
 */
const stopToken = randomUUID();
const actionLog: Log = {
  info: (m) => core.info(inertText(m, stopToken)),
  warning: (m) => core.warning(m),
  error: (m) => core.error(m),
  group: (name, fn) => core.group(name, fn),
  untrusted: (text) => core.info(inertText(text, stopToken)),
};
