"""Indonesian notation for numbers and targets, as the regulation writes them.

Pure functions, no Django models: ``53,75`` is 53.75, ``3.900`` is 3900, ``-`` is "no
target", and a target may be a level on a scale ("Wajar Tanpa Pengecualian"), a number,
or both with a comparator (">70/BB"), as other regions write them. See docs/scales.md.
"""

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Context, Decimal
from typing import Generic, TypeVar

NO_TARGET_MARKS = frozenset({"", "-", "–", "—"})
NO_TARGET_DISPLAY = "–"

# [0-9], not \d: Python's \d also matches Arabic-Indic, Persian, fullwidth and other digits.
_PLAIN = re.compile(r"^-?[0-9]+(,[0-9]+)?$")
_GROUPED = re.compile(r"^-?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$")
_COMPARATOR = re.compile(r"^(>=|<=|≥|≤|>|<)\s*")
_COMPARATOR_ALIASES = {"≥": ">=", "≤": "<="}

Level = TypeVar("Level")


class SignedZero(ValueError):
    """``-0``: refused rather than silently stored as 0, so form, targets and import agree."""


def parse_number(text: str) -> Decimal:
    """Read a number in Indonesian notation; raise ValueError for anything else.

    The one parser of typed numbers: report forms, the targets form and the Excel import call it.
    A dot is only accepted as a thousands separator in groups of three (``3.900``), so an
    English decimal such as ``3.5`` is refused instead of being read as 35. Only the ASCII digits
    0-9 are digits here; a signed zero (``-0``, ``-0,00``) is refused as SignedZero.
    """
    value = text.strip()
    if not (_PLAIN.match(value) or _GROUPED.match(value)):
        raise ValueError(f"{text!r} bukan angka dalam notasi Indonesia (contoh: 53,75 atau 3.900).")
    number = Decimal(value.replace(".", "").replace(",", "."))
    if number == 0 and value.startswith("-"):
        raise SignedZero("Nol ditulis tanpa tanda minus: 0.")
    return number


def parse_whole(text: str | None) -> int | None:
    """A whole number as a link or a hidden field carries it (an id, a year, a version): ASCII digits
    only, so that a tampered value ("abc", "²", a NUL byte) is None instead of an error further on."""
    text = text or ""
    # 18 digits hold any id a database gives out; a longer run of digits is tampering, not a number.
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None


def normalize_decimal(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (3900 stays 3900).

    Exact for any length: the default context (28 digits) would round a longer value, or raise.
    """
    if not value.is_finite():
        return value
    return _normalized(value, value.is_signed())


@functools.lru_cache(maxsize=8192)  # workbooks and pages repeat their numbers thousands of times
def _normalized(value: Decimal, signed: bool) -> Decimal:
    # The result depends on the value only (90.00 and 90 both give 90), save the sign of a zero:
    # ``signed`` keeps -0 apart from 0, which compare (and hash) equal.
    context = Context(prec=max(28, len(value.as_tuple().digits) + max(value.as_tuple().exponent, 0) + 1))
    if value == value.to_integral_value(context=context):
        return value.quantize(Decimal(1), context=context)
    return value.normalize(context)


def format_number(value: Decimal | int, places: int | None = None) -> str:
    """Write a number the Indonesian way: ``3.900``, ``53,75``, ``-17``; ``places`` fixes the decimals."""
    number = Decimal(value)
    text = f"{number:,.{places}f}" if places is not None else f"{normalize_decimal(number):,f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


@dataclass(frozen=True)
class ParsedTarget(Generic[Level]):
    number: Decimal | None = None
    level: Level | None = None
    comparator: str = ""

    @property
    def is_set(self) -> bool:
        return self.number is not None or self.level is not None


def parse_target(text: str, levels: Mapping[str, Level] | None = None) -> ParsedTarget[Level]:
    """Read a target as written: "-", a number, a level, or "number/level" with a comparator.

    ``levels`` maps lower-cased codes and labels of a scale to its levels; when given, a
    part that names a level is read as that level (so an APIP target "3" is level 3).
    """
    value = " ".join(text.split())
    if value in NO_TARGET_MARKS:
        return ParsedTarget()
    comparator = ""
    match = _COMPARATOR.match(value)
    if match:
        comparator = _COMPARATOR_ALIASES.get(match.group(1), match.group(1))
        value = value[match.end() :]
    number: Decimal | None = None
    level: Level | None = None
    for part in (p.strip() for p in value.split("/")):
        found = levels.get(part.lower()) if levels else None
        if found is not None and level is None:
            level = found
            continue
        if number is None:
            try:
                number = parse_number(part)
                continue
            except ValueError:
                pass
        raise ValueError(f"Target {text!r} tidak dikenali: {part!r} bukan angka atau tingkat pada skala.")
    return ParsedTarget(number=number, level=level, comparator=comparator)


def format_target(number: Decimal | None, level_label: str | None, comparator: str = "") -> str:
    """The display form of a target; "–" when there is none."""
    parts = []
    if number is not None:
        parts.append(format_number(number))
    if level_label:
        parts.append(level_label)
    if not parts:
        return NO_TARGET_DISPLAY
    return f"{comparator}{'/'.join(parts)}"


NIP_PATTERN = r"^[0-9]{18}$"  # a civil servant's NIP: 18 digits


def normalise_nip(value: str) -> str:
    """NIP as stored: its 18 digits (it is often written in groups: 19700101 199003 1 001)."""
    return re.sub(r"\s+", "", value or "")


def display_nip(nip: str) -> str:
    if len(nip) != 18:
        return nip
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
