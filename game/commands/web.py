"""`web`: the browser edition. `web build OUT` writes a static folder; `web serve OUT` serves it.

    python main.py web build site            lint + compile the story, copy Pyodide and the core
    python main.py web serve site            http://127.0.0.1:8000/ (--host 0.0.0.0 for a classroom)

See docs/web.md for hosting the folder on a school's web space, an LMS or a USB stick.
"""

from __future__ import annotations

import argparse
import sys

from .common import add_content_args, content_dirs

NAME = "web"
HELP = "build the browser edition into a folder, or serve a built folder"

MIME = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
        ".json": "application/json", ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml",
        ".otf": "font/otf", ".ttf": "font/ttf", ".zip": "application/zip", ".html": "text/html; charset=utf-8",
        ".css": "text/css"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="web_command", metavar="build|serve", required=True)
    b = sub.add_parser("build", help="write the browser edition into OUT")
    b.add_argument("out", metavar="OUT", help="the folder to write (created; an earlier build is replaced)")
    b.add_argument("--vendor", metavar="DIR", help="where tools/web_vendor.py put Pyodide (default build/vendor)")
    b.add_argument("--no-snapshot", action="store_true",
                   help="no start-up snapshot (made with Node when installed; without it the page starts slower)")
    add_content_args(b)
    s = sub.add_parser("serve", help="serve a built folder over HTTP (127.0.0.1 unless --host)")
    s.add_argument("out", metavar="OUT", help="a folder written by `web build`")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this computer only)")
    s.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")


def run(args: argparse.Namespace) -> int:
    return build(args) if args.web_command == "build" else serve(args)


def build(args: argparse.Namespace) -> int:
    from ..core.lintview import Sources, render
    from ..web.build import BuildError
    from ..web.build import build as build_site
    try:
        built = build_site(content_dirs(args), args.out, args.vendor, snapshot=not args.no_snapshot)
    except BuildError as exc:
        print(f"web build: {exc}", file=sys.stderr)
        return 2
    if not built.report.ok:
        sources = Sources(built.sources)
        for d in built.report.sorted():
            if d.severity == "error":
                print(render(d, sources), file=sys.stderr)
        print(f"web build: stopped, the content has {len(built.report.errors)} error(s); nothing was written",
              file=sys.stderr)
        return 1
    print(f"web build: {len(built.files)} files, {built.size / 1e6:.1f} MB in {args.out}")
    if built.snapshot:
        print(f"web build: no start-up snapshot: {built.snapshot}")
    print(f"serve it with: python main.py web serve {args.out}")
    return 0


def make_server(out: str, host: str = "127.0.0.1", port: int = 8000):  # type: ignore[no-untyped-def]
    """A threading HTTP server for the folder, with the MIME types Pyodide needs (.wasm, .mjs)."""
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Handler(SimpleHTTPRequestHandler):
        extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME}

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
            pass

        def end_headers(self) -> None:
            self.send_header("Cache-Control", "no-cache")
            super().end_headers()

    return ThreadingHTTPServer((host, port), functools.partial(Handler, directory=out))


def serve(args: argparse.Namespace) -> int:
    import os
    if not os.path.isfile(os.path.join(args.out, "index.html")):
        print(f"web serve: {args.out} holds no built page; run `python main.py web build {args.out}` first",
              file=sys.stderr)
        return 2
    server = make_server(args.out, args.host, args.port)
    host, port = server.server_address[:2]
    print(f"Serving {args.out} at http://{host}:{port}/  (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
