package org.jbp.people.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.jbp.people.control.UserDirectory;
import org.jbp.people.entity.PersonSource;
import org.jbp.security.CurrentUser;
import org.jbp.security.TabTokens;

/**
 * Tells the user directory who is calling, from the token's {@code sub}, {@code name} and (when the identity
 * provider sends it) {@code email}. The directory writes only when the person is new or looks different, so an
 * ordinary request costs a map look-up. Tab tokens carry the Canvas user's name and count as Canvas.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER)
public class SignInRecorder implements ContainerRequestFilter {

    @Inject
    CurrentUser user;
    @Inject
    UserDirectory directory;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null || user.id() == null) {
            return;
        }
        PersonSource via = user.claim(TabTokens.TAB_CLAIM).isPresent() ? PersonSource.CANVAS : PersonSource.TOKEN;
        directory.signedIn(user.id(), user.claim("name").orElse(null), user.claim("email").orElse(null), via);
    }
}
