package io.dialtone.cdr.boundary.rates;

import io.dialtone.cdr.control.RateDeckAdmin;
import io.dialtone.cdr.control.RateDeckCsv;
import io.dialtone.cdr.control.RateDeckUpload;
import io.dialtone.cdr.control.RateLineError;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /rates/index.xhtml}: the platform administrator's rate deck, and the CSV upload that
 * replaces it. A refused upload lists every bad line with its reason; nothing was imported then.
 * The control checks MANAGE_RATE_DECK on every call (others get 404).
 */
@Named
@ViewScoped
public class RatesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The largest file accepted (about 200,000 lines). */
  public static final long MAX_BYTES = 10L * 1024 * 1024;

  @Inject transient RateDeckAdmin admin;

  private transient Part file;
  private List<RateRow> rates = List.of();
  private List<RateLineError> errors = List.of();

  /** View action: the deck (refused without MANAGE_RATE_DECK: 404). */
  public void load() {
    rates = admin.rates().stream().map(RateRow::of).toList();
  }

  public void upload() {
    errors = List.of();
    if (file == null || file.getSize() == 0) {
      Messages.addGlobalError("rates.noFile");
    } else if (file.getSize() > MAX_BYTES) {
      Messages.addGlobalError("rates.tooLarge");
    } else {
      try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
        RateDeckUpload result = admin.upload(csv, file.getSubmittedFileName());
        if (result.accepted()) {
          Messages.addGlobalInfo("rates.imported", result.imported());
        } else {
          errors = result.errors();
          Messages.addGlobalError("rates.refused", errors.size());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    file = null;
    load();
  }

  public String getHeader() {
    return RateDeckCsv.HEADER;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public List<RateRow> getRates() {
    return rates;
  }

  public List<RateLineError> getErrors() {
    return errors;
  }
}
