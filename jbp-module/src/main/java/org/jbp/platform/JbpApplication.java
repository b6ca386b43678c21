package org.jbp.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.jbp.security.Roles;

/**
 * The REST API root. Bearer tokens are MicroProfile JWTs; the groups claim carries the roles.
 * A CDI bean so that Payara's JWT extension sees {@code @LoginConfig} under annotated bean discovery.
 */
@ApplicationScoped
@ApplicationPath("api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "jbp")
@DeclareRoles({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
@OpenAPIDefinition(
        info = @Info(title = "JBP - joint business plans", version = "v1",
                description = "Templates, six-part joint business plans, revisions and comments. Errors are RFC 9457 "
                        + "problem+json. An edit refused because someone else changed the record since it was read "
                        + "(a stale If-Match, or a concurrent write that lost) is 412 type stale-version, with "
                        + "currentVersion where known; 409 is a state conflict (an illegal transition, a step "
                        + "decided already, a run already running), which reloading does not resolve."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class JbpApplication extends Application {
}
