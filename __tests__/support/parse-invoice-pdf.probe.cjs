// Runs the parse_invoice bundle's handler on a PDF (argv[3], default ./invoice.pdf) with
// in-memory S3 and DynamoDB stand-ins, from a directory with no node_modules.
'use strict';
const fs = require('node:fs');
const { createHandler } = require('./index.js');

const pdf = fs.readFileSync(process.argv[3] || './invoice.pdf');
const key = process.argv[2];
const gets = [];
const puts = [];
const s3 = {
  async send(command) {
    gets.push(command.input);
    return { ContentLength: pdf.length, Metadata: {}, Body: (async function* () { yield new Uint8Array(pdf); })() };
  },
};
const ddb = {
  async send(command) {
    // GetItem finds nothing (an empty table); writes are the commands with an Item.
    if (command.input.Item) puts.push(command.input);
    return {};
  },
};
const logs = [];
const logger = Object.fromEntries(['debug', 'info', 'warn', 'error'].map((level) => [level, (message, fields) => logs.push({ level, message, fields })]));
const handler = createHandler({ clients: { s3, ddb }, env: { DYNAMODB_TABLE: 'RentalInvoices' }, logger });
const event = {
  Records: [
    {
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      s3: { bucket: { name: 'rental-invoices-bucket' }, object: { key, size: pdf.length } },
    },
  ],
};
const started = Date.now();
// Peak RSS of this process (KB → MB): the bomb tests assert it.
const usage = () => ({ ms: Date.now() - started, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
handler(event).then(
  (envelope) => console.log('@@PROBE@@' + JSON.stringify({ envelope, gets, puts, logs, ...usage() })),
  (err) => {
    console.log('@@PROBE@@' + JSON.stringify({ thrown: String(err && err.stack ? err.stack : err), logs }));
  },
);
