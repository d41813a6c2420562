"""The policy: the rules pack (rules, thresholds, lexicons) and the checks that turn a parsed post into findings."""
