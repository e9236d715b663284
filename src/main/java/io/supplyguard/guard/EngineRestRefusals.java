package io.supplyguard.guard;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Some engine REST resources (process start, task completion among them) wrap every engine
 * exception in a 500. A refusal of the engine's guards or of a form's listener is the client's
 * error: answered 400 with the refusal's own message.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestRefusals {

    @Bean
    ResourceConfigCustomizer engineRefusalsAreBadRequests() {
        return config -> config.register(RefusalsAreBadRequests.class);
    }

    @Priority(1)
    static class RefusalsAreBadRequests implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            BadUserRequestException refusal = refusalIn(exception);
            if (refusal != null) {
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(ExceptionDto.fromException(refusal)).build();
            }
            return camunda.toResponse(exception);
        }

        /** The refusal behind the failure: a task listener's refusal arrives wrapped by the engine (ENGINE-03051). */
        private static BadUserRequestException refusalIn(Throwable failure) {
            for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                if (cause instanceof BadUserRequestException refusal) {
                    return refusal;
                }
            }
            return null;
        }
    }
}
