package io.easel.server.run;

import io.easel.server.settings.StudioOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@StudioOnly
@RequestMapping("/api/runs/{runId}/nodes/{nodeId}/ports/{port}")
@Tag(name = "Runs")
class PortDataController {

    /** How long a client waits before asking again for statistics being computed (profiling takes seconds). */
    static final String STATISTICS_RETRY_SECONDS = "2";

    private final PortDataService data;
    private final PortStatisticsService statistics;

    PortDataController(PortDataService data, PortStatisticsService statistics) {
        this.data = data;
        this.statistics = statistics;
    }

    @GetMapping("/statistics")
    @Operation(summary = "Column statistics of a table output", description = "Per column (vectors aside): present "
            + "and missing values, distinct values, the most frequent values, and for numbers the mean, standard "
            + "deviation, range and a histogram. Computed by the engine when first asked for, then kept with the "
            + "output: until then the answer is {\"state\":\"computing\"} with a Retry-After header (ask again); "
            + "{\"state\":\"failed\"} with a message when the engine could not compute them (asking again tries "
            + "again). 409 when no warm engine runs on this server to compute them.")
    @ResponseStatus(HttpStatus.OK)
    ResponseEntity<PortStatisticsView> statistics(@PathVariable UUID runId, @PathVariable String nodeId,
            @PathVariable String port) {
        PortStatisticsView answer = statistics.statistics(runId, nodeId, port);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (answer.isComputing()) {
            response.header(HttpHeaders.RETRY_AFTER, STATISTICS_RETRY_SECONDS).cacheControl(CacheControl.noStore());
        }
        return response.body(answer);
    }

    @GetMapping("/rows")
    @Operation(summary = "A page of the rows of a table output", description = "The whole output, page by page, in "
            + "the order the component produced it, or sorted by one column (ties keep that order; missing values "
            + "last), of all rows or of those matching the filters and the search. Answers the columns, the row "
            + "count, the count of matching rows and the page. Sorting, filtering and searching read the whole "
            + "output: up to " + PortDataService.MAX_ROWS_READ + " rows, and a sorted page within the first "
            + PortDataService.MAX_SORTED_WINDOW + " rows of its order (400 beyond).")
    PortRows rows(@PathVariable UUID runId, @PathVariable String nodeId, @PathVariable String port,
            @Parameter(description = "The first row of the page, from 0") @RequestParam(defaultValue = "0")
            long offset,
            @Parameter(description = "Rows in the page, 1 to " + RowQuery.MAX_LIMIT)
            @RequestParam(defaultValue = "" + RowQuery.DEFAULT_LIMIT) int limit,
            @Parameter(description = "column, column,asc or column,desc") @RequestParam(required = false)
            String sort,
            @Parameter(description = "Repeatable, all must hold: 'column op value' with op one of =, !=, <, <=, >, "
                    + ">=, contains (e.g. 'age >= 30', 'purpose contains car', 'prediction = null'); the value is "
                    + "read as the column's type, never evaluated")
            @RequestParam(required = false) List<String> filter,
            @Parameter(description = "Text that some cell of each row contains, ignoring case")
            @RequestParam(required = false) String search) {
        return data.rows(runId, nodeId, port, RowQuery.of(offset, limit, sort, filter, search));
    }

    @GetMapping("/download")
    @Operation(summary = "Download a table output", description = "The whole output, streamed from the run "
            + "workspace: format=csv (UTF-8, a header row, vectors as JSON arrays) or format=parquet (the Parquet "
            + "file as the engine wrote it, or a zip of its part files when it wrote several). Saved as "
            + "<experiment>-<node>-<port>.csv, .parquet or .zip.")
    void download(@PathVariable UUID runId, @PathVariable String nodeId, @PathVariable String port,
            @Parameter(description = "csv or parquet") @RequestParam(defaultValue = "csv") String format,
            HttpServletResponse response) throws IOException {
        PortDataService.Download download = data.download(runId, nodeId, port, format(format));
        response.setContentType(download.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(download.fileName(), StandardCharsets.UTF_8).build().toString());
        download.body().writeTo(response.getOutputStream());
    }

    private static PortDataService.Format format(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> PortDataService.Format.CSV;
            case "parquet" -> PortDataService.Format.PARQUET;
            default -> throw RowQueryException.badParam("format", "format is csv or parquet, not '" + format + "'");
        };
    }
}
