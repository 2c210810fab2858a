// The project resolves modules with `moduleResolution: node`, which ignores package
// `exports`; this maps cheerio's htmlparser2-only entry (no parse5) to its typings.
declare module 'cheerio/slim' {
  export * from 'cheerio/dist/commonjs/slim';
}
