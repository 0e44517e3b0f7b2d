"""The output folder: private staging folders, publishing a set of outputs, and what it records.

The command line (and nothing else) uses this module to touch OUTDIR. What it guarantees:

- Each document's outputs are written into a private ``.convert-*`` folder in OUTDIR (same
  file system, so a rename publishes them) and published together, or not at all.
- A file is only ever replaced if this tool published it for the same input: every published
  set is recorded in ``OUTDIR/.legacy-xbrl/<name>.json`` (the input, its SHA-256, the stamp of
  options, code and taxonomy it was made with, and the files). Any other existing file is left
  alone, and the document fails with a one-line reason.
- Publishing holds ``OUTDIR/.legacy-xbrl/lock``, so workers and concurrent runs take turns.
  If a rename fails, the files it was replacing are put back: the previous good set stays.
- A staging folder is tied to a lock file held while it is in use; a folder whose lock is free
  (its process was killed) is removed by ``remove_stale`` at the start and end of every run.
- ``published(...)`` says whether a set is there, intact, for the same input bytes and stamp:
  ``--resume`` skips those documents.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["STATE", "PublishError", "code_digest", "publish", "published", "remove_stale", "staging"]

STATE = ".legacy-xbrl"
_STAGING_PREFIX = ".convert-"
_LOCK = "lock"


class PublishError(Exception):
    """A set of outputs could not be published; the message is one line, naming the file."""


def move_into_place(files: Sequence[tuple[Path, Path]], keep_as: Callable[[Path, Path], Path]) -> None:
    """Rename every staged file onto its target, keeping each file it replaces as a hard link at
    ``keep_as(staged, target)``; if one rename fails, put the replaced files back, remove the new ones
    and raise the ``OSError``: never half a set, the previous set kept."""
    kept: list[tuple[Path, Path]] = []
    moved: list[Path] = []
    try:
        for staged, target in files:
            if os.path.lexists(target):
                keep = keep_as(staged, target)
                os.link(target, keep, follow_symlinks=False)
                kept.append((keep, target))
            os.replace(staged, target)
            moved.append(target)
    except OSError:
        restored = {target for _, target in kept}
        for keep, target in kept:
            os.replace(keep, target)
        for target in moved:
            if target not in restored:
                target.unlink(missing_ok=True)
        raise


def _state(outdir: Path) -> Path:
    folder = outdir / STATE
    folder.mkdir(exist_ok=True)
    return folder


def _lock_path(outdir: Path, folder_name: str) -> Path:
    return outdir / STATE / f"{folder_name.removeprefix('.')}.lock"


def _try_lock(path: Path) -> int | None:
    """An open descriptor holding an exclusive lock on ``path``, or None if another process holds it."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def remove_stale(outdir: Path) -> int:
    """Remove the private folders of runs that were killed (their lock is free); how many."""
    removed = 0
    try:
        entries = list(outdir.iterdir())
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.startswith(_STAGING_PREFIX) or not entry.is_dir() or entry.is_symlink():
            continue
        lock = _lock_path(outdir, entry.name)
        fd = _try_lock(lock) if lock.exists() else None
        if lock.exists() and fd is None:
            continue  # in use by a live process
        try:
            shutil.rmtree(entry, ignore_errors=True)
            lock.unlink(missing_ok=True)
            removed += 1
        finally:
            if fd is not None:
                os.close(fd)
    return removed


@contextmanager
def staging(outdir: Path) -> Iterator[Path]:
    """A private folder in ``outdir``, locked while in use and always removed."""
    state = _state(outdir)
    while True:
        fd, name = tempfile.mkstemp(dir=state, prefix=_STAGING_PREFIX.removeprefix("."), suffix=".lock")
        fcntl.flock(fd, fcntl.LOCK_EX)
        # A run cleaning up may have taken and removed the lock file before we locked it: start again.
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(name))
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    lock = Path(name)
    folder = outdir / ("." + lock.name.removesuffix(".lock"))
    try:
        folder.mkdir(mode=0o700)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        lock.unlink(missing_ok=True)
        os.close(fd)


@contextmanager
def _publish_lock(outdir: Path) -> Iterator[None]:
    fd = os.open(_state(outdir) / _LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _record_path(outdir: Path, name: str) -> Path:
    return outdir / STATE / f"{name}.json"


def _read_record(outdir: Path, name: str) -> dict[str, Any] | None:
    try:
        record = json.loads(_record_path(outdir, name).read_bytes())
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and isinstance(record.get("outputs"), dict) else None


def _write_record(outdir: Path, name: str, record: Mapping[str, Any]) -> None:
    path = _record_path(outdir, name)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_bytes(json.dumps(record, sort_keys=True).encode("ascii") + b"\n")
    os.replace(temp, path)


def _stat(path: Path) -> list[int]:
    info = path.lstat()
    return [info.st_size, info.st_mtime_ns, info.st_ino]


def _same_input(record: Mapping[str, Any], source: Path, sha256: str) -> bool:
    """An earlier set is this input's when it was made from the same file, or from the same bytes."""
    return record.get("input") == str(source) or record.get("sha256") == sha256


def published(outdir: Path, name: str, source: Path, sha256: str, stamp: str) -> Mapping[str, Any] | None:
    """The outcome recorded for ``name`` if its outputs are all there, untouched, made from these
    input bytes with this stamp (options, code, taxonomy); otherwise None."""
    record = _read_record(outdir, name)
    if record is None or record.get("stamp") != stamp or record.get("sha256") != sha256:
        return None
    if record.get("input") != str(source) or not record["outputs"]:
        return None
    for file, stat in record["outputs"].items():
        try:
            if _stat(outdir / file) != stat:
                return None
        except OSError:
            return None
    outcome = record.get("outcome")
    return outcome if isinstance(outcome, dict) else None


def publish(
    outdir: Path,
    name: str,
    files: Sequence[tuple[Path, Path]],
    *,
    source: Path,
    sha256: str,
    stamp: str,
    outcome: Mapping[str, Any],
    reserved: Collection[Path],
    staging_folder: Path,
) -> None:
    """Move the staged ``(staged, target)`` files into place as the outputs ``name`` of ``source``.

    Refused (``PublishError``, nothing moved) when a target is one of ``reserved`` (the inputs,
    their metadata, the batch summary) or is an existing file this tool did not publish for
    ``source``. If a rename fails, every file already replaced is put back. Files of the earlier
    set that the new one no longer has (an extension schema) are removed.
    """
    with _publish_lock(outdir):
        earlier = _read_record(outdir, name)
        ours = earlier is not None and _same_input(earlier, source, sha256)
        owned = set(earlier["outputs"]) if earlier is not None and ours else set()
        for _, target in files:
            if target.parent.resolve() / target.name in reserved:
                raise PublishError(f"output {target} would replace an input or the batch summary: refused")
            if os.path.lexists(target) and target.name not in owned:
                raise PublishError(f"{target} exists and was not written by legacy-xbrl for this input: left alone")
        new = [target.name for _, target in files]
        # Recorded first, files and all, without a stamp: a run killed while renaming leaves a set
        # that the next run owns and redoes.
        _write_record(
            outdir,
            name,
            {
                "input": str(source),
                "sha256": sha256,
                "stamp": None,
                "outputs": dict.fromkeys(sorted(owned | set(new)), None),
            },
        )
        backup = staging_folder / ".previous"
        backup.mkdir(exist_ok=True)
        try:
            move_into_place(files, lambda staged, target: backup / target.name)
        except OSError as err:
            if earlier is not None:
                _write_record(outdir, name, earlier)
            else:
                _record_path(outdir, name).unlink(missing_ok=True)
            raise PublishError(f"cannot write {err.filename}: {err.strerror or err}") from None
        for stale in owned - set(new):
            (outdir / stale).unlink(missing_ok=True)
        record = {
            "input": str(source),
            "sha256": sha256,
            "stamp": stamp,
            "outputs": {file: _stat(outdir / file) for file in sorted(new)},
            "outcome": dict(outcome),
        }
        _write_record(outdir, name, record)


def code_digest(*folders: Path) -> str:
    """SHA-256 over the files of ``folders`` (the converter's code, the taxonomy): part of every stamp."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
