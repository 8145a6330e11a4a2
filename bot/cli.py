"""The `briefbot` command line: the only module that knows argv; engine errors become one line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from bot.settings import Settings
from bot.text import (
    actor_json,
    actor_text,
    actors_json,
    actors_text,
    answer_json,
    answer_text,
    asks_for_help,
    brief_json,
    brief_text,
    briefs_text,
    drift_text,
    plural,
    report_json,
    report_text,
    whats_new_json,
    whats_new_text,
)
from index.actor_summary import UnknownActorError
from index.actors import KINDS
from index.brief_details import ACTOR_KINDS
from index.errors import BriefbotError, QuestionError
from index.models import Answer, SearchFilters
from index.search import Retriever, check_question
from index.selfcheck import read_checks

if TYPE_CHECKING:  # the engine (torch, FAISS) is imported only by the commands that use it
    from index.engine import Engine

# What ends a console session, beside Ctrl-D ("/quit" too, as the commands open with "/").
QUIT_WORDS = {"", "quit", "exit", "q", ":q", "bye", "/quit", "/exit"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefbot",
        description="Cited answers from policy briefs, offline. Settings come from the environment "
        "and .env (see .env.example); options here override them.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def place(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--corpus", type=Path, help="folder of briefs (default: settings)")
        sub.add_argument("--index", type=Path, help="index folder (default: settings)")

    index = commands.add_parser("index", help="build or update the index of the corpus")
    place(index)
    index.add_argument("--rebuild", action="store_true", help="re-embed everything from scratch")
    index.add_argument("--json", action="store_true", help="print the report as JSON")

    ask = commands.add_parser("ask", help="answer a question with cited passages")
    place(ask)
    ask.add_argument("question", nargs="?", help="the question (or use --questions-file)")
    ask.add_argument("-k", type=int, default=None, help="passages per answer (default: settings)")
    ask.add_argument(
        "--questions-file", type=Path, help="one question per line; prints one JSON object per line"
    )
    ask.add_argument("--brief", action="append", default=[], help="only this brief id (repeatable)")
    ask.add_argument("--since", type=_iso_date, help="only briefs dated on or after YYYY-MM-DD")
    ask.add_argument("--until", type=_iso_date, help="only briefs dated on or before YYYY-MM-DD")
    ask.add_argument("--json", action="store_true", help="print JSON")

    console = commands.add_parser("console", help="ask questions interactively in the terminal")
    place(console)

    evaluate = commands.add_parser("eval", help="measure retrieval on a BEIR-format dataset")
    evaluate.add_argument("dataset", type=Path, help="folder with corpus.jsonl(.gz), queries.jsonl, qrels/")
    evaluate.add_argument("--split", default="test", help="qrels split (default: test)")
    evaluate.add_argument("--retriever", choices=[r.value for r in Retriever], default=Retriever.FUSED.value)
    evaluate.add_argument(
        "--index", type=Path, help="where to keep the dataset's index (default: beside the main index)"
    )
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")

    actor = commands.add_parser("actor", help="what an actor said and did, every line cited")
    place(actor)
    actor.add_argument(
        "name", help="a name, alias or role, e.g. 'Khawaja Asif', TTP or \"Pakistan's defence minister\""
    )
    actor.add_argument("--json", action="store_true", help="print JSON")
    actors = commands.add_parser("actors", help="list the actors found in the briefs")
    place(actors)
    actors.add_argument(
        "--kind",
        type=_actor_kind,
        choices=KINDS,
        help="only actors of this kind: person, state, organisation or armed-group",
    )
    actors.add_argument("--json", action="store_true", help="print JSON")

    briefs = commands.add_parser("briefs", help="list the indexed briefs")
    place(briefs)
    briefs.add_argument("--json", action="store_true", help="print JSON")
    brief = commands.add_parser(
        "brief", help="one brief (as /brief): its details, or add or remove its file and reindex"
    )
    place(brief)
    brief.add_argument("action", choices=["info", "add", "remove"])
    brief.add_argument("target", help="info, remove: a brief id (`briefbot briefs` lists them); add: a file")
    brief.add_argument("--replace", action="store_true", help="with add: overwrite the brief of the same id")
    brief.add_argument("--json", action="store_true", help="print JSON")

    whatsnew = commands.add_parser("whatsnew", help="briefs added recently, with lead and actors")
    place(whatsnew)
    whatsnew.add_argument("--since", type=_iso_date, help="YYYY-MM-DD (default: 7 days ago)")
    whatsnew.add_argument("--json", action="store_true", help="print JSON")

    watch = commands.add_parser("watch", help="watchlists (as /watch): add, list, remove")
    place(watch)
    watch.add_argument("action", choices=["add", "list", "remove"])
    watch.add_argument("watch_id", nargs="?", type=int, help="with remove: the watch number")
    watch.add_argument("--user", type=int, help="the member's Discord user id")
    watch.add_argument("--actor", help="with add: an actor name or alias")
    watch.add_argument("--phrase", help="with add: words to watch for")
    watch.add_argument("--json", action="store_true", help="print JSON")

    run = commands.add_parser("run", help="start the Discord bot (needs DISCORD_TOKEN)")
    place(run)
    sync = commands.add_parser("sync-commands", help="register slash commands with Discord")
    sync.add_argument(
        "--global",
        dest="global_sync",
        action="store_true",
        help="sync globally (takes up to an hour to show) instead of dev guilds",
    )
    return parser


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date in YYYY-MM-DD form") from error


def make_embedder(settings: Settings):
    from index.embedding import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(
        settings.model, backend=settings.embedding_backend, onnx_dir=settings.model_cache_dir
    )


def make_engine(
    settings: Settings, corpus: Path | None = None, index: Path | None = None, eager: bool = False
):
    from index.engine import Engine
    from index.search import FusionWeights

    return Engine(
        corpus or settings.corpus_dir,
        index or settings.index_dir,
        make_embedder(settings),
        threshold=settings.abstention_threshold,
        passages_per_answer=settings.passages_per_answer,
        weights=None if settings.late_interaction else FusionWeights(late_weight=0.0),
        eager=eager,
        correct_spelling=settings.correct_spelling,
    )


class _Progress:
    """A tqdm bar per indexing stage, on stderr so that --json output stays clean."""

    def __init__(self) -> None:
        self._bar = None
        self._stage = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        from tqdm import tqdm

        if stage != self._stage:
            self.close()
            self._stage = stage
            # disable=None: no bar when stderr is not a terminal (logs, CI)
            self._bar = tqdm(total=total, desc=stage, unit="", file=sys.stderr, leave=False, disable=None)
        if self._bar is not None:
            self._bar.total = total
            self._bar.n = done
            self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _with_progress(action):
    progress = _Progress()
    try:
        return action(progress)
    finally:
        progress.close()


def cmd_index(settings: Settings, args: argparse.Namespace) -> int:
    return _reindexed(settings, make_engine(settings, args.corpus, args.index), args.json, args.rebuild)


def _reindexed(settings: Settings, engine, as_json: bool, rebuild: bool = False, **extra) -> int:
    """Reindex, then print the report (with `extra` keys in JSON) and what watches would be sent."""
    from bot.state import BotState

    watches = BotState(settings.state_dir).watches()
    before = _loaded_or_none(engine) if watches else None
    report = _with_progress(lambda p: engine.reindex(rebuild=rebuild, progress=p))
    alerts = _watch_alerts(engine, before, watches) if watches and report.published else []
    if as_json:
        print(json.dumps(dict(report_json(report), **extra, watch_alerts=alerts)))
    else:
        print(report_text(report))
        for alert in alerts:
            print(
                f"  watch #{alert['watch']} (member {alert['user_id']}, {alert['kind']} "
                f"{alert['value']}): {len(alert['passages'])} new passage(s): "
                + ", ".join(f"{p['brief_id']} ¶{p['paragraph']}" for p in alert["passages"])
            )
    return 0


def _loaded_or_none(engine):
    try:
        return engine.load()
    except BriefbotError:
        return None


def _watch_alerts(engine, before, watches) -> list[dict]:
    """What the bot would send after this reindex: the new passages each watch matches."""
    from index.watch import match_watches, new_passage_rows

    after = engine.generation
    matches = match_watches(after, engine.actor_directory(), new_passage_rows(before, after), watches)
    return [
        {
            "watch": w.watch_id,
            "user_id": w.user_id,
            "kind": w.kind,
            "value": w.value,
            "passages": [
                {"brief_id": after.passages[r].brief_id, "paragraph": after.passages[r].paragraph}
                for r in matches[w.watch_id]
            ],
        }
        for w in watches
        if w.watch_id in matches
    ]


def cmd_watch(settings: Settings, args: argparse.Namespace) -> int:
    from bot.state import BotState

    state = BotState(settings.state_dir)
    if args.action == "add":
        if args.user is None or bool(args.actor) == bool(args.phrase):
            print(
                "briefbot watch add: give --user ID and one of --actor NAME, --phrase TEXT", file=sys.stderr
            )
            return 2
        if args.actor:
            value = make_engine(settings, args.corpus, args.index).actor_directory().find(args.actor)
            watch = state.add_watch(args.user, "actor", value)
        else:
            watch = state.add_watch(args.user, "phrase", " ".join(args.phrase.split()))
        print(
            json.dumps(watch.__dict__)
            if args.json
            else f"watch #{watch.watch_id}: {watch.kind} {watch.value}"
        )
    elif args.action == "list":
        watches = state.watches(args.user)
        if args.json:
            print(json.dumps([w.__dict__ for w in watches]))
        else:
            print(
                "\n".join(f"#{w.watch_id} member {w.user_id}: {w.kind} {w.value}" for w in watches)
                or "no watches"
            )
    else:
        if args.watch_id is None or args.user is None:
            print("briefbot watch remove: give --user ID and the watch number", file=sys.stderr)
            return 2
        if not state.remove_watch(args.user, args.watch_id):
            print(f"briefbot: member {args.user} has no watch #{args.watch_id}", file=sys.stderr)
            return 1
        print(f"removed watch #{args.watch_id}")
    return 0


def _prepared_engine(settings: Settings, args: argparse.Namespace, eager: bool = False):
    engine = make_engine(settings, args.corpus, args.index, eager)
    report = _with_progress(lambda p: engine.ensure_index(progress=p))
    if report is not None:
        print(report_text(report), file=sys.stderr)
    elif drift := drift_text(engine.corpus_drift(), "`briefbot index`"):
        print(f"briefbot: {drift}", file=sys.stderr)
    return engine


def cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    if args.question is None and args.questions_file is None:
        print("briefbot ask: give a question, or --questions-file FILE", file=sys.stderr)
        return 2
    if args.k is not None and not 1 <= args.k <= 50:
        print("briefbot ask: -k must be between 1 and 50", file=sys.stderr)
        return 2
    filters = SearchFilters(frozenset(args.brief), args.since, args.until)
    engine = _prepared_engine(settings, args)
    if args.questions_file is not None:
        return _ask_file(engine, args.questions_file, args.k, filters)
    answer = engine.ask(args.question, args.k, filters)
    print(json.dumps(answer_json(answer), ensure_ascii=False) if args.json else answer_text(answer))
    return 0


def _ask_file(engine, path: Path, k: int | None, filters: SearchFilters) -> int:
    """One JSON object per question line, in order; a bad question gets an "error" key."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise BriefbotError(f"cannot read {path}: {error}") from error
    questions = [line.strip() for line in lines if line.strip()]
    results: list[dict | None] = [None] * len(questions)
    good_rows = []
    for row, question in enumerate(questions):
        try:
            check_question(question)
            good_rows.append(row)
        except QuestionError as error:
            results[row] = {"question": question, "abstained": True, "hits": [], "error": str(error)}
    answers = engine.ask_many([questions[row] for row in good_rows], k, filters)
    for row, answer in zip(good_rows, answers, strict=True):
        results[row] = answer_json(answer)
    for result in results:
        print(json.dumps(result, ensure_ascii=False))
    return 0 if len(good_rows) == len(questions) else 1


# Other ways to write a kind of actor: the plurals questions use ("people", "armed groups"), and
# a few more ("organizations", "groups").
_KIND_SPELLINGS = {plural: kinds[0] for plural, kinds in ACTOR_KINDS.items()} | {
    "persons": "person",
    "organization": "organisation",
    "organizations": "organisation",
    "group": "armed group",
    "groups": "armed group",
}


def _actor_kind(text: str) -> str:
    kind = " ".join(text.lower().replace("-", " ").split())
    return _KIND_SPELLINGS.get(kind, kind)


def _example_question(engine: Engine) -> str:
    """A question these briefs answer: the first of the corpus's self-check (docs_corpus/checks.jsonl),
    else which briefs mention the actor they name most."""
    checks, _ = read_checks(engine.corpus_dir)
    if checks:
        return checks[0].question
    named = engine.actor_directory().listing()
    return f"Which briefs mention {named[0].name}?" if named else "What briefs do you have?"


def cmd_console(settings: Settings, args: argparse.Namespace) -> int:
    engine = _prepared_engine(settings, args, eager=True)
    engine.check_askable()  # an empty index is said at once, not at the first question
    print(
        f"Briefbot console: {plural(len(engine.briefs()), 'brief')} indexed. Ask a question "
        f"(help for commands; empty line, quit or Ctrl-D to quit). Try: {_example_question(engine)}"
    )
    console = _Console(engine)
    while True:
        try:
            line = input("? ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if line.strip().lower() in QUIT_WORDS:
            return 0
        try:
            print(console.reply(line) + "\n")
        except BriefbotError as error:  # a bad question or an unknown actor: say so, go on
            print(f"briefbot: {error}\n")


CONSOLE_HELP = """Ask any question about the briefs, or:
  /actor NAME   what an actor said and did, cited (a name, an alias or a role)
  /actors       every actor the briefs name
  /briefs       the indexed briefs
  /brief ID     one brief's details and sections (its id as /briefs lists it)
  more          the next passages for the last question
  quit          end (or an empty line, or Ctrl-D)"""


MORE_WORDS = {"more", "/more", "next", "more passages", "show more"}


class _Console:
    """A console session: each line answered, the last question kept for "more" (as the More
    passages button on Discord)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._last_question = ""
        self._shown = 0  # passages of the last question shown so far

    def reply(self, line: str) -> str:
        if line.strip().lower().rstrip("!.?") in MORE_WORDS:
            return self._more()
        reply = _console_reply(self.engine, line)
        if isinstance(reply, Answer):
            answered = not reply.abstained and reply.hits
            self._last_question, self._shown = (line, len(reply.hits)) if answered else ("", 0)
            return answer_text(reply)
        return reply

    def _more(self) -> str:
        if not self._last_question:
            return "Ask a question first: more shows its next passages."
        page = self.engine.passages_per_answer
        answer = self.engine.ask(self._last_question, self._shown + page)
        hits = answer.hits[self._shown :]
        if answer.abstained or not hits:
            return "No more passages for this question."
        first, self._shown = self._shown + 1, len(answer.hits)
        return answer_text(replace(answer, hits=hits), first=first)


def _console_reply(engine: Engine, line: str) -> str | Answer:
    """The console's answer to one line: a command of CONSOLE_HELP's, or a question's Answer."""
    command, _, rest = line.strip().partition(" ")
    command = command.lower()
    if (command in ("/help", "?") and not rest) or asks_for_help(line):  # "help", "what can you do?"
        return CONSOLE_HELP
    if command == "/actor":
        if not rest.strip():
            return "Give a name: /actor Khawaja Asif"
        try:
            return actor_text(engine.actor(rest.strip()))
        except UnknownActorError as error:
            return f"briefbot: {error.pointing_to('/actors')}"
    if command == "/actors" and not rest:
        return actors_text(engine.actor_directory().listing())
    if command == "/briefs" and not rest:
        return briefs_text(engine.briefs())
    if command == "/brief":
        return _console_brief(engine, rest.strip().removeprefix("info ").strip())
    if command.startswith("/"):
        return f"briefbot: no command {command}; help lists them."
    return engine.ask(line)


def _console_brief(engine: Engine, brief_id: str) -> str:
    """/brief ID, as /brief info on Discord; "/brief info ID" is read the same."""
    if not brief_id:
        return "Give a brief's id: /brief ID (/briefs lists them)"
    found = {b.meta.brief_id: b for b in engine.briefs()}.get(brief_id.lower())
    if found is None:
        return f"briefbot: no brief '{brief_id}' is indexed; /briefs lists them"
    return brief_text(found)


def cmd_eval(settings: Settings, args: argparse.Namespace) -> int:
    from index.beir import evaluate, load_beir
    from index.engine import Engine
    from index.indexer import build_index

    dataset = load_beir(args.dataset, args.split)
    index_dir = args.index or settings.index_dir.parent / "eval" / args.dataset.resolve().name
    engine = make_engine(settings, args.dataset, index_dir)
    embedder = engine.embedder
    _with_progress(
        lambda p: build_index(
            args.dataset, index_dir, embedder, progress=p, scan=dataset.as_scan(), split_long=False
        )
    )
    engine = Engine(args.dataset, index_dir, embedder, weights=engine.weights)
    result = evaluate(engine, dataset, Retriever(args.retriever))
    if args.json:
        print(json.dumps(result.as_json()))
    else:
        print(
            f"{dataset.name} ({args.split}, {result.queries} queries, retriever "
            f"{args.retriever}): nDCG@10 {result.ndcg_at_10:.4f}  Recall@100 "
            f"{result.recall_at_100:.4f}  MRR@10 {result.mrr_at_10:.4f}  "
            f"{result.queries_per_s:.1f} queries/s"
        )
    return 0


def cmd_actor(settings: Settings, args: argparse.Namespace) -> int:
    engine = _prepared_engine(settings, args)
    try:
        summary = engine.actor(args.name)
    except UnknownActorError as error:
        raise BriefbotError(error.pointing_to("`briefbot actors`")) from error
    print(json.dumps(actor_json(summary), ensure_ascii=False) if args.json else actor_text(summary))
    return 0


def cmd_actors(settings: Settings, args: argparse.Namespace) -> int:
    kinds = (args.kind,) if args.kind else None
    listing = _prepared_engine(settings, args).actor_directory().listing(kinds=kinds)
    print(
        json.dumps(actors_json(listing), ensure_ascii=False) if args.json else actors_text(listing, args.kind)
    )
    return 0


def cmd_briefs(settings: Settings, args: argparse.Namespace) -> int:
    briefs = _prepared_engine(settings, args).briefs()
    print(
        json.dumps([brief_json(b) for b in briefs], ensure_ascii=False) if args.json else briefs_text(briefs)
    )
    return 0


def cmd_brief(settings: Settings, args: argparse.Namespace) -> int:
    """`info` reads the index; `add` and `remove` change the corpus folder as /brief does (checked,
    nothing deleted: a replaced or removed file goes to .removed/), then reindex."""
    from index.corpus import MAX_BRIEF_BYTES
    from index.library import add_brief, remove_brief

    if args.action == "info":
        found = {b.meta.brief_id: b for b in _prepared_engine(settings, args).briefs()}.get(args.target)
        if found is None:
            raise BriefbotError(f"no brief '{args.target}' is indexed; `briefbot briefs` lists them")
        print(json.dumps(brief_json(found), ensure_ascii=False) if args.json else brief_text(found))
        return 0
    engine = make_engine(settings, args.corpus, args.index)
    if args.action == "add":
        source = Path(args.target)
        try:
            data = source.read_bytes()
        except OSError as error:
            raise BriefbotError(f"cannot read {source}: {error.strerror or error}") from error
        saved, _ = add_brief(
            engine.corpus_dir, source.name, data, replace=args.replace, max_bytes=MAX_BRIEF_BYTES
        )
        done, changed = f"Added {saved.name} to {engine.corpus_dir}.", {"added_file": str(saved)}
    else:
        moved = remove_brief(engine.corpus_dir, args.target)
        done, changed = f"Removed {args.target}; its file is kept as {moved}.", {"removed_file": str(moved)}
    if not args.json:
        print(done)
    return _reindexed(settings, engine, args.json, **changed)


def cmd_whatsnew(settings: Settings, args: argparse.Namespace) -> int:
    since = args.since or date.today() - timedelta(days=7)
    items = _prepared_engine(settings, args).whats_new(since)
    if args.json:
        print(json.dumps(whats_new_json(items), ensure_ascii=False))
    else:
        print(whats_new_text(items, since.isoformat()))
    return 0


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import run_bot

    return run_bot(settings, make_engine(settings, args.corpus, args.index, eager=True))


def cmd_sync_commands(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import sync_commands

    return sync_commands(settings, make_engine(settings), args.global_sync)


COMMANDS = {
    "index": cmd_index,
    "ask": cmd_ask,
    "console": cmd_console,
    "eval": cmd_eval,
    "actor": cmd_actor,
    "actors": cmd_actors,
    "briefs": cmd_briefs,
    "brief": cmd_brief,
    "whatsnew": cmd_whatsnew,
    "watch": cmd_watch,
    "run": cmd_run,
    "sync-commands": cmd_sync_commands,
}


def _setting_problems(error: ValidationError) -> list[str]:
    """One line per bad setting, named as it is set (BRIEFBOT_...), with the value given."""
    lines = []
    for problem in error.errors():
        field = str(problem["loc"][0]) if problem["loc"] else ""
        if field == "discord_token":  # never echo a secret
            lines.append(f"briefbot: bad setting DISCORD_TOKEN: {problem['msg']}")
            continue
        name = f"BRIEFBOT_{field.upper()}" if field else "a setting"
        lines.append(
            f"briefbot: bad setting {name}={problem.get('input')!r}: {problem['msg']} (see .env.example)"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as error:
        for line in _setting_problems(error):
            print(line, file=sys.stderr)
        return 2
    try:
        return COMMANDS[args.command](settings, args)
    except BriefbotError as error:
        print(f"briefbot: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader left early (`briefbot ask ... | head`): no traceback, and nothing more to
        # write; stdout goes to devnull so that Python's exit flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
