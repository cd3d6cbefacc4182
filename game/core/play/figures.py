"""A fact as every surface shows it, and the real figures an ending shows.

Every fact and figure carries its caveat and its sources wherever a player meets it: a scene's fact
card, the real figures at the ending, the kiosk's attract loop. `card` gives those parts in one
language, so the window, the terminal and the measure of reading time show and count the same
thing; `ending_figures` says which facts a campaign's ending shows (its `compare` list, or every fact
tagged `comparison`); `source` writes a source in the player's language. `number` and `formula`
write the model's numbers the language's way, as the ending's "How is this calculated" shows them
on every surface.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content import Campaign, Content, Fact, Source
from ..world import as_source


@dataclass(frozen=True, slots=True)
class Card:
    """A fact in one language: what it says, what it does not (its caveat, "" if none), its sources."""

    text: str
    caveat: str
    sources: tuple[str, ...]  # each source by its title, in the order the content gives them


def card(content: Content, fact: Fact, lang: str) -> Card:
    """The parts of a fact card, every source included."""
    return Card(content.text(fact.text, lang), content.text(fact.caveat, lang),
                tuple(src.title for src in fact.sources if src.title))


def source(content: Content, src: Source | str | dict[str, Any], lang: str) -> str:
    """A source as one line in the player's language: its title (the word 'assumption' in theirs), its
    note (a caveat such as 'the factor 2 is chosen for teaching') and its address."""
    found = as_source(src)
    title = content.ui("source.assumption", lang) if found.assumption else None
    return found.text(lang, title)


def ending_figures(content: Content, campaign: Campaign) -> list[Fact]:
    """The real figures a campaign's ending shows beside the estimate, in order."""
    if campaign.compare:
        return [content.facts[f] for f in campaign.compare if f in content.facts]
    return [f for f in content.facts.values() if "comparison" in f.tags]


def number(content: Content, value: float, lang: str, fmt: str = "g") -> str:
    """A number written the language's way (a decimal comma in Norwegian), minus as a real minus."""
    text = format(value, fmt)
    sep = content.ui("ui.decimal_separator", lang)
    if sep and sep != "ui.decimal_separator":
        text = text.replace(".", sep)
    return text.replace("-", "−")


def formula(content: Content, lang: str, times: str = "·") -> str:
    """The model's risk formula written out with its weights and the meters' names:
    "z = −2.83 + 0.8·Criminal history + …" (a screen reader's path may ask for " × ", read "times")."""
    model = content.model
    parts = [f" + {number(content, f.weight, lang)}{times}{content.text(model.variables[f.var].name, lang)}"
             for f in model.factors if f.var in model.variables]
    return "z = " + number(content, model.intercept, lang) + "".join(parts)

