package io.dialtone.cdr.control;

import java.util.List;

/**
 * The outcome of a rate-deck upload: either the deck was replaced by {@code imported} rates, or
 * nothing changed and {@code errors} says why, line by line.
 */
public record RateDeckUpload(int imported, List<RateLineError> errors) {

  public boolean accepted() {
    return errors.isEmpty();
  }
}
