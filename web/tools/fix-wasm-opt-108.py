#!/usr/bin/env python3
"""Works around a wasm-opt 108 (Debian 12's binaryen) bug with wasm-bindgen >= 0.2.100.

wasm-bindgen exports its externref table as `__wbindgen_externrefs`. wasm-opt 108
rewrites that export to point at table 0 (the funcref table), and the page then
fails at start-up with "WebAssembly.Table.set(): Argument 1 is invalid for table".
This script points the export back at the module's externref table, and, given an
index.html, refreshes the Subresource Integrity hash Trunk wrote for the file.

Usage: fix-wasm-opt-108.py DIR   (patches every *_bg.wasm in DIR and DIR/index.html)
"""
import pathlib, sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import sri  # noqa: E402
from wasm import enc, leb, replace_section, sections  # noqa: E402


def limits(b, i):
    flag = b[i]; _, i = leb(b, i + 1)
    if flag & 1:
        _, i = leb(b, i)
    return i


def patch(b):
    secs = sections(b)
    # Table types: imported tables come first in the index space.
    types = []
    for sid, h, s, e in secs:
        if sid == 2:  # imports
            cnt, k = leb(b, s)
            for _ in range(cnt):
                for _ in range(2):
                    ln, k = leb(b, k); k += ln
                kind = b[k]; k += 1
                if kind == 0: _, k = leb(b, k)
                elif kind == 1: types.append(b[k]); k = limits(b, k + 1)
                elif kind == 2: k = limits(b, k)
                elif kind == 3: k += 2
        if sid == 4:  # tables
            cnt, k = leb(b, s)
            for _ in range(cnt):
                types.append(b[k]); k = limits(b, k + 1)
    if 0x6F not in types:
        return b, False
    want = types.index(0x6F)
    for sid, h, s, e in secs:
        if sid != 7:
            continue
        cnt, k = leb(b, s)
        for _ in range(cnt):
            ln, k2 = leb(b, k); name = b[k2:k2 + ln]; k = k2 + ln
            kind = b[k]; idx, k3 = leb(b, k + 1)
            if kind == 1 and name == b"__wbindgen_externrefs" and idx != want:
                body = b[s:k + 1] + enc(want) + b[k3:e]
                return replace_section(b, h, e, 7, body), True
            k = k3
    return b, False


def main(d):
    d = pathlib.Path(d)
    for w in d.glob("*_bg.wasm"):
        data, changed = patch(w.read_bytes())
        if not changed:
            continue
        w.write_bytes(data)
        html = d / "index.html"
        if html.exists():
            html.write_text(sri.refresh(html.read_text(), w.name, data))
        print(f"fix-wasm-opt-108: pointed __wbindgen_externrefs at the externref table in {w.name}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
