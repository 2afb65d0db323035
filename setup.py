"""The build step pyproject.toml cannot say: a wheel carries the translations compiled
(phakhi/locale/<language>/LC_MESSAGES/django.mo, from locale/*.po with polib), so that a plain
`pip install .` speaks Thai without `make`. Editable installs read the source tree's catalogues,
which the settings compile when stale (phakhi/core/catalogues.py)."""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithCatalogues(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        sys.path.insert(0, str(ROOT))
        from phakhi.core.catalogues import compile_into

        compile_into(ROOT / "locale", Path(self.build_lib) / "phakhi" / "locale")


setup(cmdclass={"build_py": BuildWithCatalogues})
