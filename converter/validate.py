"""Arelle in-process and offline: validate instances against the taxonomy package, collect structured messages.

One ``Validator`` serves many files in one process (Arelle is not thread-safe: use processes for
parallelism). Each file is checked with XBRL 2.1 and XML Schema validity, Calculations 1.1 with
round-to-nearest (``c11r``) and the Unit Type Registry. The entry point may be an XBRL instance,
an xBRL-JSON report or an Inline XBRL document: Arelle picks the loader from the content.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from converter.package import write_package
from converter.taxonomy import Taxonomy

__all__ = [
    "ERROR_LEVELS",
    "INCONSISTENCY_LEVEL",
    "MessageRef",
    "ValidationMessage",
    "ValidationResult",
    "Validator",
    "validate_paths",
]

ERROR_LEVELS = frozenset({"ERROR", "CRITICAL", "FATAL"})
INCONSISTENCY_LEVEL = "INCONSISTENCY"
WARNING_LEVEL = "WARNING"
CALC11_PREFIX = "calc11e:"
CALCS = "c11r"  # Calculations 1.1, round to nearest


@dataclass(frozen=True, slots=True)
class MessageRef:
    """An object a message points at: ``{"href": "q1.xbrl#f12", "sourceLine": 26, ...}``.

    ``concept`` is the fact's QName (``lx:Revenues``); ``fact_id`` its id, when the fact has one.
    """

    href: str
    line: int | None = None
    concept: str | None = None
    fact_id: str | None = None


@dataclass(frozen=True, slots=True)
class ValidationMessage:
    """One Arelle message: ``[calc11e:inconsistentCalculationUsingRounding] Calculation inconsistent from ...``."""

    code: str
    level: str
    message: str
    refs: tuple[MessageRef, ...] = ()

    @property
    def is_inconsistency(self) -> bool:
        return self.level == INCONSISTENCY_LEVEL or (self.level in ERROR_LEVELS and self.code.startswith(CALC11_PREFIX))

    @property
    def is_error(self) -> bool:
        return self.level in ERROR_LEVELS and not self.is_inconsistency

    @property
    def line(self) -> int | None:
        """The source line of the first referenced object that has one."""
        return next((ref.line for ref in self.refs if ref.line is not None), None)

    @property
    def concept(self) -> str | None:
        """The QName of the first referenced fact: ``lx:OperatingIncomeLoss``."""
        return next((ref.concept for ref in self.refs if ref.concept is not None), None)


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """Everything Arelle said about one file (INFO messages included), and how long it took."""

    path: Path
    messages: tuple[ValidationMessage, ...]
    seconds: float = 0.0

    @property
    def errors(self) -> int:
        return sum(1 for m in self.messages if m.is_error)

    @property
    def inconsistencies(self) -> int:
        return sum(1 for m in self.messages if m.is_inconsistency)

    @property
    def warnings(self) -> int:
        return sum(1 for m in self.messages if m.level == WARNING_LEVEL)

    @property
    def ok(self) -> bool:
        """No error and no calculation inconsistency (warnings allowed)."""
        return self.errors == 0 and self.inconsistencies == 0

    @property
    def problems(self) -> tuple[ValidationMessage, ...]:
        """Errors, inconsistencies and warnings, without Arelle's INFO chatter."""
        return tuple(m for m in self.messages if m.is_error or m.is_inconsistency or m.level == WARNING_LEVEL)


class Validator:
    """Validate many files against one taxonomy package zip.

    ``with Validator(Path("lx.zip")) as validator: result = validator.validate(Path("q1.xbrl"))``
    """

    def __init__(self, package_zip: Path, *, calcs: str = CALCS, utr: bool = True) -> None:
        self._package = package_zip.resolve()
        self._calcs = calcs
        self._utr = utr
        self._thread = threading.get_ident()
        self._config_home: Path | None = None

    def __enter__(self) -> Self:
        self._ensure_config_home()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Remove the private Arelle config directory."""
        if self._config_home is not None:
            shutil.rmtree(self._config_home, ignore_errors=True)
            self._config_home = None

    def validate(self, path: Path) -> ValidationResult:
        """Validate one entry point (``.xbrl``, ``.json`` xBRL-JSON, ``.html`` Inline XBRL)."""
        if threading.get_ident() != self._thread:
            raise RuntimeError("a Validator belongs to the thread that created it; Arelle is not thread-safe")
        from arelle.api.Session import Session  # importing Arelle takes ~0.3 s: only when validating
        from arelle.RuntimeOptions import RuntimeOptions

        options = RuntimeOptions(
            entrypointFile=str(path),
            validate=True,
            calcs=self._calcs,
            utrValidate=self._utr,
            workOffline=True,
            disablePersistentConfig=True,
            packages=[str(self._package)],
            logRefObjectProperties=True,
        )
        started = time.perf_counter()
        # A fresh Session per file: in arelle-release 2.47.3, Session.run() resets the package
        # manager's configuration to {} before each run, so a second run with `packages` in the same
        # Session fails with KeyError('packages'); and clear_logs() leaves structured messages in
        # place. Creating a Session costs well under a millisecond.
        with _environment("XDG_CONFIG_HOME", str(self._ensure_config_home())), Session() as session:
            completed = session.run(options, logFileName="logToStructuredMessage")
            raw = list(session.get_log_messages())
            session.clear_logs()
        messages = tuple(_message(entry) for entry in raw)
        if not completed and not any(m.is_error for m in messages):
            messages += (ValidationMessage("validate.run-failed", "ERROR", f"Arelle did not complete {path}"),)
        return ValidationResult(path=path, messages=messages, seconds=time.perf_counter() - started)

    def validate_all(self, paths: Iterable[Path]) -> list[ValidationResult]:
        return [self.validate(path) for path in paths]

    def _ensure_config_home(self) -> Path:
        # Arelle reads ~/.config/arelle (its web cache) unless pointed elsewhere; keep it private.
        if self._config_home is None:
            self._config_home = Path(tempfile.mkdtemp(prefix="legacy-xbrl-arelle-"))
        return self._config_home


def validate_paths(paths: Iterable[Path], taxonomy: Taxonomy) -> list[ValidationResult]:
    """Write the taxonomy package to a temporary directory and validate each path against it."""
    with tempfile.TemporaryDirectory(prefix="legacy-xbrl-package-") as folder:
        package = write_package(taxonomy, Path(folder) / f"{taxonomy.package_id}.zip")
        with Validator(package) as validator:
            return validator.validate_all(paths)


@contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            del os.environ[name]
        else:
            os.environ[name] = previous


def _message(entry: Mapping[str, Any]) -> ValidationMessage:
    """``{"levelname": "ERROR", "messageCode": "xbrl:schemaImportMissing", "msg": "...", "refs": [...]}``"""
    refs = entry.get("refs") or ()
    return ValidationMessage(
        code=str(entry.get("messageCode") or ""),
        level=str(entry.get("levelname") or ""),
        message=str(entry.get("msg") or ""),
        refs=tuple(_ref(ref) for ref in refs if isinstance(ref, Mapping)),
    )


def _ref(ref: Mapping[str, Any]) -> MessageRef:
    """``{"href": "q1.xbrl#element(/1/10)", "sourceLine": 26, "properties": [["QName", "lx:Revenues"], ...]}``"""
    href = str(ref.get("href") or "")
    fragment = href.partition("#")[2]
    line = ref.get("sourceLine")
    properties = ref.get("properties") or ()
    concept = next(
        (str(p[1]) for p in properties if isinstance(p, Sequence) and len(p) >= 2 and p[0] == "QName"),
        None,
    )
    return MessageRef(
        href=href,
        line=int(line) if isinstance(line, int | str) and str(line).isdigit() else None,
        concept=concept,
        fact_id=fragment if fragment and not fragment.startswith("element(") else None,
    )
