import { NotImplementedError, UserError } from '../errors.js';
import type { Plan } from '../matrix/resolve.js';
import type { Request } from '../request.js';
import { buildCommand, type BuildRuntime, type ImageResult } from './build.js';
import { planCommand } from './plan.js';

export interface CommandResult {
  plan: Plan;
  /** per entry, for build and all */
  images?: ImageResult[];
}

/** Run the request's command. Both entry points call this and nothing else. */
export async function runCommand(request: Request, runtime: BuildRuntime): Promise<CommandResult> {
  switch (request.command) {
    case 'plan':
      return { plan: planCommand(request) };
    case 'build':
    case 'all': {
      if (!request.build) throw new UserError(`command ${request.command} needs the build settings (image, ...)`);
      const plan = planCommand(request);
      const images = await buildCommand(plan, request.build, runtime);
      if (request.command === 'all') {
        runtime.log.warning('command all ran plan and build; the GPU smoke test is not implemented yet in this release');
      }
      return { plan, images };
    }
    case 'smoke':
    case 'repro':
      throw new NotImplementedError(
        `command ${request.command} is not implemented yet; this release implements plan, build and all (plan + build). ` +
          `Use command: plan to resolve the matrix, or build to build it`,
      );
  }
}
