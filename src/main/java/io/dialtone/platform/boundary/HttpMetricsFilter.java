package io.dialtone.platform.boundary;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * Counts every HTTP request by method and answer status with its latency ({@code
 * http_server_requests_seconds}, a histogram). No path in the tags: ids in addresses would make one
 * series per customer.
 */
@WebFilter(filterName = "httpMetrics", urlPatterns = "/*", asyncSupported = true)
public class HttpMetricsFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient MeterRegistry registry;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      Timer.builder("http.server.requests")
          .description("HTTP requests by method and status")
          .tag("method", method(request.getMethod()))
          .tag("status", Integer.toString(response.getStatus()))
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofMillis(1))
          .maximumExpectedValue(Duration.ofSeconds(30))
          .register(registry)
          .record(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** The standard methods as they are; anything else as OTHER (a client chooses the method). */
  private static String method(String method) {
    return switch (method) {
      case "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE" -> method;
      default -> "OTHER";
    };
  }
}
