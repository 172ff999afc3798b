/** Benchmark options, each as --name=value on the command line or an environment variable. */

export function option(flag: string, envName: string): string | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${flag}=`));
  return arg ? arg.slice(flag.length + 3) : process.env[envName];
}

export function positiveInts(raw: string, name: string): number[] {
  const values = raw.split(',').map((v) => Number(v.trim()));
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 1)) {
    throw new Error(`${name}: expected positive whole numbers separated by commas, got "${raw}"`);
  }
  return values;
}

/** One value for every step, one per step, or the default for that step's count. */
export function perStep(flag: string, envName: string, counts: number[], fallback: (count: number) => number): number[] {
  const raw = option(flag, envName);
  if (raw === undefined) return counts.map(fallback);
  const values = positiveInts(raw, flag);
  if (values.length === 1) return counts.map(() => values[0] ?? 1);
  if (values.length !== counts.length) throw new Error(`${flag}: give one value or ${counts.length} (one per step)`);
  return values;
}

export function single(flag: string, envName: string, fallback: number): number {
  const raw = option(flag, envName);
  return raw === undefined ? fallback : (positiveInts(raw, flag)[0] ?? fallback);
}

/** One of `choices`, or the fallback when the option is not given. */
export function oneOf<T extends string>(flag: string, envName: string, choices: readonly T[], fallback: T): T {
  const raw = option(flag, envName);
  if (raw === undefined) return fallback;
  const match = choices.find((c) => c === raw);
  if (match === undefined) throw new Error(`${flag}: expected one of ${choices.join(', ')}, got "${raw}"`);
  return match;
}
