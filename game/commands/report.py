"""`report`: make one HTML page from classroom or training result files (the page is made in
game/report; this module reads the options and the content)."""

from __future__ import annotations

import argparse

from . import common

NAME = "report"
HELP = "make one HTML page from classroom or training result files"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("results", nargs="+", metavar="RESULT", help="result files or folders")
    p.add_argument("--out", metavar="FILE", default="neighbour-report.html")
    p.add_argument("--lang", help="en or nb")
    p.add_argument("--xapi", metavar="FILE", help="also write the results as xAPI statements (JSON) for an LMS")
    common.add_content_args(p)


def run(args: argparse.Namespace) -> int:
    from ..report.command import write_report
    content = common.load(args)
    if content is None:
        return 1
    lang = common.language(content, args.lang)
    if lang is None:
        return 2
    return write_report(content, lang, list(args.results), args.out, xapi=args.xapi)
