"""The server: app.py as a Streamlit app with TwinReg's own middleware. Run it with `streamlit run server.py`.

Streamlit runs on Starlette; `st.App` takes routes, middleware and a lifespan. Here they bound what uploads
the server holds (twinreg_data/uploads.py, SECURITY.md "Uploads"), set the session cookie of a local
sign-in (twinreg_data/sessions.py) and serve the read API at /api/v1 (twinreg_data/api). This module and
app.py are the only places that touch Streamlit's runtime: the held bytes are read from its upload manager.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import streamlit as st
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from streamlit import config, runtime
from streamlit.logger import get_logger

from twinreg_data import sessions
from twinreg_data.api import API_PREFIX
from twinreg_data.api.app import api_routes
from twinreg_data.auth import AuthConfig
from twinreg_data.store import default_db_path, open_store
from twinreg_data.uploads import GATE, HeldUploads, UploadLimitMiddleware

_LOG = get_logger("twinreg.server")


def _upload_manager():
    return runtime.get_instance().uploaded_file_mgr if runtime.exists() else None


def held_uploads() -> HeldUploads:
    manager = _upload_manager()
    storage = dict(getattr(manager, "file_storage", {}) or {})
    return HeldUploads({session: sum(len(f.data) for f in list(files.values()))
                        for session, files in storage.items()})


def drop_ended_sessions() -> set[str]:
    """Drop the files of sessions that are no longer connected; their ids."""
    manager = _upload_manager()
    if manager is None:
        return set()
    held = held_uploads().by_session
    ended = {s for s in held if not runtime.get_instance().is_active_session(s)}
    for session_id in ended:
        manager.remove_session_files(session_id)
    if ended:
        _LOG.info("uploads: dropped %d bytes held for %d ended session(s)", sum(held[s] for s in ended), len(ended))
    return ended


@contextlib.asynccontextmanager
async def lifespan(_app: st.App) -> AsyncIterator[None]:
    async def sweep() -> None:
        while True:
            await asyncio.sleep(GATE.limits.sweep_seconds)
            GATE.forget(drop_ended_sessions())

    task = asyncio.create_task(sweep())
    try:
        yield
    finally:
        task.cancel()


async def hand_over_session(request: Request) -> Response:
    """Set (or clear) the session cookie a sign-in or sign-out handed over, then go on to the page."""
    handoff = sessions.HANDOFFS.take(request.query_params.get("handoff", ""))
    if handoff is None:
        return RedirectResponse("/", status_code=303)
    response = RedirectResponse(sessions.local_path(handoff.next_path), status_code=303)
    secure = request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"
    if handoff.cookie_value:
        response.set_cookie(sessions.COOKIE_NAME, handoff.cookie_value, max_age=handoff.max_age, path="/",
                            httponly=True, samesite="lax", secure=secure)
    else:
        response.delete_cookie(sessions.COOKIE_NAME, path="/", httponly=True, samesite="lax", secure=secure)
    if handoff.device_value:
        response.set_cookie(sessions.DEVICE_COOKIE_NAME, handoff.device_value, max_age=sessions.DEVICE_DAYS * 86400,
                            path="/", httponly=True, samesite="lax", secure=secure)
    response.headers["Cache-Control"] = "no-store"
    return response


def api_store():
    """The process's store, the same one the pages read (st_cache opens it with open_store too)."""
    return open_store(default_db_path())


def auth_config() -> AuthConfig:
    """The `[twinreg]` settings as app.py reads them (st.secrets keeps the parsed file)."""
    try:
        secrets = st.secrets.to_dict()
    except Exception:  # no secrets.toml: every setting keeps its default
        secrets = {}
    return AuthConfig.from_secrets(secrets)


def trusted_proxies() -> tuple[str, ...]:
    """The proxies whose X-Forwarded-For is believed, as for sign-in."""
    return auth_config().trusted_proxies


def data_is_public() -> bool:
    """Whether anonymous visitors may see the data; the read API has no sign-in, so it answers only then."""
    return auth_config().public


def api_prefix() -> str:
    """/api/v1 under the server's base URL path, where the pages are too."""
    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}{API_PREFIX}" if base else API_PREFIX


sessions.ROUTE_SERVED = True
app = st.App("app.py", lifespan=lifespan, routes=[
    Route(sessions.HANDOFF_PATH, hand_over_session, methods=["GET"]),
    *api_routes(api_store, trusted_proxies, prefix=api_prefix(), public=data_is_public),  # twinreg_data/api
], middleware=[
    Middleware(UploadLimitMiddleware, gate=GATE, held=held_uploads, drop_ended=drop_ended_sessions),
])
