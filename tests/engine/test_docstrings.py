"""The examples in the engine's docstrings run and print what they say."""

import doctest
import importlib
import pkgutil

import pytest

import phakhi.engine

MODULES = sorted(
    info.name for info in pkgutil.iter_modules(phakhi.engine.__path__, "phakhi.engine.")
)


@pytest.mark.parametrize("name", ["phakhi.engine", *MODULES])
def test_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_every_public_function_of_the_package_has_an_example():
    for name in phakhi.engine.__all__:
        obj = getattr(phakhi.engine, name)
        if name in ("Actors", "Ties") or (callable(obj) and not isinstance(obj, type)):
            assert ">>>" in (obj.__doc__ or ""), name
