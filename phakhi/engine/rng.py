"""igraph draws random numbers from one module-level generator (Python's ``random`` by default);
runs that must repeat themselves give it a seeded generator for the duration and put it back.
The generator is process-wide, hence the lock."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import igraph as ig

_lock = threading.Lock()


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """igraph's random choices inside the block depend only on ``seed``.

        >>> import igraph as ig

    _lock = threading.Lock()
        >>> with seeded(1):
        ...     first = ig.Graph.Erdos_Renyi(20, 0.2).get_edgelist()
        >>> with seeded(1):
        ...     first == ig.Graph.Erdos_Renyi(20, 0.2).get_edgelist()
        True
    """
    with _lock:
        ig.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            # python-igraph cannot report the generator in use; `random` is what it installs.
            ig.set_random_number_generator(random)
