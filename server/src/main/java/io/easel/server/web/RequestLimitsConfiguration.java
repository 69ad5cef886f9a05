package io.easel.server.web;

import io.easel.server.settings.LimitSettings;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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
     * (too large, not signed in) is answered without its client ever sending the body.
     */
    @Bean
    TomcatProtocolHandlerCustomizer<AbstractHttp11Protocol<?>> continueOnlyWhenTheBodyIsRead() {
        return protocol -> protocol.setContinueResponseTiming("onRead");
    }
}
