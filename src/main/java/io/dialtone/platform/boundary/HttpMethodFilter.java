package io.dialtone.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Pages and resources answer GET, HEAD and POST only; any other method, standard (PUT, DELETE,
 * OPTIONS, PATCH, WebDAV's) or made up, gets 405 with an {@code Allow} header and Dialtone's own
 * translated page. Without this, Faces renders a page for PUT and DELETE as for GET, and answers
 * methods it does not know with the server's default error page.
 */
@WebFilter(filterName = "httpMethods", urlPatterns = "/*", asyncSupported = true)
public class HttpMethodFilter extends HttpFilter {

  /** The value of the {@code Allow} header. */
  public static final String ALLOWED = "GET, HEAD, POST";

  private static final long serialVersionUID = 1L;
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");
  private static final String PAGE = "/WEB-INF/errors/405.xhtml";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (METHODS.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    response.setHeader("Allow", ALLOWED);
    // Rendered as a plain GET: Faces refuses to render anything for a method it does not know.
    request.getRequestDispatcher(PAGE).forward(new ErrorPageFilter.PlainGet(request), response);
  }
}
