import { findLabelled, startsWithLabel } from '../label-finder';
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
  [/(?<![a-z])(?:flyg|flight|flights|flygning|boarding|gate|terminal|airline|flygbolag|airport|flygplats|baggage|bagage|flug|abflug|fly|flyselskab)(?![a-z])|\([a-z]{3}\)/g, 'flight'],
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

type DateParser = (text: string) => string | null;

/** Every date in a line, in order (at most three). */
function datesIn(text: string, parse: DateParser): string[] {
  const dates: string[] = [];
  let rest = text;
  for (let n = 0; n < 3; n++) {
    const date = parse(rest);
    if (!date) break;
    dates.push(date);
    // Continue after the first time or date-like run that follows the found date.
    const at = rest.search(/\d/);
    const cut = rest.slice(at).search(/\s[A-Za-zÅÄÖåäö]{2,}\s|[→–—]|->/);
    if (at < 0 || cut < 0) break;
    rest = rest.slice(at + cut + 1);
  }
  return dates;
}

/**
 * Legs from a table headed `From | To | Departure | Arrival` (or `Departure |
 * Arrival` cells that hold place, time and date): one leg per row under the header.
 */
function legsFromTable(lines: readonly TextLine[], parse: DateParser): TravelLeg[] {
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i].cells;
    if (header.length < 2 || /\d/.test(lines[i].text) || header.some((c) => c.length > 24)) continue;
    const column = (set: Parameters<typeof startsWithLabel>[1]) => header.findIndex((c) => startsWithLabel(c, set));
    const [fromCol, toCol, depCol, arrCol] = [column(FROM_LABELS), column(TO_LABELS), column(DEPARTURE_LABELS), column(ARRIVAL_LABELS)];
    const origin = fromCol >= 0 ? fromCol : depCol;
    const destination = toCol >= 0 ? toCol : arrCol;
    if (origin < 0 || destination < 0 || origin === destination) continue;
    const dateCol = depCol >= 0 ? depCol : header.findIndex((c) => /^(?:date|datum|dato)$/i.test(c.trim()));
    const legs: TravelLeg[] = [];
    for (let j = i + 1; j < lines.length && legs.length < 10; j++) {
      const row = lines[j];
      if (row.group !== lines[i].group || row.cells.length !== header.length) break;
      const [from, to] = [placeIn(row.cells[origin]), placeIn(row.cells[destination])];
      if (!from || !to) break;
      legs.push({
        departure_location: from,
        arrival_location: to,
        departure_date: parse(row.cells[dateCol >= 0 ? dateCol : origin]),
        arrival_date: arrCol >= 0 ? parse(row.cells[arrCol]) : null,
      });
    }
    if (legs.length) return legs;
  }
  return [];
}

interface Route {
  readonly from: string;
  readonly to: string;
  /** Dates written on the route's own line: `2025-03-14 Stockholm C 08:05 → Malmö C 12:41`. */
  readonly dates: readonly string[];
  /** Times on that line: a departure and an arrival time beside one date mean both are that day. */
  readonly times: number;
}

/**
 * Legs from a table of routes, else from `A → B` lines, else from From/To labels;
 * dates from departure/arrival labels, else from the route's line (a date without
 * a year is read near `reference`, the purchase date).
 */
export function findTravelDetails(lines: readonly TextLine[], reference?: string | null): TravelLeg[] {
  const parse = dateParserNear(reference);
  const fromTable = legsFromTable(lines, parse);
  if (fromTable.length) return fromTable;
  const departures = findLabelled(lines, DEPARTURE_LABELS, parse).map((c) => c.value);
  const arrivals = findLabelled(lines, ARRIVAL_LABELS, parse).map((c) => c.value);
  const routes: Route[] = [];
  for (const line of lines) {
    if (line.cells.length > 3) continue;
    const m = ARROW.exec(line.cells[0]);
    if (!m || !/→|->|–>|⟶|➔/.test(line.cells[0])) continue;
    const [from, to] = [placeIn(m[1]), placeIn(m[2])];
    if (from && to) routes.push({ from, to, dates: datesIn(line.text, parse), times: line.text.match(TIME)?.length ?? 0 });
  }
  if (routes.length === 0) {
    const froms = findLabelled(lines, FROM_LABELS, placeIn).map((c) => c.value);
    const tos = findLabelled(lines, TO_LABELS, placeIn).map((c) => c.value);
    for (let i = 0; i < Math.max(froms.length, tos.length); i++) routes.push({ from: froms[i] ?? '', to: tos[i] ?? '', dates: [], times: 0 });
  }
  const count = Math.max(routes.length, departures.length ? 1 : 0);
  const legs: TravelLeg[] = [];
  for (let i = 0; i < count && i < 10; i++) {
    const route = routes[i];
    const sameDay = route?.dates.length === 1 && route.times >= 2;
    legs.push({
      departure_location: route?.from || null,
      arrival_location: route?.to || null,
      departure_date: departures[i] ?? route?.dates[0] ?? null,
      arrival_date: arrivals[i] ?? route?.dates[1] ?? (sameDay ? route.dates[0] : null),
    });
  }
  return legs;
}

const NAME = /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}$/u;
const TITLE = /^(?:mr|mrs|ms|miss|mx|dr|herr|fru|frau|hr|fr)\.?\s+/i;

// `CLARKE/EMMA MS`, as airlines print a passenger.
const AIRLINE_NAME = /^([A-Z][A-Z'-]+)\/([A-Z][A-Z' -]*?)(?:\s+(?:MR|MRS|MS|MISS|MSTR|DR|CHD|INF))?$/;
const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());

/** A person's name: two to four capitalised words; numbering, titles (`Ms`, `Herr`) and `(Vuxen)` notes removed. */
export function personName(text: string): string | null {
  const airline = AIRLINE_NAME.exec(text.trim());
  if (airline) return titleCase(`${airline[2]} ${airline[1]}`);
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
