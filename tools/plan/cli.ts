import { main } from './plan-command';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
