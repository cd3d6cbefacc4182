"""Content for the benchmarks: the shipped world with small stories written for measuring.

The benchmarks never depend on the shipped story being finished: they use the shipped model, world
and interface words (content/model.yaml, content/world, content/ui) plus what is written here or by
gen_story.py, into a temporary folder.
"""

from __future__ import annotations

import os
import sys
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from game.core.paths import content_dir  # noqa: E402

WORLD = [os.path.join(content_dir(), "model.yaml"), os.path.join(content_dir(), "world"),
         os.path.join(content_dir(), "ui")]
EXAMPLE = os.path.join(ROOT, "docs", "example")

# A scene as long as a scene should get (lint warns above 1,200 characters): a speaker with a
# portrait, a title, four paragraphs, a fact box and four choices that each preview two meters.
PAGE = '''\
campaigns:
  bench_day:
    role: resident
    title: Benchmark
    summary: One long scene, for measuring how fast the day screen draws.
    profiles:
      - id: bench
        name: Bench
        summary: A profile.
        start: {education: 30, work: 30}
    calendar:
      - phase: high_security
        days: 1
        slots: {morning: bench_page}
    endings:
      - id: done
        title: Done
        text: Done.

scenes:
  bench_page:
    place: workshop
    speaker: ingrid
    title: The letter from the school
    fact: no_bars
    text: |
      The workshop smells of pine and glue. Ingrid puts a brown envelope on the bench beside the
      plane you have been sharpening all morning, and waits until you have wiped your hands.

      It is from the upper secondary school in town. They have read your application for the
      carpentry course, and they want to meet you in three weeks, on a Thursday, at ten. It says
      that they know where you are, and that it does not change anything about the interview.

      You read it twice. The last time anyone from a school wrote to you, it was to tell your mother
      that you had stopped coming. Tomasz, at the next bench, pretends not to look.

      Ingrid says the unit can arrange the escort if the leave is approved, and that you should think
      about what you want to say about the gap in your papers. She says she will help you practise.
    choices:
      - text: Say yes at once, and ask Ingrid to help you prepare this week.
        do: education += 3; wellbeing += 2
        why: You said yes to the interview.
      - text: Ask Tomasz what he thinks, before you decide anything.
        do: trust += 2; peers -= 1
        why: You talked it through with Tomasz.
      - text: Put the letter in your pocket and go back to the plane.
        do: wellbeing -= 1; work += 1
        why: You kept it to yourself for now.
      - text: Tell Ingrid you are not the kind of person who goes to school.
        do: education -= 1; attitudes += 1
        why: You turned it down before anyone else could.
'''


def write_day_story(folder: str) -> str:
    """Write the one-scene story for the frame benchmark; returns the folder."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "bench_day.yaml"), "w", encoding="utf-8") as fh:
        fh.write(textwrap.dedent(PAGE))
    return folder
