package org.kcassurance.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SetupProgressTest {

    @Test
    void countsThroughThreeSetupPages() {
        SetupProgress first = SetupProgress.of(null, Set.of("CONFIGURE_TOTP", "webauthn-register", "CONFIGURE_RECOVERY_AUTHN_CODES"), "CONFIGURE_TOTP");
        assertEquals(List.of(1, 3), List.of(first.step(), first.of()));
        SetupProgress second = SetupProgress.of(first.seen(), Set.of("webauthn-register", "CONFIGURE_RECOVERY_AUTHN_CODES"), "webauthn-register");
        assertEquals(List.of(2, 3), List.of(second.step(), second.of()));
        SetupProgress third = SetupProgress.of(second.seen(), Set.of("CONFIGURE_RECOVERY_AUTHN_CODES"), "CONFIGURE_RECOVERY_AUTHN_CODES");
        assertEquals(List.of(3, 3), List.of(third.step(), third.of()));
    }

    @Test
    void aReloadOrAWrongCodeKeepsTheStep() {
        SetupProgress first = SetupProgress.of(null, Set.of("CONFIGURE_TOTP", "webauthn-register"), "CONFIGURE_TOTP");
        SetupProgress again = SetupProgress.of(first.seen(), Set.of("CONFIGURE_TOTP", "webauthn-register"), "CONFIGURE_TOTP");
        assertEquals(first, again);
    }

    @Test
    void anActionAddedOnTheWayGrowsTheTotalNotTheStep() {
        SetupProgress first = SetupProgress.of(null, Set.of("CONFIGURE_TOTP", "webauthn-register"), "CONFIGURE_TOTP");
        SetupProgress later = SetupProgress.of(first.seen(), Set.of("webauthn-register", "CONFIGURE_RECOVERY_AUTHN_CODES"), "webauthn-register");
        assertEquals(List.of(2, 3), List.of(later.step(), later.of()));
    }

    @Test
    void theCurrentPageCountsEvenWhenKeycloakNoLongerListsIt() {
        // An action the session (not the user) held and already dropped, shown once more.
        SetupProgress p = SetupProgress.of(null, Set.of(), "CONFIGURE_TOTP");
        assertEquals(List.of(1, 1), List.of(p.step(), p.of()));
        assertFalse(p.worthShowing());
        assertTrue(SetupProgress.of(null, Set.of("a"), "b").worthShowing());
    }
}
