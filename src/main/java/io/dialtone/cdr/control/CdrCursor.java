package io.dialtone.cdr.control;

import java.time.Instant;

/**
 * Where the next page of the list starts: after the row with this start time and id (keyset paging:
 * every page costs what the first does, unlike OFFSET).
 */
public record CdrCursor(Instant start, long id) {

  public static CdrCursor after(CdrRow row) {
    return new CdrCursor(row.start(), row.id());
  }
}
