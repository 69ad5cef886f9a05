package io.easel.studio.editor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.easel.component.ColumnSpec;
import io.easel.component.TableSpec;
import io.easel.server.run.PortDataService;
import io.easel.server.run.PortStatisticsView;
import io.easel.server.run.PortRows;
import io.easel.server.run.RowQuery;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.web.ErrorResponseException;

/**
 * A whole table output, a page at a time: sorted on the server by clicking a column header, filtered by a
 * {@code column op value} condition or searched for any text, with the rows shown and the total
 * ("1–100 of 12,345"), and the output as a CSV or Parquet download.
 */
class TableDataGrid extends Div {

    /** What the grid reads: pages of one output of a run, and that output as a file; and its column statistics. */
    interface Source {
        PortRows rows(RowQuery query);

        PortDataService.Download download(PortDataService.Format format);

        /** The output's column statistics, or that the engine is computing them. */
        PortStatisticsView statistics();
    }

    static final int PAGE_SIZE = 100;
    private static final Pattern OPERATOR = Pattern.compile("\\s*(!=|<=|>=|=|<|>|contains\\s).*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final TableSpec table;
    private final Source source;
    private final NumberFormat numbers;
    private final Grid<List<Object>> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final Span range = new Span();
    private final Span problem = new Span();
    private final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create(), e -> turn(-PAGE_SIZE));
    private final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create(), e -> turn(PAGE_SIZE));

    private long pageStart;
    /** The matching rows and the whole output's rows for the current filter, once counted; -1 before. */
    private long matching = -1;
    private long total = -1;

    TableDataGrid(TableSpec table, Source source, Locale locale, Function<Object, String> cells) {
        this.table = table;
        this.source = source;
        this.numbers = NumberFormat.getIntegerInstance(locale);
        addClassName("table-data");

        filter.setPlaceholder(getTranslation("results.data.filter"));
        filter.setHelperText(getTranslation("results.data.filter-help"));
        filter.setPrefixComponent(VaadinIcon.FILTER.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addClassName("table-data-filter");
        filter.addValueChangeListener(e -> restart());
        Anchor csv = download(PortDataService.Format.CSV, getTranslation("results.data.download-csv"));
        Anchor parquet = download(PortDataService.Format.PARQUET, getTranslation("results.data.download-parquet"));
        Div toolbar = new Div(filter, csv, parquet);
        toolbar.addClassName("table-data-toolbar");
        problem.addClassName("table-data-problem");

        grid.addClassName("sample-grid");
        grid.addThemeVariants(GridVariant.COLUMN_BORDERS, GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(PAGE_SIZE);
        grid.setMultiSort(false);
        List<ColumnSpec> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            ColumnSpec column = columns.get(i);
            Span header = new Span(column.name());
            header.getElement().setAttribute("data-column", column.name());
            grid.addColumn(row -> index < row.size() ? cells.apply(row.get(index)) : "")
                    .setHeader(header)
                    .setSortProperty(column.name())
                    .setAutoWidth(true)
                    .setResizable(true)
                    .setTextAlign(column.type().isNumeric() ? ColumnTextAlign.END : ColumnTextAlign.START);
        }
        grid.setItems(this::fetch, this::count);
        grid.setSizeFull();

        previous.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        next.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        previous.setAriaLabel(getTranslation("results.data.previous"));
        next.setAriaLabel(getTranslation("results.data.next"));
        range.addClassName("table-data-range");
        Div pager = new Div(previous, range, next);
        pager.addClassName("table-data-pager");
        add(toolbar, problem, grid, pager);
    }

    private Anchor download(PortDataService.Format format, String text) {
        DownloadHandler file = event -> {
            PortDataService.Download download = source.download(format);
            event.setFileName(download.fileName());
            event.setContentType(download.contentType());
            download.body().writeTo(event.getOutputStream());
        };
        Anchor anchor = new Anchor(file, AttachmentType.DOWNLOAD, "");
        Button button = new Button(text, VaadinIcon.DOWNLOAD_ALT.create());
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        anchor.add(button);
        anchor.getElement().setAttribute("data-download", format.name().toLowerCase(Locale.ROOT));
        return anchor;
    }

    private void restart() {
        pageStart = 0;
        matching = -1;
        grid.getDataProvider().refreshAll();
    }

    private void turn(long by) {
        pageStart = Math.max(0, pageStart + by);
        grid.getDataProvider().refreshAll();
    }

    /** The rows of the current page the grid asks for. */
    private Stream<List<Object>> fetch(Query<List<Object>, Void> query) {
        if (query.getLimit() == 0) {
            return Stream.empty();
        }
        String sort = query.getSortOrders().stream().findFirst()
                .map(o -> o.getSorted() + (o.getDirection() == SortDirection.DESCENDING ? ",desc" : ""))
                .orElse(null);
        int limit = Math.min(query.getLimit(), RowQuery.MAX_LIMIT);
        return read(pageStart + query.getOffset(), limit, sort).map(rows -> rows.rows().stream())
                .orElse(Stream.empty());
    }

    /** The rows of the current page: counted once per filter (a filter reads the whole output). */
    private int count(Query<List<Object>, Void> query) {
        if (matching < 0) {
            read(0, 1, null);
        }
        showRange();
        return (int) Math.max(0, Math.min(PAGE_SIZE, matching - pageStart));
    }

    private Optional<PortRows> read(long offset, int limit, String sort) {
        String text = filter.getValue().strip();
        boolean condition = isCondition(text);
        try {
            PortRows rows = source.rows(RowQuery.of(offset, limit, sort, condition ? List.of(text) : List.of(),
                    condition ? null : text));
            matching = rows.matchingRows();
            total = rows.rowCount();
            problem.setText("");
            return Optional.of(rows);
        } catch (ErrorResponseException refused) { // a filter that does not fit the column, too much to sort
            matching = 0;
            problem.setText(refused.getMessage());
            return Optional.empty();
        }
    }

    /** "column op value" with a column of this table; anything else is text to search for. */
    private boolean isCondition(String text) {
        return table.columnNames().stream().anyMatch(name -> text.startsWith(name)
                && OPERATOR.matcher(text.substring(name.length())).matches());
    }

    private void showRange() {
        long shownTo = Math.min(pageStart + PAGE_SIZE, Math.max(matching, 0));
        String of = matching == total ? numbers.format(total)
                : getTranslation("results.data.matching", numbers.format(matching), numbers.format(total));
        range.setText(matching <= 0 ? getTranslation("results.data.none", numbers.format(Math.max(total, 0)))
                : getTranslation("results.data.range", numbers.format(pageStart + 1), numbers.format(shownTo), of));
        range.getElement().setAttribute("data-matching", String.valueOf(matching));
        previous.setEnabled(pageStart > 0);
        next.setEnabled(pageStart + PAGE_SIZE < matching);
    }
}
