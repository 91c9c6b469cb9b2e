package io.dialtone.launcher;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Row counts and checksums per table, read from a {@code mariadb-dump} as it streams by (written to
 * as an {@link OutputStream}). They describe exactly the snapshot the dump took, which a query run
 * beside it could not; digesting a dump of the restored database the same way must give the same
 * figures. A table's checksum is the SHA-256 of its rows' SQL text in dump order (primary key
 * order), one row per line; the dump's {@code --hex-blob} keeps that text ASCII-safe.
 */
final class DumpDigest extends OutputStream {

  /** One table's figures. */
  record Table(long rows, String checksum) {}

  private static final Pattern CREATE = Pattern.compile("^CREATE TABLE `([^`]+)` \\(");
  private static final Pattern INSERT = Pattern.compile("^INSERT INTO `([^`]+)` VALUES ?");

  private final ByteArrayOutputStream line = new ByteArrayOutputStream(1 << 16);
  private final Map<String, MessageDigest> digests = new LinkedHashMap<>();
  private final Map<String, Long> rows = new LinkedHashMap<>();
  private final ByteArrayOutputStream row = new ByteArrayOutputStream(1 << 12);
  private String inValues;
  private int depth;
  private boolean quoted;
  private boolean escaped;

  @Override
  public void write(int b) {
    if (b == '\n') {
      accept(line.toByteArray());
      line.reset();
    } else {
      line.write(b);
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    int start = offset;
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] == '\n') {
        line.write(bytes, start, i - start);
        accept(line.toByteArray());
        line.reset();
        start = i + 1;
      }
    }
    line.write(bytes, start, offset + length - start);
  }

  /** The figures per table, in dump order (tables without rows included). */
  Map<String, Table> tables() {
    if (line.size() > 0) {
      accept(line.toByteArray());
      line.reset();
    }
    Map<String, Table> result = new LinkedHashMap<>();
    digests.forEach(
        (name, digest) -> {
          try {
            MessageDigest copy = (MessageDigest) digest.clone();
            result.put(name, new Table(rows.get(name), HexFormat.of().formatHex(copy.digest())));
          } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
          }
        });
    return result;
  }

  private void accept(byte[] bytes) {
    int from = 0;
    if (inValues == null) {
      if (bytes.length < 13 || (bytes[0] != 'C' && bytes[0] != 'I')) {
        return;
      }
      String start = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
      Matcher create = CREATE.matcher(start);
      if (create.find()) {
        table(create.group(1));
        return;
      }
      Matcher insert = INSERT.matcher(start);
      if (!insert.find()) {
        return;
      }
      inValues = insert.group(1);
      table(inValues);
      from = insert.group().getBytes(StandardCharsets.UTF_8).length;
    }
    values(bytes, from);
  }

  private MessageDigest table(String name) {
    rows.putIfAbsent(name, 0L);
    return digests.computeIfAbsent(
        name,
        n -> {
          try {
            return MessageDigest.getInstance("SHA-256");
          } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * Splits {@code (…),(…);} into rows, one or several per line (MariaDB 11 writes a row per line):
   * parentheses count only outside quoted strings, and the statement ends at a {@code ;} outside
   * them.
   */
  private void values(byte[] bytes, int from) {
    MessageDigest digest = digests.get(inValues);
    // A row is hashed from its "(" to its ")"; one begun on an earlier line is in {@code row}.
    int rowStart = depth > 0 ? 0 : -1;
    for (int i = from; i < bytes.length; i++) {
      byte b = bytes[i];
      if (quoted) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '\'') {
          quoted = false;
        }
      } else if (b == '\'') {
        quoted = true;
      } else if (b == '(') {
        if (depth++ == 0) {
          row.reset();
          rowStart = i;
        }
      } else if (b == ')' && --depth == 0) {
        if (row.size() == 0) {
          digest.update(bytes, rowStart, i + 1 - rowStart);
        } else {
          row.write(bytes, rowStart, i + 1 - rowStart);
          digest.update(row.toByteArray());
          row.reset();
        }
        digest.update((byte) '\n');
        rows.merge(inValues, 1L, Long::sum);
        rowStart = -1;
      } else if (b == ';' && depth == 0) {
        inValues = null;
        return;
      }
    }
    if (depth > 0) {
      row.write(bytes, rowStart, bytes.length - rowStart);
      row.write('\n');
    }
  }
}
