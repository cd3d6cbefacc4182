"""Result files as xAPI statements (Experience API 1.0.3), for a learning management system or LRS.

Each run gives one statement that it was completed (or, cut short, terminated), with a score per
run where the story scores principles (training: followed / all principle marks), and one
"answered" statement per decision, with the choice as the response and the principles it followed
and broke as extensions. The actor is an account, never a person: the trainee's ID when one was
typed, else the student's anonymous key, else the run's random id. Statement ids are derived from
the run's id (UUID 5), so sending the same file twice makes no duplicate in the store.

The result file keeps its time as local time to the minute; the statement's timestamp adds this
computer's UTC offset, which is right when the report is made where the runs were played.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from ..core.content import Content
from .stats import Run

NAMESPACE = uuid.UUID("5b7a3f1e-2d0c-4f4e-9a57-6e65696768b0")
HOME = "https://github.com/neighbour-game/neighbour"
ACT = "https://neighbour-game.github.io/xapi/"
VERBS = {
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "terminated": "http://adlnet.gov/expapi/verbs/terminated",
    "answered": "http://adlnet.gov/expapi/verbs/answered",
}
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
EXT = ACT + "extensions/"
LANG = {"en": "en-US", "nb": "nb-NO"}


def _tr(content: Content, text: Any, lang: str) -> str:
    if isinstance(text, dict):
        return str(text.get(lang) or text.get(content.default_lang) or next(iter(text.values()), ""))
    return str(text or "")


def _timestamp(finished: Any) -> str:
    """'YYYY-MM-DD HH:MM' (local time) as ISO 8601 with this computer's UTC offset."""
    if not isinstance(finished, str) or len(finished) < 16:
        return time.strftime("%Y-%m-%dT%H:%M:%S%z")
    offset = time.strftime("%z")
    return f"{finished[:10]}T{finished[11:16]}:00{offset[:3]}:{offset[3:]}"


def _actor(data: dict[str, Any]) -> dict[str, Any]:
    name = next((str(data[k]) for k in ("trainee", "student", "id") if isinstance(data.get(k), str) and data[k]),
                "anonymous")
    return {"objectType": "Agent", "account": {"homePage": HOME, "name": name}}


def _activity(kind: str, key: str, name: str, lang: str, activity_type: str) -> dict[str, Any]:
    return {"objectType": "Activity", "id": f"{ACT}{kind}/{key}",
            "definition": {"name": {LANG.get(lang, lang): name}, "type": activity_type}}


def statements(content: Content, runs: list[Run], lang: str) -> list[dict[str, Any]]:
    """xAPI statements for these runs (short codes carry no choices: only their completion)."""
    out: list[dict[str, Any]] = []
    for run in runs:
        data = run.data
        rid = str(data.get("id") or data.get("code") or run.source)
        camp = content.campaigns.get(str(data.get("campaign")))
        scen = content.scenarios.get(str(data.get("scenario") or ""))
        if scen is not None:
            whole = _activity("scenario", scen.id, _tr(content, scen.title, lang), lang, SIMULATION)
        else:
            title = _tr(content, camp.title, lang) if camp else str(data.get("campaign"))
            whole = _activity("campaign", str(data.get("campaign")), title, lang, SIMULATION)
        actor = _actor(data)
        context: dict[str, Any] = {"registration": str(uuid.uuid5(NAMESPACE, rid)), "language": LANG.get(lang, lang),
                                   "extensions": {EXT + "mode": str(data.get("mode") or ""),
                                                  EXT + "session": str(data.get("session") or "")}}
        stamp = _timestamp(data.get("finished"))
        followed = broken = 0
        for pair in (data.get("principles") or {}).values():
            if isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, int) for v in pair):
                followed, broken = followed + pair[0], broken + pair[1]
        cut = data.get("cut_short") is True
        result: dict[str, Any] = {"completion": not cut}
        if followed + broken:
            result["score"] = {"scaled": round(followed / (followed + broken), 4), "raw": followed, "min": 0,
                               "max": followed + broken}
        end = data.get("end") if isinstance(data.get("end"), dict) else {}
        ext = {EXT + "ending": str(end.get("ending") or "")}
        if isinstance(end.get("risk"), (int, float)):
            ext[EXT + "estimated-risk"] = float(end["risk"])
        result["extensions"] = ext
        verb = "terminated" if cut else "completed"
        out.append({"id": str(uuid.uuid5(NAMESPACE, rid + "/run")), "actor": actor,
                    "verb": {"id": VERBS[verb], "display": {"en-US": verb}}, "object": whole, "result": result,
                    "context": context, "timestamp": stamp})
        step = 0
        for h in data.get("choices") or []:
            if not (isinstance(h, dict) and isinstance(h.get("scene"), str) and isinstance(h.get("choice"), str)) \
                    or h["choice"] == "continue":
                continue
            step += 1
            scene = content.scenes.get(h["scene"])
            choice = next((c for c in scene.choices if c.id == h["choice"]), None) if scene else None
            name = _tr(content, scene.title, lang) if scene is not None and scene.title else h["scene"]
            obj = _activity("scene", h["scene"], name, lang, INTERACTION)
            obj["definition"]["interactionType"] = "choice"
            offered = h.get("offered")
            if isinstance(offered, list):
                texts = {c.id: _tr(content, c.text, lang) for c in scene.choices} if scene else {}
                obj["definition"]["choices"] = [{"id": str(c), "description": {LANG.get(lang, lang):
                                                                               texts.get(str(c), str(c))}}
                                                for c in offered]
            ext = {EXT + "follows": list(choice.follows) if choice else [],
                   EXT + "breaks": list(choice.breaks) if choice else [],
                   EXT + "day": h.get("day") if isinstance(h.get("day"), int) else 0}
            out.append({"id": str(uuid.uuid5(NAMESPACE, f"{rid}/{step}")), "actor": actor,
                        "verb": {"id": VERBS["answered"], "display": {"en-US": "answered"}}, "object": obj,
                        "result": {"response": h["choice"], "extensions": ext},
                        "context": dict(context, contextActivities={"parent": [{"id": whole["id"],
                                                                                "objectType": "Activity"}]}),
                        "timestamp": stamp})
    return out
