package org.jbp.kernel;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Stores a plan id in the uuid columns: the plan's {@code @Id} (EclipseLink applies a converter to an id, as for
 * {@code Partner}'s account id) and every {@code plan_id}. Named on each attribute, not auto-applied, so a column is
 * a plan id because its entity says so.
 * <p>
 * The column side is {@code Object}, not {@code UUID}: EclipseLink hands a converter the JDBC value as the driver
 * returned it, without converting it first (PostgreSQL's driver returns a {@code UUID}; text is read too), and
 * binds the {@code UUID} written as the uuid it is.
 */
@Converter(autoApply = false)
public class PlanIdConverter implements AttributeConverter<PlanId, Object> {
    @Override
    public Object convertToDatabaseColumn(PlanId id) {
        return id == null ? null : id.value();
    }

    @Override
    public PlanId convertToEntityAttribute(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof UUID uuid ? new PlanId(uuid) : PlanId.parse(value.toString());
    }
}
