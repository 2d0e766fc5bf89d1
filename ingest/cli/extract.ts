// npm run --silent extract -- FILE_OR_DIR... : prints one JSON object ({documents:[...]}) on stdout.
// Unreadable files are reported on stderr with their name; the run goes on and exits 1 at the end.

async function main(argv: string[]): Promise<number> {
  const inputs = argv.filter((a) => a !== '--');
  if (!inputs.length) {
    process.stderr.write('usage: npm run --silent extract -- FILE_OR_DIR...\n');
    return 2;
  }
  let failed = 0;
  let out;
  try {
    // imported here so that a bad lexicon table (CADRE_LEXICON_DIR) is reported like any other error
    const { extractFiles } = await import('../extract/index.ts');
    out = await extractFiles(inputs, (file, err) => {
      failed++;
      const msg = err.message.startsWith(file) ? err.message : `${file}: ${err.message}`;
      process.stderr.write(`extract: ${msg}\n`);
    });
  } catch (e) {
    process.stderr.write(`extract: ${(e as Error).message}\n`);
    return 1;
  }
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(JSON.stringify(out) + '\n', (err) => (err ? reject(err) : resolve())),
  );
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`extract: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
