"""igraph draws random numbers from one module-level generator (Python's ``random`` by default);
runs that must repeat themselves give it a seeded generator for the duration and put it back."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

import igraph as ig


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """igraph's random choices inside the block depend only on ``seed``.

    >>> import igraph as ig
    >>> with seeded(1):
    ...     first = ig.Graph.Erdos_Renyi(20, 0.2).get_edgelist()
    >>> with seeded(1):
    ...     first == ig.Graph.Erdos_Renyi(20, 0.2).get_edgelist()
    True
    """
    ig.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        ig.set_random_number_generator(random)
