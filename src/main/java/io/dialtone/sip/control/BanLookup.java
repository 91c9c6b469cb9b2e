package io.dialtone.sip.control;

/**
 * Why the {@link SourceGuard} did not admit a request: a banned address is answered like a wrong
 * password (every credential refused), one over its rate ceiling gets nothing at all (banned or
 * not: no answer amplifies a flood).
 */
public interface BanLookup {

  boolean banned(String address);

  /** Whether {@code address} sent more requests this second than the ceiling allows. */
  boolean flooding(String address);
}
