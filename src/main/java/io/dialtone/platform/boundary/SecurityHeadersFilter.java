package io.dialtone.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * SECURITY.md G5 on every response: HSTS for two years, no MIME sniffing, no referrer leaks, no
 * framing, and {@code Cache-Control: no-store} on everything but static resources (pages may show
 * secrets such as a TOTP QR code or recovery codes); a versioned static resource is cached for a
 * year. The Content-Security-Policy header is PrimeFaces' (see web.xml), which adds a fresh nonce
 * to every page.
 */
@WebFilter(filterName = "securityHeaders", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final String RESOURCES = "/jakarta.faces.resource/";
  private static final String YEAR = "public, max-age=31536000, immutable";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (!request.getRequestURI().startsWith(request.getContextPath() + RESOURCES)) {
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Pragma", "no-cache");
    } else if (request.getParameter("v") != null) {
      // A versioned resource (PrimeFaces' own: ?v=<its version>): a new version is a new URL, so
      // a year, whatever the resource handler would set (a week).
      response.setHeader("Cache-Control", YEAR);
      chain.doFilter(request, new YearLong(response));
      return;
    }
    chain.doFilter(request, response);
  }

  /** Keeps the year-long Cache-Control of a versioned resource: later settings are ignored. */
  private static final class YearLong extends jakarta.servlet.http.HttpServletResponseWrapper {

    YearLong(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!"Cache-Control".equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!"Cache-Control".equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setDateHeader(String name, long date) {
      if (!"Expires".equalsIgnoreCase(name)) {
        super.setDateHeader(name, date);
      }
    }
  }
}
