package io.easel.server.web;

import io.easel.server.settings.StoredJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes an RFC 9457 problem straight to a response, for the places that answer before Spring MVC does (servlet
 * filters, handlers outside the controllers), in the same shape as every other error of the API.
 */
public final class ProblemJson {

    private ProblemJson() {}

    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail,
            String instance) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(StoredJson.MAPPER.writeValueAsString(problem));
    }
}
