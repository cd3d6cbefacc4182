"""One student, one result: the runs a class report counts, out of every file it was given.

A class's folder can hold more files than students: a file copied twice (the same run's id), a
student who began again or whose game crashed and who started over (the same anonymous student key
for the session: core/play/student.py). The report counts each student once, with the run that
says most about their choices: a run played to its end before one cut short ("finish now"), then
the latest. Every other file is listed, with the run it was set aside for, never dropped in silence.
Runs without a student key (short codes, older files) count as one student each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .stats import Run


@dataclass
class Counted:
    runs: list[Run] = field(default_factory=list)                 # one per student: what the report counts
    copies: list[tuple[Run, Run]] = field(default_factory=list)   # (a copy of a file, the run it copies)
    reruns: list[tuple[Run, Run]] = field(default_factory=list)   # (another run of a student, the one counted)

    @property
    def cut_short(self) -> list[Run]:
        return [r for r in self.runs if is_cut_short(r)]


def is_cut_short(run: Run) -> bool:
    return run.data.get("cut_short") is True


def _when(run: Run) -> str:
    value = run.data.get("updated") or run.data.get("finished")
    return value if isinstance(value, str) else ""


def _fuller(run: Run) -> tuple:
    """Which of two copies of one run to keep: the one with more "what if" runs, then the later."""
    what_ifs = run.data.get("what_ifs")
    return (len(what_ifs) if isinstance(what_ifs, list) else 0, _when(run), run.source)


def _counted_first(run: Run) -> tuple:
    """Which of a student's runs to count: played to its end, then the latest, then the longest."""
    return (not is_cut_short(run), _when(run), len(run.decisions()), run.source)


def one_per_student(runs: list[Run]) -> Counted:
    out = Counted()
    by_id: dict[str, Run] = {}
    unique: list[Run] = []
    for run in runs:
        rid = run.data.get("id")
        if not isinstance(rid, str) or not rid:
            unique.append(run)
            continue
        kept = by_id.get(rid)
        if kept is None:
            by_id[rid] = run
            unique.append(run)
        elif _fuller(run) > _fuller(kept):
            unique[unique.index(kept)] = run
            by_id[rid] = run
            out.copies.append((kept, run))
        else:
            out.copies.append((run, kept))
    out.copies = [(copy, by_id[str(kept.data.get("id"))]) for copy, kept in out.copies]
    students: dict[tuple[str, str], list[Run]] = {}
    for run in unique:
        key = run.data.get("student")
        if isinstance(key, str) and key:
            students.setdefault((str(run.data.get("session") or ""), key), []).append(run)
        else:
            out.runs.append(run)
    for own in students.values():
        own.sort(key=_counted_first, reverse=True)
        out.runs.append(own[0])
        out.reruns += [(other, own[0]) for other in own[1:]]
    order = {id(r): i for i, r in enumerate(runs)}
    out.runs.sort(key=lambda r: order[id(r)])
    return out
