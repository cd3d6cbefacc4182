"""Reading any file the game is handed: one discipline for content, saves, settings, kiosk and class
configuration, result files and translations.

A file is read only when it is a regular file (a FIFO would block, a device such as /dev/zero never
ends), through a symlink only when the link resolves inside the folder it belongs to, and only up to
a size limit checked before and while reading. A byte-order mark (Notepad's habit) is tolerated.
JSON is checked for nesting depth, the length of every number, NaN and infinity before it is
parsed, so no file can make the parser recurse, spend minutes on a 5,000-digit integer or put a NaN
into a risk. Every refusal is a `ReadError` whose message says why in plain words and, when it is
about a place in the file, at which line and column.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from typing import Any

MAX_DIGITS = 30          # a number longer than this is no figure anyone wrote on purpose
MAX_JSON_DEPTH = 32
MAX_CONTENT_BYTES = 4 * 1024 * 1024  # one content file (YAML)
BOM = b"\xef\xbb\xbf"


class ReadError(Exception):
    """A file that cannot be used; `message` says why, `line` and `col` where (1-based)."""

    def __init__(self, message: str, line: int = 1, col: int = 1, size: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col
        self.size = size  # for a file too large: its size in bytes, when known

    def where(self) -> str:
        """'line L, column C: message' (or only the message for the file as a whole)."""
        if self.line == 1 and self.col == 1:
            return self.message
        return f"line {self.line}, column {self.col}: {self.message}"


def _inside(path: str, folder: str) -> bool:
    real = os.path.realpath(path)
    root = os.path.realpath(folder)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def read_bytes(path: str, max_bytes: int, folder: str | None = None) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; raises ReadError. A symlink is followed
    only when it resolves inside `folder` (by default the folder the link is in)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise ReadError("does not exist") from None
    except OSError as exc:
        raise ReadError(f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISLNK(info.st_mode):
        if not _inside(path, folder or os.path.dirname(os.path.abspath(path))):
            raise ReadError("is a link to a file outside its folder; copy the file here instead")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("is not a regular file (a folder, a pipe or a device)")
        if info.st_size > max_bytes:
            raise ReadError(f"is too large ({_size(info.st_size)}; at most {_size(max_bytes)})",
                            size=info.st_size)
        fd = os.open(path, flags)
    except ReadError:
        raise
    except OSError as exc:
        raise ReadError(f"cannot be read ({exc.strerror or exc})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for a pipe between the checks
            raise ReadError("is not a regular file (a folder, a pipe or a device)")
        chunks: list[bytes] = []
        got = 0
        while got <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except OSError as exc:
        raise ReadError(f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if got > max_bytes:
        raise ReadError(f"is too large (more than {_size(max_bytes)})")
    return b"".join(chunks)


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    return f"{max(1, round(n / 1024))} KB"


def decode_text(data: bytes) -> str:
    """UTF-8 text of a file's bytes, a byte-order mark dropped; raises ReadError at the bad byte."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = position_of(data, exc.start)
        raise ReadError(f"is not UTF-8 text (the byte 0x{data[exc.start]:02x}); save it as UTF-8",
                        line, col) from None


def position_of(text: str | bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character (or byte) offset."""
    nl: Any = b"\n" if isinstance(text, bytes) else "\n"
    before = text[:offset]
    return before.count(nl) + 1, offset - (before.rfind(nl) + 1) + 1


def read_text(path: str, max_bytes: int, folder: str | None = None) -> str:
    """A regular UTF-8 text file of at most `max_bytes` (see read_bytes); raises ReadError."""
    return decode_text(read_bytes(path, max_bytes, folder))


# -- JSON ------------------------------------------------------------------------------------------
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]|-?[0-9][0-9.eE+-]*|NaN|-?Infinity', re.DOTALL)


def check_json(text: str, max_depth: int = MAX_JSON_DEPTH, max_digits: int = MAX_DIGITS) -> None:
    """Refuse, with its position, JSON nested deeper than `max_depth`, a number longer than
    `max_digits`, or NaN/Infinity; everything else is left to the parser."""
    depth = 0
    for m in _JSON_TOKEN.finditer(text):
        tok = m.group()
        first = tok[0]
        if first == '"':
            continue
        if first in "[{":
            depth += 1
            if depth > max_depth:
                raise ReadError(f"is nested more than {max_depth} levels deep", *position_of(text, m.start()))
        elif first in "]}":
            depth -= 1
        elif first in "NI" or tok.startswith("-I"):
            raise ReadError(f"holds '{tok}', which is not a number", *position_of(text, m.start()))
        elif len(tok) > max_digits:
            raise ReadError(f"holds a number {len(tok)} characters long (at most {max_digits})",
                            *position_of(text, m.start()))


def _finite_float(raw: str) -> float:
    value = float(raw)
    if not math.isfinite(value):
        raise ValueError(f"the number {raw} is too large")
    return value


def _no_constant(raw: str) -> Any:
    raise ValueError(f"'{raw}' is not a number")


def parse_json(text: str, max_depth: int = MAX_JSON_DEPTH, max_digits: int = MAX_DIGITS) -> Any:
    """JSON text parsed within the limits; raises ReadError with the line and column."""
    check_json(text, max_depth, max_digits)
    try:
        return json.loads(text, parse_float=_finite_float, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ReadError(f"is not valid JSON ({exc.msg})", exc.lineno, exc.colno) from None
    except (ValueError, RecursionError) as exc:
        raise ReadError(f"is not valid JSON ({exc})") from None


def read_json(path: str, max_bytes: int, folder: str | None = None,
              max_depth: int = MAX_JSON_DEPTH) -> Any:
    """A JSON file read under the discipline above; raises ReadError."""
    return parse_json(read_text(path, max_bytes, folder), max_depth)


# -- values ----------------------------------------------------------------------------------------
def is_number(value: Any) -> bool:
    """A real, finite int or float (not a bool, not NaN, not infinite)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return isinstance(value, int) or math.isfinite(value)


def in_range(value: Any, lo: float, hi: float) -> bool:
    """A finite number from `lo` to `hi`."""
    return is_number(value) and lo <= value <= hi
