import type { Inputs } from '../inputs/table.js';
import { parseIndexUrl } from '../custom/customisation.js';
import { parseImageReference } from '../image/reference.js';
import { PYPI_SIMPLE } from '../frameworks/framework.js';
import { UserError, quote } from '../errors.js';

/** Settings of refresh. */
export interface RefreshOptions {
  /** where the compat-file goes (relative to the workspace or working directory); null: not written */
  out: string | null;
  /** https://download.pytorch.org/whl, or torch-index-url */
  torchIndex: string;
  /** https://pypi.org/simple, or pypi-index-url */
  pypiIndex: string;
  /** nvidia/cuda, or a mirror of it */
  cudaRepository: string;
}

/** The PyTorch wheel index's root: entries use <root>/<variant>. */
export const PYTORCH_WHL = 'https://download.pytorch.org/whl';

export function parseRefreshOptions(inputs: Inputs): RefreshOptions {
  const text = (name: 'out' | 'torch-index-url' | 'pypi-index-url' | 'cuda-image-repository'): string => inputs.get(name)?.trim() ?? '';
  const out = text('out');
  if (out && (/[\0\n\r]/.test(out) || out.endsWith('/'))) {
    throw new UserError(`${inputs.field('out')}: ${quote(out)} is not a file path; accepted: a path like compat/refresh.json`);
  }
  const repository = text('cuda-image-repository') || 'nvidia/cuda';
  const ref = parseImageReference(repository, inputs.field('cuda-image-repository'));
  if (ref.digest || (repository.includes(':') && !/^[^/]+:\d+\//.test(repository))) {
    throw new UserError(
      `${inputs.field('cuda-image-repository')}: ${quote(repository)} names a tag or digest; give the repository alone, e.g. nvidia/cuda`,
    );
  }
  return {
    out: out || null,
    torchIndex: text('torch-index-url') ? parseIndexUrl(text('torch-index-url'), inputs.field('torch-index-url')) : PYTORCH_WHL,
    pypiIndex: text('pypi-index-url') ? parseIndexUrl(text('pypi-index-url'), inputs.field('pypi-index-url')) : PYPI_SIMPLE,
    cudaRepository: repository,
  };
}
