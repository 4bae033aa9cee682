package cn.szcg.assessment.domain;

import java.util.ArrayList;
import java.util.List;

/** Rows with their column definitions; the service renders it as JSON, CSV or .xlsx. */
public record ReportTable<T>(List<Column<T>> columns, List<T> rows) {
  public ReportTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public List<String> headings(Column.Lang lang) {
    return columns.stream().map(c -> c.heading(lang)).toList();
  }

  /** The cell values, row by row, in column order (null = "—"). */
  public List<List<Object>> values() {
    List<List<Object>> out = new ArrayList<>();
    for (T row : rows) {
      List<Object> cells = new ArrayList<>();
      for (Column<T> c : columns) {
        cells.add(c.valueOf(row));
      }
      out.add(cells);
    }
    return out;
  }
}
