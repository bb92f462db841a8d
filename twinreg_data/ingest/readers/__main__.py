"""The sandboxed child that parses one upload: `python -m twinreg_data.ingest.readers`, request on stdin.

Started by ingest.apply.read_upload through ingest.sandbox; writes one pickle to stdout: the reader's result,
or {"error", "text_key", "params"} for a file it refuses (worded by the parent, this process has no catalog).
"""

from __future__ import annotations

import pickle
import sys

from ..sandbox import child_request
from . import READERS
from .common import ParseFailure


def _peak_rss_kib() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> int:
    request = child_request()
    out = sys.stdout.buffer
    try:
        result = READERS[request["kind"]](request)
    except ParseFailure as exc:
        result = {"error": exc.reason, "text_key": exc.text_key, "params": exc.params}
    except MemoryError:
        result = {"error": "too_large_unpacked", "text_key": "out_of_memory", "params": {}}
    result["peak_rss_kib"] = _peak_rss_kib()
    pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
