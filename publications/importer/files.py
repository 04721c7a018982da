"""Reading an export: rows of a CSV or JSON Lines file, with their line numbers."""

import csv
import json
from pathlib import Path

from .rows import RowError

COLUMNS = [
    "title",
    "type",
    "date",
    "summary",
    "topics",
    "body",
    "attachments",
    "legacy_url",
    "language",
    "slug",
    "page_language",
    "translation_of",
]
REQUIRED_COLUMNS = ["title", "type", "date"]


class ImportFileError(Exception):
    """The file as a whole cannot be read (missing, wrong format, no title column...)."""


def read_rows(path):
    """(line number, row dict) for each row of a CSV or JSON Lines file.

    A row that cannot even be read (broken JSON) comes as (line, RowError).
    """
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"{path} is not a file")
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        yield from _read_json_lines(path)
    elif path.suffix.lower() == ".csv":
        yield from _read_csv(path)
    else:
        raise ImportFileError(f"{path.name}: give a .csv or .jsonl file")


def count_rows(path):
    """How many rows `read_rows` will yield, for the progress bar."""
    return sum(1 for _ in read_rows(path))


def _open(path):
    # utf-8-sig: spreadsheets often save CSV with a byte-order mark.
    return path.open(encoding="utf-8-sig", newline="")


def _read_csv(path):
    try:
        with _open(path) as f:
            reader = csv.DictReader(f)
            _check_columns(reader.fieldnames or [])
            line = reader.line_num + 1
            for row in reader:
                # A quoted body may span several lines: report the row's first line.
                yield line, row
                line = reader.line_num + 1
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{path.name} is not UTF-8 text ({exc.reason})") from exc
    except csv.Error as exc:
        raise ImportFileError(f"{path.name} is not valid CSV: {exc}") from exc


def _read_json_lines(path):
    try:
        with _open(path) as f:
            for line, text in enumerate(f, start=1):
                if not text.strip():
                    continue
                try:
                    row = json.loads(text)
                except json.JSONDecodeError as exc:
                    yield line, RowError(f"not valid JSON ({exc.msg})")
                    continue
                if not isinstance(row, dict):
                    yield line, RowError("not a JSON object")
                    continue
                yield line, row
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{path.name} is not UTF-8 text ({exc.reason})") from exc


def _check_columns(names):
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if missing:
        raise ImportFileError(
            f"the file has no {', '.join(missing)} column; expected columns: {', '.join(COLUMNS)}"
        )


def unknown_columns(path):
    """Columns of a CSV file that the importer ignores (most likely misspelt)."""
    if Path(path).suffix.lower() != ".csv":
        return []
    with _open(Path(path)) as f:
        names = next(csv.reader(f), [])
    return [name for name in names if name not in COLUMNS]
