/** Values of some environment variables, taken before a test changes them. */
export type SavedEnv = Readonly<Record<string, string | undefined>>;

export function saveEnv(names: readonly string[]): SavedEnv {
  return Object.fromEntries(names.map((name) => [name, process.env[name]]));
}

/** Puts the saved values back; a variable that was unset is unset again. */
export function restoreEnv(saved: SavedEnv): void {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}
