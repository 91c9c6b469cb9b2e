package io.dialtone.trunk.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Source addresses of a trunk: IPv4/IPv6 addresses and CIDR ranges, literals only. */
class SourceRangeTest {

  @Test
  void anIpv4RangeContainsItsAddressesOnly() {
    SourceRange range = SourceRange.parse("192.0.2.0/24").orElseThrow();
    assertThat(range.contains("192.0.2.0")).isTrue();
    assertThat(range.contains("192.0.2.255")).isTrue();
    assertThat(range.contains("192.0.3.0")).isFalse();
    assertThat(range.contains("2001:db8::1")).isFalse();
  }

  @Test
  void aRangeIsStoredByItsNetworkWhateverHostBitsWereTyped() {
    assertThat(SourceRange.parse(" 10.1.2.3/8 ").orElseThrow()).hasToString("10.0.0.0/8");
    assertThat(SourceRange.parse("203.0.113.9").orElseThrow()).hasToString("203.0.113.9/32");
    assertThat(SourceRange.parse("172.16.0.0/12").orElseThrow().contains("172.31.255.254"))
        .isTrue();
    assertThat(SourceRange.parse("172.16.0.0/12").orElseThrow().contains("172.32.0.1")).isFalse();
  }

  @Test
  void ipv6RangesMatchByPrefixAndAcceptBracketedAddresses() {
    SourceRange range = SourceRange.parse("2001:DB8:abcd::/47").orElseThrow();
    assertThat(range.contains("2001:db8:abcd:12::5")).isTrue();
    assertThat(range.contains("2001:db8:abce::1")).isFalse();
    assertThat(range.contains("2001:db8:abcc::1")).isTrue();
    assertThat(range.contains("[2001:db8:abcd::1]")).isTrue();
    assertThat(range.contains("192.0.2.1")).isFalse();
    assertThat(SourceRange.parse("::1").orElseThrow().contains("0:0:0:0:0:0:0:1")).isTrue();
  }

  @Test
  void theWholeAddressSpaceIsARangeToo() {
    assertThat(SourceRange.parse("0.0.0.0/0").orElseThrow().contains("8.8.8.8")).isTrue();
    assertThat(SourceRange.parse("::/0").orElseThrow().contains("2001:db8::1")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "sip.example.net",
        "localhost",
        "256.1.1.1",
        "10.0.0",
        "10.0.0.1/33",
        "10.0.0.1/-1",
        "10.0.0.1/",
        "2001:db8::/129",
        "2001:db8::1%eth0",
        "2001:db8:::1",
        "1.2.3.4/8/8",
        "0x7f.0.0.1"
      })
  void whatIsNoAddressLiteralIsRefused(String typed) {
    assertThat(SourceRange.parse(typed)).isEmpty();
  }
}
