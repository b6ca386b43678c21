package org.jbp.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A plan id: one parser, one form, and the form the API and the database have always shown. */
class PlanIdTest {

    private static final String TEXT = "3f2b8c1e-0d4a-4b6e-9a7f-2c5d8e1b4a90";

    @Test
    void parsesTheUuidTheApiShowsAndPrintsItBackUnchanged() {
        PlanId id = PlanId.parse(TEXT);
        assertEquals(UUID.fromString(TEXT), id.value());
        assertEquals(TEXT, id.toString(), "paths, JSON and log lines keep showing the plain uuid");
    }

    @Test
    void theSamePlanIsEqualWhicheverWayItsIdArrives() {
        assertEquals(PlanId.parse(TEXT), new PlanId(UUID.fromString(TEXT)));
        assertEquals(PlanId.parse(TEXT).hashCode(), PlanId.parse(TEXT.toUpperCase()).hashCode());
        assertNotEquals(PlanId.parse(TEXT), PlanId.random());
    }

    @Test
    void textThatIsNoPlanIdIsRefusedSayingWhy() {
        for (String bad : List.of("42", "not-a-plan", "3f2b8c1e-0d4a-4b6e-9a7f-2c5d8e1b4a9", TEXT + "0")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PlanId.parse(bad),
                    bad);
            assertTrue(refused.getMessage().contains("'" + bad + "' is not a plan id"), refused.getMessage());
        }
        assertEquals("a plan id is required", assertThrows(IllegalArgumentException.class,
                () -> PlanId.parse(" ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlanId.parse(null));
    }

    @Test
    void theShortGroupsUuidAlsoReadsAreNotASecondNameForAPlan() {
        // UUID.fromString reads "1-2-3-4-5" as 00000001-0002-0003-0004-000000000005
        assertThrows(IllegalArgumentException.class, () -> PlanId.parse("1-2-3-4-5"));
    }

    @Test
    void aPlanIdNeedsAValue() {
        assertThrows(NullPointerException.class, () -> new PlanId(null));
        assertNull(PlanId.ofNullable(null), "an optional plan reference stays absent");
    }

    @Test
    void theConverterStoresTheUuidAndReadsWhatTheDriverReturns() {
        PlanIdConverter converter = new PlanIdConverter();
        PlanId id = PlanId.parse(TEXT);
        assertEquals(UUID.fromString(TEXT), converter.convertToDatabaseColumn(id), "bound as the uuid it is");
        assertEquals(id, converter.convertToEntityAttribute(UUID.fromString(TEXT)), "as the driver returns a uuid column");
        assertEquals(id, converter.convertToEntityAttribute(TEXT));
        assertNull(converter.convertToDatabaseColumn(null), "a plan without a previous plan stores null");
        assertNull(converter.convertToEntityAttribute(null));
    }

    @Test
    void inJsonAPlanIdIsItsUuidString() {
        PlanIdJson json = new PlanIdJson();
        assertEquals(TEXT, json.adaptToJson(PlanId.parse(TEXT)));
        assertEquals(PlanId.parse(TEXT), json.adaptFromJson(TEXT));
    }
}
