"""Pieces shared by the class report and the one-run review: names of things, and the model's caveats."""

from __future__ import annotations

from ..core.world import Fact, Source, as_source
from .markup import Words, esc, para, paras, section
from .svg import short


def scene_label(w: Words, scene_id: str) -> str:
    """A scene's title, else its place and first sentence (teachers know scenes by what they say)."""
    scene = w.content.scenes.get(scene_id)
    if scene is None:
        return scene_id
    if scene.title:
        return w.tr(scene.title)
    text = " ".join(w.tr(scene.text).split())
    end = 0
    while end < len(text):  # whole sentences until there are enough words to recognise the scene
        stop = min((i for i in (text.find(". ", end), text.find("? ", end), text.find("! ", end)) if i >= 0),
                   default=len(text))
        end = stop + 1
        if end >= 40:
            break
    label = short(text[:end].strip(), 110)
    place = w.content.places.get(scene.place or "")
    return w.ui("report.scene_at", place=w.tr(place.name), text=label) if place else label


def choice_label(w: Words, scene_id: str, choice_id: str) -> str:
    scene = w.content.scenes.get(scene_id)
    if scene is not None:
        for c in scene.choices:
            if c.id == choice_id:
                return w.tr(c.text)
    return choice_id


def principle_name(w: Words, pid: str) -> str:
    p = w.content.principles.get(pid)
    return w.tr(p.name) if p else pid


def campaign_title(w: Words, campaign: str, scenario: str | None) -> str:
    camp = w.content.campaigns.get(campaign)
    title = w.tr(camp.title) if camp else campaign
    if scenario:
        scen = w.content.scenarios.get(scenario)
        return w.ui("report.group_scenario", campaign=title, scenario=w.tr(scen.title) if scen else scenario)
    role = w.content.roles.get(camp.role) if camp else None
    role_name = w.tr(role.name if role else None) or (camp.role if camp else "")
    return title if role_name == title else w.ui("report.group_title", title=title, role=role_name)


def _source(w: Words, given: Source | str | dict) -> str:
    src = as_source(given)
    parts = [w.ui("source.assumption") if src.assumption else src.title]
    if src.year:
        parts.append(f"({src.year})")
    if src.url:
        parts.append(src.url)  # plain text, never a link: the page makes no requests
    if src.note:
        parts.append(f"({w.tr(src.note)})")
    return " ".join(p for p in parts if p)


def fact_block(w: Words, fact: Fact) -> str:
    out = ['<div class="fact">', paras(w.tr(fact.text))]
    if fact.caveat:
        out.append(f'<p class="note warn"><strong>{esc(w.ui("report.caveat"))}</strong> '
                   f'{esc(w.tr(fact.caveat))}</p>')
    sources = [_source(w, s) for s in fact.sources]
    if sources:
        out.append(f'<p class="sources">{esc(w.ui("report.sources"))} {esc("; ".join(sources))}</p>')
    out.append("</div>")
    return "".join(out)


def about_section(w: Words, comparison: bool = True) -> str:
    """The model's disclaimer and (unless told not to) the real-world comparison with its caveats."""
    model = w.content.model
    body = ['<div class="note">', paras(w.tr(model.disclaimer)), "</div>"]
    facts = [f for f in w.content.facts.values() if comparison and "comparison" in f.tags]
    if facts:
        hid = w.new_id("real")
        body.append(f'<h3 id="{hid}">{esc(w.ui("report.real_world"))}</h3>')
        body.extend(fact_block(w, f) for f in facts)
    return section("about", w.ui("report.about") if comparison else w.ui("report.about_model"), "".join(body))


def questions(items: list[str]) -> str:
    if not items:
        return ""
    return '<ol class="questions">' + "".join(f"<li>{esc(q)}</li>" for q in items) + "</ol>"


def footer(w: Words) -> str:
    return f"<footer>{para(w.ui('report.footer'))}</footer>"
