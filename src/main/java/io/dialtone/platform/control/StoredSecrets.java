package io.dialtone.platform.control;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a component declares about the secrets it stores encrypted with {@link DataCipher}: the
 * columns that hold them. A component that stores such a value implements this interface with an
 * application-scoped bean in its {@code control} package; {@link DataKeyRotation} finds every
 * implementation, counts the values per key id and moves them to the new key in batches. A secret
 * column that no implementation declares would keep its old key and block that key's retirement
 * only if counted: declare every one.
 */
public interface StoredSecrets {

  /** The columns of this component that hold {@link DataCipher} values (NULL allowed). */
  List<SecretColumn> secretColumns();

  /**
   * One column of encrypted values: its table, the table's numeric primary key column (for walking
   * the table in batches) and the column itself. Plain SQL identifiers only.
   */
  record SecretColumn(String table, String idColumn, String column) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public SecretColumn {
      for (String name : new String[] {table, idColumn, column}) {
        if (!IDENTIFIER.matcher(Objects.requireNonNull(name, "identifier")).matches()) {
          throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
      }
    }

    /** {@code table.column}, as the logs name it. */
    public String label() {
      return table + "." + column;
    }

    // The statements of a rotation. Identifiers cannot be bound as parameters: these are declared
    // in code and checked as plain identifiers by the constructor; every value is a parameter.

    /** Up to ?4 (id, value) after id ?1 whose value does not start with ?3 (of length ?2). */
    String selectNotUnderSql() {
      return """
          SELECT %2$s, %3$s FROM %1$s
          WHERE %2$s > ? AND %3$s IS NOT NULL AND LEFT(%3$s, ?) <> ?
          ORDER BY %2$s LIMIT ?"""
          .formatted(table, idColumn, column);
    }

    /** Sets the value ?1 of id ?2 only while it is still ?3. */
    String replaceSql() {
      return "UPDATE %1$s SET %3$s = ? WHERE %2$s = ? AND %3$s = ?"
          .formatted(table, idColumn, column);
    }

    /** (key id, count) of the stored values. */
    String countByKeySql() {
      return """
          SELECT SUBSTRING_INDEX(SUBSTRING_INDEX(%2$s, ':', 2), ':', -1) AS key_id, COUNT(*)
          FROM %1$s WHERE %2$s IS NOT NULL GROUP BY key_id"""
          .formatted(table, column);
    }
  }
}
