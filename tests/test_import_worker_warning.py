"""An import waiting in the background for a worker that is not running says so on its pages,
with how to start one, instead of a progress bar that never moves; a worker's signs of life
(phakhi.core.workers) take the warning away."""

import os
import time
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from phakhi.core.models import Workspace
from phakhi.core.workers import ALIVE_WITHIN, Heartbeat
from phakhi.imports.models import ImportJob
from tests.accounts_support import client_for, user_with_role
from tests.test_web_import import ROWS, check, csv_bytes, job_url, uploaded

WARNING = {"en": "No background worker is running", "th": "ไม่มีตัวทำงานเบื้องหลัง"}


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    return tmp_path


@pytest.fixture
def client(workspace: Workspace) -> Any:
    return client_for(user_with_role(workspace, "coordinator"))


@pytest.fixture
def queued(client: Any, workspace: Workspace, settings: Any) -> ImportJob:
    settings.PHAKHI_IMPORT_INLINE_ROWS = 3
    job = uploaded(client, workspace, "ภาคี.csv", csv_bytes(ROWS))
    check(client, job)
    job.refresh_from_db()
    assert job.step == "queued"
    return job


def _pages(client: Any, job: ImportJob, language: str = "en") -> list[str]:
    urls = [
        job_url("web:import-job", job),
        job_url("web:import-progress", job),
        reverse("web:import", args=[job.workspace.slug]),
    ]
    return [client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode() for url in urls]


@pytest.mark.parametrize("language", ["en", "th"])
def test_a_queued_import_without_a_live_worker_says_so_and_how_to_start_one(
    client: Any, queued: ImportJob, language: str
) -> None:
    for page in _pages(client, queued, language):
        assert WARNING[language] in page and "<code>phakhi worker</code>" in page


def test_a_live_worker_takes_the_warning_away(client: Any, queued: ImportJob) -> None:
    with Heartbeat():
        assert not any(WARNING["en"] in page for page in _pages(client, queued))


def test_a_worker_silent_for_too_long_counts_as_gone(client: Any, queued: ImportJob) -> None:
    gone = Heartbeat()
    gone.path.parent.mkdir(parents=True)
    gone.path.touch()
    long_ago = time.time() - ALIVE_WITHIN.total_seconds() - 5
    os.utime(gone.path, (long_ago, long_ago))
    assert all(WARNING["en"] in page for page in _pages(client, queued))


def test_no_warning_without_waiting_work_or_where_requests_run_the_tasks(
    client: Any, queued: ImportJob, settings: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert not any(WARNING["en"] in page for page in _pages(client, queued))
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    ImportJob.objects.filter(pk=queued.pk).update(status=ImportJob.Status.CHECKED)
    list_page = client.get(reverse("web:import", args=[queued.workspace.slug])).content.decode()
    assert WARNING["en"] not in list_page
