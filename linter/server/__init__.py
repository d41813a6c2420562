"""The HTTP backend for the browser extension: the engine over JSON, with keys, limits and no logging of drafts."""
