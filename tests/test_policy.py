"""The policy's worked examples, and the behaviour each category is defined by, on the real model."""

import pytest
from spacy.tokens import Doc

import linter
from linter.engine import WHOLE_POST_READ_TOKENS, get_linter
from linter.nlp.cohorts import _reads_as_people
from linter.nlp.scope import _hyphenated
from linter.normalise import normalise
from linter.report.text import because_text

# Grammar fixtures whose decision the shipped models overrule: the sentence model doubts the claim (claim
# score under 0.50), so the claim gate drops it. Strict: they fail the suite once a model reads them.
GATED_BY_THE_MODELS = "the shipped sentence model doubts this grammar claim: the claim gate overrules the grammar"


def words_flagged(draft: str, rule: str) -> list[str]:
    """The words each of `rule`'s findings on `draft` points at."""
    return [f.text for f in linter.lint(draft).findings if f.rule == rule]


# POLICY.md, "Worked examples": (draft, categories, decision).
WORKED_EXAMPLES = [
    (
        "To the 53 people who've watched A Christmas Prince every day for the past 18 days: Who hurt you?",
        {"small_cohort", "specificity", "shaming"},
        "block",
    ),
    (
        'Dear 3,749 people who streamed "It\'s the End of the World as We Know It" the day of the Brexit vote, hang in there.',
        {"specificity", "shaming"},
        "warn",
    ),
    ("A user in Canada watched The Return of the King 361 times in one year.", {"individual", "specificity"}, "block"),
    ("Over 100 million members streamed 2 billion hours this week. Thank you!", set(), "pass"),
    (
        "Of our 2 million subscribers, 0.002% played the rain sounds playlist every night in March.",
        {"small_cohort", "specificity"},
        "block",
    ),
    (
        "40 people bought a pregnancy test and a bottle of wine in the same order this weekend.",
        {"small_cohort", "sensitive", "specificity"},
        "block",
    ),
    ("53 new titles land on the service this December.", set(), "pass"),
    ("Thanks to the 40 people who came to our open meetup last night!", set(), "pass"),
    ("Some of you have rewatched the finale 40 times. We're worried about you.", {"specificity", "shaming"}, "warn"),
    ("@jsmith we noticed you've played breakup songs all week, hang in there", {"individual", "shaming"}, "block"),
]


@pytest.mark.parametrize(("draft", "categories", "decision"), WORKED_EXAMPLES)
def test_worked_examples(draft, categories, decision):
    """The decision exactly, and the categories exactly as the rules read them. The models may add a
    category as a second opinion (tone in a blocked post, a streak as narrowing detail), never remove one."""
    result = linter.lint(draft)
    assert result.decision == decision
    from_rules = {f.category for f in result.findings if "model" not in f.because}
    assert from_rules == categories
    assert set(result.categories) >= categories


def test_cohort_size_is_read_from_words_percentages_and_ratios():
    sizes = {
        "Fifty-three listeners streamed the demo at 4am.": 53,
        "A dozen members booked the rooftop pool on Tuesday.": 12,
        "0.01% of our 3 million riders took the ferry route.": 300,
        "1 in 20,000 players has finished the raid solo. With 4 million of you playing, that is rare.": 200,
        "Two hundred of you renewed on the first day.": 200,
        "8,500+ of you dozed off to the lighthouse mix most nights in June.": 8500,
        "Over 48,000 of you ordered from us on Friday, and half of you chose the pizza.": 24000,
        "A third of our 90,000 riders booked a trip on Christmas Day.": 30000,
        "Last winter 21,000 Tidewell members booked a flu jab through the app.": 21000,  # parse hung it on "winter"
        "Since spring, 12,000 teen accounts have switched on the focus timer.": 12000,  # one cohort, not "teen"
        # the share of a fronted base, which the parse reads as the base's apposition
        "Of our 800,000 listeners, 0.004% replayed the same podcast episode every night in May.": 32,
        "Among Fernly's 400,000 gardeners, 0.01% watered the same cactus twice a day.": 40,
        "Of our 3,000 members, a third booked a sports massage in May.": 1000,  # a fraction as the subject
        # a decimal comma and points between thousands, as much of Europe writes them
        "Just 0,0008 % of our 5.000.000 listeners replayed the storm track all night.": 40,
    }
    for draft, n in sizes.items():
        claims = linter.lint(draft).claims
        assert min(c["n"] for c in claims) == n, draft


@pytest.mark.parametrize(
    ("draft", "n_kind"),
    [
        ("Some of you have played the new level 30 times.", "unknown"),
        ("Hundreds of you ordered the mystery box.", "vague"),
        ("Someone in Hull bought 40 umbrellas in one go.", "singular"),
        ("One of you has listened to the same album since March.", "singular"),
    ],
)
def test_vague_singular_and_unknown_cohorts(draft, n_kind):
    assert [c["n_kind"] for c in linter.lint(draft).claims] == [n_kind]


@pytest.mark.parametrize(
    ("draft", "age"),
    [
        ("Our under-30 savers opened twice as many round-up pots as last year.", "under-30"),
        ("Our 18-24 year-old listeners streamed more jazz this year.", "18-24 year-old"),
        ("Members who are 30 to 40 years old booked more spin classes this spring.", "30 to 40 years old"),
    ],
)
def test_an_age_band_before_or_after_the_people_narrows_them_and_counts_none(draft, age):
    """An age band is a narrowing detail (PL302), never the group's size: "18-24 year-old listeners" are
    not 18 listeners."""
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] == [None]
    assert age in words_flagged(draft, "PL302")


@pytest.mark.parametrize(
    ("draft", "cohorts"),
    [
        # the activity's doers, counted after "from" or "by", are the cohort though no verb's subject
        ("Orders from 60 students in Bath doubled over exam week.", [("60 students", 60)]),
        ("Searches from 40 of you for umbrellas tripled on Tuesday.", [("40 of you", 40)]),
        ("Orders from Bath doubled over exam week.", [("Orders", None)]),  # no people counted: a trend
        # where users were is not whose staff they are
        ("45 members at our Elm Road studio booked every 6am class this month.", [("45 members", 45)]),
        ("The 12 people in our kitchen cooked 9,000 roasts on Sunday.", []),  # people in our kitchen: staff
        ("Someone at our Leeds HQ finished the new card design today.", []),
    ],
)
def test_people_who_are_no_verbs_subject_or_are_somewhere_of_ours(draft, cohorts):
    assert [(c["cohort"]["text"], c["n"]) for c in linter.lint(draft).claims] == cohorts


@pytest.mark.parametrize(
    ("draft", "cohorts"),
    [
        ("Who booked 12 kayak sessions before breakfast on Saturday?", [("Who", 1)]),
        ("Who bought 9 umbrellas in one go during the storm?", [("Who", 1)]),
        ("Which of you streamed the whale-song album 30 times on Friday?", [("Which of you", 1)]),
        ("Which of you is ready for the weekend?", []),
        ("Who watched the finale last night?", []),  # asks the audience
        ("Who else binged all 8 episodes?", []),
        ("Who wants 2 free tickets?", []),
        ("Who hurt the 9,000 of you who skipped leg day?", [("the 9,000 of you", 9000)]),  # a taunt at the group
    ],
)
def test_asking_who_did_a_counted_thing_singles_out_one_person(draft, cohorts):
    assert [(c["cohort"]["text"], c["n"]) for c in linter.lint(draft).claims] == cohorts


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("Over 400 jobseekers uploaded a CV through our app in its first week.", 400),
        ("Only 35 applicants uploaded a video CV last month.", 35),
        ("About 210 claimants used the new online form on its first day.", 210),
        # by their stage of school or skill, or by whom they care for
        ("Only 60 pupils borrowed a kayak from our lake centre on Saturday.", 60),
        ("Around 300 beginners skipped the warm-up video last week.", 300),
        ("Some 45 carers booked the respite line after midnight.", 45),
        ("Just 80 freelancers invoiced through the app on Boxing Day.", 80),
    ],
)
def test_people_named_by_what_they_apply_for_or_receive_are_users(draft, n):
    assert [c["n"] for c in linter.lint(draft).claims] == [n]


@pytest.mark.parametrize(
    ("draft", "cohorts"),
    [
        (
            "Sunscreen was the most-bought item in our Brighton shop last week.",
            ["the most-bought item"],
        ),
        ("The most ordered dish in Hull last Friday was the vegan curry.", ["The most ordered dish"]),
        # the chart ranks what the counted group did: the count carries the sentence's details
        (
            "Some 40,000 of you rented ski boots in February, making them our most-rented item.",
            ["Some 40,000 of you"],
        ),
    ],
)
def test_a_chart_of_what_users_did_is_a_claim_about_an_unknown_number(draft, cohorts):
    """ "the most-bought item": "most" hangs on the participle, not on the noun it ranks."""
    assert [c["cohort"]["text"] for c in linter.lint(draft).claims] == cohorts


def test_a_chart_is_no_call_out():
    """A group named by what it did, then a colon, is called out; a chart named so names a thing."""
    result = linter.lint("Most-streamed song of the spring on our radio app: a ballad about a goat.")
    assert [c["cohort"]["text"] for c in result.claims] == ["Most-streamed song"]
    assert "PL402" not in {f.rule for f in result.findings}


@pytest.mark.parametrize(
    ("draft", "cohort"),
    [
        ("Pregnancy tests sold out in our Leeds store on Valentine's Day.", "Pregnancy tests"),
        ("Hangover kits are selling fast in Cardiff this week.", "Hangover kits"),
        ("We sold 40,000 umbrellas this year.", None),  # the seller is the subject
        ("My debut novel sold well.", None),  # one seller's own sales
        ("Tickets for the summer gig sold out in an hour.", None),  # a public event
    ],
)
def test_a_product_that_sold_stands_for_the_people_who_bought_it(draft, cohort):
    """ "Xs sold out", an aggregate trend: an unknown number of buyers."""
    claims = linter.lint(draft).claims
    assert [(c["cohort"]["text"], c["n_kind"]) for c in claims] == ([(cohort, "unknown")] if cohort else [])


@pytest.mark.parametrize(
    ("draft", "behaviour"),
    [
        ("Subscribers who like our chess clips bought a premium board within a week.", "bought"),
        ("Listeners who liked the jazz clip streamed the album 6 times each.", "streamed"),
        ("People who follow us on Instagram are the best.", None),  # no private act after the public one
    ],
)
def test_a_group_defined_by_a_public_act_that_then_did_something_private(draft, behaviour):
    """Following or liking is public, but what that group then did is the organisation's record."""
    assert [c["behaviour"]["text"] for c in linter.lint(draft).claims] == ([behaviour] if behaviour else [])


@pytest.mark.parametrize(
    "draft",
    [
        "Nearly 300 shoppers joined the restock waitlist for the linen jacket.",
        "About 250 riders signed up for the commuter pass in its first week.",
        "Some 600 customers applied for the overdraft extension this month.",
    ],
)
def test_joining_something_that_is_not_a_public_event_is_what_users_did(draft):
    """Entering, joining, registering or signing up is public only for a public event (a contest, a
    race); a waitlist, a scheme or an account product is the organisation's record of its users."""
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] and result.decision != "pass"


@pytest.mark.parametrize(
    "draft",
    [
        "The late-night zombie marathon was streamed by 3,300 subscribers in Tulsa.",
        "3,300 subscribers in Tulsa streamed the zombie marathon.",
        "About 800 of you bet on the cup final from the same stadium bar.",
    ],
)
def test_an_event_taken_in_from_afar_is_still_what_users_did(draft):
    """Running the marathon is public; streaming it or betting on it is the organisation's record."""
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] and result.decision != "pass"


@pytest.mark.parametrize(
    ("draft", "place"),
    [
        ("Raincoat sales in our Huddersfield stores tripled during the storm.", "Huddersfield"),
        ("Card payments at Exeter market stalls rose 40% over the bank holiday.", "Exeter"),
        ("Truro households streamed more box sets this winter than anyone.", "Truro"),
        ("A grandad from Doncaster booked 30 rides with us in May.", "Doncaster"),
        ("Residents of Barnsley bought twice as many umbrellas this autumn.", "Barnsley"),
        ("Raincoat sales in our Tunely stores tripled this year.", None),  # a brand, not a town
        ("2,000 of you ordered wreaths in March, a record for us.", None),  # a month, though March is a town
        ("Thirty of you shopped at our Parsons Green store on Sunday.", "Parsons Green"),
        ("Forty riders in Bethnal Green booked trips in May.", "Bethnal Green"),
        ("2,400 of you preordered the Sage Green vinyl.", None),  # a colour, not a place
        ("Northbrook residents composted 15% more this autumn than the county average.", "Northbrook"),
        ("Welsh locals booked 30% more cottages this summer.", None),  # a nation's people, not a town's
        ("Scooter hires in Wigan jumped 35% on Saturday.", "Wigan"),
        ("Umbrella orders in the old town doubled this week.", "old town"),
        ("Preston, you bought 40% more wellies this autumn than last.", "Preston"),  # the town spoken to
        ("Hey Wigan, you ordered 30% more gravy this winter.", "Wigan"),
        ("Preston, our new store opens on Friday.", None),  # spoken to, but no claim
        ("Shoppers in Singapore bought 30% more umbrellas this spring.", None),  # a city that is a country
        ("Riders across Latin America booked 12% more trips this spring.", None),  # bigger than a country
        ("2,600 of you joined a walking club through the app this spring.", None),  # what they joined
        ("3,300 of you sold old furniture on Tradeville this spring.", None),  # the app used, not a town
        ("5,100 readers finished a thriller on Pageton this winter.", None),
        ("2,900 of you shopped on Mill Lane this month.", "Mill Lane"),  # a street after "on"
        ("4,100 of you streamed the final on your tablet.", "tablet"),  # the device used
        ("3,000 of you used a tablet to watch the final.", "tablet"),
        ("5,200 members borrowed a laptop from us this term.", None),  # the thing borrowed
        ("3,800 of you traded old phones and tablets for store credit.", None),
        ("Arena Snacks fans ordered 60,000 pretzels across the league.", None),  # a brand's name
        ("3,000 of you watched the final at Wembley Stadium.", "Wembley Stadium"),
    ],
)
def test_a_place_is_read_where_the_grammar_puts_one(draft, place):
    """The small entity recogniser misses a town that modifies a noun; the towns list finds it there. A name
    ending in Green or Park is a place after a preposition of place or before a premises noun only. A
    device or a premises that is what the users acted on, and a service named after "on", do not narrow."""
    places = words_flagged(draft, "PL302")
    assert (place in places) if place else not places


@pytest.mark.parametrize(
    ("draft", "named"),
    [
        ("Priya from Rotherham booked 30 yoga classes this spring.", "Priya"),
        ("Nadia in Gateshead ordered pancakes at 2am on Sunday.", "Nadia"),
        ("Ben from our Gateshead team cooked 300 pancakes on Sunday.", None),  # staff, and no town after "from"
    ],
)
def test_a_name_placed_by_its_town_is_one_customer(draft, named):
    cohorts = [c["cohort"]["text"] for c in linter.lint(draft).claims if c["n"] == 1]
    assert cohorts == ([named] if named else [])


def test_coming_back_to_the_app_is_what_users_did_not_a_public_act():
    assert [c["n"] for c in linter.lint("14 of you came back to the app after a year away.").claims] == [14]
    assert not linter.lint("Thanks to the 40 people who came to our open meetup last night!").claims


@pytest.mark.parametrize(
    ("draft", "repetition"),
    [
        ("Gardeners on our app bought three times more seed trays than last spring.", False),
        ("Cyclists rode twice as far as in 2023.", False),
        ("Tenants who pay by app are 2x likelier to renew.", False),
        ("A member in Derby booked the same court 30 times this month.", True),
        ("One listener played the ringtone twice in a minute.", True),
        ("40,000 of you kept up a daily lesson all 90 days of summer.", True),  # "all 90 days"
        ("Our cafe is open all 7 days this week.", False),
        # a total's course over time is no one's habit
        ("Weekly bike hires grew every month of 2025.", False),
        ("Some of you have lengthened your runs every week.", True),
        # a count per person is each one's habit; a price or two of a thing is not
        ("1,500 members borrowed over 40 audiobooks each last year.", True),
        ("Some 3,000 customers bought 12 candles apiece in December.", True),
        ("Our 900 members bought 2 tickets each for the gala.", False),
        ("Tickets are £15 each and 2,000 of you bought them.", False),
        ("Some 20,000 members took a rowing class once a week over the spring.", True),
        ("Some 120,000 customers now order with us at least once a month.", False),  # how actives are counted
        ("Most of you top up your travel card every commute.", True),
    ],
)
def test_a_ratio_is_not_a_repetition(draft, repetition):
    assert ("PL301" in {f.rule for f in linter.lint(draft).findings}) == repetition


@pytest.mark.parametrize(
    ("draft", "repetition"),
    [
        ("@lena_v and that's your sixth flat white today ☕", "your sixth"),
        ("A rider in Hull took their 12th trip of the day.", "their 12th"),
        ("Pick up a second language with us: your second language is one tap away.", None),
    ],
)
def test_an_ordinal_in_words_is_a_repetition_as_in_digits(draft, repetition):
    doc = linter.get_linter().nlp(draft)
    spans = [s.text for s in doc.spans["postlint_details"] if s.label_ == "repetition"]
    assert spans == ([repetition] if repetition else [])


@pytest.mark.parametrize(
    ("draft", "named"),
    [
        ("Thank you, Maria, for 600 rides with us this year!", "Maria"),
        ("Huge thanks to Mr Okafor, who has topped up his card every Friday since 2019.", "Mr Okafor"),
        ("Shout-out to Harriet for renewing her plan on the first day of every month.", "Harriet"),
        ("Dear Ollie, your year on the app says you opened the quiz 700 times.", "Ollie"),
        ("Well done on 80 rides this month, Maya!", "Maya"),  # good wishes that end with the name
    ],
)
def test_a_customer_greeted_by_name_is_one_user(draft, named):
    claims = linter.lint(draft).claims
    assert [(c["cohort"]["text"], c["n"]) for c in claims] == [(named, 1)]


@pytest.mark.parametrize(
    "draft",
    [
        "Happy Friday, everyone! 🎉",
        "Happy Monday, Leeds!",
        "Thanks for 300 loaves this week, Priya from our bakery team!",
    ],
)
def test_good_wishes_to_a_group_a_town_or_staff_name_no_one(draft):
    assert not [c for c in linter.lint(draft).claims if c["n"] == 1]


@pytest.mark.parametrize(
    "draft",
    [
        "Thanks, Leeds! You rode 2 million times this year.",  # a city greeted
        "Meet Jonas, our head chef, who cooked 4,000 meals this month.",  # staff
        "Thanks to Priya from our bakery team for baking 300 loaves this week.",  # staff
        "Congrats to Arsenal, who won 3-0 on Saturday.",  # a club, and a public result
    ],
)
def test_a_greeted_name_that_is_not_a_customer_is_no_claim(draft):
    assert not [c for c in linter.lint(draft).claims if c["n"] == 1]


@pytest.mark.parametrize(
    ("draft", "named"),
    [
        ("Our Borrower of the Month is Ines, with 44 visits to the branch since June.", "Ines"),
        ("Diner of the year: @feast_fred 🍽️ 96 bookings and counting!", "@feast_fred"),
        ("Commuter of the week goes to 'Captain Kit' 🚆 31 trips in five days.", "Captain Kit"),
        ("Our seller spotlight this week: @loomandlark, 3,200 orders shipped since spring.", "@loomandlark"),
    ],
)
def test_a_user_named_under_an_award_title_is_one_user(draft, named):
    """The title says the person is a user and the count is theirs, whatever the sentence model reads."""
    result = linter.lint(draft)
    assert [(c["cohort"]["text"], c["n"]) for c in result.claims] == [(named, 1)]
    assert ("PL101", named) in {(f.rule, f.text) for f in result.findings}


@pytest.mark.parametrize(
    "draft",
    [
        "Our Employee of the Year is Dan, who poured 30,000 coffees at the Quay Street kiosk.",  # staff
        "Employee spotlight: Dan has poured 30,000 coffees at the kiosk.",  # staff
        "The first 250 diners of the season get a free dessert.",  # a counted group, no title
    ],
)
def test_an_award_to_staff_or_a_counted_group_names_no_one(draft):
    assert not [c for c in linter.lint(draft).claims if c["n"] == 1]


@pytest.mark.parametrize(
    ("draft", "named"),
    [
        ("Our subscriber Hedda has streamed the album every morning since May.", "Our subscriber Hedda"),
        ("Loyalty member Joss has visited every one of our 40 stores this year.", "Loyalty member Joss"),
    ],
)
def test_a_name_after_a_user_word_is_one_user(draft, named):
    assert [(c["cohort"]["text"], c["n"]) for c in linter.lint(draft).claims] == [(named, 1)]


@pytest.mark.parametrize(
    "draft",
    [
        "Our barista Hedda has made 9,000 flat whites this year.",  # staff
        "Season two of our radio serial follows the rider Jun, who crosses town 12 times a night.",  # a character
        "Grab a free home COVID test kit at any branch.",  # capitals that name a thing
    ],
)
def test_a_name_after_a_staff_word_a_character_or_a_thing_is_no_user(draft):
    assert not [c for c in linter.lint(draft).claims if c["n"] == 1]


def test_a_greeted_name_is_judged_with_what_the_next_sentence_says_they_did():
    """The name is in one sentence and the count in the next: the gate reads both sentences."""
    findings = {(f.rule, f.text) for f in linter.lint("Hi Oskar! 240 rides since January 🚲").findings}
    assert ("PL101", "Oskar") in findings


@pytest.mark.parametrize(
    "draft",
    [
        "@tess_b some of you have replayed the finale 30 times 😅",
        "@tess_b honestly? 300 of you in Hull book the 6am spin slot every week.",
    ],
)
def test_a_reply_leaves_a_groups_detail_to_the_group(draft):
    assert not [c for c in linter.lint(draft).claims if c["n"] == 1]


@pytest.mark.parametrize(
    ("draft", "cohort", "n"),
    [
        ("The whole loyalty bonus went to 12 riders in Crewe.", "12 riders", 12),  # what reached them
        ("Our favourite stat this year: 0.05% of our 60,000 members who swam every single day.",
         "0.05% of our 60,000 members", 30),  # a share whose group a clause defines, with no verb of its own
        ("According to the tills, 12 of you bought the same sandwich every day in May.", "12 of you", 12),
    ],
)  # fmt: skip
def test_a_counted_group_no_verb_has_for_subject_is_still_the_claims_cohort(draft, cohort, n):
    assert [(c["cohort"]["text"], c["n"]) for c in linter.lint(draft).claims] == [(cohort, n)]


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("We trialled the new budgeting tool with 600 members in May. By June, 40% of them had cut their takeaway spending.", 240),
        ("Our pilot ran with 450 households. By March, half of them had turned the heating down.", 225),
    ],
)  # fmt: skip
def test_a_share_of_a_group_counted_in_another_sentence_is_read_with_that_sentence(draft, n):
    """The sentence model reads "40% of them had cut…" alone as no report; the count it is a share of,
    in the sentence before, makes it one (100 to 999 people warn)."""
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] == [n] and result.decision == "warn"


@pytest.mark.parametrize(
    ("draft", "cohort"),
    [
        ("The top town for late-night noodle orders this month? Penarth, again.", "late-night noodle orders"),
        ("Thursday was the busiest night for cocktail deliveries in Leith.", "cocktail deliveries"),
        ("The quietest morning at our Ayr pharmacy is Wednesday.", "The quietest morning"),  # by visits to ours
    ],
)
def test_a_place_or_time_ranked_by_an_activity_is_a_claim_of_unknown_size(draft, cohort):
    assert [(c["cohort"]["text"], c["n"]) for c in linter.lint(draft).claims] == [(cohort, None)]


def test_a_modal_inside_a_hyphenated_name_does_not_make_the_verb_a_possibility():
    """The parse can hang the "can" of a name like "all-you-can-eat" on the sentence's verb as its modal."""
    doc = get_linter().nlp("Our all-you-can-eat brunch was booked by 80 diners, and you can still book it.")
    cans = [t for t in doc if t.lower_ == "can"]
    assert [_hyphenated(t) for t in cans] == [True, False]
    result = linter.lint("Our all-you-can-eat brunch was booked by 80 diners in Leeds on Sunday.")
    assert [c["n"] for c in result.claims] == [80] and "small_cohort" in result.categories


def test_help_that_shows_money_troubles_is_a_special_category():
    result = linter.lint("Since January, 900 customers have topped up with emergency credit on our app.")
    assert result.decision == "block" and "sensitive" in result.categories


@pytest.mark.parametrize(
    ("draft", "n", "decision"),
    [
        ("The most-borrowed book among the 300 members of our night library? A cookbook.", 300, "warn"),
        ("The most-played level among our 5,000 testers? The ice cave.", 5000, None),
    ],
)
def test_a_chart_drawn_from_a_counted_group_has_that_groups_size(draft, n, decision):
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] == [n]
    assert decision is None or result.decision == decision


@pytest.mark.parametrize(
    ("draft", "cohort", "n"),
    [
        ("Our late-night league this week: 6 homes in Oban.", "6 homes", 6),
        ("According to the ticket barriers, 6 of you never left the station on Sunday.", "6 of you", 6),
    ],
)
def test_a_group_after_a_heading_or_a_machine_that_counted_it_is_a_claim(draft, cohort, n):
    assert [(c["cohort"]["text"], c["n"]) for c in linter.lint(draft).claims] == [(cohort, n)]


@pytest.mark.parametrize(
    "draft",
    [
        "We sent the survey to 40 members.",  # what we did
        "POV: you're one of the 500 riders who took the night bus home.",  # one of a group, not one user
        "1 in 5 shoppers in Derby picked the oat latte.",  # a rate, not 5 shoppers
    ],
)
def test_a_group_we_reached_one_of_a_group_or_a_rate_is_no_small_cohort(draft):
    assert not [c for c in linter.lint(draft).claims if c["n"] is not None and c["n"] < 100]


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("Every rider who topped up at 6am got a free coffee this week.", None),
        ("To each subscriber who binged the finale twice: respect.", None),
        ("A subscriber who binged the finale twice got a badge.", 1),
    ],
)
def test_every_or_each_makes_a_singular_noun_the_whole_group(draft, n):
    """ "Every rider who…" is all of them, however many, not one rider: a relative clause on a singular
    noun makes it one user only with a singular determiner."""
    assert [c["n"] for c in linter.lint(draft).claims] == [n]


@pytest.mark.parametrize(
    ("draft", "cohort"),
    [
        ("Our 3,000 listeners in Perth played 'Somebody Told Me' all weekend.", "Our 3,000 listeners"),
        ("Top book on the app this month: 'The Woman Who Ran Twice', borrowed by 4,000 of you.", "4,000 of you"),
        ("To our 40 'Superfans' who came every week: thank you.", "our 40 'Superfans"),  # one word: a nickname
    ],
)
def test_a_quoted_title_names_a_work_not_a_cohort(draft, cohort):
    assert [c["cohort"]["text"] for c in linter.lint(draft).claims] == [cohort]


def test_a_fraction_of_a_person_is_a_scale_word_not_read_and_no_one_user():
    """ "3.6 milyon listeners": the scale word is one the engine cannot read; n is unknown, never 3."""
    assert [c["n"] for c in linter.lint("About 3.6 milyon listeners streamed the final.").claims] == [None]


def test_a_range_counts_at_its_lower_end():
    assert [c["n"] for c in linter.lint("Between 20 and 30 members renewed early.").claims] == [20]
    assert [c["n"] for c in linter.lint("2 to 3 million people streamed the final.").claims] == [2_000_000]


@pytest.mark.parametrize(
    ("draft", "time"),
    [
        ("Couriers in our app took most of their jobs between 12:00 and 12:20.", "between 12:00 and 12:20"),
        ("Some of you ordered soup from 11pm to 2am on Friday.", "from 11pm to 2am"),
        ("Riders aged between 18 and 24 booked the most trips.", None),
        # a weekday is a single day, with an article and a word between as well
        ("2,300 of you ordered ramen on a wednesday.", "on a wednesday"),
        ("Around 5,000 members booked a sauna slot on the first Saturday.", "on the first Saturday"),
        # a named day, night or eve is a single day, whatever its name
        ("About 2,000 members renewed on Canada Day.", "Canada Day"),
        ("Some 3,400 of you ordered haggis over Burns Night.", "Burns Night"),
        ("4,100 riders booked a cab home on the Fourth of July.", "Fourth of July"),
        ("Around 5,000 of you bought the Day Pass.", None),
        # an event on one day, named by its day
        ("Scooter hires in Bath doubled after Sunday's parade.", "after Sunday's parade"),
    ],
)
def test_a_window_of_the_day_is_one_time(draft, time):
    doc = linter.get_linter().nlp(draft)
    spans = [s.text for s in doc.spans["postlint_details"] if s.label_ == "time"]
    assert (time in spans) if time else not spans


def test_repetition_counts_are_not_cohort_sizes():
    result = linter.lint("A subscriber in Leeds replayed the trailer 361 times.")
    assert result.claims[0]["n"] == 1
    assert {f.rule for f in result.findings} >= {"PL101", "PL301"}


@pytest.mark.parametrize(
    "draft",
    [
        "Our 12 engineers watched every episode before launch.",  # staff
        "Thanks to the 30 of you who joined our free run in the park on Sunday!",  # public event
        "Some 420 runners have registered for the coastal half-marathon.",  # signing up for a public event
        "Cheers to the 300 cyclists who rode the Fenland sportive on Sunday!",  # taking part in a public event
        "1 in 5 adults sleep badly, according to the national sleep survey.",  # outside statistic
        '"I\'ve done 90 classes this year" — Sam, member since 2021, who said we could share this.',  # testimonial
        "We just passed 2 million members. Thank you!",  # headline total
        "One of you will win a year of free deliveries. Repost to enter.",  # contest, not yet happened
        "Who hurt you, Inspector Vane? Season 2 is out now.",  # tone about a fictional character
    ],
)
def test_not_user_behaviour_claims(draft):
    """The grammar reads none of these as a claim, so no rule flags them. (The post model, which reads
    the whole post without the grammar, can still misread one: see docs/accuracy.md, known false alarms.)"""
    result = linter.lint(draft)
    assert not result.claims
    assert not [f for f in result.findings if "model" not in f.because]


@pytest.mark.parametrize(
    "draft",
    [
        "Per the thermostat logs, one household in Derby turned the heating up 60 times in one day.",
        "Per the app data, a rider in York took 30 trips on Sunday.",
    ],
)
def test_our_own_records_after_per_the_are_no_outside_source(draft):
    """ "Per the census" quotes someone else's figure; "per the app data" (even parsed as a clause, "the
    thermostat | logs") is the organisation reading its own records."""
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] == [1]
    assert "PL101" in {f.rule for f in result.findings}


def test_what_is_told_of_a_counted_group_is_a_report_not_a_testimonial():
    """ "Priya told us she runs daily" shares her own words; "our partners told us 14 families used the
    code" reports what 14 users did."""
    told = "Our partners at the food bank told us 14 families used the voucher code."
    assert [c["n"] for c in linter.lint(told).claims] == [14]
    assert not linter.lint("Priya told us she has run 5k every day since March.").claims


@pytest.mark.parametrize(
    ("draft", "severity"),
    [
        ("60 customers bought antidepressants with their groceries.", "block"),
        ("Over 40,000 of you logged a migraine in the app this winter.", "warn"),
        ("Some of you bet on the derby through the app.", "block"),
        # a tool named after its job is no group of users: the count is in the agent
        ("Our new migraine tracker was used by 60,000 members this spring.", "warn"),
    ],
)
def test_sensitive_threshold(draft, severity):
    findings = [f for f in linter.lint(draft).findings if f.category == "sensitive"]
    assert findings and {f.severity for f in findings} == {severity}


@pytest.mark.parametrize(
    ("draft", "decision"),
    [
        ("Our gambling support line is open around the clock. Last year 30,000 customers called it.", "warn"),
        ("Our gambling support line is open around the clock. Last year 30 customers called it.", "block"),
        ("Our gambling support line is open around the clock for every customer.", "pass"),
    ],
)
def test_a_large_groups_special_category_said_in_another_sentence_warns(draft, decision):
    """10,000 people or more with the special category in the sentence before the count: the post model
    reads it (PL206), as PL205 does below that size."""
    assert linter.lint(draft).decision == decision


@pytest.mark.parametrize(
    ("draft", "decision"),
    [
        ("Our online clinic helped 15,000 people with their asthma medication this spring.", "warn"),
        ("Our app reminded 25,000 users to take their insulin last month.", "warn"),
        ("Our pharmacy team sent 30,000 customers a reminder about their flu jab.", "warn"),
        ("Our clinic helped 40 people with their asthma medication this spring.", "block"),
        # the whole a share is of, a headline total and money are not the group the claim is about
        ("Of our 90,000 members, 2% booked a physio session for a back injury.", "block"),
        ("Brewly hit 3 million customers this year, and 60 of you ordered hangover cures at 4am.", "block"),
        ("Cashpal customers in Leeds sent £4.1m home to Poland last quarter.", "block"),
    ],
)
def test_a_group_the_organisation_acted_on_is_counted_for_the_models_findings(draft, decision):
    """The models read "helped 15,000 people with their medication" as a claim, but only the grammar can
    count: the group a verb was done to or for sizes the finding, as a claim's cohort does (10,000 or more
    with a special category warns)."""
    assert linter.lint(draft).decision == decision


def test_narrowing_detail_only_below_ten_thousand():
    small = linter.lint("2,300 riders in Galway booked a car at 4am on Sunday.")
    large = linter.lint("230,000 riders in Galway booked a car at 4am on Sunday.")
    assert "specificity" in small.categories
    assert large.decision == "pass"


def test_decision_is_the_highest_severity():
    result = linter.lint("Hundreds of you in Cork played the polka album at 3am.")
    assert {f.severity for f in result.findings} == {"warn"}
    assert result.decision == "warn"
    blocked = linter.lint("Eight of you in Cork played the polka album at 3am.")
    assert "block" in {f.severity for f in blocked.findings} and blocked.decision == "block"


def test_findings_point_at_the_words_at_fault():
    draft = "To the 53 people who watched Holiday Baking every night this week: are you okay?"
    by_rule = {f.rule: f.text for f in linter.lint(draft).findings}
    assert by_rule["PL102"] == "53"
    assert by_rule["PL301"] == "every night"
    assert by_rule["PL401"] == "are you okay"
    assert by_rule["PL402"].startswith("To the 53 people")


@pytest.mark.parametrize(
    ("draft", "decision"),
    [
        ("Kids across the UK solved 3M puzzles this term. That's 60,000 young learners!", "warn"),
        ("Who bought 30 tins of tuna at 5am on Boxing Day? Turns out that was 12 of you.", "block"),
        ("Meet our most loyal customer: she has ordered the same pizza 300 times.", "block"),
        ("Our CEO loves the new app. She uses it every day.", "pass"),
        ("3 listeners. 1 song. 500 plays. On Christmas Day.", "block"),
        ("12 new dishes. 3 new chefs. One great winter menu.", "pass"),
        ("Our data shows 17 of you have renewed and cancelled 5 times this year.", "block"),
        ("The early-bird readers (all 60 of you) who open the app at 5am: we see you.", "block"),
        ("Love to the passenger in seat 2C who watched 4 films back to back on the way to Oslo.", "block"),
    ],
)
def test_claims_that_span_two_sentences(draft, decision):
    assert linter.lint(draft).decision == decision


def test_counted_activity_without_a_verb_is_a_claim_of_unknown_size_when_it_narrows():
    narrowed = linter.lint("Nearly 6,000 bookings on the first day of the sale 😮")
    assert [(c["n_kind"], [t["text"] for t in c["time"]]) for c in narrowed.claims] == [
        ("unknown", ["on the first day"])
    ]
    assert linter.lint("5.2M plays of the new single in its first month 🔥").claims == ()


# -- the learned readers: classes of draft the grammar alone misses or over-reads (invented fixtures) --
@pytest.mark.parametrize(
    "draft",
    [
        "@ravi_codes so sorry you're stuck on the loading screen, can you DM us your app version?",
        "@oakfield_dad thanks for flagging this, we've passed it to the delivery team.",
        "@sam_paints you're a star, thanks for the kind words",
    ],
)
def test_a_support_reply_that_discloses_nothing_passes(draft):
    assert linter.lint(draft).decision == "pass"


@pytest.mark.parametrize(
    "draft",
    [
        "@ravi_codes you've skipped that song 90 times since Friday, want us to hide it?",
        "@tess.m that's your 14th oat latte this week according to our app 😅",
    ],
)
def test_a_reply_that_counts_the_handles_own_activity_blocks(draft):
    assert linter.lint(draft).decision == "block"


@pytest.mark.parametrize(
    ("draft", "spoken_to"),
    [
        ("@kofi.b hi Kofi! You've ordered the same curry 96 times this year, want it on speed-dial?", "@kofi.b"),
        ("Thanks Marco! You've booked a table with us 65 times since the spring.", "Marco"),
    ],
)
def test_a_you_after_a_greeting_is_sized_by_the_account_greeted(draft, spoken_to):
    """The handle or name greeted in the sentence before states who "you" is, and that sentence is read
    with the claim: the sentence model reads "you" alone as anyone."""
    result = linter.lint(draft)
    assert result.decision == "block"
    assert [(c["n"], c["size"]["text"]) for c in result.claims if c["cohort"]["text"] == "You"] == [(1, spoken_to)]


@pytest.mark.parametrize(
    "draft",
    [
        "Say a shopper in Exeter checks out at 6pm: the delivery slot is held for ten minutes.",
        "Let's say one member in Hove swims 3 times a week. Here is what the annual plan saves them.",
        "Suppose a member in Leeds visits twice a week: the annual pass pays for itself by May.",
        "Imagine a rider in Bath takes the 8:05 every weekday. A season ticket saves them £300.",
        "How refunds work: suppose a shopper in Derby returns a coat on day 29. The refund lands in 3 days.",
        "If a passenger in Crewe bought every snack on the trolley, it would come to £46.",
        "Dear future guest who checks into room 7: the window sticks.",
        "Hi there, future member who joins in March: lockers take a £1 coin.",
    ],
)
def test_a_made_up_scenario_or_someone_yet_to_act_passes(draft):
    """An illustration, or a note to whoever comes next, is not a record: neither the grammar nor the
    models may read it as one user."""
    assert linter.lint(draft).decision == "pass"


@pytest.mark.parametrize(
    "draft",
    [
        "Picture this: a shopper in Exeter checked out 40 times last week.",
        "If a passenger in Crewe was charged twice on Friday, message us and we'll refund it.",
        "The next diner who sat at table 4 ordered the tasting menu three nights running.",
        "Picture this: someone in Truro bought nine umbrellas in one morning.",
        "To the 40 drivers who park across two bays at our Hove store: the next shopper would like a word.",
    ],
)
def test_real_people_beside_a_scenario_opener_or_a_next_person_are_still_flagged(draft):
    assert linter.lint(draft).decision == "block"


def test_an_offer_of_what_anyone_can_do_is_no_record():
    """ "You can…" tells the reader what the service offers; the models' reading of a sensitive claim
    defers to the grammar there, as for staff and made-up scenarios."""
    draft = "You can order repeat antidepressant prescriptions through the app now."
    assert linter.lint(draft).decision == "pass"
    assert [s.label_ for s in linter.get_linter().nlp(draft)._.not_claims] == ["offer"]


@pytest.mark.parametrize(
    "draft",
    [
        "Could you tell us why 40 of you cancelled your IVF plan?",  # a question, with a group in it
        "You could say 40 of you really love our fertility podcast.",  # the offer holds a claim
    ],
)
def test_a_question_or_an_offer_holding_a_claim_is_still_read(draft):
    assert linter.lint(draft).decision == "block"


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("@pip.w 18,500 of you picked up a repeat prescription from us in March", 18500),
        ("@wes.t roughly 31,000 of you renewed your asthma inhaler with us in May", 31000),
    ],
)
def test_a_reply_that_shares_a_groups_statistic_is_about_the_group(draft, n):
    """The parse can make the @handle the subject ("@pip … picked up"); the count is, and the special
    category is the group's, not the account's."""
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] == [n] and result.decision == "warn"


@pytest.mark.parametrize(
    "draft",
    [
        "Morning-after pill refills through our app jumped by a third in Hove this spring.",
        "Searches for 'payday loan' in our app spiked the day before rent was due.",
        "Most dedicated listener award: account #4471, with 3,100 plays of one lullaby this year.",
    ],
)
def test_what_no_grammar_rule_finds_the_post_model_blocks(draft):
    assert linter.lint(draft).decision == "block"


def test_a_post_model_finding_points_at_a_sentence_and_says_why():
    rules = linter.get_linter().pack.rules
    only_post = linter.Config(disable=frozenset(r.id for r in rules if r.check != "post"))
    text = "Big month for the shop. Morning-after pill refills through our app jumped by a third in Hove this spring."
    findings = linter.lint(text, only_post).findings
    assert findings
    for finding in findings:
        assert finding.text == "Morning-after pill refills through our app jumped by a third in Hove this spring."
        assert finding.because["model"] == "post"
        assert finding.because["score"] >= finding.because["threshold"]
        assert finding.because["decision_score"] >= finding.because["decision_threshold"]
        assert because_text(finding.because).startswith(f"post model: {finding.because['label']} ")


def test_the_post_model_defers_to_a_rule_that_found_the_same_category():
    text = "Morning-after pill refills through our app jumped by a third in Hove this spring."
    findings = linter.lint(text).findings
    exact = {f.category for f in findings if "model" not in f.because}
    assert not [f for f in findings if f.because.get("model") == "post" and f.category in exact]


def test_the_post_model_speaks_only_where_some_sentence_reads_as_a_claim():
    """An organisation's own news on a sensitive topic, a reply that only answers: where the grammar found
    no claim and the sentence model reads none in any sentence, the post model's reading is not enough."""
    engine = linter.get_linter()
    post_rules = [r for r in engine.pack.rules if r.check == "post"]
    assert all(r.params["claim_score"] > 0 for r in post_rules)
    norm = normalise("Morning-after pill collections through our app jumped by a third in Hove this spring.")
    doc = engine.nlp(norm.text)
    assert not doc._.claims  # the grammar finds no cohort here: only the models read it
    assert any(f.because.get("model") == "post" for f in engine.result(doc, norm).findings)
    doc._.sentence_scores = [(a, b, {**scores, "claim": 0.0}) for a, b, scores in doc._.sentence_scores]
    assert not any(f.because.get("model") == "post" for f in engine.result(doc, norm).findings)


@pytest.mark.parametrize(
    "draft",
    [
        "Our sexual health clinic on Mill Lane now opens until 8pm on Thursdays.",
        "@rory_t thanks for flagging the broken lift, our station team is on it now.",
        "Proud to fund two more debt advisers at the Eastgate food bank this winter.",
    ],
)
def test_organisation_news_and_plain_replies_pass(draft):
    assert linter.lint(draft).decision == "pass"


def test_a_post_the_post_model_reads_as_harmless_keeps_its_findings_but_suppressed():
    engine = linter.get_linter()
    norm = normalise("Someone in Leeds watched Holiday Baking every night this week: are you okay?")
    doc = engine.nlp(norm.text)
    doc._.post_scores = {**doc._.post_scores, "flag": engine.pack.harmless_below / 2}
    quiet = engine.result(doc, norm)
    assert quiet.decision == "pass"
    assert quiet.findings and all(f.suppressed and "harmless" in f.reason for f in quiet.findings)
    doc._.post_scores = {**doc._.post_scores, "flag": 0.99}
    assert engine.result(doc, norm).decision == "block"


def test_a_small_group_counted_from_the_posts_numbers_stands_whatever_the_post_model_reads():
    """PL102 says `harmless_veto: false`: its finding stays unsuppressed; the others in the post may go."""
    engine = linter.get_linter()
    norm = normalise("1 in 40,000 riders has never missed a Monday. With 2 million of you riding, that's a tiny club.")
    doc = engine.nlp(norm.text)
    doc._.post_scores = {**doc._.post_scores, "flag": engine.pack.harmless_below / 2}
    result = engine.result(doc, norm)
    assert result.decision == "block"
    assert [(f.rule, f.suppressed) for f in result.findings if f.rule == "PL102"] == [("PL102", False)]


def test_in_a_long_post_the_post_models_whole_reading_does_not_overrule_an_exposing_sentence():
    engine = linter.get_linter()
    norm = normalise(
        "Our Northgate store opens on Saturday with free coffee from 8am. We have hired fourteen new colleagues, "
        "the cafe seats forty, and the car park is free after six. In its trial week, 12 shoppers there bought "
        "a pregnancy test. Come and say hello, and bring the dog: water bowls are by the door."
    )
    doc = engine.nlp(norm.text)
    assert len(doc) >= WHOLE_POST_READ_TOKENS
    doc._.post_scores = {**doc._.post_scores, "flag": engine.pack.harmless_below / 2}
    result = engine.result(doc, norm)
    assert result.decision == "block"
    assert {f.text for f in result.findings if f.severity == "block" and not f.suppressed} >= {"12", "pregnancy test"}


@pytest.mark.parametrize(
    ("draft", "taunt"),
    [
        ("300 of you were still gaming at 4am. Way past your bedtime!", "past your bedtime"),
        ("250 of you played the finale twice before noon. Bedtime?", "Bedtime"),
        ("300 of you played our new bedtime stories on Sunday night.", None),  # the thing, not the taunt
    ],
)
def test_bedtime_is_a_taunt_only_when_said_to_the_users(draft, taunt):
    taunts = words_flagged(draft, "PL401")
    assert taunts == ([taunt] if taunt else [])


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        # a bound before a number: "fewer than 100" is 99 at most, so under 100; "over 100" is at least 100
        ("Fewer than 100 gamers have beaten the final boss on expert.", 99),
        ("Nearly a hundred households in Kent kept the heating on all night.", 99),
        ("Just under 10,000 members reordered their inhalers through the app.", 9999),
        ("Over 100 riders took the last tram on Friday.", 100),
        # a nation's people by a demonym that is not the country's name with an ending
        ("1.8 million Germans streamed the final every night for a week.", 1_800_000),
        ("300 Danes ordered smørrebrød on Friday.", 300),
        # "only" and "just" say how few, not fewer than: "only 100" is 100
        ("Only 100 ppl have unlocked the gold badge so far.", 100),
        ("Just 40 members reached level 50 this month.", 40),
        # lakh and crore multiply
        ("Over 3 lakh riders booked a ride home after the final.", 300_000),
        ("Two lakh members renewed in March.", 200_000),
        ("1.2 crore listeners streamed the new album this week.", 12_000_000),
        # vague sizes at their own lower bound
        ("Tens of thousands of you used the sleep-anxiety course this winter.", 10_000),
        ("Hundreds of thousands of you streamed the finale.", 100_000),
        ("Thousands of you used the sleep-anxiety course this winter.", 1_000),
        ("A couple of hundred of you ordered the winter box this week.", 100),  # not "a couple": two people
        ("A couple of thousand of our riders took the night bus.", 1_000),
        # a range whose multiplier is said once, at its upper end; a plus after lakhs
        ("Somewhere between 4 and 5 million of you caught our cup replay.", 4_000_000),
        ("2 lakh+ riders booked a cab with us this year.", 200_000),
        # a ratio's base named before it
        ("Of our 60,000 members, 1 in 1,000 has rewatched the whole box set twice.", 60),
        ("Of our 60,000 members, one in a thousand has rewatched the whole box set twice.", 60),
    ],
)
def test_n_is_read_as_the_policy_counts_it(draft, n):
    assert [c["n"] for c in linter.lint(draft).claims] == [n]


def test_a_sentence_adverb_before_a_comma_is_not_part_of_the_group():
    """The parse hangs "Frankly," on the count; the group's words, which fixes rewrite, start after it."""
    result = linter.lint("Frankly, the 71,400 of you who renamed a playlist after a pet? Icons.")
    assert [c["cohort"]["text"] for c in result.claims] == ["the 71,400 of you"]


@pytest.mark.parametrize(
    "draft",
    [
        "6,000 listeners saved our Northern Drift playlist this week.",
        "Some 4,300 listeners replayed our Polar Nights mix this winter.",
    ],
)
def test_a_name_the_recogniser_calls_a_place_before_a_product_noun_is_the_products(draft):
    assert not [f for f in linter.lint(draft).findings if f.rule == "PL302"]


def test_a_team_or_office_with_a_before_it_is_not_our_staff():
    result = linter.lint("Somebody at an office in Derby ordered 200 party hats on Tuesday.")
    assert [c["n"] for c in result.claims] == [1] and result.decision == "block"
    assert not linter.lint("A member of our team ran 40 miles for the hospice.").claims  # ours: staff


def test_an_account_thanked_by_handle_is_one_user():
    result = linter.lint("Thank you, @jo_travels, for booking 25 stays with us this year!")
    assert [(c["cohort"]["text"], c["n"]) for c in result.claims] == [("@jo_travels", 1)]


def test_a_library_loan_is_not_debt():
    """The lexicon's reading. (Sentence model v14 scores the library sentence over 0.5 for "sensitive", a
    known false alarm of the model listed in docs/accuracy.md.)"""
    library = linter.lint("About 3,200 members extended their e-book loans in May.")
    assert not any(c["sensitive"] for c in library.claims) and "PL201" not in {f.rule for f in library.findings}
    assert "PL201" in {f.rule for f in linter.lint("About 3,200 members took out a loan with us in May.").findings}


@pytest.mark.parametrize(
    ("draft", "rules"),
    [
        ("Railcard holders aged 15–16 made 1,800 journeys to the college on exam day.", {"PL201"}),
        ("40 season-ticket holders booked the early train on Saturday.", {"PL102"}),
        ("The 12 under-9s logged 600 km on the family step tracker this month.", {"PL102", "PL201"}),
        ("To the 9 season-ticket holders who came to every home game this season: drinks on us!", set()),
        ("Over 3,000 of you aged 25 to 34 booked a city break.", set()),
        ("Riders aged 15–18 booked the skate park on 900 evenings this year.", {"PL201"}),
        ("Savers aged 16–24 opened 4,000 new accounts this spring.", set()),
    ],
)
def test_an_age_under_18_is_about_children_and_holders_are_people(draft, rules):
    """An age group under 18 ("under-9s", "aged 15–16", "aged 15–18" with the en dash the tokenizer keeps
    inside one word) is children's activity, not a band that runs on past 18 ("aged 16–24"); a ticket or
    card holder is a user; a home game is a public event."""
    found = {f.rule for f in linter.lint(draft).findings if f.rule in {"PL102", "PL201"}}
    assert found == rules


def test_an_age_is_read_after_the_cohort_and_a_bound_before_of_is_a_size():
    result = linter.lint("Listeners under 25 streamed the album on Friday.")  # the parse hangs "under" on the verb
    assert [a["text"] for a in result.claims[0]["age"]] == ["under 25"]
    result = linter.lint("Just under 100 of you have opened the beta.")
    assert [c["n"] for c in result.claims] == [99] and not result.claims[0]["age"]


@pytest.mark.parametrize(
    ("draft", "decision"),
    [
        ("Our breakfast presenter Ola has played the same jingle 30 times this week. We've had a word.", "pass"),
        ("Our librarian Ravi has renewed his own copy of the atlas 25 times. He's nearly done.", "pass"),
        ("Our courier Tomasz did 58 deliveries in the storm on Friday.", "block"),  # works through the platform
        ("Our head chef Ana baked 300 croissants before 6am on Friday.", "pass"),
        ("Our pharmacists Ana and Ben refilled inhalers for 40 patients in Leeds on Friday.", "block"),
        ("Our host, Mirela, has replayed the trivia episode 20 times this week.", "pass"),  # a show's host
        ("72 of our hosts in Harrogate paused their listings on Boxing Day.", "block"),  # platform hosts
        ("Only 40 sellers in Leith shipped an order on New Year's Day.", "block"),
        ("Shout-out to Idris, one of our couriers, who according to the app has completed 3,100 deliveries.", "block"),
        ("17,000 of you came to the late opening, and the top seller was the fig tart.", "pass"),
        # after a greeting, the role and name alone say whose they are
        ("Meet volunteer guide Harold, who has led the castle tour 900 times since 2010.", "pass"),
        ("Hats off to mechanic Priya, who has kept our trams running every winter since 2009.", "pass"),
        ("Congrats to superfan Dina, who has streamed our show 400 times!", "block"),
    ],
)
def test_a_sentence_about_our_own_staff_by_role_and_name_is_not_about_users(draft, decision):
    """Staff the organisation names by role and name are not users, unless the sentence names users too;
    couriers, hosts and sellers work through the platform and are users (POLICY), and "according to the
    app" is our own record, not an outside source."""
    assert linter.lint(draft).decision == decision


def test_people_who_work_through_the_platform_are_counted_as_users():
    claims = linter.lint("210 hosts paused their listings for the spring break.").claims
    assert [(c["cohort"]["text"], c["n"]) for c in claims] == [("210 hosts", 210)]
    claims = linter.lint("Thanks to the 480 supporters who have given every week since May.").claims
    assert [(c["cohort"]["text"], c["n"]) for c in claims] == [("the 480 supporters", 480)]
    assert not linter.lint("Our best seller this month was the rye loaf.").claims


@pytest.mark.parametrize(
    ("draft", "n", "places"),
    [
        ("Around 250 Bristolians rode the new night bus in its first week.", 250, ["Bristolians"]),
        ("Glaswegians ordered more soup than anyone else this winter.", None, ["Glaswegians"]),
        ("8% of Dubliners who ordered in May tried the new curry.", None, ["Dubliners"]),
        ("A Mancunian booked 30 rides on Sunday.", 1, ["Mancunian", "on Sunday"]),
        ("Italians booked more train tickets than anyone this summer.", None, []),  # a nation's people
        ("Our rides doubled in Glasgow. Glaswegians, who are you dressing up for?", None, ["Glaswegians"]),
    ],
)
def test_a_towns_people_are_a_cohort_and_the_town_narrows(draft, n, places):
    """Residents and demonyms of a place are a cohort; the place is narrowing detail when smaller than a
    country (POLICY). "Bristolians" is read from the towns list, "Mancunians" from the irregular ones."""
    (claim,) = linter.lint(draft).claims
    assert claim["n"] == n
    assert [p["text"] for p in claim["place"] + claim["time"]] == places


@pytest.mark.parametrize(
    ("draft", "places"),
    [
        ("Mancunians, you made our rain poncho the city's top seller this week.", ["Mancunians"]),
        ("Hi Dubliners! You booked more taxis than any other city this month.", ["Dubliners"]),
        ("Italians, you streamed our opera playlist more than anyone.", []),  # a nation's people
    ],
)
def test_a_towns_people_spoken_to_narrow_what_you_did(draft, places):
    """A town's people addressed about what "you" did are the cohort, as the town itself is ("Leeds,
    you…"), so the town narrows it."""
    (claim,) = linter.lint(draft).claims
    assert [p["text"] for p in claim["place"]] == places


@pytest.mark.parametrize(
    "draft", ["Ramadan Mubarak to all of you celebrating tonight.", "Hamburgers sold out by noon at the stall."]
)
def test_a_name_with_a_demonyms_ending_is_not_always_a_towns_people(draft):
    claims = linter.lint(draft).claims  # hamburgers that sold are a trend of buyers, but of no town
    assert not any(c["place"] or c["cohort"].get("label") == "place" for c in claims)


@pytest.mark.parametrize(
    ("draft", "sensitive"),
    [
        ("300 of you rode the heritage railway on its opening weekend.", False),  # not ethnicity
        ("Some of you streamed our Pride playlist all month.", True),
        ("We take pride in our playlists, and 2,000 of you saved one this week.", False),  # the feeling
        ("Some of you finished the true-crime podcast in a single night.", False),  # a genre, not a crime
        ("Friday mood: 2,300 of you ordered pizza before noon.", False),  # a feeling, not mental health
        ("Only 40 of you swiped your card at the Hull depot before 6am.", False),  # a card, not a match
        ("Only 40 of you swiped right on a match in Hull after midnight.", True),
        ("Mixed-heritage families in Leyton ordered the combo box twice as often.", True),
        ("9 of you reported a crime through the app this week.", True),
        ("40 of you logged a low mood in the app on Monday.", True),
        ("Eid Mubarak ✨ 3,000 of you set a sehri alarm in the app this week.", True),
        ("A few of you in Ashby promised to vote for us on the doorstep and then stayed home.", True),
        ("Some of you joined a union through our app this year.", True),
        ("Some of you joined our supper club twice this month — Larder Union", False),  # the signature
        ("Some of you on Hospital Road topped up your meters twice this week.", False),  # a street's name
        ("A few of you near Union Square rented a scooter after the match.", False),
        # an everyday sense that the post's other words show (rules/lexicons/sensitive.yaml)
        ("Some of you took out 30 loans each this term. Our library shelves are bare!", False),
        ("90 of you renewed loans on the same thriller 6 times. Novels win again.", False),
        ("Some of you took out 30 loans each this term at our branch.", True),  # no library words
        ("A few of you borrowed crime and horror every week from our Elm Road library.", False),
        ("9 of you reported a crime at our Elm Road car park this week.", True),
        # a family of words, not one word: services of worship, a condition, going on a date
        ("Some of you set a reminder for evensong in our app every week this winter.", True),
        ("Only 40 of you bought the tinnitus earplugs in our Hove shop on Friday.", True),
        ("A few of you went on a date booked through our app in Hove last week.", True),
        ("Some of you ordered the mass-market paperback twice this week.", False),
        ("Some of you took a cash-out before the final whistle on Sunday.", True),
        ("Some of you in Leyton reordered the 4c hair butter every fortnight.", True),
    ],
)
def test_words_of_a_special_category_only_in_that_sense(draft, sensitive):
    assert ("PL201" in {f.rule for f in linter.lint(draft).findings}) is sensitive


@pytest.mark.parametrize(
    ("draft", "details"),
    [
        ("Some of you ordered after midnight this week — Temple Street Books", {"time"}),
        ("Some of you ordered the Sunday roast this week — Kitchen York", set()),  # a town, read as a place
    ],
)
def test_the_organisations_signature_is_no_detail_of_its_users(draft, details):
    """ "… — Temple Street Books": the name the post is signed with says nothing about the users, neither
    in the lexicons' details nor in the places the entity recogniser finds."""
    assert {s.label_ for s in linter.get_linter().nlp(draft).spans["postlint_details"]} == details


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("Our 7am commuters topped up every weekday in June.", None),  # not counted by the hour
        ("Couriers in Porto delivered 14% more parcels this spring than last.", None),
        ("Hosts in Porto welcomed record numbers of families in July.", None),  # "Hosts" tagged as a name
    ],
)
def test_neither_a_clock_time_nor_a_capitalised_plural_is_a_count(draft, n):
    """ "7am" is no count of 7 people, and a plural the tagger took for a name is no one person."""
    assert {c["n"] for c in linter.lint(draft).claims} <= {n}


@pytest.mark.parametrize(
    ("draft", "places"),
    [
        ("Cardiff topped our UK chart for oat milk orders this summer.", ["Cardiff"]),
        ("Leicester streamed more rain sounds than anywhere else this year.", ["Leicester"]),
        ("Krakow bookings rose 48% year on year.", ["Krakow"]),
        ("Norway ordered more pizza than anyone this year.", []),  # a country does not narrow
    ],
)
def test_a_place_that_did_what_users_do_stands_for_its_users(draft, places):
    """An aggregate trend is a claim with n unknown; a place as its doer, or ranked on a chart of it, is
    the cohort's place (POLICY, settled questions)."""
    (claim,) = linter.lint(draft).claims
    assert claim["n"] is None
    assert [p["text"] for p in claim["place"]] == places


def test_a_festival_as_the_subject_is_a_time_not_a_place():
    claims = linter.lint("This Diwali, 52,000 of you ordered sweets. Happy Diwali from all of us 🪔").claims
    assert [c["cohort"]["text"] for c in claims] == ["52,000 of you"]


@pytest.mark.parametrize(
    ("draft", "claimed"),
    [
        ("Students order 3x more noodles than anyone else.", True),  # a measured comparison reads the records
        ("Glaswegians order more soup than anyone else in the UK.", True),
        ("Customers love the new oat latte.", False),  # a generic statement
        ("Readers say the new app is easier on the eyes.", False),
    ],
)
def test_the_present_tense_with_a_measure_is_still_a_record(draft, claimed):
    assert bool(linter.lint(draft).claims) is claimed


def test_a_name_after_a_preposition_of_time_is_not_a_place():
    (claim,) = linter.lint("Orders of tent pegs are up 40% since Easter, and 14 of you ordered two.").claims[:1]
    assert all(p["text"] != "Easter" for p in claim["place"])


@pytest.mark.parametrize(
    "draft",
    [
        "Over 30,000 of you paired up with someone who also collects vinyl 🎶",
        "Thousands of our members sent a gift card to someone who had a birthday in May.",
    ],
)
def test_someone_as_the_partner_of_a_groups_activity_is_not_one_user(draft):
    """The record is the group's; "someone" is whoever they matched with or gave to."""
    assert [c["n_kind"] for c in linter.lint(draft).claims] != [] and all(
        c["n_kind"] != "singular" for c in linter.lint(draft).claims
    )


@pytest.mark.parametrize(
    ("draft", "shaming"),
    [
        ("Some of you have replayed the breakup album 30 times this week. Bless you.", True),
        ("2,400 of you walked our charity 10k on Sunday. God bless you all!", False),  # a blessing
    ],
)
def test_bless_you_pities_but_a_blessing_does_not(draft, shaming):
    assert ("PL401" in {f.rule for f in linter.lint(draft).findings}) is shaming


@pytest.mark.parametrize(
    ("draft", "shaming"),
    [
        ("40 of you bought party hats at 4am. What happened, friends?", True),
        ("Some of you streamed the rain playlist 9 times on Sunday. We'd love to know what happened.", True),
        ("Checkout was down for an hour and 3,000 of you could not pay. Here's what happened: a bad update.", False),
        ("2,000 of you could not log in on Monday. We're sorry about what happened and have fixed it.", False),
    ],
)
def test_what_happened_asked_of_users_mocks_but_a_story_of_what_happened_does_not(draft, shaming):
    assert ("PL401" in {f.rule for f in linter.lint(draft).findings}) is shaming


@pytest.mark.parametrize(
    ("draft", "rules"),
    [
        ("Searches for 'paddling pools' went up 6x this summer.", set()),  # growth of a total, not a habit
        ("Some of you replayed the trailer 6x this week.", {"PL301"}),
        ("Dumpling orders in Soho tripled during the lantern parade 🏮", {"PL302"}),  # a record, at an event
    ],
)
def test_aggregate_growth_is_not_repetition_and_an_event_does_not_make_orders_public(draft, rules):
    found = {f.rule for f in linter.lint(draft).findings if f.rule in {"PL301", "PL302"}}
    assert found == rules


@pytest.mark.parametrize(
    ("draft", "cohort"),
    [
        ("One shopper's trolley on Friday held 40 lemons and a single candle.", "One shopper"),
        ("Somebody's playlist in Bangor ran the same lullaby 30 times last night.", "Somebody"),
    ],
)
def test_one_persons_belongings_doing_something_is_one_user(draft, cohort):
    """A singular possessor whose basket, trip or speaker did something is the one user the record is
    about; "Mother's Day" and a brand like "Punter's Edge" are names, not possessors."""
    claims = linter.lint(draft).claims
    assert [(c["cohort"]["text"], c["n"]) for c in claims] == [(cohort, 1)]
    assert not linter.lint("Card orders in the week before Mother's Day were up 40% on last year.").claims[1:]


@pytest.mark.parametrize(
    ("draft", "cohort", "n"),
    [
        ("The glitch hit 340 listeners who'd saved the album before Friday.", "340 listeners", 340),  # had saved
        ("20,000 of you ordered a cake you'd picked from the spring menu.", "20,000 of you", 20000),  # the same you
    ],
)
def test_had_contracted_is_a_record_and_a_counted_you_is_not_counted_again(draft, cohort, n):
    claims = linter.lint(draft).claims
    assert [(c["cohort"]["text"], c["n"]) for c in claims] == [(cohort, n)]


def test_would_contracted_is_still_no_record():
    assert linter.lint("Anyone who'd enjoy a free pastry, pop in on Saturday.").claims == ()


@pytest.mark.parametrize(
    ("draft", "claimed"),
    [
        ("The loyalty app shows that 38 of you have switched to oat milk since March.", True),  # our app
        ("Our booking data shows that 45 of you cancelled on Monday.", True),
        ("A travel survey shows that 12% of commuters cycled to work last year.", False),  # someone else's
        ("A recent study found that 40% of adults skip breakfast.", False),
        # the word names a thing bought or picked up, not where the figure comes from
        ("Only 14 members bought the new study edition of the atlas at our Crewe branch.", True),
        ("Just 9 shoppers picked up the survey kit at our Hull store.", True),
        # what a record or a fact "told us" is our reading of it; a person telling us is a testimonial
        ("Our meter data told us 15 of you ran the dryer at 2am.", True),
        ("The stair-climb challenge drew 700 of you on Monday alone, which told us plenty.", True),
        ("Marta told us she has booked 60 classes, and said we could share it.", False),
    ],
)
def test_what_our_own_app_or_data_shows_is_our_record_not_an_outside_source(draft, claimed):
    assert bool(linter.lint(draft).claims) is claimed


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("Our inspectors fined 18 riders on the Number 9 last week for skipping the fare.", 18),
        ("We suspended 6 accounts in March for reselling concert codes.", 6),
    ],
)
def test_what_we_did_to_users_for_what_they_did_is_a_claim_about_them(draft, n):
    """A stop, a fine or a ban tells what the organisation's records show those users did."""
    assert [c["n"] for c in linter.lint(draft).claims] == [n]


@pytest.mark.parametrize(
    ("draft", "count"),
    [
        ("900 members signed up for Plank Month. Only 6 planked every single day of it.", "Only 6"),
        ("3,000 of you entered the quiz. 11 answered every question right.", "11"),
        ("We have 3,000 members. 2025 was our best year yet.", None),  # a year, not a count
        ("1/2 Our 4,000 members voted. 2/2 Results are on the site.", None),  # a thread's numbering
        # in the same sentence, placed, or described by a "who" clause
        ("Over 50,000 members booked a class, including 12 who booked every single day.", "12"),
        ("9,000 riders joined the step challenge. 14 in Bath finished it twice.", "14"),
        ("Over 40,000 members streamed the derby, including 9 in St Ives who watched it twice.", "9"),
        ("Of our 9 million riders, one took 1,900 trips this year.", "one"),
        # not people: a time, a ratio, a pronoun
        ("4,000 riders were picked up between midnight and 1am on Sunday.", None),
        ("Out of our 300,000 members, 1 in 20 logged a workout every day in May.", None),
    ],
)
def test_a_bare_count_after_a_counted_group_is_that_many_of_them(draft, count):
    cohorts = [c["cohort"]["text"] for c in linter.lint(draft).claims]
    assert (count in cohorts) if count else all(not c[0].isdigit() or " " in c for c in cohorts)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "people"),
    [
        (["Only", "6", "finished", "."], [1, 2, 2, 2], ["advmod", "nsubj", "ROOT", "punct"], True),
        # "which" hung on the verb, as the parser can: "one" is still a pronoun, not a count of people
        (["Which", "one", "is", "yours", "?"], [2, 2, 2, 2, 2], ["attr", "nsubj", "ROOT", "attr", "punct"], False),
    ],
)
def test_a_bare_count_reads_as_people_by_its_parse(words, heads, deps, people):
    doc = Doc(linter.get_linter().nlp.vocab, words=words, heads=heads, deps=deps)
    assert _reads_as_people(doc[1]) is people


@pytest.mark.parametrize(
    ("draft", "cohort"),
    [
        ("Order #55120 held 9 jars of pickles and a tiara.", "Order #55120"),
        ("Member no. 0731 has done 250 spin classes this year.", "Member no. 0731"),
        ("Basket #3302 contained 12 tubs of hummus this morning.", "Basket #3302"),
        ("Order #3,000,000 went out this morning. Thank you all!", None),  # a milestone, not an account
        # one person's record with no verb of its own, wherever it sits; not in an invitation
        ("The free coffee goes to a rider on their 500th trip this week.", "a rider"),
        ("Our lemon drizzle is back because of one regular's standing order.", "one regular"),
        ("Fill someone's basket with treats this Christmas.", None),
    ],
)
def test_one_customers_record_or_id_is_one_customer(draft, cohort):
    claims = linter.lint(draft).claims
    if cohort is None:
        assert not claims
    else:
        assert [(c["cohort"]["text"], c["n"]) for c in claims] == [(cohort, 1)]


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("We checked: a quarter of our 80,000 members renewed early this year.", 20000),
        ("A quarter of our 60 members in Ayr booked the sauna at 5am.", 15),
        ("One quarter of our 4,000 riders took the night bus home.", 1000),
    ],
)
def test_a_fraction_named_by_its_noun_is_a_share_of_the_group_after_it(draft, n):
    assert [c["n"] for c in linter.lint(draft).claims] == [n]
    assert not linter.lint("Last quarter our revenue grew 20%.").claims


@pytest.mark.parametrize(
    "draft",
    [
        "A round of applause for our 25 warehouse colleagues who gave blood together at Friday's donor session 🩸",
        "The 6 students on placement here this term baked 400 scones.",
    ],
)
def test_a_sentence_whose_only_people_are_our_staff_reports_no_users(draft):
    """Staff counted as ours, with no user word, no "you" and no other name beside them: whatever the
    sentence's topic (blood donation here), the models may not read it as users' behaviour. Students on a
    work placement are staff."""
    assert linter.lint(draft).decision == "pass"


@pytest.mark.parametrize(
    "draft",
    [
        "Our night team saw one guest order pancakes at 3am 4 nights running.",
        "Our baristas noticed you ordered 9 lattes before noon, Sam.",
    ],
)
def test_staff_who_report_what_a_user_did_still_report_it(draft):
    assert linter.lint(draft).decision == "block"


def test_an_emoji_is_never_a_place():
    result = linter.lint("Savers tucked away £9m in our jam-jar pots this year 🐷💷")
    assert all(any(c.isalpha() for c in f.text) for f in result.findings)


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        # "you're one of" said to the audience speaks to each of the group: the group is the claim
        ("If you're one of the 300 cyclists who renewed their locker in June, thanks!", 300),
        ("Were you one of only 14 guests who tried the eel ice cream?", 14),
        ("Imagine being one of the 90,000 people who renewed on launch day.", 90000),
        ("You are one of the 700 members who rowed in the rain. Huge thanks to @coach_li for the playlist!", 700),
        # said to one account, or of a named user, it is that one's record
        ("@mo_t you're one of 6,000 members who finished every class this year!", 1),
        ("Hey Jo! You're one of 2,500 riders who took the ferry on Sunday.", 1),
        # a quantity picking one out of a group is still one person
        ("One of the 800 guests who borrowed a kayak left a kite behind.", 1),
    ],
)
def test_you_are_one_of_a_group_is_the_group_unless_one_account_is_spoken_to(draft, n):
    assert [c["n"] for c in linter.lint(draft).claims] == [n]


@pytest.mark.parametrize(
    ("draft", "claimed"),
    [
        ("Looks like you have been ordering a lot of oat milk lately 👀", True),  # what went on until now
        ("Have you been keeping up with the new season?", False),  # asks
        ("You keep your loyalty points when you switch plans.", False),  # an offer
    ],
)
def test_you_have_been_doing_is_a_record(draft, claimed):
    assert bool(linter.lint(draft).claims) == claimed


@pytest.mark.parametrize(
    "draft",
    [
        "Ferry journeys out of Oban rose 25% over Easter.",
        "Audiobook streaming in Lancaster jumped 40% in exam season.",
        "Spin-class workouts in Swindon doubled after the heatwave.",
    ],
)
def test_activity_that_rose_or_fell_in_a_town_is_narrowed_by_it(draft):
    result = linter.lint(draft)
    assert [f.because["detail"] for f in result.findings if f.rule == "PL302"] == ["place"]


@pytest.mark.parametrize(
    "draft",
    [
        "Since we rolled out Night Saver, 90,000 riders have used it for every single journey home.",
        "40,000 members booked every class in March.",
        "Our 20,000 regulars made every visit count this spring.",
    ],
)
def test_every_journey_visit_or_class_is_repetition_and_a_plan_named_after_users_is_not_people(draft):
    result = linter.lint(draft)
    assert all(c["n"] for c in result.claims)  # the plan is no group of unknown size
    assert [f.because["detail"] for f in result.findings if f.rule == "PL301"] == ["repetition"]


@pytest.mark.parametrize(
    ("draft", "cohort"),
    [
        # activity capitalised at a sentence's start after emoji is still activity, not a named customer
        ("Match day 🏉 Searches in Cardiff spiked at noon.", "Searches"),
        ("Priya from Rotherham booked 30 lessons this term.", "Priya"),
    ],
)
def test_a_capitalised_activity_noun_is_activity_and_a_placed_name_one_user(draft, cohort):
    assert [c["cohort"]["text"] for c in linter.lint(draft).claims] == [cohort]


def test_a_verb_of_studying_is_not_an_outside_study():
    result = linter.lint("A reader in Kendal has had our Rain for Studying mix on for 900 hours this year.")
    assert result.decision == "block"
    assert linter.lint("A study by Kendal College found 40 people read daily.").decision == "pass"


@pytest.mark.parametrize(
    ("draft", "sensitive"),
    [
        ("Around 600 riders took a free ride to the polls on election day.", True),  # an election
        ("Over 500 of you voted for the new flavour. Mango wins!", False),  # a public poll of ours
        ("9,000 of you voted in our Best Pie poll!", False),
    ],
)
def test_voting_in_an_election_is_private_and_a_poll_of_ours_public(draft, sensitive):
    result = linter.lint(draft)
    assert (result.decision == "block") == sensitive
    assert any(f.rule == "PL201" for f in result.findings) == sensitive


@pytest.mark.parametrize(
    ("draft", "places"),
    [
        # a chart that is a town's own, or users', is what they did there; ours is our opinion
        ("Swansea's favourite audiobook this spring? 'The Salt Road'", ["Swansea"]),
        ("Derby's most-rented film of the summer: 'Low Sun'.", ["Derby"]),
        ("Our favourite audiobook this spring? 'The Salt Road'", None),
    ],
)
def test_a_towns_favourite_or_top_chart_is_a_claim_placed_by_the_town(draft, places):
    """The grammar's claim; whether it is flagged is left to the sentence model's doubt, as for any chart."""
    result = linter.lint(draft)
    if places is None:
        assert not result.claims and result.decision == "pass"
    else:
        assert [[p["text"] for p in c["place"]] for c in result.claims] == [places]


@pytest.mark.parametrize(
    "draft", ["Leeds ordered 800,000 pasties this year.", "Dundee rented more canoes than anywhere else."]
)
def test_a_town_the_tagger_calls_a_common_noun_still_stands_for_its_users(draft):
    assert [f.rule for f in linter.lint(draft).findings if f.rule == "PL302"] == ["PL302"]


@pytest.mark.parametrize(
    ("draft", "detail"),
    [
        ("700 guests booked a spa day on their birthday last year.", "on their birthday"),
        ("3,000 of you ordered oysters on your wedding anniversary.", "on your wedding anniversary"),
    ],
)
def test_each_persons_own_day_is_a_single_day(draft, detail):
    assert words_flagged(draft, "PL302") == [detail]


def test_a_count_the_parse_made_the_object_of_its_bound_is_still_the_groups_count():
    """The parse often reads "Over 74,000" after an emoji as a preposition and its object."""
    draft = "Night buses now run across Austin 🚌 Over 74,000 Austin riders travelled with us last year — and now you can get home later."
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] == [74000]
    assert result.decision == "pass"


@pytest.mark.parametrize(
    ("draft", "flagged"),
    [
        ("Texans ordered more brisket this spring than anyone.", "Texans"),  # a state's people: narrowing
        ("Americans streamed more sad songs during halftime than on any other night.", "during halftime"),
        ("Americans streamed 40% more podcasts this year.", None),  # a country's people do not narrow
        ("Russians booked more ski trips in 2025.", None),
    ],
)
def test_a_nations_or_states_people_and_a_moment_of_a_match(draft, flagged):
    found = words_flagged(draft, "PL302")
    assert found == ([flagged] if flagged else [])


@pytest.mark.parametrize(
    ("draft", "sensitive"),
    [
        ("Singles across Ireland matched 30% more in the first week of January than in December.", True),
        ("Gamblers on our app logged in 20% more during the World Cup.", True),
        ("Listeners across Ireland streamed 30% more in the first week of January than in December.", False),
    ],
)
def test_people_named_by_a_special_category_reveal_it_whatever_they_did(draft, sensitive):
    assert any(f.rule == "PL201" for f in linter.lint(draft).findings) == sensitive


@pytest.mark.parametrize(
    ("draft", "place"),
    [
        ("Scooter rides in the borough were up 40% this month.", "borough"),
        ("Boiler repair bookings across the county rose 12% in the cold snap.", "county"),
        ("Our district manager says thanks for a great year!", None),
    ],
)
def test_a_borough_county_or_district_is_a_place_smaller_than_a_country(draft, place):
    found = words_flagged(draft, "PL302")
    assert found == ([place] if place else [])


@pytest.mark.parametrize(
    ("draft", "place"),
    [
        ("Bristolians, we love you. Ice cream orders went up 40% in June 🍦", "Bristolians"),
        ("Hey Leeds! Quick one. Sunscreen orders tripled in March.", "Leeds"),
        ("Glaswegians, we love you. Over 50,000 shoppers ordered from us this year.", None),  # people of its own
        ("Hi everyone! Ice cream orders went up 40% in June 🍦", None),
    ],
)
def test_a_town_greeted_as_the_post_opens_places_a_trend_that_names_no_people(draft, place):
    found = words_flagged(draft, "PL302")
    assert found == ([place] if place else [])


@pytest.mark.parametrize(
    ("draft", "cohort"),
    [
        ("Why did pizza orders double on Sunday?", "pizza orders"),
        ("Glaswegians, a quick word. Why did umbrella orders triple the week it hit 30°C? ☔", "umbrella orders"),
    ],
)
def test_a_verb_of_change_the_tagger_misread_after_did_is_still_the_trend(draft, cohort):
    assert [c["cohort"]["text"] for c in linter.lint(draft).claims] == [cohort]


@pytest.mark.parametrize(
    ("draft", "size"),
    [
        ("A rising share of our savers dipped into their overdraft before payday this winter.", "A rising share"),
        ("A small proportion of you took the night bus on New Year's Eve.", "A small proportion"),
        ("A tiny fraction of our riders booked a seat on the 6:05.", "A tiny fraction"),
    ],
)
def test_a_share_or_proportion_of_a_group_is_a_group_of_unknown_size(draft, size):
    result = linter.lint(draft)
    assert [(c["size"]["text"], c["n"]) for c in result.claims] == [(size, None)]
    assert result.decision != "pass"


def test_our_share_of_a_market_is_not_a_group():
    assert linter.lint("Our share of the smart-speaker market grew 4% this year.").claims == ()


@pytest.mark.parametrize(
    ("draft", "blocks"),
    [
        ("Thousands of you split your sofa purchase with Pay in 4 this spring.", True),
        ("Hundreds of you chose pay-later for concert tickets in May.", True),
        ("Order now, pay later: the new checkout is live.", False),  # an offer, not what anyone did
    ],
)
def test_paying_later_in_instalments_is_debt(draft, blocks):
    assert (linter.lint(draft).decision == "block") == blocks


@pytest.mark.parametrize(
    ("draft", "behaviour"),
    [
        ("During the county fair, dozens of you rented e-bikes from the station dock.", "rented"),
        ("A few hundred of you reserved a table for the evening of the carnival.", "reserved"),
        ("Hundreds of you came to the opening night of the festival. Thank you!", None),  # attending: public
        ("Dozens of you ran the half-marathon on Saturday.", None),
    ],
)
def test_a_public_event_that_only_dates_a_purchase_leaves_it_private(draft, behaviour):
    claims = linter.lint(draft).claims
    assert [c["behaviour"]["text"] for c in claims] == ([behaviour] if behaviour else [])


@pytest.mark.parametrize(
    ("draft", "n", "decision"),
    [
        (
            "Children's profiles finished 40,000 bedtime stories in May, with 25,000 homes reading along.",
            25000,
            "warn",
        ),
        ("Children's accounts played 4 million games at Easter, with 40 households taking part.", 40, "block"),
    ],
)
def test_a_group_counted_in_a_with_clause_sizes_the_claim_it_hangs_on(draft, n, decision):
    result = linter.lint(draft)
    assert result.claims[0]["n"] == n
    assert result.decision == decision


LAYOUTS = {
    "leading space": ("  ", "", lambda text: text),
    "leading line break": ("\n", "", lambda text: text),
    "file's last newline": ("", "\n", lambda text: text),
    "blank lines and a tab at the end": ("", " \n\n\t", lambda text: text),
    "two spaces after a full stop": ("", "", lambda text: text.replace(". ", ".  ")),
}


@pytest.mark.parametrize(
    "draft",
    [
        "Only 8 customers ordered the vegan box in Bath this month.",
        "Hundreds of you streamed our rain playlist at night. Sleep tight.",
    ],
)
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_whitespace_a_person_or_a_file_adds_does_not_change_the_reading(draft, layout):
    """A leading space, a file's last newline or two spaces after a full stop were tokens of their own that
    could change the parse, and the findings, of the sentence beside them (`benchmarks/layout.py`)."""
    before, after, inside = LAYOUTS[layout]
    laid_out = before + inside(draft) + after
    typed, found = linter.lint(draft), linter.lint(laid_out)
    assert [f.rule for f in found.findings] == [f.rule for f in typed.findings]
    assert [laid_out[f.start : f.end] for f in found.findings] == [draft[f.start : f.end] for f in typed.findings]


@pytest.mark.parametrize(
    "draft",
    [
        "Half of you bailed on leg day by February, according to our app. Cowards, the lot of you 🙄",
        "The app data shows most of you skipped leg day in March. You absolute menaces.",
    ],
)
def test_name_calling_the_users_described_is_shaming(draft):
    assert any(f.rule == "PL401" for f in linter.lint(draft).findings)


def test_data_that_says_what_users_did_is_our_record_not_an_outside_report():
    """The lemmatiser makes "data" "datum": the organisation's own records must still be read as such."""
    assert [c["n"] for c in linter.lint("Meter data says 300 households left the heating on all weekend.").claims] == [
        300
    ]


@pytest.mark.parametrize(
    "draft",
    [
        "Our app data says 1 in 6 of you pause a workout halfway through.",
        "The app data says 1 in 8 of you skip the warm-up.",
    ],
)
def test_a_ratio_the_parse_split_is_a_rate_not_a_count(draft):
    """ "1 in 6 of you": the parse can hang "in 6" on the verb, and "6 of you" is not six people."""
    claims = linter.lint(draft).claims
    assert [(c["size"]["text"], c["n"]) for c in claims] == [(draft.split(" of you")[0].split("says ")[1], None)]


def test_a_count_after_a_call_outs_first_word_is_the_groups_count():
    result = linter.lint("Dear 900 Leeds riders who caught the late bus: thank you.")
    assert [c["n"] for c in result.claims] == [900]
    assert {f.rule for f in result.findings} >= {"PL103", "PL402"}


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("Dear 5,000 Cork riders who caught a scooter home after the derby: thank you!", [5000]),
        ("40 of you took a taxi home at 3am.", [40]),
        ("One home in Leeds used 900 kWh on Sunday.", [1]),  # a household
    ],
)
def test_a_vehicle_home_is_the_way_home_not_a_household(draft, n):
    assert [c["n"] for c in linter.lint(draft).claims] == n


@pytest.mark.parametrize(
    ("draft", "cohort", "detail"),
    [
        ("Soup orders up 65% in Dundee during the cold snap 🥣", "Soup orders", "Dundee"),
        ("taxi bookings +80% in Soho after the match", "taxi bookings", "Soho"),
        ("Ferry bookings down 30% on Saturday as the wind picked up", "Ferry bookings", "on Saturday"),
    ],
)
def test_a_rise_or_fall_written_without_a_verb_is_a_trend(draft, cohort, detail):
    """Stat cards and hurried posts drop the verb: "orders up 40%" is "orders rose 40%"."""
    result = linter.lint(draft)
    assert [(c["cohort"]["text"], c["n"]) for c in result.claims] == [(cohort, None)]
    assert detail in [f.text for f in result.findings if f.rule == "PL302"]


@pytest.mark.parametrize(
    ("draft", "cohort", "detail"),
    [
        # a headline the activity heads, its change read as a participle on it
        ("Bookings for padel lessons in Exeter spiked after the final.", "Bookings", "Exeter"),
        # calls, requests, refills and applications are activity users do
        ("Calls to our pension line from Truro doubled in March.", "Calls", "Truro"),
        ("Refill requests in Dover rose 20% this week.", "Refill requests", "Dover"),
    ],
)
def test_a_headline_trend_and_more_activity_nouns_are_trends(draft, cohort, detail):
    result = linter.lint(draft)
    assert [(c["cohort"]["text"], c["n"]) for c in result.claims] == [(cohort, None)]
    assert detail in [f.text for f in result.findings if f.rule == "PL302"]


def test_a_noun_with_a_participle_that_is_no_change_is_no_trend():
    assert linter.lint("Orders placed before noon in Leeds ship the same day.").claims == ()


def test_prices_or_our_team_up_is_not_a_trend_of_users():
    assert linter.lint("Prices up 5% from Monday.").claims == ()


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("Thirty-odd of you renewed your plan at 4am on Boxing Day.", 30),
        ("20ish of you rode the ghost train twice.", 20),
        ("Seventy-ish riders took the last ferry.", 70),
    ],
)
def test_a_rough_count_is_counted_at_its_round_number(draft, n):
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] == [n]
    assert result.decision == "block"


@pytest.mark.parametrize("word", ["Swedish fans", "a fish supper", "an oddish look"])
def test_words_that_end_like_a_rough_count_are_left_alone(word):
    assert normalise(word).text == word


@pytest.mark.parametrize(
    ("draft", "details"),
    [
        ("Friday. 11pm. 4,000 of you ordered chips.", ["Friday", "11pm"]),
        ("october the 31st. 9pm. 6,500 of you pressed play on the scary playlist 🎃", ["october the 31st", "9pm"]),
        ("tuesday. 6am. 2,100 of you on our e-scooters.", ["tuesday", "6am"]),
        ("Big news. 4,000 of you ordered chips this year.", []),
    ],
)
def test_a_dateline_of_fragments_before_a_claim_is_its_time(draft, details):
    result = linter.lint(draft)
    assert [f.text for f in result.findings if f.rule == "PL302"] == details


def test_a_weekday_said_in_passing_is_not_a_dateline():
    assert linter.lint("Thank God it's Friday! 3 million of you streamed our playlist this year.").decision == "pass"


@pytest.mark.parametrize(
    ("draft", "n", "decision"),
    [
        ("Nicotine gum went into the baskets of 30,000 shoppers in March.", 30000, "warn"),
        ("Pregnancy tests went into the carts of 300 shoppers on Valentine's Day.", 300, "block"),
    ],
)
def test_a_group_that_owns_where_something_went_is_the_claims_group(draft, n, decision):
    """The people are no verb's subject: what they bought "went into the baskets of" them."""
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] == [n]
    assert result.decision == decision


def test_what_we_put_in_the_bags_of_a_group_is_what_we_did():
    assert linter.lint("We put a free gift in the bags of 500 shoppers.").claims == ()


@pytest.mark.parametrize(
    ("draft", "details"),
    [
        ("burger orders 🍔 +35% on friday after 10pm", ["on friday", "after 10pm"]),  # the emoji ended a sentence
        ("taxi bookings 🚕 +55% on saturday before 6am", ["on saturday", "before 6am"]),  # or was read as the verb
        ("weekend recap: hot soup orders up 70% across Leeds", ["Leeds"]),  # the trend as a heading's appositive
        ("june the 21st. 5am. 3,000 of you watched the sunrise stream.", ["june the 21st", "5am"]),
    ],
)
def test_a_verbless_trend_or_dateline_keeps_its_detail_across_the_way_it_was_split(draft, details):
    assert words_flagged(draft, "PL302") == details


@pytest.mark.parametrize(
    ("draft", "account"),
    [
        ("GG to storm_rider_7, who played 14 hours straight on launch day.", "storm_rider_7"),
        ("Shout-out to lunar_moth_22 for logging 300 runs this year!", "lunar_moth_22"),
    ],
)
def test_a_name_shaped_like_a_handle_is_one_account_without_its_at(draft, account):
    result = linter.lint(draft)
    assert [(c["cohort"]["text"], c["n"]) for c in result.claims] == [(account, 1)]
    assert result.decision == "block"


def test_a_handle_shaped_winner_of_a_public_contest_is_not_a_record():
    assert linter.lint("Congrats to pixel_fox_3, winner of our public speedrun contest! 🏆").decision == "pass"


@pytest.mark.parametrize(
    ("draft", "n", "decision"),
    [
        ("spinwell quarter 🚲\nrides: 3.1M\nriders who left a bike in a canal: around 60", 60, "block"),
        ("tunecast wrap\nplays: 40M\nlisteners who skipped every ad: 230", 230, "warn"),
        ("Shoppers who returned every item = just under 100", 99, "block"),
    ],
)
def test_a_stat_lines_count_sizes_the_group_its_label_names(draft, n, decision):
    """The lines of a stat card are sentences of their own, lowercase or not, and the value after the
    colon is how many of the label's group there were."""
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] == [n]
    assert result.decision == decision


def test_a_stat_lines_label_calls_no_one_out_and_its_count_is_no_age():
    draft = "Shoppers who returned every item: just under 100"
    assert words_flagged(draft, "PL402") == []
    assert linter.lint(draft).claims[0].get("age", []) == []


@pytest.mark.parametrize("value", ["40%", "hang in there", "3am"])
def test_a_stat_line_whose_value_is_no_count_leaves_the_group_unsized(value):
    assert [c["n"] for c in linter.lint(f"members who renewed early: {value}").claims] == [None]


def test_a_card_of_headline_totals_makes_no_claim():
    assert linter.lint("pedalpal 🚲\nmembers: 2.2M\ndocks: 310\nnew: night access at 40 sites").claims == ()


@pytest.mark.parametrize(
    "draft",
    [
        "Loved hearing from you @ria_runs: you told us the canal loop is your favourite and you've run it 60 times since spring.",
        "@ria_runs 60 times round the canal loop since spring, you told us, and we are still amazed 🙌",
    ],
)
def test_a_reply_that_repeats_what_the_account_told_us_is_their_words(draft):
    assert linter.lint(draft).decision == "pass"


def test_a_reply_still_reports_our_record_beside_what_the_account_told_us():
    result = linter.lint(
        "@ria_runs you told us you love the canal loop. Our app says you've run it 60 times since spring."
    )
    assert [(c["n"], [r["text"] for r in c["repetition"]]) for c in result.claims] == [(1, ["60 times"])]
    assert result.decision == "block"


@pytest.mark.parametrize(
    "draft",
    [
        "Thanks to the 45 of you who turned up for our free wine-tasting evening at the Bath shop on Friday.",
        "30 of you came to our open quiz night",
    ],
)
def test_coming_to_a_gathering_marked_public_is_a_public_action(draft):
    assert linter.lint(draft).claims == ()


def test_a_night_that_only_dates_an_order_is_no_gathering():
    assert linter.lint("Friday night in Hull: 40 of you had our dessert delivered after 11pm").decision == "block"


@pytest.mark.parametrize(
    ("draft", "decision", "words"),
    [
        ("Over the Grand National weekend 52,000 members of our app put a bet on for the first time.", "warn", "bet"),
        ("In March 300 of you placed bets on the snooker final from the app.", "block", "bets"),
    ],
)
def test_a_bet_placed_is_betting_as_much_as_betting_is(draft, decision, words):
    """The special category is the thing a light verb does ("placed a bet"), not only the verb ("bet")."""
    assert words_flagged(draft, "PL201") + words_flagged(draft, "PL202") == [words]
    assert linter.lint(draft).decision == decision


def test_a_safe_bet_is_a_choice_not_a_bet():
    assert words_flagged("300 of you made a safe bet and chose the pasta", "PL201") == []


@pytest.mark.parametrize(
    "draft",
    [
        "Say hello to Lenny, the lead character in our winter film: he has eaten 300 sandwiches in a week.",
        "Welcome Lenny, villain of our Christmas advert, who returned 14 jumpers in one day.",
        "Say hi to Pip, our mascot, who has eaten 400 scones since Easter.",
    ],
)
def test_a_character_we_made_up_is_no_user(draft):
    assert linter.lint(draft).decision == "pass"


def test_a_customer_who_appears_in_our_ad_is_still_a_customer():
    draft = "Welcome Lenny, our star customer, who returned 14 jumpers in one day and is now in our Christmas advert."
    assert linter.lint(draft).decision == "block"


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("Our GPS says the 40 riders who left scooters in the river did it after midnight.", 40),
        ("According to your app, 40 of you ran every day in May.", 40),
        ("Our booking system says the 25 guests who checked in at 4am all chose room service.", 25),
    ],
)
def test_our_own_records_saying_it_are_no_outside_source(draft, n):
    """A "says the" marker's source is its subject, and "your app" is ours: the figure is our record."""
    assert [c["n"] for c in linter.lint(draft).claims] == [n]


@pytest.mark.parametrize(
    "draft",
    ["According to the ONS, 40 people in Leeds cycle daily.", "The ONS says the 40 people in Leeds cycle daily."],
)
def test_an_outside_body_saying_it_is_still_an_outside_source(draft):
    assert linter.lint(draft).claims == ()


def test_gps_is_no_doctor():
    assert words_flagged("40 of you turned on GPS tracking at 3am", "PL201") == []
    assert words_flagged("40 of you messaged your GPs through the app at 3am", "PL201") == ["GPs"]


def test_a_verb_that_is_also_an_event_word_makes_no_public_event():
    """ "walked home", "we launched…": "walk" and "launch" name events only as nouns."""
    assert [c["n"] for c in linter.lint("30 of you walked home from our Leeds store after 2am").claims] == [30]


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("Just eleven. That's how many of our savers emptied their pot before payday in March.", 11),
        ("That's how many of you renewed after the deadline: nine.", 9),
        ("212. That is how many riders took the 3am bus every night in May.", 212),
    ],
)
def test_that_is_how_many_takes_the_count_it_points_to(draft, n):
    assert [c["n"] for c in linter.lint(draft).claims] == [n]


def test_a_reading_history_is_our_record_not_an_outside_source():
    draft = "According to your watch history, 40 of you finished the series in one night."
    assert [c["n"] for c in linter.lint(draft).claims] == [40]


@pytest.mark.parametrize(
    "draft",
    ["Meet our Cyclist of the Month: Anya, with 900 km on a hire bike in May 🚲", "Diner of the Month: Anya!"],
)
def test_a_user_named_under_an_award_title_is_one_user_picked_from_the_records(draft):
    assert [c["n"] for c in linter.lint(draft).claims] == [1]


def test_an_award_the_public_voted_for_singles_out_no_record():
    assert linter.lint("Reader of the Month: Anya, voted by 2,000 of you in our poll!").claims == ()


def test_a_credit_union_is_no_trade_union():
    assert linter.lint("40,000 of you opened a savings pot with Northgate Credit Union in May").decision == "pass"
    assert words_flagged("40 of you joined the union at work via our app", "PL201") == ["union"]


def test_a_count_described_by_a_who_clause_is_that_many_people():
    draft = "Thanks to the 700 of you who came to the market. A wink to the 25 who ordered ahead on the app before 7am."
    assert words_flagged(draft, "PL102") == ["the 25"]


def test_a_reply_that_repeats_what_the_account_posted_is_their_words():
    assert linter.lint("@sam_r you posted that this was your 50th Crumb order! legend").decision == "pass"


def test_the_one_who_made_it_is_no_count_of_users():
    assert linter.lint("Our roaster, Oksana, called it dull, and she's the one who made it.").claims == ()


@pytest.mark.xfail(
    strict=True,
    reason=GATED_BY_THE_MODELS,
)
def test_a_leaderboard_of_accounts_and_their_figures_is_about_each_account():
    draft = "Monthly leaderboard 🚴\n1. @lena_rides 610 km\n2. @bo_k 580 km"
    result = linter.lint(draft)
    assert [c["cohort"]["text"] for c in result.claims] == ["@lena_rides", "@bo_k"]
    assert result.decision == "block"


def test_it_was_a_word_made_from_a_verb_restates_no_one():
    """ "…it was a charger": "it" points at a thing, and a noun made from a verb ("charger", "scanner")
    names a thing as often as a doer, so no single user is restated."""
    draft = "Over 30,000 of you unwrapped our mystery gift on Christmas morning. Yes, it was a charger 🔌"
    assert [c["n"] for c in linter.lint(draft).claims] == [30000]


def test_a_participle_on_an_account_s_figure_is_no_verb_of_the_line():
    """ "@pedal_pete — 930 km ridden in June": the participle says what the figure was; the line is
    still one account and its figure. A counted group on the line is the group's figure, not the account's."""
    assert [f.rule for f in linter.lint("Leaderboard: @pedal_pete — 930 km ridden in June 🚴").findings] == ["PL101"]
    draft = "@gerry_k over 500 riders boarded at Eastfield before 7am today, which explains the long queue 😬"
    assert "PL101" not in [f.rule for f in linter.lint(draft).findings]


@pytest.mark.parametrize(
    "draft",
    [
        "@ines_v happy 50th!! 🥂",
        "@tom.b happy 18th birthday, legend 🎈",
        "@ari_k happy 5th anniversary you two 💐",
        "@ola_n happy 70th to your grandad!! 🎂",
        "@ola_n happy third birthday to the twins",
    ],
)
def test_a_birthday_or_an_anniversary_is_no_account_figure(draft):
    """An ordinal with no noun or on an occasion numbers a birthday or an anniversary, and "two" in
    "you two" counts the people spoken to: neither is a figure of what the account did."""
    assert linter.lint(draft).claims == ()


@pytest.mark.parametrize("draft", ["@rory_f 250th ride this year!", "@rory_f 3 refunds this month, you two"])
def test_an_ordinal_on_an_activity_is_still_the_account_s_figure(draft):
    assert [c["n"] for c in linter.lint(draft).claims] == [1]


@pytest.mark.parametrize(
    "draft",
    [
        "@lina_w you guessed it, iced tea searches on Sipply rose 150% in Leeds this week.",
        "@tom_k you know the drill: the 6am class opens for booking at noon.",
    ],
)
def test_what_a_reply_s_you_thinks_or_knows_is_no_record(draft):
    assert not any(c["n"] == 1 for c in linter.lint(draft).claims)


@pytest.mark.parametrize(
    "draft",
    ["@ren_d so pleased you reached the summit in the end 🏔️", "@ren_d we hope you rested well on the sleeper train"],
)
def test_what_a_reply_feels_or_hopes_about_what_you_did_is_no_record(draft):
    """ "so pleased you liked it": the writer reacts to what the person told them."""
    assert linter.lint(draft).claims == ()


@pytest.mark.parametrize(
    "draft",
    [
        "@juno_p 9% of you: five hours of thunder sounds, every Sunday 😴",
        "@juno_p week-long streaks, up a third among Lapline members lately 🏊",
    ],
)
def test_a_reply_sharing_a_group_s_statistic_without_a_size_is_about_the_group(draft):
    """A share of a group or a group named with no count: the detail is the group's, not the person's."""
    assert not any(c["n"] == 1 for c in linter.lint(draft).claims)


@pytest.mark.parametrize(
    "draft",
    [
        "@femi_o as you say, 2,500 commuters in Hull caught the last tram on Friday",
        "@femi_o you're on a roll, lots of shoppers picked up that blender this week",
        "@femi_o you're in luck, the green ones are back in stock",
    ],
)
def test_what_a_reply_s_you_says_or_how_things_stand_is_no_record(draft):
    """What the person says to us, and a copula that says how things stand rather than where they were."""
    assert not any(c["n"] == 1 for c in linter.lint(draft).claims)


@pytest.mark.parametrize(
    "draft",
    [
        "@femi_o you were at our Hull store at 6am again!",
        "@femi_o you're on a 50-day streak 🔥",
        "@femi_o you're in the top 2% of listeners this year",
    ],
)
def test_where_a_reply_s_you_was_or_stands_in_our_records_is_still_the_account_s(draft):
    assert any(c["n"] == 1 for c in linter.lint(draft).claims)


def test_a_group_a_reply_calls_by_name_is_who_its_you_is():
    result = linter.lint("@femi_o Hull cyclists, you logged 7,000 rides before sunrise on Sunday")
    assert [c["n"] for c in result.claims] == [None]
    assert "PL101" not in [f.rule for f in result.findings]


def test_an_ordinal_hyphened_to_a_word_is_no_account_figure():
    assert linter.lint("@ola_n what a first-class effort 🎓").claims == ()


@pytest.mark.parametrize(
    "draft",
    [
        "@ren_d glad you topped up your insulin prescription 💉",
        "@ren_d we spotted you booked 12 classes this week",
        "@ren_d curious that you swapped to the cheaper plan in May 👀",
    ],
)
def test_a_reaction_that_carries_a_record_or_a_sighting_is_still_about_the_account(draft):
    """A record said inside a reaction, seen by us, or remarked on (not felt about) is the account's."""
    assert [c["n"] for c in linter.lint(draft).claims] == [1]


@pytest.mark.parametrize(
    "draft", ["Giveaway winner @bo_k: 2 tickets to the final!", "Follow @lenarides for 5 tips on cycling"]
)
def test_an_account_a_giveaway_picked_or_a_post_points_to_is_no_record(draft):
    assert linter.lint(draft).claims == ()


def test_she_who_is_one_of_our_members_is_one_user():
    claims = linter.lint("She is one of our members, and she booked 300 spin classes last year.").claims
    assert [(c["cohort"]["text"], c["n"]) for c in claims] == [("she", 1)]


@pytest.mark.parametrize(
    "draft",
    [
        "Meet the Fosters: an (entirely invented) household in Hove who run the tumble dryer every night.",
        "Picture a fictional customer in Hove who orders pizza every night.",
        "An imaginary rider in Bath took 300 trips last year, says our explainer video.",
    ],
)
def test_a_person_said_to_be_made_up_is_no_user(draft):
    assert linter.lint(draft).decision == "pass"


def test_a_real_rider_is_still_one_user():
    assert linter.lint("A real rider in Bath took 300 trips last year.").decision == "block"


@pytest.mark.parametrize(("draft", "n"), [("12,000 wearers walked 10k steps every day for two years.", 12000)])
def test_wearers_of_our_device_are_users(draft, n):
    """Steps are no special category, but a two-year streak is narrowing at any size."""
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] == [n]
    assert result.decision == "warn"


def test_a_stat_lines_count_is_the_base_a_share_of_that_group_is_taken_of():
    draft = "Spring recap 🚲\nRiders: 80,000\n0.02% of riders took a scooter into the sea"
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] == [16]
    assert result.decision == "block"


@pytest.mark.parametrize(
    ("draft", "when"),
    [
        ("Harbor Gym members' favourite hour to lift in 2026? 5:50am, every time.", "5:50am"),
        ("The busiest minute to book a court at Fernleigh Tennis is 6:02pm.", "6:02pm"),
        ("The busiest hour at Pondside Cinema? 8:40pm on Saturdays.", "8:40pm"),
    ],
)
def test_a_time_ranked_by_what_users_did_then_is_a_claim_on_an_unknown_number(draft, when):
    """The hour a chart puts on top is when an unknown number of people did it; a question's answer says when."""
    claims = linter.lint(draft).claims
    assert [(c["cohort"]["label"], c["n"]) for c in claims] == [("ranking", None)]
    assert when in [t["text"] for t in claims[0]["time"]]


def test_a_ranked_time_with_no_size_warns_on_the_time():
    result = linter.lint("Harbor Gym members' favourite hour to lift in 2026? 5:50am, every time.")
    assert ("PL302", "5:50am") in [(f.rule, f.text) for f in result.findings]


@pytest.mark.parametrize(
    "draft",
    ["Our favourite time to bake? 5am, with the radio on.", "What's your favourite time to swim? Tell us below!"],
)
def test_the_time_we_or_the_reader_like_best_is_no_chart_of_users(draft):
    assert linter.lint(draft).claims == ()


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("Among our 3 million members, the most popular hour to book was 7pm.", 3_000_000),
        ("Most popular evening of the season? Opening night, when 95,000 of you booked seats online.", 95_000),
    ],
)
def test_a_ranked_time_takes_the_size_of_the_group_counted_with_it(draft, n):
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] == [n]
    assert result.decision == "pass"


@pytest.mark.parametrize(
    ("draft", "n"),
    [("4 million+ members lifted with us this year.", 4_000_000), ("Over 2 thousand+ of you rode on Sunday.", 2_000)],
)
def test_a_plus_after_a_count_in_words_is_its_lower_bound(draft, n):
    assert [c["n"] for c in linter.lint(draft).claims] == [n]


@pytest.mark.parametrize(
    "draft", ["Zero members missed a class at our Leith gym in May.", "0 riders were late to the 6am shift."]
)
def test_a_count_of_nobody_exposes_nobody(draft):
    assert linter.lint(draft).claims == ()


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("Only 41 workspaces still sync with the old calendar app.", 41),
        ("Only 62 admins have enabled the audit log so far.", 62),
    ],
)
def test_workspaces_and_admins_of_a_software_product_are_its_users(draft, n):
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] == [n]
    assert result.decision == "block"


@pytest.mark.parametrize(
    "draft", ["A handful of riders asked when the night bus returns.", "A couple of you asked us about parking."]
)
def test_a_question_users_put_to_us_is_no_record_of_what_they_did(draft):
    assert linter.lint(draft).claims == ()


def test_asking_our_app_for_something_is_still_a_record():
    assert [c["n"] for c in linter.lint("12 riders asked the app for a route at 3am.").claims] == [12]


@pytest.mark.parametrize(
    "draft",
    [
        "@milo_lifts you said last week you'd done 50 sessions, and our app shows you're at 58 now. Beast!",
        "@ola_paints you told us the course got you painting again, and our dashboard shows you've finished 31 lessons.",
    ],
)
def test_what_our_records_say_of_the_account_spoken_to_is_its_record(draft):
    """The sentence names our records as the source, so the model's doubt does not silence the claim; a
    clause of it that our app reports is not part of what the person told us."""
    result = linter.lint(draft)
    assert "PL101" in {f.rule for f in result.findings}
    assert result.decision == "block"


@pytest.mark.parametrize(
    "draft",
    [
        "@ola_paints you told us the course got you painting again. Thank you!",
        "The weather app says it will rain at 3pm.",
        "Official figures say 2 in 5 adults in Wales skip breakfast. Try our new oat bars.",
    ],
)
def test_what_a_person_told_us_or_an_outside_record_says_is_no_record_of_ours(draft):
    assert linter.lint(draft).decision == "pass"


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("Only 38 startups have switched on single sign-on so far.", 38),
        ("Hundreds of agencies switched their invoices to the new ledger.", 100),
        ("Only 60 devs have tried the new CLI so far.", 60),
    ],
)
def test_organisations_a_service_sells_to_counted_in_the_plural_are_its_users(draft, n):
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] == [n]
    assert result.decision != "pass"


def test_employees_of_the_firms_a_service_sells_to_are_its_users_and_their_count_sizes_the_claim():
    result = linter.lint("12,000 employees logged a sick day through their employer's HR app in January.")
    assert [c["n"] for c in result.claims] == [12000]
    assert result.decision == "warn"  # a special category at 10,000 or more


def test_a_headcount_in_a_list_of_company_facts_is_no_claim():
    result = linter.lint(
        "Company facts:\n• Founded 2019\n• 220 employees across three offices\n• Certified by the Green Office Council"
    )
    assert not result.claims
    assert result.decision == "pass"


@pytest.mark.parametrize(
    "draft",
    [
        "Our 6 teams in Lisbon shipped the redesign over the weekend.",
        "Hats off to the 14 depot teams who sorted parcels through the night.",
    ],
)
def test_teams_that_are_ours_or_named_by_a_workplace_are_staff(draft):
    result = linter.lint(draft)
    assert not result.claims
    assert result.decision == "pass"


@pytest.mark.parametrize(
    "draft",
    [
        "Locker 31 was opened at 5:40am nine days in a row.",
        "Table 6 ordered every dessert on the menu last night.",
    ],
)
def test_a_numbered_place_given_to_one_customer_that_acts_is_that_customer(draft):
    result = linter.lint(draft)
    assert [(c["n"], c["n_kind"]) for c in result.claims] == [(1, "singular")]
    assert result.decision == "block"


@pytest.mark.parametrize(
    "draft", ["Guests keep asking for room 12, the one with the sea view.", "Room 5 is free to book from Monday."]
)
def test_a_numbered_place_that_is_asked_for_or_described_is_no_customer(draft):
    assert linter.lint(draft).decision == "pass"


@pytest.mark.parametrize(
    ("draft", "detail"),
    [
        ("The Harrogate crowd booked every Sunday roast slot by noon.", "Harrogate"),
        ("The after-work crowd in Didsbury booked out every spin class on Monday.", "on Monday"),
        ("The early-bird crowd at our Harbour Row studio booked out every Monday class before 6am.", "before 6am"),
    ],
)
def test_a_crowd_named_by_where_or_when_its_users_act_is_a_cohort_of_unknown_size(draft, detail):
    result = linter.lint(draft)
    assert [c["n_kind"] for c in result.claims] == ["unknown"]
    assert detail in words_flagged(draft, "PL302")


@pytest.mark.parametrize(
    "draft",
    ["A record crowd of 3,100 cheered the team home on Saturday.", "The home crowd roared when the keeper saved it."],
)
def test_a_crowd_at_an_event_is_no_cohort(draft):
    result = linter.lint(draft)
    assert not result.claims
    assert result.decision == "pass"


def test_what_the_person_told_us_beside_our_record_is_no_detail_of_that_record():
    draft = "@jonas you told us you've cycled to work 40 days straight, and your dashboard shows you've ridden 212 km this month 🚲"
    result = linter.lint(draft)
    assert result.decision == "block"
    assert [d["text"] for c in result.claims for d in c.get("repetition", [])] == []


def test_an_account_handle_is_no_place():
    assert "@maya" not in words_flagged("@maya our app says you booked 3 yoga classes on Sunday, nice work", "PL302")


@pytest.mark.parametrize(
    "draft",
    [
        "Over 15,000 of you saved the Diwali puja checklist before the festival, so we've pinned it for next year.",
        "Over 18,000 of you tried the Lent fasting planner, so we've kept it for Easter.",
    ],
)
def test_a_bounded_count_the_parse_hung_on_its_verb_is_still_that_verbs_subject(draft):
    """The parse reads "Over 15,000" as the verb's prep and leaves the verb no subject; the group is the
    subject still, and at 10,000 or more its special category warns."""
    result = linter.lint(draft)
    assert [c["n"] for c in result.claims] == [15000 if "15,000" in draft else 18000]
    assert result.decision == "warn"


@pytest.mark.parametrize(
    "draft",
    [
        "Whoever finishes the puzzle fastest this week gets their name on the wall.",
        "The rider who logs the most miles in June earns a free service.",
        "Whoever tops the quiz table on Friday will win a hamper.",
    ],
)
def test_a_contest_rule_in_the_present_is_no_claim(draft):
    """Who will win, said as a contest's rule, is nobody's record yet."""
    assert not linter.lint(draft).claims


def test_the_same_contest_reported_in_the_past_is_a_claim_about_one_user():
    result = linter.lint("The rider who logged the most miles in June earned a free service.")
    assert [c["n"] for c in result.claims] == [1]
    assert result.decision == "block"


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("38 salons cancelled their subscription the week we raised prices.", 38),
        ("Dozens of florists signed up in a single afternoon.", 2),
        ("Over 900 restaurants turned on the new allergen menu.", 900),
        ("Only 23 vet practices on our platform switched on text reminders last month.", 23),
        ("Only 40 nurseries tried our new sign-in kiosk in May.", 40),
    ],
)
def test_a_counted_plural_that_did_what_only_an_account_holder_does_is_customers(draft, n):
    """Whatever trade names them, businesses that cancelled, signed up or switched something on are the
    service's customers, so its users."""
    assert [c["n"] for c in linter.lint(draft).claims] == [n]


@pytest.mark.parametrize(
    "draft",
    [
        "Our 40 stores switched on contactless in May.",
        "200 flights were cancelled by the storm.",
        "In our new sitcom, six flatmates order pizza every Friday.",
        "Over 600 bike shops now stock our tyres.",
    ],
)
def test_our_own_premises_things_and_stories_are_no_account_holders(draft):
    assert not linter.lint(draft).claims


def test_an_age_said_with_ages_is_an_age_and_a_minor_is_a_child():
    """ "ages 16 to 17" as "aged 16 to 17": the cohort's age, and under 18 a child's activity."""
    draft = "Players ages 16 to 17 logged 40,000 hours this summer."
    assert "ages 16 to 17" in words_flagged(draft, "PL201") and "ages 16 to 17" in words_flagged(draft, "PL302")


@pytest.mark.parametrize(
    ("draft", "words"),
    [
        ("@dee_r nine failed logins in an hour? Let's reset that password together.", "nine failed logins in an hour"),
        ("@kit_m six coffees in one morning, respect ☕", "six coffees in one morning"),
    ],
)
def test_a_few_of_one_activity_in_one_short_period_is_per_person_repetition(draft, words):
    """The rule, not only the post model, finds the exact words, so the finding can point at them."""
    assert words in words_flagged(draft, "PL301")


@pytest.mark.parametrize(
    "draft",
    [
        "Dear retired teacher who orders our oat loaf every Tuesday: thank you.",
        "Hello, junior doctor who books our quiet carriage seat after every night shift 👋",
    ],
)
def test_a_noun_greeted_and_told_apart_by_a_who_clause_is_one_person(draft):
    """A trade or a role in life is no user word, but greeted and described by "who", it is one person."""
    assert [(c["n"], c["n_kind"]) for c in linter.lint(draft).claims] == [(1, "singular")]


@pytest.mark.parametrize(
    "draft",
    ["Oi, you lot who top up right before payday, we notice.", "Dear early crowd who fill our 7am class: thank you."],
)
def test_you_lot_or_a_crowd_greeted_with_who_is_no_single_person(draft):
    assert all(c["n_kind"] != "singular" for c in linter.lint(draft).claims)


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("9 tutors taught 40 violin lessons each in Ipswich last month.", 9),
        ("Just 14 dog-walkers booked through Pawpath clocked a lunchtime stroll on 30 days out of 31 in May.", 14),
    ],
)
def test_tutors_sitters_and_walkers_who_work_through_a_platform_are_its_users(draft, n):
    assert [c["n"] for c in linter.lint(draft).claims] == [n]


def test_the_trade_of_businesses_counted_as_customers_is_no_special_category():
    """ "Four dental clinics paid late" tells no one's health; four patients at a clinic do."""
    assert "clinics" not in words_flagged("Four dental clinics paid their March invoice late.", "PL201")
    assert "clinic" in words_flagged("Four patients at our dental clinic paid their invoice late.", "PL201")


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("In June, 612 roofers used our new quote builder.", 612),
        ("Some 80 barbers sent their price lists through our app on Monday.", 80),
        ("Nearly 70 plumbers have used the invoice scanner since its first week.", 69),
        ("Only 35 barbershops changed their opening hours in the app this week.", 35),
        ("Dear 40 florists that exported their orders at midnight: go to bed.", 40),
        ("Hundreds of roofers moved to the yearly plan on Kilnly in March.", 100),
        ("Dozens of glaziers moved to the monthly plan on Sortly in May.", 2),
        ("Some 60 distilleries moved their bottling dates onto Stillwise in May.", 60),  # an industrial plant
    ],
)
def test_a_counted_plural_of_any_kind_that_did_something_is_a_cohort_where_the_sentence_model_reads_a_claim(draft, n):
    """No lexicon lists every trade; the grammar offers the counted doer WordNet knows as a kind of person
    or business and the sentence model, which reads whether a sentence reports what users did, confirms
    it (`Claim.kind_inferred`)."""
    assert [c["n"] for c in linter.lint(draft).claims] == [n]


@pytest.mark.parametrize(
    "draft",
    [
        "30 vans used the new bus lane on its first morning.",
        "The 12 vans that carried our parcels got stuck in the snow.",
        "Our 40 vans used the new depot in March.",
        "90 new trailers loaded at the depot overnight.",
        "Forty bakeries opened on Kilnly Street last year.",
        "Sixty cafés closed on Sunday for the marathon.",
        "Quase 300 leitores compraram o livro na primeira semana.",
    ],
)
def test_counted_things_or_our_own_are_no_inferred_cohort(draft):
    assert not linter.lint(draft).claims


@pytest.mark.parametrize(
    "draft", ["One locksmith logged 40 call-outs in a single night.", "A bakery in Hove exported 90 invoices at 2am."]
)
def test_one_of_a_kind_no_lexicon_names_that_did_something_is_one_user(draft):
    assert [(c["n"], c["n_kind"]) for c in linter.lint(draft).claims] == [(1, "singular")]


def test_the_trade_of_businesses_of_an_inferred_kind_is_no_special_category():
    """As for the trades the lexicons name: "dozens of pharmacies" tells no one's health."""
    draft = "Dozens of pharmacies changed their opening hours in the app last week."
    assert [c["n"] for c in linter.lint(draft).claims] == [2]
    assert "pharmacies" not in words_flagged(draft, "PL201")


@pytest.mark.parametrize(
    ("draft", "trade"),
    [
        ("Across the 1,800 churches on Pewly, the busiest day for rota edits was a Wednesday.", "churches"),
        ("Among the 600 pharmacies on Pillpal, Monday at 9am had the most bookings.", "pharmacies"),
        ("Well done to the 300 of you physio clinics who exported invoices last night.", "clinics"),
        ("Hundreds of secondary schools turned on the homework tracker this term.", "schools"),
    ],
)
def test_businesses_counted_as_the_whole_or_addressed_as_you_are_no_special_category_or_place(draft, trade):
    """The customers are the businesses; their trade tells no one's faith or health, and is nowhere
    anyone went ("12 of you met at 3 mosques" still tells both)."""
    assert trade not in words_flagged(draft, "PL201") + words_flagged(draft, "PL302")
    assert "mosques" in words_flagged("12 of you checked in at 3 mosques on Friday.", "PL201")


def test_a_count_still_doing_something_is_a_cohort_of_an_inferred_kind():
    """ "still" or "now" with a present tense says where a count stands today, as a past verb would."""
    draft = "Hundreds of vineyards still plan their harvest in the old calendar view."
    assert [c["n"] for c in linter.lint(draft).claims] == [100]


def test_a_counted_staff_word_doing_something_to_their_account_names_users():
    """A pub's landlord can be its own; 250 landlords who closed their account with us are customers."""
    draft = "By March, 250 landlords had closed their old account with us."
    assert [c["n"] for c in linter.lint(draft).claims] == [250]


def test_our_own_staff_word_doing_something_is_no_claim():
    assert not linter.lint("Our 12 landlords checked the cellar on Monday.").claims


def test_managers_are_ours_unless_counted_as_customers():
    """As engineers and designers: "our 5 regional managers" work here; 300 managers on a rota app use it."""
    assert not linter.lint(
        "Big thanks to our 5 regional managers, who drove 20,000 miles between sites this year."
    ).claims
    counted = "Over 300 managers approved their team's rotas on Shiftly last week."
    assert [c["n"] for c in linter.lint(counted).claims] == [300]


def test_a_staff_word_naming_the_trade_of_accounts_names_users():
    """ "Landlord" can be our pub's own, "restaurant" our own site; "landlord accounts" are customers who
    let homes, "restaurant clients" customers who run restaurants."""
    assert [c["n"] for c in linter.lint("Just 60 landlord clients printed a tenancy pack in May.").claims] == [60]


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("Eleven kennels stopped their weekly grooming visits in June.", 11),
        ("Nine guesthouses on Roomwise moved their bookings to the new calendar in May.", 9),
        ("Some 30 restaurants on Platewise sent their wine lists to print on Friday.", 30),
    ],
)
def test_premises_counted_as_customers_are_a_cohort(draft, n):
    """Businesses named by their premises (kennels, nurseries, surgeries, guesthouses, studios), which WordNet
    files as rooms or buildings, are a kind of customer as its businesses are; restaurants counted and
    not ours are customers, though "restaurant" alone can be our own."""
    assert [c["n"] for c in linter.lint(draft).claims] == [n]


def test_a_premises_word_before_the_account_holders_names_their_trade_not_a_place():
    assert not linter.lint("About half of our hotel customers switched to the yearly plan.").findings
    assert [f.text for f in linter.lint("About half of our Leeds customers switched to the yearly plan.").findings] == [
        "Leeds"
    ]


def test_a_multiple_before_a_comparative_is_a_ratio_not_a_repetition():
    draft = "More than 20,000 teams used our exporter in 2025; version 3 makes it 4x faster."
    assert not linter.lint(draft).findings


def test_people_who_booked_at_our_premises_are_users_and_people_who_worked_there_staff():
    """ "Studio" can name our own team; four people at our studio who booked classes are members."""
    assert [
        c["n"] for c in linter.lint("Four people at our Leith studio have booked every class this week.").claims
    ] == [4]
    assert not linter.lint("Twelve people at our Leeds office shipped the new release.").claims


def test_a_staff_word_in_a_product_name_is_no_one_we_employ():
    """ "Crew" in "our Crew Pass" names the product; "studio" in "our studio team" still names our own."""
    assert [
        c["n"] for c in linter.lint("One member on our Crew Pass booked eleven spin classes last week.").claims
    ] == [1]
    assert not linter.lint("Twelve people from our studio team shipped the update.").claims


@pytest.mark.parametrize(
    ("draft", "n"),
    [
        ("Six garages switched to our diagnostics plan in May.", 6),
        ("Nine bakeries upgraded to our bigger ovens in March.", 9),
    ],
)
def test_a_counted_kind_that_moved_to_something_of_ours_is_a_cohort(draft, n):
    """With no object, going "to our" plan or product says what customers did, as "on Kilnly" does (the
    tagger reads "6 garages switched" as a participle once the number is digits)."""
    assert [c["n"] for c in linter.lint(draft).claims] == [n]


def test_counted_things_that_went_to_our_premises_are_no_cohort():
    assert not linter.lint("12 vans parked at our new depot in May.").claims


@pytest.mark.parametrize(
    ("draft", "words"),
    [
        ("12 bakeries are in arrears on the flour account.", "arrears"),
        ("A dozen garages in Leeds are eight weeks behind with the tyre account.", "weeks behind with"),
        ("Nine salons are on our final-reminder list for unpaid invoices.", "unpaid invoices"),
    ],
)
def test_a_counted_kind_in_a_state_of_owing_money_is_a_sensitive_claim(draft, words):
    """Owing money is something an account holder is, not did; said of a counted trade it still tells
    their money troubles."""
    result = linter.lint(draft)
    assert result.decision == "block" and len(result.claims) == 1
    assert words in [f.text for f in result.findings if f.rule == "PL201"]


@pytest.mark.parametrize("draft", ["Our unpaid volunteers ran 40 workshops.", "Forty pubs are on our new lager list."])
def test_unpaid_people_and_a_plain_state_are_no_money_troubles(draft):
    assert not [f for f in linter.lint(draft).findings if f.category == "sensitive"]


@pytest.mark.parametrize(
    "draft",
    [
        pytest.param(
            "Shout-out to the yoga studio in Hove that paid its whole year upfront in coins.",
            marks=pytest.mark.xfail(strict=True, reason=GATED_BY_THE_MODELS),
        ),
        "The bakery in Leith that ordered 90 kilos of rye last week has us curious.",
    ],
)
def test_the_one_business_that_did_something_is_one_customer(draft):
    """ "The" business told apart by what it did to something is a customer singled out, even where its
    noun ("studio") can name our own."""
    assert [c["n"] for c in linter.lint(draft).claims] == [1]


@pytest.mark.parametrize(
    "draft", ["The bakery that opened in 1920 still bakes our rye.", "Our studio that opened in May hosted 30 classes."]
)
def test_a_business_described_by_its_history_is_no_customer(draft):
    assert not linter.lint(draft).claims


def test_what_a_phrasal_verb_acts_on_is_no_device():
    """ "Stocked up on tablets": the tablets are what was bought, after the particle's preposition, not
    the device the users did it on ("ordered on tablets")."""
    stocked = linter.lint("Thousands of shoppers stocked up on dishwasher tablets this winter.")
    assert not any(f.because.get("detail") == "device" for f in stocked.findings)
    ordered = linter.lint("Sixty shoppers in Hull ordered dishwasher salt on their tablets this winter.")
    assert any(f.because.get("detail") == "device" for f in ordered.findings)


@pytest.mark.parametrize(
    ("draft", "cohort", "done"),
    [
        # a "who" clause the parse hung on a place inside the object's phrase
        ("We met a rider in Leeds who has taken 900 trips since May.", "a rider", "has taken"),
        # one person's records, with the preposition on the noun or, as the parse has it, on the verb
        ("We took 30 bookings from one guest in June.", "one guest", "bookings"),
        ("Our crew packed 22 takeaway orders for the same diner on Monday.", "the same diner", "orders"),
    ],
)
def test_one_user_who_is_no_verbs_subject_is_a_claim(draft, cohort, done):
    """A single user named as the object ("we met a cyclist … who has logged…") or as whose records they
    were ("bookings from one guest") is a claim about what that user did."""
    claims = [(c.cohort.text, c.size.kind, c.behaviour.text) for c in linter.get_linter().nlp(draft)._.claims]
    assert (cohort, "singular", done) in claims


def test_records_for_a_group_or_a_clause_under_an_objects_thing_make_no_new_claim():
    """Only one person's records: "orders for our shoppers" says nothing of any one; and under an object a
    clause the parse hung lower must be a "who" clause (the hotel "that opened" is no guest's deed)."""
    nlp = linter.get_linter().nlp
    assert not nlp("We packed 9,000 orders for our shoppers this week.")._.claims
    assert not nlp("We thanked a guest from the hotel that opened in May.")._.claims


@pytest.mark.parametrize(
    ("draft", "callout"),
    [
        ("GG to the 2 million players who logged in on launch night. See you online!", "GG to the 2 million players"),
        ("Big love to the 800 riders who booked the dawn shuttle all week.", "Big love to the 800 riders"),
    ],
)
def test_a_few_verbless_words_and_to_before_a_group_address_it(draft, callout):
    """The call-out openers are a lexicon's examples; any few words with no verb and "to" before a
    group defined by what it did address that group, whatever the slang, at any size."""
    assert words_flagged(draft, "PL402") == [callout]


@pytest.mark.parametrize(
    "draft",
    [
        "Tickets went to the 500 fans who entered the draw.",  # a report: its words have a verb
        "Thanks to the members who kept the lights on this winter.",  # the audience thanked
    ],
)
def test_a_group_after_to_in_a_report_or_thanks_is_not_called_out(draft):
    assert words_flagged(draft, "PL402") == []
