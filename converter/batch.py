"""Many documents at once: inputs from folders and globs, a process pool, a progress bar, a summary.

``run(paths, task, jobs=N)`` hands each path to ``task`` in one of N worker processes and
returns one ``Outcome`` per path, in input order, whatever order they finish in. A task is a
picklable object whose ``open()`` prepares what a worker needs once (the taxonomy, an Arelle
validator: Arelle is not thread-safe, so one per process) and yields the function that
converts one document. That function reports a failure as an ``Outcome``; it does not raise,
so one bad document never stops the batch.
"""

from __future__ import annotations

import glob
import multiprocessing
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, ExitStack
from dataclasses import asdict, dataclass
from multiprocessing.util import Finalize
from pathlib import Path
from typing import Any, Protocol

__all__ = ["BatchError", "Outcome", "Task", "expand_inputs", "run", "summary", "summary_line"]

# What a folder given as input contributes: text filings, EDGAR submissions and HTML exhibits.
FOLDER_SUFFIXES = (".txt", ".htm", ".html")
FOLDER_PATTERN = "*.txt, *.htm, *.html"
SIDECAR_SUFFIX = ".meta.json"


class BatchError(Exception):
    """The inputs do not make a batch (a glob matching nothing, two inputs writing the same outputs)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one document: ``converted``, ``invalid`` (written, but Arelle found errors) or ``failed``.

    ``line`` is what the command line prints for it; ``reason`` says why it failed or is invalid.
    """

    input: str
    status: str
    line: str = ""
    reason: str | None = None
    facts: int = 0
    findings: int = 0
    unmapped_labels: int = 0
    conflicts: int = 0
    validation: Mapping[str, int] | None = None
    # The instances written for it, by name in the output folder: one, or one per document of a submission.
    instances: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status == "converted"


Work = Callable[[Path], Outcome]


class Task(Protocol):
    """Picklable; ``open()`` yields the per-process function that converts one document."""

    def open(self) -> AbstractContextManager[Work]: ...


def expand_inputs(items: Iterable[str]) -> list[Path]:
    """Files as given; a folder's ``*.txt``; a glob's matches (``corpus/**/*.txt``), sidecars left out.

    Order is kept (a folder's and a glob's matches sorted), duplicates dropped. A glob or folder
    that matches nothing, or two inputs with the same stem (they would write the same outputs),
    is a ``BatchError``.
    """
    found: dict[Path, None] = {}
    for item in items:
        path = Path(item)
        if path.is_dir():
            matches = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES)
        elif glob.has_magic(item):
            matches = sorted(Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file())
        else:
            found[path] = None
            continue
        matches = [p for p in matches if not p.name.endswith(SIDECAR_SUFFIX)]
        if not matches:
            raise BatchError(f"{item}: no documents ({FOLDER_PATTERN} in a folder, or files matching a glob)")
        found.update(dict.fromkeys(matches))
    stems: dict[str, Path] = {}
    for path in found:
        if path.stem in stems and stems[path.stem] != path:
            raise BatchError(f"{stems[path.stem]} and {path} would write the same outputs ({path.stem}.*)")
        stems[path.stem] = path
    return list(found)


# One slot per worker process for what the task's open() yielded: a pool worker can only reach
# it through a module global. The parent process never fills it.
_WORKER: dict[str, Work] = {}


def _start_worker(task: Task) -> None:
    stack = ExitStack()
    _WORKER["work"] = stack.enter_context(task.open())
    Finalize(None, stack.close, exitpriority=10)  # runs when the pool shuts the worker down


def _work_in_worker(path: Path) -> Outcome:
    return _WORKER["work"](path)


def _dead(path: Path, err: BaseException) -> Outcome:
    reason = f"worker process died ({type(err).__name__}: {err}); out of memory?"
    return Outcome(input=str(path), status="failed", reason=reason)


def _in_order(paths: Sequence[Path], task: Task, jobs: int) -> Iterator[tuple[int, Outcome]]:
    """(index, outcome) pairs as documents finish."""
    if jobs <= 1 or len(paths) <= 1:
        with task.open() as work:
            for index, path in enumerate(paths):
                yield index, work(path)
        return
    # spawn, not fork: a forked child would inherit the parent's threads (tqdm's monitor) and locks.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(paths)), mp_context=context, initializer=_start_worker, initargs=(task,)
    ) as pool:
        futures: dict[Future[Outcome], int] = {pool.submit(_work_in_worker, path): i for i, path in enumerate(paths)}
        for future in as_completed(futures):
            index = futures[future]
            try:
                yield index, future.result()
            except BrokenProcessPool as err:
                yield index, _dead(paths[index], err)


def run(
    paths: Sequence[Path],
    task: Task,
    *,
    jobs: int = 1,
    progress: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> tuple[Outcome, ...]:
    """Convert ``paths`` with ``task`` in ``jobs`` processes; outcomes in input order.

    ``on_outcome`` sees each outcome as soon as it and every earlier one are done (so what it
    prints comes out in input order). The progress bar (documents, rate, ETA) goes to stderr.
    """
    from tqdm import tqdm

    done: dict[int, Outcome] = {}
    next_index = 0
    with tqdm(total=len(paths), unit="doc", file=sys.stderr, disable=not progress, dynamic_ncols=True) as bar:
        for index, outcome in _in_order(paths, task, jobs):
            done[index] = outcome
            bar.update(1)
            while next_index in done:
                if on_outcome is not None:
                    with tqdm.external_write_mode(file=sys.stderr):
                        on_outcome(done[next_index])
                next_index += 1
    return tuple(done[i] for i in range(len(paths)))


def summary(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """The batch summary as JSON-ready data: the same bytes whatever the number of workers."""
    counts = {status: sum(1 for o in outcomes if o.status == status) for status in ("converted", "invalid", "failed")}
    return {
        "documents": len(outcomes),
        **counts,
        "facts": sum(o.facts for o in outcomes),
        "findings": sum(o.findings for o in outcomes),
        "outcomes": [{k: v for k, v in asdict(o).items() if k != "line"} for o in outcomes],
    }


def summary_line(outcomes: Sequence[Outcome]) -> str:
    """``2 documents: 1 converted, 0 invalid, 1 failed (bad.txt: empty file); 419 facts, 4 findings``."""
    data = summary(outcomes)
    text = f"{data['documents']} documents: {data['converted']} converted, {data['invalid']} invalid, "
    text += f"{data['failed']} failed"
    bad = [f"{Path(o.input).name}: {o.reason}" for o in outcomes if not o.ok]
    if bad:
        text += " (" + "; ".join(bad) + ")"
    return text + f"; {data['facts']} facts, {data['findings']} findings"
