"""Watchlists: which new passages of a freshly published generation match a watched actor or phrase."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from index.actor_summary import ActorDirectory
from index.lexical import fold
from index.store import Generation


@dataclass(frozen=True)
class Watch:
    watch_id: int
    user_id: int
    kind: str  # "actor" or "phrase"
    value: str  # actor id, or the phrase as typed


def new_passage_rows(before: Generation | None, after: Generation) -> list[int]:
    """Rows of `after` whose text was not in `before` (all of them when there was no before)."""
    if before is None:
        return list(range(len(after.passages)))
    seen = {(p.brief_id, p.text) for p in before.passages}
    return [row for row, p in enumerate(after.passages) if (p.brief_id, p.text) not in seen]


def match_watches(
    after: Generation, directory: ActorDirectory, rows: Iterable[int], watches: Iterable[Watch]
) -> dict[int, list[int]]:
    """watch id → new passage rows it matches, in corpus order."""
    rows = sorted(set(rows))
    by_actor: dict[str, set[int]] = {}
    wanted = set(rows)
    for mention in directory.index.mentions:
        if mention.row in wanted:
            by_actor.setdefault(mention.actor_id, set()).add(mention.row)
    folded = {row: fold(" ".join(after.passages[row].text.split())) for row in rows}
    matches: dict[int, list[int]] = {}
    for watch in watches:
        if watch.kind == "actor":
            hit = sorted(by_actor.get(watch.value, ()))
        else:
            phrase = fold(" ".join(watch.value.split()))
            hit = [row for row in rows if phrase and phrase in folded[row]]
        if hit:
            matches[watch.watch_id] = hit
    return matches
