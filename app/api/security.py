"""API-key authentication, scopes and per-key rate limits, as route dependencies.

Attach `read_scope`, `write_scope` or `admin_scope` where a router is included (app/main.py). With
AUTH_DISABLED=true (local use only) every request passes and nothing is rate-limited.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
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


def require(scope: Scope) -> Callable[..., Awaitable[ApiKey | None]]:
    async def authorize(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)] = None,
        header_key: Annotated[str | None, Security(api_key_header)] = None,
    ) -> ApiKey | None:
        services: Services = request.app.state.services
        if services.settings.auth_disabled:
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
        if scope not in api_key.scopes:
            metrics.AUTH_FAILURES.labels("scope").inc()
            raise HTTPException(403, f"this API key lacks the '{scope}' scope")
        _limit(services, api_key.key_id)
        return api_key

    return authorize


def _client(request: Request) -> str:
    """Requests without a valid key share one bucket per client address (keys are never bucket names)."""
    return f"client:{request.client.host if request.client else 'unknown'}"


def _limit(services: Services, bucket: str) -> None:
    wait = services.rate_limiter.acquire(bucket)
    if wait:
        metrics.RATE_LIMITED.inc()
        raise HTTPException(429, "rate limit exceeded; slow down", headers={"Retry-After": retry_after_header(wait)})


read_scope = Depends(require(Scope.READ))
write_scope = Depends(require(Scope.WRITE))
admin_scope = Depends(require(Scope.ADMIN))
