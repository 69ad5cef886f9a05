package io.easel.server.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * JSON 404s for paths that are nobody's: every {@code /api} path no controller maps, and the error page requested
 * directly (it exists only to render errors the container forwards to it, and would otherwise answer a direct
 * request with a 500).
 */
@Configuration(proxyBeanMethods = false)
class UnmappedPaths {

    /**
     * Right after the controllers' own mapping (which already answers 405 for a mapped path and another method):
     * without it the studio's UI, which takes every other path, would answer with its HTML page and 200.
     */
    @Bean
    SimpleUrlHandlerMapping unknownApiPathMapping() {
        HttpRequestHandler notFound = (request, response) -> notFound(request, response,
                "There is no " + request.getMethod() + " " + request.getRequestURI() + " in the Easel API; the "
                        + "OpenAPI description at /v3/api-docs lists every endpoint");
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/api/**", notFound));
        mapping.setOrder(1); // the controllers' mapping is 0; static resources and the UI come later
        return mapping;
    }

    /** Only for requests from clients: the container's own error forwards still reach the error page. */
    @Bean
    FilterRegistrationBean<Filter> directErrorPageRequests() {
        Filter filter = (request, response, chain) -> notFound((HttpServletRequest) request,
                (HttpServletResponse) response, "There is nothing at /error");
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/error");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    private static void notFound(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        ProblemJson.write(response, HttpStatus.NOT_FOUND, "Not found", detail, request.getRequestURI());
    }
}
