package org.kcassurance.amr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EnrolledFactorRecorderTest {

    @Test
    void addsEachFactorOnce() {
        assertEquals("[\"otp\"]", EnrolledFactorRecorder.with(null, "otp"));
        assertEquals("[\"otp\",\"hwk\"]", EnrolledFactorRecorder.with("[\"otp\"]", "hwk"));
        assertEquals("[\"otp\"]", EnrolledFactorRecorder.with("[\"otp\"]", "otp"));
        assertEquals("[\"hwk\"]", EnrolledFactorRecorder.with("not json", "hwk"));
    }

    @Test
    void onlyFactorsWhoseSetUpProvesPossession() {
        assertEquals("otp", EnrolledFactorRecorder.AMR.get("otp"));
        assertEquals("hwk", EnrolledFactorRecorder.AMR.get("webauthn"));
        assertEquals("hwk", EnrolledFactorRecorder.AMR.get("webauthn-passwordless"));
        // Recovery codes are shown, not used, when set up; a password set up proves nothing new.
        assertNull(EnrolledFactorRecorder.AMR.get("recovery-authn-codes"));
        assertNull(EnrolledFactorRecorder.AMR.get("password"));
    }
}
