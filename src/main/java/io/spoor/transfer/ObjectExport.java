package io.spoor.transfer;

import io.spoor.crm.CrmObject;
import io.spoor.crm.object.ObjectReads;
import io.spoor.crm.object.PropertyReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A portal's contacts or companies as CSV rows, one page of the store at a time, in id order. */
final class ObjectExport<T extends CrmObject> implements CsvStream.Pages {
  static final int PAGE = 500;

  private final ObjectReads<T> reads;
  private final long hubId;
  private final List<String> columns;
  private final PropertyReader<T> reader;

  /** Blocking: reads the portal's custom property types. */
  ObjectExport(ObjectReads<T> reads, long hubId, List<String> columns) {
    this.reads = reads;
    this.hubId = hubId;
    this.columns = List.copyOf(columns);
    this.reader = reads.reader(hubId);
  }

  @Override
  public CsvStream.Page next(Optional<Long> after) {
    ObjectReads.Page<T> page = reads.list(hubId, after.map(String::valueOf), PAGE);
    List<List<String>> rows = new ArrayList<>(page.results().size());
    for (T object : page.results()) {
      List<String> row = new ArrayList<>(columns.size());
      columns.forEach(name -> row.add(reader.value(object, name).orElse("")));
      rows.add(row);
    }
    return new CsvStream.Page(rows, page.next());
  }
}
