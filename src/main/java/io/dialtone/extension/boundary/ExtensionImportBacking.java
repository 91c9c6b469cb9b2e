package io.dialtone.extension.boundary;

import io.dialtone.extension.control.ExtensionImport;
import io.dialtone.extension.control.ImportError;
import io.dialtone.extension.control.ImportResult;
import io.dialtone.extension.control.NewSipSecret;
import io.dialtone.identity.control.AccessControl;
import io.dialtone.identity.entity.Permission;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.omnifaces.util.Faces;
import org.primefaces.model.file.UploadedFile;

/**
 * {@code /extensions/import.xhtml}: upload a CSV of extensions ({@code number,name,type}); a broken
 * file imports nothing and lists every broken line; a good one creates them all and offers their
 * SIP credentials once as a CSV download (the view forgets them after the download).
 */
@Named
@ViewScoped
public class ExtensionImportBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final long MAX_BYTES = 2L * 1024 * 1024;

  @Inject transient ExtensionImport importer;
  @Inject transient AccessControl access;

  private transient UploadedFile file;
  private List<ImportError> errors = List.of();
  private List<NewSipSecret> secrets;
  private int imported;

  /** View action: only for callers who may import (else 404). */
  public void load() {
    access.require(Permission.MANAGE_EXTENSIONS);
    access.require(Permission.REVEAL_SIP_SECRET);
  }

  public void upload() {
    errors = List.of();
    secrets = null;
    if (file == null || file.getSize() == 0) {
      Messages.addGlobalError("extensions_import.noFile");
      return;
    }
    if (file.getSize() > MAX_BYTES) {
      Messages.addGlobalError("extensions_import.tooLarge");
      return;
    }
    String text = new String(file.getContent(), StandardCharsets.UTF_8);
    ImportResult result = importer.importCsv(access.caller().accountId(), text);
    if (result.imported()) {
      secrets = result.created();
      imported = secrets.size();
      Messages.addGlobalInfo("extensions_import.done", imported);
    } else {
      errors = result.errors();
      Messages.addGlobalError("extensions_import.refused", errors.size());
    }
  }

  /** Sends the provisioning CSV once, then forgets the secrets. */
  public void download() throws IOException {
    if (secrets == null) {
      Messages.addGlobalError("extensions_import.alreadyDownloaded");
      return;
    }
    byte[] csv = ProvisioningCsv.of(secrets).getBytes(StandardCharsets.UTF_8);
    secrets = null;
    Faces.sendFile(csv, "dialtone-extensions.csv", true);
  }

  public String lineText(ImportError error) {
    return Messages.text("extensions_import.line", error.line(), Messages.text(error.messageKey()));
  }

  public boolean isDownloadable() {
    return secrets != null;
  }

  public int getImported() {
    return imported;
  }

  public List<ImportError> getErrors() {
    return errors;
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }
}
