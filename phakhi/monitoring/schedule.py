"""The snapshot scheduler of ``phakhi worker``: a thread beside the task loop that, soon after
the worker starts and then every ``CHECK_EVERY``, queues the scorecard snapshots that are due
(``snapshots.snapshots_schedule``). Each worker runs one; ``snapshots.py`` says why several at
once take each period's snapshot once."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from types import TracebackType

from django.db import close_old_connections, connection

from phakhi.monitoring.snapshots import snapshots_schedule

CHECK_EVERY = dt.timedelta(hours=1)
FIRST_CHECK_AFTER = dt.timedelta(seconds=30)  # let the worker start its loop first
log = logging.getLogger(__name__)


class SnapshotScheduler:
    """``with SnapshotScheduler():`` around a worker's run."""

    def __init__(
        self, every: dt.timedelta = CHECK_EVERY, first: dt.timedelta = FIRST_CHECK_AFTER
    ) -> None:
        self.every, self.first = every, first
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="snapshot-scheduler", daemon=True)

    def __enter__(self) -> SnapshotScheduler:
        self._thread.start()
        return self

    def _run(self) -> None:
        wait = self.first
        while not self._stopped.wait(wait.total_seconds()):
            wait = self.every
            try:
                close_old_connections()
                queued = snapshots_schedule()
                if queued:
                    log.info("queued %s scorecard snapshots", queued)
            except Exception:  # a database away for a moment: try again at the next check
                log.exception("could not queue the scorecard snapshots")
            finally:
                connection.close()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stopped.set()
        self._thread.join(timeout=5)
