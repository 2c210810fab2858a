import { parseHyresavi } from '../../../handlers/parse-invoice/core/hyresavi';
import { groupLines, type TextItem } from '../../../handlers/parse-invoice/core/layout';
import { InvoiceParseError } from '../../../handlers/shared/errors';

function item(text: string, x: number, y: number, width = text.length * 5, height = 10): TextItem {
  return { text, x, y, width, height };
}

/** One item per glyph, 5 pt wide, `tracking` points apart. */
function glyphs(text: string, x: number, y: number, tracking = 0): TextItem[] {
  return [...text].map((ch, i) => item(ch, x + i * (5 + tracking), y, 5)).filter((g) => g.text !== ' ');
}

const HEADER: TextItem[] = [item('# 5550001112 #', 60, 780), item('Förfallodatum: 2025-06-30', 60, 640)];

describe('groupLines: superscripts and subscripts', () => {
  it('joins a raised small glyph to its own line, not to the row above or below', () => {
    const lines = groupLines([
      item('Hyra', 60, 300),
      item('7 000', 455, 300, 25),
      item('Kallvatten 6,2 m', 60, 315, 80),
      item('3', 140, 311.7, 3, 5.8),
      item('161', 465, 315, 15),
      item('Varmvatten 2,4 m', 60, 330, 80),
      item('3', 140, 326.7, 3, 5.8),
      item('297', 465, 330, 15),
    ]);
    expect(lines.map((l) => l.segments.map((s) => s.text))).toEqual([
      ['Hyra', '7 000'],
      ['Kallvatten 6,2 m3', '161'],
      ['Varmvatten 2,4 m3', '297'],
    ]);
  });

  it('joins a superscript printed at 83% size whose amount sits between it and the label’s baseline (Chromium)', () => {
    const lines = groupLines([item('Kallvatten 6,2 m', 57, 248.66, 110), item('3', 167.4, 244.58, 5.3, 8.33), item('161', 463.1, 246.08, 19)]);
    expect(lines).toHaveLength(1);
    expect(lines[0].segments.map((s) => s.text)).toEqual(['Kallvatten 6,2 m3', '161']);
  });

  it('joins a lowered small glyph (subscript)', () => {
    const lines = groupLines([item('Kallvatten V', 60, 315, 60), item('1', 120, 317, 3, 5.8), item('126', 465, 315, 15)]);
    expect(lines.map((l) => l.text)).toEqual(['Kallvatten V1 126']);
  });

  it('keeps small text that is not next to a line’s glyphs a line of its own', () => {
    const lines = groupLines([item('Hyra', 60, 300), item('7 000', 455, 300, 25), item('Sidan 1', 300, 296, 20, 6)]);
    expect(lines).toHaveLength(2);
  });
});

describe('groupLines: letter-spacing and overstrike', () => {
  it('reads glyphs set apart by uniform letter-spacing as words', () => {
    const lines = groupLines(glyphs('Totalt att betala:', 60, 340, 2.5));
    expect(lines[0].text).toBe('Totalt att betala:');
  });

  it('reads text with every glyph printed twice, a hair apart, once', () => {
    // How pdf.js returns overstrike bold from a print driver: the second strike of each
    // glyph 0.3 pt right of the first, grouped with the next glyph into runs that each
    // start inside the previous one.
    const runs = ['T', 'To', 'ot', 'ta', 'al', 'lt', 't'].map((t, i) => item(t, i === 0 ? 60 : 60 + 5 * (i - 1) + 0.3, 340, t.length * 5));
    expect(groupLines(runs)[0].text).toBe('Totalt');
  });

  it('keeps one copy of a run printed twice at almost the same place', () => {
    expect(groupLines([item('Totalt att betala:', 60, 340), item('Totalt att betala:', 60.4, 340)])[0].text).toBe('Totalt att betala:');
  });
});

describe('groupLines: dashes', () => {
  it('reads a minus between letters or digits as a hyphen, also across items (PostScript Latin-1 encoding)', () => {
    const [date, label] = groupLines([item('Förfallodatum: 2025−03', 60, 100, 80), item('−31', 140, 100, 15), item('P−', 60, 120, 10), item('plats 12', 70, 120)]);
    expect(date.text).toBe('Förfallodatum: 2025-03-31');
    expect(label.text).toBe('P-plats 12');
  });
});

describe('groupLines: leaders', () => {
  it('splits a label, dot leaders and an amount into two cells', () => {
    const [line] = groupLines([item('Totalt att betala:.......8 402', 60, 340, 150)]);
    expect(line.segments.map((s) => s.text)).toEqual(['Totalt att betala:', '8 402']);
    expect(line.segments[1].right).toBe(210);
  });

  it('drops leaders written as items of their own', () => {
    const [line] = groupLines([item('Hyra', 60, 300, 20), item('....................', 80, 300, 380), item('7 000', 460, 300, 25)]);
    expect(line.segments.map((s) => s.text)).toEqual(['Hyra', '7 000']);
  });
});

describe('parseHyresavi with leaders', () => {
  it('reads amounts after leaders on every row and the total', () => {
    const invoice = parseHyresavi([
      ...HEADER,
      item('Hyra.................................7 000', 60, 300, 420),
      item('Kallvatten...........................90', 60, 315, 420),
      item('Totalt att betala:...................7 090', 60, 340, 420),
    ]);
    expect(invoice.totalAmount).toBe(7090);
    expect(invoice.breakdown.map((b) => [b.label, b.amount])).toEqual([
      ['Hyra', 7000],
      ['Kallvatten', 90],
    ]);
  });

  it('still rejects a notice whose total has leaders but no amount, naming the field', () => {
    const items = [...HEADER, item('Hyra', 60, 300), item('7 000', 455, 300, 25), item('Totalt att betala:..............', 60, 340, 300)];
    expect(() => parseHyresavi(items)).toThrow(InvoiceParseError);
    expect(() => parseHyresavi(items)).toThrow(/missing Total Amount/);
  });
});

describe('parseHyresavi across pages', () => {
  const onPage = (page: number, items: TextItem[]) => items.map((i) => ({ ...i, page }));

  it('goes on with the breakdown at the next page, after its running head', () => {
    const invoice = parseHyresavi([
      ...onPage(1, [item('# 5550001112 #', 60, 100), item('Förfallodatum: 2025-06-30', 60, 120), item('Hyra', 60, 700), item('7 000', 455, 700, 25), item('Kallvatten', 60, 715), item('90', 470, 715, 10)]),
      ...onPage(2, [
        item('Hyresavi (forts.)', 60, 992),
        item('Specifikation', 60, 1020),
        item('Belopp', 450, 1020, 30),
        item('Varmvatten', 60, 1040),
        item('210', 465, 1040, 15),
        item('Totalt att betala:', 60, 1070),
        item('7 300', 455, 1070, 25),
      ]),
    ]);
    expect(invoice.breakdown.map((b) => [b.label, b.amount])).toEqual([
      ['Hyra', 7000],
      ['Kallvatten', 90],
      ['Varmvatten', 210],
    ]);
  });

  it('does not take amounts from a next page that is not the table going on', () => {
    const invoice = parseHyresavi([
      ...onPage(1, [...HEADER, item('Totalt att betala:', 60, 200), item('7 000', 455, 200, 25), item('Hyra', 60, 700), item('7 000', 455, 700, 25)]),
      ...onPage(2, [
        item('Information', 60, 992),
        item('Hyran betalas i förskott senast sista vardagen', 60, 1010, 300),
        item('i månaden före den månad hyran avser.', 60, 1024, 300),
        item('Vid försenad betalning tas en avgift ut.', 60, 1038, 300),
        item('Påminnelseavgift', 60, 1052),
        item('60', 470, 1052, 10),
      ]),
    ]);
    expect(invoice.breakdown.map((b) => b.label)).toEqual(['Hyra']);
  });

  it('does not go on past a gap on the same page', () => {
    const invoice = parseHyresavi([
      ...HEADER,
      item('Hyra', 60, 300),
      item('7 000', 455, 300, 25),
      item('Påminnelseavgift', 60, 500),
      item('60', 470, 500, 10),
      item('Totalt att betala:', 60, 530),
      item('7 060', 455, 530, 25),
    ]);
    expect(invoice.breakdown.map((b) => b.label)).toEqual(['Hyra']);
  });
});
