import * as core from '@actions/core';
import { UserError } from './errors.js';
import { readInputFile } from './effects/files.js';
import { parseCommand, parseMaxEntries, type Request } from './request.js';

/** The action's inputs turned into the typed request (files read, relative to the workspace). */
export function requestFromInputs(): Request {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const command = parseCommand(core.getInput('command') || 'plan', 'input command');
  const inline = core.getInput('matrix');
  const file = core.getInput('matrix-file');
  if (inline && file) {
    throw new UserError('inputs matrix and matrix-file are both set; give the spec inline (matrix) or as a file (matrix-file), not both');
  }
  if (!inline && !file) {
    throw new UserError('no matrix given: set input matrix (inline YAML or JSON, e.g. "torch: 2.4") or matrix-file (a path in the repository)');
  }
  const matrix = file
    ? readInputFile(file, workspace, 'input matrix-file', true)
    : { text: inline, origin: 'input matrix' };
  const compatPath = core.getInput('compat-file');
  const request: Request = {
    command,
    matrix,
    maxEntries: parseMaxEntries(core.getInput('max-entries'), 'input max-entries'),
  };
  if (compatPath) request.compatFile = readInputFile(compatPath, workspace, 'input compat-file', true);
  return request;
}
