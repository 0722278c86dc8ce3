import cliProgress from 'cli-progress';

/** A progress bar on stderr (silent when stderr is not a terminal, so logs stay clean). */
export function createProgress(label: string, total: number, unit = 'rows') {
  const enabled = process.stderr.isTTY === true;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`,
      hideCursor: true,
      noTTYOutput: false,
    },
    cliProgress.Presets.shades_classic,
  );
  if (enabled) bar.start(total, 0);
  return {
    update(value: number) {
      if (enabled) bar.update(value);
    },
    increment(by = 1) {
      if (enabled) bar.increment(by);
    },
    setTotal(total: number) {
      if (enabled) bar.setTotal(total);
    },
    stop() {
      if (enabled) bar.stop();
    },
  };
}
