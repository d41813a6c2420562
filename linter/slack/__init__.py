"""The Slack bot: check drafts where they are discussed, and record who let a blocked draft through and why."""
