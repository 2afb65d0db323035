"""The worker that `phakhi serve` keeps beside itself: started with the server, started again
(with a growing pause) whenever it stops, and gone with the server however the server ends.

The server holds the write end of a pipe whose read end each worker watches: when the server
ends — even killed with SIGKILL, which runs none of its own code — the kernel closes the write
end, the worker reads end-of-file and stops itself. This works for any way of dying and on any
POSIX system, unlike watching for a new parent process id or Linux's PR_SET_PDEATHSIG (which
fires when the *thread* that started the child ends)."""

import os
import signal
import subprocess
import sys
import threading
import time

from django.utils import translation
from django.utils.translation import gettext as _

# Pauses between restarts: 1 s, doubling up to a minute; back to 1 s after a worker that ran
# for STEADY_AFTER (so a worker that dies at once does not spin, and a rare crash costs 1 s).
FIRST_PAUSE, LONGEST_PAUSE, STEADY_AFTER = 1.0, 60.0, 60.0
# How long a worker may take to finish its task after being asked to stop, before it is killed.
STOP_GRACE = 10.0


class WorkerSupervisor:
    def __init__(self, language: str) -> None:
        self.language = language
        # Not inherited by any child (os.pipe's ends are non-inheritable); only the read end is
        # handed to the workers (pass_fds), so the write end closes exactly when this process ends.
        self._read_end, self._write_end = os.pipe()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self.worker: subprocess.Popen[bytes] | None = None
        self._thread = threading.Thread(target=self._run, name="worker-supervisor", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _spawn(self) -> "subprocess.Popen[bytes]":
        command = [sys.executable, "-m", "phakhi.cli", "--lang", self.language, "worker"]
        command += ["--parent-pipe", str(self._read_end)]
        return subprocess.Popen(command, pass_fds=(self._read_end,))

    def _run(self) -> None:
        pause = FIRST_PAUSE
        while True:
            with self._lock:
                if self._stopping.is_set():
                    return
                self.worker = worker = self._spawn()
            started = time.monotonic()
            code = worker.wait()
            if self._stopping.is_set():
                return
            if time.monotonic() - started >= STEADY_AFTER:
                pause = FIRST_PAUSE
            with translation.override(self.language):
                message = _(
                    "phakhi: the background worker stopped (exit code %(code)s); "
                    "another starts in %(pause)s s."
                ) % {"code": code, "pause": f"{pause:g}"}
            print(message, file=sys.stderr, flush=True)
            if self._stopping.wait(pause):
                return
            pause = min(2 * pause, LONGEST_PAUSE)

    def stop(self) -> None:
        """Stop the worker (it finishes its task for up to STOP_GRACE) and start no other."""
        self._stopping.set()
        with self._lock:
            worker = self.worker
        if worker is not None:
            stop_worker(worker)
        self._thread.join(timeout=STOP_GRACE)


def stop_worker(worker: "subprocess.Popen[bytes]") -> None:
    worker.terminate()
    try:
        worker.wait(timeout=STOP_GRACE)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


def stop_with_parent(read_end: int) -> None:
    """In a worker started by `phakhi serve`: stop when the server has ended. SIGTERM is the
    worker's own graceful stop (the task under way finishes); one still running STOP_GRACE
    later ends at once, as the server would have ended it."""

    def watch() -> None:
        while os.read(read_end, 1):  # the server never writes: only end-of-file comes
            continue
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(STOP_GRACE)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
