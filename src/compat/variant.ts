/** PyTorch wheel variants name a CUDA minor without its dot; the last digit is the minor. */

/** "cu124" -> "12.4", "cu130" -> "13.0" */
export function cudaVersionOfVariant(variant: string): string {
  const digits = variant.slice(2);
  return `${digits.slice(0, -1)}.${digits.slice(-1)}`;
}

/** "12.4" -> "cu124" */
export function variantOfCudaVersion(version: string): string {
  return `cu${version.replace('.', '')}`;
}
