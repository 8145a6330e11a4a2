"""Adding and removing brief files in the corpus folder, safely: checked, atomic, never lost."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

from index.corpus import BRIEF_SUFFIXES, BriefFormatError, brief_files, brief_id_for, parse_brief
from index.errors import BriefbotError
from index.models import Brief

REMOVED_DIR = ".removed"  # removed briefs are moved here, never deleted


class UploadRejectedError(BriefbotError):
    """An uploaded brief that is refused; the message says why and what to do."""


def safe_file_name(upload_name: str) -> str:
    """A file name derived from the upload's name: no folders, no hidden files, only safe characters."""
    base = upload_name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    suffix = suffix.lower()
    if f".{suffix}" not in BRIEF_SUFFIXES:
        allowed = ", ".join(BRIEF_SUFFIXES)
        raise UploadRejectedError(f"'{_shown(upload_name)}' is not a brief: upload a {allowed} file")
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:80].strip("-")
    if not slug or slug == "readme":
        raise UploadRejectedError(
            f"'{_shown(upload_name)}' has no usable file name: rename it (letters, digits, dashes)"
        )
    return f"{slug}.{suffix}"


def _shown(name: str) -> str:
    return name[:80].replace("`", "'")


def add_brief(
    corpus_dir: Path, upload_name: str, data: bytes, *, replace: bool = False, max_bytes: int
) -> tuple[Path, Brief]:
    """Check an uploaded brief and save it into the corpus; returns the path and the parsed brief."""
    name = safe_file_name(upload_name)
    if len(data) > max_bytes:
        raise UploadRejectedError(f"the file is {len(data):,} bytes; the limit is {max_bytes:,}")
    brief_id = brief_id_for(Path(name))
    try:
        brief = parse_brief(data, brief_id, name, Path(name).suffix)
    except BriefFormatError as error:
        raise UploadRejectedError(f"'{name}' cannot be used: {error}") from error
    existing = [p for p in brief_files(corpus_dir) if brief_id_for(p) == brief_id]
    if existing and not replace:
        raise UploadRejectedError(
            f"a brief with id '{brief_id}' already exists ({existing[0].name}); set replace to overwrite it"
        )
    target = corpus_dir / name
    corpus_dir.mkdir(parents=True, exist_ok=True)
    tmp = corpus_dir / f".{name}.{os.getpid()}.upload"
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    for old in existing:  # the replaced version is kept aside, never lost
        if old.name == name:
            shutil.copy2(old, _removed_path(corpus_dir, old))
        else:
            os.replace(old, _removed_path(corpus_dir, old))
    os.replace(tmp, target)
    return target, brief


def remove_brief(corpus_dir: Path, brief_id: str) -> Path:
    """Move the brief's file out of the corpus (into .removed/); returns where it went."""
    for path in brief_files(corpus_dir):
        if brief_id_for(path) == brief_id:
            target = _removed_path(corpus_dir, path)
            os.replace(path, target)
            return target
    raise BriefbotError(f"no brief with id '{brief_id}' in the corpus")


def _removed_path(corpus_dir: Path, path: Path) -> Path:
    removed = corpus_dir / REMOVED_DIR
    removed.mkdir(exist_ok=True)
    return removed / f"{time.strftime('%Y%m%d-%H%M%S')}-{path.name}"
