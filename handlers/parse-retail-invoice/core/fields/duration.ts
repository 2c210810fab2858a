import { findLabelled } from '../label-finder';
import { PERIOD_LABELS } from '../labels';
import { parseDate } from '../dates';
import { foldText } from '../text-normalize';
import type { TextLine } from '../text-lines';

export type Duration = 'weekly' | 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';

const WORDS: ReadonlyArray<readonly [RegExp, Duration]> = [
  [/(?:(?<![a-z])(?:per|varje|every|a|each)\s|\/\s?)(?:manad|man|month|mo)(?![a-z])|(?<![a-z])(?:monthly|manadsvis|manatlig|manadsabonnemang|manadsprenumeration|1 manad|1 month|manedlig|manedligt|maanedlig|monatlich|pro monat|per maned|monatsabo)(?![a-z])/, 'monthly'],
  [/(?:(?<![a-z])(?:per|varje|every|a|each)\s|\/\s?)(?:ar|year|yr)(?![a-z])|(?<![a-z])(?:yearly|annual|annually|arsvis|arlig|arligt|arsabonnemang|arsprenumeration|12 manader|12 maneder|12 months|12 monate|1 ar|1 year|jahrlich|pro jahr|jahresabo)(?![a-z])/, 'yearly'],
  [/(?:(?<![a-z])(?:per|varje|every|a|each)\s|\/\s?)(?:vecka|week)(?![a-z])|(?<![a-z])(?:weekly|veckovis|wochentlich|ugentlig|ukentlig)(?![a-z])/, 'weekly'],
  [/(?:(?<![a-z])(?:per|varje|every|each)\s|\/\s?)(?:kvartal|quarter)(?![a-z])|(?<![a-z])(?:quarterly|kvartalsvis|3 manader|3 months|vierteljahrlich|kvartalsvis)(?![a-z])/, 'quarterly'],
  [/(?<![a-z])(?:halvar|half-year|6 manader|6 months|halvarsvis|semi-annual|halbjahrlich|halvarlig)(?![a-z])/, 'half-yearly'],
];

function fromWords(text: string): Duration | null {
  const folded = foldText(text);
  let best: { at: number; duration: Duration } | null = null;
  for (const [re, duration] of WORDS) {
    const m = re.exec(folded);
    if (m && (!best || m.index < best.at)) best = { at: m.index, duration };
  }
  return best?.duration ?? null;
}

/** A period written as a date range: its length in days decides the duration. `Mar 1 – Apr 1, 2025` takes the year from its end. */
function fromRange(text: string): Duration | null {
  if (text.length > 80) return null;
  const parts = text.split(/\s(?:-|–|—|till|to|until|bis|til)\s|\s?[–—]\s?/);
  if (parts.length < 2) return null;
  const to = parseDate(parts[parts.length - 1]);
  if (!to) return null;
  const head = parts[0].trim();
  const from = parseDate(head) ?? parseDate(`${head}, ${to.slice(0, 4)}`) ?? parseDate(`${head} ${to.slice(0, 4)}`);
  if (!from) return null;
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days >= 5 && days <= 8) return 'weekly';
  if (days >= 27 && days <= 32) return 'monthly';
  if (days >= 88 && days <= 93) return 'quarterly';
  if (days >= 180 && days <= 185) return 'half-yearly';
  if (days >= 360 && days <= 367) return 'yearly';
  return null;
}

/**
 * The subscription's billing period: a labelled period (words or a date range),
 * else the first period word on a line that carries a price.
 */
export function findDuration(lines: readonly TextLine[]): Duration | null {
  const labelled = findLabelled(lines, PERIOD_LABELS, (t) => fromWords(t) ?? fromRange(t));
  if (labelled.length) return labelled[0].value;
  for (const line of lines) {
    if (!/\d/.test(line.text)) continue;
    const d = fromWords(line.text);
    if (d) return d;
  }
  for (const line of lines) {
    const d = fromWords(line.text);
    if (d) return d;
  }
  // An unlabelled date range, as under a subscription's line item.
  for (const line of lines) {
    for (const cell of line.cells) {
      const d = fromRange(cell);
      if (d) return d;
    }
  }
  return null;
}
