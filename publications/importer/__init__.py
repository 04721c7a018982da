"""Importing an existing library: publications from a CSV or JSON Lines file.

Every row becomes a publication in the resource library: live, with its topics,
its attachments as downloads, its body cleaned down to what the editor allows
(see html_cleaning) and a permanent redirect from its old address. Running the
same file again updates what changed and skips what did not: rows are matched on
their old address (legacy_url) or, without one, on their slug. A row in another
language (page_language) goes into that language's library, as the translation of
the page that translation_of names (see docs/importing.md).

Rows are written in batches, one transaction each, so an interrupted run keeps
the batches it finished and the next run carries on. Search indexing and the
reference index (document usage) are brought up to date once per batch instead
of once per save, which is most of what makes a large import fast.
"""

from .files import COLUMNS, ImportFileError, count_rows, read_rows, unknown_columns
from .writing import DEFAULT_BATCH_SIZE, Importer, ImportInterrupted

__all__ = [
    "COLUMNS",
    "DEFAULT_BATCH_SIZE",
    "ImportFileError",
    "ImportInterrupted",
    "Importer",
    "count_rows",
    "read_rows",
    "unknown_columns",
]
