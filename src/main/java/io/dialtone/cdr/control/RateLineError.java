package io.dialtone.cdr.control;

/**
 * A refused line of a rate-deck CSV: its number (1 = the header), a message bundle key ({@code
 * rates.error.<kind>}) and the offending value or the other line's number, shown as {0} and {1}.
 */
public record RateLineError(int line, String key, String value) {}
