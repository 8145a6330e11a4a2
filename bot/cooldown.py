"""Per-member flood control: a token bucket (a burst, then one question per cooldown period)."""

from __future__ import annotations

import time


class Cooldown:
    def __init__(self, burst: int, seconds_per_question: float, clock=time.monotonic) -> None:
        self.burst = burst
        self.seconds = seconds_per_question
        self._clock = clock
        self._buckets: dict[int, tuple[float, float]] = {}  # member → (tokens, last refill)

    def retry_after(self, member_id: int) -> float:
        """0 and a token taken if the member may ask now; otherwise seconds until they may."""
        if self.seconds <= 0:
            return 0.0
        now = self._clock()
        tokens, last = self._buckets.get(member_id, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) / self.seconds)
        if tokens >= 1.0:
            self._buckets[member_id] = (tokens - 1.0, now)
            return 0.0
        self._buckets[member_id] = (tokens, now)
        return (1.0 - tokens) * self.seconds
