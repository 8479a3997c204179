#!/usr/bin/env python3
"""Sentence-shape features of the blame head, beside its word unigrams and bigrams: whether a
sentence speaks of the customer ("you", "your") without "we" or "I", ties them to a cause or a
duty word, points at a document, or hides who acted in a passive. Bag-of-words reads the words
one writer used for blame; these shapes are shared by writers who word it differently, so the
head learns what carries over (docs/quality.md, "Blame on new writers").

Mirrored exactly by core (learned/draft_structure.cc): the same word lists, the same sentence
ends (. ! ? and … before whitespace, and every line break; core's abbreviation rule aside), and
the same keys, hash_norm of a name with spaces that no word can have. Each key counts once per
draft, like a word.

    python3 eval/blame_structure.py "You failed to drain it, so the pipe burst."  # the shapes
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_customer_readings as shared  # noqa: E402

YOU = {"you", "your", "you've", "you'd", "you're", "yours", "yourself"}
US = {"we", "i", "our", "us", "we've", "we'll", "i'll", "i've", "we're", "i'm", "my", "me",
      "we'd", "i'd"}
CAUSE = {"because", "since", "so", "caused", "cause", "due", "result", "meant", "means", "why",
         "reason", "led", "down", "therefore", "hence", "resulted", "causing"}
DUTY = {"required", "need", "needed", "needs", "must", "responsible", "responsibility",
        "supposed", "expected", "obliged", "have", "has", "had", "should", "asked", "agreed",
        "accepted", "signed", "confirmed", "told", "informed", "advised", "given", "received"}
DOC = {"manual", "terms", "listing", "form", "confirmation", "instructions", "guide", "label",
       "page", "contract", "receipt", "leaflet", "notice", "agreement", "booklet", "description",
       "email", "letter", "quote", "invoice", "website", "sign", "signs", "waiver", "conditions",
       "small", "print", "faq", "handbook", "checklist", "brochure", "policy"}
POINT = {"stated", "states", "said", "says", "mentioned", "explained", "clearly", "outlined",
         "noted", "specified", "shown", "displayed", "printed", "written", "per", "according"}
BE_PAST = {"was", "were", "wasn't", "weren't"}
NEGATION = {"not", "never"}
# The shapes, by the names core hashes (learned/draft_structure.cc kShapeNames, same order).
SHAPES = ["blame shape you without us", "blame shape you and a cause",
          "blame shape you and a duty", "blame shape a document pointed at",
          "blame shape a document stated", "blame shape you without us and a cause or duty",
          "blame shape a passive about you"]
# A sentence ends after . ! ? or … (and closing quotes or brackets) before whitespace, and at a
# line break: core's split (text/sentences.cc) without its abbreviation list.
SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*\s+|\n")


def shapes_of(text):
    """The names of the shapes `text` shows, in SHAPES order."""
    found = set()
    for sentence in SENTENCE_END.split(text[:8192]):
        runs = shared.words_of(sentence)
        words = {w for run in runs for w in run}
        if not words:
            continue
        you, us = bool(words & YOU), bool(words & US)
        cause, duty = bool(words & CAUSE), bool(words & DUTY)
        doc, point = bool(words & DOC), bool(words & POINT)
        passive = False
        for run in runs:
            for i, w in enumerate(run):
                if w in BE_PAST:
                    j = i + 1 + (i + 1 < len(run) and run[i + 1] in NEGATION)
                    passive = passive or (j < len(run) and len(run[j]) > 2 and
                                          run[j].endswith("ed"))
        got = [you and not us, you and cause, you and duty, doc and (you or point),
               doc and point, you and not us and (cause or duty),
               you and not us and passive]
        found.update(name for name, on in zip(SHAPES, got) if on)
    return [name for name in SHAPES if name in found]


def keys(text):
    """The shapes' table keys (hash_norm of each name) for `text`."""
    return {shared.hash_norm(name) for name in shapes_of(text)}


def names():
    """Readable names of the keys, for the table's comments."""
    return {shared.hash_norm(name): name for name in SHAPES}


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(shapes_of(arg))
