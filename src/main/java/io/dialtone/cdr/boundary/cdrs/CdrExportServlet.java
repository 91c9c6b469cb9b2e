package io.dialtone.cdr.boundary.cdrs;

import io.dialtone.cdr.control.CdrExports;
import io.dialtone.cdr.control.ExportJob;
import io.dialtone.platform.control.AccessDenied;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code /cdrs/export.csv?job=}: the finished CSV of the caller's own export job, streamed once
 * (the file is deleted after). Anything else — another user's job, an unknown or unfinished one, no
 * EXPORT_CDRS — is answered 404. Behind the sign-in like every page (web.xml).
 */
@WebServlet("/cdrs/export.csv")
public class CdrExportServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient CdrExports exports;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String id = request.getParameter("job");
    Optional<ExportJob> job;
    Optional<InputStream> file;
    try {
      job = exports.job(id);
      file = job.isPresent() ? exports.take(id) : Optional.empty();
    } catch (AccessDenied e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (file.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"" + job.get().fileName() + "\"");
    response.setHeader("Cache-Control", "no-store");
    try (InputStream in = file.get()) {
      in.transferTo(response.getOutputStream());
    }
  }
}
