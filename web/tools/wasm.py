"""Just enough of the WebAssembly binary format for the post-build hooks:
LEB128 numbers and the list of sections."""


def leb(b, i):
    """The unsigned LEB128 number at b[i], and the index after it."""
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7F) << s; s += 7
        if x < 0x80:
            return r, i


def enc(n):
    """`n` as unsigned LEB128."""
    out = bytearray()
    while True:
        x = n & 0x7F; n >>= 7
        out.append(x | (0x80 if n else 0))
        if not n:
            return bytes(out)


def sections(b):
    """(id, head, start, end) of each section after the 8-byte header: where
    its id byte is, and where its contents start and end."""
    out, i = [], 8
    while i < len(b):
        sid = b[i]; n, j = leb(b, i + 1)
        out.append((sid, i, j, j + n)); i = j + n
    return out


def replace_section(b, head, end, sid, body):
    """`b` with the section from `head` to `end` replaced by one of id `sid`."""
    return b[:head] + bytes([sid]) + enc(len(body)) + body + b[end:]
