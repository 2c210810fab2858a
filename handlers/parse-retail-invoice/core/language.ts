import { foldText } from './text-normalize';

/** The languages the label dictionaries know. */
export type ReceiptLanguage = 'sv' | 'en' | 'de' | 'da' | 'nb';

// Words (folded) that each language uses on receipts and the others do not.
const MARKERS: ReadonlyArray<readonly [ReceiptLanguage, RegExp]> = [
  ['sv', /(?<![a-z])(?:att betala|tack for|kvitto|kvittot|bestallning|bestallningen|varav moms|delsumma|leverans|vanliga halsningar|halsningar|summa)(?![a-z])/g],
  ['da', /(?<![a-z])(?:i alt|at betale|tak for|venlig hilsen|ordrebekraftelse|fragt|heraf|rabat|bestillingen er|leveringsadresse)(?![a-z])/g],
  ['nb', /(?<![a-z])(?:a betale|takk for|vennlig hilsen|mva|herav|ordrebekreftelse|forfallsdato|betalingsmate|leveringsmate)(?![a-z])/g],
  ['de', /(?<![a-z])(?:gesamt|zwischensumme|bestellung|vielen dank|mwst|versand|rechnung|betrag|bezahlt|ihre|ihr)(?![a-z])/g],
  ['en', /(?<![a-z])(?:thank you|your order|subtotal|shipping|receipt|total|paid|order number)(?![a-z])/g],
];

/** The language a `lang` attribute names, when it is one of ours (`nb`, `nn` and `no` are Norwegian). */
function languageOfAttribute(lang: string | null): ReceiptLanguage | null {
  const code = lang?.slice(0, 2);
  if (code === 'no' || code === 'nn') return 'nb';
  return code === 'sv' || code === 'en' || code === 'de' || code === 'da' || code === 'nb' ? code : null;
}

/**
 * The receipt's language: its `lang` attribute, else the language whose receipt
 * words it uses most (null when none). `lang="en"` is what many templates declare
 * whatever they say, so it does not stop the word count.
 */
export function detectLanguage(text: string, lang: string | null): ReceiptLanguage | null {
  const declared = languageOfAttribute(lang);
  if (declared && declared !== 'en') return declared;
  const folded = foldText(text);
  let best: ReceiptLanguage | null = null;
  let bestCount = 0;
  for (const [language, re] of MARKERS) {
    const count = folded.match(re)?.length ?? 0;
    if (count > bestCount) [best, bestCount] = [language, count];
  }
  return best ?? declared;
}
