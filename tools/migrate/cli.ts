import { main } from './migrate-command';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
