package io.easel.server.security;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint the running server maps, read from its handler mappings (controllers, the OpenAPI description,
 * actuator), so a test over "every endpoint" also covers the ones added after it was written.
 */
public record Endpoint(String method, String pattern, HandlerMethod handler) {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}|\\*\\*?");

    public static List<Endpoint> all(ApplicationContext server) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : server.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
                for (String pattern : entry.getKey().getPatternValues()) {
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        endpoints.add(new Endpoint(method.name(), pattern, entry.getValue()));
                    }
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    /**
     * The part of {@code anything} this endpoint reads as its body: the API reads bodies strictly (an unknown field is
     * a 400), so a body shared by every endpoint is cut down to the fields of each one's request record.
     */
    public Map<String, Object> body(Map<String, Object> anything) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(RequestBody.class) && type.isRecord()) {
                Set<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                        .collect(Collectors.toSet());
                Map<String, Object> body = new LinkedHashMap<>(anything);
                body.keySet().retainAll(fields);
                return body;
            }
        }
        return anything;
    }

    /** The path with each {variable} replaced by what {@code values} gives for its name ("*" and "**" by "x"). */
    public String path(java.util.function.Function<String, String> values) {
        Matcher variables = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1);
            variables.appendReplacement(path, Matcher.quoteReplacement(name == null ? "x" : values.apply(name)));
        }
        variables.appendTail(path);
        return path.toString();
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
