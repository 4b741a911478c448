package org.kcassurance.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kcassurance.reset.ResetRules.Act;
import org.kcassurance.reset.ResetRules.Caller;
import org.kcassurance.reset.ResetRules.State;
import org.kcassurance.reset.ResetRules.Status;

class ResetRulesTest {

    static final long NOW = 1_800_000_000L;
    static final ResetPolicy P = ResetPolicyTest.policy();

    static Caller caller(Set<String> roles, int rank, Long authTime, String azp) {
        return new Caller("b", roles, rank, authTime, azp);
    }

    @Test
    void anApproverWithAFreshTopLevelSignInOfOurClientMayApprove() {
        assertNull(ResetRules.refuseCaller(P, caller(Set.of("security-owners"), 3, NOW - 60, "kc-assurance-cli"), Act.APPROVE, NOW));
    }

    @Test
    void refusesEachMissingCondition() {
        Caller ok = caller(Set.of("security-owners"), 3, NOW - 60, "kc-assurance-cli");
        assertTrue(ResetRules.refuseCaller(P, caller(ok.roles(), 3, NOW - 60, "admin-portal"), Act.APPROVE, NOW).contains("kc-assurance-cli"));
        assertTrue(ResetRules.refuseCaller(P, caller(Set.of(), 3, NOW - 60, "kc-assurance-cli"), Act.APPROVE, NOW).contains("roles"));
        // security-owners approve but do not request.
        assertTrue(ResetRules.refuseCaller(P, ok, Act.REQUEST, NOW).contains("identity-admins"));
        assertTrue(ResetRules.refuseCaller(P, caller(ok.roles(), 2, NOW - 60, "kc-assurance-cli"), Act.APPROVE, NOW).contains("level 3"));
        assertTrue(ResetRules.refuseCaller(P, caller(ok.roles(), 3, NOW - 601, "kc-assurance-cli"), Act.APPROVE, NOW).contains("sign in again"));
        assertTrue(ResetRules.refuseCaller(P, caller(ok.roles(), 3, null, "kc-assurance-cli"), Act.APPROVE, NOW).contains("sign in again"));
        // At exactly maxAge the sign-in still counts.
        assertNull(ResetRules.refuseCaller(P, caller(ok.roles(), 3, NOW - 600, "kc-assurance-cli"), Act.APPROVE, NOW));
    }

    @Test
    void readingTheListNeedsARoleButNoStepUp() {
        assertNull(ResetRules.refuseCaller(P, caller(Set.of("identity-admins"), 1, NOW - 9999, "kc-assurance-cli"), Act.READ, NOW));
        assertTrue(ResetRules.refuseCaller(P, caller(Set.of(), 3, NOW, "kc-assurance-cli"), Act.READ, NOW) != null);
    }

    @Test
    void aRequestNeedsAnotherUsersAccountAReasonATicketAndProofing() {
        assertNull(ResetRules.refuseRequest(P, "a", "t", "lost key", "INC-1", "ID check 42"));
        assertTrue(ResetRules.refuseRequest(P, "a", "a", "lost key", "INC-1", "ID check 42").contains("your own account"));
        assertTrue(ResetRules.refuseRequest(P, "a", "t", " ", "INC-1", "ID check 42").contains("reason"));
        assertTrue(ResetRules.refuseRequest(P, "a", "t", "lost key", null, "ID check 42").contains("ticket"));
        assertTrue(ResetRules.refuseRequest(P, "a", "t", "lost key", "INC-1", "").contains("proofing"));
    }

    @Test
    void approvalsComeFromOthersOnceEachWhileTheRequestIsOpen() {
        State open = new State("t", "a", Status.OPEN, NOW + 100, List.of());
        assertNull(ResetRules.refuseApproval(open, "b", NOW));
        assertTrue(ResetRules.refuseApproval(open, "a", NOW).contains("someone else"));
        assertTrue(ResetRules.refuseApproval(open, "t", NOW).contains("your own account"));
        assertTrue(ResetRules.refuseApproval(new State("t", "a", Status.OPEN, NOW + 100, List.of("b")), "b", NOW).contains("already approved"));
        assertTrue(ResetRules.refuseApproval(new State("t", "a", Status.OPEN, NOW, List.of()), "b", NOW).contains("expired"));
        assertTrue(ResetRules.refuseApproval(new State("t", "a", Status.EXECUTED, NOW + 100, List.of("b")), "c", NOW).contains("executed"));
        assertTrue(ResetRules.refuseCancel(new State("t", "a", Status.CANCELLED, NOW + 100, List.of()), NOW).contains("cancelled"));
    }

    @Test
    void completeWhenTheApprovalsNeededArePresent() {
        assertFalse(ResetRules.complete(new State("t", "a", Status.OPEN, NOW, List.of("b")), 2));
        assertTrue(ResetRules.complete(new State("t", "a", Status.OPEN, NOW, List.of("b", "c")), 2));
    }

    @Test
    void ranksAnAcrThroughTheRealmsMap() {
        String map = "{\"urn:example:loa:1\":1,\"urn:example:loa:2\":2,\"gold\":3}";
        assertEquals(3, ResetRules.rankOf(map, "gold"));
        assertEquals(2, ResetRules.rankOf(map, "2"));
        assertEquals(0, ResetRules.rankOf(map, "platinum"));
        assertEquals(0, ResetRules.rankOf(map, null));
        assertEquals(0, ResetRules.rankOf("{bad", "gold"));
    }
}
