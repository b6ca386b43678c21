package org.jbp.plan.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.people.control.UserDirectory;
import org.jbp.plan.control.PlanService;
import org.jbp.plan.entity.PlanComment;
import org.jbp.platform.JsonInput;
import org.jbp.security.Roles;
import org.jbp.kernel.PlanId;

/** Comment threads per section of a plan; anyone who can see the plan can discuss it. */
@Path("plans/{id}/comments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class CommentResource {

    @Inject
    PlanService service;
    @Inject
    JsonInput input;
    @Inject
    UserDirectory directory;

    public record NewComment(@Size(max = 40) String section, UUID replyTo,
                             @NotBlank @Size(max = 4000) String body) {
    }

    public record CommentView(UUID id, String section, String authorId, String authorName, String body,
                              Instant createdAt) {
        static CommentView of(PlanComment c, Map<String, String> names) {
            return new CommentView(c.id(), c.section(), c.authorId(), shownName(c, names), c.body(), c.createdAt());
        }
    }

    public record Thread(UUID id, String section, String authorId, String authorName, String body, Instant createdAt,
                         List<CommentView> replies) {
    }

    @POST
    @Operation(summary = "Open a thread on a section, or reply to a comment (replyTo)")
    public Response add(@PathParam("id") PlanId id, String body) {
        NewComment in = input.bind(body, NewComment.class);
        PlanComment comment = service.comment(id, in.section(), in.replyTo(), in.body());
        return Response.status(Response.Status.CREATED)
                .entity(CommentView.of(comment, directory.names(List.of(comment.authorId())))).build();
    }

    @GET
    @Operation(summary = "The plan's comment threads with their replies, oldest first")
    public List<Thread> threads(@PathParam("id") PlanId id, @QueryParam("section") String section) {
        return threads(service.comments(id), section, directory);
    }

    /** The comments as {@code GET /plans/{id}/comments} shows them: threads with their replies, of one section or all (null). */
    public static List<Thread> threads(List<PlanComment> comments, String section, UserDirectory directory) {
        Map<UUID, Thread> threads = new LinkedHashMap<>();
        Map<String, String> names = directory.names(comments.stream().map(PlanComment::authorId).toList());
        for (PlanComment c : comments) {
            if (section != null && !section.equals(c.section())) {
                continue;
            }
            if (c.threadId() == null) {
                threads.put(c.id(), new Thread(c.id(), c.section(), c.authorId(), shownName(c, names), c.body(),
                        c.createdAt(), new ArrayList<>()));
            } else if (threads.containsKey(c.threadId())) {
                threads.get(c.threadId()).replies().add(CommentView.of(c, names));
            }
        }
        return List.copyOf(threads.values());
    }

    /**
     * The name stored with the comment, which is the one its author had then; the directory's for comments saved
     * without one (a token without a name claim stored the id itself).
     */
    static String shownName(PlanComment c, Map<String, String> names) {
        String stored = c.authorName();
        return stored != null && !stored.equals(c.authorId()) ? stored : names.getOrDefault(c.authorId(), stored);
    }
}
