"""`postlint_attributes`: the pipeline's attribute ruler, with its tag map applied a Doc at a time.

English pipelines map every fine-grained tag to a part of speech and morphology with one single-token
rule per tag, followed by a few hundred exceptions (a word with a tag, a dependency). spaCy's attribute
ruler runs all of them through its matcher, so every token of every post is a match it then writes one
by one in Python: on short posts that costs almost as much as the parser. This component writes the tag
map's part of speech and morphology for the whole Doc in one array, then applies the exceptions in their
order. Most exceptions match one word, with a tag or a dependency ("that" as DT): those are looked up by
word, and only the rest (several tokens, a tag alone, a regular expression) go through a matcher. Later
rules override earlier ones in the wrapped ruler, and the tag map comes first there, so the result is the
wrapped ruler's, token for token.
"""

from __future__ import annotations

from spacy.attrs import MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc


def _tag_map_rule(rule: dict) -> str | None:
    """The tag a rule maps, where it is one of the tag map's (one token, matched on its tag alone,
    setting part of speech and morphology); None for an exception."""
    patterns = rule["patterns"]
    if len(patterns) != 1 or len(patterns[0]) != 1 or set(patterns[0][0]) != {"TAG"}:
        return None
    tag = patterns[0][0]["TAG"]
    return tag if isinstance(tag, str) and set(rule["attrs"]) == {"POS", "MORPH"} else None


def _one_word_rule(rule: dict) -> list[tuple[str, frozenset | None, frozenset | None]] | None:
    """For an exception that matches one word at its own token, on its lower-case form and maybe its tag
    and dependency (each one value or a list): (word, tags, dependencies) per word it matches, None for
    "any". None for any other exception."""
    if rule.get("index", 0) not in (0, -1):
        return None
    found = []
    for pattern in rule["patterns"]:
        if len(pattern) != 1 or "LOWER" not in pattern[0] or not set(pattern[0]) <= {"LOWER", "TAG", "DEP"}:
            return None
        values = {key: _one_of(value) for key, value in pattern[0].items()}
        if any(v is None for v in values.values()):
            return None
        found += [(word, values.get("TAG"), values.get("DEP")) for word in values["LOWER"]]
    return found


def _one_of(value) -> frozenset | None:
    """The values a token attribute may take in a matcher pattern: one string, or {"IN": [...]}."""
    if isinstance(value, str):
        return frozenset([value])
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return frozenset(value["IN"])
    return None


class Attributes:
    def __init__(self, nlp: Language, name: str, ruler: str):
        wrapped = nlp.get_pipe(ruler)
        rules = wrapped.patterns
        tag_map = 0
        while tag_map < len(rules) and _tag_map_rule(rules[tag_map]) is not None:
            tag_map += 1  # the leading run of tag-map rules; anything after keeps its place among exceptions
        self.by_tag = {  # tag -> (part of speech, morphology), as the wrapped ruler normalised them
            nlp.vocab.strings.add(_tag_map_rule(rule)): (attrs[POS], attrs[MORPH])
            for rule, attrs in zip(rules[:tag_map], wrapped.attrs[:tag_map], strict=True)
        }
        self.exceptions = AttributeRuler(nlp.vocab, name=f"{name}_exceptions")  # holds their attributes
        self.exceptions.add_patterns(rules[tag_map:])
        # word -> [(exception, tags, dependencies)], None for any; the other exceptions, by their position
        self.by_word: dict[str, list[tuple[int, frozenset | None, frozenset | None]]] = {}
        self.matcher = Matcher(nlp.vocab)
        for number, rule in enumerate(rules[tag_map:]):
            words = _one_word_rule(rule)
            if words is None:
                self.matcher.add(str(number), rule["patterns"])
            for word, tags, deps in words or ():
                self.by_word.setdefault(word, []).append((number, tags, deps))

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            rows = doc.to_array([TAG, POS, MORPH])
            for i, tag in enumerate(rows[:, 0].tolist()):
                if (mapped := self.by_tag.get(tag)) is not None:
                    rows[i, 1], rows[i, 2] = mapped
            doc.from_array([POS, MORPH], rows[:, 1:])
        self.exceptions.set_annotations(doc, self._exceptions(doc))
        return doc

    def _exceptions(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The exceptions that apply, as the exceptions' own ruler lists its matches: (exception, its
        key, start, end), in the order it applies them."""
        strings = doc.vocab.strings
        found = [
            (number, strings[str(number)], token.i, token.i + 1)
            for token in doc
            for number, tags, deps in self.by_word.get(token.lower_, ())
            if (tags is None or token.tag_ in tags) and (deps is None or token.dep_ in deps)
        ]
        found += [
            (int(strings[key]), key, start, end)
            for key, start, end in self.matcher(doc, allow_missing=True, as_spans=False)
        ]
        return sorted(found)


@Language.factory(
    "postlint_attributes",
    default_config={"ruler": "attribute_ruler"},
    requires=["token.tag"],
    assigns=["token.pos", "token.morph", "token.lemma"],
)
def make_attributes(nlp: Language, name: str, ruler: str) -> Attributes:
    """`ruler` names the pipeline's attribute ruler, whose rules this takes over (disable it)."""
    return Attributes(nlp, name, ruler)
