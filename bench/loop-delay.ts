// Preloaded into the API server by `npm run bench:api` (node --import): measures how long the server's
// event loop is held up. SIGUSR2 prints the figures since the last report to stderr and starts anew.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
process.on('SIGUSR2', () => {
  const ms = (ns: number) => (ns / 1e6).toFixed(0);
  process.stderr.write(
    `event-loop: max ${ms(histogram.max)} ms, p99 ${ms(histogram.percentile(99))} ms, mean ${ms(histogram.mean)} ms\n`,
  );
  histogram.reset();
});
