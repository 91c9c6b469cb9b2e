package io.dialtone.platform.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives the Faces flash cookie the session cookie's rules (SECURITY.md C4): {@code __Host-} prefix,
 * {@code Secure; HttpOnly; SameSite=Strict}. Mojarra names it {@value #MOJARRA_NAME} and sets no
 * SameSite, with no setting to change either; so the response renames it on the way out and the
 * request renames it back on the way in. An unprefixed flash cookie sent by a browser is ignored:
 * anything that can set cookies for the host (another subdomain, plain HTTP) could have planted it.
 */
@WebFilter(
    filterName = "flashCookie",
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class FlashCookieFilter extends HttpFilter {

  /** The name the browser sees. */
  public static final String NAME = "__Host-DIALTONE-FLASH";

  /** The name Mojarra reads and writes. */
  static final String MOJARRA_NAME = "csfcfc";

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(new Incoming(request), new Outgoing(response));
  }

  /**
   * The {@code Set-Cookie} value for Mojarra's cookie: its value and lifetime, our name and rules.
   */
  static String setCookie(Cookie flash) {
    String value = flash.getValue() == null ? "" : flash.getValue();
    String maxAge = flash.getMaxAge() < 0 ? "" : "; Max-Age=" + flash.getMaxAge();
    return NAME + "=" + value + "; Path=/" + maxAge + "; Secure; HttpOnly; SameSite=Strict";
  }

  private static final class Incoming extends HttpServletRequestWrapper {

    Incoming(HttpServletRequest request) {
      super(request);
    }

    @Override
    public Cookie[] getCookies() {
      Cookie[] sent = super.getCookies();
      if (sent == null) {
        return null;
      }
      List<Cookie> seen = new ArrayList<>(sent.length);
      for (Cookie cookie : sent) {
        if (NAME.equals(cookie.getName())) {
          seen.add(new Cookie(MOJARRA_NAME, cookie.getValue()));
        } else if (!MOJARRA_NAME.equals(cookie.getName())) {
          seen.add(cookie);
        }
      }
      return seen.toArray(Cookie[]::new);
    }
  }

  private static final class Outgoing extends HttpServletResponseWrapper {

    Outgoing(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addCookie(Cookie cookie) {
      if (MOJARRA_NAME.equals(cookie.getName())) {
        addHeader("Set-Cookie", setCookie(cookie));
      } else {
        super.addCookie(cookie);
      }
    }
  }
}
