"""Safe YAML reading that remembers where every value came from.

Content is read from PyYAML's event stream (the C parser when present) and built into plain
dicts, lists and scalars. Mappings and sequences are `YMap`/`YList`, which carry the position of
themselves, their keys and their items, so every later check can name `file:line:col`.

Building from events rather than from PyYAML's constructors means no tag can construct an object
(every explicit tag is refused), and the limits below are enforced while reading, so a hostile file
(an alias bomb, deep nesting, a huge file) costs bounded time and memory.

Scalars follow the YAML 1.2 core schema: only true/false are booleans, so `no:` (Norwegian!) stays a
string instead of turning into False, the well-known "Norway problem" of YAML 1.1.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml  # type: ignore[import-untyped, unused-ignore]  # typed where types-PyYAML is installed

from ..diagnostics import ERROR, WARNING, Diagnostic
from ..reading import MAX_CONTENT_BYTES as MAX_FILE_BYTES, MAX_DIGITS, ReadError, read_bytes

try:  # the C parser is about six times faster; fall back quietly where libyaml is missing
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader  # type: ignore[assignment, misc, unused-ignore]  # (stubs or none)

MAX_DEPTH = 40
MAX_NODES = 400_000  # counting every alias expansion
MAX_ALIASES = 2_000

# A position: (line, column, style); line and column are 1-based, style is the scalar's quoting
# style ('' plain, '"', "'", '|', '>') or '' for collections.
Mark = tuple[int, int, str]
NO_MARK: Mark = (1, 1, "")


class YMap(dict[str, Any]):
    """A mapping that knows where it, its keys and its values stand in the file."""

    __slots__ = ("mark", "key_marks", "value_marks", "path")

    def __init__(self, mark: Mark = NO_MARK, path: str = "") -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}
        self.path = path

    def key_mark(self, key: str) -> Mark:
        return self.key_marks.get(key, self.mark)

    def value_mark(self, key: str) -> Mark:
        return self.value_marks.get(key, self.mark)


class YList(list[Any]):
    """A sequence that knows where it and each of its items stand in the file."""

    __slots__ = ("mark", "item_marks", "path")

    def __init__(self, mark: Mark = NO_MARK, path: str = "") -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []
        self.path = path

    def item_mark(self, index: int) -> Mark:
        return self.item_marks[index] if 0 <= index < len(self.item_marks) else self.mark


_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)$")
_HEX = re.compile(r"0x[0-9a-fA-F_]+$")
_OCT = re.compile(r"0o[0-7_]+$")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True,
    "false": False, "False": False, "FALSE": False,
    ".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"),
    ".nan": float("nan"), ".NaN": float("nan"),
}


def _plain_scalar(value: str) -> Any:
    if value in _SPECIAL:
        return _SPECIAL[value]
    first = value[0]
    if first.isdigit() or first in "-+.":
        if _INT.match(value):
            return int(value.replace("_", ""))
        if _FLOAT.match(value):
            return float(value.replace("_", ""))
        if _HEX.match(value):
            return int(value[2:].replace("_", ""), 16)
        if _OCT.match(value):
            return int(value[2:].replace("_", ""), 8)
    return value


def _mark_of(event: Any, style: str = "") -> Mark:
    m = event.start_mark
    return (m.line + 1, m.column + 1, style)


def decode(data: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 text of a file's bytes, or a diagnostic naming the first bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [Diagnostic(path, line, col, ERROR,
                                 f"expected UTF-8 text, found the byte 0x{data[exc.start]:02x}; "
                                 "save the file as UTF-8", code="Y001")]


def read_file(path: str, display: str | None = None, max_bytes: int = MAX_FILE_BYTES,
              folder: str | None = None) -> tuple[Any, list[Diagnostic]]:
    """Read and parse one YAML file; returns (value or None, diagnostics). Only a regular file is
    read (never a pipe or a device), through a symlink only when it resolves inside `folder`."""
    shown = display or path
    try:
        data = read_bytes(path, max_bytes, folder)
    except ReadError as exc:
        if "too large" in exc.message:
            found = f"{exc.size / (1024 * 1024):.1f} MB" if exc.size else "more"
            return None, [Diagnostic(shown, 1, 1, ERROR,
                                     f"expected a content file of at most {max_bytes // (1024 * 1024)} MB, "
                                     f"found {found}; split it into smaller files", code="Y003")]
        return None, [Diagnostic(shown, 1, 1, ERROR, f"cannot read the file: it {exc.message}", code="Y002")]
    text, problems = decode(data, shown)
    if text is None:
        return None, problems
    return parse(text, shown)


def _quote_hint(text: str, line: int) -> str:
    """A hint for the common trap of a text that starts with a quote and goes on after it closes."""
    lines = text.splitlines()
    row = lines[line - 1] if 0 < line <= len(lines) else ""
    value = row.split(":", 1)[1].strip() if ":" in row else row.strip()
    if value and value[0] in "\"'" and value.count(value[0]) >= 2 and not value.endswith(value[0]):
        return ("; a text that starts with a quote must be quoted as a whole, e.g. "
                "text: '\"Hello,\" she said.' (or use the block form 'text: |-' on its own line)")
    return ""


def parse(text: str, path: str) -> tuple[Any, list[Diagnostic]]:
    """Parse YAML text into located values; returns (value or None, diagnostics)."""
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#")
                               for ln in text.splitlines()):
        return None, [Diagnostic(path, 1, 1, ERROR,
                                 "expected YAML content, found an empty file", code="Y003")]
    builder = _Builder(path)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if builder.feed(event):
                break
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        context = ""
        if exc.context:
            cm = exc.context_mark
            where = f" that starts at line {cm.line + 1}, column {cm.column + 1}" if cm else ""
            context = f" ({exc.context}{where})"
        hint = _quote_hint(text, line)
        return None, [Diagnostic(path, line, col, ERROR, f"invalid YAML: {problem}{context}{hint}", code="Y001")]
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked reader errors
        return None, [Diagnostic(path, 1, 1, ERROR, f"invalid YAML: {exc}", code="Y001")]
    except RecursionError:  # pragma: no cover - the depth limit comes first
        return None, [Diagnostic(path, 1, 1, ERROR, "nesting is too deep", code="Y003")]
    if builder.problem:
        return None, [builder.problem]
    return builder.root, builder.notes


class _Stop(Exception):
    pass


class _Builder:
    """Turns a stream of PyYAML events into YMap/YList values, enforcing the limits."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.stack: list[Any] = []        # open collections
        self.pending_key: list[Any] = []  # for maps: the key waiting for its value (or _NO_KEY)
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.anchor_of: list[str | None] = []
        self.size_at_open: list[int] = []
        self.nodes = 0
        self.aliases = 0
        self.documents = 0
        self.root: Any = None
        self.problem: Diagnostic | None = None
        self.flow: list[bool] = []          # for each open collection: is it written inline ({...}, [...])?
        self.notes: list[Diagnostic] = []   # portability warnings

    def fail(self, event: Any, message: str) -> bool:
        line, col, _ = _mark_of(event)
        self.problem = Diagnostic(self.path, line, col, ERROR, message, code="Y004")
        return True

    def feed(self, event: Any) -> bool:
        """Handle one event; True means stop (done or failed)."""
        kind = type(event)
        if kind is yaml.ScalarEvent:
            return self._scalar(event)
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            return self._open(event, kind is yaml.MappingStartEvent)
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            value = self.stack.pop()
            self.flow.pop()
            self.pending_key.pop()
            anchor = self.anchor_of.pop()
            size = self.nodes - self.size_at_open.pop()
            if anchor is not None:
                self.open_anchors.discard(anchor)
                self.anchors[anchor] = (value, size)
            return self._add(value, value.mark, event)
        if kind is yaml.AliasEvent:
            return self._alias(event)
        if kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                return self.fail(event, "expected one YAML document per file, found a second "
                                        "('---'); split it into two files")
        return False

    def _check_tag(self, event: Any) -> bool:
        tag = event.tag
        if tag is None or tag == "!":
            return False
        if tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
            return False
        return self.fail(event, f"expected plain YAML data, found the tag '{tag}'; tags that "
                                "build objects or change types are not allowed in content")

    def _count(self, event: Any, n: int = 1) -> bool:
        self.nodes += n
        if self.nodes > MAX_NODES:
            return self.fail(event, f"expected at most {MAX_NODES} values in one file, found more "
                                    "(aliases expand to too much data)")
        return False

    def _open(self, event: Any, is_map: bool) -> bool:
        if self._check_tag(event) or self._count(event):
            return True
        if len(self.stack) >= MAX_DEPTH:
            return self.fail(event, f"expected nesting at most {MAX_DEPTH} levels deep, found deeper")
        mark = _mark_of(event)
        value = YMap(mark, self.path) if is_map else YList(mark, self.path)
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        self.anchor_of.append(event.anchor)
        self.size_at_open.append(self.nodes)
        self.flow.append(bool(getattr(event, "flow_style", False)))
        self.stack.append(value)
        self.pending_key.append(_NO_KEY)
        return False

    def _scalar(self, event: Any) -> bool:
        if self._check_tag(event) or self._count(event):
            return True
        style = event.style or ""
        if not style and self.flow and self.flow[-1] and ("?" in event.value or " #" in event.value):
            line, col, _ = _mark_of(event)
            self.notes.append(Diagnostic(self.path, line, col, WARNING,
                                         "put this text in quotes: inside {...} or [...], '?' and ' #' are read "
                                         "differently by other YAML readers", code="Y010"))
        if event.tag == "tag:yaml.org,2002:str" or style:
            value: Any = event.value
        else:
            raw = event.value
            if len(raw) > MAX_DIGITS and raw[0] in "0123456789-+." and (
                    _INT.match(raw) or _FLOAT.match(raw) or _HEX.match(raw) or _OCT.match(raw)):
                return self.fail(event, f"expected a number of at most {MAX_DIGITS} characters, found one "
                                        f"of {len(raw)}; put it in quotes if it is a text")
            value = _plain_scalar(raw)
            if isinstance(value, float) and not math.isfinite(value):
                return self.fail(event, f"expected a finite number, found '{raw}'; infinity and NaN "
                                        "(not a number) cannot be used in content")
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)
        return self._add(value, _mark_of(event, style), event)

    def _alias(self, event: Any) -> bool:
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            return self.fail(event, f"expected at most {MAX_ALIASES} aliases in one file, found more")
        name = event.anchor
        if name in self.open_anchors:
            return self.fail(event, f"expected an alias to a finished value, found '*{name}' "
                                    "inside its own anchor (a recursive alias)")
        if name not in self.anchors:  # pragma: no cover - the parser reports this first
            return self.fail(event, f"unknown alias '*{name}'")
        value, size = self.anchors[name]
        if self._count(event, size):
            return True
        return self._add(value, _mark_of(event), event)

    def _add(self, value: Any, mark: Mark, event: Any) -> bool:
        if not self.stack:
            self.root = value
            return False
        parent = self.stack[-1]
        if type(parent) is YList:
            parent.append(value)
            parent.item_marks.append(mark)
            return False
        key = self.pending_key[-1]
        if key is _NO_KEY:
            if isinstance(value, (YMap, YList)) or value is None:
                return self.fail(event, "expected a simple name as a mapping key, found "
                                        + ("nothing" if value is None else "a collection"))
            key = str(value) if not isinstance(value, str) else value
            if key in parent:
                first = parent.key_marks[key]
                return self.fail(event, f"duplicate key '{key}' (first defined at line {first[0]})")
            parent.key_marks[key] = mark
            self.pending_key[-1] = key
            return False
        parent[key] = value
        parent.value_marks[key] = mark
        self.pending_key[-1] = _NO_KEY
        return False


_NO_KEY = object()
