"""The command line: simulate's new policies and reading time, lint's counts of profiles and campaigns."""

import json

from storytools import run_main


def test_simulate_json_reports_reading_time_and_takes_new_policies():
    out = run_main("simulate", "--runs", "3", "--policy", "focus:study", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data["minutes"]) == {"mean", "median", "p90"} and data["words"] > 0 and data["decisions"] > 0
    out = run_main("simulate", "--runs", "1", "--policy", "late:x")
    assert out.returncode == 2 and "late needs a day number" in out.stderr


def test_simulate_text_says_how_long_a_playthrough_takes_to_read():
    out = run_main("simulate", "--runs", "2", "--policy", "first")
    assert out.returncode == 0, out.stderr
    assert "policy first" in out.stdout and "words and" in out.stdout and "minutes on average" in out.stdout


def test_lint_stats_list_profiles_and_campaigns():
    out = run_main("lint", "--quick", "--stats", "--json")
    assert out.returncode == 0, out.stderr
    stats = json.loads(out.stdout)["stats"]
    assert stats["roles"]["resident"]["profiles"] == ["sander", "tomasz", "kenneth"]
    assert stats["campaigns"]["resident"] == {"role": "resident", "kind": "full"}
    assert all(set(v) == {"role", "kind"} for v in stats["campaigns"].values())
