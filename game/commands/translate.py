"""`translate`: a language as an overlay folder, through the PO files translators' tools read.

    python main.py translate export --lang sv --out sv.po
    python main.py translate import sv.po --lang sv --out my_swedish/
    python main.py --content my_swedish --lang sv

`export` writes every text (with what is already translated, stale ones marked fuzzy); `import` checks
the translated file completely and, only if it is sound, writes `DIR/<lang>.yaml`, an overlay that is
read with `--content DIR` beside the shipped files, which are never touched. See docs/translating.md.
"""

from __future__ import annotations

import argparse
import os
import sys

from .common import add_content_args, content_dirs

NAME = "translate"
HELP = "export the texts to a PO file for translators, or import a translated one as a language folder"
DEFAULT_PLURAL = "nplurals=2; plural=(n != 1);"


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    exp = sub.add_parser("export", help="write every text to a PO file (Poedit, Weblate, Crowdin)")
    add_content_args(exp)
    exp.add_argument("--lang", required=True, metavar="CODE", help="the language to translate into, e.g. sv")
    exp.add_argument("--out", required=True, metavar="FILE", help="the PO file to write, e.g. sv.po")
    exp.add_argument("--name", metavar="NAME", help="the language's own name (default: from its code)")
    imp = sub.add_parser("import", help="check a translated PO file and write it as a language folder")
    add_content_args(imp)
    imp.add_argument("po", metavar="FILE", help="the translated PO file")
    imp.add_argument("--lang", required=True, metavar="CODE", help="the language it translates into")
    imp.add_argument("--out", required=True, metavar="DIR", help="the folder to write the language into")
    imp.add_argument("--name", metavar="NAME", help="the language's own name (default: from its code)")


def language_name(lang: str, given: str | None, declared: dict | None) -> str:
    """The language's own name: as given, as the content declares it, from CLDR (Babel), or its code."""
    if given:
        return given
    if declared and declared.get("name"):
        return str(declared["name"])
    try:
        from babel import Locale, UnknownLocaleError
        try:
            name = Locale.parse(lang.replace("-", "_")).get_display_name(lang.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            name = None
        if name:
            return name[:1].upper() + name[1:]
    except ImportError:
        pass
    return lang


def plural_header(lang: str, declared: dict | None) -> str:
    """The Plural-Forms header: as the content declares it, from CLDR (Babel), or one/other."""
    if declared and declared.get("plural"):
        return str(declared["plural"])
    try:
        from babel.core import UnknownLocaleError
        from babel.messages.plurals import get_plural
        try:
            rule = get_plural(lang.replace("-", "_"))
            return f"nplurals={rule.num_plurals}; plural={rule.plural_expr};"
        except (UnknownLocaleError, ValueError):
            return DEFAULT_PLURAL
    except ImportError:
        return DEFAULT_PLURAL


def _load(args: argparse.Namespace):  # -> Loaded | None
    from ..core.load.loader import load_sources
    loaded = load_sources(content_dirs(args))
    if not loaded.report.ok:
        for d in loaded.report.sorted():
            if d.severity == "error":
                print(d.format(), file=sys.stderr)
        print(f"{len(loaded.report.errors)} error(s) in the content; fix them first (see 'lint').",
              file=sys.stderr)
        return None
    return loaded


def run(args: argparse.Namespace) -> int:
    from ..core.load.schema_values import LANG_PATTERN
    if not LANG_PATTERN.match(args.lang):
        print(f"error: expected a language code such as sv or pl, found '{args.lang}'", file=sys.stderr)
        return 2
    loaded = _load(args)
    if loaded is None:
        return 1
    from ..core.translate.catalog import default_language
    if args.lang == default_language(loaded.data):
        print(f"error: '{args.lang}' is the language the content is written in; translate into another",
              file=sys.stderr)
        return 2
    return _export(args, loaded) if args.action == "export" else _import(args, loaded)


def _export(args: argparse.Namespace, loaded) -> int:
    from ..core.files import write_atomic
    from ..core.translate.catalog import messages
    from ..core.translate.po import export_po
    declared = (loaded.data.get("languages") or {}).get(args.lang)
    msgs = messages(loaded)
    stale = loaded.ctx.stale.get(args.lang, {}) if loaded.ctx else {}
    po = export_po(msgs, args.lang, language_name(args.lang, args.name, declared),
                   plural_header(args.lang, declared), stale)
    write_atomic(args.out, str(po).encode("utf-8") + b"\n")
    done = sum(1 for m in msgs if args.lang in m.text)
    print(f"wrote {args.out}: {len(msgs)} texts, {done} translated already ({len(stale)} of them stale)",
          file=sys.stderr)
    return 0


def _import(args: argparse.Namespace, loaded) -> int:
    from ..core.diagnostics import Report
    from ..core.files import write_atomic
    from ..core.load.sources import display_path
    from ..core.translate.catalog import messages
    from ..core.translate.po import overlay_text, read_po
    report = Report()
    checked = read_po(args.po, display_path(args.po), args.lang, messages(loaded), report)
    if checked is None:
        for d in report.sorted():
            print(d.format(), file=sys.stderr)
        print(f"{len(report.errors)} error(s) in {args.po}; nothing was written.", file=sys.stderr)
        return 1
    declared = (loaded.data.get("languages") or {}).get(args.lang)
    checked.name = language_name(args.lang, args.name, declared)
    os.makedirs(args.out, exist_ok=True)
    target = os.path.join(args.out, f"{args.lang}.yaml")
    # declare the language unless other content does already (Bokmål is declared by the shipped files)
    where = loaded.positions.get("languages", {}).get(args.lang, ("", None))[0]
    declare = declared is None or os.path.abspath(where) == os.path.abspath(target)
    write_atomic(target, overlay_text(checked, os.path.basename(args.po), declare).encode("utf-8"))
    fuzzy = sum(1 for e in checked.entries if e[3])
    print(f"wrote {target}: {len(checked.entries)} translated texts ({fuzzy} marked fuzzy). Play it with "
          f"--content {args.out} --lang {args.lang}", file=sys.stderr)
    return 0
