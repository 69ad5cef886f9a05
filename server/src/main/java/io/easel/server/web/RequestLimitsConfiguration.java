package io.easel.server.web;

import io.easel.server.settings.LimitSettings;
import java.util.stream.Stream;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** What keeps one request, or a burst of them, from exhausting the server's memory. */
@Configuration(proxyBeanMethods = false)
class RequestLimitsConfiguration {

    /** Before anything else may read a body. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(LimitSettings limits) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /**
     * Tomcat answers {@code Expect: 100-continue} only when the body is first read, so a request refused before that
     * (too large, not signed in) is answered without its client ever sending the body. A body of an allowed size that
     * is refused before it is read to the end (malformed JSON, a NUL character early on) is read to the end and
     * dropped, so its client gets the answer: Tomcat's default of 2 MB would close the connection under a client
     * still sending, which then sees no answer at all.
     */
    @Bean
    TomcatProtocolHandlerCustomizer<AbstractHttp11Protocol<?>> continueOnlyWhenTheBodyIsRead(LimitSettings limits) {
        long largestBody = Stream.of(limits.requestBody(), limits.experimentBody(), limits.scoringBody(),
                limits.engineEventsBody()).mapToLong(DataSize::toBytes).max().orElseThrow();
        return protocol -> {
            protocol.setContinueResponseTiming("onRead");
            protocol.setMaxSwallowSize((int) Math.min(Integer.MAX_VALUE, largestBody));
        };
    }
}
