from django.utils.translation import gettext as _

from phakhi.imports.report import ImportReport


def summary_text(report: ImportReport) -> str:
    """The report as a coordinator reads it in a terminal."""
    lines = [
        _("%(file)s (%(description)s): %(rows)d rows")
        % {"file": report.file, "description": report.description, "rows": report.rows},
        _(
            "  created %(created)d, updated %(updated)d, unchanged %(unchanged)d, rejected "
            "%(rejected)d"
        )
        % {k: getattr(report, k) for k in ("created", "updated", "unchanged", "rejected")},
    ]
    if report.ignored_columns:
        lines.append(
            _("  columns not read: %(columns)s")
            % {"columns": ", ".join(f"“{c}”" for c in report.ignored_columns)}
        )
    if "coparticipation" in report.timings:
        lines.append(
            _("  co-participation ties brought up to date in %(seconds).1f s")
            % {"seconds": report.timings["coparticipation"]}
        )
    if report.memberships_added:
        lines.append(_("  added %(n)d members to the network") % {"n": report.memberships_added})
    for error in sorted(report.errors, key=lambda e: e.line)[:50]:
        lines.append(
            _("  line %(line)d, %(column)s: %(reason)s")
            % {"line": error.line, "column": error.shown, "reason": error.reason}
        )
    if len(report.errors) > 50:
        lines.append(_("  … and %(n)d more problems") % {"n": len(report.errors) - 50})
    for duplicate in report.possible_duplicates[:20]:
        lines.append(
            _("  possible duplicate: %(a)s and %(b)s (%(reason)s)")
            % {"a": duplicate.keys[0], "b": duplicate.keys[1], "reason": duplicate.reason}
        )
    if len(report.possible_duplicates) > 20:
        lines.append(
            _("  … and %(n)d more possible duplicates")
            % {"n": len(report.possible_duplicates) - 20}
        )
    if report.errors_file:
        lines.append(_("  rejected rows with reasons: %(path)s") % {"path": report.errors_file})
    if report.dry_run:
        lines.append(_("  dry run: nothing was changed"))
    elif not report.applied:
        lines.append(_("  nothing was changed (--all-or-nothing and some rows were rejected)"))
    return "\n".join(lines)
