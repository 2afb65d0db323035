"""Export a scope — a workspace, its networks, a filter, an ego network — to CSV, XLSX, GEXF,
GraphML or JSON.

Files are written beside their final name and renamed into place when complete, so a failed
export never leaves a half-written file where a good one is expected.
"""

from collections.abc import Callable
from pathlib import Path

from django.utils.translation import gettext as _

from phakhi.core.models import Workspace
from phakhi.core.personal import PersonalView
from phakhi.exports.errors import ExportError
from phakhi.exports.graphs import write_gexf, write_graphml
from phakhi.exports.jsonfile import write_json
from phakhi.exports.selectors import Export
from phakhi.exports.tabular import write_csv, write_xlsx
from phakhi.networks.models import Network
from phakhi.scope import Scope

__all__ = ["FORMATS", "ExportError", "export", "export_paths"]

Writer = Callable[[Export, list[Path], bool], None]

WRITERS: dict[str, Writer] = {
    "csv": write_csv,
    "xlsx": write_xlsx,
    "gexf": write_gexf,
    "graphml": write_graphml,
    "json": write_json,
}
FORMATS = tuple(WRITERS)


def export_paths(
    workspace: Workspace, fmt: str, path: Path | str, network: Network | None = None
) -> list[Path]:
    """The files an export writes. A CSV export is two files, so ``path`` is a folder (made if
    need be) that gets ``<workspace>-actors.csv`` and ``<workspace>-ties.csv`` (with the
    network's slug after the workspace's); a path naming one .csv file is refused, saying so.
    The other formats write ``path`` itself, or a file named that way in a folder."""
    path = Path(path)
    name = workspace.slug if network is None else f"{workspace.slug}-{network.slug}"
    if fmt == "csv":
        if path.suffix.lower() == ".csv" and not path.is_dir():
            folder = path.with_suffix("")
            raise ExportError(
                _(
                    "A CSV export is two files, actors and ties: give a folder to write them "
                    "in instead of %(path)s, for example %(folder)s (the files will be "
                    "%(actors)s and %(ties)s)."
                )
                % {
                    "path": path,
                    "folder": folder,
                    "actors": folder / f"{name}-actors.csv",
                    "ties": folder / f"{name}-ties.csv",
                }
            )
        return [path / f"{name}-actors.csv", path / f"{name}-ties.csv"]
    if path.is_dir():
        path = path / f"{name}.{fmt}"
    return [path]


def export(
    scope: Scope | Workspace,
    fmt: str,
    path: Path | str,
    network: Network | None = None,
    thai_headers: bool = False,
    view: PersonalView | None = None,
) -> list[Path]:
    """Write the actors and ties of ``scope`` in ``fmt`` — csv, xlsx, gexf, graphml or json —
    and return the paths written (see ``export_paths``: a CSV export goes into a folder). A
    workspace alone is everything it stores; with ``network``, that network's members and the
    ties among them.

    ``thai_headers`` gives CSV and XLSX Thai column headers, Thai kinds, sectors and yes/no
    (and XLSX Thai sheet names); an importer reads both. Graph and JSON files always use the
    English column names. ``view`` writes contacts and personal columns as one user may see
    them (see ``phakhi.core.personal``); without it, as they are stored.
    """
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ExportError(
            _("“%(format)s” is not an export format; use one of: %(formats)s.")
            % {"format": fmt, "formats": ", ".join(FORMATS)}
        )
    if isinstance(scope, Workspace):
        workspace = scope
        if network is not None and network.workspace_id != workspace.id:
            raise ExportError(
                _("The network “%(network)s” is not part of the workspace “%(workspace)s”.")
                % {"network": network.slug, "workspace": workspace.slug}
            )
        scope = Scope(workspace, networks=[network] if network else [])
    elif network is not None:
        raise ValueError("give the network in the scope")
    targets = export_paths(scope.workspace, fmt, path, scope.network)
    parts = [t.with_name(t.name + ".part") for t in targets]
    try:
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
        writer(Export(scope, view=view), parts, thai_headers)
    except OSError as error:
        _remove(parts)
        raise ExportError(
            _("Could not write %(path)s: %(reason)s")
            % {"path": error.filename or targets[0], "reason": error.strerror or error}
        ) from error
    except BaseException:
        _remove(parts)
        raise
    for part, target in zip(parts, targets, strict=True):
        part.replace(target)
    return targets


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
