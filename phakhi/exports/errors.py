class ExportError(Exception):
    """An export that cannot be written; the message says why and what to do instead."""
