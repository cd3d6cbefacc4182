"""A student's anonymous key for one class session, so the class report counts students, not runs.

The key is the same for every run made on this computer, by this user, with this session code, on
this day: a student who plays again from the start, or whose game crashed and who began again, is
still one student. It is a hash of a random secret kept in the user's data folder (never written
anywhere else), the session code and the date, so two sessions, two days or two computers give
keys that cannot be linked, and nothing in it names or identifies a person.

Two students sharing one computer in one lesson count as one (a pair is one result, as the teacher's
guide suggests); a student who changes computers counts twice.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import secrets
import time

from .. import userdirs
from ..files import write_atomic
from ..reading import ReadError, read_bytes

log = logging.getLogger("neighbour.play")
SECRET_FILE = "student-secret"
_SECRET = re.compile(r"^[0-9a-f]{32}$")


def secret(folder: str | None = None) -> str:
    """This user's random secret, made on first use; a missing or damaged file gets a new one."""
    path = os.path.join(folder or userdirs.data_dir(), SECRET_FILE)
    try:
        text = read_bytes(path, 64).decode("ascii", "replace").strip()
        if _SECRET.match(text):
            return text
    except ReadError:
        pass
    made = secrets.token_hex(16)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_atomic(path, made.encode("ascii"))
    except OSError as exc:  # a read-only profile: the key holds for this run of the game only
        log.warning("the student key's secret could not be kept (%s)", exc)
    return made


def student_key(code: str, day: str | None = None, folder: str | None = None) -> str:
    """The key of this computer's student in session `code` on `day` (YYYY-MM-DD, today by default)."""
    norm = "".join(code.split()).upper()
    day = day or time.strftime("%Y-%m-%d")
    digest = hashlib.sha256(f"{secret(folder)}\n{norm}\n{day}".encode()).hexdigest()
    return digest[:16]
