package org.jbp.kernel;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores account ids in their 18-character form. */
@Converter(autoApply = true)
public class PartnerAccountIdConverter implements AttributeConverter<PartnerAccountId, String> {
    @Override
    public String convertToDatabaseColumn(PartnerAccountId id) {
        return id == null ? null : id.value();
    }

    @Override
    public PartnerAccountId convertToEntityAttribute(String value) {
        return value == null ? null : PartnerAccountId.of(value);
    }
}
