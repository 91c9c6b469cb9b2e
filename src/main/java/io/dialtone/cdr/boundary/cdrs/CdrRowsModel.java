package io.dialtone.cdr.boundary.cdrs;

import io.dialtone.cdr.control.CallRecords;
import io.dialtone.cdr.control.CdrCursor;
import io.dialtone.cdr.control.CdrFilter;
import io.dialtone.cdr.control.CdrRow;
import jakarta.enterprise.inject.spi.CDI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The CDR table's rows, page by page with keyset paging: the cursor after each page shown is kept,
 * so the next page starts where the last ended (never OFFSET: page 1,000 costs what page 1 does).
 * The paginator offers first, previous and next; a page further on is reached by walking forward
 * from the furthest known one. Sorting: start time only (every index of the table ends in it),
 * newest first by default. The count is the filter's total calls.
 */
final class CdrRowsModel extends LazyDataModel<CdrRow> {

  private static final long serialVersionUID = 1L;

  /** A supplier the view state can keep (the bean's lambdas). */
  interface Source<T> extends Supplier<T>, java.io.Serializable {}

  private final Source<CdrFilter> filter;
  private final Source<Long> count;
  private final List<CdrCursor> pageEnds = new ArrayList<>();
  private int pageSize;
  private boolean ascending;

  CdrRowsModel(Source<CdrFilter> filter, Source<Long> count) {
    this.filter = filter;
    this.count = count;
  }

  /** Forgets the cursors (a new filter). */
  void reset() {
    pageEnds.clear();
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, count.get());
  }

  @Override
  public List<CdrRow> load(
      int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    CdrFilter f = filter.get();
    if (f == null) {
      return List.of();
    }
    boolean asc = sortBy.values().stream().anyMatch(s -> s.getOrder() == SortOrder.ASCENDING);
    if (size != pageSize || asc != ascending) {
      pageEnds.clear();
      pageSize = size;
      ascending = asc;
    }
    CallRecords records = CDI.current().select(CallRecords.class).get();
    int page = first / Math.max(1, size);
    while (pageEnds.size() < page) {
      List<CdrRow> skipped = records.page(f, cursorBefore(pageEnds.size()), asc, size);
      if (skipped.isEmpty()) {
        return List.of();
      }
      pageEnds.add(CdrCursor.after(skipped.get(skipped.size() - 1)));
    }
    List<CdrRow> rows = records.page(f, cursorBefore(page), asc, size);
    if (!rows.isEmpty()) {
      CdrCursor end = CdrCursor.after(rows.get(rows.size() - 1));
      if (pageEnds.size() == page) {
        pageEnds.add(end);
      } else {
        pageEnds.set(page, end);
      }
    }
    return rows;
  }

  private CdrCursor cursorBefore(int page) {
    return page == 0 ? null : pageEnds.get(page - 1);
  }

  @Override
  public String getRowKey(CdrRow row) {
    return String.valueOf(row.id());
  }

  @Override
  public CdrRow getRowData(String rowKey) {
    return null;
  }
}
