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
