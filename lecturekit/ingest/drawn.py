"""What a page draws besides text, as short digests a cleaner can compare page to page."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

# Text objects and inline images are left out: text is compared as lines, and inline image bytes
# could hold anything that looks like an operator.
NOT_DRAWING = re.compile(rb"(?<![^\s\]>)])(?:BT\b.*?\bET|BI\b.*?\bEI)(?=\s|$)", re.DOTALL)
NUMBER = rb"[-+]?(?:\d+\.?\d*|\.\d+)"
OPERATOR = re.compile(
    rb"(?<![^\s\]>)])(?:"
    rb"(?:" + NUMBER + rb"\s+){6}cm|(?:" + NUMBER + rb"\s+){2,6}(?:m|l|c|v|y|re)"
    rb"|/[^\s/\[\]()<>]+\s+(?:Do|sh)|W\*?|q|Q|h|n|f\*?|F|S|s|B\*?|b\*?)(?=[\s\[(</]|$)"
)
PAINTS = frozenset((b"f", b"f*", b"F", b"S", b"s", b"B", b"B*", b"b", b"b*"))
DIGEST_BYTES = 6


def drawn_items(streams: Iterable[bytes], images: Iterable[bytes]) -> list[str]:
    """Digests of the shapes a page paints (each path with its painting operator), then of its images.

    A shape that moves or is swapped changes its digest; a picture placed or cropped otherwise
    changes the digest of its placement; a shape added on a later page adds one. Colour and the
    placement of text are left out: they change between the steps of one slide as text is revealed.
    Images also count by their own bytes, since their resource names are the page's own.
    """
    data = NOT_DRAWING.sub(b" ", b"\n".join(streams))
    return [_digest(shape) for shape in _shapes(data)] + [_digest(image) for image in images]


def _shapes(data: bytes) -> list[bytes]:
    """Each painted path, and each placed XObject with the transformation and clip it is drawn under."""
    shapes: list[bytes] = []
    path: list[bytes] = []
    placement: tuple[bytes, bytes] = (b"", b"")  # (transformation, clip)
    saved: list[tuple[bytes, bytes]] = []
    clipping = False
    for match in OPERATOR.finditer(data):
        token = b" ".join(match.group().split())
        operator = token.rsplit(b" ", 1)[-1]
        if operator == b"q":
            saved.append(placement)
        elif operator == b"Q":
            placement = saved.pop() if saved else (b"", b"")
        elif operator == b"cm":
            placement = (placement[0] + b" " + token, placement[1])
        elif operator in (b"W", b"W*"):
            clipping = True
        elif operator == b"n" or operator in PAINTS:
            if clipping:
                placement = (placement[0], placement[1] + b" " + b" ".join(path))
            if operator in PAINTS:
                shapes.append(b" ".join([*path, operator]))
            path, clipping = [], False
        elif operator in (b"Do", b"sh"):
            shapes.append(b" | ".join((*placement, token)))
        else:
            path.append(token)
    return shapes


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=DIGEST_BYTES).hexdigest()
