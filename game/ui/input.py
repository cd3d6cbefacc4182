"""Input, translated once at the edge into named actions.

Keyboard, mouse, touch and game controllers all become the same small set of `Action`s; screens never
see a key code. Touch is handled from finger events (tap, drag to scroll), and the mouse events SDL
synthesises from touches are ignored so nothing happens twice.

Input you can trust: a key that is held down repeats only what is safe to repeat (moving the focus,
scrolling, deleting a letter), never choosing, confirming or going back; and a key still held when
the screen changes (`settle`) does nothing more, not even type into a text field the key opened,
until it is released and pressed again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pygame

# The actions screens understand.
UP, DOWN, LEFT, RIGHT = "up", "down", "left", "right"
NEXT, PREV = "next", "prev"                 # Tab / Shift+Tab: move focus
CONFIRM, BACK, MENU = "confirm", "back", "menu"
CHOOSE = "choose"                           # a number key: index in .index
SCROLL = "scroll"                           # .amount in lines (+ down)
PAGE = "page"                               # .amount in pages
POINT, PRESS, RELEASE = "point", "press", "release"   # pointer with .pos (and .source)
DRAG = "drag"                               # touch drag: .amount in pixels
JOURNAL = "journal"
RELOAD = "reload"                           # F5: reload content (authors)
QUIT = "quit"                               # the window's close button
SWITCH = "switch"                           # the one switch (scanning mode)
ANY = "any"                                 # raised for every user input, before the rest (kiosk idle)
TEXT = "text"                               # typed text (.text), for the few text fields


@dataclass(frozen=True, slots=True)
class Action:
    name: str
    index: int = -1
    pos: tuple[int, int] = (0, 0)
    amount: float = 0.0
    source: str = "key"          # key | mouse | touch | pad
    shift: bool = False
    ctrl: bool = False
    alt: bool = False
    key: int = 0                 # the raw key, for staff key combinations in kiosk mode only
    text: str = ""
    repeat: bool = False         # a held key repeating (only moving, scrolling and deleting repeat)


_KEYS = {
    pygame.K_UP: UP, pygame.K_DOWN: DOWN, pygame.K_LEFT: LEFT, pygame.K_RIGHT: RIGHT,
    pygame.K_RETURN: CONFIRM, pygame.K_KP_ENTER: CONFIRM, pygame.K_SPACE: CONFIRM,
    pygame.K_ESCAPE: BACK, pygame.K_BACKSPACE: BACK,
    pygame.K_j: JOURNAL, pygame.K_F5: RELOAD, pygame.K_F10: MENU,
    pygame.K_PAGEDOWN: PAGE, pygame.K_PAGEUP: PAGE, pygame.K_HOME: PAGE, pygame.K_END: PAGE,
}
# The keys that pick numbered buttons, in order: 1-9, 0 for the tenth, then letters (J opens the
# journal, so it is left out). A button's badge shows its key (`badge`).
BADGES = "1234567890ABCDEFGHIKLMNOP"
_DIGITS = {getattr(pygame, f"K_{i}"): i for i in range(1, 10)}
_DIGITS.update({getattr(pygame, f"K_KP{i}"): i for i in range(1, 10)})
_DIGITS.update({pygame.K_0: 10, pygame.K_KP0: 10})
_DIGITS.update({getattr(pygame, f"K_{ch.lower()}"): i + 1 for i, ch in enumerate(BADGES) if ch.isalpha()})

# What a held key may repeat: moving and scrolling, and deleting in a text field. Never a choice.
REPEATABLE = {UP, DOWN, LEFT, RIGHT, NEXT, PREV, PAGE}


def badge(number: int | None) -> str:
    """The key that picks the numbered button `number` (1-based), or "" when no key reaches it."""
    if number is None or not 1 <= number <= len(BADGES):
        return ""
    return BADGES[number - 1]

_PAD_BUTTONS = {
    pygame.CONTROLLER_BUTTON_A: CONFIRM, pygame.CONTROLLER_BUTTON_B: BACK,
    pygame.CONTROLLER_BUTTON_START: MENU, pygame.CONTROLLER_BUTTON_Y: JOURNAL,
    pygame.CONTROLLER_BUTTON_DPAD_UP: UP, pygame.CONTROLLER_BUTTON_DPAD_DOWN: DOWN,
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: LEFT, pygame.CONTROLLER_BUTTON_DPAD_RIGHT: RIGHT,
    pygame.CONTROLLER_BUTTON_LEFTSHOULDER: PREV, pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: NEXT,
}

TAP_SLOP = 0.02   # a finger that moves less than this share of the screen is a tap, not a drag


class InputMapper:
    """Turns pygame events into actions. One per window."""

    def __init__(self, switch_key: int = pygame.K_SPACE):
        self.switch_key = switch_key
        self.scanning = False
        self._finger: dict[int, tuple[float, float, float, float, bool]] = {}  # id -> x0,y0,x,y,dragging
        self._controllers: dict[int, object] = {}
        self._axis_held: dict[tuple[int, int], int] = {}
        self._held: set[int] = set()     # keys down now
        self._stale: set[int] = set()    # keys that were down when the screen changed
        self._typing = False             # the last key pressed may type (it is not stale)

    def settle(self) -> None:
        """The screen changed: keys held now do nothing until they are released and pressed again."""
        self._stale |= self._held
        self._typing = False

    def size(self) -> tuple[int, int]:
        surf = pygame.display.get_surface()
        return surf.get_size() if surf else (1280, 720)

    def map(self, event: pygame.event.Event) -> list[Action]:
        t = event.type
        if t == pygame.QUIT or (t == pygame.WINDOWCLOSE):
            return [Action(QUIT)]
        if t == pygame.KEYDOWN:
            return self._key(event)
        if t == pygame.KEYUP:
            self._held.discard(event.key)
            self._stale.discard(event.key)
            return []
        if t == pygame.WINDOWFOCUSLOST:  # keys released elsewhere never tell us
            self._held.clear()
            self._stale.clear()
            return []
        if t == pygame.TEXTINPUT:
            return [Action(TEXT, text=event.text)] if self._typing else []
        if t in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL):
            if getattr(event, "touch", False) or getattr(event, "which", 0) == getattr(pygame, "TOUCH_MOUSEID", -1):
                return []  # synthesised from a finger; the finger events handle it
            return self._mouse(event)
        if t in (pygame.FINGERDOWN, pygame.FINGERMOTION, pygame.FINGERUP):
            return self._touch(event)
        if t in (pygame.CONTROLLERDEVICEADDED, pygame.CONTROLLERDEVICEREMOVED):
            self._device(event)
            return []
        if t == pygame.CONTROLLERBUTTONDOWN:
            name = _PAD_BUTTONS.get(event.button)
            return [Action(ANY, source="pad"), Action(name, source="pad")] if name else [Action(ANY, source="pad")]
        if t == pygame.CONTROLLERAXISMOTION:
            return self._axis(event)
        return []

    def _key(self, e: pygame.event.Event) -> list[Action]:
        mods = e.mod
        shift, ctrl, alt = bool(mods & pygame.KMOD_SHIFT), bool(mods & pygame.KMOD_CTRL), bool(mods & pygame.KMOD_ALT)
        out = [Action(ANY, key=e.key, shift=shift, ctrl=ctrl, alt=alt)]
        if e.key in self._stale:         # held through a screen change: nothing until released
            self._typing = False
            return out
        repeat = e.key in self._held
        self._held.add(e.key)
        self._typing = True
        actions = self._key_actions(e, shift, ctrl, alt)
        if repeat:
            actions = [a for a in actions if a.name in REPEATABLE or (a.name == BACK and e.key == pygame.K_BACKSPACE)]
            actions = [replace(a, repeat=True) for a in actions]
        return out + actions

    def _key_actions(self, e: pygame.event.Event, shift: bool, ctrl: bool, alt: bool) -> list[Action]:
        if self.scanning and e.key == self.switch_key:
            return [Action(SWITCH, key=e.key)]
        if e.key == pygame.K_TAB:
            return [Action(PREV if shift else NEXT, key=e.key, shift=shift)]
        if e.key in _DIGITS and not (ctrl or alt):
            return [Action(CHOOSE, index=_DIGITS[e.key] - 1, key=e.key)]
        name = _KEYS.get(e.key)
        if name == PAGE:
            amount = {pygame.K_PAGEDOWN: 1, pygame.K_PAGEUP: -1, pygame.K_HOME: -1000, pygame.K_END: 1000}[e.key]
            return [Action(PAGE, amount=amount, key=e.key)]
        if name == BACK and e.key == pygame.K_ESCAPE:
            return [Action(BACK, key=e.key, shift=shift, ctrl=ctrl, alt=alt)]
        if name:
            return [Action(name, key=e.key, shift=shift, ctrl=ctrl, alt=alt)]
        return []

    def _mouse(self, e: pygame.event.Event) -> list[Action]:
        if e.type == pygame.MOUSEMOTION:
            return [Action(POINT, pos=e.pos, source="mouse")]
        if e.type == pygame.MOUSEWHEEL:
            return [Action(ANY, source="mouse"), Action(SCROLL, amount=-e.y * 3, source="mouse")]
        if e.button not in (1, 3):
            return []
        if e.type == pygame.MOUSEBUTTONDOWN:
            return [Action(ANY, pos=e.pos, source="mouse"), Action(PRESS, pos=e.pos, source="mouse", index=e.button)]
        return [Action(RELEASE, pos=e.pos, source="mouse", index=e.button)]

    def _touch(self, e: pygame.event.Event) -> list[Action]:
        w, h = self.size()
        pos = (int(e.x * w), int(e.y * h))
        if e.type == pygame.FINGERDOWN:
            self._finger[e.finger_id] = (e.x, e.y, e.x, e.y, False)
            return [Action(ANY, pos=pos, source="touch"), Action(PRESS, pos=pos, source="touch")]
        start = self._finger.get(e.finger_id)
        if start is None:
            return []
        x0, y0, px, py, dragging = start
        if e.type == pygame.FINGERMOTION:
            if not dragging and (abs(e.x - x0) > TAP_SLOP or abs(e.y - y0) > TAP_SLOP):
                dragging = True
            self._finger[e.finger_id] = (x0, y0, e.x, e.y, dragging)
            if dragging:
                return [Action(DRAG, pos=pos, amount=(py - e.y) * h, source="touch")]
            return []
        del self._finger[e.finger_id]
        if dragging:
            return [Action(RELEASE, pos=(-1, -1), source="touch")]  # a drag never taps
        return [Action(RELEASE, pos=pos, source="touch")]

    def _device(self, e: pygame.event.Event) -> None:
        try:
            from pygame._sdl2 import controller
        except ImportError:  # pragma: no cover
            return
        if e.type == pygame.CONTROLLERDEVICEADDED:
            try:
                pad = controller.Controller(e.device_index)
                self._controllers[pad.id] = pad
            except (pygame.error, ValueError):
                pass
        else:
            self._controllers.pop(getattr(e, "instance_id", -1), None)

    def _axis(self, e: pygame.event.Event) -> list[Action]:
        if e.axis not in (pygame.CONTROLLER_AXIS_LEFTY, pygame.CONTROLLER_AXIS_LEFTX):
            return []
        key = (getattr(e, "instance_id", 0), e.axis)
        held = self._axis_held.get(key, 0)
        value = e.value / 32767
        direction = 1 if value > 0.6 else -1 if value < -0.6 else 0
        self._axis_held[key] = direction
        if direction == 0 or direction == held:
            return []
        if e.axis == pygame.CONTROLLER_AXIS_LEFTY:
            return [Action(ANY, source="pad"), Action(DOWN if direction > 0 else UP, source="pad")]
        return [Action(ANY, source="pad"), Action(RIGHT if direction > 0 else LEFT, source="pad")]
