package io.dialtone.platform.boundary;

import io.dialtone.platform.control.OperationsMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /manage/metrics}: the Prometheus scrape, for the operator's monitoring only. Off unless
 * {@code DIALTONE_METRICS_TOKEN} is set (at least 32 characters), and then answered only to a
 * request with {@code Authorization: Bearer <token>}; anyone else (signed in or not) gets the same
 * 404 as an unknown address, so the path tells nothing.
 */
@WebServlet(name = "metrics", urlPatterns = MetricsEndpoint.PATH)
public class MetricsEndpoint extends HttpServlet {

  public static final String PATH = "/manage/metrics";

  private static final long serialVersionUID = 1L;
  private static final int MIN_TOKEN = 32;
  private static final String BEARER = "Bearer ";

  @Inject transient OperationsMetrics metrics;

  @Inject
  @ConfigProperty(name = "dialtone.metrics.token")
  transient Optional<String> token;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!allowed(request.getHeader("Authorization"))) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("text/plain; version=0.0.4; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private boolean allowed(String authorization) {
    Optional<String> expected = token.map(String::strip).filter(t -> t.length() >= MIN_TOKEN);
    if (expected.isEmpty() || authorization == null || !authorization.startsWith(BEARER)) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.get().getBytes(StandardCharsets.UTF_8),
        authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8));
  }
}
