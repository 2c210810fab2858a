import {
  collapseLetterSpacing,
  dropRestrikes,
  normalizeDashes,
  normalizeRuns,
  splitAtLeaders,
  undoOverstrike,
} from '../../../handlers/parse-invoice/core/glyph-runs';
import type { TextItem } from '../../../handlers/parse-invoice/core/layout';

function item(text: string, x: number, y = 100, width = text.length * 5, height = 10): TextItem {
  return { text, x, y, width, height };
}

describe('splitAtLeaders', () => {
  it.each([
    ['Totalt att betala:.......8 402', ['Totalt att betala:', '8 402']],
    ['Hyra . . . . . 7 650', ['Hyra', '7 650']],
    ['Hyra....7 650', ['Hyra', '7 650']],
    ['El enligt mätning ________ 292', ['El enligt mätning', '292']],
    ['Parkering --------- 450,50 kr', ['Parkering', '450,50 kr']],
    ['·········', []],
  ])('splits %j at its leaders', (text, parts) => {
    expect(splitAtLeaders(item(text, 50)).map((p) => p.text)).toEqual(parts);
  });

  it.each(['8.123,50', 'Avser period: 2025-04-01 - 2025-04-30', 'El enligt...', 'Förfallodatum: 2025-03-31'])('leaves %j whole', (text) => {
    expect(splitAtLeaders(item(text, 50))).toEqual([item(text, 50)]);
  });

  it('keeps the run’s right edge on the last part and its left edge on the first', () => {
    const [label, amount] = splitAtLeaders(item('Totalt:..........8 402', 60, 100, 200));
    expect(label.x).toBe(60);
    expect(label.x + label.width).toBeLessThan(amount.x);
    expect(amount.x + amount.width).toBeCloseTo(260, 6);
  });
});

describe('collapseLetterSpacing', () => {
  it.each([
    ['T o t a l t', 'Totalt'],
    ['K a l l v a t t e n', 'Kallvatten'],
    ['2 0 2 5 − 1 2 − 0 1', '2025−12−01'],
    ['H y r a .......... 6 980', 'Hyra .......... 6 980'],
    ['T o t a l t  a t t  b e t a l a :', 'Totalt  att  betala:'],
  ])('%j → %j', (text, expected) => {
    expect(collapseLetterSpacing(text)).toBe(expected);
  });

  it.each(['Totalt att betala: 8 402', '# 1297534008 # 8402 00 5 >', 'Avser period: 2025-04-01 - 2025-04-30', 'Moms 25 % 1 000'])('leaves ordinary text %j alone', (text) => {
    expect(collapseLetterSpacing(text)).toBe(text);
  });

  it('collapses two-letter words only when asked (on lines with longer spaced words)', () => {
    expect(collapseLetterSpacing('E l')).toBe('E l');
    expect(collapseLetterSpacing('E l', true)).toBe('El');
  });
});

describe('normalizeRuns', () => {
  it('collapses short spaced words on a line that has longer ones, and nowhere else', () => {
    const runs = normalizeRuns([item('E l', 50), item('e n l i g t', 70), item('P 4', 50, 200)]);
    expect(runs.map((r) => r.text)).toEqual(['El', 'enligt', 'P 4']);
  });

  it('drops blank items', () => {
    expect(normalizeRuns([item(' ', 10), item('2025-03-31', 50)]).map((r) => r.text)).toEqual(['2025-03-31']);
  });
});

describe('normalizeDashes', () => {
  it.each([
    ['2025−03−31', '2025-03-31'],
    ['P−plats 12', 'P-plats 12'],
    ['2025‐03‐31', '2025-03-31'],
    ['−50,00', '−50,00'],
    ['2025-01-01 − 2025-01-31', '2025-01-01 − 2025-01-31'],
  ])('%j → %j', (text, expected) => {
    expect(normalizeDashes(text)).toBe(expected);
  });
});

describe('undoOverstrike', () => {
  it.each([
    ['TToottaalltt', 'Totalt'],
    ['HHyyrraa 88 440022', 'Hyra 8 402'],
    ['KKaallllvvaatttteenn  22002255', 'Kallvatten 2025'],
  ])('%j → %j', (text, expected) => {
    expect(undoOverstrike(text)).toBe(expected);
  });

  it.each(['Totalt', 'Kallvatten', '8 402', 'Hyra'])('returns null for text that is not doubled: %j', (text) => {
    expect(undoOverstrike(text)).toBeNull();
  });
});

describe('dropRestrikes', () => {
  it('keeps one copy of a run printed twice a hair apart', () => {
    const runs = dropRestrikes([item('Totalt att betala:', 60), item('Totalt att betala:', 60.4), item('Totalt att betala:', 60, 300)]);
    expect(runs.map((r) => [r.text, r.x, r.y])).toEqual([
      ['Totalt att betala:', 60, 100],
      ['Totalt att betala:', 60, 300],
    ]);
  });

  it('undoubles a run whose glyphs are all doubled only when it is half as wide as its characters', () => {
    expect(dropRestrikes([item('TToottaalltt', 60, 100, 30)])[0].text).toBe('Totalt');
    // "1100" at a normal width is a number, not a doubled "10".
    expect(dropRestrikes([item('1100', 60, 100, 22)])[0].text).toBe('1100');
  });
});
