"""``json.dumps(value, ensure_ascii=False, indent=N)`` byte for byte, written mostly by the C encoder.

With ``indent``, the standard library writes JSON in pure Python, one call per value. A list of
records whose values are all plain (strings, numbers, booleans, null) is the same text as the compact
C encoder writes with the separator ``",\\n" + indentation``, once a newline and indentation are put
inside each record's braces and between records; a dict (the document) is written item by item, its
plain items in one call. Anything else is ``json.dumps`` itself, re-indented (a JSON text holds no
raw newline but those of its indentation). ``tests/test_indented_json.py`` compares the two.
"""

import json

PLAIN = frozenset({str, int, float, bool, type(None)})
STR = frozenset({str})


class IndentedJSON:
    def __init__(self, indent: int = 1):
        self.indent = indent
        self._encoders: dict[int, json.JSONEncoder] = {}

    def _pad(self, depth: int) -> str:
        return "\n" + " " * (self.indent * depth)

    def _encoder(self, depth: int) -> json.JSONEncoder:
        """The compact C encoder that separates items as ``indent`` does at this depth."""
        encoder = self._encoders.get(depth)
        if encoder is None:
            encoder = json.JSONEncoder(ensure_ascii=False, separators=("," + self._pad(depth), ": "))
            self._encoders[depth] = encoder
        return encoder

    def text(self, value, depth: int = 0) -> str:
        """The text of ``value`` nested ``depth`` deep."""
        kind = type(value)
        if kind is dict and value and STR.issuperset(map(type, value)):
            return self._dict(value, depth)
        if kind is list and value and all(type(item) is dict and item and self._flat(item) for item in value):
            return self._records(value, depth)
        return self._fallback(value, depth)

    @staticmethod
    def _flat(record: dict) -> bool:
        return STR.issuperset(map(type, record)) and PLAIN.issuperset(map(type, record.values()))

    def _records(self, records: list[dict], depth: int) -> str:
        """Records of plain values in one call of the C encoder, which separates every item as the
        records' items are: the separators between records, and the newlines inside the braces, are
        put right after. A raw newline is only ever a separator, so "},\\n" + indentation + "{" only
        ever joins two records."""
        outer, between, inner = self._pad(depth), self._pad(depth + 1), self._pad(depth + 2)
        body = self._encoder(depth + 2).encode(records)[2:-2]
        body = body.replace(f"}},{inner}{{", f"{between}}},{between}{{{inner}")
        return f"[{between}{{{inner}{body}{between}}}{outer}]"

    def _dict(self, value: dict, depth: int) -> str:
        """Item by item: a run of plain items in one call, each other value on its own."""
        encoder, inner, outer = self._encoder(depth + 1), self._pad(depth + 1), self._pad(depth)
        pieces, run = [], {}
        for key, item in value.items():
            if type(item) in PLAIN:
                run[key] = item
                continue
            if run:
                pieces.append(encoder.encode(run)[1:-1])
                run = {}
            pieces.append(f"{encoder.encode(key)}: {self.text(item, depth + 1)}")
        if run:
            pieces.append(encoder.encode(run)[1:-1])
        body = f",{inner}".join(pieces)
        return f"{{{inner}{body}{outer}}}"

    def _fallback(self, value, depth: int) -> str:
        text = json.dumps(value, ensure_ascii=False, indent=self.indent)
        return text.replace("\n", self._pad(depth)) if depth else text


def dumps(value, indent: int = 1) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=indent)``, the same text, faster."""
    return IndentedJSON(indent).text(value)
