"""`postlint_attributes`: the pipeline's attribute ruler, with its tag map applied a Doc at a time.

English pipelines map every fine-grained tag to a part of speech and morphology with one single-token
rule per tag, followed by a few hundred exceptions (a word with a tag, a dependency). spaCy's attribute
ruler runs all of them through its matcher, so every token of every post is a match it then writes one
by one in Python: on short posts that costs almost as much as the parser. This component writes the tag
map's part of speech and morphology for the whole Doc in one array, then runs the exceptions, in their
order, through an attribute ruler of their own. Later rules override earlier ones in the wrapped ruler,
and the tag map comes first there, so the result is the wrapped ruler's, token for token.
"""

from __future__ import annotations

from spacy.attrs import MORPH, POS, TAG
from spacy.language import Language
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
        self.exceptions = AttributeRuler(nlp.vocab, name=f"{name}_exceptions")
        self.exceptions.add_patterns(rules[tag_map:])

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            rows = doc.to_array([TAG, POS, MORPH])
            for i, tag in enumerate(rows[:, 0].tolist()):
                if (mapped := self.by_tag.get(tag)) is not None:
                    rows[i, 1], rows[i, 2] = mapped
            doc.from_array([POS, MORPH], rows[:, 1:])
        return self.exceptions(doc)


@Language.factory(
    "postlint_attributes",
    default_config={"ruler": "attribute_ruler"},
    requires=["token.tag"],
    assigns=["token.pos", "token.morph", "token.lemma"],
)
def make_attributes(nlp: Language, name: str, ruler: str) -> Attributes:
    """`ruler` names the pipeline's attribute ruler, whose rules this takes over (disable it)."""
    return Attributes(nlp, name, ruler)
