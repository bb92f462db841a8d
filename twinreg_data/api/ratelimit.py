"""A rate limit per client address for the read API: a token bucket of `burst` requests, refilled at `per_minute`.

The client address is the one sign-in counts against (auth.client_address: the peer, or behind a trusted proxy
the address X-Forwarded-For names), so a visitor cannot pick a fresh address per request. Limits come from the
environment: TWINREG_API_RATE (requests per minute per client, 0 turns the limit off) and TWINREG_API_BURST.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

DEFAULT_PER_MINUTE = 120
DEFAULT_BURST = 60
MAX_CLIENTS = 10_000  # buckets kept at most; full (idle) ones are forgotten first


@dataclass(frozen=True)
class RateLimits:
    per_minute: float = DEFAULT_PER_MINUTE
    burst: int = DEFAULT_BURST

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> RateLimits:
        """From TWINREG_API_RATE and TWINREG_API_BURST; a value that is not a number keeps the default."""
        env = os.environ if environ is None else environ

        def number(name: str, default: float) -> float:
            try:
                value = float(env.get(name, default))
            except ValueError:
                return default
            return value if value >= 0 and math.isfinite(value) else default

        per_minute = number("TWINREG_API_RATE", DEFAULT_PER_MINUTE)
        return cls(per_minute=per_minute, burst=max(1, int(number("TWINREG_API_BURST", DEFAULT_BURST))))


class RateLimiter:
    """Thread-safe token buckets per client; `take(client)` is 0 when the request may go on, else the seconds
    until it may (the Retry-After)."""

    def __init__(self, limits: RateLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # client → (tokens, when counted)

    def take(self, client: str) -> int:
        if not self.limits.enabled:
            return 0
        rate = self.limits.per_minute / 60.0  # tokens per second
        now = self._clock()
        with self._lock:
            tokens, then = self._buckets.get(client, (float(self.limits.burst), now))
            tokens = min(float(self.limits.burst), tokens + (now - then) * rate)
            if tokens >= 1:
                self._buckets[client] = (tokens - 1, now)
                if len(self._buckets) > MAX_CLIENTS:
                    self._forget_full(now, rate)
                return 0
            self._buckets[client] = (tokens, now)
            return max(1, math.ceil((1 - tokens) / rate))

    def _forget_full(self, now: float, rate: float) -> None:
        full = [c for c, (tokens, then) in self._buckets.items()
                if tokens + (now - then) * rate >= self.limits.burst]
        for client in full:
            del self._buckets[client]
        excess = len(self._buckets) - MAX_CLIENTS
        if excess > 0:  # all busy: the longest-uncounted go
            for client in sorted(self._buckets, key=lambda c: self._buckets[c][1])[:excess]:
                del self._buckets[client]
