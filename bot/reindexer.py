"""One reindex at a time from Discord, run in a thread, with progress reported back on the loop."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from index.engine import Engine
from index.errors import ReindexBusyError
from index.models import IndexReport
from index.store import Generation

log = logging.getLogger("briefbot")
ProgressSink = Callable[[str, int, int], Awaitable[None]]


@dataclass(frozen=True)
class ReindexOutcome:
    report: IndexReport
    before: Generation | None  # what questions were answered from until the publish
    after: Generation


class Reindexer:
    def __init__(self, engine: Engine, progress_interval: float = 1.0) -> None:
        self.engine = engine
        self.progress_interval = progress_interval
        self._lock = asyncio.Lock()

    @property
    def running(self) -> bool:
        return self._lock.locked()

    async def run(
        self, on_progress: ProgressSink | None = None, before: Callable[[], object] | None = None
    ) -> ReindexOutcome:
        """Run `before` (a corpus change) then an incremental reindex, both off the event loop.

        Questions keep being answered from the published generation until the new one is loaded.
        Progress is passed to `on_progress` at most once per `progress_interval`.
        """
        if self._lock.locked():
            raise ReindexBusyError(
                "a reindex is already running; its report will be posted here when it ends, try again then"
            )
        async with self._lock:
            loop = asyncio.get_running_loop()
            latest: list[tuple[str, int, int]] = []

            def progress(stage: str, done: int, total: int) -> None:
                loop.call_soon_threadsafe(latest.append, (stage, done, total))

            def work() -> ReindexOutcome:
                previous = self.engine.loaded_generation
                if before is not None:
                    before()
                report = self.engine.reindex(progress=progress)
                return ReindexOutcome(report, previous, self.engine.generation)

            task = asyncio.ensure_future(asyncio.to_thread(work))
            shown = None
            while not task.done():
                await asyncio.wait({task}, timeout=self.progress_interval)
                if on_progress and latest and latest[-1] != shown:
                    shown = latest[-1]
                    try:
                        await on_progress(*shown)
                    except Exception:  # a failed progress edit must not stop the reindex
                        log.warning("could not show reindex progress", exc_info=True)
            return task.result()
