package org.jbp.partner.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import org.jbp.partner.control.PartnerRepository;
import org.jbp.partner.entity.Partner;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.platform.JsonInput;
import org.jbp.platform.ProblemException;
import org.jbp.security.CurrentUser;
import org.jbp.security.Roles;

/** Partner accounts known to the module; the partner sync keeps them current, admins may register one ahead. */
@Path("partners")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {

    @Inject
    PartnerRepository partners;
    @Inject
    JsonInput input;
    @Inject
    CurrentUser user;
    @Inject
    Clock clock;

    public record PartnerInput(@NotBlank @Size(max = 255) String name,
                               @NotBlank @Size(max = 80) String tier,
                               @Size(max = 80) String partnerType,
                               @Size(max = 18) String ownerId,
                               @Size(max = 80) String region) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
    public String list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        partners.all().stream()
                .filter(p -> !user.isPartnerUser() || user.partnerAccount().filter(p.accountId()::equals).isPresent())
                .forEach(p -> list.add(toJson(p)));
        return list.build().toString();
    }

    @PUT
    @Path("{accountId}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public String register(@PathParam("accountId") String accountId, String body) {
        String problem = PartnerAccountId.problemWith(accountId);
        if (problem != null) {
            throw ProblemException.invalid("accountId", problem);
        }
        PartnerInput in = input.bind(body, PartnerInput.class);
        PartnerAccountId id = PartnerAccountId.of(accountId);
        Instant now = clock.instant();
        Partner partner = partners.find(id).orElse(null);
        if (partner == null) {
            partner = new Partner(id, in.name(), in.tier(), in.partnerType(), in.ownerId(), in.region(), now);
            partners.add(partner);
        } else {
            partner.describe(in.name(), in.tier(), in.partnerType(), in.ownerId(), in.region(), now);
        }
        return toJson(partner).toString();
    }

    static JsonObject toJson(Partner p) {
        var json = Json.createObjectBuilder()
                .add("accountId", p.accountId().value())
                .add("name", p.name())
                .add("tier", p.tier());
        if (p.partnerType() != null) json.add("partnerType", p.partnerType());
        if (p.ownerId() != null) json.add("ownerId", p.ownerId());
        if (p.region() != null) json.add("region", p.region());
        return json.build();
    }
}
