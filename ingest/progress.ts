// Ingest progress: a live bar on a terminal, a plain line every few seconds otherwise (CI, logs, pipes).
import { SingleBar, Presets } from 'cli-progress';

export interface ProgressState {
  filesDone: number;
  filesTotal: number;
  articles: number;
  startedAt: number;
}

export interface ProgressReporter {
  update(state: ProgressState): void;
  stop(): void;
}

const rate = (state: ProgressState) =>
  state.articles / Math.max((Date.now() - state.startedAt) / 1000, 0.001);

export function createProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        stream,
        format:
          'ingest [{bar}] {value}/{total} files | {articles} articles | {rate} articles/s | ETA {eta_formatted}',
        hideCursor: true,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update(state) {
        const payload = { articles: state.articles, rate: rate(state).toFixed(0) };
        if (!started) {
          bar.start(state.filesTotal, state.filesDone, payload);
          started = true;
        } else bar.update(state.filesDone, payload);
      },
      stop: () => bar.stop(),
    };
  }
  let lastLine = 0;
  return {
    update(state) {
      const now = Date.now();
      if (now - lastLine < 5000 && state.filesDone !== state.filesTotal) return;
      lastLine = now;
      stream.write(
        `ingest: ${state.filesDone}/${state.filesTotal} files, ${state.articles} articles, ${rate(state).toFixed(0)} articles/s\n`,
      );
    },
    stop: () => {},
  };
}

export const silentProgress: ProgressReporter = { update: () => {}, stop: () => {} };
