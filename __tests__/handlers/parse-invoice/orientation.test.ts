import { readingQuarter, uprightItems, type ViewportRun } from '../../../handlers/parse-invoice/core/orientation';

const PORTRAIT = { width: 595, height: 842 };
const LANDSCAPE = { width: 842, height: 595 };

/** A run at viewport point (x, y) whose baseline points `quarter` quarter turns clockwise (viewport y grows down). */
function run(text: string, x: number, y: number, quarter: number, size = 10): ViewportRun {
  const [cos, sin] = [Math.round(Math.cos((quarter * Math.PI) / 2)), Math.round(Math.sin((quarter * Math.PI) / 2))];
  // Baseline (cos, sin); "up" is the baseline turned a quarter counter-clockwise on screen: (sin, -cos).
  return { text, matrix: [size * cos, size * sin, size * sin, -size * cos, x, y], width: text.length * 5 };
}

describe('readingQuarter', () => {
  it('is the direction most characters run in', () => {
    expect(readingQuarter([run('Hyra', 10, 10, 0)])).toBe(0);
    expect(readingQuarter([run('x', 10, 10, 0), run('Totalt att betala', 10, 10, 1)])).toBe(1);
    expect(readingQuarter([run('Totalt att betala', 10, 10, 3)])).toBe(3);
    expect(readingQuarter([])).toBe(0);
  });
});

describe('uprightItems', () => {
  it('keeps an upright page as it is', () => {
    const { items, height } = uprightItems([run('Hyra', 60, 200, 0)], PORTRAIT, 1, 0);
    expect(height).toBe(842);
    expect(items).toEqual([{ text: 'Hyra', x: 60, y: 200, width: 20, height: 10, page: 1 }]);
  });

  it('turns a page whose text runs downwards (drawn sideways, /Rotate 270 missing or content turned) so it reads left to right', () => {
    // Two words on one line and a line below it, on a page drawn rotated a quarter clockwise.
    const runs = [run('Hyra', 500, 60, 1), run('7 650', 500, 400, 1), run('Totalt', 480, 60, 1)];
    const { items, height } = uprightItems(runs, PORTRAIT, 1, 0);
    expect(height).toBe(595);
    const [hyra, amount, total] = items;
    expect(hyra.y).toBeCloseTo(amount.y, 6);
    expect(amount.x - hyra.x).toBeCloseTo(340, 6);
    expect(total.y).toBeGreaterThan(hyra.y);
    expect(items.every((i) => i.x >= 0 && i.y >= 0 && i.y <= 595)).toBe(true);
  });

  it('turns text running upwards the other way', () => {
    const runs = [run('Hyra', 100, 500, 3), run('7 650', 100, 160, 3), run('Totalt', 120, 500, 3)];
    const { items } = uprightItems(runs, LANDSCAPE, 1, 0);
    const [hyra, amount, total] = items;
    expect(hyra.y).toBeCloseTo(amount.y, 6);
    expect(amount.x - hyra.x).toBeCloseTo(340, 6);
    expect(total.y).toBeGreaterThan(hyra.y);
  });

  it('reads upside-down pages right way up', () => {
    const { items } = uprightItems([run('Hyra', 500, 700, 2), run('7 650', 200, 700, 2)], PORTRAIT, 1, 0);
    expect(items[1].x - items[0].x).toBeCloseTo(300, 6);
    expect(items[0].y).toBeCloseTo(142, 6);
  });

  it('leaves out text running another way than most (margin notes, stamps), skewed or mirrored text', () => {
    const mirrored: ViewportRun = { text: 'spegel', matrix: [10, 0, 0, 10, 60, 300], width: 30 };
    const skewed: ViewportRun = { text: 'stämpel', matrix: [7.07, 7.07, 7.07, -7.07, 60, 400], width: 30 };
    const runs = [run('Hyra', 60, 200, 0), run('Totalt att betala', 60, 220, 0), run('Sidan 1 av 1', 580, 800, 3), mirrored, skewed];
    expect(uprightItems(runs, PORTRAIT, 1, 0).items.map((i) => i.text)).toEqual(['Hyra', 'Totalt att betala']);
  });

  it('stacks pages: y starts at the offset and the font size comes from the run’s matrix', () => {
    const { items } = uprightItems([run('Hyra', 60, 200, 1, 12)], PORTRAIT, 2, 1000);
    expect(items[0]).toMatchObject({ page: 2, height: 12 });
    expect(items[0].y).toBeGreaterThanOrEqual(1000);
  });
});
