#!/usr/bin/env python3
"""Drops the WebAssembly exports of classes nothing on the site uses, so that
wasm-opt can remove the code behind them.

Leptos depends on server_fn, which depends on wasm-streams, whose
#[wasm_bindgen] classes (IntoUnderlyingSink, IntoUnderlyingSource,
IntoUnderlyingByteSource) are exported whether or not anything calls them:
an export is a root, so their code and the futures machinery it pulls in
(about 6 KB of gzip) stay in the module. The site never streams (it has no
server), and the JavaScript glue only reaches these exports from the
classes' own methods, which nothing constructs.

Usage: drop-unused-exports.py DIR WASM_OPT [FLAGS...]
  rewrites every *_bg.wasm in DIR without those exports, optimizes it again
  with WASM_OPT FLAGS (the flags Trunk used), and refreshes its Subresource
  Integrity hash in DIR/index.html. Release builds only (TRUNK_PROFILE).
"""
import os, pathlib, subprocess, sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import sri  # noqa: E402
from wasm import enc, leb, replace_section, sections  # noqa: E402

UNUSED = (b"intounderlying", b"__wbg_intounderlying")


def drop_exports(b):
    """The module without the unused exports, and how many were dropped."""
    for sid, head, j, end in sections(b):
        if sid == 7:
            cnt, k = leb(b, j)
            kept, dropped = [], 0
            for _ in range(cnt):
                start = k
                ln, k2 = leb(b, k); name = b[k2:k2 + ln]; k = k2 + ln
                _, k = leb(b, k + 1)
                if name.startswith(UNUSED):
                    dropped += 1
                else:
                    kept.append(b[start:k])
            body = enc(len(kept)) + b"".join(kept)
            return replace_section(b, head, end, 7, body), dropped
    return b, 0


def main(argv):
    if os.environ.get("TRUNK_PROFILE", "release") != "release":
        return
    folder, wasm_opt, flags = pathlib.Path(argv[1]), argv[2], argv[3:]
    for wasm in folder.glob("*_bg.wasm"):
        out, dropped = drop_exports(wasm.read_bytes())
        if not dropped:
            continue
        wasm.write_bytes(out)
        subprocess.run([wasm_opt, *flags, str(wasm), "-o", str(wasm)], check=True)
        html = folder / "index.html"
        if html.exists():
            html.write_text(sri.refresh(html.read_text(), wasm.name, wasm.read_bytes()))
        print(f"drop-unused-exports: {dropped} unused exports dropped from {wasm.name}")


if __name__ == "__main__":
    main(sys.argv)
