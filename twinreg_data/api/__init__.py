"""The read API: the monitor's public data over HTTP, served by the app's own process (`/api/v1/…`).

Anonymous and read-only. Every answer comes from the same read models as the pages (twinreg_data.queries), with
the same filters as the pages' links, in JSON, CSV and (for observations) JSON-stat 2.0. ETags follow the data
stamp, so clients can cache; each client address has a rate limit. Modules: `params` (what a request asks, and
the 400 answers), `resources` (the endpoints and their read models), `render` (JSON, CSV, JSON-stat), `ratelimit`,
`openapi` (the description at /api/v1/openapi.json), `app` (the Starlette routes server.py mounts) and `links`
(the API twin of a page's view link). Starlette only; no Streamlit here.
"""

API_PREFIX = "/api/v1"
