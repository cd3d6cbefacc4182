"""Result files: what a finished run leaves for the teacher or trainer, and its short code.

A result holds no name and no personal data: the session code, the role and campaign, the profile
played, the choices made (scene and choice names, with the choices that were on offer), the end
state, the estimate, the ending, and for training the principles followed and broken and each
shift's summary (see shifts.py). It also holds the run's random id (a copied file is recognised),
the student's anonymous key for the session (student.py: a student who plays again is one
student), whether the run was cut short, the trainee's ID if one was typed, and the student's
"what if" runs kept inside their first (`what_ifs`). It is plain JSON with a kind and a version,
written atomically. The short code packs the outcome (campaign, profile, ending, risk, three main drivers)
into 9 characters with a checksum, for students who cannot hand in a file: `NB-XXX-XXX-XXX`.
"""

from __future__ import annotations

import json
import os
import secrets
import time
import zlib
from typing import Any

from ..content import Content
from . import shifts
from .engine import Engine
from .. import reading, userdirs
from ..files import write_atomic

RESULT_KIND = "neighbour-result"
RESULT_VERSION = 1
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32: no I, L, O, U


class ResultError(Exception):
    """A file or code that is not a usable result; the message says why."""


def session_seed(code: str) -> int:
    """The seed a classroom session code stands for (the same for every student)."""
    norm = "".join(code.split()).upper()
    return zlib.crc32(norm.encode("utf-8")) & 0x7FFFFFFF


def default_results_dir() -> str:
    """Documents/Neighbour results (or the home folder when there is no Documents folder)."""
    return userdirs.results_dir()


def build(engine: Engine, mode: str, session: str | None, lang: str,
          about: dict[str, Any] | None = None) -> dict[str, Any]:
    """The result of a finished (or stopped) run. `about` adds what the playthrough knows beyond the
    story (see Playthrough.about): the run's id, the student's anonymous key for the session, the
    trainee's ID, and whether the run was cut short."""
    st = engine.state
    content = engine.content
    end: dict[str, Any] = {"ending": st.ending, "status": st.status}
    if st.subject is not None:
        est = engine.estimate()
        end.update(values={k: round(v, 2) for k, v in st.subject.items()}, risk=round(est.risk, 2),
                   low=round(est.low, 2), high=round(est.high, 2), drivers=[d.var for d in est.drivers[:3]])
    else:
        residents = {}
        for who in engine.campaign.residents:
            est = engine.estimate(who)
            epilogue = engine._epilogue(who) if st.status == "ending" else None
            residents[who] = {"values": {k: round(v, 2) for k, v in st.chars[who].items()},
                              "risk": round(est.risk, 2), "low": round(est.low, 2), "high": round(est.high, 2),
                              "drivers": [d.var for d in est.drivers[:3]],
                              "epilogue": epilogue.id if epilogue else None}
        end.update(residents=residents, risk=round(engine.mean_risk(), 2))
    out = {
        "kind": RESULT_KIND, "version": RESULT_VERSION, "mode": mode, "session": session,
        "campaign": st.campaign, "role": engine.campaign.role, "profile": st.profile,
        "scenario": st.scenario, "seed": st.seed, "lang": lang,
        "finished": time.strftime("%Y-%m-%d %H:%M"),
        "days": st.day, "choices": [dict(h) for h in st.history], "skipped": list(st.skipped),
        "principles": {k: list(v) for k, v in st.principles.items()}, "end": end,
        "code": short_code(content, st.campaign, st.profile, st.ending, end.get("risk", 0.0),
                           end.get("drivers", [])),
    }
    if engine.campaign.residents:
        out["shifts"] = shifts.shift_summaries(engine)
    out.update({k: v for k, v in (about or {}).items() if v is not None})
    return out


# what a later run ("what if": back to an earlier day, then on to an ending) keeps inside the first
LATER_RUN = ("finished", "days", "choices", "skipped", "principles", "end", "code", "cut_short", "shifts")


def with_what_if(first: dict[str, Any], later: dict[str, Any], from_day: int | None) -> dict[str, Any]:
    """The student's result (their first run) with a later "what if" run kept inside it, marked with
    the day it went back to: one student, one result, however often they go back."""
    out = dict(first)
    run = {k: later[k] for k in LATER_RUN if k in later}
    run["from_day"] = from_day
    out["what_ifs"] = [*first.get("what_ifs", []), run]
    out["updated"] = later.get("finished")
    return out


def file_name(result: dict[str, Any]) -> str:
    """neighbour-CAMPAIGN-[SESSION-][TRAINEE-]YYYYMMDD-HHMMSS-XXXX.json (letters and digits only)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    parts = ["neighbour", str(result["campaign"])]
    for key in ("session", "trainee"):
        clean = "".join(c for c in str(result.get(key) or "") if c.isascii() and c.isalnum())[:16]
        if clean:
            parts.append(clean)
    return "-".join([*parts, stamp, secrets.token_hex(2)]) + ".json"


def save(result: dict[str, Any], folder: str, path: str | None = None) -> str:
    """Write a result file into `folder` (created if needed), or over `path` (the same student's file
    again, after a "what if"); returns its path."""
    os.makedirs(folder, exist_ok=True)
    path = path or os.path.join(folder, file_name(result))
    write_atomic(path, json.dumps(result, ensure_ascii=False, indent=1).encode("utf-8"))
    return path


MAX_RESULT_BYTES = 2 * 1024 * 1024


def load(path: str) -> dict[str, Any]:
    """A result file's data; raises ResultError with a plain reason (and where in the file)."""
    try:
        data = reading.read_json(path, MAX_RESULT_BYTES)
    except reading.ReadError as exc:
        message = exc.message
        if "too large" in message:
            raise ResultError("is too large to be a result file") from None
        if "JSON" in message or "UTF-8" in message or "nested" in message or "number" in message:
            raise ResultError(f"is damaged or not a result file (it is not valid JSON: {exc.where()})") from None
        raise ResultError(message if message.startswith("cannot") else f"cannot be read (it {message})") from None
    if not isinstance(data, dict) or data.get("kind") != RESULT_KIND:
        raise ResultError("is not a Neighbour result file")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > RESULT_VERSION:
        raise ResultError(f"comes from another version of Neighbour (result format {str(version)[:20]}; "
                          f"this one reads {RESULT_VERSION})")
    for key, kind in (("campaign", str), ("choices", list), ("end", dict)):
        if not isinstance(data.get(key), kind):
            raise ResultError(f"is damaged ('{key}' is missing or wrong)")
    problem = check_run(data)
    if problem:
        raise ResultError(f"is damaged ({problem})")
    return data


_TEXTS = ("mode", "session", "scenario", "profile", "lang", "finished", "updated", "trainee", "code",
          "role", "run", "student", "ending", "status", "epilogue", "from_day")


def _risk_problem(where: dict[str, Any], name: str) -> str:
    for key in ("risk", "low", "high", "risk_before", "risk_after"):
        if key in where and where[key] is not None and not reading.in_range(where[key], 0, 100):
            return f"{name}'{key}' is not a percentage from 0 to 100"
    values = where.get("values")
    if values is not None and not (isinstance(values, dict)
                                   and all(reading.in_range(v, -1e6, 1e6) for v in values.values())):
        return f"{name}'values' are not numbers"
    return ""


def check_run(data: dict[str, Any]) -> str:
    """What is wrong in a result's data (a run or a "what if" inside it), or "" when it is usable:
    every field the report reads has its type, every risk is a number from 0 to 100."""
    for key in _TEXTS:
        if key in data and data[key] is not None and not isinstance(data[key], (str, int)) \
                or isinstance(data.get(key), bool):
            return f"'{key}' is not a text"
    for key, kind in (("choices", list), ("end", dict), ("principles", dict), ("shifts", list),
                      ("what_ifs", list), ("skipped", list)):
        if key in data and not isinstance(data[key], kind):
            return f"'{key}' is missing or wrong"
    for key in ("days", "seed"):
        if key in data and data[key] is not None and not reading.is_number(data[key]):
            return f"'{key}' is not a number"
    end = data.get("end", {})
    problem = _risk_problem(end, "the ending's ")
    if problem:
        return problem
    residents = end.get("residents")
    if residents is not None:
        if not isinstance(residents, dict) or not all(isinstance(r, dict) for r in residents.values()):
            return "the ending's 'residents' are wrong"
        for who, r in residents.items():
            problem = _risk_problem(r, f"{who}'s ")
            if problem:
                return problem
    for i, h in enumerate(data.get("choices", []), 1):
        if not isinstance(h, dict):
            return f"choice {i} is not a choice"
        problem = _risk_problem(h, f"choice {i}: ")
        if problem:
            return problem
    for pair in data.get("principles", {}).values():
        if not (isinstance(pair, list) and len(pair) == 2 and all(reading.in_range(n, 0, 1e6) for n in pair)):
            return "'principles' are not pairs of counts"
    for run in data.get("what_ifs", []):
        if not isinstance(run, dict) or "what_ifs" in run:
            return "a 'what if' run is wrong"
        problem = check_run(run)
        if problem:
            return f"a 'what if' run: {problem}"
    return ""


# -- the short code -----------------------------------------------------------------------------
def _index(items: list[str], value: str | None, bits: int) -> int:
    try:
        i = items.index(value) + 1 if value is not None else 0
    except ValueError:
        i = 0
    return min(i, (1 << bits) - 1)


def short_code(content: Content, campaign: str, profile: str | None, ending: str | None, risk: float,
               drivers: list[str]) -> str:
    camps = list(content.campaigns)
    camp = content.campaigns.get(campaign)
    profiles = [p.id for p in camp.profiles] if camp else []
    endings = [e.id for e in camp.endings] if camp else []
    factors = [f.var for f in content.model.factors]
    value = 1  # code version
    for number, bits in ((_index(camps, campaign, 5), 5), (_index(profiles, profile, 3), 3),
                         (_index(endings, ending, 5), 5), (max(0, min(100, round(risk))), 7)):
        value = (value << bits) | number
    for i in range(3):
        value = (value << 4) | _index(factors, drivers[i] if i < len(drivers) else None, 4)
    value = (value << 8) | (zlib.crc32(value.to_bytes(6, "big")) & 0xFF)
    chars = []
    for _ in range(9):  # 41 bits of data and checksum fit in 9 characters of 5 bits
        chars.append(CODE_ALPHABET[value & 31])
        value >>= 5
    text = "".join(reversed(chars))
    return f"NB-{text[0:3]}-{text[3:6]}-{text[6:9]}"


def decode_code(content: Content, code: str) -> dict[str, Any]:
    """What a short code says; raises ResultError if it is mistyped or from other content."""
    text = code.upper().replace("-", "").replace(" ", "")
    if text.startswith("NB"):
        text = text[2:]
    text = text.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(text) != 9 or any(c not in CODE_ALPHABET for c in text):
        raise ResultError(f"'{code}' is not a result code (expected NB- and 9 letters or digits)")
    value = 0
    for c in text:
        value = (value << 5) | CODE_ALPHABET.index(c)
    check = value & 0xFF
    value >>= 8
    if zlib.crc32(value.to_bytes(6, "big")) & 0xFF != check:
        raise ResultError(f"'{code}' has a typing mistake (its checksum does not match)")
    drivers_raw = [(value >> shift) & 15 for shift in (8, 4, 0)]
    value >>= 12
    risk = value & 127
    value >>= 7
    ending_i = value & 31
    value >>= 5
    profile_i = value & 7
    value >>= 3
    camp_i = value & 31
    version = value >> 5
    if version != 1:
        raise ResultError(f"'{code}' comes from another version of Neighbour")
    camps = list(content.campaigns)
    if not 1 <= camp_i <= len(camps):
        raise ResultError(f"'{code}' names a campaign this content does not have")
    cid = camps[camp_i - 1]
    camp = content.campaigns[cid]
    factors = [f.var for f in content.model.factors]
    profile = camp.profiles[profile_i - 1].id if 1 <= profile_i <= len(camp.profiles) else None
    ending = camp.endings[ending_i - 1].id if 1 <= ending_i <= len(camp.endings) else None
    return {"kind": RESULT_KIND, "version": RESULT_VERSION, "from_code": True, "campaign": cid,
            "role": camp.role, "profile": profile, "choices": [], "mode": "class", "session": None,
            "end": {"ending": ending, "risk": float(risk),
                    "drivers": [factors[d - 1] for d in drivers_raw if 1 <= d <= len(factors)]},
            "code": code.upper()}
