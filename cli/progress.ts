import cliProgress from 'cli-progress';

/**
 * A progress bar on stderr when it is a terminal; plain lines otherwise, so
 * logs of scripts stay readable. `update(label, done, total)`.
 */
export function progressBar() {
  const tty = Boolean(process.stderr.isTTY);
  let bar: cliProgress.SingleBar | undefined;
  let lastLabel = '';
  return {
    update(label: string, done: number, total: number) {
      if (!tty) {
        if (label !== lastLabel) process.stderr.write(`… ${label}\n`);
        lastLabel = label;
        return;
      }
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: '{bar} {percentage}% | {label}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done, { label });
      }
      bar.setTotal(total);
      bar.update(done, { label });
    },
    stop() {
      bar?.stop();
    },
  };
}
