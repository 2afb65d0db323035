"""An import's files go with it, however it is deleted: from its page, by the pruning of old
uploads, or with its workspace (a cascade, which calls no service)."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from phakhi.imports.models import ImportJob


@receiver(post_delete, sender=ImportJob)
def remove_stored_files(sender: type[ImportJob], instance: ImportJob, **kwargs: Any) -> None:
    """Once the deletion is committed: a deletion rolled back keeps its files."""
    files = instance.stored_files()

    def remove() -> None:
        for path in files:
            path.unlink(missing_ok=True)

    transaction.on_commit(remove)
