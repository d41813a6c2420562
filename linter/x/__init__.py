"""Posting to X only what passes, and auditing what an account has already posted, through tweepy.

`cli.register(app)` adds the `post` and `audit` commands; everything that talks to X or loads the
model is imported inside them.
"""
