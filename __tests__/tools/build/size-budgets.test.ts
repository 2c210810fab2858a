import { assertWithinBudgets, BudgetExceededError, findBudgetViolations, SIZE_BUDGETS, type SizeBudget } from '../../../tools/build/size-budgets';

const LIMIT = 400 * 1024;

describe('size budgets', () => {
  it('limits parse_retail_invoice to 400 KB', () => {
    expect(SIZE_BUDGETS.parse_retail_invoice.maxZipBytes).toBe(LIMIT);
  });

  it('fails an oversized parse_retail_invoice zip, naming the function, its size and the budget', () => {
    expect(() => assertWithinBudgets({ parse_retail_invoice: LIMIT + 1 })).toThrow(BudgetExceededError);
    expect(() => assertWithinBudgets({ parse_retail_invoice: LIMIT + 1 })).toThrow(/parse_retail_invoice: 400\.0 KB \(409601 bytes\) > budget 400\.0 KB \(409600 bytes\)/);
  });

  it('accepts a zip of exactly the budget', () => {
    expect(() => assertWithinBudgets({ parse_retail_invoice: LIMIT })).not.toThrow();
  });

  it('ignores functions without a budget', () => {
    expect(findBudgetViolations({ parse_invoice: 50 * 1024 * 1024 })).toEqual([]);
  });

  it('reports every violation of a custom budget table at once', () => {
    const budgets: Record<string, SizeBudget> = {
      a: { maxZipBytes: 10, reason: 'test' },
      b: { maxZipBytes: 20, reason: 'test' },
    };
    expect(findBudgetViolations({ a: 11, b: 21, c: 1000 }, budgets).map((v) => v.functionName)).toEqual(['a', 'b']);
  });
});
