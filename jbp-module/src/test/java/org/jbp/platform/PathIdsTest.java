package org.jbp.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.util.UUID;
import org.jbp.kernel.PlanId;
import org.junit.jupiter.api.Test;

/** A plan id in a path: read by one converter, and a path that names no plan is the 404 an unknown plan is. */
class PathIdsTest {

    private final ParamConverter<PlanId> converter =
            new PathIds().getConverter(PlanId.class, PlanId.class, new Annotation[0]);

    @Test
    void aPlanIdInAPathIsRead() {
        UUID uuid = UUID.randomUUID();
        assertEquals(new PlanId(uuid), converter.fromString(uuid.toString()));
        assertEquals(uuid.toString(), converter.toString(new PlanId(uuid)));
    }

    @Test
    void aPathThatIsNoPlanIdAnswersLikeAnUnknownPlan() {
        ProblemException refused = assertThrows(ProblemException.class, () -> converter.fromString("not-a-plan"));
        ProblemException unknown = ProblemException.notFound("Plan not-a-plan");
        assertEquals(404, refused.status());
        assertEquals(unknown.type(), refused.type());
        assertEquals(unknown.getMessage(), refused.getMessage());
    }

    @Test
    void otherTypesAreLeftToJaxRs() {
        assertNull(new PathIds().getConverter(String.class, String.class, new Annotation[0]));
    }
}
