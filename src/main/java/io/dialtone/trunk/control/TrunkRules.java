package io.dialtone.trunk.control;

import io.dialtone.platform.control.Refusal.Explanation;
import io.dialtone.trunk.entity.Trunk;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a trunk may hold. Every field is checked and every problem reported at once ({@link
 * TrunkRefused} with one explanation per field); what passes comes out canonical: host names in
 * lower case, IPv6 hosts without brackets, source ranges as {@link SourceRange#toString()}.
 */
final class TrunkRules {

  static final int PORT_MIN = 1;
  static final int PORT_MAX = 65535;
  static final int PRIORITY_MIN = 0;
  static final int PRIORITY_MAX = 999;
  static final int WEIGHT_MIN = 1;
  static final int WEIGHT_MAX = 1000;
  static final int CHANNELS_MAX = 100_000;
  static final int TIMEOUT_MIN = 1;
  static final int TIMEOUT_MAX = 60;
  static final int SOURCES_MAX = 32;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + Trunk.NAME_MAX + "}");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

  /** Digest usernames and realms: printable ASCII without space, quote or backslash. */
  private static final Pattern TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

  /** Passwords: anything printable (any script), no control characters. */
  private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");

  private TrunkRules() {}

  /**
   * The definition {@code in} describes.
   *
   * @param hadLogin whether the trunk has a stored password now (a blank password then keeps it)
   * @throws TrunkRefused with every problem found
   */
  static TrunkDefinition check(TrunkInput in, boolean hadLogin) {
    List<Explanation> problems = new ArrayList<>();
    String name = strip(in.name());
    if (!NAME.matcher(name).matches()) {
      problems.add(Explanation.of("trunks.refused.name", Trunk.NAME_MAX));
    }
    Optional<String> host = host(strip(in.host()));
    if (host.isEmpty()) {
      problems.add(Explanation.of("trunks.refused.host", strip(in.host())));
    }
    int port = number(in.port(), PORT_MIN, PORT_MAX, "trunks.refused.port", problems);
    if (in.transport() == null) {
      problems.add(Explanation.of("trunks.refused.transport"));
    }
    int priority =
        number(in.priority(), PRIORITY_MIN, PRIORITY_MAX, "trunks.refused.priority", problems);
    int weight = number(in.weight(), WEIGHT_MIN, WEIGHT_MAX, "trunks.refused.weight", problems);
    int channels = number(in.maxChannels(), 0, CHANNELS_MAX, "trunks.refused.channels", problems);
    int timeout =
        number(in.setupTimeout(), TIMEOUT_MIN, TIMEOUT_MAX, "trunks.refused.timeout", problems);
    List<String> sources = sources(in.sources(), problems);
    LoginChange login = login(in, hadLogin, problems);
    if (!problems.isEmpty()) {
      throw new TrunkRefused(problems);
    }
    return new TrunkDefinition(
        name,
        host.orElseThrow(),
        port,
        in.transport(),
        priority,
        weight,
        channels,
        timeout,
        sources,
        login);
  }

  /** The host in canonical form, or empty when it is neither a host name nor an IP literal. */
  static Optional<String> host(String typed) {
    String h = typed.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.isEmpty() || h.length() > Trunk.HOST_MAX) {
      return Optional.empty();
    }
    if (h.indexOf(':') >= 0 || NUMERIC.matcher(h).matches()) {
      String literal = h;
      return SourceRange.parse(literal).filter(r -> !literal.contains("/")).map(r -> literal);
    }
    String name = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.empty();
      }
    }
    return Optional.of(name);
  }

  private static int number(String typed, int min, int max, String key, List<Explanation> out) {
    String s = strip(typed);
    if (INTEGER.matcher(s).matches()) {
      int value = Integer.parseInt(s);
      if (value >= min && value <= max) {
        return value;
      }
    }
    out.add(Explanation.of(key, min, max));
    return min;
  }

  private static List<String> sources(String typed, List<Explanation> out) {
    Set<String> ranges = new LinkedHashSet<>();
    for (String item : SEPARATORS.split(strip(typed))) {
      if (item.isEmpty()) {
        continue;
      }
      Optional<SourceRange> range = SourceRange.parse(item);
      if (range.isPresent()) {
        ranges.add(range.get().toString());
      } else {
        out.add(Explanation.of("trunks.refused.source", item));
      }
    }
    if (ranges.size() > SOURCES_MAX) {
      out.add(Explanation.of("trunks.refused.sources", SOURCES_MAX));
    }
    return List.copyOf(ranges);
  }

  private static LoginChange login(TrunkInput in, boolean hadLogin, List<Explanation> out) {
    if (in.removeLogin()) {
      return hadLogin ? new LoginChange.Remove() : new LoginChange.None();
    }
    String username = strip(in.username());
    String realm = strip(in.realm());
    String password = in.password() == null ? "" : in.password();
    if (username.isEmpty() && password.isEmpty() && realm.isEmpty()) {
      return hadLogin ? new LoginChange.Remove() : new LoginChange.None();
    }
    int before = out.size();
    if (username.isEmpty()) {
      out.add(Explanation.of("trunks.refused.usernameMissing"));
    } else if (username.length() > Trunk.USERNAME_MAX || !TOKEN.matcher(username).matches()) {
      out.add(Explanation.of("trunks.refused.username", Trunk.USERNAME_MAX));
    }
    if (password.isEmpty() && !hadLogin) {
      out.add(Explanation.of("trunks.refused.passwordMissing"));
    } else if (!password.isEmpty()
        && (password.length() > Trunk.PASSWORD_MAX || !PRINTABLE.matcher(password).matches())) {
      out.add(Explanation.of("trunks.refused.password", Trunk.PASSWORD_MAX));
    }
    if (!realm.isEmpty() && (realm.length() > Trunk.REALM_MAX || !TOKEN.matcher(realm).matches())) {
      out.add(Explanation.of("trunks.refused.realm", Trunk.REALM_MAX));
    }
    if (out.size() > before) {
      return new LoginChange.None();
    }
    String anyRealm = realm.isEmpty() ? null : realm;
    return password.isEmpty()
        ? new LoginChange.Keep(username, anyRealm)
        : new LoginChange.Set(username, password, anyRealm);
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }
}
