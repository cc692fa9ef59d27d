#!/usr/bin/env python3
"""Minifies the site's JavaScript (wasm-bindgen's glue) in a Trunk staging dir.

Trunk's own minifier cannot parse wasm-bindgen's output and leaves it as it is;
esbuild (an e2e/ dev dependency that scripts/setup-web installs) can: about
1.3 KB less gzip. The integrity hash in index.html is refreshed to match.
Without esbuild the files are left untouched and the build still works.

Usage: minify-js.py DIR
"""
import pathlib, subprocess, sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import sri  # noqa: E402

ESBUILD = pathlib.Path(__file__).resolve().parents[2] / "e2e" / "node_modules" / ".bin" / "esbuild"


def main(d):
    d = pathlib.Path(d)
    if not ESBUILD.exists():
        print("minify-js: no esbuild in e2e/node_modules (scripts/setup-web installs it); JavaScript left as is")
        return
    html = d / "index.html"
    for js in sorted(d.glob("*.js")):
        before = js.stat().st_size
        subprocess.run([str(ESBUILD), str(js), "--minify", "--format=esm", "--log-level=warning",
                        "--outfile=" + str(js), "--allow-overwrite"], check=True)
        if html.exists():
            html.write_text(sri.refresh(html.read_text(), js.name, js.read_bytes()))
        print(f"minify-js: {js.name} {before} -> {js.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
