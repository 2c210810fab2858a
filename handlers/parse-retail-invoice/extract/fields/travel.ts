import { findLabelled } from '../label-finder';
import { ARRIVAL_LABELS, DEPARTURE_LABELS, FROM_LABELS, PASSENGER_LABELS, TO_LABELS } from '../labels';
import { dateParserNear } from '../dates';
import { foldText } from '../text-normalize';
import type { TextLine } from '../text-lines';

export interface TravelLeg {
  readonly departure_location: string | null;
  readonly arrival_location: string | null;
  readonly departure_date: string | null;
  readonly arrival_date: string | null;
}

const TRANSPORT: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![a-z])(?:flyg|flight|flights|flygning|boarding|gate|terminal|airline|flygbolag|airport|flygplats|baggage|bagage|flug|abflug|fly|flyselskab)(?![a-z])/g, 'flight'],
  [/(?<![a-z])(?:tag|train|jarnvag|rail|railway|vagn|plats \d+|seat|zug|bahn|wagen|tog)(?![a-z])/g, 'train'],
  [/(?<![a-z])(?:buss|bus|coach|bussresa|fernbus|reisebus|bussteig)(?![a-z])/g, 'bus'],
  [/(?<![a-z])(?:farja|ferry|batresa|hytt|cabin|kryssning|cruise)(?![a-z])/g, 'ferry'],
  [/(?<![a-z])(?:taxi|ride|trip with|driver|forare|chauffor|reseavgift|resans|rideshare|samakning)(?![a-z])/g, 'taxi'],
];

/** flight, train, bus, ferry or taxi, by the most frequent keyword family. */
export function findTransportType(lines: readonly TextLine[]): string | null {
  const text = foldText(lines.map((l) => l.text).join('\n'));
  let best: string | null = null;
  let bestCount = 0;
  for (const [re, type] of TRANSPORT) {
    const count = text.match(re)?.length ?? 0;
    if (count > bestCount) [best, bestCount] = [type, count];
  }
  return best;
}

const TIME = /\b\d{1,2}[:.]\d{2}\b/g;
const DATE_WORDS = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}\s+\p{L}{3,9}\.?\s*(?:\d{4})?\b/gu;

/** A place name: the value with dates and times removed, letters left, no amounts. */
function placeIn(text: string): string | null {
  const rest = text.replace(DATE_WORDS, ' ').replace(TIME, ' ').replace(/\s+/g, ' ').replace(/^[\s,:-]+|[\s,:-]+$/g, '');
  if (rest.length < 2 || rest.length > 60 || /\d{3}|@|kr\b|€|\$|£/i.test(rest)) return null;
  return /^\p{Lu}/u.test(rest) ? rest : null;
}

const ARROW = /^(.{2,60}?)\s*(?:→|->|–>|⟶|➔|»|›|\bto\b|—|–)\s*(.{2,60})$/u;

/**
 * Legs from `A → B` lines, else from From/To labels; dates from departure/arrival
 * labels (a date without a year is read near `reference`, the purchase date).
 */
export function findTravelDetails(lines: readonly TextLine[], reference?: string | null): TravelLeg[] {
  const parse = dateParserNear(reference);
  const departures = findLabelled(lines, DEPARTURE_LABELS, parse).map((c) => c.value);
  const arrivals = findLabelled(lines, ARRIVAL_LABELS, parse).map((c) => c.value);
  const routes: Array<[string, string]> = [];
  for (const line of lines) {
    if (line.cells.length > 2) continue;
    const m = ARROW.exec(line.cells[0]);
    if (!m || !/→|->|–>|⟶|➔/.test(line.cells[0])) continue;
    const [from, to] = [placeIn(m[1]), placeIn(m[2])];
    if (from && to) routes.push([from, to]);
  }
  if (routes.length === 0) {
    const froms = findLabelled(lines, FROM_LABELS, placeIn).map((c) => c.value);
    const tos = findLabelled(lines, TO_LABELS, placeIn).map((c) => c.value);
    for (let i = 0; i < Math.max(froms.length, tos.length); i++) routes.push([froms[i] ?? '', tos[i] ?? '']);
  }
  const count = Math.max(routes.length, departures.length ? 1 : 0);
  const legs: TravelLeg[] = [];
  for (let i = 0; i < count && i < 10; i++) {
    legs.push({
      departure_location: routes[i]?.[0] || null,
      arrival_location: routes[i]?.[1] || null,
      departure_date: departures[i] ?? null,
      arrival_date: arrivals[i] ?? null,
    });
  }
  return legs;
}

const NAME = /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}$/u;
const TITLE = /^(?:mr|mrs|ms|miss|mx|dr|herr|fru|frau|hr|fr)\.?\s+/i;

/** A person's name: two to four capitalised words; numbering, titles (`Ms`, `Herr`) and `(Vuxen)` notes removed. */
export function personName(text: string): string | null {
  const t = text.replace(/^\s*\d+[.:)]?\s*/, '').replace(TITLE, '').replace(/\s*\([^)]*\)\s*$/, '').replace(/,.*$/, '').trim();
  return NAME.test(t) && t.length <= 60 ? t : null;
}

/** Passengers by label; a label alone on its line heads a list of names below it. */
export function findPassengers(lines: readonly TextLine[]): Array<{ name: string }> {
  const names: string[] = [];
  for (const c of findLabelled(lines, PASSENGER_LABELS, personName)) {
    names.push(c.value);
    if (c.proximity !== 'next-line') continue;
    for (let i = c.lineIndex + 2; i < lines.length && i < c.lineIndex + 12; i++) {
      const name = lines[i].cells.length <= 2 ? personName(lines[i].cells[0]) : null;
      if (!name) break;
      names.push(name);
    }
  }
  return [...new Set(names)].map((name) => ({ name }));
}
