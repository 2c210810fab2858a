export { buildHandlers } from './build-handlers';
export { BundleError } from './bundle-handler';
export { createDeterministicZip, type ZipEntry } from './deterministic-zip';
export { discoverHandlers, functionNameFor } from './discover-handlers';
export { DEFAULT_MANIFEST_PATH, ManifestError, readManifest, type ReadManifestOptions } from './manifest';
export { REPO_ROOT } from './paths';
export { assertWithinBudgets, BudgetExceededError, findBudgetViolations, SIZE_BUDGETS, type BudgetViolation, type SizeBudget } from './size-budgets';
export type { BuildHandlersOptions, BuildManifest, FunctionArtifact, HandlerEntry, LogFn } from './types';
