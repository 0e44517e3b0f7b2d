"""A per-document memory limit: what converting one document may add to its process's memory.

``limited(allowance)`` lowers the process's ``RLIMIT_DATA`` (its heap and private mappings, what
Python's objects live in) to what the process holds now plus ``allowance`` bytes, and puts it back
afterwards. A conversion that would go over it gets a ``MemoryError`` where it allocates, unwinds,
and is reported as too large; the process, and the batch, go on. ``allowance_for(size)`` is the
allowance a document of ``size`` bytes gets by default: ``PER_INPUT_BYTE`` times its size, at least
a floor (the command line's ``--max-memory``).

Linux only (``/proc/self/status`` says what the process holds; other systems do not enforce
``RLIMIT_DATA`` on ``mmap``): elsewhere ``limited`` limits nothing. One document at a time per
process: the limit is the process's, so a process converting several documents at once in
threads (a Dask worker) is not limited here but by its own worker memory limit.
"""

from __future__ import annotations

import re
import resource
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["PER_INPUT_BYTE", "PER_INPUT_BYTE_VALIDATING", "allowance_for", "data_size", "limited"]

# Converting and writing every output takes 15-25 times the input's size for a filing of statements
# and prose (measured up to 50 MB, `make fuzz`); this leaves room above that.
PER_INPUT_BYTE = 40
# Arelle's model of the instance, when the batch validates, takes about a hundred times the input's
# size for a filing dense with figures (a 10 MB one: 900 MB).
PER_INPUT_BYTE_VALIDATING = 160
DEFAULT_FLOOR_MB = 1024
MB = 1 << 20
# How close to its limit a process must be for an error that is not a MemoryError to count as one.
NEAR_LIMIT = 32 * MB

_VMDATA = re.compile(rb"^VmData:\s+(\d+)\s+kB", re.MULTILINE)


def allowance_for(size: int, floor_mb: int = DEFAULT_FLOOR_MB, *, validating: bool = False) -> int:
    """Bytes a document of ``size`` bytes may add while it is converted: the larger of ``floor_mb``
    megabytes and ``PER_INPUT_BYTE`` (``PER_INPUT_BYTE_VALIDATING``) times ``size``."""
    return max(floor_mb * MB, (PER_INPUT_BYTE_VALIDATING if validating else PER_INPUT_BYTE) * size)


def data_size() -> int | None:
    """What ``RLIMIT_DATA`` counts for this process now, in bytes (``VmData``); None where unknown."""
    try:
        with open("/proc/self/status", "rb") as status:
            found = _VMDATA.search(status.read())
    except OSError:
        return None
    return int(found.group(1)) * 1024 if found else None


@contextmanager
def limited(allowance: int | None) -> Iterator[int | None]:
    """Within the block, the process may hold at most ``allowance`` bytes more data than on entering;
    yields the limit set (bytes of data in all), or None where none is (no allowance, not Linux,
    not the main thread, or a lower limit already in place)."""
    held = data_size() if allowance is not None and sys.platform.startswith("linux") else None
    if allowance is None or held is None or threading.current_thread() is not threading.main_thread():
        yield None
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    limit = held + allowance
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft != resource.RLIM_INFINITY and soft <= limit:
        yield None  # the operator's own limit (ulimit -d) is lower: it stands
        return
    before = (soft, hard)  # made now: putting it back must not need memory
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    try:
        yield limit
    except MemoryError:
        raise
    except Exception as err:
        # Not every library says MemoryError when an allocation fails (a C extension's "error return
        # without exception set"): an error raised with the process at its limit is the limit's.
        now = data_size()
        if now is not None and now >= limit - max(NEAR_LIMIT, allowance // 10):
            raise MemoryError(f"at the memory limit ({type(err).__name__})") from err
        raise
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, before)
