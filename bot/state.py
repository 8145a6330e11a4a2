"""The bot's durable state: answers given (question, filters, hits, asker) and the votes on them."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from index.errors import BriefbotError
from index.models import Answer, SearchFilters
from index.watch import Watch

SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created REAL NOT NULL,
    user_id INTEGER NOT NULL,
    question TEXT NOT NULL,
    filters TEXT NOT NULL,
    hits TEXT NOT NULL,
    abstained INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS watches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    created REAL NOT NULL,
    UNIQUE (user_id, kind, value)
);
CREATE TABLE IF NOT EXISTS votes (
    answer_id INTEGER NOT NULL REFERENCES answers(id),
    user_id INTEGER NOT NULL,
    vote INTEGER NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (answer_id, user_id)
);
"""


@dataclass(frozen=True)
class StoredAnswer:
    answer_id: int
    user_id: int
    question: str
    filters: SearchFilters
    passage_ids: tuple[str, ...]


class BotState:
    """One SQLite file in the state folder; SQLite's journal keeps it whole through a crash."""

    def __init__(self, state_dir: Path) -> None:
        state_dir.mkdir(parents=True, exist_ok=True)
        self.path = state_dir / "briefbot.sqlite"
        self._lock = threading.Lock()
        with self._connect() as db:
            db.executescript(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def record_answer(self, answer: Answer, user_id: int, filters: SearchFilters) -> int:
        hits = [{"passage_id": h.passage.passage_id, "score": h.score} for h in answer.hits]
        with self._lock, self._connect() as db:
            cursor = db.execute(
                "INSERT INTO answers (created, user_id, question, filters, hits, abstained) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    time.time(),
                    user_id,
                    answer.question,
                    _filters_json(filters),
                    json.dumps(hits),
                    int(answer.abstained),
                ),
            )
            return int(cursor.lastrowid)

    def answer(self, answer_id: int) -> StoredAnswer | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT id, user_id, question, filters, hits FROM answers WHERE id = ?", (answer_id,)
            ).fetchone()
        if row is None:
            return None
        return StoredAnswer(
            row[0],
            row[1],
            row[2],
            _filters_from_json(row[3]),
            tuple(h["passage_id"] for h in json.loads(row[4])),
        )

    def record_vote(self, answer_id: int, user_id: int, vote: int) -> None:
        """One vote per member per answer; voting again replaces the earlier vote."""
        with self._lock, self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO votes (answer_id, user_id, vote, created) VALUES (?, ?, ?, ?)",
                (answer_id, user_id, vote, time.time()),
            )

    def add_watch(self, user_id: int, kind: str, value: str) -> Watch:
        """Subscribe a member; the same watch twice is one watch."""
        with self._lock, self._connect() as db:
            existing = db.execute(
                "SELECT id, user_id, kind, value FROM watches WHERE user_id = ? AND kind = ? AND value = ?",
                (user_id, kind, value),
            ).fetchone()
            if existing:
                return _watch(existing)
            count = db.execute("SELECT COUNT(*) FROM watches WHERE user_id = ?", (user_id,)).fetchone()[0]
            if count >= MAX_WATCHES_PER_MEMBER:
                raise WatchLimitError(f"you already have {count} watches; remove one with /unwatch first")
            cursor = db.execute(
                "INSERT INTO watches (user_id, kind, value, created) VALUES (?, ?, ?, ?)",
                (user_id, kind, value, time.time()),
            )
            return Watch(int(cursor.lastrowid), user_id, kind, value)

    def watches(self, user_id: int | None = None) -> list[Watch]:
        query = "SELECT id, user_id, kind, value FROM watches"
        with self._connect() as db:
            rows = (
                db.execute(query + " WHERE user_id = ? ORDER BY id", (user_id,))
                if user_id is not None
                else db.execute(query + " ORDER BY id")
            )
            return [_watch(row) for row in rows.fetchall()]

    def remove_watch(self, user_id: int, watch_id: int) -> bool:
        with self._lock, self._connect() as db:
            cursor = db.execute("DELETE FROM watches WHERE id = ? AND user_id = ?", (watch_id, user_id))
            return cursor.rowcount > 0

    def votes(self, answer_id: int) -> dict[int, int]:
        with self._connect() as db:
            rows = db.execute("SELECT user_id, vote FROM votes WHERE answer_id = ?", (answer_id,))
            return dict(rows.fetchall())


class WatchLimitError(BriefbotError):
    """A member has as many watches as allowed."""


MAX_WATCHES_PER_MEMBER = 25


def _watch(row) -> Watch:
    return Watch(int(row[0]), int(row[1]), str(row[2]), str(row[3]))


def _filters_json(filters: SearchFilters) -> str:
    return json.dumps(
        {
            "brief_ids": sorted(filters.brief_ids),
            "since": filters.since.isoformat() if filters.since else None,
            "until": filters.until.isoformat() if filters.until else None,
        }
    )


def _filters_from_json(text: str) -> SearchFilters:
    data = json.loads(text)
    return SearchFilters(
        frozenset(data["brief_ids"]),
        date.fromisoformat(data["since"]) if data["since"] else None,
        date.fromisoformat(data["until"]) if data["until"] else None,
    )
