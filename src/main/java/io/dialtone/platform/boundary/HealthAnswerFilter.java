package io.dialtone.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The health endpoints ({@code /health}, {@code /health/ready}, …) answer anyone, load balancers
 * first: they say up or down and nothing else. MicroProfile Health would list every check with its
 * data (which database, which error), so its body is discarded and only its status (200 up, 503
 * down) is kept.
 */
@WebFilter(filterName = "healthAnswer", urlPatterns = "/health/*", asyncSupported = false)
public class HealthAnswerFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var statusOnly = new StatusOnly(response);
    chain.doFilter(request, statusOnly);
    int status = statusOnly.getStatus();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            status == HttpServletResponse.SC_OK ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
  }

  /** The wrapped answer with its body thrown away: nothing of it reaches the client. */
  private static final class StatusOnly extends HttpServletResponseWrapper {

    private final ServletOutputStream discarded = new Discarded();

    StatusOnly(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return discarded;
    }

    @Override
    public PrintWriter getWriter() {
      return new PrintWriter(OutputStream.nullOutputStream());
    }

    @Override
    public void setContentLength(int length) {}

    @Override
    public void setContentLengthLong(long length) {}

    @Override
    public void flushBuffer() {}

    @Override
    public void sendError(int status) {
      setStatus(status);
    }

    @Override
    public void sendError(int status, String message) {
      setStatus(status);
    }
  }

  private static final class Discarded extends ServletOutputStream {
    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {}

    @Override
    public void write(int b) {}
  }
}
