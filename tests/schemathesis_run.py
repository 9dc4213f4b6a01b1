"""Run schemathesis against the app in-process (WSGI) for one OpenAPI document, with a bounded number of examples.

Each operation gets `max_examples` generated requests (hypothesis, derandomized so CI is repeatable); every
response goes through schemathesis's checks: no 5xx, the documented content type, and the documented response
schema for the status code (and, unless excluded, only documented status codes).
"""

from __future__ import annotations

from contextlib import contextmanager

import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance, status_code_conformance

__all__ = ["positive_data_acceptance", "run_schemathesis", "status_code_conformance"]


def _test_for(operation, calls: dict[str, int], *, max_examples: int, excluded_checks: tuple):
    @given(case=operation.as_strategy())
    @settings(max_examples=max_examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    def check(case):
        response = case.call()
        case.validate_response(response, excluded_checks=list(excluded_checks))
        calls[operation.label] += 1

    return check


@contextmanager
def connection_kept():
    """As Django's test client does: a request must not close the connection that holds the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def run_schemathesis(document: dict, *, max_examples: int = 15, excluded_checks: tuple = ()) -> dict[str, int]:
    """Calls per operation; raises the first failure schemathesis finds (with the request that caused it)."""
    schema = schemathesis.openapi.from_dict(document)
    schema.app = get_wsgi_application()
    calls: dict[str, int] = {}
    with connection_kept():
        for result in schema.get_all_operations():
            operation = result.ok()
            calls[operation.label] = 0
            _test_for(operation, calls, max_examples=max_examples, excluded_checks=excluded_checks)()
    return calls
