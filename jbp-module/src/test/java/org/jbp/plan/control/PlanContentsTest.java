package org.jbp.plan.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanContent;
import org.jbp.plan.entity.PlanPeriod;
import org.jbp.plan.entity.PlanSections;
import org.junit.jupiter.api.Test;

/** A plan's content is parsed once per row version, and a new version always shows its own content. */
class PlanContentsTest {

    /** Stands in for JSON-B (the server's): the stored "JSON" here is the title itself. */
    static final java.util.function.Function<String, PlanContent> PARSER =
            title -> new PlanContent(title, PlanSections.empty(), null);

    static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

    final BusinessPlan draft = new BusinessPlan(PartnerAccountId.of("001000000000001"), UUID.randomUUID(), 1, "USD",
            PlanPeriod.fiscalYear(2027, 1), "005000000000002", "005000000000002", AT);

    @Test
    void theSameVersionReadTwiceIsParsedOnce() throws Exception {
        PlanContents contents = new PlanContents(PlanContents.DEFAULT_CAPACITY, PARSER);
        PlanContent first = contents.attach(asRead(draft, 3, "FY2027 plan")).content();
        PlanContent again = contents.attach(asRead(draft, 3, "FY2027 plan")).content();
        assertSame(first, again);
    }

    @Test
    void aPlanChangedElsewhereShowsItsNewContent() throws Exception {
        PlanContents contents = new PlanContents(PlanContents.DEFAULT_CAPACITY, PARSER);
        contents.attach(asRead(draft, 3, "FY2027 plan"));
        // another node saved the plan: the row comes back with the next version and another title
        BusinessPlan changed = contents.attach(asRead(draft, 4, "FY2027 plan, revised"));
        assertEquals("FY2027 plan, revised", changed.content().title());
    }

    @Test
    void pastItsCapacityTheLeastRecentlyReadIsParsedAgain() throws Exception {
        PlanContents contents = new PlanContents(1, PARSER);
        BusinessPlan other = new BusinessPlan(PartnerAccountId.of("001000000000001"), UUID.randomUUID(), 1, "USD",
                PlanPeriod.fiscalYear(2027, 1), "005000000000002", "005000000000002", AT);
        PlanContent first = contents.attach(asRead(draft, 3, "FY2027 plan")).content();
        contents.attach(asRead(other, 1, "Another plan"));
        assertNotSame(first, contents.attach(asRead(draft, 3, "FY2027 plan")).content());
    }

    @Test
    void contentBeingEditedIsLeftAsItIs() {
        PlanContents contents = new PlanContents(PlanContents.DEFAULT_CAPACITY, PARSER);
        PlanContent edited = new PlanContent("Edited, not saved", PlanSections.empty(), null);
        draft.revise(edited, "Edited, not saved", List.of("title"), "005000000000002", null, AT);
        assertSame(edited, contents.attach(draft).content());
    }

    /** The plan as EclipseLink builds it from its row: the JSON and the version set, nothing parsed yet. */
    private static BusinessPlan asRead(BusinessPlan plan, long version, String title) throws Exception {
        BusinessPlan row = plan;
        set(row, "contentJson", title);
        set(row, "content", null);
        set(row, "version", version);
        return row;
    }

    private static void set(BusinessPlan plan, String field, Object value) throws Exception {
        Field f = BusinessPlan.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(plan, value);
    }
}
