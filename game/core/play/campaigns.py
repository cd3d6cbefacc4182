"""Which campaign to play for a role: the one rule every front end and command uses.

A role (resident, officer) may have several campaigns: the full story, a lesson cut, a short kiosk
story. A caller says which kind it prefers; the first campaign of that kind for the role is chosen,
else the first campaign of the role at all, in the order the content lists them.
"""

from __future__ import annotations

from ..content import Content


def campaign_for_role(content: Content, role: str, prefer: str = "full") -> str | None:
    """The id of the campaign to play as `role`, preferring kind `prefer`; None if the role has none."""
    first: str | None = None
    for cid, camp in content.campaigns.items():
        if camp.role != role:
            continue
        if camp.kind == prefer:
            return cid
        if first is None:
            first = cid
    return first


def roles(content: Content) -> list[str]:
    """Every role some campaign is played as, sorted."""
    return sorted({camp.role for camp in content.campaigns.values()})


def reachable_scenes(content: Content, campaign: str) -> set[str]:
    """Every scene a playthrough of the campaign can show: its days' slots and intros, its events, and
    whatever their choices lead to or draw."""
    camp = content.campaigns[campaign]
    roots: set[str] = set()
    for block in camp.blocks:
        if block.intro:
            roots.add(block.intro)
        for day in block.days:
            roots.update(sid for _, sid in day.slots)
    for events in camp.slot_events.values():
        roots.update(sid for sid, _ in events)
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        sid = todo.pop()
        if sid in seen or sid not in content.scenes:
            continue
        seen.add(sid)
        scene = content.scenes[sid]
        for c in scene.choices:
            if c.goto and c.goto != "end":
                todo.append(c.goto)
            if c.draw:
                todo.extend(s for s, _ in content.pools.get(c.draw, []))
        for t in (scene.next, scene.skip):
            if t and t != "end":
                todo.append(t)
    return seen


def budgets_spent(content: Content, campaign: str) -> list[str]:
    """The budgets a campaign's choices cost or change, in the order the content declares them: what
    its screens show beside the meters ([] for a story whose choices cost nothing)."""
    spent: set[str] = set()
    for sid in reachable_scenes(content, campaign):
        for choice in content.scenes[sid].choices:
            spent.update(choice.cost)
            spent.update(name for effect in choice.effects for _owner, name, _sign in effect.targets)
    return [name for name, spec in content.variables.items() if name in spent and spec.budget is not None]
