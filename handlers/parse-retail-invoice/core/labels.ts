/**
 * Label dictionaries: Swedish, English, German, Danish and Norwegian, in folded form (lower case, no
 * diacritics: `att betala`, `forfallodatum`). A label matches at the start of a
 * cell; `tier` orders candidates (1 = strongest). `exclude` words, found between
 * the label and its value, disqualify a match: `Total exkl. moms` is not a total.
 */
export interface LabelDef {
  readonly label: string;
  readonly tier: number;
}

export interface LabelSet {
  readonly name: string;
  readonly labels: readonly LabelDef[];
  /** Regex sources (folded text) that disqualify a label's context. */
  readonly exclude: readonly string[];
}

const tier = (n: number, ...labels: string[]): LabelDef[] => labels.map((label) => ({ label, tier: n }));

export const TOTAL_LABELS: LabelSet = {
  name: 'total',
  labels: [
    ...tier(1,
      'totalt att betala', 'summa att betala', 'total att betala', 'att betala', 'belopp att betala', 'totalt betalt', 'total betalt',
      'betalt belopp', 'betalt', 'debiterat belopp', 'debiterat', 'du betalade', 'du har betalat', 'slutsumma', 'totalbelopp',
      'totalsumma', 'amount paid', 'total paid', 'total charged', 'amount charged', 'you paid', 'paid', 'charged', 'grand total',
      'order total', 'total amount', 'total due', 'amount due', 'balance due', 'total to pay', 'to pay', 'payment total',
      'ordersumma', 'ordertotal', 'total order', 'kvittobelopp', 'total cost', 'total price', 'totalpris',
      'totalt a betale', 'sum a betale', 'a betale', 'til betaling', 'at betale', 'totalbelop', 'totalt belop', 'betalt belop',
      'gesamtbetrag', 'gesamtsumme', 'gesamtpreis', 'rechnungsbetrag', 'endbetrag', 'zu zahlen', 'zahlbetrag', 'bezahlt', 'bezahlter betrag',
      'total inkl', 'betalt i alt', 'i alt at betale', 'samlet belob', 'endsumme', 'totalsum', 'sluttsum', 'totalpris',
    ),
    ...tier(2, 'totalt', 'total', 'summa', 'belopp', 'amount', 'sum', 'att erlagga', 'totala kostnad', 'i alt', 'belop', 'gesamt', 'summe', 'betrag'),
  ],
  exclude: [
    'delsumma', 'sub-?\\s?total', 'mellansumma', 'moms', 'vat', 'tax(?!i)', 'skatt', 'mva', 'rabatt', 'discount', 'besparing', 'sparat?',
    'saving', 'frakt', 'leverans', 'delivery', 'shipping', 'exkl', 'excl', 'ex\\.? moms', 'before', 'fore', 'antal', 'items?(?![a-z])',
    'artiklar', 'varor', 'qty', 'quantity', 'per (?:person|natt|night|month|manad|st)', 'netto', 'net(?![a-z])', 'pant', 'deposit',
    'dricks', 'tip(?![a-z])', 'poang', 'points', 'bonus', 'credit', 'kredit', 'presentkort', 'gift ?card', 'refund', 'aterbetal',
    'avgift', 'fee(?![a-z])', 'saldo', 'tidigare', 'previous', 'nasta', 'next', 'savings', 'vikt', 'weight', 'kwh', 'forbrukning',
    'usage', 'herav', 'heraf', 'varer', 'zwischensumme', 'mwst', 'ust(?![a-z])', 'steuer', 'versand', 'liefer', 'rabatt', 'gutschein', 'enth', 'delsum',
    'levering', 'fragt', 'rabat', 'gebuhr', 'pfand', 'abonnement', 'anzahl', 'artikel', 'paid (?:with|by|using|via)', 'betalt (?:med|via)', 'bezahlt (?:mit|am|per|uber|via)', 'method', 'metod', 'date', 'datum', 'on (?:\\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)',
  ],
};

export const DATE_LABELS: LabelSet = {
  name: 'date',
  labels: [
    ...tier(1,
      'orderdatum', 'order date', 'kopdatum', 'purchase date', 'date of purchase', 'kvittodatum', 'receipt date', 'fakturadatum',
      'invoice date', 'bestallningsdatum', 'bestalld', 'bestallt', 'order placed', 'placed on', 'ordered on', 'transaktionsdatum',
      'transaction date', 'betaldatum', 'betalningsdatum', 'payment date', 'date paid', 'paid on', 'bokningsdatum', 'booking date',
      'billing date', 'debiteringsdatum', 'date issued', 'issue date', 'issued on', 'issued', 'utfardad', 'kopt', 'inkopsdatum',
      'datum for kop', 'order datum', 'booked on', 'booking made on', 'ordredato', 'bestillingsdato', 'kjopsdato', 'kobsdato',
      'fakturadato', 'kvitteringsdato', 'bestelldatum', 'rechnungsdatum', 'kaufdatum', 'buchungsdatum', 'zahlungsdatum', 'bezahlt am',
      'bestellt am', 'gekauft am', 'bill date', 'billing date', 'statement date', 'date of issue', 'invoice issued', 'koebt', 'kjopt',
    ),
    ...tier(2, 'datum', 'date', 'dato', 'tid', 'time', 'placed', 'bokad', 'bestalld den'),
  ],
  exclude: [
    'leverans', 'delivery', 'forfallo', 'due', 'expir', 'giltig', 'valid', 'avgang', 'departure', 'ankomst', 'arrival', 'nasta',
    'next', 'forny', 'renew', 'period', 'fodelse', 'birth', 'start', 'slut', '(?<![a-z])end', 'check-?\\s?in', 'check-?\\s?out',
    'incheckning', 'utcheckning', 'upphamt', 'pick-?\\s?up', 'retur', 'return', 'senast', 'estimated', 'beraknad', 'ship', 'frakt',
    'resa', 'travel', 'trip', 'flight', 'avresa', 'hemresa', 'outbound', 'levering', 'lieferung', 'liefer', 'versand', 'forfall', 'fallig',
    'abfahrt', 'ankunft', 'gultig', 'zeitraum', 'member', 'medlem', 'since', 'sedan', 'seit', 'siden', 'kunde seit', 'geboren',
  ],
};

export const ORDER_ID_LABELS: LabelSet = {
  name: 'order_id',
  labels: [
    ...tier(1,
      'ordernummer', 'ordernr', 'order nr', 'order-nr', 'order number', 'order no', 'order #', 'order id', 'order-id', 'orderid',
      'ordernumber', 'order ref', 'order reference', 'bestallningsnummer', 'bestallningsnr', 'bestallning nr', 'bestallning #',
      'your order', 'din order', 'din bestallning', 'order', 'bestallning', 'ordrenummer', 'ordrenr', 'ordre nr', 'ordre-nr',
      'bestillingsnummer', 'bestillingsnr', 'ordre', 'bestilling', 'bestallnings-id', 'bestallningsid', 'order-id', 'bestellnummer',
      'bestell-nr', 'bestellnr', 'bestellung nr', 'bestellung', 'auftragsnummer', 'auftrags-nr', 'ihre bestellung', 'ordre-id', 'ordreid',
      'bestillings-id', 'bestell-id', 'auftragsnr', 'ordrenr',
    ),
    ...tier(2,
      'bokningsnummer', 'bokningsreferens', 'bokningsnr', 'bokningskod', 'booking number', 'booking reference', 'booking ref',
      'booking id', 'booking code', 'booking no', 'bokning', 'booking', 'pnr', 'reservation number', 'reservation code', 'reservation no',
      'reservation', 'buchungsnummer', 'buchungs-nr', 'buchungscode', 'buchung', 'reservierungsnummer', 'bookingnummer', 'reservationsnummer',
    ),
    ...tier(3, 'bon-nr', 'bonnummer', 'belegnummer', 'beleg-nr', 'quittungsnummer', 'kvitteringsnr', 'kvitteringsnummer', 'kvittering', 'kvittonummer', 'kvittonr', 'kvitto nr', 'kvitto #', 'kvitto-id', 'receipt number', 'receipt no', 'receipt #', 'receipt id', 'kvitto', 'receipt'),
    ...tier(4, 'rechnungsnummer', 'rechnungs-nr', 'rechnungsnr', 'rechnung nr', 'rechnung', 'fakturanummer', 'bill reference', 'bill number', 'fakturareferens', 'fakturanummer', 'fakturanr', 'faktura nr', 'invoice number', 'invoice no', 'invoice #', 'invoice id', 'faktura', 'invoice'),
    ...tier(5, 'bekraftelsenummer', 'confirmation number', 'confirmation code', 'confirmation #', 'confirmation no'),
    ...tier(6, 'transaktions-id', 'transaktionsnummer', 'transaction id', 'transaction number', 'referensnummer', 'reference number', 'referens', 'reference',
      'referanse', 'referenz', 'referencenummer'),
  ],
  exclude: ['datum', 'date', 'dato', 'status', 'summa', 'total', 'belopp', 'amount', 'typ', 'type', 'betrag'],
};

export const RECEIPT_NUMBER_LABELS: LabelSet = {
  name: 'receipt_number',
  labels: tier(1, 'kvittonummer', 'kvittonr', 'kvitto nr', 'kvitto #', 'kvitto-id', 'receipt number', 'receipt no', 'receipt #', 'receipt id',
    'kvitteringsnummer', 'kvitteringsnr', 'quittungsnummer', 'belegnummer', 'bon-nr'),
  exclude: [],
};

export const INVOICE_NUMBER_LABELS: LabelSet = {
  name: 'invoice_number',
  labels: tier(1, 'fakturanummer', 'fakturanr', 'faktura nr', 'invoice number', 'invoice no', 'invoice #', 'invoice id', 'rechnungsnummer', 'rechnungs-nr', 'bill number'),
  exclude: [],
};

export const BOOKING_REFERENCE_LABELS: LabelSet = {
  name: 'booking_reference',
  labels: tier(1,
    'bokningsnummer', 'bokningsreferens', 'bokningsnr', 'bokningskod', 'booking number', 'booking reference', 'booking ref',
    'booking id', 'booking code', 'booking no', 'pnr', 'confirmation code', 'bekraftelsekod', 'bekraftelsenummer', 'confirmation number',
    'reservation number', 'reservation code', 'buchungsnummer', 'buchungscode', 'reservierungsnummer', 'bookingnummer', 'bestillingsnummer', 'reservationsnummer',
  ),
  exclude: [],
};

export const DELIVERY_FEE_LABELS: LabelSet = {
  name: 'delivery_fee',
  labels: tier(1,
    'leveransavgift', 'leveranskostnad', 'fraktavgift', 'fraktkostnad', 'frakt', 'hemleverans', 'utkorningsavgift', 'utkorning',
    'budavgift', 'leverans', 'delivery fee', 'delivery charge', 'delivery', 'shipping & handling', 'shipping and handling',
    'shipping fee', 'shipping', 'postage', 'porto', 'versandkosten', 'versand', 'lieferkosten', 'liefergebuhr', 'lieferung', 'fragt', 'levering',
    'leveringsgebyr', 'fraktgebyr', 'utkjoring',
  ),
  exclude: ['datum', 'date', 'dato', 'adress', 'address', 'adresse', 'estimated', 'beraknad', 'status', '(?<![a-z])tid(?![a-z])', 'time', 'info', 'satt', 'art(?![a-z])', 'metode', 'made'],
};

export const DISCOUNT_LABELS: LabelSet = {
  name: 'discount',
  labels: tier(1,
    'rabattkod', 'kampanjrabatt', 'rabatt', 'kampanj', 'erbjudande', 'du sparar', 'du sparade', 'discount', 'promo code', 'promo',
    'promotion', 'kupong', 'coupon', 'voucher', 'you save', 'you saved', 'savings', 'medlemsrabatt', 'member discount', 'rabat', 'gutschein',
    'nachlass', 'ersparnis',
  ),
  exclude: [],
};

export const TAX_LABELS: LabelSet = {
  name: 'tax',
  labels: tier(1,
    'varav moms', 'moms', 'mervardesskatt', 'inklusive moms', 'inkl. moms', 'inkl moms', 'vat', 'sales tax', 'tax', 'mva', 'includes vat',
    'included vat', 'total vat', 'total tax', 'totalt moms', 'estimated tax', 'herav mva', 'heraf moms', 'merverdiavgift', 'taxes', 'mwst',
    'enthaltene mwst', 'enth. mwst', 'inkl. mwst', 'mehrwertsteuer', 'ust', 'umsatzsteuer', 'steuern', 'steuer', 'heraf moms', 'herav moms',
  ),
  exclude: ['exkl', 'excl', 'nummer', 'number', 'reg', 'id(?![a-z])'],
};

export const PAYMENT_METHOD_LABELS: LabelSet = {
  name: 'payment_method',
  labels: tier(1,
    'betalningsmetod', 'betalningssatt', 'betalsatt', 'betalmetod', 'betalt med', 'betalat med', 'betalning', 'payment method',
    'payment type', 'paid with', 'paid by', 'payment', 'betalkort', 'kortbetalning', 'card', 'kort', 'zahlungsart', 'zahlungsmethode', 'bezahlt mit',
    'betalingsmate', 'betalingsmetode', 'betaling', 'betalt med', 'betalingsform',
  ),
  exclude: ['datum', 'date', 'status', 'nummer', 'number', 'id(?![a-z])', 'referens', 'reference'],
};

export const PASSENGER_LABELS: LabelSet = {
  name: 'passenger',
  labels: tier(1, 'reisende', 'fahrgaste', 'fahrgast', 'passagiere', 'passagier', 'rejsende', 'resenarer', 'resenar', 'passagerare', 'passengers', 'passenger', 'travellers', 'traveller', 'travelers', 'traveler', 'guest', 'gast', 'namn', 'name'),
  exclude: ['typ', 'type', 'antal', 'number'],
};

export const FROM_LABELS: LabelSet = {
  name: 'from',
  labels: tier(1, 'fran', 'from', 'avgang fran', 'departure from', 'departs from', 'origin', 'avreseort', 'pickup', 'upphamtning'),
  exclude: [],
};

export const TO_LABELS: LabelSet = {
  name: 'to',
  labels: tier(1, 'till', 'to', 'destination', 'ankomst till', 'arrival at', 'arrives at', 'dropoff', 'drop-off', 'avlamning'),
  exclude: [],
};

export const DEPARTURE_LABELS: LabelSet = {
  name: 'departure',
  labels: tier(1, 'avgang', 'avresa', 'utresa', 'departure', 'departs', 'depart', 'outbound', 'pickup time', 'upphamtning', 'abfahrt', 'abflug', 'afgang'),
  exclude: [],
};

export const ARRIVAL_LABELS: LabelSet = {
  name: 'arrival',
  labels: tier(1, 'ankomst', 'arrival', 'arrives', 'arrive', 'framme', 'ankunft'),
  exclude: [],
};

export const STORE_LABELS: LabelSet = {
  name: 'store',
  labels: tier(1, 'butik', 'store', 'varuhus', 'shop', 'affar', 'markt', 'filiale', 'butikk', 'geschaft'),
  exclude: ['adress', 'address', 'nummer', 'number', 'id(?![a-z])', 'oppettider', 'hours'],
};

export const ADDRESS_LABELS: LabelSet = {
  name: 'address',
  labels: tier(1, 'butiksadress', 'store address', 'adress', 'address', 'besoksadress', 'location', 'plats', 'anschrift', 'adresse', 'filialadresse'),
  exclude: ['e-?post', 'e-?mail', 'leverans', 'delivery', 'faktura', 'billing', 'ip'],
};

export const USAGE_LABELS: LabelSet = {
  name: 'usage',
  labels: tier(1, 'forbrukning', 'din forbrukning', 'anvandning', 'consumption', 'usage', 'data usage', 'data used', 'datamangd', 'surf', 'matarstallning',
    'forbruk', 'verbrauch', 'forbrug'),
  exclude: [],
};

export const PERIOD_LABELS: LabelSet = {
  name: 'period',
  labels: tier(1, 'abonnemangsperiod', 'prenumerationsperiod', 'faktureringsperiod', 'billing period', 'subscription period', 'period', 'plan', 'abonnemang',
    'prenumeration', 'subscription', 'abrechnungszeitraum', 'leistungszeitraum', 'zeitraum', 'abonnement', 'abo', 'faktureringsperiode', 'periode'),
  exclude: [],
};

/** Every label that introduces a summary value: an item row never starts with one. */
export const SUMMARY_LABEL_SETS: readonly LabelSet[] = [TOTAL_LABELS, DELIVERY_FEE_LABELS, DISCOUNT_LABELS, TAX_LABELS, PAYMENT_METHOD_LABELS];
