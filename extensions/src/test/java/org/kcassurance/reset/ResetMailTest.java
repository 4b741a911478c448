package org.kcassurance.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ResetMailTest {

    static final long AT = 1_800_000_000L; // 2027-01-15 08:00 UTC

    @Test
    void saysWhatWhenByWhomWhatToDoAndHowToReport() {
        ResetMail.Mail m = ResetMail.compose("en", "Example", "tina", List.of("webauthn", "totp"), AT, "alice", List.of("bob"), "req-1");
        assertEquals("Your sign-in methods were reset", m.subject());
        assertTrue(m.text().contains("security key, authenticator app"));
        assertTrue(m.text().contains("2027-01-15 08:00 UTC"));
        assertTrue(m.text().contains("Requested by alice, approved by bob"));
        assertTrue(m.text().contains("set up your sign-in methods again"));
        assertTrue(m.text().contains("report it to your IT security team at once, quoting reference req-1"));
    }

    @Test
    void inGermanForAGermanUser() {
        ResetMail.Mail m = ResetMail.compose("de", "Example", "tina", List.of("recovery-codes"), AT, "alice", List.of("bob"), "req-1");
        assertEquals("Ihre Anmeldemethoden wurden zurückgesetzt", m.subject());
        assertTrue(m.text().contains("Wiederherstellungscodes"));
    }

    @Test
    void escapesNamesInItsHtml() {
        ResetMail.Mail m = ResetMail.compose("en", "<Corp>", "t&a", List.of("totp"), AT, "a\"b", List.of(), "r");
        assertTrue(m.html().contains("&lt;Corp&gt;"));
        assertTrue(m.html().contains("t&amp;a"));
        assertFalse(m.html().contains("<Corp>"));
    }
}
