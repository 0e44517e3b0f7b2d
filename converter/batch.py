"""Many documents at once: inputs from folders and globs, worker processes, a progress bar, a summary.

``run(paths, task, jobs=N)`` hands each path to ``task`` in one of N worker processes and
returns one ``Outcome`` per path, in input order, whatever order they finish in. A task is a
picklable object whose ``open()`` prepares what a worker needs once (the taxonomy, an Arelle
validator: Arelle is not thread-safe, so one per process) and yields the function that
converts one document. That function reports a failure as an ``Outcome``; it does not raise,
so one bad document never stops the batch.

Each worker converts one document at a time, so a worker that dies (killed, out of memory)
costs only the document it held: that one is reported as failed, a new worker takes its
place and the batch goes on. Workers die with the parent. SIGINT and SIGTERM stop the batch:
the workers are told to stop (SIGTERM, then SIGKILL after a grace period), and ``run`` raises
``Interrupted`` carrying the outcomes of the documents that were done.
"""

from __future__ import annotations

import glob
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import asdict, dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from types import FrameType
from typing import Any, Protocol

__all__ = [
    "BatchError",
    "Interrupted",
    "Outcome",
    "Task",
    "expand_inputs",
    "publishing",
    "run",
    "summary",
    "summary_line",
    "uninterruptible",
]

# What a folder given as input contributes: text filings, EDGAR submissions and HTML exhibits.
FOLDER_SUFFIXES = (".txt", ".htm", ".html")
FOLDER_PATTERN = "*.txt, *.htm, *.html"
SIDECAR_SUFFIX = ".meta.json"
# How long stopped workers get to clean up after SIGTERM before they are killed.
GRACE_SECONDS = 1.0
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class BatchError(Exception):
    """The inputs do not make a batch (a glob or folder matching nothing)."""


class Interrupted(BaseException):
    """SIGINT or SIGTERM stopped the batch; ``done`` holds the outcomes of the documents finished."""

    def __init__(self, signum: int, done: Sequence[Outcome] = (), late: Sequence[tuple[int, Outcome]] = ()) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.done = tuple(done)
        self.late = tuple(late)  # (index, outcome) sent by workers as they were being stopped

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


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
    # Every file published for it, by name in the output folder.
    outputs: tuple[str, ...] = ()

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
    that matches nothing is a ``BatchError``. Inputs of the same name in different folders are
    fine: the outputs are named apart (see ``converter.cli``).
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
    return list(found)


class _Hold:
    """Whether a stop signal must wait: from the moment a document's outputs start being published
    until its outcome is recorded (by the serial loop) or sent (by a worker). One per process, as
    signal handlers are; ``pending`` is the signal that arrived meanwhile."""

    def __init__(self) -> None:
        self.held = False
        self.pending: int | None = None

    def release(self) -> int | None:
        """Stop holding; the signal that arrived meanwhile, if any."""
        pending, self.held, self.pending = self.pending, False, None
        return pending


_HOLD = _Hold()


@contextmanager
def publishing() -> Iterator[None]:
    """Around moving a document's outputs into place: a stop signal waits until its outcome is recorded,
    so a document is either published and in the summary, or neither."""
    _HOLD.held = True
    with uninterruptible():
        yield


@contextmanager
def uninterruptible() -> Iterator[None]:
    """SIGINT and SIGTERM held back (delivered on leaving) while files are being published.

    Only the main thread can change the signal mask for the signals Python handles; elsewhere
    this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


# --- the worker process --------------------------------------------------------------------------


def _die_with_parent(parent: int) -> None:
    """SIGTERM this process when ``parent`` dies: prctl(PR_SET_PDEATHSIG) on Linux, and a watching
    thread everywhere (it also covers the moment before prctl took effect)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no libc: the thread still watches
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
    if os.getppid() != parent:
        os._exit(143)


def _stop_worker(signum: int, frame: FrameType | None) -> None:
    if _HOLD.held:
        _HOLD.pending = _HOLD.pending or signum
        return
    # Once: a second SIGTERM (the parent-watch thread after PR_SET_PDEATHSIG) must not cut the unwinding.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise SystemExit(128 + signum)  # unwinds: the document's private folder is removed on the way out


def _worker_main(task: Task, conn: Connection, parent: int) -> None:
    """Receive ``(index, path)``, send ``(index, Outcome)``, until told to stop (None) or the pipe closes."""
    # Started with SIGINT and SIGTERM blocked (see _Worker): Ctrl-C reaches the whole process group,
    # and the parent decides; SIGTERM (the parent stopping, or gone) unwinds the document in hand.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_worker)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    _die_with_parent(parent)
    with task.open() as work:
        while True:
            try:
                item = conn.recv()
            except (EOFError, OSError):
                return
            if item is None:
                return
            index, path = item
            outcome = work(path)
            try:
                conn.send((index, outcome))
            except OSError:
                return  # the parent is gone
            stopped = _HOLD.release()
            if stopped is not None:
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                raise SystemExit(128 + stopped)


# --- the parent ----------------------------------------------------------------------------------


def _dead(path: Path, exitcode: int | None) -> Outcome:
    if exitcode is not None and exitcode < 0:
        try:
            how = f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"killed by signal {-exitcode}"
    else:
        how = f"exit code {exitcode}"
    return Outcome(input=str(path), status="failed", reason=f"worker process died ({how}); out of memory?")


class _Worker:
    """One worker process, its end of the pipe and the document it holds."""

    def __init__(self, context: Any, task: Task) -> None:
        ours, theirs = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(task, theirs, os.getpid()), daemon=True)
        with uninterruptible():  # the child starts with them blocked, until it has its own handlers
            self.process.start()
        theirs.close()
        self.conn: Connection = ours
        self.holding: int | None = None

    def give(self, index: int, path: Path) -> None:
        self.holding = index
        with suppress(OSError):  # it died after its last result: its sentinel reports this document
            self.conn.send((index, path))

    def retire(self) -> None:
        """No more documents: it closes its task and exits on its own."""
        with suppress(OSError):
            self.conn.send(None)
        self.conn.close()

    def stop(self) -> None:
        """Ask it to finish: SIGTERM (a busy one unwinds, or finishes publishing and sends its outcome)."""
        if self.process.is_alive():
            self.process.terminate()


class _StopRequest:
    """The first SIGINT or SIGTERM received while the batch runs."""

    def __init__(self) -> None:
        self.signum: int | None = None

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self.signum is None:
            self.signum = signum


@contextmanager
def _catching_stop_signals(handler: Callable[[int, FrameType | None], Any]) -> Iterator[bool]:
    """Install ``handler`` for SIGINT and SIGTERM (main thread only); yields whether it could."""
    if threading.current_thread() is not threading.main_thread():
        yield False
        return
    previous = {signum: signal.signal(signum, handler) for signum in _STOP_SIGNALS}
    try:
        yield True
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    if _HOLD.held:
        _HOLD.pending = _HOLD.pending or signum
        return
    raise Interrupted(signum)


def _serial(paths: Sequence[Path], task: Task) -> Iterator[tuple[int, Outcome]]:
    with _catching_stop_signals(_raise_interrupt), task.open() as work:
        for index, path in enumerate(paths):
            try:
                outcome = work(path)
            except BaseException:
                _HOLD.release()
                raise
            yield index, outcome  # recorded by run() before this resumes
            stopped = _HOLD.release()
            if stopped is not None:
                raise Interrupted(stopped)


def _pool(paths: Sequence[Path], task: Task, jobs: int) -> Iterator[tuple[int, Outcome]]:
    """(index, outcome) pairs as documents finish, one document at a time per worker."""
    # spawn, not fork: a forked child would inherit the parent's threads (tqdm's monitor) and locks.
    context = multiprocessing.get_context("spawn")
    todo = deque(enumerate(paths))
    stop = _StopRequest()
    workers: list[_Worker] = []
    retired: list[_Worker] = []
    with _catching_stop_signals(stop):
        try:
            for _ in range(min(jobs, len(paths))):
                worker = _Worker(context, task)
                workers.append(worker)
                worker.give(*todo.popleft())
            while workers:
                if stop.signum is not None:
                    late = _stop_all(workers, retired)
                    workers, retired = [], []
                    raise Interrupted(stop.signum, late=late)
                owner: dict[Any, _Worker] = {w.conn: w for w in workers}
                owner.update({w.process.sentinel: w for w in workers})
                for ready in wait(list(owner), timeout=0.2):
                    worker = owner[ready]
                    if worker not in workers or worker.holding is None:
                        continue
                    index = worker.holding
                    outcome: Outcome | None = None
                    try:
                        if worker.conn.poll():
                            _, outcome = worker.conn.recv()
                    except (EOFError, OSError):
                        outcome = None
                    if outcome is None:
                        if worker.process.is_alive():
                            continue  # woken by its sentinel only after its result: not dead yet
                        worker.process.join()
                        outcome = _dead(paths[index], worker.process.exitcode)
                        worker.conn.close()
                        workers.remove(worker)
                        if todo:
                            worker = _Worker(context, task)  # a fresh one in its place
                            workers.append(worker)
                    worker.holding = None
                    yield index, outcome
                    if todo and worker in workers:
                        worker.give(*todo.popleft())
                    elif worker in workers:
                        worker.retire()
                        workers.remove(worker)
                        retired.append(worker)
        finally:
            _stop_all(workers, retired)


def _stop_all(workers: Sequence[_Worker], retired: Sequence[_Worker]) -> list[tuple[int, Outcome]]:
    """Stop every worker still running: SIGTERM, then SIGKILL those still there after the grace period
    (retired ones, already finishing, get the grace period first). Returns the outcomes that workers
    finishing a publication sent meanwhile."""
    for worker in workers:
        worker.stop()
    late: list[tuple[int, Outcome]] = []
    deadline = time.monotonic() + GRACE_SECONDS
    listening: dict[Any, _Worker] = {w.conn: w for w in workers if not w.conn.closed}
    while listening and time.monotonic() < deadline:
        for ready in wait(list(listening), timeout=max(0.0, deadline - time.monotonic())):
            worker = listening[ready]
            try:
                late.append(worker.conn.recv())
            except (EOFError, OSError):
                del listening[ready]  # gone: nothing more will come
    for worker in [*workers, *retired]:
        worker.process.join(max(0.0, deadline - time.monotonic()))
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        if not worker.conn.closed:
            worker.conn.close()
    return late


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
    SIGINT or SIGTERM raise ``Interrupted`` with the outcomes done so far, in input order.
    """
    from tqdm import tqdm

    done: dict[int, Outcome] = {}
    next_index = 0
    try:
        with tqdm(total=len(paths), unit="doc", file=sys.stderr, disable=not progress, dynamic_ncols=True) as bar:
            serial = jobs <= 1 or len(paths) <= 1
            for index, outcome in _serial(paths, task) if serial else _pool(paths, task, jobs):
                done[index] = outcome
                bar.update(1)
                while next_index in done:
                    if on_outcome is not None:
                        with tqdm.external_write_mode(file=sys.stderr):
                            on_outcome(done[next_index])
                    next_index += 1
    except KeyboardInterrupt:
        raise Interrupted(signal.SIGINT, [done[i] for i in sorted(done)]) from None
    except Interrupted as err:
        done.update(dict(err.late))
        raise Interrupted(err.signum, [done[i] for i in sorted(done)]) from None
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
