package io.dialtone.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plain HTTP only redirects to HTTPS, at the configured public address ({@code
 * dialtone.public-url}) with the same path and query. This replaces the container's HTTPS redirect
 * (a CONFIDENTIAL transport guarantee in web.xml), which writes the request's Host header into the
 * Location, so a forged Host sent a visitor to any host. Nothing is served over HTTP: the redirect
 * happens before any page or resource. Declared in web.xml (not annotated), so test deployments
 * without that descriptor, which their runner reaches over plain HTTP, do not get it.
 */
public class HttpsOnlyFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject
  @ConfigProperty(name = "dialtone.public-url", defaultValue = "https://localhost:8443")
  String publicUrl;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.isSecure()) {
      chain.doFilter(request, response);
      return;
    }
    String query = request.getQueryString();
    response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
    response.setHeader(
        "Location",
        publicUrl.replaceAll("/+$", "")
            + request.getRequestURI()
            + (query == null ? "" : "?" + query));
  }
}
