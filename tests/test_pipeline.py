"""The engine as a library: spaCy components others can add, batching, and offsets into typed text."""

import json
import subprocess
import sys
from pathlib import Path

import numpy
import pytest

import linter
from linter.engine import STAND_INS
from linter.model import DEFAULT_MODEL, load_model
from linter.nlp.span_docs import MENTION, model_docs, span_docs
from linter.policy.pack import load_pack

DEV_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"


def test_components_work_in_anyone_elses_pipeline():
    nlp = load_model()
    lexicons = load_pack().lexicons
    nlp.add_pipe("postlint_sentences", before="parser")
    nlp.add_pipe("postlint_details", config={"lexicons": lexicons})
    nlp.add_pipe("postlint_claims", config={"lexicons": lexicons})
    doc = nlp("Forty listeners in Hull streamed the rain track at 3am. Are you okay?")
    (claim,) = doc._.claims
    assert claim.size.low == 40 and claim.size.kind == "exact"
    assert claim.cohort.text == "Forty listeners"
    assert claim.behaviour.text == "streamed"
    assert [s.text for s in claim.spans("time")] == ["at 3am"]
    assert [s.text for s in claim.spans("place")] == ["Hull"]
    assert "tone.mock" in {s.label_ for s in doc.spans["postlint_details"]}


def test_the_entity_recogniser_runs_only_where_a_claim_could_name_a_place():
    nlp = linter.get_linter().nlp
    with_place, without = nlp.pipe(
        ["Forty listeners in Hull streamed the rain track.", "forty of you streamed the rain track twice."]
    )
    assert with_place.has_annotation("ENT_IOB") and "place" in {s.label_ for s in with_place.spans["postlint_details"]}
    assert not without.has_annotation("ENT_IOB")  # a claim, but no proper noun: no place to find


def test_sentences_read_on_their_own_give_the_models_what_span_as_doc_would():
    nlp = linter.get_linter().nlp
    doc = nlp("Big week for the shop. We're sure 12 of you won't sleep till 5am in Leeds. Ok!")
    sentences = list(doc.sents)[1:]
    ours, theirs = span_docs(sentences), [sent.as_doc() for sent in sentences]
    assert [t.norm_ for t in ours[0]] == [t.norm_ for t in theirs[0]]  # the tokenizer's norms: "n't" is "not"
    textcat = nlp.get_pipe("postlint_sentence_model").textcat
    assert numpy.array_equal(textcat.predict(ours), textcat.predict(theirs))
    ner = nlp.get_pipe("ner")
    assert [[(e.text, e.label_) for e in d.ents] for d in ner.pipe(ours)] == [
        [(e.text, e.label_) for e in d.ents] for d in ner.pipe(theirs)
    ]
    assert span_docs([doc[:]]) == [doc]  # a whole post is read as itself


def test_the_models_read_every_handle_as_one_word_and_nothing_else_changes():
    nlp = linter.get_linter().nlp
    doc = nlp("@kat_r thanks for the order! @jo.b too")
    (read,) = model_docs([doc[:]])
    assert [t.text for t in read] == [MENTION, "thanks", "for", "the", "order", "!", MENTION, "too"]
    assert read[0].norm_ == MENTION and read[1].norm_ == doc[1].norm_
    assert span_docs([doc[:]]) == [doc]  # the entity recogniser still reads the handles as typed


@pytest.mark.parametrize("words", ["enjoy!", "thanks for your order!", "glad you had a good time!"])
def test_a_reply_is_scored_the_same_whichever_account_it_answers(words):
    """The models once scored "@kat_r enjoy!" and "@jennyw enjoy!" apart: a handle's letters were features."""
    nlp = linter.get_linter().nlp
    docs = list(nlp.pipe([f"{handle} {words}" for handle in ("@kat_r", "@jennyw", "@MarkTaylor", "@bookworm88")]))
    posts = [doc._.post_scores for doc in docs]
    assert all(scores == posts[0] for scores in posts)


def test_the_entity_recogniser_reads_only_the_sentences_of_claims():
    nlp = linter.get_linter().nlp
    doc = nlp("Our new shop opens in Bristol on Friday. Forty listeners in Hull streamed the rain track.")
    assert "Hull" in [e.text for e in doc.ents]
    assert doc[4].ent_iob_ == ""  # "Bristol": in a sentence that makes no claim, never read


def test_the_stand_ins_give_the_model_components_own_values():
    """postlint_attributes and postlint_lemmas run in place of the model's attribute ruler and lemmatizer:
    the same parts of speech, morphology and lemmas, token for token."""
    texts = [
        "We're gonna need a bigger van, but it ain't the end of the world.",
        "Y'all booked 3 rooms 'cause the café's Wi-Fi was down \n\n again!!",
        "Dunno who's next, tbh; but the 2nd round's on us 🍻",
        "She'd ridden the night buses twice; they're running late again.",
        "We've had geese, mice and oxen queueing at the ferries since we opened.",
        "Brunchers booked fewer tables, and I'm not surprised #SundayVibes",
    ]
    plain = load_model()
    plain.disable_pipe("ner")
    engine = linter.get_linter().nlp
    for component, stand_in in STAND_INS.items():
        assert stand_in in engine.pipe_names and component not in engine.pipe_names
    for ours, theirs in zip(engine.pipe(texts), plain.pipe(texts), strict=True):
        assert [(t.pos_, str(t.morph), t.lemma_) for t in ours] == [(t.pos_, str(t.morph), t.lemma_) for t in theirs]
    gonna = engine("We are gonna need a bigger van")
    assert [(t.pos_, t.lemma_) for t in gonna[2:4]] == [("VERB", "go"), ("PART", "to")]  # the exceptions ran
    lemmas = {t.lower_: t.lemma_ for doc in engine.pipe(texts) for t in doc}
    assert {w: lemmas[w] for w in ("ridden", "mice", "booked")} == {"ridden": "ride", "mice": "mouse", "booked": "book"}


def test_lint_many_keeps_order_and_matches_lint():
    drafts = [
        "Our spring menu lands on 3 March.",
        "A reader in Bath has opened chapter two 80 times.",
        "Hundreds of you finished the audiobook in a weekend.",
    ] * 20
    many = list(linter.lint_many(drafts))
    assert [r.text for r in many] == drafts
    assert [r.decision for r in many[:3]] == ["pass", "block", "warn"]
    assert [r.to_dict() for r in many[:3]] == [linter.lint(d).to_dict() for d in drafts[:3]]


def test_result_json_contract():
    result = linter.lint("A user in Leeds watched the finale 12 times.").to_dict()
    assert set(result) == {"decision", "findings", "claims"}
    finding = result["findings"][0]
    assert set(finding) >= {"rule", "category", "severity", "message", "suggestion", "start", "end", "text"}
    claim = result["claims"][0]
    assert claim["n"] == 1 and claim["n_kind"] == "singular"
    assert claim["cohort"]["text"] == "A user"
    json.dumps(result)


@pytest.mark.skipif(not DEV_CORPUS.exists(), reason="the shared development corpus is not beside this checkout")
def test_every_span_indexes_the_text_as_typed():
    texts = [json.loads(line)["text"] for line in DEV_CORPUS.read_text(encoding="utf-8").splitlines()]
    for text, result in zip(texts, linter.lint_many(texts), strict=True):
        for finding in result.findings:
            assert 0 <= finding.start < finding.end <= len(text)
            assert text[finding.start : finding.end] == finding.text
        for claim in result.claims:
            assert text[claim["cohort"]["start"] : claim["cohort"]["end"]] == claim["cohort"]["text"]


def test_suppression_keeps_the_finding_but_not_the_decision():
    result = linter.lint("A user in Leeds watched the finale 12 times.")
    suppressed = result.suppress(lambda f: f.rule == "PL101", "the user asked us to share this")
    assert suppressed.decision == "warn"
    (finding,) = [f for f in suppressed.findings if f.rule == "PL101"]
    assert finding.to_dict()["suppressed"] is True and finding.reason


def test_components_are_found_through_spacys_registry_without_importing_linter():
    """spaCy finds the factories, and the function that reads the bundled pack's lexicons, through the
    package's entry points, as for any spaCy plugin."""
    script = (
        "import spacy\n"
        f"nlp = spacy.load({DEFAULT_MODEL!r})\n"
        "lexicons = {'lexicons': {'@misc': 'postlint.pack_lexicons.v1'}}\n"
        "for name in ('postlint_details', 'postlint_claims'): nlp.add_pipe(name, config=lexicons)\n"
        "print(len(nlp('Nine of you ordered soup at 4am.')._.claims))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a number after a full stop starts a sentence, which the parser can leave on the one before
        ("5,000 riders joined the step challenge. 14 in Bath finished it.", ["14 in Bath finished it."]),
        ("Member no. 0731 joined. Welcome!", ["Member no. 0731 joined.", "Welcome!"]),  # an abbreviation
        ("Top 3 picks:\n1. oat milk\n2. 2-litre jugs", ["1. oat milk", "2. 2-litre jugs"]),  # a list's numbering
    ],
)
def test_a_number_after_a_full_stop_starts_a_sentence(text, sentences):
    got = [s.text.strip() for s in linter.get_linter().nlp(text.replace(",", "")).sents]
    assert all(s.replace(",", "") in got for s in sentences), got


def test_each_item_of_a_bulleted_list_is_a_sentence_of_its_own():
    """A quoted survey in one bullet rules out that bullet, not the list: the other items stay claims."""
    text = "Summer reading 2026:\n• 80 branches, 9 weeks\n• Over 1,900 kids aged 6–10 borrowed a comic\n• 95% of parents in our survey loved it"
    doc = linter.get_linter().nlp(text)
    assert [s.text.strip() for s in doc.sents][1:] == [
        "• 80 branches, 9 weeks",
        "• Over 1,900 kids aged 6–10 borrowed a comic",
        "• 95% of parents in our survey loved it",
    ]
    assert linter.get_linter().lint(text).decision == "block"  # children's activity, n under 10,000


@pytest.mark.parametrize(
    ("text", "size"),
    [
        # read as a word, the arrow hid the item's grammar and the draft passed
        ("Studio year\n→ 5 of you in Alloa came to every 6am spin class\n→ New sauna open", "5"),
        # the bullet was taken into the cohort's words
        ("Pool news\n• 3 new lanes\n• somebody in Largs swam 300 lengths at midnight", "somebody"),
    ],
)
def test_a_list_items_marker_is_not_read_as_one_of_its_words(text, size):
    """The grammar's reading (the claim's size words), whichever rule the models leave to block it."""
    result = linter.get_linter().lint(text)
    assert result.decision == "block"
    assert size in {c["size"]["text"] for c in result.claims}
