/**
 * TORCH_CUDA_ARCH_LIST values: the GPU architectures a CUDA extension is compiled for. Pure.
 *
 * torch.utils.cpp_extension reads the variable as compute capabilities separated by ';' or spaces,
 * each optionally with '+PTX' (also embed PTX, which newer GPUs compile at load time). Without it, a
 * build asks the GPUs present, and a `docker build` has none: the extension build then fails.
 */

/** One architecture: "8.6", "9.0a" (arch-specific features), "10.0f" (family), each optionally "+PTX". */
const ARCH = /^(\d{1,2})\.(\d)([af]?)(\+PTX)?$/;

/** What a user may write, for an error message. */
export const ARCH_LIST_ACCEPTED =
  'compute capabilities like "8.0;8.6;9.0+PTX" (separated by ";" or spaces; each X.Y, X.Ya or X.Yf, optionally +PTX)';

/** "8.0 8.6;9.0+PTX" -> "8.0;8.6;9.0+PTX", or null when a part is not an architecture (names like "Ampere" are refused:
 * what they mean depends on the torch release). */
export function normaliseArchList(text: string): string | null {
  const parts = text
    .trim()
    .split(/[;\s]+/)
    .filter(Boolean);
  if (!parts.length || parts.length > 32 || !parts.every((p) => ARCH.test(p))) return null;
  return [...new Set(parts)].join(';');
}

/**
 * The architectures of several lists, each once, ascending; +PTX kept where any list has it. For an
 * image of several platforms whose wheels were built for different lists: an extension compiled for
 * the union runs on every GPU either wheel supports.
 */
export function unionArchLists(lists: readonly string[]): string {
  // one list keeps its own order (the wheel's, as get_arch_list() reports it)
  if (new Set(lists).size === 1) return lists[0] as string;
  const ptx = new Map<string, boolean>();
  for (const list of lists) {
    for (const part of list.split(';')) {
      const arch = part.replace(/\+PTX$/, '');
      ptx.set(arch, (ptx.get(arch) ?? false) || part.endsWith('+PTX'));
    }
  }
  const order = (a: string): number => {
    const m = ARCH.exec(a);
    return m ? Number(m[1]) * 100 + Number(m[2]) * 10 + (m[3] ? 1 : 0) : 0;
  };
  return [...ptx.keys()]
    .sort((a, b) => order(a) - order(b))
    .map((a) => (ptx.get(a) ? `${a}+PTX` : a))
    .join(';');
}
