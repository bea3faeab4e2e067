#!/usr/bin/env python3
"""Reads a CSV file of `fora timetable --format csv` with Python's csv module.

    python3 read_csv.py FILE DELIMITER

Prints one JSON object: "bom" (whether the file starts with a UTF-8 byte order mark),
"crlf" (whether every record ends in CRLF; line breaks inside quoted fields are not record
ends), and "rows" (every record, the header first, as lists of strings). The bytes must be
UTF-8: anything else is an error.
"""

import csv
import json
import sys


class Lines:
    """The physical lines of the text, remembering the last one handed out."""

    def __init__(self, text):
        # Only LF ends a line: str.splitlines would also break at U+2028 and the like.
        self.lines = iter(text.split("\n"))
        self.count = text.count("\n")
        self.last = None

    def __iter__(self):
        return self

    def __next__(self):
        line = next(self.lines)
        if self.count > 0:
            self.count -= 1
            line += "\n"
        elif not line:
            raise StopIteration
        self.last = line
        return line


def main():
    if len(sys.argv) != 3 or len(sys.argv[2]) != 1:
        sys.exit("usage: read_csv.py FILE DELIMITER")
    path, delimiter = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        data = f.read()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig" if bom else "utf-8")
    lines = Lines(text)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    rows, ends = [], []
    for row in reader:
        rows.append(row)
        # The line the record ended on.
        ends.append(lines.last)
    crlf = bool(ends) and all(end.endswith("\r\n") for end in ends)
    json.dump({"bom": bom, "crlf": crlf, "rows": rows}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
