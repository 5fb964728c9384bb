"""Text from outside (file names, command-line options) made safe to print and to write.

A file name that is not valid UTF-8 reaches Python with surrogate escapes: that is kept
wherever the file is opened, but shown with U+FFFD wherever it is printed or typeset (no
UTF-8 writer can encode a surrogate). A control character in a name (a newline, say) is
shown escaped on the terminal, so one file can never forge an extra `error:` line.
"""

from __future__ import annotations

import re

_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown(text: str) -> str:
    """`text` with every surrogate escape (an undecodable byte) as U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)


def printable(text: str) -> str:
    """One terminal line: surrogates as U+FFFD, control characters as escapes (\\n …)."""
    return _CONTROLS.sub(lambda m: repr(m.group())[1:-1], shown(text))


def json_text(data: object, indent: int | None = 1) -> str:
    """JSON of `data` with non-ASCII text as is and surrogate escapes as `\\udcXX` (valid
    JSON that decodes back to the file's real name; a raw surrogate cannot be printed)."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
