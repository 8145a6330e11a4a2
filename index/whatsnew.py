"""What's new: briefs first indexed since a day, each with its lead sentence and its actors."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from index.actor_summary import ActorDirectory
from index.store import Generation, StoredBrief


@dataclass(frozen=True)
class NewBrief:
    brief: StoredBrief
    lead: str
    actors: tuple[str, ...]  # most mentioned first


def new_briefs(
    generation: Generation, directory: ActorDirectory, since: date, actors_per_brief: int = 6
) -> list[NewBrief]:
    fresh = {b.meta.brief_id: b for b in generation.briefs.values() if b.added[:10] >= since.isoformat()}
    lead: dict[str, str] = {}
    for passage in generation.passages:
        if passage.brief_id in fresh and passage.brief_id not in lead:
            sentences = passage.sentences()
            lead[passage.brief_id] = sentences[0] if sentences else passage.text
    counts: dict[str, Counter] = {brief_id: Counter() for brief_id in fresh}
    for mention in directory.index.mentions:
        brief_id = generation.passages[mention.row].brief_id
        if brief_id in counts:
            counts[brief_id][directory.index.actors[mention.actor_id].name] += 1
    ordered = sorted(fresh.values(), key=lambda b: (b.added, b.meta.brief_id), reverse=True)
    return [
        NewBrief(
            b,
            lead.get(b.meta.brief_id, ""),
            tuple(name for name, _ in counts[b.meta.brief_id].most_common(actors_per_brief)),
        )
        for b in ordered
    ]
