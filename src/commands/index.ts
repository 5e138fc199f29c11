import { NotImplementedError, listWords } from '../errors.js';
import type { Plan } from '../matrix/resolve.js';
import { IMPLEMENTED, type Request } from '../request.js';
import { planCommand } from './plan.js';

export interface CommandResult {
  plan: Plan;
}

/** Run the request's command. Both entry points call this and nothing else. */
export function runCommand(request: Request): CommandResult {
  switch (request.command) {
    case 'plan':
      return { plan: planCommand(request) };
    case 'build':
    case 'smoke':
    case 'repro':
    case 'all':
      throw new NotImplementedError(
        `command ${request.command} is not implemented yet; this release implements ${listWords([...IMPLEMENTED])}. ` +
          `Use command: plan to resolve the matrix`,
      );
  }
}
