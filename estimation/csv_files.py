"""Reading an uploaded CSV file into a table, defensively: encoding, separator, decimal comma, sizes.

:func:`parse_csv` is what the upload boxes of the Cross-entropy and Softmax
pages call (through :func:`estimation.datasets.upload_columns`); every problem a
user's file can have raises an :class:`~estimation._validation.InputError` that
the pages show in their language.
"""

from __future__ import annotations

import csv
import io
import warnings

import pandas as pd

from estimation._validation import InputError, check_int

__all__ = ["parse_csv", "SEPARATORS", "MAX_UPLOAD_BYTES", "MAX_ROWS", "MAX_COLUMNS"]

#: Largest upload :func:`parse_csv` accepts, in bytes (checked before parsing).
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
#: Most data rows :func:`parse_csv` accepts (the header line not counted).
MAX_ROWS = 200_000
#: Most columns :func:`parse_csv` accepts.
MAX_COLUMNS = 1_000
_ENCODINGS = ("utf-8-sig", "cp932")


def _decode(raw: bytes) -> tuple[str, str]:
    """Decode as UTF-8 (BOM allowed), else Shift_JIS/cp932; no silent fallback."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("file_utf16", "the file is encoded as UTF-16; save it as UTF-8 CSV")
    if b"\x00" in raw:
        raise InputError("file_binary", "the file is not a text (CSV) file: it contains NUL bytes (binary data)")
    for encoding in _ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(
        "file_encoding",
        "could not decode the file as text: it is neither UTF-8 nor Shift_JIS (cp932); save it as UTF-8 CSV",
    )


def parse_csv(
    raw: bytes,
    *,
    max_bytes: int = MAX_UPLOAD_BYTES,
    max_rows: int = MAX_ROWS,
    max_columns: int = MAX_COLUMNS,
) -> pd.DataFrame:
    """Parse an uploaded CSV file (commas, semicolons or tabs) into a table, defensively.

    Parameters
    ----------
    raw : bytes
        The file's contents.
    max_bytes : int, default 50 MiB
        Larger input is rejected before anything else is done with it.
    max_rows : int, default 200,000
        Most data rows (the header line is not counted).
    max_columns : int, default 1,000

    Returns
    -------
    pandas.DataFrame
        Columns named by the header line; numeric columns parsed as numbers.
        ``table.attrs`` records the ``"encoding"``, the ``"separator"``
        (``","``, ``";"`` or ``"\\t"``) and the ``"decimal"`` mark (``"."``
        or ``","``) used.

    Notes
    -----
    Checks, in order, each raising ``ValueError`` with a message naming the
    problem: not bytes; empty; larger than ``max_bytes`` (checked on the
    byte length before decoding); UTF-16 or NUL bytes (binary data);
    encoding — UTF-8 (with or without BOM) is tried first, then cp932
    (Shift_JIS, what Excel writes on Japanese Windows); there is no
    Latin-1 fallback, since it would decode any garbage; more than
    ``max_columns`` fields in the header line (counted before parsing, so
    a header with 10⁶ columns costs no memory); parse errors (a row with
    more fields than the header is named by its line, ``file_ragged``);
    more than ``max_rows`` rows (the parser
    stops reading after ``max_rows + 1``); fewer than two columns (a label
    and a feature are needed) or no data rows. Memory therefore stays within
    a small multiple of ``max_bytes`` (about 10× the file size at worst, for
    a file of millions of one-character text cells).

    The separator is the one of :data:`SEPARATORS` that splits the header
    line into the most fields (quoted fields respected; ties go to the
    comma). With a semicolon or a tab, the file is also read with the
    decimal comma (``1,5`` = 1.5, as Excel writes it in many locales) and
    that reading is kept when it yields more numeric columns.

    Examples
    --------
    >>> table = parse_csv("x;y;label\\n1,5;2;a\\n-0,25;3;b\\n".encode())
    >>> table["x"].tolist(), table.attrs["separator"], table.attrs["decimal"]
    ([1.5, -0.25], ';', ',')
    """
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise ValueError(f"raw must be the file's bytes, got {type(raw).__name__}")
    max_bytes = check_int(max_bytes, "max_bytes", lo=1)
    max_rows = check_int(max_rows, "max_rows", lo=1)
    max_columns = check_int(max_columns, "max_columns", lo=2)
    size = raw.nbytes if isinstance(raw, memoryview) else len(raw)
    if size == 0:
        raise InputError("file_empty", "the file is empty")
    if size > max_bytes:
        raise InputError(
            "file_too_large", "the file is too large: {size} MB > {limit} MB limit",
            size=f"{size / 2**20:.1f}", limit=f"{max_bytes / 2**20:.0f}",
        )
    raw = bytes(raw)
    text, encoding = _decode(raw)
    if not text.strip():
        raise InputError("file_blank", "the file is empty (only whitespace)")
    body = text.lstrip("\r\n")
    ends = [i for i in (body.find("\n"), body.find("\r")) if i >= 0]
    header = body[: min(ends)] if ends else body
    sep = _separator(header, max_columns)
    table = _read(text, sep, ".", max_rows)
    if sep != "," and table.shape[1] >= 2:  # Excel with a European or Japanese locale: "1,5" means 1.5
        try:
            comma = _read(text, sep, ",", max_rows)
        except ValueError:
            comma = table
        if _numeric_count(comma) > _numeric_count(table):
            table = comma
    if table.shape[1] > max_columns:
        raise InputError("file_too_many_columns", "too many columns: the header has {count} fields (limit {limit})",
                         count=str(table.shape[1]), limit=str(max_columns))
    if table.shape[0] > max_rows:
        raise InputError("file_too_many_rows", "too many rows: more than {limit} data rows", limit=f"{max_rows:,}")
    if table.shape[1] < 2:
        raise InputError(
            "file_one_column",
            "the file has only {count} column(s); need a label column and at least one feature column, "
            "separated by commas, semicolons or tabs",
            count=str(table.shape[1]),
        )
    if table.shape[0] == 0:
        raise InputError("file_no_rows", "the file is empty: it has a header but no data rows")
    table.attrs["encoding"] = encoding
    table.attrs["separator"] = sep
    return table


#: The column separators :func:`parse_csv` recognises, in order of preference on a tie.
SEPARATORS = (",", ";", "\t")


def _separator(header: str, max_columns: int) -> str:
    """The separator that splits the header line into the most fields (quotes respected); ties: comma first."""
    raw = {sep: header.count(sep) + 1 for sep in SEPARATORS}
    if max(raw.values()) > max_columns:  # counted without parsing: a 10⁶-field header costs no memory
        raise InputError(
            "file_too_many_columns", "too many columns: the header has {count} fields (limit {limit})",
            count=str(max(raw.values())), limit=str(max_columns),
        )
    fields = {}
    for sep in SEPARATORS:
        try:
            fields[sep] = len(next(csv.reader([header], delimiter=sep)))
        except (csv.Error, StopIteration):
            fields[sep] = raw[sep]
    return max(SEPARATORS, key=lambda sep: (fields[sep], -SEPARATORS.index(sep)))


def _numeric_count(table: pd.DataFrame) -> int:
    return sum(pd.api.types.is_numeric_dtype(table[c]) for c in table.columns)


def _read(text: str, sep: str, decimal: str, max_rows: int) -> pd.DataFrame:
    """``pandas.read_csv`` with ``sep`` and ``decimal``; a row with more fields than the header is refused."""
    try:
        with warnings.catch_warnings():
            # a row with more fields than the header would be silently truncated: refuse it
            warnings.simplefilter("error", pd.errors.ParserWarning)
            warnings.simplefilter("ignore", pd.errors.DtypeWarning)  # select_xy coerces columns
            table = pd.read_csv(io.StringIO(text), sep=sep, decimal=decimal, nrows=max_rows + 1,
                                index_col=False, engine="c")
    except Exception as exc:  # the parser's own errors vary: name the row when it is a ragged one
        _raise_ragged(text, sep)
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError("file_not_csv", "the file could not be parsed as CSV: {message}", message=message) from None
    table.attrs["decimal"] = decimal
    return table


def _raise_ragged(text: str, sep: str) -> None:
    """Raise ``file_ragged`` naming the first line with more fields than the header, if there is one."""
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
        expected = None
        for row in reader:
            if not row:
                continue
            if expected is None:
                expected = len(row)
            elif len(row) > expected:
                raise InputError(
                    "file_ragged",
                    "line {line} has {count} fields but the header has {expected}; a row may not have more "
                    "fields than the header (is a decimal comma or a separator inside a value unquoted?)",
                    line=str(reader.line_num), count=str(len(row)), expected=str(expected),
                )
    except csv.Error:
        return
