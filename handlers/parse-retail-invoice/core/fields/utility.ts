import { findLabelled } from '../label-finder';
import { USAGE_LABELS } from '../labels';
import { foldText } from '../text-normalize';
import type { TextLine } from '../text-lines';

const TYPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![a-z])(?:el|elavtal|elhandel|elnat|elforbrukning|elpris|elektricitet|electricity|power|energy|energi|kwh|mwh)(?![a-z])/g, 'electricity'],
  [/(?<![a-z])(?:bredband|broadband|fiber|internet|wifi)(?![a-z])/g, 'internet'],
  [/(?<![a-z])(?:mobil|mobile|mobilabonnemang|telefoni|phone|surf|samtal|sms)(?![a-z])/g, 'mobile'],
  [/(?<![a-z])(?:vatten|water|va-avgift)(?![a-z])/g, 'water'],
  [/(?<![a-z])(?:fjarrvarme|district heating|varme|heating)(?![a-z])/g, 'heating'],
  [/(?<![a-z])(?:gas|naturgas|biogas)(?![a-z])/g, 'gas'],
  [/(?<![a-z])(?:avfall|sophamtning|waste|renhallning)(?![a-z])/g, 'waste'],
  [/(?<![a-z])(?:tv|streaming|kanalpaket)(?![a-z])/g, 'tv'],
];

/** The utility the bill is for, by the most frequent keyword family; null when none is named. */
export function findUtilityType(lines: readonly TextLine[]): string | null {
  const text = foldText(lines.map((l) => l.text).join('\n'));
  let best: string | null = null;
  let bestCount = 0;
  for (const [re, type] of TYPES) {
    const count = text.match(re)?.length ?? 0;
    if (count > bestCount) [best, bestCount] = [type, count];
  }
  return best;
}

const MEASURE = /\d[\d\s.,]*\s?(?:kWh|MWh|GB|MB|TB|m³|m3|liter|minuter|min|sms)(?![a-z])/i;

function usageIn(text: string): string | null {
  const m = MEASURE.exec(text);
  return m ? m[0].trim() : null;
}

/** Consumption: a labelled usage, else the first quantity in kWh, GB, m³ and the like. */
export function findUsageDetails(lines: readonly TextLine[]): string | null {
  const labelled = findLabelled(lines, USAGE_LABELS, usageIn);
  if (labelled.length) return labelled[0].value;
  for (const line of lines) {
    const usage = usageIn(line.text);
    if (usage) return usage;
  }
  return null;
}
