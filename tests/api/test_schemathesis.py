"""Property-based requests from the OpenAPI schema against the live API: whatever the input, never a 5xx.

Bounded to a few dozen examples per operation so that it stays a few minutes; runs with auth disabled."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from app.config import Settings
from app.main import create_app
from tests.conftest import LiveServer

pytestmark = pytest.mark.slow

# The app's own schema (building the app connects to nothing); the requests go to the live server over HTTP.
schema = schemathesis.openapi.from_dict(create_app(Settings(_env_file=None, log_json=False)).openapi())


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_input_makes_the_api_fail_with_a_5xx(case: schemathesis.Case, live_server: LiveServer) -> None:
    case.call_and_validate(base_url=live_server.base_url, checks=[not_a_server_error], timeout=120)
