package io.dialtone.callpolicy.boundary;

import io.dialtone.callpolicy.entity.PlatformBlockedRange;
import java.io.Serializable;

/** A platform-wide blocked range as pages list it. */
public record RangeRow(long id, String prefix, String note) implements Serializable {

  static RangeRow of(PlatformBlockedRange range) {
    return new RangeRow(range.getId(), range.getPrefix(), range.getNote());
  }
}
