import * as core from '@actions/core';
import { runCommand } from './commands/index.js';
import { requestFromInputs } from './context.js';
import { UserError } from './errors.js';
import { matrixOutput, planMarkdown, planTable } from './report/format.js';

/** The action: inputs -> request -> command -> outputs, log and job summary. */
export async function run(): Promise<void> {
  try {
    const request = requestFromInputs();
    const { plan } = runCommand(request);

    core.startGroup(`plan: ${plan.include.length} entries, ${plan.skipped.length} skipped`);
    core.info(planTable(plan));
    core.endGroup();
    for (const warning of plan.warnings) core.warning(warning);

    core.setOutput('matrix', matrixOutput(plan));
    core.setOutput('count', String(plan.include.length));
    core.setOutput('skipped', JSON.stringify(plan.skipped));

    if (process.env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(planMarkdown(plan)).write();
    }
  } catch (err) {
    if (err instanceof UserError) {
      core.setFailed(err.message);
    } else {
      core.setFailed(`gpu-image-matrix failed unexpectedly (a bug; please report it): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
}
