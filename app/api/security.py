"""API-key authentication, scopes and per-key rate limits, as route dependencies.

Each router under app/api declares `read_scope`, `write_scope` or `admin_scope` itself, so that its routes carry
it (`authenticate_first` looks there). With AUTH_DISABLED=true (local use only) every request passes and nothing is
rate-limited.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from app.observability import metrics
from app.observability.logging import api_key_var
from app.security.keys import ApiKey, Scope
from app.security.ratelimit import retry_after_header
from app.services import Services

bearer = HTTPBearer(auto_error=False, description="An API key, sent as `Authorization: Bearer smg_...`")
api_key_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="An API key, sent as `X-API-Key: smg_...`"
)
CHALLENGE = 'Bearer realm="smartmeet"'


def _unauthorized(reason: str, detail: str, challenge: str = CHALLENGE) -> HTTPException:
    metrics.AUTH_FAILURES.labels(reason).inc()
    return HTTPException(401, detail, headers={"WWW-Authenticate": challenge})


class Require:
    """The route dependency: a valid key with `scope` (None: any valid key; the route then checks the scope itself,
    with `ensure_scope`). Marks the request as authorized, so errors met before it ran can authenticate first."""

    def __init__(self, scope: Scope | None) -> None:
        self.scope = scope

    async def __call__(
        self,
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)] = None,
        header_key: Annotated[str | None, Security(api_key_header)] = None,
    ) -> ApiKey | None:
        services: Services = request.app.state.services
        if services.settings.auth_disabled:
            request.state.authorized = True
            return None
        key = credentials.credentials if credentials else header_key
        if not key:
            _limit(services, _client(request))
            raise _unauthorized("missing", "send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'")
        api_key = await services.keys.authenticate(key.strip())
        if api_key is None:
            _limit(services, _client(request))
            raise _unauthorized("invalid", "the API key is unknown or revoked",
                                f'{CHALLENGE}, error="invalid_token"')
        api_key_var.set(api_key.key_id)
        if self.scope is not None:
            ensure_scope(api_key, self.scope)
        _limit(services, api_key.key_id)
        request.state.authorized = True
        return api_key


def ensure_scope(api_key: ApiKey | None, scope: Scope) -> None:
    """403 unless the key has `scope`; None (auth disabled) passes."""
    if api_key is not None and scope not in api_key.scopes:
        metrics.AUTH_FAILURES.labels("scope").inc()
        raise HTTPException(403, f"this API key lacks the '{scope}' scope")


async def authenticate_first(request: Request) -> None:
    """FastAPI reads a JSON body before it runs a route's dependencies, so a malformed body would answer 422 (or
    400) before the key is looked at. Error handlers call this first: it raises the 401/403/429 the route's `Require`
    would have, and returns when the key is good (or the route is open) so the body's own error is answered."""
    if getattr(request.state, "authorized", False):
        return
    dependant = getattr(request.scope.get("route"), "dependant", None)
    for dependency in dependant.dependencies if dependant else []:
        if isinstance(dependency.call, Require):
            await dependency.call(request, await bearer(request), await api_key_header(request))


def _client(request: Request) -> str:
    """Requests without a valid key share one bucket per client address (keys are never bucket names)."""
    return f"client:{request.client.host if request.client else 'unknown'}"


def _limit(services: Services, bucket: str) -> None:
    wait = services.rate_limiter.acquire(bucket)
    if wait:
        metrics.RATE_LIMITED.inc()
        raise HTTPException(429, "rate limit exceeded; slow down", headers={"Retry-After": retry_after_header(wait)})


write_key = Require(Scope.WRITE)
read_scope = Depends(Require(Scope.READ))
write_scope = Depends(write_key)
admin_scope = Depends(Require(Scope.ADMIN))
# In a route's own parameters (FastAPI runs a dependency once per request, so `write_key` there is the router's).
WriteKey = Annotated[ApiKey | None, Depends(write_key)]
AnyKey = Annotated[ApiKey | None, Depends(Require(None))]
