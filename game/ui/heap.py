"""Keep the process's memory from growing for good as full-screen pictures come and go.

Every full-screen picture, and every screen's static layer, is one large block: 8 MB at 1080p.
glibc gives the first such block a memory mapping of its own, handed back to the system when the
block is freed; but once one is freed it raises that threshold, and the later blocks come from the
heap, which then stays as large as it ever was. A first playthrough at 1080p ended 15-25 MB above
what it used, and a kiosk changing pictures for days would only grow. Fixing the threshold at 1 MB
keeps every picture in a mapping of its own. Elsewhere (macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import sys

M_MMAP_THRESHOLD = -3  # from glibc's malloc.h


def map_large_blocks(threshold: int = 1 << 20) -> bool:
    """Ask glibc to map every block of at least `threshold` bytes on its own; True if it agreed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes
        return bool(ctypes.CDLL(None).mallopt(M_MMAP_THRESHOLD, threshold))
    except (OSError, AttributeError):  # not glibc
        return False
