import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_dependencies_point_one_way():
    """The import-linter contracts in pyproject.toml: the engine imports nothing of the project,
    and adapters sit above domain apps, which sit above core."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_engine_contract_forbids_every_project_package():
    """The engine's contract names the project as a whole, not a list that a new package (web,
    api and accounts were missing from one) silently falls out of."""
    import fnmatch
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    engine = next(c for c in contracts if c.get("source_modules") == ["phakhi.engine"])
    packages = [
        f"phakhi.{path.parent.name}"
        for path in (ROOT / "phakhi").glob("*/__init__.py")
        if path.parent.name != "engine"
    ]
    assert packages
    unforbidden = [
        package
        for package in packages
        if not any(fnmatch.fnmatchcase(package, pattern) for pattern in engine["forbidden_modules"])
    ]
    assert unforbidden == []
