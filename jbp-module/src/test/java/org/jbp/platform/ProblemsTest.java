package org.jbp.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;
import java.util.List;
import java.util.Map;
import org.jbp.kernel.RuleViolation;
import org.jbp.kernel.StateConflict;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.security.AccessDenied;
import org.junit.jupiter.api.Test;

/** The one translation of the domain's failures into problem+json, wherever the container wrapped them. */
class ProblemsTest {

    @Test
    void aStateConflictIsA409WithItsDetailsEvenInsideTheContainersWrappers() {
        var conflict = new StateConflict("Step 'VP' is APPROVED", Map.of("stepStatus", "APPROVED"));
        ProblemException problem = Problems.unwrap(new TransactionalException("rolled back", new EJBException(conflict)));
        assertEquals(409, problem.status());
        assertEquals("Step 'VP' is APPROVED", problem.getMessage());
        assertEquals(Map.of("stepStatus", "APPROVED"), problem.extensions());
    }

    @Test
    void anIllegalTransitionNamesTheStatusAndTheAction() {
        ProblemException problem = Problems.unwrap(new BusinessPlan.IllegalTransition("close", PlanStatus.DRAFT));
        assertEquals(409, problem.status());
        assertEquals(Map.of("status", "DRAFT", "action", "close"), problem.extensions());
    }

    @Test
    void aConcurrentWriteThatLostItsOptimisticLockIsTheSame412AsAStaleIfMatch() {
        ProblemException lost = Problems.unwrap(new TransactionalException("rolled back",
                new jakarta.persistence.RollbackException(new OptimisticLockException("version 3 changed"))));
        ProblemException staleIfMatch = ProblemException.stale(4);
        assertEquals(412, lost.status(), "a stale write is never a 409 state conflict");
        assertEquals(staleIfMatch.type(), lost.type());
        assertEquals(Map.of(), lost.extensions(), "the loser does not learn the winner's version");
        assertEquals(Map.of("currentVersion", 4L), staleIfMatch.extensions());
    }

    @Test
    void aRuleViolationIsA422NamingEveryField() {
        ProblemException problem = Problems.unwrap(new RuleViolation(List.of(
                new RuleViolation.Violation("actions[1].dueDate", "must not be before the review"),
                new RuleViolation.Violation("actions[2].status", "must be OPEN or DONE"))));
        assertEquals(422, problem.status());
        assertEquals(List.of("actions[1].dueDate", "actions[2].status"),
                problem.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void accessDeniedIsA403() {
        assertEquals(403, Problems.unwrap(new AccessDenied("no partnerAccountId claim")).status());
    }

    @Test
    void aBugIsNotMistakenForAProblemTheClientCanFix() {
        assertNull(Problems.unwrap(new EJBException(new NullPointerException("bug"))));
    }
}
