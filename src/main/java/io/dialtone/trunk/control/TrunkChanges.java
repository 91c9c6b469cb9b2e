package io.dialtone.trunk.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The audit detail of a trunk change, in plain words: what it is now (created), or each setting
 * that changed as "before -> after". The login says "password set / replaced / removed", never the
 * password.
 */
final class TrunkChanges {

  private TrunkChanges() {}

  static String created(TrunkDefinition d) {
    return "trunk "
        + d.name()
        + " at "
        + address(d.host(), d.port(), d.transport().name())
        + ", priority "
        + d.priority()
        + ", weight "
        + d.weight()
        + ", "
        + channels(d.maxChannels())
        + ", setup timeout "
        + d.setupTimeoutSeconds()
        + " s, sources "
        + sources(d.sources())
        + ", "
        + switch (d.login()) {
          case LoginChange.Set s -> "login " + s.username() + realm(s.realm()) + ", password set";
          default -> "no login";
        };
  }

  static String changed(TrunkView before, TrunkDefinition after) {
    List<String> parts = new ArrayList<>();
    diff(parts, "name", before.name(), after.name());
    diff(
        parts,
        "address",
        before.address(),
        address(after.host(), after.port(), after.transport().name()));
    diff(parts, "priority", before.priority(), after.priority());
    diff(parts, "weight", before.weight(), after.weight());
    diff(parts, "channels", channels(before.maxChannels()), channels(after.maxChannels()));
    diff(parts, "setup timeout s", before.setupTimeoutSeconds(), after.setupTimeoutSeconds());
    diff(parts, "sources", sources(before.sources()), sources(after.sources()));
    switch (after.login()) {
      case LoginChange.Set s -> {
        login(parts, before, s.username(), s.realm());
        parts.add(before.passwordSet() ? "password replaced" : "password set");
      }
      case LoginChange.Keep k -> login(parts, before, k.username(), k.realm());
      case LoginChange.Remove r -> parts.add("login " + before.username() + " removed");
      case LoginChange.None n -> {}
    }
    return parts.isEmpty() ? "nothing changed" : String.join("; ", parts);
  }

  private static void login(List<String> parts, TrunkView before, String username, String realm) {
    diff(parts, "username", before.username(), username);
    diff(parts, "realm", realmWord(before.realm()), realmWord(realm));
  }

  private static void diff(List<String> parts, String what, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      parts.add(what + " " + (before == null ? "none" : before) + " -> " + after);
    }
  }

  static String address(String host, int port, String transport) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port + "/" + transport;
  }

  private static String channels(int max) {
    return max == 0 ? "unlimited channels" : max + " channels";
  }

  private static String sources(List<String> sources) {
    return sources.isEmpty() ? "none" : String.join(" ", sources);
  }

  private static String realm(String realm) {
    return " (" + realmWord(realm) + ")";
  }

  private static String realmWord(String realm) {
    return realm == null ? "any realm" : "realm " + realm;
  }
}
