"""Interface strings with numbers in them, said right in each language: "1 second", "2 seconds".

A placeholder may carry the forms of the word that follows its number, after a colon and separated
by bars, in the order the language's rule numbers them:

    kiosk.countdown: {en: "... in {n} {n:second|seconds}.", nb: "... om {n} {n:sekund|sekunder}."}

English and Norwegian Bokmål have two forms (one, other); a translator adding a language with more
(Polish: one, few, many) adds its rule to `RULES` and writes as many forms. Any other placeholder is
filled as `str.format` would fill it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping, Sequence
from typing import Any


def _one_other(n: float) -> int:
    return 0 if n == 1 else 1


def _polish(n: float) -> int:
    if n != int(n):
        return 3  # a fraction takes the form for fractions
    i = int(n)
    if i == 1:
        return 0
    if i % 10 in (2, 3, 4) and i % 100 not in (12, 13, 14):
        return 1
    return 2


# The CLDR cardinal rule of each language, as an index into the forms a placeholder lists.
RULES: dict[str, Callable[[float], int]] = {"en": _one_other, "nb": _one_other, "nn": _one_other,
                                            "pl": _polish}


def plural_index(lang: str, n: float) -> int:
    return RULES.get(lang.split("-")[0], _one_other)(abs(n))


_NUMBERS = re.compile(r"[0-9]+")


class _Formatter(string.Formatter):
    def __init__(self, lang: str, rule: Callable[[int], int] | None = None):
        self.lang = lang
        self.rule = rule

    def get_field(self, field_name: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        if not field_name.isidentifier():  # `{day.x}`, `{day[0]}`, `{0}`: a text, not a way into objects
            raise KeyError(field_name)
        return super().get_field(field_name, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" not in format_spec and any(len(n) > 2 for n in _NUMBERS.findall(format_spec)):
            raise ValueError("a width or precision of 100 or more")  # `{n:>999999999}` would fill memory
        if "|" in format_spec and isinstance(value, (int, float)) and not isinstance(value, bool):
            forms = format_spec.split("|")
            index = self.rule(int(abs(value))) if self.rule else plural_index(self.lang, value)
            return forms[min(index, len(forms) - 1)]
        return str(super().format_field(value, format_spec))


def fill(text: str, lang: str, values: Mapping[str, Any], rule: Callable[[int], int] | None = None) -> str:
    """`text` with its placeholders filled from `values` (plural forms chosen for `lang`, by `rule` when
    the content gives the language one: a translator's Plural-Forms); the text as it is when a
    placeholder names no value or is malformed."""
    try:
        return _Formatter(lang, rule).vformat(text, (), values)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError, OverflowError):
        return text
