package io.dialtone.sip.boundary.sip;

import io.dialtone.sip.entity.Ban;
import io.dialtone.sip.entity.BanReason;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A ban as the bans page lists it (times in UTC). */
public record BanRow(String address, BanReason reason, OffsetDateTime since, OffsetDateTime until)
    implements Serializable {

  static BanRow of(Ban ban) {
    return new BanRow(
        ban.address(),
        ban.reason(),
        ban.since().atOffset(ZoneOffset.UTC),
        ban.until().atOffset(ZoneOffset.UTC));
  }
}
