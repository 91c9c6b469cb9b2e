package io.dialtone.cdr.control;

/** Fired when an upload replaced the rate deck; observed after commit by {@link RateDeck}. */
public record RateDeckChanged(int rates) {}
