"""Plural rules of languages added by translators, in gettext's `Plural-Forms` notation.

A PO file's header says how its language's words change with a number:
`nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);`.
`translate import` keeps it as the language's `plural:`; the interface strings then list that many
forms (`{n:plik|pliki|plików}`) and the game picks one with the rule.

The expression is compiled by the standard library's `gettext.c2py`, which accepts only `n`,
numbers, comparison, arithmetic, logic and `?:`, and refuses anything else (it is what every Python
program reading .mo files runs); it is short by construction (we refuse longer than 400 characters).
"""

from __future__ import annotations

import gettext
import re
from typing import Callable

HEADER = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?);?\s*$", re.S)
MAX_EXPRESSION = 400
SAMPLES = list(range(1001)) + [1_000_000]


class PluralError(ValueError):
    """A Plural-Forms header that cannot be used, with the reason."""


def parse(header: str) -> tuple[int, Callable[[int], int]]:
    """(number of forms, rule) from a Plural-Forms header; PluralError says what is wrong."""
    m = HEADER.match(header or "")
    if not m:
        raise PluralError(f"expected 'nplurals=N; plural=EXPRESSION;', found '{header}'")
    count, expr = int(m.group(1)), m.group(2).strip()
    if not 1 <= count <= 6:
        raise PluralError(f"expected nplurals from 1 to 6, found {count}")
    if len(expr) > MAX_EXPRESSION:
        raise PluralError(f"the plural expression is longer than {MAX_EXPRESSION} characters")
    try:
        rule = gettext.c2py(expr)
        top = max(rule(n) for n in SAMPLES)
    except (ValueError, SyntaxError, RecursionError, ZeroDivisionError, TypeError) as exc:
        raise PluralError(f"the plural expression '{expr}' is not valid ({exc})") from None
    if top >= count:
        raise PluralError(f"the plural expression gives form {top} but nplurals is {count}")
    return count, rule


def plural_count(lang: str, header: str | None) -> int:
    """How many word forms the language's interface strings list: as its header says, else two (one,
    other: English and Norwegian)."""
    if header:
        try:
            return parse(header)[0]
        except PluralError:
            pass
    return 2


def plural_rule(header: str | None) -> Callable[[int], int] | None:
    """The rule of a header, or None when it has none or it cannot be used (lint reports that)."""
    if not header:
        return None
    try:
        return parse(header)[1]
    except PluralError:
        return None
