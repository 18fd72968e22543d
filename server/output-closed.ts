/**
 * A server whose standard output or error is closed must keep serving. Under systemd a restarted
 * journald, behind a pipe a reader that went away (`pushboard | head`): the next log line's write
 * fails with EPIPE, asynchronously, and a stream's 'error' with no listener ends the process. For
 * the one process that deletes groups, a lost log line is the lesser harm: the line is dropped and
 * the server goes on. Other write errors still end it, as before.
 */
export function surviveClosedOutput(streams: NodeJS.WritableStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}
