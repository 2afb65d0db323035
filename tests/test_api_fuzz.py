"""The API fuzzed against its own OpenAPI schema (schemathesis, in-process through WSGI): for
every role — admin, coordinator (of all networks and of one), member, viewer — no input gives a
server error and every answer matches the schema.

Bounded and deterministic: a few derandomized examples per operation and mode, so the whole
test takes well under a minute on the 2-core machine.
"""

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import response_schema_conformance

from phakhi.accounts.services import token_create
from phakhi.analysis.services import analysis_request
from tests.accounts_support import AUTHOR, user_with_role

EXAMPLES_PER_OPERATION = 4
CHECKS = [not_a_server_error, response_schema_conformance]


@pytest.fixture
def same_connection() -> Iterator[None]:
    """Requests run in this thread on the test's transaction: keep Django from closing the
    connection at the start and end of each request, as its own test client does."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


def _known_ids(data: dict[str, Any], run_id: int) -> dict[str, Any]:
    """Path values that exist, so that the fuzzer reaches past the look-ups."""
    return {
        "slug": data["workspace"].slug,
        "actor_id": data["person"].pk,
        "tie_id": data["tie"].pk,
        "network": data["network"].slug,
        "run_id": run_id,
    }


def _fuzz(operation: Any, token: str, path_parameters: dict[str, Any] | None) -> None:
    names = {p.name for p in operation.path_parameters}
    fixed = {k: v for k, v in (path_parameters or {}).items() if k in names} or None
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        strategy = operation.as_strategy(generation_mode=mode, path_parameters=fixed)

        @given(case=strategy)
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: Any) -> None:
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)

        check()


@pytest.mark.slow
@pytest.mark.parametrize(
    "role", ["admin", "coordinator", "limited-coordinator", "member", "viewer"]
)
def test_the_api_never_errors_and_always_matches_its_schema(
    role: str, data: dict[str, Any], author: Any, same_connection: None
) -> None:
    run = analysis_request(author, data["workspace"], background=False)
    networks = (data["network"],) if role == "limited-coordinator" else ()
    user = user_with_role(data["workspace"], role.split("-")[-1], networks=networks)
    _, token = token_create(AUTHOR, user)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
    results = list(schema.get_all_operations())
    operations = [result.ok() for result in results if isinstance(result, Ok)]
    assert len(operations) == len(results) >= 18  # every operation's schema could be read
    for operation in operations:
        _fuzz(operation, token, _known_ids(data, run.pk))  # deep: real workspace and ids
        _fuzz(operation, token, None)  # wide: any slug and id
