"""Framework-free network analysis on igraph: plain columns in, plain results out.

This package imports nothing of Django or the rest of Phakhi; an import-linter contract keeps it so.

>>> from phakhi.engine import Actors, Ties, analyze
>>> result = analyze(Actors(keys=["a", "b", "c"]), Ties(source=["a", "b"], target=["b", "c"]))
>>> result.network["diameter"], result.actors["betweenness"].tolist()
(2, [0.0, 1.0, 0.0])
"""

from phakhi.engine.analyze import ACTOR_KEYS, Analysis, Options, analyze
from phakhi.engine.compare import compare
from phakhi.engine.data import Actors, EngineInputError, Ties
from phakhi.engine.scope import ego, select

__all__ = [
    "ACTOR_KEYS",
    "Actors",
    "Analysis",
    "EngineInputError",
    "Options",
    "Ties",
    "analyze",
    "compare",
    "ego",
    "select",
]
