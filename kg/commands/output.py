"""What every command does with its output: check ``--out`` before the work starts, and turn
a failed write (full disk, missing folder, closed pipe) into one line instead of a traceback."""
from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click


# C0 controls but tab and newline, DEL, C1 controls, bidirectional overrides: what can drive a
# terminal (set its title, clear it) or hide text; shown escaped, never written raw
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b``, ``\\u202e``)."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def one_line(text: str, limit: int = 300) -> str:
    """``text`` on one line, cut to ``limit`` characters: a message, not a dump."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_out(path: Path | None, param: click.Parameter | None = None) -> None:
    """Refuse an output path that cannot be written, before any work is done: a folder on the
    way that is a file, or a folder that exists but is read-only."""
    if path is None:
        return
    param_hint = None if param is not None else "'--out'"
    if path.is_dir():
        raise click.BadParameter(f"{path} is a folder, not a file", param=param, param_hint=param_hint)
    parent = path.absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise click.BadParameter(f"cannot write {path}: {parent} is a file, not a folder",
                                 param=param, param_hint=param_hint)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise click.BadParameter(f"cannot write {path}: {parent} is not writable", param=param,
                                 param_hint=param_hint)


def write_failed(target: str | Path, exc: OSError) -> click.ClickException:
    """The error for a write that the system refused."""
    reason = exc.strerror or str(exc)
    return click.ClickException(one_line(f"cannot write {target}: {reason}"))


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (test runner)
        pass


@contextmanager
def stdout_errors() -> Iterator[None]:
    """Report a failed write to standard output (``> /dev/full``) as an error. A reader that
    went away (``| head``, EPIPE) is left to click, which ends the command quietly."""
    try:
        yield
        sys.stdout.flush()
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise
        _silence_stdout()
        raise write_failed("standard output", exc) from None
