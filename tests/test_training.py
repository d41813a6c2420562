"""The training tools: thresholds are tuned on posts parsed once, re-decided by the engine's own checks."""

import linter
from linter.normalise import normalise
from linter.training import tune as tune_module
from linter.training.__main__ import KINDS, MODELS, ROOT, _without_machine_paths
from linter.training.data import Draft
from linter.training.tune import figures, knobs_of, parse, with_knobs

DRAFTS = [
    Draft(
        "x-1",
        "A rider in Hull took our scooters to one garden centre 300 times this year.",
        "block",
        frozenset({"individual"}),
        (),
        None,
    ),
    Draft("x-2", "Our Hull depot opens at 7am from Monday.", "pass", frozenset(), (), None),
    Draft(
        "x-3",
        "Searches for debt advice in our app doubled after the energy bills landed.",
        "block",
        frozenset({"sensitive"}),
        (),
        None,
    ),
]


def test_re_deciding_a_parsed_post_gives_what_linting_it_gives():
    engine = linter.get_linter()
    parsed = parse(engine, DRAFTS)
    for draft, norm, doc in parsed:
        assert engine.result(doc, norm) == engine.lint(draft.text)
        assert norm == normalise(draft.text)


def test_knobs_reach_every_model_led_rule_and_round_trip():
    pack = linter.get_linter().pack
    settings = knobs_of(pack)
    assert {"claim score", "post block", "post flag", "sentence sensitive", "post sensitive"} <= set(settings)
    changed = {name: 0.2 for name in settings}
    assert knobs_of(with_knobs(pack, changed)) == changed


def test_a_knob_changes_what_the_engine_decides():
    engine = linter.get_linter()
    parsed = parse(engine, DRAFTS)
    strict = with_knobs(engine.pack, {name: 1.0 for name in knobs_of(engine.pack)})
    eager = with_knobs(engine.pack, {name: 0.0 if name == "claim score" else 0.01 for name in knobs_of(engine.pack)})
    assert figures(engine, parsed, eager)["false_alarm_rate"] >= figures(engine, parsed, strict)["false_alarm_rate"]
    assert [engine.result(doc, norm, strict).decision for _, norm, doc in parsed] != [
        engine.result(doc, norm, eager).decision for _, norm, doc in parsed
    ]


def test_tuning_never_buys_false_alarms_with_block_recall(monkeypatch):
    """A stricter block threshold that trades 0.1 of block recall for 0.08 of false alarms scores better
    on the objective; the search must still refuse it."""
    engine = linter.get_linter()

    def synthetic(_, __, pack):
        strict = knobs_of(pack)["post block"] > 0.5
        return {
            "decision_accuracy": 0.9,
            "block_recall": 0.8 if strict else 0.9,
            "category_macro_f1": 0.8,
            "false_alarm_rate": 0.02 if strict else 0.1,
        }

    monkeypatch.setattr(tune_module, "figures", synthetic)
    start = with_knobs(engine.pack, {**knobs_of(engine.pack), "post block": 0.3})
    monkeypatch.setattr(engine, "pack", start)
    assert tune_module.tune(engine, [])["post block"] <= 0.5


def test_a_sentence_holding_the_words_at_fault_reports_behaviour_though_the_cohort_is_named_in_another():
    """The sentence model's "claim" label: the cohort's sentence, and every sentence with the report's own
    evidence ("Meet Tomas. He took 880 rides in June."); not one with only the tone."""
    from linter.training.data import sentence_docs

    draft = Draft(
        "x-4",
        "Meet Tomas. He took 880 rides in June. Are you okay?",
        "block",
        frozenset({"individual", "specificity", "shaming"}),
        (("individual", "Tomas"), ("specificity", "880 rides in June"), ("shaming", "Are you okay?")),
        "Tomas",
    )
    claims = {doc.text.strip(): doc.cats["claim"] for _, doc in sentence_docs(linter.get_linter(), [draft])}
    assert claims == {"Meet Tomas.": 1.0, "He took 880 rides in June.": 1.0, "Are you okay?": 0.0}


def test_a_trained_models_config_names_its_data_relative_to_the_clone(tmp_path):
    config = tmp_path / "config.cfg"
    config.write_text(f'[paths]\ntrain = "{ROOT}/build/training/data/posts/train.spacy"\n', encoding="utf-8")
    _without_machine_paths(config)
    assert config.read_text(encoding="utf-8") == '[paths]\ntrain = "build/training/data/posts/train.spacy"\n'


def test_the_shipped_models_name_no_path_of_the_machine_they_were_trained_on():
    for kind in KINDS:
        assert '"/' not in (MODELS / kind / "config.cfg").read_text(encoding="utf-8")


def _training_ids(count: int) -> list[str]:
    from linter.training.data import split_of

    return [i for i in (f"cf-{k}" for k in range(200)) if split_of(i) == "train"][:count]


def test_counterfactual_copies_swap_the_group_noun_and_keep_the_labels():
    """Each training draft that names its group by a trade gets a copy naming it by another trade, the
    labels and evidence kept; never where the draft is sensitive or the group is a place's people."""
    from linter.training.counterfactual import SUFFIX, counterfactual_drafts
    from linter.training.data import split_of

    ids = iter(_training_ids(14))
    drafts = [
        Draft(next(ids), f"{n} {trade} ordered ribbon on a Sunday.", "block", frozenset({"small_cohort"}),
              (("small_cohort", f"{n} {trade}"),), f"{n} {trade}")
        for trade in ("florists", "bakers") for n in (12, 14, 16, 18, 20)
    ]  # fmt: skip
    sensitive = Draft(next(ids), "14 bakers picked up nicotine gum through our app.", "block",
                      frozenset({"sensitive", "small_cohort"}), (("sensitive", "nicotine gum"),), "14 bakers")  # fmt: skip
    demonyms = Draft(next(ids), "Glaswegians ordered the most ribbon in May.", "warn", frozenset({"specificity"}),
                     (("specificity", "Glaswegians"),), "Glaswegians")  # fmt: skip
    engine = linter.get_linter()
    copies = counterfactual_drafts(engine.nlp, [*drafts, sensitive, demonyms], engine.pack.lexicons)
    originals = {d.id: d for d in drafts}
    # with two trades in the pool, a draft that drew its own is left without a copy
    assert copies and {copy.id.removesuffix(SUFFIX) for copy in copies} <= set(originals)
    for copy in copies:
        draft = originals[copy.id.removesuffix(SUFFIX)]
        assert split_of(copy.id) == "train"
        assert (copy.decision, copy.categories) == (draft.decision, draft.categories)
        swapped = {"florists": "bakers", "bakers": "florists"}[draft.cohort.split()[1]]
        assert copy.text == draft.text.replace(draft.cohort.split()[1], swapped)
        assert copy.cohort in copy.text and all(words in copy.text for _, words in copy.evidence)
