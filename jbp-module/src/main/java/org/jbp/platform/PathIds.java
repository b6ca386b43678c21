package org.jbp.platform;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jbp.kernel.PlanId;

/**
 * Lets resources take {@code @PathParam("id") PlanId id}. An id that is not even a plan id names nothing, so it
 * answers 404 like an unknown one (the same answer as {@link Ids#uuid} for the other ids in paths): the refusal
 * travels as a {@link ProblemException} inside JAX-RS's parameter exception, which
 * {@link WebApplicationExceptionMapper} renders as it is.
 */
@Provider
public class PathIds implements ParamConverterProvider {

    private static final ParamConverter<PlanId> PLAN_ID = new ParamConverter<>() {
        @Override
        public PlanId fromString(String value) {
            try {
                return PlanId.parse(value);
            } catch (IllegalArgumentException e) {
                throw ProblemException.notFound("Plan " + value);
            }
        }

        @Override
        public String toString(PlanId id) {
            return id.toString();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == PlanId.class ? (ParamConverter<T>) PLAN_ID : null;
    }

    /** The converter itself, for a plan id that arrives as a string some other way (a path of a sub-resource). */
    public static PlanId plan(String value) {
        return PLAN_ID.fromString(value);
    }
}
