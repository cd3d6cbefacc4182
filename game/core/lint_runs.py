"""Lint's simulated playthroughs, guarded: whatever a story does when it runs (a loop it never
leaves, a rule that overflows, anything else that fails) becomes a message at its place in the
content, and lint goes on to report everything else it found.

A campaign whose playthrough failed is not simulated further (each further run would fail the same
way, slowly), and its endings are not reported as unreached.
"""

from __future__ import annotations

from typing import Any

from .content import Content
from .diagnostics import Report
from .load.crosscheck import at
from .play.simulate import EndlessPlay, SimResult, simulate
from .rules.bounded import RuleRuntimeError

MAX_STEPS = 5000  # a long campaign takes about 200; far past that the story loops


def place_of(data: dict[str, Any], pointer: str) -> tuple[str, int, int]:
    """The file, line and column of the entry a content pointer (`scenes/a/choices/0/do/0`) leads
    to, or of the nearest entry above it that has a position."""
    found = ("content", 1, 1)
    node: Any = data
    for part in pointer.split("/"):
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            break
        if isinstance(node, dict):
            if isinstance(node.get("@"), str):
                found = at(node)
            elif isinstance(node.get("at"), str):
                path, line, col = node["at"].rsplit(":", 2)
                found = (path, int(line), int(col))
    return found


def run(content: Content, data: dict[str, Any], cid: str, policy: str, runs: int,
        report: Report) -> SimResult | None:
    """`runs` simulated playthroughs of campaign `cid`, or None after reporting why they failed."""
    try:
        result = simulate(content, cid, runs=runs, seed=0, policy=policy, max_steps=MAX_STEPS)
        for pointer, (_src, problem) in sorted(result.failed.items()):
            _failed_rule(data, cid, pointer, problem, report)
        return None if result.failed else result
    except RuleRuntimeError as exc:
        _failed_rule(data, cid, exc.where, exc.problem, report)
    except EndlessPlay as exc:
        path, line, col = at(data["campaigns"][cid])
        report.error(path, line, col, f"campaign '{cid}' never ends when played: a simulated "
                                      f"{policy} {exc} (a loop of scenes or events the story "
                                      "never leaves); give the loop a way out", code="L530")
    except Exception as exc:  # noqa: BLE001 - any other failure is a message, not a traceback
        path, line, col = at(data["campaigns"][cid])
        report.error(path, line, col, f"campaign '{cid}' fails when played ({type(exc).__name__}: "
                                      f"{str(exc)[:200]})", code="L599")
    return None


def _failed_rule(data: dict[str, Any], cid: str, pointer: str, problem: str, report: Report) -> None:
    path, line, col = place_of(data, pointer)
    report.error(path, line, col, f"this rule cannot be worked out when campaign '{cid}' is played "
                                  f"({problem}), so the game skips it: keep the numbers it makes smaller, "
                                  "or give the variable a 'max'", code="L531")
