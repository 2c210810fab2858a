/** Options of app/launch.cjs's builds. */
export interface LaunchOptions {
  /** Bundle packages in too (the synth app); by default they load from node_modules. */
  readonly bundlePackages?: boolean;
}

/** app/launch.cjs's API, typed for the tests (it is plain JavaScript: it runs before anything is compiled). */
export const launcher = require('../../app/launch.cjs') as {
  readonly SYNTH_APP: { readonly entry: string; readonly options: LaunchOptions };
  bundlePath(entry: string): string;
  buildBundle(entry: string, outfile: string, options?: LaunchOptions): Promise<string[]>;
  ensureBundle(entry: string, options?: LaunchOptions): Promise<string>;
  scriptEntries(): Array<{ entry: string; options: LaunchOptions }>;
};
