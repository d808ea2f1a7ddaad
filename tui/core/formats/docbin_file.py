"""One ``.spacy`` file of any number of documents, written in bounded memory.

``DocBin.to_bytes`` holds every document's token arrays and then copies them three times (stacked,
packed, compressed): 2.6 GB for 10,000 articles. The file is a zlib stream of one msgpack map, so
it can be written as a stream instead: documents go into a ``DocBin`` (``add_to``: ``DocBin.add``
with the strings read from the token array), which is drained every ``DRAIN`` documents into spool files;
at the end the map is written key by key, the big values copied from the spools, through one
``zlib.compressobj``. What is held is the set of strings (the corpus's vocabulary) and the spools'
positions. The file is the one ``DocBin.to_bytes`` would have written (same msgpack, same order);
``DocBin().from_disk`` reads it.
"""

from __future__ import annotations

import shutil
import struct
import tempfile
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

DRAIN = 250  # documents held in the DocBin between two drains
COPY = 1 << 20  # bytes copied from a spool at a time
# The per-document values of DocBin.to_bytes's map, in its order; each spool holds their bytes.
ARRAYS = ("tokens", "spaces")  # numpy rows, one msgpack bin each in the file
LISTS = ("cats", "flags", "span_groups", "user_data")  # one msgpack value per document


def _bin_header(size: int) -> bytes:
    if size < 1 << 8:
        return b"\xc4" + struct.pack(">B", size)
    if size < 1 << 16:
        return b"\xc5" + struct.pack(">H", size)
    return b"\xc6" + struct.pack(">I", size)


def _array_header(count: int) -> bytes:
    if count < 16:
        return struct.pack(">B", 0x90 | count)
    if count < 1 << 16:
        return b"\xdc" + struct.pack(">H", count)
    return b"\xdd" + struct.pack(">I", count)


# The token attributes whose values are strings: DocBin.add keeps each token's (text, tag_, lemma_,
# norm_, dep_, ent_type_, ent_kb_id_, ent_id_), which are these columns of its token array, and morph.
STRING_ATTRS = ("ORTH", "TAG", "LEMMA", "NORM", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID")


def add_to(held, doc) -> None:
    """``DocBin.add``, but the strings are read from the token array's columns (one lookup per
    distinct value) instead of nine properties of every token: the same DocBin, a fifth cheaper."""
    import numpy
    import srsly
    from spacy.attrs import IDS, SPACY
    from spacy.tokens import MorphAnalysis

    array = doc.to_array(held.attrs)
    if len(array.shape) == 1:
        array = array.reshape((array.shape[0], 1))
    held.tokens.append(array)
    spaces = doc.to_array(SPACY)
    held.spaces.append(numpy.asarray(spaces.reshape((spaces.shape[0], 1)), dtype=bool))
    held.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
    columns = [held.attrs.index(IDS[name]) for name in STRING_ATTRS if IDS[name] in held.attrs]
    strings = doc.vocab.strings
    held.strings.update(strings[value] for value in numpy.unique(array[:, columns]).tolist())
    if IDS["MORPH"] in held.attrs:  # a morph's text is not its key's string: "_" (no features) is ""
        keys = numpy.unique(array[:, held.attrs.index(IDS["MORPH"])]).tolist()
        held.strings.update(str(MorphAnalysis.from_id(doc.vocab, key)) for key in keys)
    held.cats.append(doc.cats)
    if held.store_user_data:
        held.user_data.append(srsly.msgpack_dumps(doc.user_data))
    held.span_groups.append(doc.spans.to_bytes())
    for group in doc.spans.values():
        for span in group:
            held.strings.add(span.label_)
            if span.kb_id in strings:
                held.strings.add(span.kb_id_)
            if span.id in strings:
                held.strings.add(span.id_)


class StreamedDocBin:
    """``add`` Docs one by one, then ``write`` the file; ``close`` removes the spools."""

    def __init__(self, out: Path):
        from spacy.tokens import DocBin
        from srsly.msgpack import Packer

        self._make = lambda: DocBin(store_user_data=True)
        self._bin = self._make()
        # Beside the output, named as its litter: a killed export's spools go with the next export.
        self._folder = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
        self._spools = {name: (self._folder / name).open("w+b") for name in ARRAYS + LISTS}
        self._sizes = dict.fromkeys(ARRAYS, 0)
        self._packer = Packer(use_bin_type=True)  # what srsly.msgpack_dumps makes, made once
        self.lengths: list[int] = []
        self.strings: set[str] = set()

    def __len__(self) -> int:
        return len(self.lengths) + len(self._bin)

    def add(self, doc) -> None:
        add_to(self._bin, doc)
        if len(self._bin) >= DRAIN:
            self._drain()

    def _drain(self) -> None:
        held = self._bin
        for name in ARRAYS:
            for rows in getattr(held, name):
                data = rows.tobytes("C")
                self._spools[name].write(data)
                self._sizes[name] += len(data)
        for name in LISTS:
            self._spools[name].write(b"".join(self._packer.pack(v) for v in getattr(held, name)))
        self.lengths += [len(rows) for rows in held.tokens]
        self.strings |= held.strings
        self.attrs = held.attrs
        self.version = held.version
        self._bin = self._make()

    def write(self, handle: BinaryIO) -> None:
        """Write the whole file to ``handle``, as ``DocBin.to_bytes`` would make it."""
        import numpy

        self._drain()
        count = len(self.lengths)
        packer = zlib.compressobj()
        out = lambda data: handle.write(packer.compress(data))  # noqa: E731

        def key(name: str) -> None:
            out(self._packer.pack(name))

        out(struct.pack(">B", 0x80 | (len(ARRAYS) + len(LISTS) + 4)))  # a map of 10 keys
        for name, value in (("version", self.version), ("attrs", self.attrs)):
            key(name)
            out(self._packer.pack(value))
        for name in ARRAYS:
            key(name)
            out(_bin_header(self._sizes[name]))
            self._copy(name, out)
        key("lengths")
        out(self._packer.pack(numpy.asarray(self.lengths, dtype="int32").tobytes("C")))
        key("strings")
        out(_array_header(len(self.strings)))
        for text in sorted(self.strings):
            out(self._packer.pack(text))
        for name in LISTS:
            key(name)
            out(_array_header(count))
            self._copy(name, out)
        handle.write(packer.flush())

    def _copy(self, name: str, out) -> None:
        spool = self._spools[name]
        spool.flush()
        spool.seek(0)
        while chunk := spool.read(COPY):
            out(chunk)

    def close(self) -> None:
        for spool in self._spools.values():
            spool.close()
        shutil.rmtree(self._folder, ignore_errors=True)


@contextmanager
def encoders_looked_up_once() -> Iterator[None]:
    """Every ``srsly.msgpack_dumps`` looks its encoders up again (entry points, then catalogue's whole
    registry): 0.2 ms a call, and spaCy makes five or more per Doc it serialises, more than the rest
    of a DocBin export. The encoders cannot change during an export: look them up once for its span."""
    from srsly.msgpack import msgpack_encoders

    if "get_all" in vars(msgpack_encoders):  # already looked up, by an export still running
        yield
        return
    found = msgpack_encoders.get_all()
    msgpack_encoders.get_all = lambda: found  # an instance attribute over the method, removed after
    try:
        yield
    finally:
        del msgpack_encoders.get_all
