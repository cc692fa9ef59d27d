#!/usr/bin/env bash
# Regenerates the expected outputs in the case files from the REAL tools on
# this machine (Debian 12: bash 5.2, GNU grep 3.8, mawk 1.3.4, coreutils 9.1),
# so the expectations the Rust tests check are what Linux prints.
#
#   sim-shell/tests/data/shell/record.sh [FILE.txt ...]   (default: all *.txt)
#
# Case file format (read by sim-shell/tests/shell_cases.rs):
#   # …                  comment
#   @@@ NAME             starts an input block, ended by a line "@@@"
#   @@@ file:NAME        the same for a file NAME in the directory every
#                        case runs in, made afresh before each case (so an
#                        `rm` does not reach the next); the tests put it in
#                        /tmp, their working directory
#   === CMD              a case: CMD run by `bash -c` with an empty pipe as stdin
#   === <NAME> CMD       the same with input block NAME as stdin
#                        (in CMD, "↵" stands for a newline)
#   --- stdout / --- stderr / --- exit N, then "| "-prefixed lines, and
#   "\ no newline at end" if the stream did not end in one: the RECORDED
#   part, which this script throws away and writes anew after each case.
#
# stderr is normalised from `bash -c` to an interactive shell's wording:
# the recording shell runs as `bash -c CMD OUTER`, so its own messages start
# "OUTER: -c: line N: " or "OUTER: line N: "; those become "bash: ", and the
# line where it echoes the offending source is dropped. A `bash -c` inside
# CMD keeps its own "bash: line N: " wording, as the simulated one must.
# (So `$0` in CMD reads OUTER: no case prints it.)
set -euo pipefail
export LC_ALL=C.UTF-8
cd "$(dirname "$0")"
[ $# -gt 0 ] || set -- *.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Writes the "--- NAME" section for file $2, if it is not empty.
section() {
    [ -s "$2" ] || return 0
    echo "--- $1"
    sed 's/^/| /' "$2"
    [ -z "$(tail -c1 "$2")" ] || printf '\n\\ no newline at end\n'
}

for file in "$@"; do
    rm -rf "$tmp"/in.* "$tmp/files"
    mkdir "$tmp/files"
    # Pass 1: extract the input blocks.
    block=
    while IFS= read -r line; do
        if [ -n "$block" ]; then
            if [ "$line" = "@@@" ]; then block=; else printf '%s\n' "$line" >>"$block"; fi
        elif [[ $line == "@@@ file:"* ]]; then
            block="$tmp/files/${line#@@@ file:}"
            : >"$block"
        elif [[ $line == "@@@ "* ]]; then
            block="$tmp/in.${line#@@@ }"
            : >"$block"
        fi
    done <"$file"
    # Pass 2: copy everything but old recordings, recording after each case.
    block=
    while IFS= read -r line; do
        if [ -n "$block" ]; then
            [ "$line" = "@@@" ] && block=
            printf '%s\n' "$line"
            continue
        fi
        case $line in
            "@@@ "*) block=1; printf '%s\n' "$line"; continue ;;
            "--- "* | "| "* | "|" | '\ no newline at end') continue ;;
        esac
        printf '%s\n' "$line"
        [[ $line == "=== "* ]] || continue
        cmd=${line#=== }
        input=/dev/null
        if [[ $cmd =~ ^\<([A-Za-z0-9_-]+)\>\ (.*)$ ]]; then
            input="$tmp/in.${BASH_REMATCH[1]}"
            cmd=${BASH_REMATCH[2]}
        fi
        cmd=${cmd//↵/$'\n'}
        status=0
        # stdin is a pipe, as in the simulated shell (wc pads differently
        # for regular files). A command that does not read it may leave cat
        # with SIGPIPE, which is not the command's status.
        rm -rf "$tmp/work"
        cp -r "$tmp/files" "$tmp/work"
        { cat "$input" 2>/dev/null || true; } |
            (cd "$tmp/work" && bash -c "$cmd" OUTER) >"$tmp/out" 2>"$tmp/err.raw" || status=$?
        grep -Ev "^OUTER: -c: line [0-9]+: \`.*'\$" "$tmp/err.raw" |
            sed -E 's/^OUTER: (-c: )?line [0-9]+: /bash: /' >"$tmp/err" || true
        section stdout "$tmp/out"
        section stderr "$tmp/err"
        echo "--- exit $status"
    done <"$file" >"$tmp/new"
    cp "$tmp/new" "$file"
done
