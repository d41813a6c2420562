"""Training the learned components from the labelled corpora: `python -m linter.training` (`make train`).

The sentence model reads each sentence as the engine parses it and scores it for each category of the
policy, and for whether it reports what users did (`claim`). Labels come from the corpora's `evidence`:
a sentence is positive for a category when it holds words a writer marked for it. Drafts are split by a
hash of their id into train (70%), validation (15%, for thresholds) and test (15%, for the figures).
"""
