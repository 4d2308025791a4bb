/** Exit codes of every `aid` command, and the error a command throws for a usage mistake. */
export const EXIT = { OK: 0, INVALID: 1, USAGE: 2 } as const;

/** A usage mistake (unknown option, missing argument): runCli prints it with a hint, exit 2. */
export class UsageError extends Error {}

/**
 * Splits a command's arguments into options with a value (`--name value` or `--name=value`),
 * flags, and positional arguments. An option not in `valued` or `flags` is a usage error.
 */
export function parseArgs(
  command: string,
  args: readonly string[],
  valued: readonly string[],
  flags: readonly string[] = []
): { options: Map<string, string>; flags: Set<string>; positional: string[] } {
  const options = new Map<string, string>();
  const set = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (flags.includes(name) && eq < 0) {
      set.add(name);
    } else if (valued.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === "") throw new UsageError(`${name} needs a value`);
      options.set(name, value);
    } else {
      throw new UsageError(`unknown option ${arg} for ${command}`);
    }
  }
  return { options, flags: set, positional };
}
