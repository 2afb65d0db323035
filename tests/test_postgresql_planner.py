"""PostgreSQL connections carry the planner cost for SSD storage (docs/operations.md): with
PostgreSQL's default, broad directory searches read the whole actor table."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_postgresql_connections_use_the_ssd_planner_cost() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        (value,) = cursor.fetchone()
    assert float(value) == pytest.approx(1.1)
