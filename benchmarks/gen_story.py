"""Write a large generated story for measuring the loader, the cache and the engine.

    python benchmarks/gen_story.py OUT_DIR --scenes 1000 [--seed 1]

The story is one campaign over the shipped world (model, places, phases): scenes of three choices
each, with conditions and effects on five variables (about 380 KB for 1,000 scenes), split into files
of 100 scenes, the way a large real story would be. It is written next to (not into) the shipped content.
"""

from __future__ import annotations

import argparse
import os
import random

VARS = ["wellbeing", "education", "work", "family", "trust"]
PLACES = ["common_room", "workshop", "classroom", "health", "gym", "library", "yard", "studio"]


def scene_yaml(i: int, n: int, rng: random.Random) -> list[str]:
    out = [f"  g{i}:", f"    place: {rng.choice(PLACES)}",
           f'    text: "Scene {i}. The kettle clicks off. What now?"',
           "    choices:"]
    for c in range(3):
        a, b = rng.sample(VARS, 2)
        target = "end" if rng.random() < 0.3 else f"g{rng.randrange(n)}"
        out += [
            f'      - text: "Choice {c}"',
            f"        if: {a} >= {rng.randint(0, 40)} or flag(\"f{rng.randint(0, 9)}\")",
            f"        do: {a} += {rng.randint(1, 3)}; {b} -= 1" + (f'; set_flag("f{rng.randint(0, 9)}")'
                                                               if rng.random() < 0.3 else ""),
            '        why: Chosen.',
            f"        goto: {target}",
        ]
    return out


def write_story(out_dir: str, scenes: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    files = []
    per_file = 100
    for start in range(0, scenes, per_file):
        lines = ["scenes:"]
        for i in range(start, min(scenes, start + per_file)):
            lines += scene_yaml(i, scenes, rng)
        path = os.path.join(out_dir, f"scenes_{start // per_file:03d}.yaml")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
        files.append(path)
    slots = ", ".join(f"s{k}: g{rng.randrange(scenes)}" for k in range(3))
    campaign = f"""campaigns:
  generated:
    role: resident
    title: Generated
    summary: A generated story for benchmarks.
    profiles:
      - id: bench
        name: Bench
        summary: A profile.
        start: {{education: 30, work: 30}}
    calendar:
      - phase: high_security
        days: 20
        slots: {{{slots}}}
    endings:
      - id: high
        if: education >= 60
        title: High
        text: High.
      - id: low
        title: Low
        text: Low.
"""
    path = os.path.join(out_dir, "campaign.yaml")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(campaign)
    files.append(path)
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--scenes", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    files = write_story(args.out, args.scenes, args.seed)
    size = sum(os.path.getsize(f) for f in files)
    print(f"wrote {len(files)} files, {size / 1024:.0f} KB, {args.scenes} scenes to {args.out}")


if __name__ == "__main__":
    main()
