import { DEFAULT_UV_IMAGE } from '../template/dockerfile.js';
import type { Inputs } from '../inputs/table.js';
import { VARIABLE_NAME, parseBoolean, parseKeyValueLines } from '../inputs/values.js';

/** Settings of verify, for the command of that name and for build and all, which verify first. */
export interface VerifyOptions {
  /** build, all: verify before building (input verify); always true for the verify command */
  enabled: boolean;
  /** the uv image the template mounts: the UV_IMAGE build-arg, else the template's */
  uvImage: string;
  /** input dockerfile is set: what that file installs and pulls is not known here */
  ownDockerfile: boolean;
}

export function parseVerifyOptions(inputs: Inputs, command: string): VerifyOptions {
  const args = parseKeyValueLines(inputs.get('build-args'), inputs.field('build-args'), VARIABLE_NAME);
  return {
    enabled: command === 'verify' || parseBoolean(inputs.get('verify'), inputs.field('verify'), true),
    uvImage: args.find(([k]) => k === 'UV_IMAGE')?.[1] ?? DEFAULT_UV_IMAGE,
    ownDockerfile: Boolean(inputs.get('dockerfile')?.trim()),
  };
}
