package io.dialtone.platform.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Error pages render as for a plain GET without parameters, whatever request failed. Faces would
 * otherwise take the failed form post's view state and Ajax markers for its own: it would try to
 * restore the failed page's view for the error page, and PrimeFaces would refuse to render it
 * without that post's CSP nonce, the very thing missing when {@link CspNonceCheck} refused it.
 */
@WebFilter(
    filterName = "errorPages",
    urlPatterns = "/WEB-INF/errors/*",
    asyncSupported = true,
    dispatcherTypes = DispatcherType.ERROR)
public class ErrorPageFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(new PlainGet(request), response);
  }

  /** The failed request without method, parameters and Faces' Ajax header. */
  static final class PlainGet extends HttpServletRequestWrapper {

    private static final String FACES_REQUEST = "Faces-Request";

    PlainGet(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getMethod() {
      return "GET";
    }

    @Override
    public String getParameter(String name) {
      return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return Map.of();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
      return null;
    }

    @Override
    public String getHeader(String name) {
      return FACES_REQUEST.equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return FACES_REQUEST.equalsIgnoreCase(name)
          ? Collections.emptyEnumeration()
          : super.getHeaders(name);
    }
  }
}
