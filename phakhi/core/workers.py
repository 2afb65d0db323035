"""Signs of life of the background task workers (`phakhi worker`), so that a page can say when
queued work has nobody to run it.

Each worker touches a file of its own under ``$PHAKHI_DATA_DIR/workers/`` every
``BEAT_EVERY`` and removes it when it stops. A file, not a row: the worker's thread must not
wait behind the long write transaction of the import it is running (SQLite lets one writer at a
time), and every worker that runs browser imports shares the data folder anyway (it reads the
uploads there)."""

import datetime as dt
import os
import socket
import threading
import time
from pathlib import Path
from types import TracebackType

from django.conf import settings

BEAT_EVERY = dt.timedelta(seconds=10)
# A worker silent for this long is gone (killed, or its machine stopped): several beats missed.
ALIVE_WITHIN = dt.timedelta(seconds=60)
# A gone worker's file is removed by the next reader after this long.
FORGOTTEN_AFTER = dt.timedelta(days=1)


def _folder() -> Path:
    return Path(settings.DATA_DIR) / "workers"


def workers_alive(now: float | None = None) -> int:
    """How many workers gave a sign of life within ALIVE_WITHIN."""
    now = time.time() if now is None else now
    alive = 0
    for path in _folder().glob("*.alive") if _folder().is_dir() else ():
        try:
            silent = now - path.stat().st_mtime
        except FileNotFoundError:  # it stopped meanwhile
            continue
        if silent <= ALIVE_WITHIN.total_seconds():
            alive += 1
        elif silent > FORGOTTEN_AFTER.total_seconds():
            path.unlink(missing_ok=True)
    return alive


def workers_needed() -> bool:
    """Whether queued tasks wait for a worker (not with PHAKHI_TASKS=immediate, where the
    request runs them)."""
    backend = settings.TASKS["default"]["BACKEND"]
    return not str(backend).endswith("ImmediateBackend")


class Heartbeat:
    """``with Heartbeat():`` around a worker's run: its file is touched every BEAT_EVERY by a
    thread of its own, and removed when the run ends."""

    def __init__(self) -> None:
        self.path = _folder() / f"{socket.gethostname()}-{os.getpid()}.alive"
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="heartbeat", daemon=True)

    def __enter__(self) -> "Heartbeat":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.touch()
        self._thread.start()
        return self

    def _beat(self) -> None:
        while not self._stopped.wait(BEAT_EVERY.total_seconds()):
            try:
                self.path.touch()
            except OSError:  # the folder is gone or full for a moment: beat again later
                continue

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stopped.set()
        self.path.unlink(missing_ok=True)
