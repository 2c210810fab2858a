/** A size limit for one function's zip. */
export interface SizeBudget {
  /** Largest allowed zip, in bytes. */
  readonly maxZipBytes: number;
  /** Why the limit exists, shown when it is exceeded. */
  readonly reason: string;
}

/** Zip size budgets by function name. Functions without an entry have no budget. */
export const SIZE_BUDGETS: Readonly<Record<string, SizeBudget>> = {
  parse_retail_invoice: {
    maxZipBytes: 400 * 1024,
    reason: 'the retail parser must stay small for fast cold starts (issue 5)',
  },
};

export interface BudgetViolation {
  readonly functionName: string;
  readonly size: number;
  readonly maxZipBytes: number;
  readonly reason: string;
}

export class BudgetExceededError extends Error {
  readonly code = 'BUDGET_EXCEEDED';
  constructor(readonly violations: readonly BudgetViolation[]) {
    super(`Zip size budget exceeded:\n${violations.map(describeViolation).join('\n')}`);
    this.name = 'BudgetExceededError';
  }
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function describeViolation(v: BudgetViolation): string {
  return `  ${v.functionName}: ${formatKb(v.size)} (${v.size} bytes) > budget ${formatKb(v.maxZipBytes)} (${v.maxZipBytes} bytes): ${v.reason}`;
}

/** The functions whose zip is larger than their budget. */
export function findBudgetViolations(
  sizes: Readonly<Record<string, number>>,
  budgets: Readonly<Record<string, SizeBudget>> = SIZE_BUDGETS,
): BudgetViolation[] {
  return Object.keys(sizes)
    .sort()
    .flatMap((functionName) => {
      const budget = budgets[functionName];
      const size = sizes[functionName];
      return budget && size > budget.maxZipBytes ? [{ functionName, size, maxZipBytes: budget.maxZipBytes, reason: budget.reason }] : [];
    });
}

/** Throws `BudgetExceededError` listing every function over its budget. */
export function assertWithinBudgets(
  sizes: Readonly<Record<string, number>>,
  budgets: Readonly<Record<string, SizeBudget>> = SIZE_BUDGETS,
): void {
  const violations = findBudgetViolations(sizes, budgets);
  if (violations.length > 0) throw new BudgetExceededError(violations);
}
